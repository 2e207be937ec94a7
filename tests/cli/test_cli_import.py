"""`mediakit import`: exports land in the right folder, nothing is overwritten, news are told.

The hand-made creator (conftest.small) already has Overview and FollowerHistory for March 1-3
and 7-10, 2026. Downloads here are written by the tests, with numbers easy to follow.
"""

from __future__ import annotations

import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from mediakit.commands.import_exports import Detected, detect, import_exports
from mediakit.errors import MediakitError
from tests.cli.conftest import OVERVIEW_HEADER

# TikTok names its zips Overview_<date>_<unix seconds of the download>_<handle>.zip
STAMP = int(datetime(2026, 3, 19, 12, 0, tzinfo=UTC).timestamp())
ZIP_NAME = f"Overview_2026-03-19_{STAMP}_testcreator.zip"
YOUTUBE_TABLE = (
    "Content,Video title,Video publish time,Duration,Views,Watch time (hours),Subscribers,"
    "Impressions,Impressions click-through rate (%)\n"
    "Total,,,,61685,1384.3735,281,843001,6.31\n"
    'oEDe6JMwL7Q,Study room make over,"Apr 29, 2020",292,58005,1321.6783,269,797168,6.32\n'
)


def overview(days: range | list[int]) -> bytes:
    rows = [f'"March {d}","{100 * d}","{d}","{10 * d}","1","0"\n' for d in days]
    return (OVERVIEW_HEADER + "".join(rows)).encode("utf-8")


@pytest.fixture()
def downloads(tmp_path: Path) -> Path:
    folder = tmp_path / "Downloads"
    folder.mkdir()
    with zipfile.ZipFile(folder / ZIP_NAME, "w") as archive:
        archive.writestr("Overview.csv", overview(range(8, 18)))  # March 8-17
    return folder


def test_a_zip_is_recognised_copied_and_its_new_days_reported(invoke, small, downloads):
    outcome = invoke("import", downloads / ZIP_NAME, "--project", small)
    assert outcome.exit_code == 0, outcome.output
    copied = small / "content/data/tiktok" / ZIP_NAME
    assert copied.read_bytes() == (downloads / ZIP_NAME).read_bytes()
    assert (f"  {downloads / ZIP_NAME} -> content/data/tiktok/{ZIP_NAME} (TikTok: overview)"
            in outcome.stdout)
    # March 8-10 were known already; 11 to 17 are the 7 new days
    assert ("  TikTok: 7 new days of daily numbers (2026-03-11 to 2026-03-17)"
            in outcome.stdout.splitlines())
    daily = (small / "content/data/history/daily.csv").read_text().splitlines()
    assert daily[-1].startswith("tiktok,2026-03-17,")
    assert len(daily) == 1 + 4 + 10  # header, March 1-3 and 7 (known before), March 8-17
    assert [line.split(",")[1] for line in daily[1:]][:4] == [
        "2026-03-01", "2026-03-02", "2026-03-03", "2026-03-07"]


def test_the_same_file_again_is_not_copied_twice(invoke, small, downloads):
    invoke("import", downloads / ZIP_NAME, "--project", small)
    again = invoke("import", downloads, "--project", small)  # the folder holding the same zip
    assert again.exit_code == 0
    assert f"(same as content/data/tiktok/{ZIP_NAME})" in again.stdout
    assert "Nothing new was imported." in again.stdout
    assert not (small / "content/data/tiktok/Downloads").exists()


def test_a_different_file_with_the_same_name_is_kept_beside_it(invoke, small, tmp_path):
    original = (small / "content/data/tiktok/Overview.csv").read_bytes()
    newer = tmp_path / "Overview.csv"
    newer.write_bytes(overview([10, 11, 12]))
    outcome = invoke("import", newer, "--project", small)
    assert outcome.exit_code == 0
    assert (small / "content/data/tiktok/Overview.csv").read_bytes() == original
    assert (small / "content/data/tiktok/Overview-2.csv").read_bytes() == newer.read_bytes()
    assert "Overview-2.csv (TikTok: overview) (a different file had that name: kept both)" in (
        outcome.stdout)
    assert "TikTok: 2 new days of daily numbers (2026-03-11 to 2026-03-12)" in outcome.stdout


def test_a_folder_is_copied_as_a_folder(invoke, small, tmp_path):
    folder = tmp_path / "tiktok-march"
    folder.mkdir()
    (folder / "FollowerGender.csv").write_text(
        '"Gender","Distribution"\n"Female","0.6"\n"Male","0.4"\n', encoding="utf-8")
    (folder / "notes.txt").write_text("my own notes")  # not data: silently left alone
    outcome = invoke("import", folder, "--project", small)
    assert outcome.exit_code == 0, outcome.output
    target = small / "content/data/tiktok/tiktok-march"
    assert sorted(p.name for p in target.iterdir()) == ["FollowerGender.csv"]
    # the profile says the exports were downloaded on 2026-03-12: the snapshot's date
    assert "TikTok: 1 new audience snapshot (2026-03-12)" in outcome.stdout


def test_a_zip_of_mixed_files_gives_up_only_its_exports(invoke, small, tmp_path):
    mixed = tmp_path / "mixed.zip"
    with zipfile.ZipFile(mixed, "w") as archive:
        archive.writestr("stuff/Overview.csv", overview([11]))
        archive.writestr("stuff/budget.csv", "item,cost\nguitar,40\n")
        archive.writestr("../escape.csv", overview([12]))
    outcome = invoke("import", mixed, "--project", small)
    assert outcome.exit_code == 1  # something was not recognised
    assert (small / "content/data/tiktok/mixed/stuff/Overview.csv").read_bytes() == overview([11])
    assert not (small / "content/data/tiktok/mixed/stuff/budget.csv").exists()
    assert not (small / "content/data/escape.csv").exists()
    assert not (tmp_path / "escape.csv").exists()
    assert f"  {mixed}/stuff/budget.csv: not recognised as an export" in outcome.stderr
    assert f"  {mixed}/../escape.csv: unsafe or too large to extract" in outcome.stderr
    assert "TikTok: 1 new day of daily numbers (2026-03-11)" in outcome.stdout


def test_another_platform_goes_to_its_folder_and_the_profile_is_named(invoke, small, tmp_path):
    table = tmp_path / "Table data.csv"
    table.write_text(YOUTUBE_TABLE, encoding="utf-8")
    outcome = invoke("import", table, "--project", small)
    assert outcome.exit_code == 0, outcome.output
    assert (small / "content/data/youtube/Table data.csv").read_text("utf-8") == YOUTUBE_TABLE
    assert ("Warning: YouTube exports were copied, but profile.yaml has no platforms.youtube: "
            "add it so the kit uses them") in outcome.stderr


def test_what_is_not_an_export_is_reported_exit_1(invoke, small, tmp_path):
    photo = tmp_path / "me.jpg"
    photo.write_bytes(b"\xff\xd8\xff")
    sheet = tmp_path / "old.xls"
    sheet.write_bytes(b"\xd0\xcf")
    outcome = invoke("import", photo, sheet, "--project", small)
    assert outcome.exit_code == 1
    assert f"  {photo}: not an export file (.csv, .xlsx, .json or .zip)" in outcome.stderr
    assert f"  {sheet}: mediakit cannot read .xls files" in outcome.stderr
    inside = invoke("import", small / "content/data/tiktok/Overview.csv", "--project", small)
    assert "already inside the project's content/ folder" in inside.stderr


def test_a_missing_path_is_a_one_line_error(invoke, small, tmp_path):
    outcome = invoke("import", tmp_path / "nope.zip", "--project", small)
    assert outcome.exit_code == 2
    assert outcome.stderr.strip() == (f"Error: {tmp_path / 'nope.zip'}: not found "
                                      "(check the path of the download)")


def test_the_copies_are_removed_when_the_history_cannot_be_written(small, downloads,
                                                                   monkeypatch):
    def refuse(*_args, **_kwargs):
        raise MediakitError("disk full", file="content/data/history/daily.csv")

    monkeypatch.setattr("mediakit.commands.import_exports.history.write", refuse)
    with pytest.raises(MediakitError, match="nothing was imported"):
        import_exports(small, [downloads / ZIP_NAME])
    assert not (small / "content/data/tiktok" / ZIP_NAME).exists()


def test_detect_names_the_platform_and_kind_by_content(small, tmp_path):
    renamed = tmp_path / "whatever.csv"
    renamed.write_bytes((small / "content/data/tiktok/FollowerHistory.csv").read_bytes())
    assert detect(renamed) == Detected("tiktok", ("tiktok.follower_history",), 7)
    other = tmp_path / "other.csv"
    other.write_text("a,b\n1,2\n")
    assert detect(other) is None


def test_import_in_a_real_process(run, small, downloads):
    done = run("import", downloads / ZIP_NAME, "--project", small)
    assert done.returncode == 0, done.stderr
    assert "7 new days of daily numbers" in done.stdout
    built = run("build", small, "--today", "2026-03-20")
    assert built.returncode == 0, built.stderr
    assert "data as of: 2026-03-17" in built.stdout


def test_a_history_linked_in_from_outside_is_refused(invoke, small, downloads, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (small / "content/data/history").symlink_to(elsewhere, target_is_directory=True)
    outcome = invoke("import", downloads / ZIP_NAME, "--project", small)
    assert outcome.exit_code == 2
    assert "outside the project" in outcome.stderr
    assert list(elsewhere.iterdir()) == []  # nothing written through the link
    assert not (small / "content/data/tiktok" / ZIP_NAME).exists()
    checked = invoke("check", small, "--today", "2026-03-12")
    assert checked.exit_code == 2 and "outside the project" in checked.stdout
