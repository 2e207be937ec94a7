"""YouTube Studio advanced-mode exports read into the canonical tables, quirk by quirk.

Fixtures under tests/fixtures/youtube/ (UTF-8 without BOM, LF, minimal quoting, as Studio writes):
- classic/: the default metric set (Impressions spelling), a Total row, a video id written with a
  leading space, a private video with no publish time, negative subscribers; Totals.csv daily for
  Nov 10-16, 2026 with Nov 12 blank; Chart data.csv for two videos.
- current/: today's column names (Thumbnail impressions), Average view duration as H:MM:SS,
  Average percentage viewed, likes/comments/shares, unique viewers, a blank revenue column.
- yearly/: a chart set to yearly granularity.
"""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from mediakit.errors import SourceError
from mediakit.sources import load_platform
from mediakit.sources.cells import decimals, durations
from mediakit.tables import SCHEMAS, Account

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "youtube"
TABLE_HEADER = "Content,Video title,Video publish time,Duration,Views\n"


@pytest.fixture
def content(tmp_path: Path) -> Path:
    (tmp_path / "content" / "data" / "youtube").mkdir(parents=True)
    return tmp_path / "content"


def _write(content: Path, name: str, text: str) -> None:
    path = content / "data" / "youtube" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))


def _load(content: Path, exported_on: date | None = None) -> Account:
    folder = content / "data" / "youtube"
    return load_platform("youtube", folder, content_dir=content, exported_on=exported_on)


def _fixture(content: Path, name: str, exported_on: date | None = None) -> Account:
    shutil.copytree(FIXTURES / name, content / "data" / "youtube", dirs_exist_ok=True)
    return _load(content, exported_on)


@pytest.fixture
def classic(content: Path) -> Account:
    return _fixture(content, "classic")


@pytest.fixture
def current(content: Path) -> Account:
    return _fixture(content, "current")


def test_fixture_bytes_are_studio_like() -> None:
    raw = (FIXTURES / "classic" / "Table data.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf") and b"\r" not in raw
    assert b"\n -HHGH-TTqYM," in raw  # the leading space, as in a real export
    assert b'"Sep 27, 2026"' in raw  # quoted only because of the comma


def test_tables_have_the_canonical_schema(classic: Account) -> None:
    for table, schema in SCHEMAS.items():
        frame = getattr(classic, table)
        assert {name: str(dtype) for name, dtype in frame.dtypes.items()} == schema
        assert frame["platform"].eq("youtube").all()


def test_table_data_drops_the_total_row_and_strips_ids(classic: Account) -> None:
    posts = classic.posts.set_index("post_id")
    assert posts.index.tolist() == ["-HHGH-TTqYM", "Xk3mShort9Q", "dQw8kFolk01", "pRvT0ld1234"]
    assert posts.loc["-HHGH-TTqYM", "url"] == "https://www.youtube.com/watch?v=-HHGH-TTqYM"
    assert posts.loc["-HHGH-TTqYM", "title"] == "Salt on the Window, a kitchen session"
    # Total row: 12040 + 5210 + 2800 + 100 = 20150 views, not a fifth post.
    assert posts["views"].sum() == 20150


def test_publish_times_and_a_blank_one(classic: Account) -> None:
    posted = classic.posts.set_index("post_id")["posted_at"]
    assert posted["dQw8kFolk01"] == pd.Timestamp("2026-11-02")  # "Nov 2, 2026"
    assert posted["-HHGH-TTqYM"] == pd.Timestamp("2026-09-27")
    assert pd.isna(posted["pRvT0ld1234"])  # private video: no publish time, not a made-up one


def test_durations_kinds_and_watch_time(classic: Account) -> None:
    posts = classic.posts.set_index("post_id")
    assert posts["duration_s"].to_dict() == {
        "-HHGH-TTqYM": 318.0, "Xk3mShort9Q": 41.0, "dQw8kFolk01": 263.0, "pRvT0ld1234": 612.0}
    assert posts["kind"].to_dict() == {
        "-HHGH-TTqYM": "video", "Xk3mShort9Q": "short", "dQw8kFolk01": "video",
        "pRvT0ld1234": "video"}
    # Watch time (hours) x 3600: 712.0411 h = 2,563,347.96 s; 1.0080 h = 3,628.8 s.
    assert posts.loc["dQw8kFolk01", "watch_time_s"] == pytest.approx(2_563_347.96)
    assert posts.loc["pRvT0ld1234", "watch_time_s"] == pytest.approx(3_628.8)
    # The default metric set has no likes, average duration or percentage viewed.
    assert posts[["likes", "avg_watch_s", "completion_rate", "reach"]].isna().all().all()


def test_snapshot_is_the_last_day_of_the_export(classic: Account) -> None:
    assert classic.posts["snapshot_date"].unique().tolist() == [pd.Timestamp("2026-11-16")]


def test_totals_give_daily_views_and_a_blank_day_stays_missing(classic: Account) -> None:
    views = dict(zip(classic.daily["date"].dt.date.astype(str), classic.daily["views"],
                     strict=True))
    assert views == {"2026-11-10": 612, "2026-11-11": 580, "2026-11-12": pd.NA,
                     "2026-11-13": 701, "2026-11-14": 655, "2026-11-15": 1290,
                     "2026-11-16": 1034}
    # Chart data (two videos only) never overrides the channel's Totals; no follower count.
    assert classic.daily["followers"].isna().all()
    assert classic.warnings == []


def test_current_column_names_and_clock_durations(current: Account) -> None:
    posts = current.posts.set_index("post_id")
    session = posts.loc["Lv8SessN0w1"]
    # "0:04:23" = 4 x 60 + 23 = 263 s; 42.97 % viewed = 0.4297; 7010 unique viewers = reach.
    assert session["avg_watch_s"] == 263.0
    assert session["completion_rate"] == pytest.approx(0.4297)
    assert (session["views"], session["reach"], session["likes"], session["comments"],
            session["shares"]) == (10500, 7010, 930, 81, 120)
    assert session["watch_time_s"] == pytest.approx(767.0833 * 3600)
    short = posts.loc["Sh0rtExactl"]
    assert short["kind"] == "short"  # exactly 60 s is still a short
    assert short["avg_watch_s"] == 72.0  # "0:01:12"
    assert short["completion_rate"] == pytest.approx(1.2)  # Shorts loop: over 100 % viewed


def test_negative_subscribers_are_fine_but_not_a_follower_count(current: Account) -> None:
    assert current.daily["followers"].isna().all()
    assert len(current.posts) == 2


def test_yearly_charts_warn_that_daily_charts_need_daily_data(content: Path) -> None:
    account = _fixture(content, "yearly", exported_on=date(2026, 11, 17))
    assert account.daily.empty
    assert account.warnings == [
        "YouTube: data/youtube/Chart data.csv is by year, so it gives no daily numbers; daily "
        "charts need daily granularity: in Advanced mode set the chart to daily, then export "
        "again",
        "YouTube: data/youtube/Totals.csv is by year, so it gives no daily numbers; daily charts "
        "need daily granularity: in Advanced mode set the chart to daily, then export again",
    ]
    # No daily dates: the table is dated by exported_on.
    assert account.posts["snapshot_date"].tolist() == [pd.Timestamp("2026-11-17")]
    assert account.posts["avg_watch_s"].tolist() == [35.0]


def test_chart_data_alone_is_summed_with_a_warning(content: Path) -> None:
    _write(content, "Chart data.csv",
           "Date,Content,Video title,Video publish time,Duration,Views\n"
           '2026-11-15,aaaaaaaaaaa,One,"Nov 1, 2026",200,40\n'
           '2026-11-15,bbbbbbbbbbb,Two,"Nov 3, 2026",30,2\n'
           '2026-11-16,aaaaaaaaaaa,One,"Nov 1, 2026",200,35\n')
    account = _load(content)
    assert account.daily["views"].tolist() == [42, 35]  # 40 + 2 on Nov 15
    assert account.warnings == [
        "YouTube: data/youtube/Chart data.csv: daily views are added up from the 2 video(s) in "
        "the chart only; export Totals.csv with it for the whole channel"]


def test_exports_in_separate_folders_are_dated_separately(content: Path) -> None:
    table = TABLE_HEADER + 'aaaaaaaaaaa,One,"Nov 1, 2026",200,{views}\n'
    _write(content, "Content 2026-08-01_2026-09-30 Mara/Table data.csv", table.format(views=10))
    _write(content, "october/Table data.csv", table.format(views=99))
    _write(content, "october/Totals.csv", "Date,Views\n2026-10-31,5\n")
    account = _load(content)
    # The folder name carries one export's end; the other ends on its Totals' last day; the later
    # export's numbers win.
    assert account.posts[["views", "snapshot_date"]].values.tolist() == [
        [99, pd.Timestamp("2026-10-31")]]
    assert sorted(source.kind for source in account.files) == [
        "youtube.table", "youtube.table", "youtube.totals"]


def test_turkish_dot_thousands_in_counts(content: Path) -> None:
    _write(content, "Table data.csv",
           TABLE_HEADER + 'aaaaaaaaaaa,One,"Nov 1, 2026",200,"58.005"\n')
    account = _load(content, exported_on=date(2026, 11, 17))
    assert account.posts["views"].tolist() == [58005]


def test_a_word_in_a_number_column_names_file_row_and_column(content: Path) -> None:
    _write(content, "Table data.csv",
           "Content,Views,Subscribers\nTotal,5,1\naaaaaaaaaaa,5,one\n")
    with pytest.raises(SourceError) as caught:
        _load(content, exported_on=date(2026, 11, 17))
    assert str(caught.value) == (
        "data/youtube/Table data.csv:3: Subscribers: expected a number, got 'one' "
        "(use the export as downloaded; a cell may have been edited by hand)")


def test_a_bad_average_view_duration_is_named(content: Path) -> None:
    _write(content, "Table data.csv", "Content,Average view duration\naaaaaaaaaaa,0:75:00\n")
    with pytest.raises(SourceError, match=r"Table data.csv:2: Average view duration: '0:75:00' is "
                                          r"not a length of time"):
        _load(content, exported_on=date(2026, 11, 17))


def test_a_bad_publish_time_is_named(content: Path) -> None:
    _write(content, "Table data.csv", TABLE_HEADER + "aaaaaaaaaaa,One,someday,200,5\n")
    with pytest.raises(SourceError, match=r"Table data.csv:2: Video publish time: 'someday' is "
                                          r"not a date mediakit can read \(expected a publish date "
                                          r"like 'Apr 29, 2020'"):
        _load(content, exported_on=date(2026, 11, 17))


def test_a_bad_chart_date_is_named(content: Path) -> None:
    _write(content, "Totals.csv", "Date,Views\n2026-11-15,3\nyesterday,4\n")
    with pytest.raises(SourceError, match=r"Totals.csv:3: Date: 'yesterday' is not a date"):
        _load(content)


def test_another_dimension_is_refused_with_what_to_choose(content: Path) -> None:
    _write(content, "Table data.csv", "Geography,Views,Watch time (hours)\nIE,5,0.1\n")
    with pytest.raises(SourceError, match="is a YouTube Studio export by 'Geography', not by "
                                          "video"):
        _load(content)


def test_unrecognised_files_name_what_was_expected(content: Path) -> None:
    _write(content, "notes.csv", "Song,Key\nNight Bus Home,G\n")
    with pytest.raises(SourceError) as caught:
        _load(content)
    assert str(caught.value).startswith(
        "data/youtube/notes.csv: is not a YouTube Studio export mediakit knows (its columns are "
        "'Song', 'Key') (expected Table data.csv, Chart data.csv and Totals.csv")


def test_a_video_listed_twice_is_an_error(content: Path) -> None:
    _write(content, "Table data.csv", "Content,Views\naaaaaaaaaaa,1\naaaaaaaaaaa,2\n")
    with pytest.raises(SourceError, match=r"Table data.csv:3: Content: the video 'aaaaaaaaaaa' "
                                          r"appears twice"):
        _load(content, exported_on=date(2026, 11, 17))


def test_an_empty_folder_says_how_to_export(content: Path) -> None:
    account = _load(content)
    assert account.posts.empty
    assert account.warnings[0].startswith("YouTube: no export files found in data/youtube")


def test_durations_and_decimals_in_every_studio_spelling() -> None:
    cells = pd.Series(["263", "4:23", "0:04:23", "1:02:03.5", "", "undefined"],
                      index=range(2, 8), dtype="str")
    seconds = durations(cells, file="f.csv", column="Duration")
    # 4 x 60 + 23 = 263; 1 x 3600 + 2 x 60 + 3.5 = 3723.5; blank and "undefined" are missing.
    assert seconds.tolist()[:4] == [263.0, 263.0, 263.0, 3723.5]
    assert seconds.isna().tolist() == [False] * 4 + [True] * 2
    hours = decimals(pd.Series(["1321.6783", "1,321.5", "0"], dtype="str"), file="f.csv",
                     column="Watch time (hours)")
    assert hours.tolist() == [1321.6783, 1321.5, 0.0]


def test_dates_no_export_can_hold_are_errors(content: Path) -> None:
    _write(content, "Table data.csv", TABLE_HEADER + 'aaaaaaaaaaa,One,"Apr 29, 0001",200,5\n')
    with pytest.raises(SourceError, match="'Apr 29, 0001' is not a plausible publish date"):
        _load(content, exported_on=date(2026, 11, 17))
    _write(content, "Table data.csv", TABLE_HEADER)
    _write(content, "Totals.csv", "Date,Views\n9999-12-31,3\n")
    with pytest.raises(SourceError, match=r"Totals.csv:2: Date: '9999-12-31' is not a plausible"):
        _load(content)


# -- the Total row: the period's own totals (issue 14, point 5) ----------------------------------

NEET_TABLE = (
    "Content,Video title,Video publish time,Duration,Views,Watch time (hours),Subscribers,"
    "Impressions,Impressions click-through rate (%)\n"
    "Total,,,,61685,1384.3735,281,843001,6.31\n"
    "oEDe6JMwL7Q,Study room make over for NEET aspriant || suuz,\"Apr 29, 2020\",292,58005,"
    "1321.6783,269,797168,6.32\n"
    "aaaaaaaaaaa,Second video,\"Jun 18, 2021\",200,3680,62.6952,12,45833,6.1\n"
)


def _periods(account: Account) -> list[dict]:
    rows = account.periods.drop(columns="platform").to_dict("records")
    return [{key: (None if pd.isna(value) else value) for key, value in row.items()}
            for row in rows]


def test_the_total_row_is_the_period_totals_dated_by_the_totals_beside_it(classic: Account) -> None:
    # classic/Table data.csv: "Total,,,,20150,1032.9306,95,310480,4.92"; Totals.csv Nov 10 .. 16
    assert _periods(classic) == [{
        "first": pd.Timestamp("2026-11-10"), "last": pd.Timestamp("2026-11-16"), "views": 20150,
        "watch_time_hours": 1032.9306, "followers_gained": 95, "impressions": 310480}]


def test_current_exports_total_thumbnail_impressions_and_negative_subscribers(
        current: Account) -> None:
    # current/: "Total,,,,9120,0:03:32,61.12,14300,843.0833,-4,1101,96,148,,201400,5.02";
    # Totals.csv covers Nov 15 .. 16
    [row] = _periods(current)
    assert (row["first"], row["last"]) == (pd.Timestamp("2026-11-15"), pd.Timestamp("2026-11-16"))
    assert (row["views"], row["followers_gained"], row["impressions"]) == (14300, -4, 201400)
    assert row["watch_time_hours"] == pytest.approx(843.0833)


def test_a_lone_table_is_dated_by_the_period_in_its_folder_name(content: Path) -> None:
    _write(content, "Content 2021-05-22_2021-06-18 suuz/Table data.csv", NEET_TABLE)
    account = _load(content)
    [row] = _periods(account)
    assert (row["first"], row["last"]) == (pd.Timestamp("2021-05-22"), pd.Timestamp("2021-06-18"))
    assert (row["views"], row["followers_gained"], row["impressions"]) == (61685, 281, 843001)
    assert account.posts["snapshot_date"].unique().tolist() == [pd.Timestamp("2021-06-18")]
    assert account.warnings == []


def test_a_lone_table_without_dates_is_dated_by_exported_on_then_by_the_file(
        content: Path) -> None:
    _write(content, "Table data.csv", NEET_TABLE)
    [row] = _periods(_load(content, exported_on=date(2021, 6, 20)))
    assert (row["first"], row["last"]) == (None, pd.Timestamp("2021-06-20"))
    path = content / "data" / "youtube" / "Table data.csv"
    stamp = pd.Timestamp("2026-12-07 10:00").timestamp()
    os.utime(path, (stamp, stamp))
    account = _load(content)
    [row] = _periods(account)
    # The one date the warning names is the period's end and the posts' snapshot date.
    assert row["last"] == pd.Timestamp("2026-12-07") and row["first"] is None
    assert account.posts["snapshot_date"].unique().tolist() == [pd.Timestamp("2026-12-07")]
    assert "its numbers are dated 2026-12-07 (the file's date)" in account.warnings[0]


def test_a_table_without_a_total_row_gives_no_period(content: Path) -> None:
    _write(content, "Content 2026-08-01_2026-09-30/Table data.csv",
           TABLE_HEADER + 'aaaaaaaaaaa,One,"Nov 1, 2026",200,10\n')
    assert _load(content).periods.empty


def test_a_table_whose_publish_time_header_is_damaged_still_reads(tmp_path):
    """Found by the fuzz test (seed 3008316611): with the date column unrecognised, the posts
    had no posting time at all and joining snapshots crashed with KeyError 'posted_at'."""
    import shutil
    from pathlib import Path

    from mediakit.sources import load_platform

    folder = tmp_path / "data" / "youtube"
    shutil.copytree(Path(__file__).parents[1] / "fixtures" / "youtube" / "classic", folder)
    table = folder / "Table data.csv"
    table.write_text(table.read_text("utf-8").replace("Video publish time", "Video publish tim\x01",
                                                      1), "utf-8")
    account = load_platform("youtube", folder, content_dir=tmp_path)
    posts = account.posts.set_index("post_id")
    assert posts.loc["dQw8kFolk01", "views"] == 12_040  # the numbers are still read
    assert posts["posted_at"].isna().all()  # without their date, posts are undated, not dropped
