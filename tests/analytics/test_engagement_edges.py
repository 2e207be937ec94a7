"""Engagement rates at their edges, found unguarded by mutation testing (MUTATION.md)."""

from __future__ import annotations

import pandas as pd

from mediakit.analytics import engagement
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
