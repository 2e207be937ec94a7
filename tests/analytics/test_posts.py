from mediakit.analytics import posts as top
from mediakit.analytics.figures import Post
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


# Edges mutation testing found untested (issue 15).

def _one(row: dict):
    return next(posts([row]).itertuples(index=False))


def test_a_post_carries_every_field_the_page_shows():
    row = _one({"post_id": "p1", "posted_at": "2026-03-04 18:30", "views": 2_000, "likes": 100,
                "comments": 20, "shares": 10, "saves": 30, "url": "https://example.com/p1",
                "title": "Morning routine", "kind": "video", "sponsored": True})
    # rate (100 + 20 + 10 + 30) / 2,000 = 0.08; 2,000 views / a median of 1,000 = 2x
    assert top.to_post(row, 1_000.0) == Post(
        post_id="p1", url="https://example.com/p1", title="Morning routine",
        posted_at="2026-03-04", views=2_000, likes=100, comments=20, shares=10,
        engagement_rate=0.08, saves=30, kind="video", sponsored=True, times_median=2.0)


def test_a_post_without_its_details_says_unknown_not_a_made_up_value():
    # no url, title, kind, date, counts or sponsorship: None (an empty title is ""); a post
    # marked not sponsored stays False, which is not the same as unknown
    post = top.to_post(_one({"post_id": "p2", "sponsored": False}))
    assert post == Post(post_id="p2", url=None, title="", posted_at=None, views=None,
                        likes=None, comments=None, shares=None, engagement_rate=None,
                        saves=None, kind=None, sponsored=False, times_median=None)
    assert top.to_post(_one({"post_id": "p3"})).sponsored is None


def test_equal_views_rank_by_post_id():
    table = posts([{"post_id": "b", "views": 700}, {"post_id": "a", "views": 700},
                   {"post_id": "c", "views": 900}])
    assert [p.post_id for p in top.top_by_views(table, 3)] == ["c", "a", "b"]


def test_top_by_engagement_lists_the_right_posts_after_dropping_low_view_ones():
    # x has 500 views (under 1,000): left out. y: 200 / 2,000 = 10%, z: 50 / 1,000 = 5%.
    # With a median of 1,000 views, y is 2x and z 1x the typical post.
    table = posts([
        {"post_id": "x", "views": 500, "likes": 400, "comments": 0, "shares": 0},
        {"post_id": "y", "views": 2_000, "likes": 200, "comments": 0, "shares": 0},
        {"post_id": "z", "views": 1_000, "likes": 50, "comments": 0, "shares": 0},
    ])
    result = top.top_by_engagement(table, 2, median=1_000.0)
    assert [(p.post_id, p.engagement_rate, p.times_median) for p in result] == [
        ("y", 0.1, 2.0), ("z", 0.05, 1.0)]


def test_viral_needs_a_positive_median_and_always_states_its_rule():
    # a median of 0 views gives no threshold (everything would be "viral"); a median of 1
    # is a real one: more than 5 views
    none = top.viral(TABLE, 0.0)
    assert (none.threshold, none.posts) == (None, [])
    assert none.rule == top.viral(TABLE, 2_000.0).rule != ""
    assert top.viral(TABLE, 1.0).threshold == 5.0
    # hits show their multiple of the median: c has 20,000 views, 10x a median of 2,000
    assert [p.times_median for p in top.viral(TABLE, 2_000.0).posts] == [10.0]
