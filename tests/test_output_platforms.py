"""Publishing on macOS and Windows, forced on Linux: each branch those systems take, exercised.

CI runs on Linux, where ``renameat2`` and ``fcntl`` exist and a folder can be renamed while a file
in it is open. Creators mostly use macOS and Windows, where none of that holds. Each test below
takes away what Linux has (a platform name, a module, a rename that succeeds) and checks the
promise still holds: exactly the old or exactly the new site, no user file lost, one clear line
when the publish cannot go on.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl as real_fcntl
import importlib.util
import os
import subprocess
import sys
import threading
import types
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from mediakit.errors import OutputError
from mediakit.publish import lock, output, recovery, swap
from mediakit.publish.manifest import MANIFEST
from mediakit.publish.output import check_out_dir, publish
from tests.test_output import (
    SITE_V1,
    USER_FILES,
    add_files,
    manifest_text,
    snapshot,
    temp_folders,
)

SITE_V2 = {"index.html": b"<h1>Lina Park, v2</h1>\n", "assets/site.css": SITE_V1["assets/site.css"]}
OLD = {**SITE_V1, **USER_FILES, MANIFEST: manifest_text(list(SITE_V1))}
NEW = {**SITE_V2, **USER_FILES, MANIFEST: manifest_text(list(SITE_V2))}
REAL_RENAME = os.rename


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    folder = tmp_path / "lina-kit"
    (folder / "content").mkdir(parents=True)
    return folder


@pytest.fixture()
def site(project: Path) -> Path:
    """A published site with the creator's own files in it (a Pages checkout)."""
    out = project / "site"
    publish(SITE_V1, out, project_dir=project)
    add_files(out, USER_FILES)
    assert snapshot(out) == OLD
    return out


@pytest.fixture()
def no_renameat2(monkeypatch: pytest.MonkeyPatch) -> None:
    """What macOS and Windows have: no one-step exchange, so the two-rename swap runs."""
    monkeypatch.setattr(swap, "_exchange", None)
    monkeypatch.setattr(swap, "RENAME_RETRY_S", (0.001,) * len(swap.RENAME_RETRY_S))


def windows_error(path: os.PathLike[str] | str) -> PermissionError:
    """What Python raises on Windows for a file or folder in use: ERROR_ACCESS_DENIED."""
    error = PermissionError(errno.EACCES, "Access is denied", os.fspath(path))
    error.winerror = 5  # type: ignore[attr-defined]  # set by Python on Windows only
    return error


def in_use(monkeypatch: pytest.MonkeyPatch, refuse: Callable[[str, str], bool]) -> list[tuple]:
    """Make os.rename fail as Windows does on a folder with an open file, when `refuse` says so.

    Returns the list of every rename attempted: (source, target, refused).
    """
    attempts: list[tuple] = []

    def rename(source: os.PathLike[str] | str, target: os.PathLike[str] | str) -> None:
        refused = refuse(os.fspath(source), os.fspath(target))
        attempts.append((Path(source), Path(target), refused))
        if refused:
            raise windows_error(source)
        REAL_RENAME(source, target)

    monkeypatch.setattr(os, "rename", rename)
    return attempts


# --- no renameat2: macOS, Windows, and old Linux libcs --------------------------------------------


@pytest.mark.parametrize("platform", ["darwin", "win32"])
def test_macos_and_windows_have_no_renameat2(monkeypatch: pytest.MonkeyPatch, platform: str):
    monkeypatch.setattr(sys, "platform", platform)
    assert swap._load_renameat2() is None


def test_a_linux_libc_older_than_glibc_2_28_has_no_renameat2(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(ctypes, "CDLL", lambda *_args, **_kw: types.SimpleNamespace())
    assert swap._load_renameat2() is None


def test_without_renameat2_the_old_site_is_renamed_aside_then_the_new_one_in(
    site: Path, project: Path, monkeypatch: pytest.MonkeyPatch, no_renameat2: None
) -> None:
    renames = in_use(monkeypatch, lambda _source, _target: False)
    publish(SITE_V2, site, project_dir=project)
    folders = [(source.name, target.name) for source, target, _ in renames
               if source.name in ("site", "tree")]
    assert folders == [("site", "old"), ("tree", "site")]
    assert snapshot(site) == NEW
    assert temp_folders(project) == []


# --- Windows refuses to rename a folder while a file in it is open --------------------------------


def test_on_windows_a_site_folder_briefly_in_use_is_swapped_after_retries(
    site: Path, project: Path, monkeypatch: pytest.MonkeyPatch, no_renameat2: None
) -> None:
    refusals = iter([True, True, True])  # e.g. Explorer's preview pane lets go after a moment
    attempts = in_use(monkeypatch, lambda source, _target: source == str(site)
                      and next(refusals, False))
    publish(SITE_V2, site, project_dir=project)
    assert [refused for source, _, refused in attempts if source == site] == [
        True, True, True, False]
    assert snapshot(site) == NEW
    assert temp_folders(project) == []


def test_on_windows_a_site_folder_in_use_for_good_stops_with_one_line_and_keeps_the_old_site(
    site: Path, project: Path, monkeypatch: pytest.MonkeyPatch, no_renameat2: None
) -> None:
    attempts = in_use(monkeypatch, lambda source, _target: source == str(site))
    with pytest.raises(OutputError) as caught:
        publish(SITE_V2, site, project_dir=project)
    assert str(caught.value) == (
        f"{site}: could not replace the site folder: another program has a file in it open "
        "(close it (an editor, a file window, a preview) and build again; the previous site is "
        "untouched)")
    assert "\n" not in str(caught.value)
    assert sum(source == site for source, _, _ in attempts) == len(swap.RENAME_RETRY_S) + 1
    assert snapshot(site) == OLD
    assert temp_folders(project) == []  # the new tree was cleaned up


def test_on_linux_and_macos_a_permission_error_is_not_retried_and_says_so(
    site: Path, project: Path, monkeypatch: pytest.MonkeyPatch, no_renameat2: None
) -> None:
    attempts = []

    def rename(source: os.PathLike[str] | str, target: os.PathLike[str] | str) -> None:
        attempts.append(Path(source))
        if Path(source) == site:  # a site/ folder the user may not move: no "winerror" here
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(source))
        REAL_RENAME(source, target)

    monkeypatch.setattr(os, "rename", rename)
    with pytest.raises(OutputError, match="could not write the site: Permission denied"):
        publish(SITE_V2, site, project_dir=project)
    assert attempts.count(site) == 1
    assert snapshot(site) == OLD and temp_folders(project) == []


def test_on_windows_a_new_site_held_open_by_a_scanner_puts_the_old_site_back(
    site: Path, project: Path, monkeypatch: pytest.MonkeyPatch, no_renameat2: None
) -> None:
    # An antivirus opens the files just written, so the new tree cannot move in.
    in_use(monkeypatch, lambda source, _target: Path(source).name == "tree")
    with pytest.raises(OutputError, match="the previous site is untouched"):
        publish(SITE_V2, site, project_dir=project)
    assert snapshot(site) == OLD
    assert temp_folders(project) == []


def test_on_windows_the_swap_itself_puts_the_old_folder_back_when_the_new_one_is_held(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_renameat2: None
) -> None:
    tree, real, aside = tmp_path / "tree", tmp_path / "site", tmp_path / "old"
    add_files(tree, {"index.html": b"new\n"})
    add_files(real, {"index.html": b"old\n"})
    in_use(monkeypatch, lambda source, _target: source == str(tree))
    with pytest.raises(swap.FolderInUse):
        swap.swap(tree, real, aside)
    assert snapshot(real) == {"index.html": b"old\n"} and not aside.exists()
    assert snapshot(tree) == {"index.html": b"new\n"}


def test_on_windows_an_old_site_that_cannot_be_put_back_is_restored_by_the_next_build(
    site: Path, project: Path, monkeypatch: pytest.MonkeyPatch, no_renameat2: None
) -> None:
    # Both the new tree and the old site moved aside stay in use until the programs let go.
    blocked = [True]
    in_use(monkeypatch, lambda source, target: blocked[0] and (
        Path(source).name == "tree" or (Path(source).name == "old" and target == str(site))))
    with pytest.raises(OutputError, match="the next build puts the previous site back"):
        publish(SITE_V2, site, project_dir=project)
    assert not site.exists()
    [temp] = temp_folders(project)
    assert snapshot(project / temp / "old") == OLD  # nothing lost: the old site, whole

    blocked[0] = False  # the programs closed their files
    result = publish(SITE_V2, site, project_dir=project)
    assert snapshot(site) == NEW
    assert temp_folders(project) == [] and result.leftovers == ()


def test_on_windows_an_old_file_still_open_leaves_a_leftover_cleaned_by_the_next_build(
    site: Path, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_unlink = os.unlink
    blocked = [True]

    def unlink(path: os.PathLike[str] | str, *args: object, **kwargs: object) -> None:
        if blocked[0] and ".mediakit-tmp-" in os.fspath(path) and os.fspath(path).endswith(
                "acme.html"):
            raise windows_error(path)
        real_unlink(path, *args, **kwargs)

    monkeypatch.setattr(os, "unlink", unlink)
    result = publish(SITE_V2, site, project_dir=project)
    assert snapshot(site) == NEW  # the new site is in place all the same
    assert [path.name for path in result.leftovers] == temp_folders(project) != []

    result = publish(SITE_V2, site, project_dir=project)  # still open: kept again, no error
    assert len(result.leftovers) == 1 and snapshot(site) == NEW

    blocked[0] = False
    result = publish(SITE_V2, site, project_dir=project)
    assert result.leftovers == () and temp_folders(project) == []
    assert snapshot(site) == NEW


# --- no fcntl: Windows locks with msvcrt ----------------------------------------------------------


class FakeMsvcrt(types.ModuleType):
    """Windows' ``msvcrt.locking`` on Linux: byte-range locks per open file, refused with EACCES.

    Built on flock, which (like a Windows lock) conflicts between two opens of one file, even in
    one process, and is dropped when its holder's file is closed or its process dies.
    """

    LK_UNLCK, LK_LOCK, LK_NBLCK = 0, 1, 2

    def __init__(self) -> None:
        super().__init__("msvcrt")
        self.calls: list[tuple[int, int, int]] = []  # (mode, position, bytes)
        self.refused = threading.Event()

    def locking(self, fd: int, mode: int, nbytes: int) -> None:
        self.calls.append((mode, os.lseek(fd, 0, os.SEEK_CUR), nbytes))
        if mode == self.LK_UNLCK:
            real_fcntl.flock(fd, real_fcntl.LOCK_UN)
            return
        try:
            real_fcntl.flock(fd, real_fcntl.LOCK_EX | real_fcntl.LOCK_NB)
        except BlockingIOError:
            self.refused.set()
            raise PermissionError(errno.EACCES, "Permission denied") from None


@pytest.fixture()
def windows_lock(monkeypatch: pytest.MonkeyPatch) -> FakeMsvcrt:
    """The publish lock as on Windows: no fcntl module, msvcrt instead."""
    fake = FakeMsvcrt()
    monkeypatch.setattr(lock, "fcntl", None)
    monkeypatch.setattr(lock, "msvcrt", fake)
    return fake


def test_without_fcntl_the_lock_module_imports_and_locks_with_msvcrt(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    fake = FakeMsvcrt()
    monkeypatch.setitem(sys.modules, "fcntl", None)  # `import fcntl` raises ImportError
    monkeypatch.setitem(sys.modules, "msvcrt", fake)
    spec = importlib.util.spec_from_file_location("mediakit_lock_as_on_windows", lock.__file__)
    assert spec is not None and spec.loader is not None
    windows = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(windows)
    assert windows.fcntl is None and windows.msvcrt is fake

    real = tmp_path / "site"
    with windows.publish_lock(real, real, 5.0) as locked:
        assert locked is True
        assert (tmp_path / ".site.mediakit-lock").read_bytes() == windows.LOCK_TEXT
    assert fake.calls == [(fake.LK_NBLCK, 0, 1), (fake.LK_UNLCK, 0, 1)]  # byte 0, then freed
    assert not (tmp_path / ".site.mediakit-lock").exists()


@contextmanager
def other_build_publishing(site: Path) -> Iterator[None]:
    with lock.publish_lock(site, site, 1.0) as locked:
        assert locked
        yield


def test_on_windows_a_second_publisher_waits_for_the_lock_then_gives_up(
    site: Path, project: Path, monkeypatch: pytest.MonkeyPatch, windows_lock: FakeMsvcrt
) -> None:
    monkeypatch.setattr(output, "_LOCK_TIMEOUT_S", 0.2)
    with other_build_publishing(site):
        with pytest.raises(OutputError, match="another mediakit build is publishing"):
            publish(SITE_V2, site, project_dir=project)
    assert snapshot(site) == OLD
    publish(SITE_V2, site, project_dir=project)
    assert snapshot(site) == NEW
    assert not (project / ".site.mediakit-lock").exists()
    assert temp_folders(project) == []


def test_on_windows_a_waiting_publisher_goes_ahead_once_the_lock_is_released(
    site: Path, project: Path, windows_lock: FakeMsvcrt
) -> None:
    outcome: list[object] = []
    with other_build_publishing(site):
        waiting = threading.Thread(
            target=lambda: outcome.append(publish(SITE_V2, site, project_dir=project)))
        waiting.start()
        assert windows_lock.refused.wait(30)  # it tried, found the lock taken, and waits
        assert snapshot(site) == OLD
    waiting.join(30)
    assert len(outcome) == 1 and not isinstance(outcome[0], Exception)
    assert snapshot(site) == NEW


def test_on_windows_the_lock_file_of_a_killed_build_does_not_block_the_next(
    site: Path, project: Path, windows_lock: FakeMsvcrt
) -> None:
    (project / ".site.mediakit-lock").write_bytes(lock.LOCK_TEXT)  # its lock died with it
    publish(SITE_V2, site, project_dir=project)
    assert snapshot(site) == NEW
    assert not (project / ".site.mediakit-lock").exists()


def test_on_windows_a_file_of_the_users_with_the_lock_name_is_never_deleted(
    site: Path, project: Path, windows_lock: FakeMsvcrt
) -> None:
    (project / ".site.mediakit-lock").write_bytes(b"my notes\n")
    publish(SITE_V2, site, project_dir=project)
    assert snapshot(site) == NEW
    assert (project / ".site.mediakit-lock").read_bytes() == b"my notes\n"


def test_on_windows_a_lock_file_being_deleted_is_opened_again_a_moment_later(
    site: Path, project: Path, monkeypatch: pytest.MonkeyPatch, windows_lock: FakeMsvcrt
) -> None:
    real_open = os.open
    pending = iter([True, True])  # another build's lock file, "delete pending" for a moment
    opened = []

    def open_(path: os.PathLike[str] | str, flags: int, mode: int = 0o777, **kw: object) -> int:
        if os.fspath(path).endswith(".mediakit-lock"):
            opened.append(next(pending, False))
            if opened[-1]:
                raise windows_error(path)
        return real_open(path, flags, mode, **kw)

    monkeypatch.setattr(os, "open", open_)
    publish(SITE_V2, site, project_dir=project)
    assert opened == [True, True, False]
    assert windows_lock.calls[0] == (windows_lock.LK_NBLCK, 0, 1)  # then it really locked
    assert snapshot(site) == NEW


# --- no lock at all: publish still works, and recovery stays careful ------------------------------


def leftover(project: Path, pid: int) -> Path:
    folder = project / f".site.mediakit-tmp-{pid}"
    add_files(folder, {"mediakit-temp-marker": b"", f"tree/{MANIFEST}": manifest_text(["a.html"]),
                       "tree/a.html": b"<h1>half-built</h1>\n"})
    return folder


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait(timeout=60)
    return child.pid


def test_without_any_lock_publish_works_and_spares_a_live_publishers_temp_folder(
    site: Path, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(lock, "fcntl", None)
    monkeypatch.setattr(lock, "msvcrt", None)
    alive = leftover(project, os.getppid())  # a running process: maybe publishing right now
    dead = leftover(project, dead_pid())
    publish(SITE_V2, site, project_dir=project)
    assert snapshot(site) == NEW
    assert temp_folders(project) == [alive.name] and not dead.exists()


def test_on_windows_recovery_never_probes_a_pid_with_os_kill(
    site: Path, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # os.kill(pid, 0) on Windows is TerminateProcess: it would kill whatever has that pid.
    monkeypatch.setattr(lock, "fcntl", None)
    monkeypatch.setattr(lock, "msvcrt", None)
    monkeypatch.setattr(sys, "platform", "win32")

    def kill(pid: int, signal: int) -> None:
        raise AssertionError(f"os.kill({pid}, {signal}) called")

    monkeypatch.setattr(os, "kill", kill)
    other = leftover(project, dead_pid())
    publish(SITE_V2, site, project_dir=project)
    assert snapshot(site) == NEW
    assert other.exists()  # unsure whether it runs: kept for a publish that holds the lock
    assert recovery._pid_alive(12345) is True


# --- "\" in paths: a Windows-style --out ---------------------------------------------------------


def test_a_windows_style_out_path_publishes_to_the_same_folder_with_a_posix_manifest(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project)
    publish(SITE_V1, Path("public\\kit"), project_dir=project)
    assert snapshot(project / "public" / "kit") == {**SITE_V1,
                                                    MANIFEST: manifest_text(list(SITE_V1))}
    assert not any("\\" in name for name in os.listdir(project))
    assert b"pitches/acme.html" in (project / "public/kit" / MANIFEST).read_bytes()
    output.recover(Path("public\\kit"))  # finds the same folder, nothing to do
    publish(SITE_V2, Path(str(project) + "\\public\\kit"), project_dir=project)
    assert snapshot(project / "public" / "kit") == {**SITE_V2,
                                                    MANIFEST: manifest_text(list(SITE_V2))}


def test_a_windows_style_out_path_into_content_is_refused(project: Path) -> None:
    with pytest.raises(OutputError, match="is inside content/"):
        check_out_dir(Path(str(project) + "\\content\\site"), project_dir=project)
    assert os.listdir(project / "content") == []
