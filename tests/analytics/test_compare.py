from datetime import date

import pandas as pd

from mediakit.analytics.compare import periods
from tests.helpers import daily, posts


def _days(first: str, count: int, views: int, followers_start: int, per_day: int) -> list[dict]:
    return [{"date": day.date().isoformat(), "views": views,
             "followers": followers_start + per_day * i}
            for i, day in enumerate(pd.date_range(first, periods=count))]


def test_last_30_days_against_the_30_before():
    # Jan 1 .. Mar 1 (60 days): first 30 days 100 views/day, last 30 days 150 views/day,
    # followers +2 a day throughout. Plus one more day before so the earlier gain is known.
    rows = _days("2025-12-31", 1, 0, 998, 0) + _days("2026-01-01", 30, 100, 1_000, 2)
    rows += _days("2026-01-31", 30, 150, 1_060, 2)
    table = daily(rows)
    listed = posts([
        {"post_id": "a", "posted_at": "2026-01-10 18:00", "views": 1_000},
        {"post_id": "b", "posted_at": "2026-02-10 18:00", "views": 3_000},
        {"post_id": "c", "posted_at": "2026-02-20 18:00", "views": 5_000},
    ])
    rows = {row.key: row for row in periods(table, listed, date(2026, 3, 1))}
    # views: 30 x 150 = 4,500 against 30 x 100 = 3,000: +50%
    assert (rows["views"].current, rows["views"].previous) == (4_500.0, 3_000.0)
    assert rows["views"].change == 1_500.0 and rows["views"].change_rate == 0.5
    assert rows["views"].complete
    # followers Mar 1 = 1,118; Jan 30 = 1,058; Dec 31 = 998 -> 60 and 60: no change
    assert (rows["followers_gained"].current, rows["followers_gained"].previous) == (60.0, 60.0)
    assert rows["followers_gained"].change_rate == 0.0
    assert (rows["posts"].current, rows["posts"].previous) == (2.0, 1.0)
    # median views of posts published: (3,000 + 5,000) / 2 = 4,000 against 1,000: +300%
    assert rows["median_views"].current == 4_000.0 and rows["median_views"].change_rate == 3.0
    assert rows["median_views"].note == "over 2 and 1 posts with a view count"
    assert "profile_views" not in rows  # no data in either period: no row


def test_an_incomplete_period_is_flagged_and_a_zero_base_has_no_rate():
    table = daily([{"date": "2026-03-01", "views": 10}, {"date": "2026-01-20", "views": 0}])
    row = next(r for r in periods(table, posts([]), date(2026, 3, 1)) if r.key == "views")
    assert not row.complete
    assert row.change == 10.0 and row.change_rate is None  # from 0: a rate would be infinite
