"""End to end: the demo project builds, the numbers match its exports, errors are one line."""

from __future__ import annotations

import csv
import json
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from mediakit.build import build
from mediakit.commands.main import main

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture()
def demo(tmp_path: Path) -> Path:
    """A private copy of the demo project (a build writes content/data/history/)."""
    shutil.copytree(REPO / "content", tmp_path / "content",
                    ignore=shutil.ignore_patterns("history"))
    return tmp_path


def _tiktok_csv(demo: Path, name: str) -> list[dict[str, str]]:
    with open(demo / "content/data/tiktok" / name, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_demo_numbers_match_the_export_files(demo: Path):
    result = build(demo, today=date(2026, 11, 20))
    stats = json.loads((demo / "site/stats.json").read_text())
    tiktok = stats["platforms"]["tiktok"]
    history = _tiktok_csv(demo, "FollowerHistory.csv")
    overview = _tiktok_csv(demo, "Overview.csv")
    assert stats["as_of"] == "2026-11-16"
    assert history[-1]["Date"] == "November 16"
    assert tiktok["followers"] == int(history[-1]["Followers"])
    # 30 days before Nov 16 is Oct 17, 31 rows back in a daily file
    assert history[-31]["Date"] == "October 17"
    assert tiktok["followers_change_30d"] == int(history[-1]["Followers"]) - int(
        history[-31]["Followers"])
    # the 30 days ending Nov 16 inclusive are the last 30 rows (Oct 18 .. Nov 16)
    assert overview[-30]["Date"] == "October 18"
    assert tiktok["views_30d"] == sum(int(row["Video Views"]) for row in overview[-30:])
    assert tiktok["profile_views_30d"] == sum(int(row["Profile Views"]) for row in overview[-30:])
    gender = {row["Gender"].lower(): float(row["Distribution"])
              for row in _tiktok_csv(demo, "FollowerGender.csv")}
    assert tiktok["audience"]["gender"] == gender
    views = [post["views"] for post in tiktok["top_posts"]]
    assert views == sorted(views, reverse=True) and len(views) > 0
    assert all(0 <= hour <= 23 for hour in tiktok["best_posting_hours"])
    assert result.files >= 8 and not result.warnings


def test_the_site_has_the_kit_pages_and_makes_no_outside_request(demo: Path):
    build(demo, today=date(2026, 11, 20))
    site = demo / "site"
    for name in ("index.html", "about.html", "press.html", "404.html", "stats.json",
                 ".nojekyll", "robots.txt", "assets/site.css", "assets/avatar.svg"):
        assert (site / name).is_file(), name
    index = (site / "index.html").read_text()
    assert index.count("<svg") >= 2  # follower growth and daily views, inline
    assert "Mara Quinn" in index and "Data as of" in index
    for page in site.glob("*.html"):
        text = page.read_text()
        # no stylesheet, script, image or font from another host
        assert "<script" not in text
        for attribute in ("src=\"http", "href=\"//", "src=\"//", "@import", "url(http"):
            assert attribute not in text, (page.name, attribute)
        # the stylesheet is the site's own (404.html may link it from the base URL's path)
        assert re.search(r'<link rel="stylesheet" href="/?(\.\./)*assets/site\.css">', text)


def test_two_builds_are_byte_identical(demo: Path, tmp_path: Path):
    build(demo, out_dir=tmp_path / "one", today=date(2026, 11, 20))
    build(demo, out_dir=tmp_path / "two", today=date(2026, 11, 20))

    def tree(root: Path) -> dict[str, bytes]:
        return {p.relative_to(root).as_posix(): p.read_bytes()
                for p in root.rglob("*") if p.is_file()}

    assert tree(tmp_path / "one") == tree(tmp_path / "two")


def test_history_keeps_data_after_the_exports_are_gone(demo: Path):
    build(demo, today=date(2026, 11, 20))
    first = json.loads((demo / "site/stats.json").read_text())
    # The creator deletes old exports; history still knows the numbers.
    for name in ("Overview.csv", "FollowerHistory.csv"):
        (demo / "content/data/tiktok" / name).unlink()
    build(demo, today=date(2026, 11, 20))
    again = json.loads((demo / "site/stats.json").read_text())
    assert again == first


def _not_demo(project: Path) -> Path:
    """The demo's exports as a real creator's project: the profile without ``demo: true``."""
    profile = project / "content/profile.yaml"
    text = profile.read_text("utf-8")
    assert "\ndemo: true " in text
    profile.write_text(text.replace("\ndemo: true ", "\n# ", 1), "utf-8")
    return project


def test_stale_data_is_warned_about(demo: Path):
    result = build(_not_demo(demo), today=date(2026, 12, 31))
    # 16 November to 31 December: 14 + 31 = 45 days
    assert any("2026-11-16, 45 days ago" in warning for warning in result.warnings)
    assert result.notes == []


def test_demo_data_gets_a_friendly_note_instead_of_the_stale_warning(demo: Path):
    result = build(demo, today=date(2026, 12, 31))
    assert result.warnings == []
    assert result.notes == [
        "this is demo data (demo: true in content/profile.yaml): a sample creator, numbers up "
        "to 2026-11-16. Your own kit: mediakit init my-kit"
    ]


def test_a_bad_profile_is_one_line_and_exit_2(demo: Path):
    profile = demo / "content/profile.yaml"
    profile.write_text(profile.read_text().replace("name:", "nme:", 1))
    outcome = CliRunner().invoke(main, ["build", str(demo)])
    assert outcome.exit_code == 2
    message = outcome.output.strip()
    assert "\n" not in message and "profile.yaml" in message and "nme" in message
    assert not (demo / "site").exists()


def test_missing_data_folder_is_a_clear_error(demo: Path):
    shutil.rmtree(demo / "content/data/tiktok")
    outcome = CliRunner().invoke(main, ["build", str(demo)])
    assert outcome.exit_code == 2
    assert "data/tiktok" in outcome.output and "Traceback" not in outcome.output


def test_an_unreadable_export_is_a_clear_error_and_the_old_site_survives(demo: Path):
    build(demo, today=date(2026, 11, 20))
    before = (demo / "site/index.html").read_bytes()
    (demo / "content/data/tiktok/Overview.csv").write_bytes(b"\x00\x01garbage\xff")
    done = subprocess.run([sys.executable, "-m", "mediakit", "build", str(demo)],
                          capture_output=True, text=True)
    assert done.returncode == 2
    assert "Overview.csv" in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert (demo / "site/index.html").read_bytes() == before


def test_posts_extra_csv_fills_watch_time_and_is_not_mistaken_for_an_export(demo: Path):
    """A creator types TikTok's on-screen watch time per post; the build uses it, labelled."""
    top = _tiktok_csv(demo, "Content.csv")[0]
    (demo / "content/data/tiktok/posts-extra.csv").write_text(
        f"url,avg_watch_s,completion_rate\n{top['Video link']},21.5,0.42\n", encoding="utf-8")
    result = build(demo, today=date(2026, 11, 20))
    history = (demo / "content/data/history/posts.csv").read_text()
    post_id = top["Video link"].rstrip("/").rsplit("/", 1)[-1]
    row = next(line for line in history.splitlines() if f",{post_id}," in line)
    assert ",21.5," in row and ",0.42," in row
    # the typed figures are labelled self-reported, naming the file
    assert any("posts-extra.csv" in str(item)
               for item in result.report.platforms["tiktok"].self_reported_files)
