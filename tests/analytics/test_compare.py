from datetime import date

import pandas as pd

from mediakit.analytics.compare import periods, relative_change
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
    assert rows["median_views"].complete is True  # posts with views on both sides
    # followers first, then the daily sums in their fixed order, posts, median views; every
    # row labelled for the page, and followers and post counts always complete
    result = periods(table, listed, date(2026, 3, 1))
    assert [(r.key, r.label) for r in result] == [
        ("followers_gained", "Followers gained"), ("views", "Video views"),
        ("posts", "Posts published"), ("median_views", "Median views of posts published")]
    assert rows["followers_gained"].complete is True and rows["posts"].complete is True
    assert "profile_views" not in rows  # no data in either period: no row


def test_periods_the_data_does_not_span_are_not_compared():
    # One day of data in each 30-day period: 10 views on Mar 1 against 0 on Jan 20 is no change
    table = daily([{"date": "2026-03-01", "views": 10}, {"date": "2026-01-20", "views": 0}])
    row = next(r for r in periods(table, posts([]), date(2026, 3, 1)) if r.key == "views")
    assert not row.complete
    assert (row.current, row.previous) == (10.0, 0.0)
    assert row.change is None and row.change_rate is None
    assert (row.span.covered_days, row.span.first) == (1, "2026-03-01")
    assert (row.previous_span.covered_days, row.previous_span.first) == (1, "2026-01-20")


def test_a_zero_base_gives_the_difference_but_no_rate():
    # 60 days, 0 views a day in the first 30 and 1 a day in the last 30: +30, from 0 no rate
    rows = [{"date": day.date().isoformat(), "views": 0 if i < 30 else 1}
            for i, day in enumerate(pd.date_range("2026-01-01", periods=60))]
    row = next(r for r in periods(daily(rows), posts([]), date(2026, 3, 1)) if r.key == "views")
    assert (row.current, row.previous, row.change) == (30.0, 0.0, 30.0)
    assert row.change_rate is None  # from 0: a rate would be infinite


def test_comments_below_zero_give_the_difference_not_a_percentage():
    # TikTok's daily comment counts go below zero (deleted comments). 60 days ending Mar 1:
    # Jan 1 .. Jan 30 has six days of -1 (sum -6), Jan 31 .. Mar 1 two days of -1 (sum -2).
    # Comments rose by -2 - (-6) = +4; "(-2 - -6) / -6 = -66.7%" would say they fell.
    rows = [{"date": day.date().isoformat(), "comments": -1 if i in (3, 8, 12, 19, 22, 27, 40, 55)
             else 0} for i, day in enumerate(pd.date_range("2026-01-01", periods=60))]
    row = next(r for r in periods(daily(rows), posts([]), date(2026, 3, 1))
               if r.key == "comments")
    assert (row.current, row.previous) == (-2.0, -6.0)
    assert row.change == 4.0
    assert row.change_rate is None


def test_a_28_day_export_is_summed_over_its_28_days_and_not_compared():
    # Feb 1 .. Feb 28 2026, 100 views a day, as_of Mar 1 is not in the data: the "last 30 days"
    # ending Feb 28 hold 28 days: 28 x 100 = 2,800; the 30 days before have nothing.
    rows = [{"date": day.date().isoformat(), "views": 100}
            for day in pd.date_range("2026-02-01", "2026-02-28")]
    row = next(r for r in periods(daily(rows), posts([]), date(2026, 2, 28)) if r.key == "views")
    assert (row.current, row.previous, row.change, row.change_rate) == (2_800.0, None, None, None)
    assert (row.span.days, row.span.covered_days, row.span.full) == (30, 28, False)
    assert row.previous_span is None


def test_views_known_on_one_side_only_are_not_a_complete_comparison():
    # 30 full days of views ending Mar 1 (Jan 31 .. Mar 1), nothing in the 30 before: the
    # current side is complete, the previous one missing, so the row is not complete
    rows = [{"date": day.date().isoformat(), "views": 10}
            for day in pd.date_range("2026-01-31", "2026-03-01")]
    row = next(r for r in periods(daily(rows), posts([]), date(2026, 3, 1)) if r.key == "views")
    assert (row.current, row.previous, row.complete) == (300.0, None, False)


def test_median_views_with_posts_on_one_side_or_one_post_a_side():
    # Posts with views only in the current 30 days (one, Feb 10): a row, not complete, with
    # nothing to compare; only in the previous 30 days (Jan 10): the same the other way round
    table = daily([{"date": "2026-03-01", "views": 1}])
    now = posts([{"post_id": "b", "posted_at": "2026-02-10 18:00", "views": 3_000}])
    then = posts([{"post_id": "a", "posted_at": "2026-01-10 18:00", "views": 1_000}])

    def median_row(listed):
        return next(r for r in periods(table, listed, date(2026, 3, 1)) if r.key == "median_views")

    row = median_row(now)
    assert (row.current, row.previous, row.change, row.complete) == (3_000.0, None, None, False)
    assert row.note == "over 1 and 0 posts with a view count"
    row = median_row(then)
    assert (row.current, row.previous, row.complete) == (None, 1_000.0, False)
    # one post a side is enough to compare: 3,000 against 1,000, +200%
    row = median_row(pd.concat([now, then], ignore_index=True))
    assert (row.change, row.change_rate, row.complete) == (2_000.0, 2.0, True)
    # no post at all: no median row (not a row of NaN)
    assert "median_views" not in {r.key for r in periods(table, posts([]), date(2026, 3, 1))}


def test_relative_change_only_on_a_positive_base():
    assert relative_change(5.0, 1.0) == 5.0  # from 1 to 6: +500%
    assert relative_change(None, 10.0) is None  # no difference, no rate
    assert relative_change(5.0, None) is None
    assert relative_change(5.0, 0.0) is None and relative_change(5.0, -2.0) is None
