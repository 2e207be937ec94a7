from datetime import date

import pandas as pd

from mediakit.analytics.windows import recent_posts, span
from tests.helpers import posts


def _posts(dates: list[str]) -> list[dict]:
    return [{"post_id": f"p{i:02d}", "posted_at": day, "views": 100 + i}
            for i, day in enumerate(dates)]


def test_the_day_window_wins_when_it_holds_more_posts():
    # 5 posts in the last 10 days, the "last 3 posts" rule would hold only 3
    table = posts(_posts(["2026-01-01", "2026-03-02", "2026-03-04", "2026-03-06", "2026-03-08",
                          "2026-03-10"]))
    window, rule = recent_posts(table, date(2026, 3, 10), count=3, days=10)
    # 10 days ending 2026-03-10 start on 2026-03-01: p01..p05 (5 posts) > 3
    assert rule == "last 10 days"
    assert list(window["post_id"]) == ["p01", "p02", "p03", "p04", "p05"]


def test_the_post_window_wins_for_a_creator_who_posts_rarely():
    table = posts(_posts(["2025-06-01", "2025-09-01", "2025-12-01", "2026-03-01"]))
    window, rule = recent_posts(table, date(2026, 3, 10), count=3, days=10)
    # last 10 days hold 1 post (2026-03-01); the last 3 posts are p01, p02, p03
    assert rule == "last 3 posts"
    assert list(window["post_id"]) == ["p01", "p02", "p03"]


def test_posts_without_views_or_date_or_after_as_of_are_left_out():
    table = posts([
        {"post_id": "a", "posted_at": "2026-03-01", "views": 10},
        {"post_id": "b", "posted_at": "2026-03-02", "views": None},
        {"post_id": "c", "posted_at": None, "views": 30},
        {"post_id": "d", "posted_at": "2026-03-12", "views": 40},
    ])
    window, _ = recent_posts(table, date(2026, 3, 10), count=30, days=90)
    assert list(window["post_id"]) == ["a"]


def test_a_tie_goes_to_the_day_window():
    table = posts(_posts(["2026-03-09", "2026-03-10"]))
    _, rule = recent_posts(table, date(2026, 3, 10), count=2, days=5)
    assert rule == "last 5 days"


def test_with_fewer_posts_than_the_count_the_rule_says_so():
    table = posts(_posts(["2025-06-01", "2025-09-01"]))
    window, rule = recent_posts(table, date(2026, 3, 10), count=30, days=90)
    assert rule == "posts with a view count" and len(window) == 2


def test_a_span_says_how_many_days_of_the_window_the_data_covers():
    # Data Feb 1 .. Feb 28 2026 (28 days); the 30 days ending Feb 28 start on Jan 30
    days = pd.Series(pd.date_range("2026-02-01", "2026-02-28"))
    short = span(days, date(2026, 2, 28), 30)
    assert (short.days, short.covered_days, short.first, short.last) == (
        30, 28, "2026-02-01", "2026-02-28")
    assert short.ends_on_as_of and not short.full
    # the 7 days ending Feb 28 (Feb 22 .. 28) are all there
    assert span(days, date(2026, 2, 28), 7).full
    # as_of two days after the data: Feb 1 .. 28 inside Feb 1 .. Mar 2, ending before as_of
    late = span(days, date(2026, 3, 2), 30)
    assert (late.covered_days, late.ends_on_as_of, late.full) == (28, False, False)
    # no day inside the window: no span (the figure is unknown, not zero)
    assert span(days, date(2026, 1, 15), 10) is None


def test_a_date_only_post_on_the_first_day_of_the_window_is_inside():
    # 7 days ending Mar 10 start on Mar 4 at midnight, which is when a date-only post "is"
    table = posts(_posts(["2026-03-03", "2026-03-04", "2026-03-09"]))
    window, rule = recent_posts(table, date(2026, 3, 10), count=1, days=7)
    assert rule == "last 7 days"  # 2 posts in the days beat the last 1 post
    assert list(window["post_id"]) == ["p01", "p02"]
