"""The temporary folders a publish works in, and cleaning up after one that was killed.

A publish builds the new site in ``.<name>.mediakit-tmp-<pid>`` next to the output folder, with a
marker file proving mediakit made it. A build killed at any instant leaves such a folder behind,
maybe holding the old site (moved aside, or exchanged out) or half of the new one. The next publish
finishes or rolls it back: it puts a site moved aside back in place, deletes only files mediakit
provably wrote (or identical copies of the user's files), and moves a user file found nowhere else
back into the output folder rather than delete it.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import sys
from contextlib import suppress
from pathlib import Path

from mediakit.publish.manifest import MANIFEST, read_manifest
from mediakit.publish.swap import rename_folder
from mediakit.publish.testhook import pause as pause_at

SCRATCH = "scratch"  # inside the temporary folder: a file is finished here, then renamed in place
_MARKER = "mediakit-temp-marker"  # inside the temporary folder: proves mediakit made it


def make_temp(real: Path) -> Path:
    """Create ``.<name>.mediakit-tmp-<pid>`` beside `real` (same file system) with our marker."""
    base = real.parent / f".{real.name}.mediakit-tmp-{os.getpid()}"
    for attempt in range(100):
        temp = base if attempt == 0 else Path(f"{base}-{attempt}")
        try:
            os.mkdir(temp, 0o700)
        except FileExistsError:
            continue  # a kept leftover of an earlier run with the same pid
        os.close(os.open(temp / _MARKER, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        return temp
    raise OSError(errno.EEXIST, "too many leftover temporary folders", str(base))


def _temp_folders(real: Path) -> list[tuple[Path, int]]:
    pattern = re.compile(re.escape(f".{real.name}.mediakit-tmp-") + r"(\d+)(?:-\d+)?")
    found = []
    with os.scandir(real.parent) as entries:
        for entry in entries:
            match = pattern.fullmatch(entry.name)
            if match and entry.is_dir(follow_symlinks=False):
                found.append((Path(entry.path), int(match.group(1))))
    return sorted(found)


def _pid_alive(pid: int) -> bool:
    """Whether process `pid` may still be running (and publishing); when unsure, yes."""
    if sys.platform == "win32":
        return True  # there os.kill(pid, 0) does not probe: it terminates the process
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def recover_locked(real: Path, locked: bool) -> list[Path]:
    """Clean every stale temporary folder of `real`; return those that must be kept.

    A folder that cannot be emptied now (on Windows, a program still has a file in it open) is
    kept for the next publish, unless it holds the old site that `real` is missing: then this
    publish must not go on without it.
    """
    kept = []
    for temp, pid in _temp_folders(real):
        if not os.path.lexists(temp / _MARKER):
            continue  # not provably ours: never touch it
        if not locked and pid != os.getpid() and _pid_alive(pid):
            continue  # without a lock, a live process may still be publishing
        try:
            done = discard_temp(temp, real)
        except OSError:
            if not os.path.lexists(real) and os.path.lexists(temp / "old"):
                raise
            done = False
        if not done:
            kept.append(temp)
    return kept


def discard_temp(temp: Path, real: Path, *, pause: bool = False) -> bool:
    """Remove a temporary folder; False (folder kept) when it still holds a user's file."""
    old = temp / "old"
    if os.path.lexists(old) and not os.path.lexists(real):
        rename_folder(old, real)  # a fallback swap stopped between its two renames: undo it
    complete = True
    for name in ("old", "tree"):
        tree = temp / name
        if tree.is_dir() and not tree.is_symlink():
            complete = _discard_tree(tree, real, pause=pause) and complete
    if not complete:
        return False
    with suppress(FileNotFoundError):
        os.unlink(temp / SCRATCH)
    with suppress(FileNotFoundError):
        os.unlink(temp / _MARKER)
    try:
        os.rmdir(temp)
    except OSError:
        return False
    return True


def _same_file(a: str, b: str) -> bool:
    """True when `b` holds what `a` holds: the same inode, or equal bytes or link target."""
    try:
        sa, sb = os.lstat(a), os.lstat(b)
        if os.path.samestat(sa, sb):
            return True
        if stat.S_ISLNK(sa.st_mode) and stat.S_ISLNK(sb.st_mode):
            return os.readlink(a) == os.readlink(b)
        if stat.S_ISREG(sa.st_mode) and stat.S_ISREG(sb.st_mode) and sa.st_size == sb.st_size:
            with open(a, "rb") as fa, open(b, "rb") as fb:
                return fa.read() == fb.read()
    except OSError:
        return False
    return False


def _discard_tree(tree: Path, real: Path, *, pause: bool = False) -> bool:
    """Delete a discarded tree (old site, or a half-built new one); True when fully gone.

    A file is deleted only when the tree's own manifest lists it (mediakit wrote it) or `real`
    holds the same file at the same path (a carried user file). Any other file is moved into
    `real` when that path is free, else kept. The manifest goes last so a killed cleanup can
    resume with the same knowledge.
    """
    owned = read_manifest(tree / MANIFEST) or frozenset()
    paused = False

    def empty_out(folder: str, rel_dir: str) -> bool:
        nonlocal paused
        emptied = True
        with os.scandir(folder) as scan:
            entries = list(scan)
        for entry in entries:
            rel = rel_dir + entry.name
            if rel == MANIFEST:
                continue
            if entry.is_dir(follow_symlinks=False):
                if empty_out(entry.path, rel + "/"):
                    os.rmdir(entry.path)
                else:
                    emptied = False
            elif rel in owned or _same_file(entry.path, os.path.join(real, rel)):
                os.unlink(entry.path)
                if pause and not paused:
                    paused = True
                    pause_at("cleanup")
            elif not _rescue(entry.path, real / rel):
                emptied = False
        return emptied

    if not empty_out(str(tree), ""):
        return False
    with suppress(FileNotFoundError):
        os.unlink(tree / MANIFEST)
    os.rmdir(tree)
    return True


def _rescue(path: str, target: Path) -> bool:
    """Move a user file that exists nowhere else into the output folder, if the place is free."""
    if os.path.lexists(target):
        return False
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        os.rename(path, target)
    except OSError:
        return False
    return True
