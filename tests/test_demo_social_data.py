"""The demo creator's Instagram and YouTube exports: reproducible, untouched by hand, in each
platform's own byte format, and telling the same story as her TikTok (a July viral song)."""

from __future__ import annotations

import csv
import importlib.util
import io
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from mediakit.build import Project, analyze_project, read_exports
from mediakit.project.profile import load_profile
from mediakit.sources import load_platform

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "make_demo_social.py"
DATA = ROOT / "content" / "data"
INSTAGRAM, YOUTUBE = DATA / "instagram", DATA / "youtube"
NEW_POSTS = "Aug-18-2026_Nov-16-2026_1783524897764272.csv"
OLD_POSTS = "May-21-2026_Aug-29-2026_1783524897764272.csv"
DAILY_TITLES = {"Views.csv": "Views", "Reach.csv": "Reach", "Follows.csv": "Instagram follows",
                "Interactions.csv": "Content interactions",
                "Visits.csv": "Instagram profile visits"}

_spec = importlib.util.spec_from_file_location("make_demo_social", SCRIPT)
make_demo_social = importlib.util.module_from_spec(_spec)
sys.modules["make_demo_social"] = make_demo_social  # dataclasses look their module up by name
_spec.loader.exec_module(make_demo_social)


def relative_files(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def committed() -> dict[str, bytes]:
    files = {f"instagram/{k}": v for k, v in relative_files(INSTAGRAM).items()}
    files.update({f"youtube/{k}": v for k, v in relative_files(YOUTUBE).items()})
    return files


def meta_rows(name: str) -> list[list[str]]:
    """A Business Suite daily CSV read as formats.md says: UTF-16, skip `sep=,` and the title."""
    text = (INSTAGRAM / name).read_bytes().decode("utf-16")
    return list(csv.reader(io.StringIO(text)))[3:]


def posts(name: str) -> list[dict[str, str]]:
    text = (INSTAGRAM / name).read_bytes().decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def studio(name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO((YOUTUBE / name).read_text("utf-8"), newline="")))


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    out = tmp_path_factory.mktemp("social")
    make_demo_social.generate(out)
    return relative_files(out)


def test_generating_twice_gives_byte_identical_files(generated, tmp_path):
    make_demo_social.generate(tmp_path)
    assert relative_files(tmp_path) == generated


def test_committed_demo_data_is_exactly_what_the_script_generates(generated):
    files = committed()
    assert sorted(files) == sorted(generated)
    changed = [name for name in generated if files[name] != generated[name]]
    assert changed == [], "regenerate with: python scripts/make_demo_social.py"


def test_command_line_writes_both_platforms_into_out(tmp_path):
    result = subprocess.run([sys.executable, str(SCRIPT), "--out", str(tmp_path), "--days",
                             "150", "--seed", "7"], capture_output=True, text=True, check=True)
    assert "Views.csv" in result.stdout and "Table data.csv" in result.stdout
    totals = (tmp_path / "youtube" / "Totals.csv").read_text("utf-8").splitlines()
    assert len(totals) == 1 + 150


def test_instagram_post_exports_use_meta_bytes_and_names():
    for name in (NEW_POSTS, OLD_POSTS):
        raw = (INSTAGRAM / name).read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf" + make_demo_social.IG_HEADER.encode() + b"\n")
        assert b"\r" not in raw
        rows = posts(name)
        assert {row["Date"] for row in rows} == {"Lifetime"}
        assert {row["Post type"] for row in rows} == {"IG reel", "IG carousel", "IG image"}
        assert any("\n" in row["Description"] for row in rows)  # captions over several lines
        published = [row["Publish time"] for row in rows]
        assert published != sorted(published, key=lambda t: (t[6:10], t[:5], t[11:]))


def test_the_overlapping_post_exports_share_posts_whose_totals_grew():
    old = {row["Post ID"]: int(row["Views"]) for row in posts(OLD_POSTS)}
    new = {row["Post ID"]: int(row["Views"]) for row in posts(NEW_POSTS)}
    shared = old.keys() & new.keys()
    assert shared  # posted Aug 18-23, before the August break
    assert all(new[post] >= old[post] for post in shared)


def test_instagram_daily_files_are_utf16_with_sep_and_title_lines():
    for name, title in DAILY_TITLES.items():
        raw = (INSTAGRAM / name).read_bytes()
        assert raw.startswith(b"\xff\xfe")
        lines = raw.decode("utf-16").split("\n")
        assert lines[:3] == ["sep=,", f'"{title}"', '"Date","Primary"']
        assert lines[3] == '"2025-11-17T00:00:00",' + lines[3].split(",")[1]
    assert len(meta_rows("Views.csv")) == 365
    follows = meta_rows("Follows.csv")
    assert 0 < 365 - len(follows) < 30  # days with no new follow are left out, as Meta does
    assert all(int(value) > 0 for _, value in follows)


def test_audience_csv_has_four_sections_and_about_eighteen_thousand_followers():
    text = (INSTAGRAM / "Audience.csv").read_bytes().decode("utf-16")
    sections = text.strip("\n").split("\n\n")
    assert [section.split("\n")[0 if i else 1] for i, section in enumerate(sections)] == [
        '"Instagram followers"', '"Instagram followers by gender and age"',
        '"Instagram followers by top cities"', '"Instagram followers by top countries"']
    followers = int(sections[0].split("\n")[3].strip('"'))
    assert 17_500 <= followers <= 19_000
    women = sum(women for _, women, _ in make_demo_social.AGE_SPLIT)
    men = sum(men for _, _, men in make_demo_social.AGE_SPLIT)
    assert round(women + men, 1) == 100.0


def test_youtube_table_data_has_studio_quirks():
    raw = (YOUTUBE / "Table data.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf") and b"\r" not in raw
    rows = studio("Table data.csv")
    total, videos = rows[0], rows[1:]
    assert total["Content"] == "Total" and total["Video title"] == ""
    assert int(total["Views"]) == sum(int(row["Views"]) for row in videos)
    assert any(row["Content"].startswith(" -") for row in videos)  # leading space before "-"
    assert [row["Video title"] for row in videos if row["Video publish time"] == ""] == [
        "Tour vlog, week 1 (private)"]
    assert any(int(row["Subscribers"]) < 0 for row in videos)
    assert all(row["Average view duration"].count(":") == 2 for row in rows)  # 0:04:23
    views = [int(row["Views"]) for row in videos]
    assert views == sorted(views, reverse=True)  # Studio sorts by views


def test_youtube_totals_and_chart_add_up_to_the_table():
    table = {row["Content"]: int(row["Views"]) for row in studio("Table data.csv")[1:]}
    totals = studio("Totals.csv")
    assert len(totals) == 365 and totals[-1]["Date"] == "2026-11-16"
    assert sum(int(row["Views"]) for row in totals) == sum(table.values())
    chart = studio("Chart data.csv")
    top_five = sorted(table, key=lambda video: -table[video])[:5]
    assert sorted({row["Content"] for row in chart}) == sorted(top_five)
    for video in top_five:
        assert sum(int(row["Views"]) for row in chart if row["Content"] == video) == table[video]


def test_subscribers_grow_by_a_few_thousand_toward_nine_thousand():
    total = int(studio("Table data.csv")[0]["Subscribers"])
    assert 2_000 <= total <= 3_500  # net gain over the year; the channel ends near 9K


def test_readers_see_the_story_without_warnings():
    instagram = load_platform("instagram", INSTAGRAM, content_dir=ROOT / "content")
    youtube = load_platform("youtube", YOUTUBE, content_dir=ROOT / "content")
    assert instagram.warnings == [] and youtube.warnings == []
    followers = instagram.daily.dropna(subset=["followers"])
    assert followers["date"].tolist() == [pd.Timestamp("2026-11-16")]
    kinds = instagram.posts["kind"].value_counts()
    assert kinds["reel"] > kinds["carousel"] > kinds["image"] > 0
    viral = instagram.posts.sort_values("views").iloc[-1]
    assert viral["title"].startswith("Night Bus Home") and viral["views"] > 300_000
    assert viral["posted_at"].month == 7
    assert set(youtube.posts["kind"]) == {"video", "short"}
    assert youtube.daily["views"].notna().sum() == 365
    assert youtube.daily["followers"].isna().all()  # Studio gives no subscriber count


def test_the_profile_lists_all_three_platforms_and_the_demo_analyses(tmp_path):
    profile = load_profile(ROOT / "content" / "profile.yaml")
    assert list(profile.platforms) == ["tiktok", "instagram", "youtube"]
    assert profile.platforms["youtube"].handle == "@MaraQuinnMusic"
    assert profile.platform_data_dir("instagram") == "data/instagram"
    account = read_exports(Project(ROOT), profile)
    assert account.platforms() == ["instagram", "tiktok", "youtube"]
    shutil.copytree(ROOT / "content", tmp_path / "content",
                    ignore=shutil.ignore_patterns("history"))
    report = analyze_project(tmp_path, today=date(2026, 11, 17)).report
    assert report.as_of == date(2026, 11, 16)
    assert report.platforms["instagram"].followers == int(
        (INSTAGRAM / "Audience.csv").read_bytes().decode("utf-16").split("\n")[3].strip('"'))
    assert report.platforms["youtube"].median_views is not None
