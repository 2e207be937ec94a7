"""`mediakit serve`: live preview on 127.0.0.1, reloads on change, errors over the last good page.

The end-to-end test runs the real command in a subprocess on a free port, edits files and reads
the Server-Sent Events stream as a browser would. Every wait is bounded; nothing but 127.0.0.1
is ever contacted (urllib is built without proxies).
"""

from __future__ import annotations

import json
import os
import queue
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from mediakit.errors import MediakitError
from mediakit.serve.http_server import PreviewServer, resolve
from mediakit.serve.live import EVENTS, LiveState, inject
from mediakit.serve.watch import Preview, WatchFilter

STARTUP_S = 240  # the first build on a busy CI machine
REBUILD_S = 180
DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never via a proxy

CSP = ('<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
       'img-src \'self\' data:; style-src \'self\' \'unsafe-inline\'">')


def get(url: str, timeout: float = 30) -> tuple[int, str]:
    assert url.startswith("http://127.0.0.1:")
    try:
        with DIRECT.open(url, timeout=timeout) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


# -- pieces --------------------------------------------------------------------------------------


def test_the_script_is_injected_and_the_policy_allows_only_it():
    page = f"<html><head>{CSP}</head><body><p>Hi</p></body></html>"
    served = inject(page, 7)
    assert served.endswith('<script src="/__mediakit__/live.js" data-build="7"></script>\n'
                           "</body></html>")
    policy = re.search(r'content="([^"]*)"', served)[1].replace("&#x27;", "'")
    assert policy == ("default-src 'none'; img-src 'self' data:; style-src 'self' "
                      "'unsafe-inline'; script-src 'self'; connect-src 'self'")


def test_a_policy_that_forbids_scripts_outright_is_opened_for_the_same_origin_only():
    page = ('<meta content="script-src \'none\'; connect-src https://x.example" '
            'http-equiv="content-security-policy"><body></body>')
    policy = re.search(r'content="([^"]*)"', inject(page, 1))[1].replace("&#x27;", "'")
    assert policy == "script-src 'self'; connect-src https://x.example 'self'"


def test_a_page_without_body_still_gets_the_script():
    assert inject("<p>bare</p>", 2) == ('<p>bare</p>\n<script src="/__mediakit__/live.js" '
                                        'data-build="2"></script>\n')


def test_urls_map_to_files_inside_the_site_only(tmp_path):
    site = tmp_path / "site"
    (site / "pitches").mkdir(parents=True)
    for name in ("index.html", "about.html", "pitches/index.html", ".mediakit-manifest.json"):
        (site / name).write_text("x")
    (tmp_path / "secret.txt").write_text("secret")
    (site / "link.txt").symlink_to(tmp_path / "secret.txt")
    assert resolve(site, "/") == (site / "index.html", False)
    assert resolve(site, "/about") == (site / "about.html", False)
    assert resolve(site, "/about.html") == (site / "about.html", False)
    assert resolve(site, "/pitches/") == (site / "pitches/index.html", False)
    assert resolve(site, "/pitches") == (None, True)  # redirect to /pitches/
    for bad in ("/../secret.txt", "/.mediakit-manifest.json", "/link.txt", "/nope.html",
                "/..%2fsecret.txt", "/a\\..\\secret.txt"):
        assert resolve(site, bad) == (None, False), bad


def test_only_edits_to_content_and_templates_trigger_a_rebuild(tmp_path):
    keep = WatchFilter(tmp_path, tmp_path / "site")
    yes = ["content/profile.yaml", "content/pages/about.md", "content/data/tiktok/Overview.csv",
           "templates/base.html"]
    no = ["content/data/history/daily.csv", "site/index.html", ".site.mediakit-tmp-42/tree/x",
          ".mediakit-cache/charts/a.svg", "content/pages/.about.md.swp", "content/pages/about.md~",
          "content/pages/4913", "README.md", "content/.DS_Store", "templates/.#base.html"]
    for name in yes:
        assert keep(None, str(tmp_path / name)), name
    for name in no:
        assert not keep(None, str(tmp_path / name)), name
    elsewhere = WatchFilter(tmp_path, tmp_path / "content/public")
    assert not elsewhere(None, str(tmp_path / "content/public/index.html"))


def test_the_live_state_wakes_waiters_with_each_outcome():
    state = LiveState()
    assert state.wait(0, 0.01) == (0, 0, None, False)  # nothing new: times out
    state.succeeded()
    assert state.wait(0, 1) == (1, 1, None, False)
    state.failed("content/profile.yaml:1: broken")
    assert state.wait(1, 1) == (2, 1, "content/profile.yaml:1: broken", False)
    state.close()
    assert state.wait(2, 1)[3] is True


def test_a_busy_port_is_a_clear_error(small):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(MediakitError) as caught:
            Preview(small, port=port, echo=lambda *_: None)
    assert str(caught.value) == (f"port {port} is already in use (stop the other server, or "
                                 f"choose another port with --port {port + 1})")


def test_a_project_that_does_not_build_yet_is_served_with_its_error(small):
    (small / "content/profile.yaml").write_text("name: [unclosed\n")
    said: list[tuple[str, bool]] = []
    preview = Preview(small, port=0, echo=lambda text, error: said.append((text, error)))
    assert preview.server.server_address[0] == "127.0.0.1"
    preview.rebuild()
    thread = threading.Thread(target=preview.server.serve_forever, daemon=True)
    thread.start()
    try:
        status, page = get(preview.url)
        assert status == 200 and "The kit is not built yet" in page
        assert "profile.yaml:1" in page and 'data-build="0"' in page
        assert said[0][1] is True and said[0][0].startswith("Error: ")
    finally:
        preview.state.close()
        preview.server.shutdown()
        preview.server.server_close()
        thread.join(timeout=10)


# -- the real thing ------------------------------------------------------------------------------


class Events:
    """Read a text/event-stream as a browser's EventSource does, with a deadline."""

    def __init__(self, url: str) -> None:
        self.stream = DIRECT.open(url, timeout=30)  # keep-alive comments come every 10 s

    def next(self, deadline_s: float) -> tuple[str, dict]:
        name, data = "message", ""
        end = time.monotonic() + deadline_s
        while time.monotonic() < end:
            line = self.stream.readline().decode("utf-8")
            if not line:
                raise AssertionError("the event stream closed")
            line = line.rstrip("\n")
            if line.startswith("event: "):
                name = line[len("event: "):]
            elif line.startswith("data: "):
                data = line[len("data: "):]
            elif line == "" and data:
                return name, json.loads(data)
        raise AssertionError(f"no event within {deadline_s} s")

    def close(self) -> None:
        self.stream.close()


def logged(log: list[str], condition, deadline_s: float = 30) -> bool:
    """Wait until the server's output (pumped by a thread) satisfies ``condition``."""
    end = time.monotonic() + deadline_s
    while not condition():
        if time.monotonic() > end:
            raise AssertionError("not in the output:\n" + "".join(log))
        time.sleep(0.05)
    return True


@pytest.fixture()
def served(demo: Path):
    """``mediakit serve`` on a free port in a real process; stopped (and awaited) at the end."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    env.pop("MEDIAKIT_DEBUG", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "mediakit", "serve", str(demo), "--port", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env,
    )
    lines: queue.Queue[str] = queue.Queue()
    log: list[str] = []

    def pump() -> None:
        for line in process.stdout:  # type: ignore[union-attr]
            log.append(line)
            lines.put(line)

    threading.Thread(target=pump, daemon=True).start()
    end = time.monotonic() + STARTUP_S
    url = None
    while url is None and time.monotonic() < end:
        try:
            line = lines.get(timeout=max(0.1, end - time.monotonic()))
        except queue.Empty:
            break
        found = re.search(r"Serving (http://127\.0\.0\.1:\d+/)", line)
        url = found[1] if found else None
    try:
        assert url is not None, "serve did not start:\n" + "".join(log)
        yield url, process, log
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=30)


def test_serve_reloads_on_change_and_shows_errors_over_the_last_good_page(served, demo):
    url, process, log = served
    status, page = get(url)
    assert status == 200 and "Mara Quinn" in page
    assert '<script src="/__mediakit__/live.js" data-build="1"></script>' in page
    assert "__mediakit__" not in (demo / "site/index.html").read_text("utf-8")  # site/ is clean
    status, script = get(url + "__mediakit__/live.js")
    assert status == 200 and "EventSource" in script
    assert get(url + "no-such-page")[0] == 404

    events = Events(url + EVENTS.lstrip("/"))
    try:
        assert events.next(30) == ("status", {"build": 1, "error": None, "notes": []})

        about = demo / "content/pages/about.md"
        about.write_text(about.read_text("utf-8") + "\nThe harbour lights check.\n", "utf-8")
        assert events.next(REBUILD_S) == ("reload", {"build": 2})
        status, page = get(url + "about.html")
        assert status == 200 and "The harbour lights check." in page
        assert 'data-build="2"' in page

        profile = demo / "content/profile.yaml"
        good = profile.read_text("utf-8")
        profile.write_text("name: [unclosed\n", "utf-8")
        name, data = events.next(REBUILD_S)
        assert name == "build-error" and data["build"] == 2
        assert data["message"].startswith(f"{profile}:1")
        status, page = get(url)  # the last good build is still served
        assert status == 200 and "Mara Quinn" in page and 'data-build="2"' in page
        # the event can arrive before the reader thread has the process's error line: wait for it
        assert logged(log, lambda: any(line.startswith(f"Error: {profile}:1") for line in log))

        profile.write_text(good, "utf-8")
        assert events.next(REBUILD_S) == ("reload", {"build": 3})
        # A build writes content/data/history/ and site/: that must not start another build.
        # Instead of sleeping, edit the page once more and wait for that edit's build: builds
        # run one at a time in the order of the changes, so a build the writes had started
        # would come first, as build 4 and a "Nothing to rebuild" line.
        about.write_text(about.read_text("utf-8") + "\nA second check.\n", "utf-8")
        assert events.next(REBUILD_S) == ("reload", {"build": 4})
        assert "A second check." in get(url + "about.html")[1]
        # the output is read by another thread: wait for the second edit's line to arrive
        updated = "Updated content/pages/about.md in "
        assert logged(log, lambda: sum(line.startswith(updated) for line in log) == 2)
        assert sum(line.startswith("Built ") for line in log) == 1  # only the first build ran
        # ... every stage: the page edits re-rendered that page alone (publish.fastpath), and
        # the profile put back as it was left nothing to rebuild.
        assert sum(line.startswith("Nothing to rebuild in ") for line in log) == 1
    finally:
        events.close()

    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=30) == 0
    assert logged(log, lambda: bool(log) and log[-1].strip() == "Stopped.")
    with pytest.raises(OSError):
        with socket.create_connection(("127.0.0.1", int(url.rsplit(":", 1)[1].strip("/"))),
                                      timeout=5):
            pass


def test_serve_through_click_reports_a_busy_port_in_one_line(invoke, small):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        outcome = invoke("serve", small, "--port", port)
    assert outcome.exit_code == 2
    assert outcome.stderr.strip() == (f"Error: port {port} is already in use (stop the other "
                                      f"server, or choose another port with --port {port + 1})")


@pytest.mark.parametrize("gone", [BrokenPipeError, ConnectionResetError, ConnectionAbortedError])
def test_a_browser_leaving_mid_response_prints_no_traceback(tmp_path, capsys, gone):
    server = PreviewServer(0, tmp_path, LiveState())
    try:
        try:
            raise gone(32, "the tab was closed")
        except OSError:
            server.handle_error(None, ("127.0.0.1", 50000))
        assert capsys.readouterr().err == ""
        try:
            raise RuntimeError("a real bug")
        except RuntimeError:
            server.handle_error(None, ("127.0.0.1", 50000))
        assert "RuntimeError: a real bug" in capsys.readouterr().err  # bugs still show
    finally:
        server.server_close()
