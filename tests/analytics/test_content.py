from mediakit.analytics import content
from tests.helpers import posts


def _row(post_id, views, tags="", sound=None, duration=None, sponsored=False):
    return {"post_id": post_id, "views": views, "hashtags": tags or None, "sound": sound,
            "duration_s": duration, "kind": "video", "sponsored": sponsored}


TABLE = posts([
    _row("a", 1_000, "cover acoustic", "s1", 12.0),
    _row("b", 2_000, "cover", "s1", 20.0),
    _row("c", 3_000, "original", "s2", 45.0),
    _row("d", 4_000, "original cover", "s2", 50.0, sponsored=True),
    _row("e", 10_000, "original", "s2", 55.0),
    _row("f", None, "original", "s2", 55.0),  # no views: not part of any median
])


def _by(facet):
    return {i.value: i for i in content.insights(TABLE) if i.facet == facet}


def test_lift_is_median_views_with_the_feature_over_the_account_median():
    tags = _by("hashtag")
    # account median of 1,000 / 2,000 / 3,000 / 4,000 / 10,000 = 3,000
    # #cover: a, b, d -> median 2,000 -> 2,000 / 3,000 - 1 = -1/3
    assert tags["#cover"].posts == 3 and tags["#cover"].median_views == 2_000.0
    assert abs(tags["#cover"].lift - (2_000 / 3_000 - 1)) < 1e-12
    # #original: c, d, e -> median 4,000 -> +1/3
    assert abs(tags["#original"].lift - (4_000 / 3_000 - 1)) < 1e-12
    assert "#acoustic" not in tags  # one post says nothing about a hashtag
    assert tags["#cover"].small_sample  # 3 posts < 5


def test_sound_and_duration_facets():
    sounds = _by("sound")
    # s1: a, b -> 1,500 (lift -0.5); s2: c, d, e -> 4,000
    assert sounds["s1"].median_views == 1_500.0 and sounds["s1"].lift == -0.5
    lengths = _by("duration")
    # 12 s under 15 s (1 post: left out), 20 s in 15-30 s (1 post: left out), 45/50/55 s
    assert set(lengths) == set()  # only one bucket has 2+ posts: nothing to compare it with
    assert content.duration_bucket(45.0) == "30–60 s"
    assert content.duration_bucket(15.0) == "15–30 s"  # lower bound included
    assert content.duration_bucket(float("nan")) is None


def test_a_facet_with_one_value_is_left_out():
    assert _by("kind") == {}  # every post is a video
    assert _by("sponsored") == {}  # one sponsored post: only "organic" would be listed


def test_rows_are_ordered_by_post_count_then_lift():
    tags = [i.value for i in content.insights(TABLE) if i.facet == "hashtag"]
    assert tags == ["#original", "#cover"]  # 3 posts each: higher lift first


def test_no_views_no_insights():
    assert content.insights(posts([_row("a", None, "x")])) == []


def test_duration_buckets_include_their_lower_edge_and_zero_is_unknown():
    assert content.duration_bucket(0.5) == "under 15 s"
    assert content.duration_bucket(14.99) == "under 15 s"
    assert content.duration_bucket(15.0) == "15–30 s"  # each bucket starts at its lower edge
    assert content.duration_bucket(60.0) == "1–3 min"
    assert content.duration_bucket(600.0) == "10 min +"
    assert content.duration_bucket(0.0) is None  # a photo post or an unknown duration
    assert content.duration_bucket(-3.0) is None
    assert content.duration_bucket(float("nan")) is None


def test_every_facet_in_order_with_counts_medians_and_sample_flags():
    # p1..p10 with 100..1,000 views: the account median is (500 + 600) / 2 = 550.
    # Every post has the same hashtag and no sound: those facets have one value and are
    # skipped, and the facets after them must still be listed.
    rows = [{"post_id": f"p{n:02d}", "views": 100 * n, "hashtags": "#same",
             "duration_s": 10.0 if n <= 5 else 40.0, "kind": "photo" if n <= 3 else "video",
             "sponsored": n <= 2} for n in range(1, 11)]
    found = [(i.facet, i.value, i.posts, i.median_views, round(i.lift, 12), i.small_sample)
             for i in content.insights(posts(rows))]
    assert found == [
        # p6..p10 median 800 and p1..p5 median 300; five posts is not a small sample
        ("duration", "30–60 s", 5, 800.0, round(800 / 550 - 1, 12), False),
        ("duration", "under 15 s", 5, 300.0, round(300 / 550 - 1, 12), False),
        # more posts first: video (p4..p10, median 700) before photo (p1..p3, median 200)
        ("kind", "video", 7, 700.0, round(700 / 550 - 1, 12), False),
        ("kind", "photo", 3, 200.0, round(200 / 550 - 1, 12), True),
        # organic p3..p10: median of 300..1,000 = 650; sponsored p1, p2: 150
        ("sponsored", "organic", 8, 650.0, round(650 / 550 - 1, 12), False),
        ("sponsored", "sponsored", 2, 150.0, round(150 / 550 - 1, 12), True),
    ]


def test_an_account_median_of_one_view_is_enough_and_zero_is_not():
    rows = [{"post_id": p, "views": 1, "sponsored": p in "ab"} for p in "abcd"]
    found = [(i.value, i.posts, i.lift) for i in content.insights(posts(rows))]
    assert found == [("organic", 2, 0.0), ("sponsored", 2, 0.0)]  # same count and lift: by name
    silent = [{**row, "views": 0} for row in rows]
    assert content.insights(posts(silent)) == []  # no lift can be measured against zero


def test_a_facet_left_with_one_value_does_not_hide_the_facets_after_it():
    # hashtags: #a on p1, p2 (2 posts, listed), #b on p3 only (1 post, dropped): one row left,
    # nothing to compare it with, so the hashtag facet is skipped; durations still follow
    rows = [{"post_id": f"p{n}", "views": 100 * n, "hashtags": "#a" if n <= 2 else
             ("#b" if n == 3 else None), "duration_s": 10.0 if n <= 2 else 40.0}
            for n in range(1, 5)]
    found = [(i.facet, i.value, i.posts) for i in content.insights(posts(rows))]
    # account median of 100..400 = 250; p3, p4 (300, 400) median 350 lead on lift
    assert found == [("duration", "30–60 s", 2), ("duration", "under 15 s", 2)]
