"""The history merge, as properties: idempotent, and no row an older export had is ever dropped.

A random "truth" (days of numbers, posts with lifetime totals) is cut into overlapping exports,
some cells missing ("undefined") and some re-counted later; the exports are merged one after the
other into history files on disk, the way successive builds do.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from mediakit import history
from mediakit.tables import Account
from tests.fuzzing import fuzz
from tests.helpers import daily, posts

FUZZ = fuzz(20, 300)
DAILY = ("followers", "views", "likes")
VALUE = st.one_of(st.none(), st.integers(-5, 10**9))


@st.composite
def daily_exports(draw: st.DrawFn) -> list[list[dict]]:
    """Exports of a 40-day stretch: each a window of days; a cell may be missing or re-counted."""
    exports = []
    for _ in range(draw(st.integers(1, 5))):
        start = draw(st.integers(0, 35))
        end = draw(st.integers(start, min(start + 20, 39)))
        rows = []
        for day in range(start, end + 1):
            row = {"date": (pd.Timestamp("2026-01-01") + pd.Timedelta(days=day)).date()
                   .isoformat()}
            row.update({column: draw(VALUE) for column in DAILY})
            rows.append(row)
        exports.append(rows)
    return exports


def run_builds(exports: list[Account], folder: Path) -> list[bytes]:
    """Merge each export into the history folder as a build does; the daily.csv after each."""
    after = []
    for export in exports:
        merged = history.merge(history.read(folder), export)
        history.write(merged, folder)
        after.append((folder / "daily.csv").read_bytes() if (folder / "daily.csv").exists()
                     else b"")
    return after


def expected_daily(exports: list[list[dict]]) -> dict[tuple[str, str], int | None]:
    """Per day and column: the newest export's known value (a missing one never erases)."""
    truth: dict[tuple[str, str], int | None] = {}
    for rows in exports:
        for row in rows:
            for column in DAILY:
                if row[column] is not None:
                    truth[row["date"], column] = row[column]
                else:
                    truth.setdefault((row["date"], column), None)
    return truth


@FUZZ
@given(exports=daily_exports())
def test_daily_history_keeps_every_day_and_merging_again_changes_no_byte(
        exports: list[list[dict]]) -> None:
    folder = Path(tempfile.mkdtemp())
    try:
        accounts = [Account(daily=daily(rows)) for rows in exports]
        first = run_builds(accounts, folder)
        kept = history.read(folder).daily
        found = {(row.date.date().isoformat(), column): getattr(row, column)
                 for row in kept.itertuples() for column in DAILY}
        for key, value in expected_daily(exports).items():
            got = found[key]  # KeyError here would mean a day an export had was dropped
            assert (None if pd.isna(got) else int(got)) == value, key
        assert run_builds(accounts[-1:], folder)[-1] == first[-1]  # the same download again
        assert run_builds(accounts, folder)[-1] == first[-1]  # every old download put back
        assert run_builds([Account()], folder)[-1] == first[-1]  # exports deleted: history stays
    finally:
        shutil.rmtree(folder)


@st.composite
def post_snapshots(draw: st.DrawFn) -> list[list[dict]]:
    """Content exports on successive days: each lists some posts with their totals so far."""
    snapshots = []
    for number in range(draw(st.integers(1, 4))):
        seen = (pd.Timestamp("2026-03-01") + pd.Timedelta(days=7 * number)).date().isoformat()
        ids = draw(st.lists(st.sampled_from("abcdefgh"), unique=True, max_size=6))
        snapshots.append([{"post_id": post_id, "posted_at": "2026-02-20",
                           "snapshot_date": seen, "views": draw(VALUE), "likes": draw(VALUE),
                           "title": draw(st.sampled_from(["a song", "", "NO", "1.10"]))}
                          for post_id in ids])
    return snapshots


@FUZZ
@given(snapshots=post_snapshots())
def test_posts_history_keeps_every_post_and_the_latest_known_totals(
        snapshots: list[list[dict]]) -> None:
    folder = Path(tempfile.mkdtemp())
    try:
        for rows in snapshots:
            merged = history.merge(history.read(folder), Account(posts=posts(rows)))
            history.write(merged, folder)
        kept = history.read(folder).posts.set_index("post_id")
        for column in ("views", "likes"):
            latest: dict[str, int | None] = {}
            for rows in snapshots:  # oldest first; a missing value never erases a known one
                for row in rows:
                    if row[column] is not None:
                        latest[row["post_id"]] = row[column]
                    else:
                        latest.setdefault(row["post_id"], None)
            assert set(kept.index) == set(latest)
            for post_id, value in latest.items():
                got = kept.loc[post_id, column]
                assert (None if pd.isna(got) else int(got)) == value, (post_id, column)
        again = {name: (folder / name).read_bytes() for name in os.listdir(folder)}
        history.write(history.merge(history.read(folder), Account(posts=posts(snapshots[-1]))),
                      folder)
        assert {name: (folder / name).read_bytes() for name in os.listdir(folder)} == again
    finally:
        shutil.rmtree(folder)
