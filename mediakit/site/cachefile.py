"""Adding an entry to an on-disk cache: the whole file or nothing, and never an error.

A cache only saves time, so one that cannot be written (a read-only folder, a full disk, a file
where the folder should be) must not stop a build: the work is done again next time. Caches may
be shared by builds running at the same time and by threads of one build, so each entry is
written to a temporary file of its own (``mkstemp``: unique per process and thread) in the same
folder, then renamed into place, and a reader sees the old entry or the new one, never half.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def store(path: Path, data: bytes) -> bool:
    """Put ``data`` at ``path`` atomically, creating its folder; False when that failed.

    A failure leaves no temporary file behind.
    """
    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(tmp, path)
        tmp = None
        return True
    except OSError:
        return False
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
