"""Engagement rates at their edges, found unguarded by mutation testing (MUTATION.md)."""

from __future__ import annotations

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
