import pandas as pd

from mediakit import history
from mediakit.tables import Account
from tests.helpers import audience, daily, posts


def _account(**tables) -> Account:
    account = Account()
    for name, frame in tables.items():
        setattr(account, name, frame)
    return account


def test_merge_keeps_days_only_the_old_export_had_and_takes_new_values():
    old = _account(daily=daily([
        {"date": "2026-01-01", "followers": 100, "views": 10},
        {"date": "2026-01-02", "followers": 105, "views": 20},
    ]))
    new = _account(daily=daily([
        {"date": "2026-01-02", "followers": 106, "views": 25},  # revised by the platform
        {"date": "2026-01-03", "followers": 110, "views": 30},
    ]))
    merged = history.merge(old, new).daily
    assert merged["date"].dt.strftime("%Y-%m-%d").tolist() == [
        "2026-01-01", "2026-01-02", "2026-01-03"]
    assert merged["followers"].tolist() == [100, 106, 110]
    assert merged["views"].tolist() == [10, 25, 30]


def test_a_newer_missing_value_never_erases_a_known_one():
    old = _account(daily=daily([{"date": "2026-01-01", "followers": 100}]))
    new = _account(daily=daily([{"date": "2026-01-01", "followers": None, "views": 7}]))
    merged = history.merge(old, new).daily
    assert merged["followers"].tolist() == [100]
    assert merged["views"].tolist() == [7]


def test_post_snapshots_add_up_and_the_latest_snapshot_wins():
    september = _account(posts=posts([
        {"post_id": "1", "views": 500, "snapshot_date": "2026-09-30"},
        {"post_id": "2", "views": 900, "snapshot_date": "2026-09-30"},
    ]))
    october = _account(posts=posts([
        {"post_id": "1", "views": 800, "snapshot_date": "2026-10-31"},
        {"post_id": "3", "views": 50, "snapshot_date": "2026-10-31"},
    ]))
    # merging in either order gives the same answer: recency decides, not argument order
    for first, second in ((september, october), (october, september)):
        merged = history.merge(first, second).posts.set_index("post_id")["views"]
        assert merged.to_dict() == {"1": 800, "2": 900, "3": 50}


def test_audience_snapshots_are_all_kept():
    old = _account(audience=audience([("gender", "female", 0.6, "2026-01-01")]))
    new = _account(audience=audience([("gender", "female", 0.62, "2026-02-01")]))
    merged = history.merge(old, new).audience
    assert merged["share"].tolist() == [0.6, 0.62]


def test_write_then_read_round_trips_and_rewriting_changes_no_byte(tmp_path):
    account = _account(
        daily=daily([{"date": "2026-01-01", "followers": 100, "views": None}]),
        posts=posts([{"post_id": "7", "posted_at": "2026-01-01 18:30:00", "title": "a, \"b\"",
                      "views": 10, "sponsored": True, "duration_s": 12.5}]),
    )
    written = history.write(account, tmp_path)
    assert sorted(p.name for p in written) == ["daily.csv", "posts.csv"]
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    again = history.merge(history.read(tmp_path), account)
    assert history.write(again, tmp_path) == []  # idempotent: nothing to rewrite
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before
    back = history.read(tmp_path)
    assert back.posts["title"].tolist() == ['a, "b"']
    assert back.posts["posted_at"].tolist() == [pd.Timestamp("2026-01-01 18:30:00")]
    assert back.posts["sponsored"].tolist() == [True]
    assert back.daily["views"].isna().all()  # missing stays missing, not 0


def test_history_csv_is_sorted_and_readable(tmp_path):
    account = _account(daily=daily([
        {"date": "2026-01-02", "followers": 2}, {"date": "2026-01-01", "followers": 1}]))
    history.write(account, tmp_path)
    lines = (tmp_path / "daily.csv").read_text().splitlines()
    assert lines[0].startswith("platform,date,followers,views")
    assert lines[1].startswith("tiktok,2026-01-01,1,")
    assert lines[2].startswith("tiktok,2026-01-02,2,")


def test_a_corrupted_history_cell_is_a_clear_error(tmp_path):
    history.write(_account(daily=daily([{"date": "2026-01-01", "followers": 1}])), tmp_path)
    path = tmp_path / "daily.csv"
    path.write_text(path.read_text().replace(",1,", ",lots,"))
    try:
        history.read(tmp_path)
    except history.SourceError as error:
        assert "daily.csv:2" in str(error) and "followers" in str(error)
    else:
        raise AssertionError("expected a SourceError")


def test_same_post_from_data_download_and_content_export_is_one_post():
    # Studio's row in the history, the data download's in this build: joined as a reader would.
    studio = _account(posts=posts([
        {"post_id": "7401", "url": "https://www.tiktok.com/@m/video/7401",
         "posted_at": "2026-03-04", "title": "New song  #indiefolk", "views": 5000}]))
    download = _account(posts=posts([
        {"post_id": "json-20260304T183000", "posted_at": "2026-03-04 18:30:00",
         "title": "New song #indiefolk", "sound": "original sound", "sponsored": False}]))
    unified = history.merge(studio, download).posts
    assert unified["post_id"].tolist() == ["7401"]
    assert unified["posted_at"].tolist() == [pd.Timestamp("2026-03-04 18:30:00")]
    assert unified["sound"].tolist() == ["original sound"]
    assert unified["views"].tolist() == [5000]
