import pandas as pd

from mediakit.analytics import retention
from tests.helpers import posts


def test_spearman_rank_correlation():
    a = pd.Series([1.0, 2.0, 3.0, 4.0, 5.0])
    # same order (the outlier 500 only counts as rank 5) -> 1; reversed -> -1
    assert abs(retention.spearman(a, pd.Series([10.0, 20.0, 30.0, 40.0, 500.0])) - 1) < 1e-12
    assert abs(retention.spearman(a, pd.Series([5.0, 4.0, 3.0, 2.0, 1.0])) + 1) < 1e-12
    # ranks 1..5 against 2,1,3,4,5: d = (1,1,0,0,0), 1 - 6 x 2 / (5 x 24) = 0.9
    assert abs(retention.spearman(a, pd.Series([2.0, 1.0, 3.0, 4.0, 5.0])) - 0.9) < 1e-12
    assert retention.spearman(a.head(4), a.head(4)) is None  # fewer than 5 pairs
    assert retention.spearman(a, pd.Series([1.0] * 5)) is None  # constant: undefined


def test_medians_over_the_posts_that_have_figures():
    table = posts([
        {"post_id": "a", "views": 1_000, "avg_watch_s": 10.0, "completion_rate": 0.2},
        {"post_id": "b", "views": 3_000, "avg_watch_s": 14.0, "completion_rate": None},
        {"post_id": "c", "views": 2_000, "avg_watch_s": None, "completion_rate": 0.4},
        {"post_id": "d", "views": 9_000},
    ])
    result = retention.retention(table, True, "data/tiktok/posts-extra.csv")
    assert result.posts == 3  # d has no figure
    assert result.median_avg_watch_s == 12.0  # (10 + 14) / 2
    assert abs(result.median_completion_rate - 0.3) < 1e-12  # (0.2 + 0.4) / 2
    assert result.correlation_with_views is None  # 2 posts with both figures
    assert result.self_reported and result.source == "data/tiktok/posts-extra.csv"
    assert [row["views"] for row in result.top] == [3_000, 2_000, 1_000]


def test_no_figures_no_retention():
    assert retention.retention(posts([{"post_id": "a", "views": 5}]), False, None) is None
