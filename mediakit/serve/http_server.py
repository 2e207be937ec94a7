"""The preview's HTTP server: the output folder on 127.0.0.1, as GitHub Pages would serve it.

HTML responses get the live-reload script (live.py); /__mediakit__/events streams each build's
outcome to open pages. Before the first good build, a page says what stops it.

Only requests addressed to this server by name are answered (:func:`allowed_hosts`): listening
on 127.0.0.1 keeps other computers out, but not other web sites. A page the creator opens can
point its own domain at 127.0.0.1 (DNS rebinding) and then read the preview as same-origin: the
drafts, unlisted pitches and prices. Such a request carries the attacker's name in its Host
header, so checking that header closes the hole (as Vite and webpack-dev-server do since 2025).
"""

from __future__ import annotations

import html
import json
import mimetypes
import sys
import threading
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from mediakit.errors import printable
from mediakit.serve.live import EVENTS, LIVE_JS, SCRIPT, LiveState, inject

HOST = "127.0.0.1"
KEEPALIVE_S = 10.0
#: Refused hosts told to the terminal, each once; past that many, one last line says so.
REFUSALS_SHOWN = 20

#: str -> None: one line for the terminal (mediakit/serve never prints; the command line does).
Tell = Callable[[str], None]

NOT_BUILT = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>mediakit: the kit is not built yet</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font: 16px/1.5 system-ui, sans-serif; margin: 2rem; max-width: 50rem">
<h1>The kit is not built yet</h1>
<p>{error}</p>
<p>Fix the file and save it: this page reloads by itself.</p>
</body></html>
"""


class Handler(BaseHTTPRequestHandler):
    """Serve the output folder; HTML gets the live-reload script, /__mediakit__/events streams."""

    server: PreviewServer
    server_version = "mediakit"

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        self._respond(head=False)

    def do_HEAD(self) -> None:  # noqa: N802
        self._respond(head=True)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        if self.server.verbose:
            super().log_message(format, *args)

    def _respond(self, *, head: bool) -> None:
        if not self._addressed_to_us():
            return
        path = unquote(urlsplit(self.path).path)
        if path == EVENTS and not head:
            self._events()
            return
        if path == SCRIPT:
            self._send(HTTPStatus.OK, "text/javascript; charset=utf-8", LIVE_JS.encode(), head)
            return
        site = self.server.site
        if not (site / "index.html").is_file():
            page = NOT_BUILT.format(error=html.escape(self.server.state.error or "building..."))
            self._send_page(HTTPStatus.OK, page, head)
            return
        target, redirect = resolve(site, path)
        if redirect:
            self.send_response(HTTPStatus.MOVED_PERMANENTLY)
            self.send_header("Location", path + "/")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        status = HTTPStatus.OK
        if target is None:
            status, target = HTTPStatus.NOT_FOUND, site / "404.html"
        try:
            data = target.read_bytes()
        except OSError:  # a publish swapped the folder under us, or there is no 404.html
            self._send(HTTPStatus.NOT_FOUND, "text/plain; charset=utf-8", b"Not found\n", head)
            return
        kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if kind == "text/html":
            self._send_page(status, data.decode("utf-8", errors="replace"), head)
            return
        if kind.startswith("text/") or kind in ("application/json", "image/svg+xml"):
            kind += "; charset=utf-8"
        self._send(status, kind, data, head)

    def _addressed_to_us(self) -> bool:
        """True when the request names this server; else answer 403 and tell the terminal.

        Exactly one Host header is required (HTTP/1.1 demands it; a browser always sends it),
        and an absolute request target (``GET http://name/``) must name us too.
        """
        allowed = self.server.allowed_hosts
        hosts = self.headers.get_all("Host") or []
        target = None if self.path.startswith("/") else urlsplit(self.path).netloc
        if len(hosts) == 1 and hosts[0].strip().lower() in allowed and (
            target is None or target.lower() in allowed
        ):
            return True
        if not hosts:
            self.server.refused("without a Host header")
        elif len(hosts) > 1:
            self.server.refused("with several Host headers")
        else:
            named = hosts[0].strip() if hosts[0].strip().lower() not in allowed else target
            self.server.refused(f"for '{printable(str(named)[:100])}'")
        body = (f"mediakit serve answers only requests for http://{HOST}:"
                f"{self.server.server_address[1]}/ "
                "(this one named another host).\n").encode()
        self.close_connection = True
        self._send(HTTPStatus.FORBIDDEN, "text/plain; charset=utf-8", body,
                   self.command == "HEAD")
        return False

    def _send_page(self, status: HTTPStatus, page: str, head: bool) -> None:
        body = inject(page, self.server.state.build).encode("utf-8")
        self._send(status, "text/html; charset=utf-8", body, head)

    def _send(self, status: HTTPStatus, kind: str, body: bytes, head: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def _events(self) -> None:
        state = self.server.state
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        version, build_number, error, closed = state.wait(-1, 0)
        try:
            self._event("status", {"build": build_number, "error": error,
                                   "notes": list(state.notes)}, retry=1000)
            while not closed:
                seen = version
                version, build_number, error, closed = state.wait(seen, KEEPALIVE_S)
                if closed:
                    break
                if version == seen:
                    self.wfile.write(b": still here\n\n")  # keeps proxies and browsers patient
                elif error is None:
                    self._event("reload", {"build": build_number})
                else:
                    self._event("build-error", {"build": build_number, "message": error})
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError, TimeoutError):
            pass  # the tab was closed or reloaded

    def _event(self, name: str, data: dict, retry: int | None = None) -> None:
        text = f"event: {name}\ndata: {json.dumps(data)}\n\n"
        if retry:
            text = f"retry: {retry}\n" + text
        self.wfile.write(text.encode("utf-8"))
        self.wfile.flush()


def resolve(site: Path, path: str) -> tuple[Path | None, bool]:
    """The file a URL path names in ``site`` (None: not found), and whether to add a slash.

    Hidden files (the manifest, .nojekyll), ``..`` and links out of the folder are never served;
    ``/about`` finds ``about.html`` and ``/pitches/`` finds ``pitches/index.html``, as on Pages.
    """
    parts = [part for part in path.split("/") if part not in ("", ".")]
    if any(part.startswith(".") or "\\" in part or "\0" in part for part in parts):
        return None, False
    target = site.joinpath(*parts)
    if target.is_dir():
        if parts and not path.endswith("/"):
            return None, (target / "index.html").is_file()
        target = target / "index.html"
    elif not target.exists() and parts and not target.suffix:
        target = target.with_name(target.name + ".html")
    if not target.is_file():
        return None, False
    real, root = target.resolve(), site.resolve()
    if root not in real.parents:
        return None, False
    return target, False


def allowed_hosts(address: str, port: int) -> frozenset[str]:
    """The Host header values (lower case) a browser sends to reach ``address:port``.

    The address itself, and ``localhost`` for a loopback address, each with the port (without it
    too on port 80, its default). Any other name, even one that resolves to 127.0.0.1
    (``127.0.0.1.evil.example``), is a web site trying to read the preview.
    """
    shown = f"[{address}]" if ":" in address else address
    names = [shown]
    if address in ("127.0.0.1", "::1"):
        names.append("localhost")
    hosts = {f"{name}:{port}" for name in names}
    if port == 80:
        hosts.update(names)
    return frozenset(hosts)


class PreviewServer(ThreadingHTTPServer):
    """The HTTP server of one preview: the output folder, the live state, the allowed hosts."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, port: int, site: Path, state: LiveState, verbose: bool = False,
                 tell: Tell | None = None) -> None:
        self.site = site
        self.state = state
        self.verbose = verbose
        self.tell = tell
        self._refused: set[str] = set()
        self._refused_lock = threading.Lock()
        super().__init__((HOST, port), Handler)
        self.allowed_hosts = allowed_hosts(HOST, self.server_address[1])

    def refused(self, request: str) -> None:
        """Tell the terminal that a request was refused (``request`` says how it was addressed).

        Once per way of addressing, so a page retrying in a loop cannot flood the terminal.
        """
        with self._refused_lock:
            if request in self._refused or len(self._refused) > REFUSALS_SHOWN or self.tell is None:
                return
            self._refused.add(request)
            if len(self._refused) > REFUSALS_SHOWN:
                line = "Warning: refused more requests for other hosts (not shown)."
            else:
                line = (f"Warning: refused a request {request}: the preview answers only "
                        f"{' and '.join(sorted(self.allowed_hosts))} (a web page may be "
                        "trying to read it).")
        self.tell(line)

    def handle_error(self, request: object, client_address: object) -> None:
        """A browser that went away mid-response (a reload, a closed tab) is not an error."""
        if isinstance(sys.exc_info()[1], ConnectionError | TimeoutError):
            return
        super().handle_error(request, client_address)  # type: ignore[arg-type]
