from datetime import date

from mediakit.analytics.cadence import cadence
from tests.helpers import posts


def test_posts_per_week_gap_and_active_weeks():
    table = posts([
        {"post_id": "old", "posted_at": "2026-01-01 10:00"},  # before the 14-day window
        {"post_id": "a", "posted_at": "2026-03-02 18:00"},
        {"post_id": "b", "posted_at": "2026-03-03 19:00", "views": 10},
        {"post_id": "c", "posted_at": "2026-03-10 20:00"},
    ])
    result = cadence(table, date(2026, 3, 14), days=14)
    # window Mar 1..Mar 14: 3 posts over 2 weeks = 1.5 a week
    assert result.posts == 3 and result.posts_per_week == 1.5
    # weeks counted back from Mar 14: Mar 1-7 (a, b) and Mar 8-14 (c): both active
    assert result.weekly_counts == [("2026-03-07", 2), ("2026-03-14", 1)]
    assert result.active_weeks_share == 1.0
    # gaps: Mar 2 -> 3 (1 day), Mar 3 -> 10 (7 days), Mar 10 -> as-of Mar 14 (4 days)
    assert result.longest_gap_days == 7
    assert result.days_since_last_post == 4


def test_a_quiet_stretch_shows_in_the_weeks_and_the_gap():
    table = posts([{"post_id": "a", "posted_at": "2026-03-01 09:00"}])
    result = cadence(table, date(2026, 3, 21), days=21)
    # weeks ending Mar 7 (1 post), Mar 14 (0), Mar 21 (0) -> 1/3 active; gap Mar 1 -> 21
    assert [count for _, count in result.weekly_counts] == [1, 0, 0]
    assert abs(result.active_weeks_share - 1 / 3) < 1e-12
    assert result.longest_gap_days == 20


def test_no_dated_posts_no_cadence():
    assert cadence(posts([{"post_id": "a", "posted_at": None}]), date(2026, 3, 1)) is None
