"""What every browser test shares: Debian's Chromium, its flags, and a quiet local server.

The browser is the system's (/usr/bin/chromium), never one a tool downloads; it is started with
no background networking, so the only requests are the page's own (which the tests check).
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files without printing a line per request."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@contextlib.contextmanager
def serving(folder: Path) -> Iterator[str]:
    """``folder`` on a free 127.0.0.1 port; yields the root URL, stops the server after."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


@contextlib.contextmanager
def launched() -> Iterator[object]:
    """Playwright driving the system's Chromium with ARGS; yields the browser."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


def local_only(requests: list[str], route, request) -> None:
    """A page.route handler: record every request, let through only this machine's."""
    from urllib.parse import urlsplit

    requests.append(request.url)
    if urlsplit(request.url).hostname == "127.0.0.1" or request.url.startswith("data:"):
        route.continue_()
    else:
        route.abort()
