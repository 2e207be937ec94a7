from mediakit.analytics import posts as top
from tests.helpers import posts

TABLE = posts([
    {"post_id": "a", "posted_at": "2026-01-01", "views": 1_000, "likes": 50, "comments": 5,
     "shares": 5},
    {"post_id": "b", "posted_at": "2026-01-02", "views": 2_000, "likes": 300, "comments": 50,
     "shares": 50},
    {"post_id": "c", "posted_at": "2026-01-03", "views": 20_000, "likes": 1_000, "comments": 100,
     "shares": 100},
    {"post_id": "d", "posted_at": "2026-01-04", "views": 500, "likes": 400, "comments": 0,
     "shares": 0},
    {"post_id": "e", "posted_at": "2026-01-05", "views": None, "likes": 10, "comments": None,
     "shares": None},
])


def test_top_by_views_most_viewed_first_with_times_the_median():
    result = top.top_by_views(TABLE, 3, median=2_000.0)
    assert [p.post_id for p in result] == ["c", "b", "a"]
    assert result[0].times_median == 10.0  # 20,000 / 2,000
    assert result[0].engagement_rate == 0.06  # (1,000 + 100 + 100) / 20,000


def test_top_by_engagement_ignores_posts_with_too_few_views():
    result = top.top_by_engagement(TABLE, 2)
    # rates: a 60/1,000 = 6%, b 400/2,000 = 20%, c 6%, d 80% but only 500 views (< 1,000)
    assert [p.post_id for p in result] == ["b", "a"]  # a and c tie at 6%: post id decides
    assert result[0].engagement_rate == 0.2


def test_viral_rule_is_more_than_five_times_the_median():
    result = top.viral(TABLE, median=2_000.0)
    # threshold 5 x 2,000 = 10,000: only c (20,000)
    assert result.threshold == 10_000.0
    assert [p.post_id for p in result.posts] == ["c"]
    assert "5" in result.rule and "median" in result.rule
    exactly = top.viral(TABLE, median=4_000.0)  # threshold 20,000: c is not *more* than it
    assert exactly.posts == []


def test_no_median_no_viral_hits():
    assert top.viral(TABLE, None).posts == []
    assert top.viral(TABLE, None).threshold is None


def test_a_post_keeps_missing_counts_missing():
    post = top.to_post(next(TABLE[TABLE["post_id"] == "e"].itertuples(index=False)))
    assert post.views is None and post.comments is None and post.engagement_rate is None
    assert post.likes == 10 and post.posted_at == "2026-01-05"
