from datetime import date

import pandas as pd

from mediakit.analytics import growth
from mediakit.analytics.posts import to_post
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
