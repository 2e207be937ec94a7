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


def test_top_rows_carry_every_figure_ranked_by_views_then_id():
    """The table the report shows: most viewed first, ties by post id, ten rows, blanks as None."""
    rows = [
        {"post_id": f"p{n:02d}", "views": 100 * n, "avg_watch_s": float(n),
         "completion_rate": n / 100, "duration_s": 30.0, "title": f"Post {n}",
         "url": f"https://example.com/{n}", "posted_at": f"2026-03-{n:02d}"}
        for n in range(1, 12)
    ]
    rows.append({"post_id": "p00", "views": 1_100, "avg_watch_s": 9.5})  # ties p11 on views
    rows.append({"post_id": "zz", "views": None, "completion_rate": 0.5})  # no views: last
    result = retention.retention(posts(rows), False, None)
    assert result.posts == 13
    assert len(result.top) == retention.TOP == 10
    assert [row["views"] for row in result.top[:3]] == [1_100, 1_100, 1_000]
    assert result.top[0] == {  # p00 before p11: same views, smaller id
        "title": "", "url": None, "posted_at": None, "views": 1_100, "avg_watch_s": 9.5,
        "duration_s": None, "completion_rate": None,
    }
    assert result.top[1] == {
        "title": "Post 11", "url": "https://example.com/11", "posted_at": "2026-03-11",
        "views": 1_100, "avg_watch_s": 11.0, "duration_s": 30.0, "completion_rate": 0.11,
    }
    assert result.top[-1]["views"] == 300  # p03; p02, p01 and zz fall below the ten
    # medians over all 13: watch 1..11 and 9.5 -> 12 values, middle pair (6 + 7) / 2;
    # completion 0.01..0.11 and 0.5 -> 12 values, (0.06 + 0.07) / 2
    assert result.median_avg_watch_s == 6.5
    assert abs(result.median_completion_rate - 0.065) < 1e-12
    assert not result.self_reported and result.source is None


def test_correlation_uses_completion_against_views_over_posts_with_both():
    # completion rises with views on five posts (rank correlation 1); a sixth with views but
    # no completion is left out, not counted as zero
    rows = [{"post_id": f"p{n}", "views": 1_000 * n, "completion_rate": n / 10}
            for n in range(1, 6)]
    rows.append({"post_id": "p6", "views": 50, "avg_watch_s": 8.0})
    result = retention.retention(posts(rows), True, None)
    assert abs(result.correlation_with_views - 1.0) < 1e-12
    unviewed = retention.retention(posts([rows[0], {"post_id": "x", "avg_watch_s": 3.0}]), True,
                                   None)
    assert [row["views"] for row in unviewed.top] == [1_000, None]  # no views: listed last
    only_watch = retention.retention(posts([rows[-1]]), True, None)  # no completion anywhere
    assert only_watch.median_completion_rate is None and only_watch.median_avg_watch_s == 8.0
    # reversed on the same five -> -1
    flipped = [{**row, "completion_rate": 1 - row["completion_rate"]} if "completion_rate" in row
               else row for row in rows]
    assert abs(retention.retention(posts(flipped), True, None).correlation_with_views + 1) < 1e-12


def test_spearman_needs_five_pairs_after_dropping_blanks():
    a = pd.Series([1.0, 2.0, 3.0, 4.0, 5.0, None])
    b = pd.Series([1.0, 2.0, 3.0, 4.0, None, 6.0])
    assert retention.spearman(a, b) is None  # only 4 complete pairs
    five = pd.Series([1, 2, 3, 4, 5], dtype="int64")  # integers are compared as floats
    assert abs(retention.spearman(five, five) - 1.0) < 1e-12
    assert retention.spearman(pd.Series([1.0] * 5), five) is None  # constant first series
