"""Publish the rendered site into the output folder: atomically, and never losing a user's file.

This is the only module that writes to ``site/``. A creator runs ``mediakit build`` the evening
before a brand call and pushes; the folder may also hold their own ``CNAME`` or a whole ``.git``
checkout (GitHub Pages). So a publish must never leave a half-written site behind and must never
delete or overwrite a file mediakit did not write.

How one publish works:

1. Check the folder is safe to own (:func:`check_out_dir`) and lock its parent folder (``flock``)
   so two builds never interleave.
2. :func:`recover` finishes or rolls back a publish that was killed earlier.
3. Build the complete new tree in ``.<name>.mediakit-tmp-<pid>/tree`` next to the output folder
   (same file system; the marker file sits beside ``tree``, so it never moves into the site):
   the manifest first (so a half-built tree always says which files are ours), then every rendered
   file (an unchanged one is hard-linked from the live site). Then hard-link every file mediakit
   did not write into it (copy when linking fails), so ``.git`` is neither copied slowly nor lost.
4. Verify every file, then swap the new tree with the output folder in one step:
   ``renameat2(RENAME_EXCHANGE)`` on Linux; elsewhere rename the old folder aside then the new one
   in (:func:`recover` puts the old one back if a crash falls between the two renames).
5. Discard the old tree, now inside the temporary folder: only files the old manifest lists, or
   files identical to the ones now in the output folder (the carried user files), are deleted.
   A user file found nowhere else is moved back into the output folder, never deleted.

Durability: this survives a killed or crashed process at any instant. It does not ``fsync`` (that
costs milliseconds per file), so a power cut right after a publish may lose the new site.
"""

from __future__ import annotations

import ctypes
import errno
import json
import os
import re
import shutil
import stat
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

from mediakit.errors import OutputError

try:
    import fcntl
except ImportError:  # Windows: no advisory locks; publishes are simply not serialised
    fcntl = None  # type: ignore[assignment]

MANIFEST = ".mediakit-manifest.json"
MANIFEST_FORMAT = 1
#: Entries a fresh clone of a GitHub Pages repository may hold; see :func:`check_out_dir`.
KEEPABLE = frozenset({"CNAME", ".git", ".nojekyll", "README.md"})
#: Test hook: ``MEDIAKIT_TEST_PAUSE_AT=<stage>`` makes publish stop at that stage (see ``_pause``).
PAUSE_ENV = "MEDIAKIT_TEST_PAUSE_AT"
STAGES = (
    "temp-half-written",
    "temp-written",
    "user-files-linked",
    "moved-aside",
    "swapped",
    "cleanup",
)

_MARKER = "mediakit-temp-marker"  # inside the temporary folder: proves mediakit made it
_SCRATCH = "scratch"  # inside the temporary folder: a file is finished here, then renamed in place
_FILE_MODE = 0o644
_DIR_MODE = 0o755
_LOCK_TIMEOUT_S = 10.0
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
_NOT_OURS_HINT = "choose an empty folder with --out, or remove them yourself"
_DAMAGED_HINT = "delete the folder yourself, or choose another folder with --out"


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
    _check_paths(files)
    real = _check_location(Path(out_dir), Path(project_dir))
    try:
        real.parent.mkdir(parents=True, exist_ok=True)
        with _locked(real.parent, out_dir) as locked:
            leftovers = _recover_locked(real, locked)
            owned = _owned_files(real, out_dir)
            result = _publish_locked(files, real, out_dir, owned)
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
    _owned_files(_check_location(Path(out_dir), Path(project_dir)), out_dir)


def recover(out_dir: Path) -> None:
    """Finish or roll back a publish to `out_dir` that was killed; publish calls this first.

    Only sibling folders named ``.<name>.mediakit-tmp-<pid>`` holding our marker file are touched.
    """
    real = Path(os.path.realpath(out_dir))
    if not real.parent.is_dir():
        return
    with _locked(real.parent, out_dir) as locked:
        _recover_locked(real, locked)


# --- checks -------------------------------------------------------------------------------------


def _path_problem(rel: object) -> str | None:
    if not isinstance(rel, str) or not rel:
        return "is empty or not text"
    if "\\" in rel or "\x00" in rel:
        return "contains a backslash or a NUL character"
    if rel.startswith("/"):
        return "is absolute"
    parts = rel.split("/")
    if "" in parts:
        return "has an empty segment"
    if ".." in parts or "." in parts:
        return "has a '.' or '..' segment"
    if rel == MANIFEST:
        return "is the name of mediakit's manifest"
    return None


def _check_paths(files: Mapping[str, bytes]) -> None:
    """Refuse malformed paths from the renderer: a bug there must not write outside the site."""
    for rel, data in files.items():
        problem = _path_problem(rel)
        if problem is None and not isinstance(data, bytes | bytearray):
            problem = "has content that is not bytes"
        if problem:
            raise OutputError(
                f"output path {rel!r} {problem}",
                field="files",
                hint="this is a bug in mediakit or a theme plugin; please report it",
            )
    for rel in files:
        parent = rel.rpartition("/")[0]
        while parent:
            if parent in files:
                raise OutputError(
                    f"output path {parent!r} is both a file and the folder of {rel!r}",
                    field="files",
                    hint="this is a bug in mediakit or a theme plugin; please report it",
                )
            parent = parent.rpartition("/")[0]


def _within(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _check_location(out_dir: Path, project_dir: Path) -> Path:
    """Return out_dir's real (symlink-free) path, or raise OutputError when it is unsafe."""
    real = Path(os.path.realpath(out_dir))
    lexical = Path(os.path.abspath(out_dir))
    project = Path(os.path.realpath(project_dir))
    try:
        home: Path | None = Path(os.path.realpath(Path.home()))
    except RuntimeError:  # no HOME and no password entry
        home = None

    def refuse(message: str, hint: str = "choose a folder such as site/ with --out") -> None:
        raise OutputError(message, file=out_dir, hint=hint)

    if real == Path(real.anchor):
        refuse("is the root of the file system")
    if home is not None and _within(home, real):
        refuse("is your home folder or contains it")
    if _within(project, real):
        refuse("is the project folder or contains it")
    if _within(real, project / "content"):
        refuse("is inside content/, where your own files live")
    inside_by_name = _within(lexical, Path(os.path.abspath(project_dir))) or _within(
        lexical, project
    )
    if inside_by_name and not _within(real, project):
        refuse(f"leads through a symlink to {real}, outside the project", "remove the symlink")
    if os.path.lexists(real) and not real.is_dir():
        refuse("is a file, not a folder", "remove the file or choose another folder with --out")
    return real


def _owned_files(real: Path, shown: Path) -> frozenset[str]:
    """The files the previous publish wrote; raise OutputError when the folder is not ours."""
    try:
        entries = os.listdir(real)
    except FileNotFoundError:
        return frozenset()
    if MANIFEST in entries:
        owned = _read_manifest(real / MANIFEST)
        if owned is None:
            raise OutputError(
                "mediakit's manifest is damaged, so mediakit cannot tell its files from yours",
                file=Path(shown) / MANIFEST,
                hint=_DAMAGED_HINT,
            )
        return owned
    foreign = sorted(set(entries) - KEEPABLE)
    if foreign:
        raise OutputError(
            f"already has files mediakit did not write, such as {foreign[0]!r}",
            file=f"{Path(shown)}/",
            hint=_NOT_OURS_HINT,
        )
    return frozenset()


def _read_manifest(path: Path) -> frozenset[str] | None:
    """The manifest's file list, or None when it is missing, not a plain file or malformed."""
    try:
        if not stat.S_ISREG(os.lstat(path).st_mode):
            return None
        data = json.loads(path.read_bytes().decode("utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("format") != MANIFEST_FORMAT:
        return None
    listed = data.get("files")
    if not isinstance(listed, list) or any(_path_problem(rel) for rel in listed):
        return None
    return frozenset(listed)


def _manifest_bytes(files: Mapping[str, bytes]) -> bytes:
    body = {"files": sorted(files), "format": MANIFEST_FORMAT}
    return (json.dumps(body, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode()


# --- locking, temporary folders, recovery -------------------------------------------------------


@contextmanager
def _locked(folder: Path, shown: Path) -> Iterator[bool]:
    """Hold an exclusive flock on `folder`; yields False where the file system has no flock."""
    fd = None
    if fcntl is not None:
        with suppress(OSError):
            fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    if fd is None:
        yield False
        return
    try:
        locked = True
        deadline = time.monotonic() + _LOCK_TIMEOUT_S
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise OutputError(
                        "another mediakit build is publishing to this folder right now",
                        file=shown,
                        hint="wait for it to finish, then build again",
                    ) from None
                time.sleep(0.05)
            except OSError:  # e.g. some network file systems: go on without the lock
                locked = False
                break
        yield locked
    finally:
        os.close(fd)


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
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def _recover_locked(real: Path, locked: bool) -> list[Path]:
    """Clean every stale temporary folder of `real`; return those that must be kept."""
    kept = []
    for temp, pid in _temp_folders(real):
        if not os.path.lexists(temp / _MARKER):
            continue  # not provably ours: never touch it
        if not locked and pid != os.getpid() and _pid_alive(pid):
            continue  # without a lock, a live process may still be publishing
        if not _discard_temp(temp, real):
            kept.append(temp)
    return kept


def _discard_temp(temp: Path, real: Path, *, pause: bool = False) -> bool:
    """Remove a temporary folder; False (folder kept) when it still holds a user's file."""
    old = temp / "old"
    if os.path.lexists(old) and not os.path.lexists(real):
        os.rename(old, real)  # a fallback swap stopped between its two renames: undo it
    complete = True
    for name in ("old", "tree"):
        tree = temp / name
        if tree.is_dir() and not tree.is_symlink():
            complete = _discard_tree(tree, real, pause=pause) and complete
    if not complete:
        return False
    with suppress(FileNotFoundError):
        os.unlink(temp / _SCRATCH)
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
    owned = _read_manifest(tree / MANIFEST) or frozenset()
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
                    _pause("cleanup")
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


# --- building and swapping ----------------------------------------------------------------------


def _publish_locked(
    files: Mapping[str, bytes], real: Path, shown: Path, owned: frozenset[str]
) -> PublishResult:
    user_entries = _user_entries(real, owned)
    _check_conflicts(user_entries, files, shown)
    unchanged = {
        rel for rel in files if rel in owned and _same_bytes(os.path.join(real, rel), files[rel])
    }
    removed = sum(1 for rel in owned - files.keys() if os.path.isfile(os.path.join(real, rel)))
    temp = _make_temp(real)
    tree = temp / "tree"
    swapped = False
    try:
        _write_tree(tree, files, temp / _SCRATCH, real, unchanged)
        _pause("temp-written")
        _carry_user_files(real, tree, user_entries, temp / _SCRATCH)
        _pause("user-files-linked")
        _verify(tree, files, user_entries, real, shown)
        _swap(tree, real, temp / "old")
        swapped = True
        _pause("swapped")
    finally:
        if not swapped:
            with suppress(OSError):
                _discard_temp(temp, real)
    try:
        done = _discard_temp(temp, real, pause=True)
    except OSError:
        done = False  # the new site is in place; the next publish retries the cleanup
    leftovers = () if done else (temp,)
    return PublishResult(len(files) - len(unchanged), len(unchanged), removed, leftovers)


def _user_entries(real: Path, owned: frozenset[str]) -> list[tuple[str, int | None]]:
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


def _check_conflicts(
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


def _same_bytes(path: str, data: bytes) -> bool:
    try:
        info = os.lstat(path)
        if not stat.S_ISREG(info.st_mode) or info.st_size != len(data):
            return False
        with open(path, "rb") as handle:
            return handle.read() == data
    except OSError:
        return False


def _make_temp(real: Path) -> Path:
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


def _write_tree(
    tree: Path, files: Mapping[str, bytes], scratch: Path, real: Path, unchanged: set[str]
) -> None:
    """Write the manifest (complete, via `scratch`) first, then every file.

    An unchanged file is hard-linked from the live site instead: creating a file costs this
    machine far more than linking one, and a rebuild usually changes few files.
    """
    os.mkdir(tree, _DIR_MODE)
    os.chmod(tree, _DIR_MODE)
    _write_file(scratch, _manifest_bytes(files))
    os.rename(scratch, tree / MANIFEST)
    made = {""}
    for index, rel in enumerate(sorted(files)):
        if index == len(files) // 2:
            _pause("temp-half-written")
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


def _carry_user_files(
    real: Path, tree: Path, user_entries: list[tuple[str, int | None]], scratch: Path
) -> None:
    """Hard-link the user's files and folders into the new tree (copy when linking fails)."""
    made_folders = []
    for rel, mode in user_entries:
        target = tree / rel
        if mode is None:
            # Removed meanwhile, or a named pipe that cannot be copied (_verify reports it).
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


def _verify(
    tree: Path,
    files: Mapping[str, bytes],
    user_entries: list[tuple[str, int | None]],
    real: Path,
    shown: Path,
) -> None:
    """Read the new tree back: every file present with the right bytes before it goes live."""
    expected = {MANIFEST: _manifest_bytes(files), **files}
    for rel, data in expected.items():
        if not _same_bytes(os.path.join(tree, rel), bytes(data)):
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


def _swap(tree: Path, real: Path, aside: Path) -> None:
    """Put `tree` in place of `real`; the old tree ends up at `tree` (exchange) or `aside`."""
    if not os.path.lexists(real):
        os.rename(tree, real)
        return
    if _exchange is not None and _exchange(tree, real):
        return
    os.rename(real, aside)
    _pause("moved-aside")
    try:
        os.rename(tree, real)
    except OSError:
        os.rename(aside, real)
        raise


def _pause(stage: str) -> None:
    """Test hook: stop at `stage` when MEDIAKIT_TEST_PAUSE_AT names it, so a test can SIGKILL us.

    Announces itself on stderr (the test waits for that line), then sleeps for a minute.
    """
    if os.environ.get(PAUSE_ENV) == stage:
        print(f"mediakit-test-paused-at: {stage}", file=sys.stderr, flush=True)
        time.sleep(60)
