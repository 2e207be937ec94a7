"""Swap the new site in for the old one: in one step where the platform can, in two elsewhere.

On Linux ``renameat2(RENAME_EXCHANGE)`` exchanges two folders atomically. Where it is missing
(macOS, Windows, or a file system that refuses it) the old folder is renamed aside and the new
one renamed in; ``recovery.discard_temp`` puts the old one back if a crash falls between the two
renames.

Windows refuses to rename a folder while any program has a file in it open: the creator's
editor, Explorer's preview pane, an antivirus scan of the files just written, a sync client.
Those usually let go within a second, so each rename is retried for a few seconds
(:func:`rename_folder`) before the publish gives up with the old site in place.
"""

from __future__ import annotations

import ctypes
import errno
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from mediakit.publish.testhook import pause

#: Pauses between attempts at a rename Windows refuses (PermissionError): 3.1 s in all.
RENAME_RETRY_S = (0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 1.0, 0.25)

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _load_renameat2() -> Callable[..., int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        func = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):  # no libc, or a libc older than glibc 2.28
        return None
    func.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    func.restype = ctypes.c_int
    return func


_RENAMEAT2 = _load_renameat2()


def _exchange_renameat2(a: Path, b: Path) -> bool:
    """Swap two folders in one step; False when the kernel or file system cannot."""
    assert _RENAMEAT2 is not None
    if _RENAMEAT2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(b))


#: Tests set this to None to exercise the two-rename fallback used where renameat2 is missing.
_exchange: Callable[[Path, Path], bool] | None = (
    _exchange_renameat2 if _RENAMEAT2 is not None else None
)


class FolderInUse(PermissionError):
    """A folder could not be renamed because a program keeps a file in it open (Windows)."""


#: Windows' answers to renaming a folder that holds an open file: ERROR_ACCESS_DENIED and
#: ERROR_SHARING_VIOLATION (Python raises both as PermissionError, with ``winerror`` set).
_IN_USE_WINERRORS = (5, 32)


def rename_folder(source: Path, target: Path) -> None:
    """``os.rename``, retried for a few seconds while Windows says a file inside is in use.

    After the last attempt raises FolderInUse. Elsewhere a PermissionError means a real
    permission problem: it is raised at once, as it is.
    """
    for pause_s in (*RENAME_RETRY_S, None):
        try:
            os.rename(source, target)
            return
        except PermissionError as exc:
            if getattr(exc, "winerror", None) not in _IN_USE_WINERRORS:
                raise
            if pause_s is None:
                raise FolderInUse(exc.errno, exc.strerror, exc.filename) from exc
            time.sleep(pause_s)


def swap(tree: Path, real: Path, aside: Path) -> None:
    """Put `tree` in place of `real`; the old tree ends up at `tree` (exchange) or `aside`.

    When the fallback cannot put the new tree in, the old one is renamed back before raising;
    should even that fail, ``recovery.discard_temp`` puts it back later.
    """
    if not os.path.lexists(real):
        rename_folder(tree, real)
        return
    if _exchange is not None and _exchange(tree, real):
        return
    rename_folder(real, aside)
    pause("moved-aside")
    try:
        rename_folder(tree, real)
    except OSError:
        rename_folder(aside, real)
        raise
