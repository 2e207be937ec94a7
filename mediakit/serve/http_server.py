"""The preview's HTTP server: the output folder on 127.0.0.1, as GitHub Pages would serve it.

HTML responses get the live-reload script (live.py); /__mediakit__/events streams each build's
outcome to open pages. Before the first good build, a page says what stops it.
"""

from __future__ import annotations

import html
import json
import mimetypes
import sys
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from mediakit.serve.live import EVENTS, LIVE_JS, SCRIPT, LiveState, inject

HOST = "127.0.0.1"
KEEPALIVE_S = 10.0

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
            self._event("status", {"build": build_number, "error": error}, retry=1000)
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


class PreviewServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, port: int, site: Path, state: LiveState, verbose: bool = False) -> None:
        self.site = site
        self.state = state
        self.verbose = verbose
        super().__init__((HOST, port), Handler)

    def handle_error(self, request: object, client_address: object) -> None:
        """A browser that went away mid-response (a reload, a closed tab) is not an error."""
        if isinstance(sys.exc_info()[1], ConnectionError | TimeoutError):
            return
        super().handle_error(request, client_address)  # type: ignore[arg-type]
