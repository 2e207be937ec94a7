"""Swap the new site in for the old one: in one step where the platform can, in two elsewhere.

On Linux ``renameat2(RENAME_EXCHANGE)`` exchanges two folders atomically. Where it is missing (or
the file system refuses it) the old folder is renamed aside and the new one renamed in;
``recovery.discard_temp`` puts the old one back if a crash falls between the two renames.
"""

from __future__ import annotations

import ctypes
import errno
import os
import sys
from collections.abc import Callable
from pathlib import Path

from mediakit.publish.testhook import pause

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


def swap(tree: Path, real: Path, aside: Path) -> None:
    """Put `tree` in place of `real`; the old tree ends up at `tree` (exchange) or `aside`."""
    if not os.path.lexists(real):
        os.rename(tree, real)
        return
    if _exchange is not None and _exchange(tree, real):
        return
    os.rename(real, aside)
    pause("moved-aside")
    try:
        os.rename(tree, real)
    except OSError:
        os.rename(aside, real)
        raise
