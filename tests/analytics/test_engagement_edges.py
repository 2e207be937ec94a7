"""Engagement rates at their edges, found unguarded by mutation testing (MUTATION.md)."""

from __future__ import annotations

import pandas as pd

from mediakit.analytics import engagement
from mediakit.analytics.report import Rate
from tests.helpers import posts


def test_one_post_rate_adds_saves_where_the_platform_reports_them():
    table = posts([
        {"post_id": "a", "views": 1_000, "likes": 50, "comments": 5, "shares": 5, "saves": 40},
        {"post_id": "b", "views": 1_000, "likes": 50, "comments": 5, "shares": 5},
    ])
    with_saves, without = table.itertuples(index=False)
    # (50 + 5 + 5 + 40) / 1,000 = 0.1; without saves reported: (50 + 5 + 5) / 1,000 = 0.06
    assert engagement.post_rate(with_saves) == 0.1
    assert engagement.post_rate(without) == 0.06


def test_the_per_view_rate_says_in_words_what_it_divides():
    table = posts([
        {"post_id": "a", "views": 1_000, "likes": 80, "comments": 10, "shares": 10},
        {"post_id": "b", "views": 3_000, "likes": 250, "comments": 25, "shares": 25},
    ])
    (per_view,) = [rate for rate in engagement.rates(table, None) if rate.key == "per_view"]
    assert per_view.label == "Engagement per view"
    assert per_view.method == "median interactions per post ÷ median views per post"
    # interactions 100 and 300 -> median 200; views median 2,000 -> 0.1
    assert (per_view.value, per_view.numerator, per_view.denominator, per_view.posts) == (
        0.1, "likes + comments + shares", "view", 2)


def test_median_rate_is_undefined_without_a_numerator_or_with_a_zero_denominator():
    # medians 5 and 0: nothing to divide by
    assert engagement.median_rate(pd.Series([5.0]), pd.Series([0.0])) is None
    # no known numerator at all
    assert engagement.median_rate(pd.Series([None], dtype="Float64"), pd.Series([10.0])) is None
    # medians 4 and 10 -> 0.4
    assert engagement.median_rate(pd.Series([3.0, 4.0, 9.0]), pd.Series([10.0])) == 0.4


def test_every_rate_names_its_numerator_denominator_method_and_posts():
    table = posts([
        {"post_id": "a", "views": 1_000, "reach": 500, "likes": 80, "comments": 10,
         "shares": 10, "saves": 20},
        {"post_id": "b", "views": 2_000, "reach": 1, "likes": 150, "comments": 20, "shares": 30},
        {"post_id": "c", "views": 4_000, "reach": 0, "likes": 300, "comments": 50, "shares": 50,
         "saves": 40},
        {"post_id": "d", "views": 3_000, "likes": 200, "comments": 30, "shares": 20},
        {"post_id": "e", "views": 0, "likes": 5, "comments": 0, "shares": 0},  # no views
    ])
    # rated: a, b, c, d. Interactions (saves counted where known): a 80+10+10+20 = 120,
    # b 150+20+30 = 200, c 300+50+50+40 = 440, d 200+30+20 = 250.
    # median interactions (200 + 250) / 2 = 225; median views (2,000 + 3,000) / 2 = 2,500.
    # Reach: only a (500) and b (1) are > 0 -> median interactions (120 + 200) / 2 = 160,
    # median reach (500 + 1) / 2 = 250.5. Totals: interactions 1,010, views 10,000;
    # likes 730, comments 110, shares 110; saves 60 over the 5,000 views of a and c.
    parts = "likes + comments + shares + saves"
    assert engagement.rates(table, 9_000) == [
        Rate("per_view", "Engagement per view", 225 / 2_500, parts, "view",
             "median interactions per post ÷ median views per post", 4),
        Rate("per_follower", "Engagement per follower", 225 / 9_000, parts, "follower",
             "median interactions per post ÷ followers on the as-of day", 4),
        Rate("per_reach", "Engagement per reach", 160 / 250.5, parts, "reach",
             "median interactions per post ÷ median accounts reached per post", 2),
        Rate("total_per_view", "All interactions per view", 1_010 / 10_000, parts, "view",
             "sum of interactions ÷ sum of views (views-weighted)", 4),
        Rate("likes_per_view", "Likes per view", 730 / 10_000, "likes", "view",
             "sum of likes ÷ sum of views", 4),
        Rate("comments_per_view", "Comments per view", 110 / 10_000, "comments", "view",
             "sum of comments ÷ sum of views", 4),
        Rate("shares_per_view", "Shares per view", 110 / 10_000, "shares", "view",
             "sum of shares ÷ sum of views", 4),
        Rate("saves_per_view", "Saves per view", 60 / 5_000, "saves", "view",
             "sum of saves ÷ sum of views", 2),
    ]


def test_a_post_with_a_single_view_enters_the_rate():
    table = posts([{"post_id": "a", "views": 1, "likes": 1, "comments": 0, "shares": 0}])
    # 1 interaction / 1 view = 1.0; only views of 0 (or unknown) keep a post out
    assert engagement.rate_per_view(table) == 1.0
