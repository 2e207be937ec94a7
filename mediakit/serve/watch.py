"""One ``mediakit serve`` session: build once, serve, watch content/ and templates/, rebuild.

Changes are debounced into one rebuild. A failed build is told to the terminal (through the
``echo`` callback: the command line prints) and to open pages, while the last good build keeps
being served (``output.publish`` leaves it untouched on any error).
"""

from __future__ import annotations

import errno
import signal
import threading
import time
import traceback
import webbrowser
from collections.abc import Callable
from pathlib import Path

from mediakit.build import DataMemo, Project, build
from mediakit.errors import MediakitError, printable
from mediakit.publish import fastpath
from mediakit.publish.safety import user_folder
from mediakit.serve.http_server import HOST, PreviewServer
from mediakit.serve.live import LiveState
from mediakit.site import chart_pool
from mediakit.site.chart_pool import ChartPool

#: watchfiles yields once files have been quiet this long (ms), or after DEBOUNCE_MS at most.
QUIET_MS = 50
DEBOUNCE_MS = 1600
#: How often the watcher wakes when nothing changes (its first wake-up says it is watching).
WATCH_TICK_MS = 400
WATCHED = ("content", "templates")
EDITOR_LEFTOVERS = ("~", ".swp", ".swx", ".tmp", ".part", ".crdownload")

#: (text, is_error) -> None: how serve talks to the terminal.
Echo = Callable[[str, bool], None]


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


class Preview:
    """One ``mediakit serve`` session: the builds, the server and the watcher."""

    def __init__(self, project_dir: Path, *, out_dir: Path | None = None, port: int = 8000,
                 echo: Echo, verbose: bool = False) -> None:
        self.project = Project(Path(project_dir))
        self.out_dir = user_folder(out_dir) if out_dir is not None else self.project.root / "site"
        self.echo = echo
        self.verbose = verbose
        self.state = LiveState()
        self.stop = threading.Event()
        self.memo = DataMemo()  # the last build's numbers and charts, while no data file changes
        self.pool: ChartPool | None = None  # warm drawing engines, kept from build to build
        self.building = threading.Lock()  # one build at a time: the first one and the watcher's
        self.watching = threading.Event()  # set once the watcher is in place
        if not self.project.root.is_dir():
            raise MediakitError("folder not found", file=self.project.root,
                                hint="give the folder that holds content/")
        try:
            self.server = PreviewServer(port, self.out_dir, self.state, verbose,
                                        tell=lambda line: self.echo(line, True))
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
            self.state.succeeded([printable(text) for text in skipped.warnings])
            what = (f"Updated {', '.join(skipped.patched)}" if skipped.patched
                    else "Nothing to rebuild")
            self.echo(f"{what} in {time.perf_counter() - started:.2f} s{because}, data as of "
                      f"{skipped.as_of.isoformat()}.", False)
            for warning in skipped.warnings:
                self.echo(f"Warning: {printable(warning)}", True)
            return
        try:
            result = build(self.project.root, out_dir=self.out_dir, memo=self.memo,
                           pool=self.pool)
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
        self.state.succeeded([printable(text) for text in result.warnings])
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
        """Serve until Ctrl+C (or SIGTERM); the drawing processes end with it, however it ends."""
        self.pool = chart_pool.start()
        try:
            self._serve(open_browser)
        finally:
            self.pool, pool = None, self.pool
            if pool is not None:
                pool.close()

    def _serve(self, open_browser: bool) -> None:
        """Always closes the port and stops the watcher."""
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
