"""Publish the rendered site into the output folder: atomically, and never losing a user's file.

This is the only entry point that writes to ``site/``. A creator runs ``mediakit build`` the
evening before a brand call and pushes; the folder may also hold their own ``CNAME`` or a whole
``.git`` checkout (GitHub Pages). So a publish must never leave a half-written site behind and must
never delete or overwrite a file mediakit did not write. This module runs the steps in order; each
step's work lives in its own module of this package.

How one publish works:

1. Check the folder is safe to own (:func:`check_out_dir`; ``safety`` and ``manifest``) and take
   the publish lock (``lock``: ``flock``, or ``msvcrt.locking`` on Windows) so two builds never
   interleave.
2. :func:`recover` finishes or rolls back a publish that was killed earlier (``recovery``).
3. Build the complete new tree in ``.<name>.mediakit-tmp-<pid>/tree`` next to the output folder
   (same file system; the marker file sits beside ``tree``, so it never moves into the site):
   the manifest first (so a half-built tree always says which files are ours), then every rendered
   file (an unchanged one is hard-linked from the live site). Then hard-link every file mediakit
   did not write into it (copy when linking fails), so ``.git`` is neither copied slowly nor lost
   (``staging``).
4. Verify every file, then swap the new tree with the output folder in one step (``swap``):
   ``renameat2(RENAME_EXCHANGE)`` on Linux; elsewhere rename the old folder aside then the new one
   in (:func:`recover` puts the old one back if a crash falls between the two renames). Windows
   refuses to rename a folder while a program has a file in it open: the renames are retried
   for a few seconds, then the publish stops with the old site in place.
5. Discard the old tree, now inside the temporary folder: only files the old manifest lists, or
   files identical to the ones now in the output folder (the carried user files), are deleted.
   A user file found nowhere else is moved back into the output folder, never deleted.

Durability: this survives a killed or crashed process at any instant. It does not ``fsync`` (that
costs milliseconds per file), so a power cut right after a publish may lose the new site.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from mediakit.errors import OutputError
from mediakit.publish.lock import publish_lock
from mediakit.publish.manifest import owned_files
from mediakit.publish.recovery import SCRATCH, discard_temp, make_temp, recover_locked
from mediakit.publish.safety import check_location, check_paths, user_folder
from mediakit.publish.staging import (
    carry_user_files,
    check_conflicts,
    find_user_entries,
    same_bytes,
    verify,
    write_tree,
)
from mediakit.publish.swap import FolderInUse, swap
from mediakit.publish.testhook import pause

_LOCK_TIMEOUT_S = 10.0


@dataclass(frozen=True)
class PublishResult:
    """What a publish changed; ``written + unchanged == len(files)``."""

    written: int  # files that are new or whose bytes changed
    unchanged: int  # files whose bytes are the same as in the previous publish
    removed: int  # files of the previous publish that this build no longer produces
    leftovers: tuple[Path, ...] = ()  # temporary folders kept: they hold files nobody else has


def publish(files: Mapping[str, bytes], out_dir: Path, *, project_dir: Path) -> PublishResult:
    """Replace out_dir's mediakit-owned files with `files`, atomically.

    `out_dir` is used as given (a relative path is relative to the working folder). At every
    instant the folder is exactly the old site or exactly the new one; files mediakit did not
    write survive byte-identical. Raises OutputError when the folder is unsafe, a path in `files`
    is malformed, a user file stands where this build writes, or the disk refuses a write.
    """
    check_paths(files)
    real = check_location(Path(out_dir), Path(project_dir))
    try:
        real.parent.mkdir(parents=True, exist_ok=True)
        with publish_lock(real, out_dir, _LOCK_TIMEOUT_S) as locked:
            leftovers = recover_locked(real, locked)
            owned = owned_files(real, out_dir)
            result = _publish_locked(files, real, out_dir, owned)
    except FolderInUse as exc:
        where = ("the previous site is untouched" if os.path.lexists(real)
                 else "the next build puts the previous site back")
        raise OutputError(
            "could not replace the site folder: another program has a file in it open",
            file=out_dir,
            hint=f"close it (an editor, a file window, a preview) and build again; {where}",
        ) from exc
    except OSError as exc:
        raise OutputError(
            f"could not write the site: {exc.strerror or exc}",
            file=exc.filename or out_dir,
            hint="check the folder's permissions and the free disk space",
        ) from exc
    return PublishResult(
        result.written, result.unchanged, result.removed, tuple(leftovers) + result.leftovers
    )


def check_out_dir(out_dir: Path, *, project_dir: Path) -> None:
    """Raise OutputError when mediakit must not own `out_dir`.

    Refused: the file system root; the home folder or a folder containing it; the project folder
    or a folder containing it; ``<project>/content`` or anything inside it; a path that lies inside
    the project by name but leads outside it through a symlink; an existing file; a folder whose
    manifest is damaged. An existing folder without a manifest is accepted only when it is empty
    or every entry directly inside it is named ``CNAME``, ``.git``, ``.nojekyll`` or ``README.md``
    (a fresh clone of a Pages repository); those entries are then kept as user files.
    """
    owned_files(check_location(Path(out_dir), Path(project_dir)), out_dir)


def recover(out_dir: Path) -> None:
    """Finish or roll back a publish to `out_dir` that was killed; publish calls this first.

    Only sibling folders named ``.<name>.mediakit-tmp-<pid>`` holding our marker file are touched.
    """
    real = Path(os.path.realpath(user_folder(out_dir)))
    if not real.parent.is_dir():
        return
    with publish_lock(real, out_dir, _LOCK_TIMEOUT_S) as locked:
        recover_locked(real, locked)


def _publish_locked(
    files: Mapping[str, bytes], real: Path, shown: Path, owned: frozenset[str]
) -> PublishResult:
    user_entries = find_user_entries(real, owned)
    check_conflicts(user_entries, files, shown)
    unchanged = {
        rel for rel in files if rel in owned and same_bytes(os.path.join(real, rel), files[rel])
    }
    removed = sum(1 for rel in owned - files.keys() if os.path.isfile(os.path.join(real, rel)))
    temp = make_temp(real)
    tree = temp / "tree"
    swapped = False
    try:
        write_tree(tree, files, temp / SCRATCH, real, unchanged)
        pause("temp-written")
        carry_user_files(real, tree, user_entries, temp / SCRATCH)
        pause("user-files-linked")
        verify(tree, files, user_entries, real, shown)
        swap(tree, real, temp / "old")
        swapped = True
        pause("swapped")
    finally:
        if not swapped:
            with suppress(OSError):
                discard_temp(temp, real)
    try:
        done = discard_temp(temp, real, pause=True)
    except OSError:
        done = False  # the new site is in place; the next publish retries the cleanup
    leftovers = () if done else (temp,)
    return PublishResult(len(files) - len(unchanged), len(unchanged), removed, leftovers)
