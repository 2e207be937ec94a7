from datetime import date

from mediakit.analytics import reach
from tests.helpers import daily, posts


def test_followers_on_takes_last_known_count_on_or_before_the_day():
    table = daily([
        {"date": "2026-01-01", "followers": 100},
        {"date": "2026-01-02", "followers": None},  # "undefined" in the export
        {"date": "2026-01-03", "followers": 130},
    ])
    assert reach.followers_on(table, date(2026, 1, 2)) == 100  # the 2nd is missing: use the 1st
    assert reach.followers_on(table, date(2026, 1, 3)) == 130
    assert reach.followers_on(table, date(2025, 12, 31)) is None  # before any data


def test_window_sum_includes_both_ends_and_skips_missing_days():
    table = daily([
        {"date": "2026-01-01", "views": 1000},  # outside a 3-day window ending on the 4th
        {"date": "2026-01-02", "views": 10},
        {"date": "2026-01-03", "views": None},
        {"date": "2026-01-04", "views": 5},
    ])
    # 3 days ending 2026-01-04 = the 2nd, 3rd, 4th: 10 + (missing) + 5 = 15
    assert reach.window_sum(table, "views", date(2026, 1, 4), 3) == 15


def test_window_sum_is_none_when_no_day_has_a_value():
    table = daily([{"date": "2026-01-01", "views": None}])
    assert reach.window_sum(table, "views", date(2026, 1, 1), 30) is None


def test_negative_daily_values_are_summed_as_they_are():
    table = daily([{"date": "2026-01-01", "comments": 4}, {"date": "2026-01-02", "comments": -1}])
    assert reach.window_sum(table, "comments", date(2026, 1, 2), 2) == 3  # 4 + (-1)


def test_median_is_not_pulled_up_by_a_viral_post_but_the_mean_is():
    table = posts([
        {"post_id": "a", "views": 1_000},
        {"post_id": "b", "views": 3_000},
        {"post_id": "c", "views": 2_000},
        {"post_id": "d", "views": 2_000_000},  # the viral hit
        {"post_id": "e", "views": None},  # no count: not part of either
    ])
    # sorted known views: 1000, 2000, 3000, 2000000 -> median (2000 + 3000) / 2 = 2500
    assert reach.median_views(table) == 2500.0
    # mean = (1000 + 3000 + 2000 + 2000000) / 4 = 501500
    assert reach.mean_views(table) == 501_500.0


def test_posts_after_as_of_are_left_out_but_undated_posts_stay():
    table = posts([
        {"post_id": "a", "posted_at": "2026-01-01", "views": 1},
        {"post_id": "b", "posted_at": "2026-01-05 21:30", "views": 2},
        {"post_id": "c", "posted_at": None, "views": 3},
    ])
    kept = reach.posts_upto(table, date(2026, 1, 4))
    assert sorted(kept["post_id"]) == ["a", "c"]
    kept = reach.posts_upto(table, date(2026, 1, 5))  # an evening post on as_of counts
    assert sorted(kept["post_id"]) == ["a", "b", "c"]


def test_window_mean_averages_the_days_that_have_a_value():
    table = daily([
        {"date": "2026-01-01", "views": 100},
        {"date": "2026-01-02", "views": None},
        {"date": "2026-01-03", "views": 300},
    ])
    # (100 + 300) / 2 days with a value = 200
    assert reach.window_mean(table, "views", date(2026, 1, 3), 3) == 200.0
    assert reach.window_mean(table, "profile_views", date(2026, 1, 3), 3) is None


def test_returning_share_is_returning_over_all_viewers():
    # 300 / (700 + 300) = 0.3
    assert reach.returning_share(700, 300) == 0.3
    assert reach.returning_share(0, 0) is None  # no viewers: no share, not 0%
    assert reach.returning_share(0, 1) == 1.0  # a single viewer, who came back: all of them
    assert reach.returning_share(None, 300) is None


def test_views_to_followers():
    # 4,000 typical views / 10,000 followers = 0.4
    assert reach.views_to_followers(4_000.0, 10_000) == 0.4
    assert reach.views_to_followers(4_000.0, None) is None
    assert reach.views_to_followers(None, 10_000) is None


def test_reach_stats_over_a_window_and_the_last_30_days():
    days = daily([
        {"date": f"2026-01-{day:02d}", "views": 1_000, "profile_views": 10, "reached": 600,
         "new_viewers": 400, "returning_viewers": 100}
        for day in range(1, 31)
    ])
    window = posts([
        {"post_id": "a", "posted_at": "2026-01-05", "views": 1_000},
        {"post_id": "b", "posted_at": "2026-01-10", "views": 3_000},
        {"post_id": "c", "posted_at": "2026-01-20", "views": 50_000},
    ])
    stats = reach.reach_stats(days, window, "last 90 days", 10_000, date(2026, 1, 30))
    assert (stats.window.rule, stats.window.posts) == ("last 90 days", 3)
    assert (stats.window.first, stats.window.last) == ("2026-01-05", "2026-01-20")
    assert stats.median_views == 3_000.0  # middle of 1,000 / 3,000 / 50,000
    assert stats.mean_views == 18_000.0  # 54,000 / 3
    assert (stats.min_views, stats.max_views) == (1_000, 50_000)
    assert stats.views_per_day_30d == 1_000.0
    assert stats.profile_views_30d == 300  # 10 x 30 days
    assert stats.unique_viewers_per_day_30d == 600.0
    assert (stats.new_viewers_30d, stats.returning_viewers_30d) == (12_000, 3_000)
    assert stats.returning_share == 0.2  # 3,000 / 15,000
    assert stats.views_to_followers == 0.3  # 3,000 / 10,000
    assert stats.views_span.full and stats.span_30d.full  # Jan 1 .. 30: all 30 days


def test_a_28_day_export_has_a_28_day_span_and_its_mean_is_over_28_days():
    # Feb 1 .. Feb 28 2026, views 1,000 + i on day i (i = 0..27):
    # sum = 28 x 1,000 + (0 + ... + 27) = 28,000 + 378 = 28,378; mean = 28,378 / 28 = 1,013.5
    # (not / 30 = 945.9): the label must say 28 days, which the span carries.
    days = daily([{"date": f"2026-02-{i + 1:02d}", "views": 1_000 + i, "profile_views": 5}
                  for i in range(28)])
    stats = reach.reach_stats(days, posts([]), "last 90 days", None, date(2026, 2, 28))
    assert stats.views_per_day_30d == 1_013.5
    assert stats.profile_views_30d == 140  # 5 x 28
    assert (stats.views_span.days, stats.views_span.covered_days) == (30, 28)
    assert (stats.span_30d.first, stats.span_30d.last) == ("2026-02-01", "2026-02-28")
    assert not stats.span_30d.full
    # no posts in the window: no first or last post date (None, not "NaT")
    assert (stats.window.posts, stats.window.first, stats.window.last) == (0, None, None)
