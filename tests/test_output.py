"""The output folder: atomic publish, owned files only, user files kept, unsafe folders refused.

Trees are compared as {relative path: bytes}, so "exactly the old or exactly the new site" is a
plain dict equality.
"""

from __future__ import annotations

import base64
import errno
import json
import os
import select
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mediakit.errors import OutputError
from mediakit.publish import output, staging, swap, testhook
from mediakit.publish.manifest import MANIFEST
from mediakit.publish.output import check_out_dir, publish, recover

REPO = Path(__file__).resolve().parents[1]

SITE_V1 = {
    "index.html": b"<!doctype html><title>Lina Park - media kit</title><h1>Lina Park</h1>\n",
    "assets/site.css": b"body { font-family: system-ui; margin: 0 auto; max-width: 40rem; }\n",
    "pitches/acme.html": b"<!doctype html><title>Pitch for Acme</title><p>3 videos, $1,200</p>\n",
}
USER_FILES = {
    "CNAME": b"kit.linapark.example\n",
    ".git/HEAD": b"ref: refs/heads/gh-pages\n",
    ".git/objects/4b/825dc642cb6eb9a060e54bf8d69288fbee4904": b"x\x01+)JMU0`\x00\x00\n,\x02\x14",
    "notes/mine.txt": b"Call Acme on Tuesday; ask about usage rights.\n",
}


def manifest_text(paths: list[str]) -> bytes:
    """The manifest, written out by hand: sorted keys, two-space indent, trailing newline."""
    lines = ",\n".join(f'    "{path}"' for path in sorted(paths))
    return f'{{\n  "files": [\n{lines}\n  ],\n  "format": 1\n}}\n'.encode()


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` as {posix relative path: bytes}."""
    tree = {}
    for root, _dirs, names in os.walk(folder):
        for name in names:
            path = Path(root, name)
            tree[path.relative_to(folder).as_posix()] = path.read_bytes()
    return tree


def add_files(folder: Path, files: dict[str, bytes]) -> None:
    for rel, data in files.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_bytes(data)


def temp_folders(parent: Path) -> list[str]:
    return sorted(name for name in os.listdir(parent) if ".mediakit-tmp-" in name)


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    folder = tmp_path / "lina-kit"
    (folder / "content").mkdir(parents=True)
    return folder


# --- publishing ----------------------------------------------------------------------------------


def test_first_publish_writes_every_file_and_a_sorted_manifest(project: Path) -> None:
    out = project / "site"
    result = publish(SITE_V1, out, project_dir=project)

    assert (result.written, result.unchanged, result.removed) == (3, 0, 0)
    assert snapshot(out) == {**SITE_V1, MANIFEST: manifest_text(list(SITE_V1))}
    assert (out / MANIFEST).read_text() == (
        "{\n"
        '  "files": [\n'
        '    "assets/site.css",\n'
        '    "index.html",\n'
        '    "pitches/acme.html"\n'
        "  ],\n"
        '  "format": 1\n'
        "}\n"
    )
    assert temp_folders(project) == []


def test_files_and_folders_get_fixed_permissions_whatever_the_umask(project: Path) -> None:
    out = project / "site"
    previous = os.umask(0o077)
    try:
        publish(SITE_V1, out, project_dir=project)
    finally:
        os.umask(previous)

    for rel in [*SITE_V1, MANIFEST]:
        assert stat.S_IMODE((out / rel).stat().st_mode) == 0o644, rel
    for rel in ["", "assets", "pitches"]:
        assert stat.S_IMODE((out / rel).stat().st_mode) == 0o755, rel


def test_second_publish_rewrites_changed_keeps_unchanged_and_removes_dropped(project: Path) -> None:
    out = project / "site"
    publish(SITE_V1, out, project_dir=project)
    site_v2 = {
        "index.html": b"<!doctype html><title>Lina Park - media kit</title><h1>Lina, 48k</h1>\n",
        "assets/site.css": SITE_V1["assets/site.css"],
        "pitches/globex.html": b"<!doctype html><title>Pitch for Globex</title>\n",
    }

    result = publish(site_v2, out, project_dir=project)

    # index.html changed + globex is new = 2 written; site.css same bytes = 1; acme dropped = 1.
    assert (result.written, result.unchanged, result.removed) == (2, 1, 1)
    assert snapshot(out) == {**site_v2, MANIFEST: manifest_text(list(site_v2))}


def test_dropped_owned_file_goes_but_user_file_in_same_folder_stays(project: Path) -> None:
    out = project / "site"
    publish(SITE_V1, out, project_dir=project)
    (out / "pitches" / "acme-call-notes.txt").write_bytes(b"Budget is $1,500, not $1,200.\n")
    site_v2 = {rel: data for rel, data in SITE_V1.items() if rel != "pitches/acme.html"}

    result = publish(site_v2, out, project_dir=project)

    assert result.removed == 1
    assert not (out / "pitches" / "acme.html").exists()
    notes = out / "pitches" / "acme-call-notes.txt"
    assert notes.read_bytes() == b"Budget is $1,500, not $1,200.\n"


def test_folder_left_with_only_dropped_files_disappears(project: Path) -> None:
    out = project / "site"
    publish(SITE_V1, out, project_dir=project)

    publish({"index.html": SITE_V1["index.html"]}, out, project_dir=project)

    assert sorted(os.listdir(out)) == [MANIFEST, "index.html"]


def test_user_files_survive_100_publishes_byte_identical(project: Path) -> None:
    out = project / "site"
    publish(SITE_V1, out, project_dir=project)
    add_files(out, USER_FILES)
    (out / ".git" / "refs" / "tags").mkdir(parents=True)  # git needs its empty folders too
    os.chmod(out / "notes" / "mine.txt", 0o600)
    (out / "notes" / "latest").symlink_to("mine.txt")
    inodes = {rel: (out / rel).stat().st_ino for rel in USER_FILES}
    site_v2 = {**SITE_V1, "index.html": b"<!doctype html><h1>Lina Park, updated</h1>\n"}

    for number in range(100):
        publish(SITE_V1 if number % 2 else site_v2, out, project_dir=project)

    assert snapshot(out) == {
        **SITE_V1,
        **USER_FILES,
        MANIFEST: manifest_text(list(SITE_V1)),
        "notes/latest": USER_FILES["notes/mine.txt"],  # read through the symlink
    }
    # Carried by hard links, never copied: the very same inodes as before the 100 publishes.
    assert {rel: (out / rel).stat().st_ino for rel in USER_FILES} == inodes
    assert (out / ".git" / "refs" / "tags").is_dir()
    assert stat.S_IMODE((out / "notes" / "mine.txt").stat().st_mode) == 0o600
    assert os.readlink(out / "notes" / "latest") == "mine.txt"
    assert temp_folders(project) == []


def test_user_file_where_the_build_writes_is_refused_and_site_untouched(project: Path) -> None:
    out = project / "site"
    publish(SITE_V1, out, project_dir=project)
    (out / "about.html").write_bytes(b"<p>My own about page</p>\n")
    before = snapshot(out)

    with pytest.raises(OutputError, match="'about.html' was not written by mediakit"):
        publish({**SITE_V1, "about.html": b"<p>generated</p>\n"}, out, project_dir=project)

    assert snapshot(out) == before
    assert temp_folders(project) == []


def test_fresh_pages_clone_with_only_keepable_entries_is_accepted(project: Path) -> None:
    out = project / "site"
    clone = {
        "CNAME": b"kit.linapark.example\n",
        ".nojekyll": b"",
        "README.md": b"# Lina's media kit\n",
        ".git/HEAD": b"ref: refs/heads/main\n",
    }
    add_files(out, clone)
    check_out_dir(out, project_dir=project)

    result = publish(SITE_V1, out, project_dir=project)

    assert result.written == 3
    assert snapshot(out) == {**SITE_V1, **clone, MANIFEST: manifest_text(list(SITE_V1))}


def test_symlinked_out_dir_inside_project_publishes_into_its_target(project: Path) -> None:
    (project / "build" / "kit").mkdir(parents=True)
    (project / "site").symlink_to(project / "build" / "kit")

    publish(SITE_V1, project / "site", project_dir=project)

    assert (project / "site").is_symlink()
    target = project / "build" / "kit"
    assert snapshot(target) == {**SITE_V1, MANIFEST: manifest_text(list(SITE_V1))}


def test_failed_write_leaves_old_site_and_no_temp_folder(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = project / "site"
    publish(SITE_V1, out, project_dir=project)
    add_files(out, USER_FILES)
    before = snapshot(out)
    real_write = staging._write_file
    calls = []

    def disk_fills_up(path: str | Path, data: bytes) -> None:
        calls.append(path)
        if len(calls) == 3:  # the manifest and one file made it, then the disk is full
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        real_write(path, data)

    monkeypatch.setattr(staging, "_write_file", disk_fills_up)
    changed = {rel: data + b"<!-- v2 -->\n" for rel, data in SITE_V1.items()}

    with pytest.raises(OutputError) as caught:
        publish(changed, out, project_dir=project)

    assert "No space left on device" in str(caught.value)
    assert "\n" not in str(caught.value)
    assert snapshot(out) == before
    assert temp_folders(project) == []


def test_user_files_are_copied_where_hard_links_are_refused(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = project / "site"
    publish(SITE_V1, out, project_dir=project)
    add_files(out, USER_FILES)
    (out / "notes" / "latest").symlink_to("mine.txt")

    def refuse_link(*args: object, **kwargs: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")  # e.g. fs.protected_hardlinks

    monkeypatch.setattr(os, "link", refuse_link)
    for _ in range(3):
        result = publish(SITE_V1, out, project_dir=project)

    assert result.unchanged == 3
    assert snapshot(out) == {
        **SITE_V1,
        **USER_FILES,
        MANIFEST: manifest_text(list(SITE_V1)),
        "notes/latest": USER_FILES["notes/mine.txt"],
    }
    assert os.readlink(out / "notes" / "latest") == "mine.txt"
    assert temp_folders(project) == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="renameat2 is Linux only")
def test_publish_swaps_with_renameat2_exchange_on_linux(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = project / "site"
    publish(SITE_V1, out, project_dir=project)
    assert swap._exchange is not None
    swaps = []

    def counting_exchange(a: Path, b: Path) -> bool:
        swaps.append(b)
        return swap._exchange_renameat2(a, b)

    monkeypatch.setattr(swap, "_exchange", counting_exchange)
    publish({"index.html": b"<h1>v2</h1>\n"}, out, project_dir=project)

    assert swaps == [out]
    assert snapshot(out) == {
        "index.html": b"<h1>v2</h1>\n",
        MANIFEST: manifest_text(["index.html"]),
    }


@pytest.mark.parametrize(
    "exchange", [None, lambda a, b: False], ids=["no-renameat2", "file-system-refuses-exchange"]
)
def test_fallback_swap_by_two_renames_keeps_user_files(
    project: Path, monkeypatch: pytest.MonkeyPatch, exchange: object
) -> None:
    monkeypatch.setattr(swap, "_exchange", exchange)
    out = project / "site"
    publish(SITE_V1, out, project_dir=project)
    add_files(out, USER_FILES)
    head_inode = (out / ".git" / "HEAD").stat().st_ino

    result = publish({"index.html": b"<h1>v2</h1>\n"}, out, project_dir=project)

    # index.html changed = 1 written; site.css and acme.html are no longer built = 2 removed.
    assert (result.written, result.unchanged, result.removed) == (1, 0, 2)
    assert snapshot(out) == {
        "index.html": b"<h1>v2</h1>\n",
        MANIFEST: manifest_text(["index.html"]),
        **USER_FILES,
    }
    assert (out / ".git" / "HEAD").stat().st_ino == head_inode
    assert temp_folders(project) == []


# --- refusing unsafe folders and paths ------------------------------------------------------------


def test_refuses_the_root_and_the_home_folder(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home" / "lina"
    home.mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))

    with pytest.raises(OutputError, match="root of the file system"):
        check_out_dir(Path("/"), project_dir=project)
    with pytest.raises(OutputError, match="home folder"):
        publish(SITE_V1, home, project_dir=project)
    with pytest.raises(OutputError, match="home folder"):
        check_out_dir(tmp_path / "home", project_dir=project)  # contains the home folder
    assert os.listdir(home) == []


@pytest.mark.parametrize(
    ("out_rel", "message"),
    [
        (".", "is the project folder or contains it"),
        ("..", "is the project folder or contains it"),
        ("content", "inside content/"),
        ("content/site", "inside content/"),
    ],
)
def test_refuses_the_project_and_its_content(project: Path, out_rel: str, message: str) -> None:
    (project / "content" / "profile.yaml").write_text("name: Lina Park\n")

    with pytest.raises(OutputError, match=message) as caught:
        publish(SITE_V1, project / out_rel, project_dir=project)

    assert "\n" not in str(caught.value) and "(" in str(caught.value)  # one line, with a hint
    assert sorted(os.listdir(project / "content")) == ["profile.yaml"]


def test_refuses_a_symlink_leading_outside_the_project(project: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "somebody-elses-folder"
    elsewhere.mkdir()
    (project / "site").symlink_to(elsewhere)

    with pytest.raises(OutputError, match="through a symlink .* outside the project"):
        publish(SITE_V1, project / "site", project_dir=project)
    assert os.listdir(elsewhere) == []


def test_plain_folder_outside_the_project_is_allowed(project: Path, tmp_path: Path) -> None:
    publish(SITE_V1, tmp_path / "public" / "lina", project_dir=project)

    assert snapshot(tmp_path / "public" / "lina")["index.html"] == SITE_V1["index.html"]


def test_refuses_a_folder_with_files_mediakit_did_not_write(project: Path) -> None:
    out = project / "site"
    add_files(out, {"CNAME": b"kit.example\n", "vacation.jpg": b"\xff\xd8\xff\xe0"})

    with pytest.raises(OutputError) as caught:
        publish(SITE_V1, out, project_dir=project)

    assert str(caught.value) == (
        f"{out}/: already has files mediakit did not write, such as 'vacation.jpg' "
        "(choose an empty folder with --out, or remove them yourself)"
    )
    assert snapshot(out) == {"CNAME": b"kit.example\n", "vacation.jpg": b"\xff\xd8\xff\xe0"}


def test_refuses_an_existing_file(project: Path) -> None:
    (project / "site").write_text("not a folder\n")

    with pytest.raises(OutputError, match="is a file, not a folder"):
        publish(SITE_V1, project / "site", project_dir=project)


@pytest.mark.parametrize(
    "manifest",
    [b"{not json", b'{"format": 99, "files": []}', b'{"format": 1, "files": ["../../.bashrc"]}'],
    ids=["not-json", "unknown-format", "path-climbing-out"],
)
def test_refuses_a_damaged_manifest(project: Path, manifest: bytes) -> None:
    out = project / "site"
    publish(SITE_V1, out, project_dir=project)
    (out / MANIFEST).write_bytes(manifest)
    before = snapshot(out)

    with pytest.raises(OutputError, match="manifest is damaged"):
        publish(SITE_V1, out, project_dir=project)
    assert snapshot(out) == before


def test_refuses_a_manifest_that_is_a_symlink(project: Path) -> None:
    out = project / "site"
    publish(SITE_V1, out, project_dir=project)
    (project / "fake.json").write_bytes(manifest_text(["CNAME"]))
    (out / MANIFEST).unlink()
    (out / MANIFEST).symlink_to(project / "fake.json")

    with pytest.raises(OutputError, match="manifest is damaged"):
        check_out_dir(out, project_dir=project)


@pytest.mark.parametrize(
    ("bad_path", "problem"),
    [
        ("/etc/passwd", "is absolute"),
        ("../outside.html", "'..'"),
        ("pitches/../../outside.html", "'..'"),
        ("pitches\\acme.html", "backslash"),
        ("pitches//acme.html", "empty segment"),
        ("pitches/", "empty segment"),
        ("", "empty"),
        ("./index.html", "'.'"),
        (MANIFEST, "manifest"),
    ],
)
def test_refuses_malformed_output_paths(project: Path, bad_path: str, problem: str) -> None:
    with pytest.raises(OutputError, match=problem):
        publish({**SITE_V1, bad_path: b"x"}, project / "site", project_dir=project)
    assert not (project / "site").exists()
    assert not (project.parent / "outside.html").exists()


def test_refuses_a_path_that_is_both_file_and_folder(project: Path) -> None:
    with pytest.raises(OutputError, match="'pitches' is both a file and the folder"):
        publish({**SITE_V1, "pitches": b"x"}, project / "site", project_dir=project)


# --- killed publishes and leftovers --------------------------------------------------------------

PUBLISH_SCRIPT = """
import base64, json, sys
from pathlib import Path
from mediakit.publish import output, swap
job = json.loads(Path(sys.argv[1]).read_text())
if job["fallback"]:
    swap._exchange = None
files = {rel: base64.b64decode(data) for rel, data in job["files"].items()}
output.publish(files, Path(job["out"]), project_dir=Path(job["project"]))
"""


def big_site(version: int) -> dict[str, bytes]:
    """300 pages of 8 KB; version 2 changes the even pages, drops 250-299 and adds 10 new ones."""
    site = {}
    for number in range(300 if version == 1 else 250):
        changed = version if number % 2 == 0 else 1
        site[f"pages/p{number:03}.html"] = f"<p>page {number} v{changed}</p>\n".encode() * 400
    if version == 2:
        for number in range(10):
            site[f"extra/e{number}.html"] = f"<p>extra {number}</p>\n".encode() * 400
    return site


def start_paused_publish(
    job_dir: Path, files: dict[str, bytes], out: Path, project: Path, *, stage: str, fallback: bool
) -> subprocess.Popen[bytes]:
    """Start a real publish in another process and return once it sleeps at `stage`."""
    job = {
        "files": {rel: base64.b64encode(data).decode() for rel, data in files.items()},
        "out": str(out),
        "project": str(project),
        "fallback": fallback,
    }
    (job_dir / "job.json").write_text(json.dumps(job))
    (job_dir / "publish.py").write_text(PUBLISH_SCRIPT)
    env = {**os.environ, testhook.PAUSE_ENV: stage, "PYTHONPATH": str(REPO)}
    process = subprocess.Popen(
        [sys.executable, str(job_dir / "publish.py"), str(job_dir / "job.json")],
        stderr=subprocess.PIPE,
        env=env,
    )
    assert process.stderr is not None
    deadline = time.monotonic() + 30
    seen = b""
    while b"\n" not in seen:
        ready, _, _ = select.select([process.stderr], [], [], max(0.0, deadline - time.monotonic()))
        chunk = os.read(process.stderr.fileno(), 4096) if ready else b""
        if not chunk:
            process.kill()
            raise AssertionError(f"publish never paused at {stage}: {seen.decode()}")
        seen += chunk
    assert seen.decode().strip() == f"mediakit-test-paused-at: {stage}"
    return process


def kill(process: subprocess.Popen[bytes]) -> None:
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)
    assert process.returncode == -signal.SIGKILL


@pytest.mark.parametrize(
    ("fallback", "stage", "leaves"),
    [
        (False, "temp-half-written", "old"),
        (False, "temp-written", "old"),
        (False, "user-files-linked", "old"),
        (False, "swapped", "new"),
        (False, "cleanup", "new"),
        (True, "temp-written", "old"),
        (True, "moved-aside", "missing"),
        (True, "swapped", "new"),
        (True, "cleanup", "new"),
    ],
)
def test_killed_publish_leaves_old_or_new_site_and_next_publish_cleans_up(
    project: Path, tmp_path: Path, fallback: bool, stage: str, leaves: str
) -> None:
    out = project / "site"
    old_site, new_site = big_site(1), big_site(2)
    publish(old_site, out, project_dir=project)
    add_files(out, USER_FILES)
    add_files(out, {"pages/my-draft.txt": b"A page I am still writing.\n"})
    user = {**USER_FILES, "pages/my-draft.txt": b"A page I am still writing.\n"}
    head_inode = (out / ".git" / "HEAD").stat().st_ino
    expected = {
        "old": {**old_site, **user, MANIFEST: manifest_text(list(old_site))},
        "new": {**new_site, **user, MANIFEST: manifest_text(list(new_site))},
    }

    process = start_paused_publish(
        tmp_path, new_site, out, project, stage=stage, fallback=fallback
    )
    kill(process)

    assert len(temp_folders(project)) == 1  # the kill really left a publish half-way
    if leaves == "missing":  # only the fallback has this instant; recover puts the old site back
        assert not out.exists()
        recover(out)
        leaves = "old"
    assert snapshot(out) == expected[leaves]

    result = publish(new_site, out, project_dir=project)

    assert snapshot(out) == expected["new"]
    assert temp_folders(project) == []
    assert result.leftovers == ()
    assert (out / ".git" / "HEAD").stat().st_ino == head_inode


def test_second_publisher_waits_for_the_first_then_gives_up(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = project / "site"
    publish(SITE_V1, out, project_dir=project)
    process = start_paused_publish(
        tmp_path, {"index.html": b"<h1>other</h1>\n"}, out, project, stage="temp-written",
        fallback=False,
    )
    monkeypatch.setattr(output, "_LOCK_TIMEOUT_S", 0.2)
    try:
        with pytest.raises(OutputError, match="another mediakit build is publishing"):
            publish(SITE_V1, out, project_dir=project)
    finally:
        kill(process)

    publish(SITE_V1, out, project_dir=project)
    assert snapshot(out) == {**SITE_V1, MANIFEST: manifest_text(list(SITE_V1))}
    assert temp_folders(project) == []


def test_folders_that_only_look_like_ours_are_left_alone(project: Path) -> None:
    out = project / "site"
    no_marker = project / ".site.mediakit-tmp-4242"
    other_site = project / ".blog.mediakit-tmp-4242"
    add_files(no_marker, {"keep.txt": b"mine\n"})
    add_files(other_site, {"mediakit-temp-marker": b"", "tree/index.html": b"<h1>blog</h1>\n"})

    publish(SITE_V1, out, project_dir=project)

    assert snapshot(no_marker) == {"keep.txt": b"mine\n"}
    assert snapshot(other_site) == {
        "mediakit-temp-marker": b"",
        "tree/index.html": b"<h1>blog</h1>\n",
    }


def make_leftover(project: Path, late_note: bytes) -> Path:
    """A publish killed during cleanup, after the user saved a file into the old tree meanwhile."""
    leftover = project / ".site.mediakit-tmp-999999"
    add_files(
        leftover,
        {
            "mediakit-temp-marker": b"",
            f"tree/{MANIFEST}": manifest_text(["index.html"]),
            "tree/index.html": b"<h1>old</h1>\n",
            "tree/late-note.txt": late_note,
        },
    )
    return leftover


def test_recovery_moves_a_user_file_found_only_in_the_old_tree_back(project: Path) -> None:
    out = project / "site"
    publish(SITE_V1, out, project_dir=project)
    make_leftover(project, b"Saved during the build.\n")

    recover(out)

    assert snapshot(out) == {
        **SITE_V1,
        MANIFEST: manifest_text(list(SITE_V1)),
        "late-note.txt": b"Saved during the build.\n",
    }
    assert temp_folders(project) == []


def test_recovery_keeps_a_leftover_rather_than_delete_a_user_file(project: Path) -> None:
    out = project / "site"
    publish(SITE_V1, out, project_dir=project)
    add_files(out, {"late-note.txt": b"Newer version.\n"})
    leftover = make_leftover(project, b"Older version, still mine.\n")

    result = publish(SITE_V1, out, project_dir=project)

    assert result.leftovers == (leftover,)
    assert snapshot(leftover) == {
        "mediakit-temp-marker": b"",
        f"tree/{MANIFEST}": manifest_text(["index.html"]),
        "tree/late-note.txt": b"Older version, still mine.\n",  # index.html (ours) was removed
    }
    assert (out / "late-note.txt").read_bytes() == b"Newer version.\n"


# --- rebuilds -------------------------------------------------------------------------------------
# (Speed is measured in benchmarks/, never asserted here.)


def test_a_rebuild_rewrites_only_the_changed_files(project: Path) -> None:
    out = project / "site"
    site = {f"posts/{number:03}.html": os.urandom(2_000) for number in range(200)}
    publish(site, out, project_dir=project)
    add_files(out, USER_FILES)
    for run in range(3):
        # A typical rebuild: 20 of the 200 pages changed (fresh bytes), 180 unchanged.
        rebuilt = {
            rel: os.urandom(2_000) if number % 10 == run % 10 else data
            for number, (rel, data) in enumerate(site.items())
        }
        result = publish(rebuilt, out, project_dir=project)
        assert (result.written, result.unchanged) == (20, 180)
        tree = snapshot(out)
        tree.pop(MANIFEST)
        assert tree == {**rebuilt, **USER_FILES}
        site = rebuilt
