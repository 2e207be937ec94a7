"""History files at their edges, where mutation testing found no test (benchmarks/MUTATION.md).

The exact bytes of a history CSV (times only where a row has one, floats as Python writes them,
booleans as true/false, '' for missing), and the errors for a damaged history file.
"""

from __future__ import annotations

import pandas as pd
import pytest

from mediakit import history
from mediakit.errors import SourceError
from mediakit.tables import Account, SourceFile
from tests.helpers import audience, daily, posts


def test_post_history_bytes_spell_times_floats_booleans_and_missing_values():
    table = posts([
        {"post_id": "b", "posted_at": "2026-03-02 19:05:00", "views": 10, "completion_rate": 0.25,
         "sponsored": True},
        {"post_id": "a", "posted_at": "2026-03-01 08:00:00", "views": None, "sponsored": False},
    ])
    text = history.to_csv_bytes(table, "posts").decode("utf-8")
    header, first, second = text.splitlines()
    columns = header.split(",")
    row_a = dict(zip(columns, first.split(","), strict=True))
    row_b = dict(zip(columns, second.split(","), strict=True))
    # sorted by key (platform, post_id): "a" before "b"
    assert (row_a["post_id"], row_b["post_id"]) == ("a", "b")
    # a column with a time of day keeps it for every row
    assert (row_a["posted_at"], row_b["posted_at"]) == ("2026-03-01 08:00:00",
                                                        "2026-03-02 19:05:00")
    assert (row_a["views"], row_b["views"]) == ("", "10")  # missing is '', never 0
    assert (row_a["completion_rate"], row_b["completion_rate"]) == ("", "0.25")
    assert (row_a["sponsored"], row_b["sponsored"]) == ("false", "true")
    assert text.endswith("\n") and "\r" not in text



def test_history_bytes_end_lines_with_newline_on_windows_too(monkeypatch):
    """The history is committed by creators on every system: the same rows give the same bytes
    on Windows, whose line end (os.linesep, pandas' default) is CRLF."""
    monkeypatch.setattr("os.linesep", "\r\n")
    table = daily([{"date": "2026-03-02", "followers": 7, "views": 40},
                   {"date": "2026-03-01", "followers": 5}])
    text = history.to_csv_bytes(table, "daily")
    lines = text.split(b"\n")
    assert b"\r" not in text
    assert len(lines) == 4 and lines[-1] == b""  # header, two days, then the final newline
    assert lines[1].startswith(b"tiktok,2026-03-01,") and lines[2].startswith(b"tiktok,2026-03-02,")

def test_a_history_file_without_a_column_names_the_column(tmp_path):
    (tmp_path / "daily.csv").write_text("platform,date\ntiktok,2026-01-01\n", encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        history.read(tmp_path)
    error = caught.value
    assert error.message == "history file is missing the column 'followers'"
    assert error.file == str(tmp_path / "daily.csv")
    assert error.hint == ("restore it from git, or delete it to rebuild history from the "
                          "exports")


def test_an_empty_history_file_is_a_clear_error(tmp_path):
    (tmp_path / "posts.csv").write_bytes(b"")
    with pytest.raises(SourceError) as caught:
        history.read(tmp_path)
    assert caught.value.message == "history file cannot be read (EmptyDataError)"
    assert caught.value.file == str(tmp_path / "posts.csv")
    assert caught.value.hint == ("restore it from git, or delete it to rebuild history from "
                                 "the exports")


def test_no_history_folder_reads_as_nothing_yet(tmp_path):
    account = history.read(tmp_path / "absent")
    assert all(getattr(account, table).empty for table in history.SCHEMAS)
    assert isinstance(account.posts, pd.DataFrame)


def _written(tmp_path, table_name, frame):
    history.write(Account(**{table_name: frame}), tmp_path)
    return tmp_path / f"{table_name}.csv"


def test_history_dates_may_be_any_iso_8601_spelling(tmp_path):
    path = _written(tmp_path, "posts", posts([
        {"post_id": "a", "posted_at": "2026-03-01 08:00:00", "views": 1},
        {"post_id": "b", "posted_at": "2026-03-02 19:05:00", "views": 2},
    ]))
    # a hand-edited file: one date without its time, one with a 'T'
    text = path.read_text("utf-8").replace("2026-03-01 08:00:00", "2026-03-01")
    path.write_text(text.replace("2026-03-02 19:05:00", "2026-03-02T19:05:00"), "utf-8")
    read = history.read(tmp_path).posts.set_index("post_id")["posted_at"]
    assert read.to_dict() == {"a": pd.Timestamp("2026-03-01"),
                              "b": pd.Timestamp("2026-03-02 19:05")}


@pytest.mark.parametrize(("column", "good", "bad", "dtype"), [
    ("posted_at", "2026-03-01 08:00:00", "2026-13-45", "datetime64[ns]"),
    # found by the fuzz test (seed 2303949565): ISO 8601 reads "-3" as the year 3 BC, which
    # crashed pandas' conversion instead of naming the cell
    ("posted_at", "2026-03-01 08:00:00", "-3", "datetime64[ns]"),
    ("posted_at", "2026-03-01 08:00:00", "1899-12-31", "datetime64[ns]"),
    ("completion_rate", "0.25", "a quarter", "Float64"),
    ("views", "10", "ten", "Int64"),
])
def test_a_damaged_history_cell_names_its_line_column_and_type(tmp_path, column, good, bad,
                                                               dtype):
    path = _written(tmp_path, "posts", posts([
        {"post_id": "a", "posted_at": "2026-03-01 07:00:00", "views": 9},
        {"post_id": "b", "posted_at": "2026-03-01 08:00:00", "views": 10,
         "completion_rate": 0.25},
    ]))
    lines = path.read_text("utf-8").splitlines()
    assert good in lines[2]  # line 1 is the header, post "b" is line 3
    lines[2] = lines[2].replace(good, bad)
    path.write_text("\n".join(lines) + "\n", "utf-8")
    with pytest.raises(SourceError) as caught:
        history.read(tmp_path)
    error = caught.value
    assert error.message == f"history value {bad!r} is not a valid {dtype}"
    assert (error.file, error.line, error.field) == (str(path), 3, column)
    assert error.hint == "fix the cell, or restore the file from git"


def test_booleans_and_a_missing_boolean_read_back_as_written(tmp_path):
    table = posts([
        {"post_id": "a", "posted_at": "2026-03-01", "sponsored": True},
        {"post_id": "b", "posted_at": "2026-03-01", "sponsored": False},
        {"post_id": "c", "posted_at": "2026-03-01"},
    ])
    path = _written(tmp_path, "posts", table)
    cells = [line.split(",")[list(history.SCHEMAS["posts"]).index("sponsored")]
             for line in path.read_text("utf-8").splitlines()[1:]]
    assert cells == ["true", "false", ""]  # missing is '', never false
    read = history.read(tmp_path).posts.set_index("post_id")["sponsored"]
    assert read[["a", "b"]].tolist() == [True, False]
    assert pd.isna(read["c"])


def test_a_link_in_history_that_is_not_a_web_address_names_its_line(tmp_path):
    path = _written(tmp_path, "posts", posts([
        {"post_id": "a", "posted_at": "2026-03-01", "url": "https://www.tiktok.com/@a/video/1"},
        {"post_id": "b", "posted_at": "2026-03-01", "url": "https://www.tiktok.com/@a/video/2"},
    ]))
    path.write_text(path.read_text("utf-8").replace("https://www.tiktok.com/@a/video/2",
                                                    "javascript:alert(1)"), "utf-8")
    with pytest.raises(SourceError) as caught:
        history.read(tmp_path)
    error = caught.value
    # header on line 1, post "a" on line 2, post "b" on line 3
    assert (error.file, error.line, error.field) == (str(path), 3, "url")


def test_a_history_file_with_only_its_header_is_an_empty_table(tmp_path):
    header = ",".join(history.SCHEMAS["daily"]) + "\n"
    (tmp_path / "daily.csv").write_text(header, "utf-8")
    daily_table = history.read(tmp_path).daily
    assert daily_table.empty
    assert list(daily_table.columns) == list(history.SCHEMAS["daily"])


def test_merging_nothing_new_keeps_the_history_as_it_was():
    old = Account(posts=posts([{"post_id": "a", "posted_at": "2026-03-01", "views": 7}]))
    merged = history.merge(old, Account())
    assert merged.posts[["post_id", "views"]].to_dict("records") == [
        {"post_id": "a", "views": 7}]


def test_merge_keeps_the_new_exports_files_warnings_and_notes():
    source = SourceFile("data/tiktok/Overview.csv", "tiktok", "tiktok.overview", 3)
    new = Account(files=[source], warnings=["stale"], notes=["undefined read as missing"])
    merged = history.merge(Account(), new)
    assert (merged.files, merged.warnings, merged.notes) == (
        [source], ["stale"], ["undefined read as missing"])


def test_namibia_and_other_words_pandas_reads_as_missing_stay_text(tmp_path):
    # "NA" is Namibia's code, "null" and "None" a caption: history is read with no NA words
    table = posts([{"post_id": "null", "posted_at": "2026-03-01", "title": "None"}])
    _written(tmp_path, "posts", table)
    read = history.read(tmp_path).posts
    assert read[["post_id", "title"]].to_dict("records") == [{"post_id": "null",
                                                               "title": "None"}]
    audience_table = audience([("country", "NA", 0.25, "2026-03-01")])
    _written(tmp_path, "audience", audience_table)
    assert history.read(tmp_path).audience["segment"].tolist() == ["NA"]


def test_only_tables_with_data_or_a_file_are_written_even_after_an_empty_one(tmp_path):
    # daily comes first and is empty with no file: it is skipped, posts is still written
    account = Account(posts=posts([{"post_id": "a", "posted_at": "2026-03-01"}]))
    folder = tmp_path / "content" / "data" / "history"  # none of these folders exist yet
    assert history.write(account, folder) == [folder / "posts.csv"]
    # an unchanged daily.csv is skipped, a changed posts.csv after it is still rewritten
    account.daily = daily([{"date": "2026-03-01", "followers": 5}])
    history.write(account, folder)
    account.posts = posts([{"post_id": "a", "posted_at": "2026-03-01", "views": 9}])
    assert list(history.changed_files(account, folder)) == ["posts.csv"]


def test_a_post_row_without_a_snapshot_date_counts_as_the_oldest():
    old = Account(posts=posts([{"post_id": "a", "posted_at": "2026-03-01", "views": 100,
                                "snapshot_date": "2026-03-05"}]))
    new = Account(posts=posts([{"post_id": "a", "posted_at": "2026-03-01", "views": 50}]))
    # the dated snapshot is the newest known: 100 stays
    assert history.merge(old, new).posts["views"].tolist() == [100]


def test_merged_days_come_out_in_date_order():
    old = Account(daily=daily([{"date": "2026-01-02", "followers": 2}]))
    new = Account(daily=daily([{"date": "2026-01-01", "followers": 1}]))
    merged = history.merge(old, new).daily
    assert merged["date"].tolist() == [pd.Timestamp("2026-01-01"), pd.Timestamp("2026-01-02")]


def test_an_audience_split_without_a_date_is_kept_through_a_merge():
    old = Account(audience=audience([("gender", "female", 0.6, None)]))
    new = Account(audience=audience([("gender", "female", 0.5, "2026-03-01")]))
    merged = history.merge(old, new).audience
    assert sorted(merged["share"].tolist()) == [0.5, 0.6]


def test_a_first_build_and_a_build_without_fresh_days_keep_every_day_as_it_was():
    """No history yet (the first build), then a build whose exports hold no daily rows (only a
    posts file): both times the days come out exactly as the one side that has them."""
    days = daily([{"date": "2026-03-02", "followers": 12, "views": None},
                  {"date": "2026-03-01", "followers": 10, "views": 4}])
    expected = [  # in date order; the missing views of 2 March stay missing, not 0
        {"date": pd.Timestamp("2026-03-01"), "followers": 10, "views": 4},
        {"date": pd.Timestamp("2026-03-02"), "followers": 12, "views": None},
    ]
    first_build = history.merge(Account(), Account(daily=days)).daily
    posts_only = history.merge(Account(daily=days), Account(posts=posts([
        {"post_id": "a", "posted_at": "2026-03-02", "views": 9}]))).daily
    for merged in (first_build, posts_only):
        assert list(merged.columns) == list(history.SCHEMAS["daily"])
        assert merged[["date", "followers", "views"]].to_dict("records") == expected
