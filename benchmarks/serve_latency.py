"""Time from saving a Markdown page to the reload event of ``mediakit serve``.

Starts serve on a free 127.0.0.1 port, finds the event-stream URL in the script serve injects
into its pages, subscribes to it like a browser tab would, then edits a page and measures until
the next event arrives. The served page is then fetched to check the edit really is in it.
"""

from __future__ import annotations

import http.client
import os
import queue
import re
import signal
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from measure import BenchmarkError, Sample

STARTUP_TIMEOUT = 120.0
EVENT_TIMEOUT = 20.0
EVENT_SOURCE = re.compile(r"""EventSource\(\s*["'`]([^"'`]+)["'`]""")
SCRIPT_SRC = re.compile(r"""<script[^>]*\ssrc=["']([^"']+)["']""")


def serve_available(argv: list[str], env: dict[str, str], cwd: Path) -> str:
    """"" when ``mediakit serve --help`` works, else why serve cannot be measured."""
    done = subprocess.run([*argv, "serve", "--help"], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=60)
    if done.returncode != 0:
        return "serve not available yet"
    return ""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str, timeout: float = 5.0) -> tuple[str, str]:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.read().decode("utf-8", "replace"), response.headers.get_content_type()


@dataclass
class Event:
    at: float
    name: str
    data: str


class EventStream:
    """A subscriber to a text/event-stream, timestamping each event as it completes."""

    def __init__(self, port: int, path: str) -> None:
        self.events: queue.Queue[Event | None] = queue.Queue()
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=None)
        self.conn.request("GET", path, headers={"Accept": "text/event-stream",
                                                "Cache-Control": "no-cache"})
        response = self.conn.getresponse()
        if response.status != 200:
            raise BenchmarkError(f"event stream {path} answered HTTP {response.status}")
        self.response = response
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        name, data = "message", []
        try:
            while True:
                line = self.response.fp.readline()
                if not line:
                    break
                text = line.decode("utf-8", "replace").rstrip("\r\n")
                if text == "":
                    if data or name != "message":
                        self.events.put(Event(time.perf_counter(), name, "\n".join(data)))
                    name, data = "message", []
                elif text.startswith(":"):
                    continue  # keep-alive comment
                elif text.startswith("event:"):
                    name = text[6:].strip()
                elif text.startswith("data:"):
                    data.append(text[5:].strip())
        except (OSError, ValueError):
            pass
        self.events.put(None)

    def drain(self) -> None:
        while True:
            try:
                self.events.get_nowait()
            except queue.Empty:
                return

    def next_after(self, moment: float, timeout: float) -> Event:
        deadline = time.perf_counter() + timeout
        while True:
            remaining = deadline - time.perf_counter()
            try:
                event = self.events.get(timeout=max(remaining, 0.001))
            except queue.Empty:
                message = f"no reload event within {timeout:.0f} s of the edit"
                raise BenchmarkError(message) from None
            if event is None:
                raise BenchmarkError("serve closed the event stream")
            if event.at >= moment:
                return event

    def close(self) -> None:
        self.conn.close()


def find_event_path(port: int) -> str:
    """The event-stream path named in the reload script of the served index page."""
    base = f"http://127.0.0.1:{port}"
    html, _ = _get(base + "/")
    found = EVENT_SOURCE.search(html)
    if not found:
        for src in SCRIPT_SRC.findall(html):
            if src.startswith(("http:", "https:", "//")):
                continue
            script, _ = _get(base + "/" + src.lstrip("/"))
            found = EVENT_SOURCE.search(script)
            if found:
                break
    if not found:
        raise BenchmarkError("no EventSource(...) URL in the page or scripts serve injects")
    path = found.group(1)
    return path if path.startswith("/") else "/" + path


def wait_until_serving(proc: subprocess.Popen, port: int, built: Path) -> None:
    """Wait until the first build has written ``built`` and the server answers."""
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise BenchmarkError(f"serve exited with status {proc.returncode} before serving")
        try:
            if built.is_file():
                _get(f"http://127.0.0.1:{port}/", timeout=30)
                return
        except (OSError, urllib.error.URLError):
            pass
        time.sleep(0.1)
    raise BenchmarkError(f"serve did not answer on port {port} within {STARTUP_TIMEOUT:.0f} s")


def measure_serve(argv: list[str], env: dict[str, str], project: Path, edits: int,
                  log_path: Path) -> list[Sample]:
    """Edit content/pages/about.md ``edits`` times; one Sample (edit -> event) per edit.

    The peak memory of every sample is the serve process's own high-water mark (VmHWM), read
    once serve has rebuilt for all edits.
    """
    port = free_port()
    page = project / "content" / "pages" / "about.md"
    original = page.read_text("utf-8")
    with open(log_path, "wb") as log:
        proc = subprocess.Popen([*argv, "serve", str(project), "--port", str(port)], cwd=project,
                                env=env, stdout=log, stderr=subprocess.STDOUT)
    stream = None
    try:
        wait_until_serving(proc, port, project / "site" / "index.html")
        stream = EventStream(port, find_event_path(port))
        time.sleep(0.5)
        latencies: list[float] = []
        for number in range(1, edits + 1):
            stream.drain()
            marker = f"Benchmark edit number {number} at {time.time_ns()}."
            saved = time.perf_counter()
            page.write_text(original + f"\n{marker}\n", "utf-8")
            event = stream.next_after(saved, EVENT_TIMEOUT)
            latencies.append(event.at - saved)
            served, _ = _get(f"http://127.0.0.1:{port}/about.html")
            if marker not in served:
                raise BenchmarkError(f"after the {event.name!r} event, about.html lacks the edit")
            time.sleep(0.3)  # let any trailing rebuild settle before the next save
        peak = _vm_hwm_mib(proc.pid)
        return [Sample(seconds, peak) for seconds in latencies]
    finally:
        if stream is not None:
            stream.close()
        _stop(proc)
        page.write_text(original, "utf-8")


def _vm_hwm_mib(pid: int) -> float:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return float("nan")
    found = re.search(r"VmHWM:\s+(\d+)\s+kB", status)
    return int(found.group(1)) / 1024 if found else float("nan")


def _stop(proc: subprocess.Popen) -> None:
    """Ctrl-C, as a user stops serve; SIGKILL if it has not exited after 10 s."""
    if proc.poll() is not None:
        return
    os.kill(proc.pid, signal.SIGINT)
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
