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


def test_window_and_week_edges_count_each_post_once():
    """Mar 1 (first day, a date-only post at midnight), Mar 7 and 8 (the seam between the two
    weeks) and Mar 14 (the export's own day) all count, each in exactly one week."""
    table = posts([
        {"post_id": "feb", "posted_at": "2026-02-28"},  # the day before the window
        {"post_id": "first", "posted_at": "2026-03-01"},  # YouTube gives dates without a time
        {"post_id": "seam-a", "posted_at": "2026-03-07 23:59"},
        {"post_id": "seam-b", "posted_at": "2026-03-08 00:00"},
        {"post_id": "today", "posted_at": "2026-03-14 08:00"},
        {"post_id": "later", "posted_at": "2026-03-15 08:00"},  # after as_of: not yet
    ])
    result = cadence(table, date(2026, 3, 14), days=14)
    assert result.window_days == 14
    assert result.posts == 4  # first, seam-a, seam-b, today
    assert result.posts_per_week == 2.0  # 4 posts / (14 / 7) weeks
    assert result.weekly_counts == [("2026-03-07", 2), ("2026-03-14", 2)]
    # gaps: Mar 1 -> 7 (6 days), 7 -> 8 (1), 8 -> 14 (6), 14 -> as-of 14 (0)
    assert result.longest_gap_days == 6
    assert result.days_since_last_post == 0


def test_posts_only_before_the_window_leave_no_gap_and_no_active_week():
    table = posts([{"post_id": "a", "posted_at": "2026-01-05 12:00"}])
    result = cadence(table, date(2026, 3, 14), days=14)
    assert result.posts == 0 and result.posts_per_week == 0.0
    assert result.longest_gap_days is None  # no post inside the window to measure from
    assert result.days_since_last_post == 68  # Jan 5 -> Mar 14: 26 + 28 + 14
    assert result.active_weeks_share == 0.0


def test_a_window_shorter_than_a_week_has_no_weeks():
    table = posts([{"post_id": "a", "posted_at": "2026-03-13 12:00"}])
    result = cadence(table, date(2026, 3, 14), days=5)
    assert result.weekly_counts == []
    assert result.active_weeks_share == 0.0  # no week to be active in, not a division by zero
    assert result.posts == 1 and result.posts_per_week == 1 / (5 / 7)
