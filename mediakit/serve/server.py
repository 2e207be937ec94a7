"""``mediakit serve``: preview the kit while editing it, with pages that reload by themselves.

It builds once, serves the output folder on 127.0.0.1 only, watches content/ and templates/ and
rebuilds (debounced) when a file changes. Open pages learn about each build through Server-Sent
Events and reload; a failed build is shown in the terminal and over the page, while the last good
build keeps being served (``output.publish`` leaves it untouched on any error).

The reload script is injected into HTML *responses* only: the files in site/ stay exactly what
``mediakit build`` writes, ready to publish. The kit's Content-Security-Policy forbids scripts, so
served pages get a policy that also allows this one same-origin script and its event stream.
"""

from __future__ import annotations

import errno
import html
import json
import mimetypes
import re
import signal
import sys
import threading
import time
import traceback
import webbrowser
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from mediakit.build import DataMemo, Project, build
from mediakit.errors import MediakitError, printable
from mediakit.publish import fastpath

HOST = "127.0.0.1"
PREFIX = "/__mediakit__/"
EVENTS = PREFIX + "events"
SCRIPT = PREFIX + "live.js"
KEEPALIVE_S = 10.0
#: watchfiles yields once files have been quiet this long (ms), or after DEBOUNCE_MS at most.
QUIET_MS = 50
DEBOUNCE_MS = 1600
#: How often the watcher wakes when nothing changes (its first wake-up says it is watching).
WATCH_TICK_MS = 400
WATCHED = ("content", "templates")
EDITOR_LEFTOVERS = ("~", ".swp", ".swx", ".tmp", ".part", ".crdownload")

#: (text, is_error) -> None: how serve talks to the terminal.
Echo = Callable[[str, bool], None]

LIVE_JS = """(function () {
  "use strict";
  var me = document.currentScript;
  var served = me ? Number(me.getAttribute("data-build")) : -1;
  var box = null;
  function show(message) {
    if (!box) {
      box = document.createElement("div");
      box.setAttribute("role", "alert");
      box.id = "mediakit-error";
      var s = box.style;
      s.position = "fixed"; s.left = "0"; s.right = "0"; s.bottom = "0"; s.zIndex = "2147483647";
      s.padding = "16px 20px"; s.background = "#7f1d1d"; s.color = "#fff";
      s.font = "15px/1.4 system-ui, sans-serif"; s.boxShadow = "0 -4px 16px rgba(0,0,0,.3)";
      s.whiteSpace = "pre-wrap"; s.overflowWrap = "anywhere";
      document.body.appendChild(box);
    }
    box.textContent = "mediakit could not rebuild the kit:\\n" + message +
      "\\n\\nYou are looking at the last good build. Fix the file and save: " +
      "this page reloads by itself.";
  }
  function hide() { if (box) { box.remove(); box = null; } }
  var source = new EventSource("/__mediakit__/events");
  source.addEventListener("status", function (event) {
    var data = JSON.parse(event.data);
    if (data.build !== served) { location.reload(); return; }
    if (data.error) { show(data.error); } else { hide(); }
  });
  source.addEventListener("reload", function () { location.reload(); });
  source.addEventListener("build-error", function (event) {
    show(JSON.parse(event.data).message);
  });
})();
"""

NOT_BUILT = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>mediakit: the kit is not built yet</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font: 16px/1.5 system-ui, sans-serif; margin: 2rem; max-width: 50rem">
<h1>The kit is not built yet</h1>
<p>{error}</p>
<p>Fix the file and save it: this page reloads by itself.</p>
</body></html>
"""


class LiveState:
    """The latest build's outcome, shared by the watcher thread and every open event stream."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self.build = 0  # counts successful builds: a page knows which one it shows
        self.error: str | None = None  # the last build's error, None when it succeeded
        self.version = 0  # counts outcomes, successful or not
        self.closed = False

    def succeeded(self) -> None:
        with self._changed:
            self.build += 1
            self.error = None
            self.version += 1
            self._changed.notify_all()

    def failed(self, message: str) -> None:
        with self._changed:
            self.error = message
            self.version += 1
            self._changed.notify_all()

    def close(self) -> None:
        with self._changed:
            self.closed = True
            self._changed.notify_all()

    def wait(self, version: int, timeout: float) -> tuple[int, int, str | None, bool]:
        """Block until an outcome newer than ``version`` (or ``timeout``); (version, build,
        error, closed)."""
        with self._changed:
            self._changed.wait_for(lambda: self.version != version or self.closed, timeout)
            return self.version, self.build, self.error, self.closed


def allow_live_reload(page: str) -> str:
    """Let the served copy of a page run /__mediakit__/live.js and open its event stream."""
    meta = re.compile(r"<meta\b[^>]*http-equiv\s*=\s*[\"']?content-security-policy[^>]*>",
                      re.IGNORECASE)

    def loosen(tag: re.Match[str]) -> str:
        content = re.compile(r"(content\s*=\s*)([\"'])(.*?)\2", re.IGNORECASE | re.DOTALL)
        return content.sub(lambda m: m[1] + '"' + html.escape(_policy(html.unescape(m[3])))
                           + '"', tag[0], count=1)

    return meta.sub(loosen, page)


def _policy(policy: str) -> str:
    directives = [part.strip() for part in policy.split(";") if part.strip()]
    names = [part.split()[0].lower() for part in directives]
    for name in ("script-src", "connect-src"):
        if name in names:
            index = names.index(name)
            tokens = [t for t in directives[index].split() if t.lower() != "'none'"]
            if "'self'" not in tokens:
                tokens.append("'self'")
            directives[index] = " ".join(tokens)
        else:
            directives.append(f"{name} 'self'")
    return "; ".join(directives)


def inject(page: str, build_number: int) -> str:
    """The served page: live-reload script added before </body>, policy loosened for it."""
    tag = f'<script src="{SCRIPT}" data-build="{build_number}"></script>'
    page = allow_live_reload(page)
    at = page.lower().rfind("</body>")
    return page[:at] + tag + "\n" + page[at:] if at >= 0 else page + "\n" + tag + "\n"


class WatchFilter:
    """Which changes deserve a rebuild: content/ and templates/, minus what builds write."""

    def __init__(self, root: Path, out_dir: Path) -> None:
        self.root = root.resolve()
        self.out_dir = out_dir.resolve()

    def __call__(self, _change: object, path: str) -> bool:
        full = Path(path)
        if full == self.out_dir or self.out_dir in full.parents:
            return False
        try:
            parts = full.relative_to(self.root).parts
        except ValueError:
            return False
        if not parts or parts[0] not in WATCHED:
            return False
        if parts[:3] == ("content", "data", "history"):
            return False  # every build writes it
        if any(part.startswith(".") or part == "__pycache__" for part in parts):
            return False  # our temp folders (.site.mediakit-tmp-*), editors' and OS's files
        name = parts[-1]
        return not (name.endswith(EDITOR_LEFTOVERS) or name == "4913")  # vim's write probe


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


class Preview:
    """One ``mediakit serve`` session: the builds, the server and the watcher."""

    def __init__(self, project_dir: Path, *, out_dir: Path | None = None, port: int = 8000,
                 echo: Echo, verbose: bool = False) -> None:
        self.project = Project(Path(project_dir))
        self.out_dir = Path(out_dir) if out_dir is not None else self.project.root / "site"
        self.echo = echo
        self.verbose = verbose
        self.state = LiveState()
        self.stop = threading.Event()
        self.memo = DataMemo()  # the last build's numbers and charts, while no data file changes
        self.building = threading.Lock()  # one build at a time: the first one and the watcher's
        self.watching = threading.Event()  # set once the watcher is in place
        if not self.project.root.is_dir():
            raise MediakitError("folder not found", file=self.project.root,
                                hint="give the folder that holds content/")
        try:
            self.server = PreviewServer(port, self.out_dir, self.state, verbose)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise MediakitError(f"port {port} is already in use",
                                    hint=f"stop the other server, or choose another port with "
                                         f"--port {port + 1}") from exc
            raise MediakitError(f"cannot listen on {HOST}:{port} ({exc.strerror or exc})",
                                hint="choose another port with --port") from exc

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.server.server_address[1]}/"

    def rebuild(self, reason: str = "") -> None:
        """Build; on failure keep the last good site and tell the terminal and the pages.

        A page's text edited (the usual thing while previewing) goes through
        mediakit.publish.fastpath:
        that page alone is re-rendered, in milliseconds. A pitch, a case study or a template
        edited re-renders the pages from the numbers and charts kept in memory (DataMemo);
        an edit to the profile or the exports runs every stage.
        """
        with self.building:
            self._rebuild(reason)

    def _rebuild(self, reason: str) -> None:
        started = time.perf_counter()
        because = f" ({reason})" if reason else ""
        try:
            skipped = fastpath.try_skip(self.project.root, self.out_dir, self.project.cache_dir)
        except MediakitError:
            skipped = None  # the full build below says what is wrong, in its own words
        if skipped is not None:
            self.state.succeeded()
            what = (f"Updated {', '.join(skipped.patched)}" if skipped.patched
                    else "Nothing to rebuild")
            self.echo(f"{what} in {time.perf_counter() - started:.2f} s{because}, data as of "
                      f"{skipped.as_of.isoformat()}.", False)
            for warning in skipped.warnings:
                self.echo(f"Warning: {printable(warning)}", True)
            return
        try:
            result = build(self.project.root, out_dir=self.out_dir, memo=self.memo)
        except MediakitError as error:
            self.state.failed(str(error))
            self.echo(f"Error: {error}", True)
            return
        except Exception as error:  # a bug in mediakit: say so, keep serving the last good site
            message = f"internal error ({type(error).__name__}: {error}), please report it"
            self.state.failed(message)
            self.echo(f"Error: {message}", True)
            if self.verbose:
                self.echo(traceback.format_exc().rstrip(), True)
            return
        self.state.succeeded()
        seconds = time.perf_counter() - started
        self.echo(f"Built {result.pages} pages in {seconds:.1f} s{because}, "
                  f"data as of {result.report.as_of.isoformat()}.", False)
        for warning in result.warnings:
            self.echo(f"Warning: {printable(warning)}", True)

    def watch(self) -> None:
        """Rebuild after each burst of changes, until ``stop`` is set (runs in a thread)."""
        import watchfiles

        watched = [self.project.root.resolve()]
        changes_filter = WatchFilter(self.project.root, self.out_dir)
        for changes in watchfiles.watch(*watched, watch_filter=changes_filter, step=QUIET_MS,
                                        debounce=DEBOUNCE_MS, stop_event=self.stop,
                                        rust_timeout=WATCH_TICK_MS, yield_on_timeout=True,
                                        raise_interrupt=False):
            self.watching.set()  # the first (empty) tick: the folders are being watched
            if self.stop.is_set():
                break
            if not changes:
                continue
            names = sorted({self._shown(path) for _, path in changes})
            reason = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3
                                             else "") + " changed"
            self.rebuild(reason)

    def _shown(self, path: str) -> str:
        try:
            return Path(path).relative_to(self.project.root.resolve()).as_posix()
        except ValueError:
            return path

    def run(self, open_browser: bool = False) -> None:
        """Serve until Ctrl+C (or SIGTERM); always closes the port and stops the watcher."""
        # The watcher starts first, so a file saved while the first build runs (or just after
        # "Serving" is printed) is never missed: it is watched before the build reads it.
        watcher = threading.Thread(target=self.watch, name="mediakit-watch", daemon=True)
        watcher.start()
        self.rebuild()
        self.watching.wait(timeout=5 * WATCH_TICK_MS / 1000)  # "Serving" means edits are seen
        server = threading.Thread(target=self.server.serve_forever, name="mediakit-http",
                                  daemon=True)
        server.start()
        threads = [server, watcher]
        self.echo(f"Serving {self.url} (press Ctrl+C to stop). Edit content/ or templates/ and "
                  "open pages reload by themselves.", False)
        if open_browser:
            webbrowser.open(self.url)
        previous = _on_sigterm(self.stop.set)
        try:
            while not self.stop.wait(0.25):
                pass
        except KeyboardInterrupt:
            pass
        finally:
            self.stop.set()
            self.state.close()
            self.server.shutdown()
            self.server.server_close()
            for thread in threads:
                thread.join(timeout=5)
            _restore_sigterm(previous)
        self.echo("Stopped.", False)


def _on_sigterm(action: Callable[[], None]) -> object:
    if threading.current_thread() is not threading.main_thread():
        return None
    return signal.signal(signal.SIGTERM, lambda _signum, _frame: action())


def _restore_sigterm(previous: object) -> None:
    if previous is not None and threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, previous)  # type: ignore[arg-type]


def serve(project_dir: Path, *, out_dir: Path | None = None, port: int = 8000,
          open_browser: bool = False, echo: Echo, verbose: bool = False) -> None:
    """Build, serve on 127.0.0.1, rebuild on change, until stopped."""
    Preview(project_dir, out_dir=out_dir, port=port, echo=echo, verbose=verbose).run(open_browser)
