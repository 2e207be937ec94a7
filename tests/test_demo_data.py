"""The demo creator's TikTok exports: reproducible, untouched by hand, byte-faithful, and telling
the story the media kit is meant to show (a heavy-tailed catalogue, a growing audience)."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import statistics
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "make_demo.py"
COMMITTED = ROOT / "content" / "data" / "tiktok"

_spec = importlib.util.spec_from_file_location("make_demo", SCRIPT)
make_demo = importlib.util.module_from_spec(_spec)
sys.modules["make_demo"] = make_demo  # dataclasses look their module up by name
_spec.loader.exec_module(make_demo)

# Header lines exactly as TikTok Studio writes them (shared/formats.md, section 1.1).
EXPECTED_HEADERS = {
    "Overview.csv": '"Date","Video Views","Profile Views","Likes","Comments","Shares"',
    "Content.csv": '"Time","Video title","Video link","Post time","Total likes",'
                   '"Total comments","Total shares","Total views"',
    "Viewers.csv": '"Date","Total Viewers","New Viewers","Returning Viewers"',
    "FollowerHistory.csv": '"Date","Followers","Difference in followers from previous day"',
    "FollowerActivity.csv": '"Date","Hour","Active followers"',
    "FollowerGender.csv": '"Gender","Distribution"',
    "FollowerTopTerritories.csv": '"Top territories","Distribution"',
}
# The two older monthly Content downloads, unzipped into folders named like their zips.
SEPTEMBER = "Content_2026-09-17_1789652080_maraquinnmusic/Content.csv"
OCTOBER = "Content_2026-10-17_1792248947_maraquinnmusic/Content.csv"
CSV_FILES = [*EXPECTED_HEADERS, SEPTEMBER, OCTOBER]


def relative_files(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def rows(name: str) -> list[list[str]]:
    """Data rows of a committed CSV, read the way the checklist in formats.md says."""
    text = (COMMITTED / name).read_bytes().decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))[1:]


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    out = tmp_path_factory.mktemp("demo")
    make_demo.generate(out)
    return relative_files(out)


def test_generating_twice_gives_byte_identical_files(generated, tmp_path):
    make_demo.generate(tmp_path)
    assert relative_files(tmp_path) == generated


def test_committed_demo_data_is_exactly_what_the_script_generates(generated):
    committed = relative_files(COMMITTED)
    assert sorted(committed) == sorted(generated)
    changed = [name for name in generated if committed[name] != generated[name]]
    assert changed == [], "regenerate with: python scripts/make_demo.py"


def test_command_line_writes_a_custom_sized_account_into_out(tmp_path):
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--out", str(tmp_path), "--days", "90", "--posts", "40",
         "--seed", "7", "--handle", "@smalldemo"],
        capture_output=True, text=True, check=True)
    assert "Overview.csv" in result.stdout
    overview = (tmp_path / "Overview.csv").read_bytes().decode("utf-8-sig").split("\n")
    assert len(overview) == 1 + 90  # header + one row per day
    posts = json.loads((tmp_path / "user_data_tiktok.json").read_text("utf-8"))
    assert len(posts["Post"]["Posts"]["VideoList"]) == 40
    content = (tmp_path / "Content.csv").read_text("utf-8-sig")
    assert "https://www.tiktok.com/@smalldemo/video/" in content  # the "@" is not doubled


@pytest.mark.parametrize("name", CSV_FILES)
def test_csv_files_use_tiktok_studio_byte_format(name):
    raw = (COMMITTED / name).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert b"\r" not in raw
    assert not raw.endswith(b"\n")
    header = EXPECTED_HEADERS[name.rsplit("/", 1)[-1]]
    assert raw[3:].decode("utf-8").split("\n")[0] == header
    for fields in rows(name):  # every field quoted: the raw line is '"' + '","'.join(...) + '"'
        line = ",".join('"' + field.replace('"', '""') + '"' for field in fields)
        assert line.encode("utf-8") in raw


def test_dates_are_english_month_and_day_without_a_year():
    dates = [row[0] for row in rows("Overview.csv")]
    assert len(dates) == 365
    assert dates[0] == "November 17"  # 2025-11-17 ... 2026-11-16
    assert dates[-1] == "November 16"
    assert "February 29" not in dates  # 2026 is not a leap year


def test_first_twenty_days_of_viewers_and_followers_are_undefined():
    viewers, history = rows("Viewers.csv"), rows("FollowerHistory.csv")
    assert [row[1:] for row in viewers[:20]] == [["undefined", "0", "0"]] * 20
    assert [row[1:] for row in history[:20]] == [["undefined", "0"]] * 20
    assert viewers[20][1] != "undefined" and history[20][1] != "undefined"


def test_difference_column_is_today_minus_yesterday():
    history = rows("FollowerHistory.csv")
    assert history[20][2] == "0"  # yesterday was undefined
    for yesterday, today in zip(history[20:], history[21:], strict=False):
        assert int(today[2]) == int(today[1]) - int(yesterday[1])


def test_new_and_returning_viewers_add_up_to_total():
    for _, total, new, returning in rows("Viewers.csv")[20:]:
        assert int(new) + int(returning) == int(total)


def test_some_days_have_negative_comments():
    negative = [row for row in rows("Overview.csv") if int(row[4]) < 0]
    assert 3 <= len(negative) <= 15


def test_follower_activity_is_a_week_of_hours_with_the_export_day_cut_off():
    activity = rows("FollowerActivity.csv")
    assert len(activity) == 7 * 24
    last_day = [row for row in activity if row[0] == "November 16"]
    assert [row[1] for row in last_day] == [str(hour) for hour in range(24)]
    assert all(row[2] != "0" for row in last_day[:19])  # data up to the export hour, 18:00
    assert [row[2] for row in last_day[19:]] == ["0"] * 5


def test_audience_files_hold_gender_and_ten_territories_plus_others():
    assert rows("FollowerGender.csv") == [["Female", "0.62"], ["Male", "0.36"], ["Other", "0.02"]]
    territories = rows("FollowerTopTerritories.csv")
    assert [code for code, _ in territories] == [
        "IE", "GB", "US", "CA", "AU", "DE", "FR", "NL", "NZ", "ES", "Others"]
    # 0.312 + 0.187 + 0.142 + 0.041 + 0.036 + 0.029 + 0.021 + 0.018 + 0.012 + 0.011 = 0.809
    assert territories[-1] == ["Others", "0.191"]


def test_content_exports_hold_at_most_fifteen_lifetime_totals_dated_at_download():
    for name, time in [("Content.csv", "November 17"), (SEPTEMBER, "September 17"),
                       (OCTOBER, "October 17")]:
        content = rows(name)
        assert 1 <= len(content) <= 15
        assert {row[0] for row in content} == {time}


def test_older_snapshots_add_posts_the_latest_top_fifteen_misses():
    links = [{row[2] for row in rows(name)} for name in ("Content.csv", SEPTEMBER, OCTOBER)]
    assert len(set.union(*links)) > 25


def test_snapshot_folders_carry_the_download_time_in_unix_seconds():
    # 2026-09-17 is day 20,713 since 1970-01-01: 20,713 x 86,400 = 1,789,603,200 (midnight UTC),
    # and 1,789,652,080 - 1,789,603,200 = 48,880 s = 13:34:40 UTC that afternoon.
    seconds = int(SEPTEMBER.split("_")[2])
    assert datetime.fromtimestamp(seconds, UTC) == datetime(2026, 9, 17, 13, 34, 40, tzinfo=UTC)


def test_lifetime_totals_only_grow_between_snapshots():
    september = {row[2]: int(row[7]) for row in rows(SEPTEMBER)}
    november = {row[2]: int(row[7]) for row in rows("Content.csv")}
    shared = september.keys() & november.keys()
    assert shared
    assert all(november[link] >= september[link] for link in shared)


def test_video_ids_encode_the_posting_time_like_real_tiktok_ids():
    posts = json.loads((COMMITTED / "user_data_tiktok.json").read_text("utf-8"))
    dates = {video["Date"][:10] for video in posts["Post"]["Posts"]["VideoList"]}
    for row in rows("Content.csv"):
        seconds = int(row[2].rsplit("/", 1)[-1]) >> 32
        assert datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%d") in dates


def test_download_your_data_json_lists_every_post_and_a_minimal_profile():
    data = json.loads((COMMITTED / "user_data_tiktok.json").read_text("utf-8"))
    assert sorted(data) == ["Post", "Profile And Settings"]  # no other personal data
    videos = data["Post"]["Posts"]["VideoList"]
    assert len(videos) == 150
    assert all(isinstance(video["Likes"], str) and video["Likes"].isdigit() for video in videos)
    sponsored = [video for video in videos if video["ContentDisclosure"] == "Branded Content"]
    assert len(sponsored) == 5 and all(video["Title"].startswith("#ad ") for video in sponsored)
    profile = data["Profile And Settings"]["Profile Info"]["ProfileMap"]
    last_followers = int(rows("FollowerHistory.csv")[-1][1])
    assert profile["followerCount"] == last_followers
    assert isinstance(profile["likesReceived"], str)


def test_views_per_post_are_heavy_tailed_around_a_typical_thirty_thousand():
    demo = make_demo.simulate(make_demo.Settings())
    last_day = demo.settings.days - 1
    views = [demo.lifetime(post, last_day)[0] for post in demo.posts]
    median = statistics.median(views)
    assert 25_000 <= median <= 35_000
    assert max(views) > 20 * median
    assert max(int(row[7]) for row in rows("Content.csv")) >= 2_000_000  # the viral hit


def test_overview_views_roughly_equal_the_posts_views():
    demo = make_demo.simulate(make_demo.Settings())
    post_views = sum(demo.lifetime(post, demo.settings.days - 1)[0] for post in demo.posts)
    daily_views = sum(int(row[1]) for row in rows("Overview.csv"))
    assert 0.9 <= daily_views / post_views <= 1.3  # TikTok also counts older videos' views


def test_followers_grow_from_about_31k_to_about_48k_with_a_viral_jump():
    followers = [int(row[1]) for row in rows("FollowerHistory.csv")[20:]]
    assert followers[-1] > followers[0]
    assert 30_000 <= followers[0] <= 33_000 and 46_000 <= followers[-1] <= 50_000
    weekly = [followers[i + 7] - followers[i] for i in range(len(followers) - 7)]
    assert max(weekly) > 5 * statistics.median(weekly)
