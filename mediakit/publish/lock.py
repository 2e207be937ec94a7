"""One publish at a time per output folder, on Linux, macOS and Windows.

Two builds publishing to the same ``site/`` at once (a ``serve`` rebuild and a ``build`` in
another terminal, two CI jobs) would each clean up the other's temporary folder. So a publish
holds an exclusive lock, and the lock must vanish by itself when a build is killed: a lock that
outlives its process would stop every later build until someone deletes a file by hand.

- Linux and macOS: ``flock`` on the output folder's parent folder (no file is created). The
  kernel drops it when the process dies.
- Windows has no ``fcntl``: ``msvcrt.locking`` on one byte of ``.<name>.mediakit-lock`` beside
  the output folder. Windows also drops that lock when the process dies; the file is removed
  after the publish (unless another build has it open, which Windows does not allow).
- Elsewhere, or on a file system that refuses locks (some network shares), the publish runs
  unlocked and says so (``False``): recovery then leaves alone the temporary folders of
  processes that are still running.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from mediakit.errors import OutputError

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

try:
    import msvcrt
except ImportError:  # Linux, macOS
    msvcrt = None  # type: ignore[assignment]

#: What the Windows lock file holds: it is removed only when it still says exactly this.
LOCK_TEXT = b"mediakit: a build is publishing next to this file; it removes this file itself\n"
_POLL_S = 0.05


def lock_file(real: Path) -> Path:
    """The file the Windows lock is taken on, beside the output folder ``real``."""
    return real.parent / f".{real.name}.mediakit-lock"


@contextmanager
def publish_lock(real: Path, shown: Path, timeout_s: float) -> Iterator[bool]:
    """Hold the lock on publishing to ``real``; yields False when none could be taken.

    Waits up to ``timeout_s`` for another build, then raises OutputError.
    """
    if fcntl is not None:
        with _flock(real.parent, shown, timeout_s) as locked:
            yield locked
    elif msvcrt is not None:
        with _msvcrt_lock(lock_file(real), shown, timeout_s) as locked:
            yield locked
    else:
        yield False


def _busy(shown: Path) -> OutputError:
    return OutputError(
        "another mediakit build is publishing to this folder right now",
        file=shown,
        hint="wait for it to finish, then build again",
    )


@contextmanager
def _flock(folder: Path, shown: Path, timeout_s: float) -> Iterator[bool]:
    assert fcntl is not None
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        yield False
        return
    try:
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                locked = True
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise _busy(shown) from None
                time.sleep(_POLL_S)
            except OSError:  # e.g. some network file systems: go on without the lock
                locked = False
                break
        yield locked
    finally:
        os.close(fd)


@contextmanager
def _msvcrt_lock(path: Path, shown: Path, timeout_s: float) -> Iterator[bool]:
    """Lock byte 0 of ``path`` with ``msvcrt.locking`` (Windows' own locks, dropped on exit)."""
    assert msvcrt is not None
    fd = _open_lock_file(path)
    if fd is None:  # a read-only folder: the publish itself will say what is wrong
        yield False
        return
    locked = False
    try:
        deadline = time.monotonic() + timeout_s
        while not locked:
            os.lseek(fd, 0, os.SEEK_SET)
            try:
                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
                locked = True
            except PermissionError:  # EACCES: another process holds the byte
                if time.monotonic() >= deadline:
                    raise _busy(shown) from None
                time.sleep(_POLL_S)
            except OSError:  # a share that refuses byte locks: go on without the lock
                break
        if locked and os.fstat(fd).st_size == 0:
            os.write(fd, LOCK_TEXT)
        yield locked
    finally:
        _release(fd, path, locked)


def _open_lock_file(path: Path) -> int | None:
    """Open (or create) the lock file; None when the folder will not have it.

    Just after another build removed the file, Windows refuses to open it for a moment
    ("delete pending", a PermissionError): that refusal is retried briefly.
    """
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOINHERIT", 0)
    for pause_s in (0.02, 0.05, 0.1, 0.2, None):
        try:
            return os.open(path, flags, 0o644)
        except PermissionError:
            if pause_s is None:
                return None
            time.sleep(pause_s)
        except OSError:
            return None
    return None


def _release(fd: int, path: Path, locked: bool) -> None:
    """Unlock and close; remove the lock file when it is ours and nobody else has it open."""
    ours = False
    with suppress(OSError):
        os.lseek(fd, 0, os.SEEK_SET)
        ours = os.read(fd, len(LOCK_TEXT) + 1) == LOCK_TEXT
    if locked and msvcrt is not None:
        with suppress(OSError):
            os.lseek(fd, 0, os.SEEK_SET)  # locking() works from the current position
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    os.close(fd)
    if locked and ours:
        # Windows refuses while another build waits with the file open: it stays for that one.
        with suppress(OSError):
            os.unlink(path)
