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


def _rates(table, followers=None):
    return {rate.key: rate for rate in engagement.rates(table, followers)}


def test_headline_rates_use_medians_so_one_viral_post_does_not_decide():
    table = posts([
        {"post_id": "a", "views": 1_000, "likes": 80, "comments": 10, "shares": 10},
        {"post_id": "b", "views": 2_000, "likes": 150, "comments": 20, "shares": 30},
        {"post_id": "c", "views": 1_000_000, "likes": 30_000, "comments": 1_000, "shares": 500},
    ])
    rates = _rates(table, followers=5_000)
    # interactions: 100, 200, 31,500 -> median 200; views median 2,000 -> 200 / 2,000 = 0.1
    assert rates["per_view"].value == 0.1
    assert rates["per_view"].denominator == "view"
    # per follower: median interactions 200 / 5,000 followers = 0.04
    assert rates["per_follower"].value == 0.04
    assert rates["per_follower"].denominator == "follower"
    # views-weighted: (100 + 200 + 31,500) / (1,000 + 2,000 + 1,000,000) = 31,800 / 1,003,000
    assert rates["total_per_view"].value == 31_800 / 1_003_000
    assert rates["per_view"].posts == 3


def test_per_view_is_median_over_median_not_the_median_of_per_post_rates():
    table = posts([
        {"post_id": "a", "views": 1_000, "likes": 40, "comments": 5, "shares": 5},
        {"post_id": "b", "views": 2_000, "likes": 250, "comments": 25, "shares": 25},
        {"post_id": "c", "views": 4_000, "likes": 350, "comments": 25, "shares": 25},
    ])
    rates = _rates(table, followers=10_000)
    # interactions 50, 300, 400 -> median 300; views median 2,000 -> 300 / 2,000 = 0.15.
    # (The median of the per-post rates would be 0.1: 0.05, 0.15, 0.1; the views-weighted
    # rate 750 / 7,000 = 0.107.)
    assert rates["per_view"].value == 0.15
    assert rates["per_follower"].value == 300 / 10_000
    assert rates["total_per_view"].value == 750 / 7_000


def test_breakdown_rates_add_up_to_the_total():
    table = posts([
        {"post_id": "a", "views": 1_000, "likes": 60, "comments": 5, "shares": 15, "saves": 20},
        {"post_id": "b", "views": 3_000, "likes": 240, "comments": 15, "shares": 25, "saves": 20},
    ])
    rates = _rates(table)
    # likes 300 / 4,000 = 0.075; comments 20 / 4,000 = 0.005; shares 40 / 4,000 = 0.01;
    # saves 40 / 4,000 = 0.01; together 400 / 4,000 = 0.1
    assert rates["likes_per_view"].value == 0.075
    assert rates["comments_per_view"].value == 0.005
    assert rates["shares_per_view"].value == 0.01
    assert rates["saves_per_view"].value == 0.01
    parts = sum(rates[f"{name}_per_view"].value for name in ("likes", "comments", "shares",
                                                              "saves"))
    assert abs(parts - rates["total_per_view"].value) < 1e-12
    assert rates["per_view"].numerator == "likes + comments + shares + saves"


def test_per_reach_only_where_reach_exists_and_no_follower_rate_without_followers():
    table = posts([
        {"post_id": "a", "views": 1_000, "reach": 500, "likes": 40, "comments": 5, "shares": 5},
        {"post_id": "b", "views": 2_000, "reach": None, "likes": 90, "comments": 5, "shares": 5},
    ])
    rates = _rates(table)
    # only post a has reach: 50 / 500 = 0.1
    assert rates["per_reach"].value == 0.1 and rates["per_reach"].posts == 1
    assert "per_follower" not in rates
    assert "saves_per_view" not in rates  # TikTok-like: no saves reported at all


def test_no_rated_posts_no_rates():
    table = posts([{"post_id": "a", "views": 100, "likes": None, "comments": 1, "shares": 1}])
    assert engagement.rates(table, 1_000) == []


def test_one_post_rate():
    table = posts([
        {"post_id": "a", "views": 2_000, "likes": 150, "comments": 30, "shares": 20},
        {"post_id": "b", "views": 0, "likes": 1, "comments": 0, "shares": 0},
    ])
    rows = list(table.itertuples(index=False))
    assert engagement.post_rate(rows[0]) == 0.1  # 200 / 2,000
    assert engagement.post_rate(rows[1]) is None  # no views: undefined, not infinite
