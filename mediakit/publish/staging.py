"""Stage the new site in the temporary folder: write it, carry the user's files in, read it back.

The new tree must be complete and correct before it goes live, and must hold every file of the
user's (a ``CNAME``, a whole ``.git``) so the swap loses nothing. Unchanged files and the user's
files are hard-linked rather than copied: creating a file costs far more than linking one, and a
``.git`` checkout may be large. A user's file standing where this build writes is refused.
"""

from __future__ import annotations

import os
import shutil
import stat
from collections.abc import Mapping
from contextlib import suppress
from pathlib import Path

from mediakit.errors import OutputError
from mediakit.publish.manifest import MANIFEST, manifest_bytes
from mediakit.publish.testhook import pause

_FILE_MODE = 0o644
_DIR_MODE = 0o755


def find_user_entries(real: Path, owned: frozenset[str]) -> list[tuple[str, int | None]]:
    """Files (mode None) and folders (their mode) mediakit did not write, parents first.

    A folder is listed when it is empty or holds a user file, so an empty ``.git/refs/tags``
    survives while a folder that held only mediakit's files can disappear.
    """
    found: list[tuple[str, int | None]] = []

    def walk(folder: str, rel_dir: str) -> bool:
        start = len(found)
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
        for entry in entries:
            rel = rel_dir + entry.name
            if entry.is_dir(follow_symlinks=False):
                mark = len(found)
                found.append((rel, stat.S_IMODE(entry.stat(follow_symlinks=False).st_mode)))
                if not walk(entry.path, rel + "/"):
                    del found[mark]
            elif rel not in owned and rel != MANIFEST:
                found.append((rel, None))
        return len(found) > start or not entries

    if real.is_dir():
        walk(str(real), "")
    return found


def check_conflicts(
    user_entries: list[tuple[str, int | None]], files: Mapping[str, bytes], shown: Path
) -> None:
    """Refuse to build when a user's file or folder stands where this build writes."""
    new_dirs = set()
    for rel in files:
        parent = rel.rpartition("/")[0]
        while parent:
            new_dirs.add(parent)
            parent = parent.rpartition("/")[0]
    for rel, mode in user_entries:
        if rel in files or (mode is None and rel in new_dirs):
            raise OutputError(
                f"{rel!r} was not written by mediakit, but this build writes there too",
                file=f"{Path(shown)}/",
                hint="rename or move your file; mediakit never overwrites files it did not write",
            )


def same_bytes(path: str, data: bytes) -> bool:
    """True when `path` is a plain file holding exactly `data`."""
    try:
        info = os.lstat(path)
        if not stat.S_ISREG(info.st_mode) or info.st_size != len(data):
            return False
        with open(path, "rb") as handle:
            return handle.read() == data
    except OSError:
        return False


def _write_file(path: str | Path, data: bytes) -> None:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0), _FILE_MODE)
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, _FILE_MODE)  # the umask must not change what we publish
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)


def write_tree(
    tree: Path, files: Mapping[str, bytes], scratch: Path, real: Path, unchanged: set[str]
) -> None:
    """Write the manifest (complete, via `scratch`) first, then every file.

    An unchanged file is hard-linked from the live site instead: creating a file costs this
    machine far more than linking one, and a rebuild usually changes few files.
    """
    os.mkdir(tree, _DIR_MODE)
    os.chmod(tree, _DIR_MODE)
    _write_file(scratch, manifest_bytes(files))
    os.rename(scratch, tree / MANIFEST)
    made = {""}
    for index, rel in enumerate(sorted(files)):
        if index == len(files) // 2:
            pause("temp-half-written")
        parent = rel.rpartition("/")[0]
        if parent not in made:
            _make_dirs(tree, parent, made)
        source, target = os.path.join(real, rel), os.path.join(tree, rel)
        if not (rel in unchanged and _link_published(source, target)):
            _write_file(target, bytes(files[rel]))


def _link_published(source: str, target: str) -> bool:
    """Hard-link a file of the live site when it has exactly the mode we publish."""
    try:
        if os.lstat(source).st_mode != stat.S_IFREG | _FILE_MODE:
            return False
        os.link(source, target, follow_symlinks=False)
    except (OSError, NotImplementedError):  # NotImplementedError: no linkat on this platform
        return False
    return True


def _make_dirs(tree: Path, rel_dir: str, made: set[str]) -> None:
    parent = rel_dir.rpartition("/")[0]
    if parent not in made:
        _make_dirs(tree, parent, made)
    os.mkdir(tree / rel_dir, _DIR_MODE)
    os.chmod(tree / rel_dir, _DIR_MODE)
    made.add(rel_dir)


def carry_user_files(
    real: Path, tree: Path, user_entries: list[tuple[str, int | None]], scratch: Path
) -> None:
    """Hard-link the user's files and folders into the new tree (copy when linking fails)."""
    made_folders = []
    for rel, mode in user_entries:
        target = tree / rel
        if mode is None:
            # Removed meanwhile, or a named pipe that cannot be copied (verify reports it).
            with suppress(FileNotFoundError, shutil.SpecialFileError):
                _link_or_copy(real / rel, target, scratch)
        elif not os.path.isdir(target):
            os.mkdir(target, _DIR_MODE)
            made_folders.append((target, mode))
    for folder, mode in reversed(made_folders):  # last, so a read-only folder can be filled
        os.chmod(folder, mode)


def _link_or_copy(source: Path, target: Path, scratch: Path) -> None:
    try:
        os.link(source, target, follow_symlinks=False)
        return
    except (OSError, NotImplementedError):  # no hard links, too many, protected_hardlinks...
        pass
    with suppress(FileNotFoundError):
        os.unlink(scratch)  # left by a copy that failed half-way
    if os.path.islink(source):
        os.symlink(os.readlink(source), scratch)
    else:
        shutil.copy2(source, scratch, follow_symlinks=False)
    os.rename(scratch, target)  # complete or absent: a killed copy never leaves half a file


def verify(
    tree: Path,
    files: Mapping[str, bytes],
    user_entries: list[tuple[str, int | None]],
    real: Path,
    shown: Path,
) -> None:
    """Read the new tree back: every file present with the right bytes before it goes live."""
    expected = {MANIFEST: manifest_bytes(files), **files}
    for rel, data in expected.items():
        if not same_bytes(os.path.join(tree, rel), bytes(data)):
            raise OutputError(
                f"the new copy of {rel!r} did not read back correctly; the old site is untouched",
                file=shown,
                hint="check the disk (full, or failing) and build again",
            )
    for rel, _mode in user_entries:
        if os.path.lexists(real / rel) and not os.path.lexists(tree / rel):
            raise OutputError(
                f"your file {rel!r} could not be carried into the new site",
                file=Path(shown) / rel,
                hint="check its permissions; the old site is untouched",
            )
