"""`mediakit serve` answers only requests addressed to it: DNS rebinding cannot read the preview.

A web page the creator visits can make its own domain resolve to 127.0.0.1 and then fetch the
preview as if it were its own origin. Such a request still names the attacker's domain in its
Host header; the server refuses it with 403 and one line in the terminal. Every test here sends
real HTTP requests to a running PreviewServer on a free port.
"""

from __future__ import annotations

import http.client
import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from mediakit.serve.http_server import PreviewServer, allowed_hosts
from mediakit.serve.live import EVENTS, LIVE_JS, LiveState
from mediakit.serve.watch import Preview

SECRET = "Unlisted pitch for Acme: 3 videos, $1,200"


class Running:
    """A PreviewServer serving a one-page site, and the lines it told the terminal."""

    def __init__(self, server: PreviewServer, told: list[str]) -> None:
        self.server = server
        self.told = told
        self.port = server.server_address[1]

    def request(self, target: str = "/", hosts: list[str] | None = None,
                method: str = "GET") -> tuple[int, str]:
        """Send one request with exactly these Host headers (none when the list is empty)."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            connection.putrequest(method, target, skip_host=True, skip_accept_encoding=True)
            for host in hosts if hosts is not None else [f"127.0.0.1:{self.port}"]:
                connection.putheader("Host", host)
            connection.endheaders()
            response = connection.getresponse()
            # An event stream never ends: take its first bytes only, so a leak cannot hang here.
            body = (response.read() if response.getheader("Content-Length") is not None
                    else response.read1(65536))
            return response.status, body.decode("utf-8")
        finally:
            connection.close()


@pytest.fixture()
def running(tmp_path: Path) -> Iterator[Running]:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(f"<!doctype html><body><p>{SECRET}</p></body>", "utf-8")
    told: list[str] = []
    state = LiveState()
    server = PreviewServer(0, site, state, tell=told.append)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Running(server, told)
    finally:
        state.close()
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def test_the_allowed_hosts_are_the_served_address_and_localhost_with_the_port():
    assert allowed_hosts("127.0.0.1", 8000) == {"127.0.0.1:8000", "localhost:8000"}
    assert allowed_hosts("::1", 8000) == {"[::1]:8000", "localhost:8000"}
    assert allowed_hosts("127.0.0.1", 80) == {"127.0.0.1:80", "localhost:80", "127.0.0.1",
                                              "localhost"}  # a browser omits the default port


def test_the_address_and_localhost_with_the_port_are_served(running):
    port = running.port
    for host in (f"127.0.0.1:{port}", f"localhost:{port}", f"LocalHost:{port}"):
        status, page = running.request(hosts=[host])
        assert status == 200 and SECRET in page, host
    assert running.told == []


@pytest.mark.parametrize("host", [
    "evil.example:{port}",              # a rebound name, right port
    "127.0.0.1.evil.example:{port}",    # a name that starts like ours
    "localhost.evil.example:{port}",
    "127.0.0.1:{other}",                # the right address, another port
    "localhost:{other}",
    "127.0.0.1",                        # no port means port 80
    "[::1]:{port}",                     # the server listens on 127.0.0.1 only
    "evil.example",
])
def test_a_request_for_another_host_is_refused_with_one_line(running, host):
    host = host.format(port=running.port, other=running.port + 1)
    status, body = running.request(hosts=[host])
    assert status == 403
    assert SECRET not in body and f"http://127.0.0.1:{running.port}/" in body
    assert running.told == [
        f"Warning: refused a request for '{host}': the preview answers only "
        f"127.0.0.1:{running.port} and localhost:{running.port} (a web page may be trying to "
        "read it)."
    ]


def test_a_request_without_a_host_or_with_two_is_refused(running):
    port = running.port
    assert running.request(hosts=[])[0] == 403
    assert running.request(hosts=[f"127.0.0.1:{port}", "evil.example"])[0] == 403
    assert [line.split(": the preview")[0] for line in running.told] == [
        "Warning: refused a request without a Host header",
        "Warning: refused a request with several Host headers",
    ]


def test_an_absolute_request_target_must_name_us_too(running):
    port = running.port
    ours = f"127.0.0.1:{port}"
    assert running.request(f"http://evil.example:{port}/", hosts=[ours])[0] == 403
    assert running.told[0].startswith(f"Warning: refused a request for 'evil.example:{port}'")
    status, page = running.request(f"http://localhost:{port}/", hosts=[ours])
    assert status == 200 and SECRET in page


def test_the_live_reload_stream_and_script_are_refused_to_other_hosts(running):
    for target in (EVENTS, "/__mediakit__/live.js", "/index.html", "/nope"):
        status, body = running.request(target, hosts=[f"evil.example:{running.port}"])
        assert status == 403 and "event:" not in body, target
    assert running.request(method="HEAD", hosts=["evil.example"])[0] == 403


def test_a_page_retrying_in_a_loop_prints_one_line_per_host(running):
    for _ in range(5):
        assert running.request(hosts=["evil.example"])[0] == 403
    assert len(running.told) == 1


def test_a_page_rotating_hosts_cannot_flood_the_terminal(running):
    for number in range(25):
        assert running.request(hosts=[f"evil{number}.example"])[0] == 403
    assert len(running.told) == 21  # REFUSALS_SHOWN hosts, then one line that says it stops
    assert running.told[-1] == "Warning: refused more requests for other hosts (not shown)."


def test_a_host_with_terminal_escapes_is_printed_harmlessly(running):
    assert running.request(hosts=["evil\x1b[2J.example"])[0] == 403
    assert running.told[0].startswith("Warning: refused a request for 'evil\\x1b[2J.example'")
    assert "\x1b" not in running.told[0]


def test_serve_tells_refusals_through_its_echo_callback(small):
    said: list[tuple[str, bool]] = []
    preview = Preview(small, port=0, echo=lambda text, error: said.append((text, error)))
    thread = threading.Thread(target=preview.server.serve_forever, daemon=True)
    thread.start()
    try:
        running = Running(preview.server, [])
        assert running.request(hosts=["evil.example"])[0] == 403
        assert len(said) == 1 and said[0][1] is True
        assert said[0][0].startswith("Warning: refused a request for 'evil.example'")
        status, page = running.request(hosts=[f"localhost:{running.port}"])
        assert status == 200 and "The kit is not built yet" in page
    finally:
        preview.state.close()
        preview.server.shutdown()
        preview.server.server_close()
        thread.join(timeout=10)


def test_the_creators_notes_reach_the_preview_overlay_only(running):
    note = "content/profile.yaml:9: name is still the example from mediakit init ('Your Name')"
    running.server.state.succeeded([note, "<b>not html</b>"])
    status, body = running.request("/__mediakit__/events")
    assert status == 200
    data = json.loads(next(line for line in body.splitlines()
                           if line.startswith("data: "))[len("data: "):])
    assert data == {"build": 1, "error": None, "notes": [note, "<b>not html</b>"]}
    # the overlay writes each note as text (never HTML), and only in served copies of pages
    assert "item.textContent = text" in LIVE_JS and "innerHTML" not in LIVE_JS
