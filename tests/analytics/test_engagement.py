from mediakit.analytics import engagement
from tests.helpers import posts


def test_rate_per_view_is_total_interactions_over_total_views():
    table = posts([
        {"post_id": "a", "views": 1000, "likes": 80, "comments": 5, "shares": 15},
        {"post_id": "b", "views": 3000, "likes": 150, "comments": 20, "shares": 30},
    ])
    # (80 + 5 + 15 + 150 + 20 + 30) / (1000 + 3000) = 300 / 4000 = 0.075
    assert engagement.rate_per_view(table) == 0.075


def test_saves_count_where_the_platform_reports_them():
    table = posts([
        {"post_id": "a", "views": 1000, "likes": 50, "comments": 5, "shares": 5, "saves": 40},
    ])
    # (50 + 5 + 5 + 40) / 1000 = 0.1
    assert engagement.rate_per_view(table) == 0.1


def test_posts_without_views_or_counts_do_not_enter_the_rate():
    table = posts([
        {"post_id": "a", "views": 1000, "likes": 100, "comments": 0, "shares": 0},
        {"post_id": "b", "views": 0, "likes": 10, "comments": 0, "shares": 0},
        {"post_id": "c", "views": 500, "likes": None, "comments": 1, "shares": 1},
    ])
    # only "a": 100 / 1000
    assert engagement.rate_per_view(table) == 0.1


def test_no_rated_posts_means_no_rate():
    table = posts([{"post_id": "a", "views": None, "likes": 3, "comments": 0, "shares": 0}])
    assert engagement.rate_per_view(table) is None
