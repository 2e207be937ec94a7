"""Nothing lost: a build killed at any moment leaves site/ as the old or the new build, and
``--out`` never takes over a folder that is not mediakit's to replace.

The kills are real: ``python -m mediakit build`` in its own process, SIGKILL after a random
delay (seeded; the seed is in the test's output), several times in a row over the same project.
After each kill site/ must be byte for byte the old site or the new one, with the creator's own
files (CNAME, notes) untouched, and every history file whole. (tests/test_output.py kills
publish at each of its stages; these kills land anywhere in a whole build.)
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from mediakit import history
from mediakit.commands.main import main
from tests.hardening.projects import (
    FOLLOWERS_HEADER,
    OVERVIEW_HEADER,
    PROFILE,
    TODAY,
    csv_text,
    followers_rows,
    overview_rows,
    small_project,
)

KILLS = int(os.environ.get("MEDIAKIT_KILLS", "4"))
USER_FILES = {"CNAME": b"kit.testcreator.example\n", "notes/call.txt": b"ask about usage\n"}
NEW_DAYS = tuple(range(1, 12))  # the new download has March 11 too


def tree(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def command(project: Path) -> list[str]:
    return [sys.executable, "-m", "mediakit", "build", str(project), "--quiet", "--today",
            TODAY]


def environment() -> dict[str, str]:
    return {key: value for key, value in os.environ.items()
            if key not in ("MEDIAKIT_DEBUG", "FORCE_COLOR")}


def new_download(project: Path) -> None:
    """What changes between the old build and the new one: a day more, a new tagline."""
    data = project / "content" / "data" / "tiktok"
    (data / "Overview.csv").write_bytes(csv_text(OVERVIEW_HEADER, overview_rows(NEW_DAYS)))
    (data / "FollowerHistory.csv").write_bytes(csv_text(FOLLOWERS_HEADER,
                                                        followers_rows(NEW_DAYS)))
    (project / "content" / "profile.yaml").write_text(
        PROFILE + 'tagline: "Now with March 11"\n', "utf-8")


def test_a_build_killed_at_random_moments_leaves_the_old_or_the_new_site(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seed = int(os.environ.get("MEDIAKIT_SEED", "20261120"))
    print(f"kill delays seeded with MEDIAKIT_SEED={seed}")
    chance = random.Random(seed)
    # One chart cache for every build here (the killed ones get it through environment()).
    monkeypatch.setenv("MEDIAKIT_CACHE_DIR", str(tmp_path / "charts"))

    # The new download's charts are drawn once, in this process, before anything is timed: the
    # killed builds find them in the cache, so the reference build below must too, or its
    # duration (which spreads the kills) would include drawing they never do and the last kills
    # would land after their build had already finished.
    warm = small_project(tmp_path / "warm")
    new_download(warm)
    result = CliRunner().invoke(main, ["build", str(warm), "--quiet", "--today", TODAY])
    assert result.exit_code == 0, result.output

    # the new site, built to the end by the real command in a copy: its bytes and its duration
    reference = small_project(tmp_path / "reference")
    new_download(reference)
    started = time.perf_counter()
    subprocess.run(command(reference), env=environment(), check=True, capture_output=True,
                   timeout=300)
    full = time.perf_counter() - started
    new = tree(reference / "site")

    project = small_project(tmp_path / "kit")
    result = CliRunner().invoke(main, ["build", str(project), "--quiet", "--today", TODAY])
    assert result.exit_code == 0, result.output
    old = tree(project / "site")
    assert old != new
    for name, data in USER_FILES.items():
        (project / "site" / name).parent.mkdir(parents=True, exist_ok=True)
        (project / "site" / name).write_bytes(data)
    new_download(project)

    outcomes = []
    for kill in range(KILLS):  # spread over the whole build, the last ones near its end
        low, high = kill / KILLS, (kill + 1) / KILLS
        delay = full * chance.uniform(0.05 + 1.1 * low, 0.05 + 1.1 * high)
        process = subprocess.Popen(command(project), env=environment(),
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
        site = tree(project / "site")
        for name, data in USER_FILES.items():
            assert site.pop(name) == data, name
        assert site in (old, new), f"killed after {delay:.2f} s: a mix of old and new"
        outcomes.append("new" if site == new else "old")
        history.read(project / "content" / "data" / "history")  # every history file whole
    print(f"full build {full:.1f} s; after each kill the site was: {', '.join(outcomes)}")

    result = CliRunner().invoke(main, ["build", str(project), "--quiet", "--today", TODAY])
    assert result.exit_code == 0, result.output
    site = tree(project / "site")
    assert {name: site.pop(name) for name in USER_FILES} == USER_FILES
    assert site == new
    leftovers = [name for name in os.listdir(project) if ".mediakit-tmp-" in name]
    assert leftovers == []  # a killed build's temporary folder is cleaned up by the next one


# --- --out: folders that are not mediakit's to replace -------------------------------------------


@pytest.fixture()
def kit(tmp_path: Path) -> Path:
    return small_project(tmp_path / "kit")


def refuse(project: Path, out: Path, home: Path | None = None) -> str:
    env = {"HOME": str(home)} if home is not None else None
    before = tree(out) if out.is_dir() and out != Path("/") else None
    started = time.perf_counter()
    result = CliRunner().invoke(main, ["build", str(project), "--quiet", "--today", TODAY,
                                       "--out", str(out)], env=env)
    seconds = time.perf_counter() - started
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.output
    assert "Traceback" not in result.output
    assert seconds < 60  # a hang guard only: speed is measured in benchmarks/
    if before is not None:
        assert tree(out) == before
    return lines[0]


def test_out_cannot_be_the_project_folder(kit: Path) -> None:
    assert "project" in refuse(kit, kit)


def test_out_cannot_be_the_content_folder_or_inside_it(kit: Path) -> None:
    assert "content" in refuse(kit, kit / "content")
    assert "content" in refuse(kit, kit / "content" / "data")


def test_out_cannot_be_the_root_folder(kit: Path) -> None:
    refuse(kit, Path("/"))


def test_out_cannot_be_the_home_folder(kit: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    (home / "Documents" / "taxes.pdf").write_bytes(b"%PDF")
    assert "home" in refuse(kit, home, home=home)


def test_out_cannot_be_a_folder_of_someone_elses_files(kit: Path, tmp_path: Path) -> None:
    other = tmp_path / "photos"
    other.mkdir()
    (other / "holiday.jpg").write_bytes(b"\xff\xd8\xff")
    assert refuse(kit, other) == (
        f"Error: {other}/: already has files mediakit did not write, such as 'holiday.jpg' "
        "(choose an empty folder with --out, or remove them yourself)")
    assert (other / "holiday.jpg").read_bytes() == b"\xff\xd8\xff"


def test_out_cannot_reach_the_project_through_a_link(kit: Path, tmp_path: Path) -> None:
    (tmp_path / "public").symlink_to(kit, target_is_directory=True)
    refuse(kit, tmp_path / "public")


def test_out_may_be_a_new_or_empty_folder_or_a_pages_clone(kit: Path, tmp_path: Path) -> None:
    (tmp_path / "clone" / ".git").mkdir(parents=True)
    (tmp_path / "clone" / "CNAME").write_bytes(b"kit.example\n")
    (tmp_path / "empty").mkdir()
    for out in (tmp_path / "new" / "site", tmp_path / "empty", tmp_path / "clone"):
        result = CliRunner().invoke(main, ["build", str(kit), "--quiet", "--today", TODAY,
                                           "--out", str(out)])
        assert result.exit_code == 0, result.output
        assert (out / "index.html").is_file()
    assert (tmp_path / "clone" / "CNAME").read_bytes() == b"kit.example\n"
