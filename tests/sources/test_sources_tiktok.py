"""TikTok Studio exports read into the canonical tables, quirk by quirk.

The fixture tests/fixtures/tiktok/yearend/ is a hand-made export downloaded on 2026-01-03 that
covers 2025-12-28 .. 2026-01-02, so every date crosses a year boundary.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pandas as pd
import pytest
from export_bytes import FIXTURES, OVERVIEW_HEADER, csv_bytes, overview, sheetjs_xlsx, zip_bytes

from mediakit.errors import SourceError
from mediakit.sources import PLATFORMS, load_platform
from mediakit.tables import SCHEMAS, Account, SourceFile

Write = Callable[[str, bytes], Path]
EXPORTED = date(2026, 1, 3)


def _load(content: Path, exported_on: date | None = EXPORTED) -> Account:
    return load_platform(
        "tiktok", content / "data" / "tiktok", content_dir=content, exported_on=exported_on
    )


def _copy_fixture(name: str, content: Path) -> None:
    for path in (FIXTURES / name).iterdir():
        shutil.copy(path, content / "data" / "tiktok" / path.name)


@pytest.fixture
def yearend(content: Path) -> Account:
    _copy_fixture("yearend", content)
    return _load(content)


def _by_date(frame: pd.DataFrame, column: str) -> dict[str, object]:
    return {
        day.date().isoformat(): (None if pd.isna(value) else value)
        for day, value in zip(frame["date"], frame[column], strict=True)
    }


def test_platform_registry_lists_tiktok_first() -> None:
    assert PLATFORMS == ("tiktok", "instagram", "youtube")


def test_unknown_platform_is_a_source_error(content: Path) -> None:
    with pytest.raises(SourceError, match="platform 'myspace'"):
        load_platform("myspace", content, content_dir=content)


def test_tables_have_the_canonical_schema(yearend: Account) -> None:
    for table, schema in SCHEMAS.items():
        frame = getattr(yearend, table)
        assert {name: str(dtype) for name, dtype in frame.dtypes.items()} == schema
        assert frame["platform"].eq("tiktok").all()


def test_daily_merges_overview_viewers_and_followers_across_the_new_year(yearend: Account) -> None:
    daily = yearend.daily
    assert daily["date"].dt.date.tolist() == [
        date(2025, 12, 28),
        date(2025, 12, 29),
        date(2025, 12, 30),
        date(2025, 12, 31),
        date(2026, 1, 1),
        date(2026, 1, 2),
    ]
    assert _by_date(daily, "views") == {
        "2025-12-28": 1200,
        "2025-12-29": 1500,
        "2025-12-30": 900,
        "2025-12-31": 2100,
        "2026-01-01": 3000,
        "2026-01-02": 2500,
    }
    # Negative daily comments (deleted comments) are kept as they are.
    assert daily["comments"].tolist() == [5, -1, 4, 9, 12, -2]
    assert daily["profile_views"].sum() == 10 + 12 + 8 + 20 + 25 + 18
    # Viewers.csv (no BOM): "undefined" on the first day is missing, not 0; New/Returning are 0.
    assert daily["reached"].isna().tolist() == [True, False, False, False, False, False]
    assert daily["reached"].iloc[1:].tolist() == [1100, 650, 1600, 2300, 1900]
    assert daily["new_viewers"].tolist() == [0, 700, 400, 1000, 1500, 1200]
    assert daily["returning_viewers"].tolist() == [0, 400, 250, 600, 800, 700]


def test_followers_come_from_the_count_and_ignore_the_difference_column(yearend: Account) -> None:
    # The fixture's difference column says 999 every day; only "Followers" is used.
    followers = _by_date(yearend.daily, "followers")
    assert followers == {
        "2025-12-28": None,  # "undefined"
        "2025-12-29": 1000,
        "2025-12-30": 1004,
        "2025-12-31": 1010,
        "2026-01-01": 1009,
        "2026-01-02": 1015,
    }
    numbers = yearend.daily.drop(columns=["date", "platform"])
    assert not numbers.eq(999).any().any()


def test_content_becomes_posts_with_ids_years_and_hashtags(yearend: Account) -> None:
    posts = yearend.posts.set_index("post_id")
    assert posts.index.tolist() == [
        "7500000000000000003",
        "7580000000000000002",
        "7590000000000000001",
        "7590000000000000005",
    ]
    # Time "January 3" = the export day; each Post time is the latest such day on or before it,
    # so "March 14" is 2025-03-14 and "December 30" is 2025-12-30.
    assert posts["posted_at"].dt.date.tolist() == [
        date(2025, 3, 14),
        date(2025, 12, 30),
        date(2026, 1, 1),
        date(2026, 1, 2),
    ]
    assert posts["snapshot_date"].dt.date.unique().tolist() == [EXPORTED]
    new_year = posts.loc["7590000000000000001"]
    assert new_year["title"] == "New year, new song 🎸 #IndieFolk #newmusic #indiefolk"
    assert new_year["hashtags"] == "indiefolk newmusic"
    assert new_year["url"] == "https://www.tiktok.com/@maraquinnmusic/video/7590000000000000001"
    assert (new_year["likes"], new_year["comments"], new_year["shares"], new_year["views"]) == (
        210,
        12,
        8,
        3000,
    )
    assert posts.loc["7580000000000000002", "title"] == ""  # an empty caption stays empty
    assert posts.loc["7580000000000000002", "hashtags"] == ""
    # "1,234" / "25,000" with thousands separators are read as numbers.
    assert posts.loc["7500000000000000003", ["likes", "views"]].tolist() == [1234, 25000]
    assert posts["kind"].to_dict() == {
        "7500000000000000003": "video",
        "7580000000000000002": "video",
        "7590000000000000001": "video",
        "7590000000000000005": "carousel",  # a /photo/ link
    }
    assert posts["sound"].isna().all() and posts["sponsored"].isna().all()


def test_zero_filled_export_day_is_dropped_from_activity_with_a_note(yearend: Account) -> None:
    activity = yearend.activity
    assert sorted(activity["date"].dt.date.unique()) == [date(2025, 12, 31), date(2026, 1, 1)]
    assert len(activity) == 48
    assert activity["tz"].eq("").all()
    first_day = activity[activity["date"] == "2025-12-31"]
    assert first_day["active_followers"].tolist() == [100 + 10 * h for h in range(24)]
    assert not [w for w in yearend.warnings if "best-time-to-post" in w]  # expected, not alarming
    assert [n for n in yearend.notes if "best-time-to-post" in n] == [
        "TikTok: data/tiktok/FollowerActivity.csv: left out 2026-01-02 from the "
        "best-time-to-post data; TikTok had not finished counting that day (hours 20-23 were 0)"
    ]


def test_a_quiet_night_is_not_mistaken_for_a_zero_filled_day(content: Path, write: Write) -> None:
    rows = [["Date", "Hour", "Active followers"]]
    for day in ("January 1", "January 2"):
        rows += [[day, str(h), "0" if h >= 22 else "10"] for h in range(24)]
    write("FollowerActivity.csv", csv_bytes(rows))
    account = _load(content)
    assert len(account.activity) == 48  # every day had 0 at 22-23h: that is real, keep it
    assert account.warnings == []


def test_audience_gender_and_territories(yearend: Account) -> None:
    audience = yearend.audience
    shares = {(row.dimension, row.segment): round(row.share, 3) for row in audience.itertuples()}
    assert shares == {
        ("country", "GB"): 0.25,
        ("country", "IE"): 0.4,
        ("country", "US"): 0.15,
        ("country", "other"): 0.2,  # "Others"
        ("gender", "female"): 0.62,
        ("gender", "male"): 0.37,
        ("gender", "other"): 0.01,
    }
    assert audience["as_of"].dt.date.unique().tolist() == [EXPORTED]
    assert sorted(audience["source"].unique()) == [
        "export: FollowerGender.csv",
        "export: FollowerTopTerritories.csv",
    ]


def test_one_source_file_per_file_read_and_notes_skipped(yearend: Account) -> None:
    assert yearend.files == [
        SourceFile(
            "data/tiktok/Content.csv",
            "tiktok",
            "tiktok.content",
            4,
            date(2025, 3, 14),
            date(2026, 1, 2),
        ),
        SourceFile(
            "data/tiktok/FollowerActivity.csv",
            "tiktok",
            "tiktok.follower_activity",
            72,
            date(2025, 12, 31),
            date(2026, 1, 2),
        ),
        SourceFile("data/tiktok/FollowerGender.csv", "tiktok", "tiktok.follower_gender", 3),
        SourceFile(
            "data/tiktok/FollowerHistory.csv",
            "tiktok",
            "tiktok.follower_history",
            6,
            date(2025, 12, 28),
            date(2026, 1, 2),
        ),
        SourceFile(
            "data/tiktok/FollowerTopTerritories.csv", "tiktok", "tiktok.follower_territories", 4
        ),
        SourceFile(
            "data/tiktok/Overview.csv",
            "tiktok",
            "tiktok.overview",
            6,
            date(2025, 12, 28),
            date(2026, 1, 2),
        ),
        SourceFile(
            "data/tiktok/Viewers.csv",
            "tiktok",
            "tiktok.viewers",
            6,
            date(2025, 12, 28),
            date(2026, 1, 2),
        ),
    ]  # README.md in the fixture folder was skipped silently


def test_reading_is_deterministic(content: Path) -> None:
    # Determinism only (no set or dict order leaking into rows): the values are pinned by hand
    # in the tests above (daily across the new year, followers from the count, ...).
    _copy_fixture("yearend", content)
    first, second = _load(content), _load(content)
    for table in SCHEMAS:
        pd.testing.assert_frame_equal(getattr(first, table), getattr(second, table))
    assert len(first.daily) == len(_load(content).daily) > 0


@pytest.mark.parametrize(
    "days",
    [
        ["December 30", "December 31", "January 1"],  # en-US
        ["30 December", "31 December", "1 January"],  # en-GB
        ["Dec 30", "Dec 31", "Jan 1"],
        ["30 décembre", "31 décembre", "1er janvier"],  # fr
        ["30 de diciembre", "31 de diciembre", "1 de enero"],  # es
        ["30 de dezembro", "31 de dezembro", "1 de janeiro"],  # pt
        ["30. Dezember", "31. Dezember", "1. Januar"],  # de
        ["30 Dezember", "31 Dezember", "1 Januar"],
        ["30 dicembre", "31 dicembre", "1 gennaio"],  # it
        ["30 Δεκεμβρίου", "31 Δεκεμβρίου", "1 Ιανουαρίου"],  # el genitive
        ["30 Δεκέμβριος", "31 Δεκέμβριος", "1 Ιανουάριος"],  # el nominative
        ["30 tháng Mười Hai", "31 tháng Mười Hai", "1 tháng Một"],  # vi
        ["30 tháng 12", "31 tháng 12", "1 tháng 1"],
        ["30 DECEMBRE", "31 decembre", "1ER JANVIER"],  # case and accents
    ],
)
def test_each_ui_language_gives_the_same_dates(
    content: Path, write: Write, days: list[str]
) -> None:
    write("Overview.csv", overview(*[(day, 100 + i) for i, day in enumerate(days)]))
    daily = _load(content, exported_on=date(2026, 1, 2)).daily
    assert daily["date"].dt.date.tolist() == [
        date(2025, 12, 30),
        date(2025, 12, 31),
        date(2026, 1, 1),
    ]
    assert daily["views"].tolist() == [100, 101, 102]


def test_xlsx_export_reads_like_the_csv(content: Path, write: Write) -> None:
    rows = [
        OVERVIEW_HEADER,
        ["December 31", "2100", "20", "150", "9", "6"],
        ["January 1", "3000", "25", "210", "-2", "8"],
    ]
    write("Overview.xlsx", sheetjs_xlsx(rows))
    account = _load(content, exported_on=date(2026, 1, 2))
    assert account.daily["views"].tolist() == [2100, 3000]
    assert account.daily["comments"].tolist() == [9, -2]
    assert account.files[0].kind == "tiktok.overview"


def test_zip_name_seconds_anchor_the_year_without_exported_on(content: Path, write: Write) -> None:
    # 1767441600 s = 2026-01-03 12:00 UTC. The date segment (2025-12-05) is not the export day.
    assert datetime.fromtimestamp(1767441600, UTC).date() == date(2026, 1, 3)
    followers = (FIXTURES / "yearend" / "FollowerHistory.csv").read_bytes()
    write(
        "Followers_2025-12-05_1767441600_maraquinnmusic.zip",
        zip_bytes({"Followers_maraquinnmusic/FollowerHistory.csv": followers}),
    )
    account = _load(content, exported_on=None)
    assert account.daily["date"].iloc[[0, -1]].dt.date.tolist() == [
        date(2025, 12, 28),
        date(2026, 1, 2),
    ]
    assert account.warnings == []  # the year was not guessed
    assert account.files[0].path == (
        "data/tiktok/Followers_2025-12-05_1767441600_maraquinnmusic.zip/"
        "Followers_maraquinnmusic/FollowerHistory.csv"
    )


def test_file_date_is_the_last_resort_and_says_so(content: Path, write: Write) -> None:
    path = write("Overview.csv", overview(("December 31", 5), ("January 1", 6)))
    stamp = datetime(2026, 1, 2, 9, 0, tzinfo=UTC).timestamp()
    os.utime(path, (stamp, stamp))
    account = _load(content, exported_on=None)
    assert account.daily["date"].dt.date.tolist() == [date(2025, 12, 31), date(2026, 1, 1)]
    (warning,) = account.warnings
    assert "data/tiktok/Overview.csv" in warning
    assert "guessed from the file date (2026-01-02)" in warning
    assert "exported_on" in warning and "profile.yaml" in warning


def test_unknown_csv_is_an_error_naming_the_file(content: Path, write: Write) -> None:
    write("Overview.csv", overview(("January 1", 5)))
    write("budget.csv", csv_bytes([["Item", "Cost"], ["ring light", "40"]]))
    with pytest.raises(SourceError) as caught:
        _load(content)
    message = str(caught.value)
    assert message.startswith("data/tiktok/budget.csv: is not a TikTok Studio export")
    assert "'Item', 'Cost'" in message and "FollowerHistory" in message


def test_file_missing_one_column_says_which(content: Path, write: Write) -> None:
    write("Viewers.csv", csv_bytes([["Date", "Total Viewers", "New Viewers"], ["May 1", "1", "1"]]))
    with pytest.raises(
        SourceError, match="looks like TikTok's Viewers.csv but has no column 'Returning Viewers'"
    ):
        _load(content)


def test_bad_number_names_the_row_and_column(content: Path, write: Write) -> None:
    write(
        "Overview.csv",
        csv_bytes(
            [
                OVERVIEW_HEADER,
                ["December 31", "2100", "20", "150", "9", "6"],
                ["January 1", "3000", "25", "abc", "12", "8"],
            ]
        ),
    )
    with pytest.raises(SourceError) as caught:
        _load(content)
    assert str(caught.value).startswith(
        "data/tiktok/Overview.csv:3: Likes: expected a number, got 'abc'"
    )


def test_bad_date_names_the_row(content: Path, write: Write) -> None:
    write("Overview.csv", overview(("December 31", 1), ("Smarch 1", 2)))
    with pytest.raises(SourceError, match=r"Overview.csv:3: Date: 'Smarch 1' is not a date"):
        _load(content)


@pytest.mark.parametrize("name", ["Overview.csv", "Overview.xlsx", "user_data_tiktok.json"])
def test_empty_file_is_an_error(content: Path, write: Write, name: str) -> None:
    write(name, b"")
    with pytest.raises(SourceError, match=f"data/tiktok/{name}: .*(empty|damaged)"):
        _load(content)


def test_header_only_file_contributes_nothing(content: Path, write: Write) -> None:
    write("Overview.csv", csv_bytes([OVERVIEW_HEADER]))
    account = _load(content)
    assert account.daily.empty and account.files[0].rows == 0


def test_empty_folder_gives_empty_tables_and_a_warning(content: Path) -> None:
    account = _load(content)
    assert all(getattr(account, table).empty for table in SCHEMAS)
    assert account.warnings == [
        "TikTok: no export files found in data/tiktok; download them from TikTok Studio > "
        "Analytics > Download data"
    ]


def test_missing_folder_is_an_error(content: Path) -> None:
    with pytest.raises(SourceError, match="data/tiktok/old: the export folder does not exist"):
        load_platform("tiktok", content / "data" / "tiktok" / "old", content_dir=content)


def test_later_export_wins_and_missing_never_erases(content: Path, write: Write) -> None:
    # Downloaded 2026-01-01 (1767268800 s = 2026-01-01 12:00 UTC): Dec 31 was still "undefined"
    # for viewers and 400 views were counted so far.
    write(
        "Overview_2025-12-02_1767268800_me/Overview.csv",
        overview(("December 29", 10), ("December 30", 20), ("December 31", 400)),
    )
    # Downloaded 2026-01-03 (1767441600 s): Dec 31 complete with 2100 views.
    write(
        "Overview_2025-12-04_1767441600_me/Overview.csv",
        overview(("December 31", 2100), ("January 1", 3000), ("January 2", 2500)),
    )
    account = _load(content, exported_on=None)
    assert _by_date(account.daily, "views") == {
        "2025-12-29": 10,  # only in the older export: kept
        "2025-12-30": 20,
        "2025-12-31": 2100,  # both: the later export wins
        "2026-01-01": 3000,
        "2026-01-02": 2500,
    }


def test_same_exported_on_for_two_downloads_prefers_the_one_covering_later_days(
    content: Path, write: Write
) -> None:
    write("a/Overview.csv", overview(("December 30", 20), ("December 31", 400)))
    write("b/Overview.csv", overview(("December 31", 2100), ("January 1", 3000)))
    write("0-older/Overview.csv", overview(("December 30", 21), ("December 31", 399)))
    account = _load(content, exported_on=date(2026, 1, 3))
    assert _by_date(account.daily, "views")["2025-12-31"] == 2100


def test_content_exports_dedupe_by_post_keeping_the_latest_snapshot(
    content: Path, write: Write
) -> None:
    header = [
        "Time",
        "Video title",
        "Video link",
        "Post time",
        "Total likes",
        "Total comments",
        "Total shares",
        "Total views",
    ]
    link = "https://www.tiktok.com/@me/video/7590000000000000001"
    write(
        "new/Content.csv",
        csv_bytes([header, ["January 3", "hi", link, "December 20", "9", "1", "1", "5000"]]),
    )
    write(
        "old/Content.csv",
        csv_bytes([header, ["December 21", "hi", link, "December 20", "2", "0", "0", "800"]]),
    )
    account = _load(content)
    (post,) = account.posts.itertuples()
    assert (post.views, post.likes, post.snapshot_date.date()) == (5000, 9, date(2026, 1, 3))
    assert post.posted_at.date() == date(2025, 12, 20)


def test_three_year_export_and_5000_posts_are_read_whole(content: Path, write: Write) -> None:
    # The size the reader is built for (about 0.17 s measured; speed itself belongs in
    # benchmarks/, not in a timed assertion here).
    end = date(2026, 2, 27)
    days = [end - timedelta(days=i) for i in range(1095)][::-1]
    write("Overview.csv", overview(*[(f"{d:%B} {d.day}", i) for i, d in enumerate(days)]))
    header = [
        "Time",
        "Video title",
        "Video link",
        "Post time",
        "Total likes",
        "Total comments",
        "Total shares",
        "Total views",
    ]
    posts = [
        [
            "February 28",
            f"clip {i} #tag{i % 50}",
            f"https://www.tiktok.com/@me/video/{10**18 + i}",
            f"{end - timedelta(days=i % 365):%B} {(end - timedelta(days=i % 365)).day}",
            str(i),
            "1",
            "2",
            str(10 * i),
        ]
        for i in range(5000)
    ]
    write("Content.csv", csv_bytes([header, *posts]))
    account = _load(content, exported_on=date(2026, 2, 28))
    assert len(account.daily) == 1095 and len(account.posts) == 5000
    assert account.daily["date"].iloc[0].date() == date(2023, 3, 1)  # 2026-02-27 - 1094 days
    posted = account.posts.set_index("post_id")["posted_at"]
    # Post 363 went up 363 days before 2026-02-27: 2025-03-01. (A year-less Post time reaches
    # back at most one year from the snapshot day, 2026-02-28; Content lists recent videos.)
    assert posted[str(10**18 + 363)].date() == date(2025, 3, 1)
    assert posted[str(10**18 + 365)].date() == date(2026, 2, 27)
