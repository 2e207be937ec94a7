from datetime import date

import pandas as pd

from mediakit.analytics import growth
from mediakit.analytics.posts import to_post
from mediakit.analytics.reach import followers_on
from tests.helpers import daily, posts


def _counts(start_day: int, values: list[int | None], month: str = "2026-01") -> list[dict]:
    return [{"date": f"{month}-{start_day + i:02d}", "followers": value}
            for i, value in enumerate(values)]


def test_period_change_and_rate():
    table = daily(_counts(1, [1_000, 1_010, 1_020, 1_030, 1_040, 1_050, 1_060, 1_100]))
    result = growth.period(table, date(2026, 1, 8), 7)
    # as_of Jan 8 (1,100) vs Jan 1 (1,000): +100, 100 / 1,000 = 10%, 100 / 7 per day
    assert (result.start, result.end, result.change) == (1_000, 1_100, 100)
    assert result.rate == 0.1
    assert result.per_day == 100 / 7


def test_a_period_the_counts_do_not_reach_back_to_is_not_reported():
    table = daily(_counts(2, [1_010, 1_020, 1_030]))
    assert growth.period(table, date(2026, 1, 4), 7) is None  # counts start Jan 2, need Dec 28
    assert growth.period(table, date(2026, 1, 4), 2).change == 20  # Jan 2 -> Jan 4


def test_daily_gains_only_between_consecutive_known_days():
    table = daily(_counts(1, [100, 110, None, 140, 145]))
    gains = growth.daily_gains(table, date(2026, 1, 5))
    # Jan 2: +10; Jan 3 unknown so Jan 4 has no gain; Jan 5: +5
    assert {d.day: int(v) for d, v in gains.items()} == {2: 10, 5: 5}


def test_best_days_name_the_posts_of_that_day_and_the_two_before():
    table = daily([
        {"date": "2026-01-01", "followers": 100, "views": 1_000},
        {"date": "2026-01-02", "followers": 105, "views": 1_200},
        {"date": "2026-01-03", "followers": 505, "views": 90_000},
        {"date": "2026-01-04", "followers": 555, "views": 20_000},
    ])
    listed = posts([
        {"post_id": "old", "posted_at": "2025-12-31 18:00", "views": 900},
        {"post_id": "hit", "posted_at": "2026-01-02 19:00", "views": 100_000},
        {"post_id": "next", "posted_at": "2026-01-04 12:00", "views": 5_000},
    ])
    days = growth.best_days(table, listed, date(2026, 1, 4), to_post, top=2)
    # gains: Jan 2 +5, Jan 3 +400, Jan 4 +50 -> Jan 3 then Jan 4
    assert [(d.date, d.gain, d.views) for d in days] == [("2026-01-03", 400, 90_000),
                                                          ("2026-01-04", 50, 20_000)]
    assert [p.post_id for p in days[0].posts] == ["hit"]  # Jan 1..3; "old" is Dec 31
    assert [p.post_id for p in days[1].posts] == ["hit", "next"]  # most viewed first


def test_projection_pace_and_range():
    # 91 days of counts: +10 a day for 60 days, then +40 a day for 30 days
    values = [1_000 + 10 * i for i in range(61)] + [1_600 + 40 * i for i in range(1, 31)]
    rows = [{"date": day.date().isoformat(), "followers": value}
            for day, value in zip(pd.date_range("2026-01-01", periods=91), values, strict=True)]
    table = daily(rows)
    as_of = date(2026, 4, 1)
    p30, p90 = growth.projections(table, as_of)
    # end = 1,600 + 1,200 = 2,800 on Apr 1; the basis is the 90 days back to Jan 1 (1,000):
    # pace = (2,800 - 1,000) / 90 = 20 a day -> 30 days: 2,800 + 600 = 3,400
    assert p30.basis_days == 90 and p30.pace_per_day == 20.0
    assert p30.expected == 3_400 and p90.expected == 2_800 + 1_800
    # 30-day stretches: slowest 10 x 30 = 300, fastest 40 x 30 = 1,200
    assert (p30.low, p30.high) == (2_800 + 300, 2_800 + 1_200)
    assert (p90.low, p90.high) == (2_800 + 900, 2_800 + 3_600)
    assert p30.low <= p30.expected <= p30.high


def test_no_projection_from_less_than_30_days():
    table = daily(_counts(1, [100 + i for i in range(20)]))
    assert growth.projections(table, date(2026, 1, 20)) == []


def test_growth_is_none_without_any_follower_count():
    table = daily([{"date": "2026-01-01", "views": 5}])
    assert growth.growth(table, posts([]), date(2026, 1, 1), to_post) is None


# Edges mutation testing found untested (issue 15).

def _run(values: list[int | None], start: str = "2026-01-01") -> pd.DataFrame:
    """One follower count a day from ``start`` (None: that day has no count)."""
    days = pd.date_range(start, periods=len(values))
    return daily([{"date": day.date().isoformat(), "followers": value}
                  for day, value in zip(days, values, strict=True) if value is not None])


def test_a_period_without_any_follower_count_is_not_reported():
    """No count at all is "does not reach back", not an IndexError on the first count."""
    table = daily([{"date": "2026-01-01", "views": 5}, {"date": "2026-01-08", "views": 7}])
    assert growth.period(table, date(2026, 1, 8), 7) is None


def test_a_best_day_needs_a_gain_of_at_least_one_follower():
    # counts 100, 100, 101, 101: Jan 2 +0, Jan 3 +1, Jan 4 +0. Only Jan 3 gained; the days
    # that stood still are not "best days" even when fewer than `top` days gained.
    table = daily(_counts(1, [100, 100, 101, 101]))
    days = growth.best_days(table, posts([]), date(2026, 1, 4), to_post)
    assert [(d.date, d.gain) for d in days] == [("2026-01-03", 1)]
    assert days[0].views is None  # no views exported that day: unknown, not 0


def test_best_day_drivers_run_from_midnight_two_days_before_to_the_end_of_the_day():
    # One best day, Jan 3 (+50). Drivers: posted from Jan 1 00:00 (two days before, included)
    # to Jan 3 23:59; Dec 31 23:59 is too old and Jan 4 00:00 is the next day.
    table = daily(_counts(1, [100, 100, 150, 150]))
    listed = posts([
        {"post_id": "too-old", "posted_at": "2025-12-31 23:59", "views": 9_000},
        {"post_id": "first-minute", "posted_at": "2026-01-01 00:00", "views": 500},
        {"post_id": "late", "posted_at": "2026-01-03 23:59", "views": 700},
        {"post_id": "next-day", "posted_at": "2026-01-04 00:00", "views": 8_000},
        {"post_id": "tie-later", "posted_at": "2026-01-02 18:00", "views": 700},
    ])
    (day,) = growth.best_days(table, listed, date(2026, 1, 4), to_post)
    assert (day.date, day.gain) == ("2026-01-03", 50)
    # most viewed first; "late" and "tie-later" both have 700 views: the earlier post first
    assert [p.post_id for p in day.posts] == ["tie-later", "late", "first-minute"]


def test_a_projection_from_exactly_30_days_and_its_horizons():
    # 31 counts, Jan 1 (100) to Jan 31 (130): a span of 30 days is enough (under 30 is not).
    # pace = 30 / 30 = 1 a day; the one 30-day stretch (Jan 1 -> 31) is +30, so the range is
    # the pace itself: 130 + 30 in 30 days, 130 + 90 in 90 days.
    p30, p90 = growth.projections(_run([100 + i for i in range(31)]), date(2026, 1, 31))
    assert (p30.horizon_days, p90.horizon_days) == (30, 90)
    assert (p30.basis_days, p30.pace_per_day) == (30, 1.0)
    assert (p30.low, p30.expected, p30.high) == (160, 160, 160)
    assert (p90.low, p90.expected, p90.high) == (220, 220, 220)


def test_sparse_counts_with_no_30_day_stretch_fall_back_to_the_pace():
    # Counts on Jan 1 (1,000), Jan 16 (1,100) and Feb 1 (1,310) only: a span of 31 days,
    # pace = 310 / 31 = 10 a day. No two counts are exactly 30 days apart, so there is no
    # stretch to give a range: low and high are the pace's 1,310 + 300 (a range of one point,
    # not a crash on an empty minimum).
    values: list[int | None] = [None] * 32
    values[0], values[15], values[31] = 1_000, 1_100, 1_310
    p30, p90 = growth.projections(_run(values), date(2026, 2, 1))
    assert (p30.basis_days, p30.pace_per_day) == (31, 10.0)
    assert (p30.low, p30.expected, p30.high) == (1_610, 1_610, 1_610)
    assert (p90.low, p90.expected, p90.high) == (2_210, 2_210, 2_210)


def test_the_pace_comes_from_the_last_90_days_only():
    # 121 counts, Jan 1 to May 1: flat at 1,000 up to Jan 31, then +10 a day to 1,900 on May 1.
    # The basis starts 90 days before May 1, on Jan 31 (1,000): pace = 900 / 90 = 10 a day
    # (counting from Jan 1 would give 900 / 120 = 7.5; from Jan 30, 900 / 91).
    values = [1_000] * 31 + [1_000 + 10 * i for i in range(1, 91)]
    p30, p90 = growth.projections(_run(values), date(2026, 5, 1))
    assert (p30.basis_days, p30.pace_per_day) == (90, 10.0)
    assert (p30.expected, p90.expected) == (2_200, 2_800)
    # range: the slowest stretch is the first, Jan 1 -> Jan 31, +0; the fastest +300
    assert (p30.low, p30.high) == (1_900, 2_200)
    assert (p90.low, p90.high) == (1_900, 2_800)


def test_the_range_counts_the_stretch_starting_exactly_180_days_back():
    # 182 counts from Jan 1 (i = 0..181), +10 a day (1,000 + 10 i), except two low days at the
    # start: i = 0 (181 days before the last count: outside the range) at 500, and i = 1
    # (exactly 180 days before: inside) at 810. The stretch from i = 1 to i = 31 is
    # 1,310 - 810 = +500, the fastest; every other stretch is +300. (From i = 0 it would be
    # +800, were day 181 counted.) Pace: the last 90 days, i = 91..181, 10 a day.
    values = [1_000 + 10 * i for i in range(182)]
    values[0], values[1] = 500, 810
    p30, _ = growth.projections(_run(values), date(2026, 7, 1))  # i = 181
    assert p30.pace_per_day == 10.0
    assert (p30.low, p30.expected, p30.high) == (2_810 + 300, 2_810 + 300, 2_810 + 500)


def test_a_missing_day_does_not_make_a_31_day_stretch_count_as_30():
    # 61 days from Jan 1 at +10 a day (1,000 .. 1,600), but Feb 15 (i = 45) has no count.
    # Every 30-day stretch between known days is +300 (those that start or end on Feb 15 are
    # skipped), so the range is the pace itself; pairing counts 30 *rows* apart would span 31
    # days across the gap and give +310.
    values: list[int | None] = [1_000 + 10 * i for i in range(61)]
    values[45] = None
    p30, _ = growth.projections(_run(values), date(2026, 3, 2))
    assert (p30.basis_days, p30.pace_per_day) == (60, 10.0)
    assert (p30.low, p30.expected, p30.high) == (1_900, 1_900, 1_900)


def test_two_consecutive_counts_make_one_gain_and_one_count_none():
    # Jan 1: 100, Jan 2: 130 -> one gain, +30 on Jan 2 (the smallest export that has a gain)
    gains = growth.daily_gains(daily(_counts(1, [100, 130])), date(2026, 1, 2))
    assert {d.day: int(v) for d, v in gains.items()} == {2: 30}
    # a single count has nothing to compare with: no gain, no best day (not an error)
    single = daily(_counts(1, [100]))
    assert growth.daily_gains(single, date(2026, 1, 1)).empty
    assert growth.best_days(single, posts([]), date(2026, 1, 1), to_post) == []


def test_a_day_listed_twice_counts_once_with_the_later_row():
    """One count per day; the later row wins, as in followers_on (reach)."""
    table = daily([{"date": "2026-01-01", "followers": 100},
                   {"date": "2026-01-02", "followers": 120},
                   {"date": "2026-01-02", "followers": 125}])
    known = growth.counts(table, date(2026, 1, 2))
    assert [(d.day, int(v)) for d, v in known.items()] == [(1, 100), (2, 125)]


def test_growth_gathers_the_periods_the_counts_reach_the_best_days_and_the_projections():
    # 31 counts, Jan 1 (100) .. Jan 31: +1 a day, except +6 on Jan 10 and +4 on Jan 20
    # (Jan 10 = 100 + 9 + 5 = 114 ... Jan 31 = 100 + 30 + 5 + 3 = 138).
    values = [100]
    for day in range(2, 32):
        values.append(values[-1] + {10: 6, 20: 4}.get(day, 1))
    table = daily(_counts(1, values))
    clip = posts([{"post_id": "clip", "posted_at": "2026-01-09 18:00", "views": 4_000}])
    result = growth.growth(table, clip, date(2026, 1, 31), to_post)
    # 7 days: Jan 24 (131) -> Jan 31 (138); 30 days: Jan 1 (100) -> 138; the counts do not
    # reach back 90 or 365 days, so those periods are left out (not shown as 0)
    assert [(p.days, p.start, p.end, p.change) for p in result.periods] == [
        (7, 131, 138, 7), (30, 100, 138, 38)]
    # best days: +6 (Jan 10), +4 (Jan 20), then the +1 days, earliest first (Jan 2, 3, 4)
    assert [(d.date, d.gain) for d in result.best_days] == [
        ("2026-01-10", 6), ("2026-01-20", 4), ("2026-01-02", 1), ("2026-01-03", 1),
        ("2026-01-04", 1)]
    # the clip of Jan 9 is a driver of Jan 10 only (0-2 days old), listed as a page Post
    assert [[p.post_id for p in d.posts] for d in result.best_days] == [["clip"], [], [], [], []]
    # projections: a span of 30 days, pace 38 / 30 a day
    assert [(p.horizon_days, p.basis_days) for p in result.projections] == [(30, 30), (90, 30)]
    assert result.projections[0].expected == 138 + 38


def test_the_later_row_of_a_day_wins_however_many_rows_there_are():
    """The later row wins for long tables too (an unstable sort picked either)."""
    # 60 days listed newest first (1,000 + i on day i), then every day again with 5,000 more:
    # each day's count is the second row's, so from 6,000 on Jan 1 to 6,059 on Mar 1
    days = list(enumerate(pd.date_range("2026-01-01", periods=60)))[::-1]
    rows = [{"date": day.date().isoformat(), "followers": 1_000 + i} for i, day in days]
    rows += [{**row, "followers": row["followers"] + 5_000} for row in rows]
    table = daily(rows)
    known = growth.counts(table, date(2026, 3, 1))
    assert list(known) == [6_000 + i for i in range(60)]
    # followers_on (reach) agrees day by day
    assert [followers_on(table, day.date()) for _, day in days[::-1]] == list(known)
