"""Case-study arithmetic (analytics.campaigns), worked out by hand."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from mediakit.analytics.campaigns import (
    Baseline,
    CampaignPost,
    campaign_numbers,
    campaign_post,
    find_post,
    organic_baseline,
    platform_of,
)
from tests.helpers import posts as posts_table


def post(views, likes=100, comments=10, shares=5, saves=None, url="u") -> CampaignPost:
    return CampaignPost(url=url, title="", posted_at=None, views=views, likes=likes,
                        comments=comments, shares=shares, saves=saves, in_exports=True)


ORGANIC = Baseline(median_views=40_000.0, engagement_rate=0.08, posts=12)


def test_costs_of_a_two_post_campaign():
    first = post(20_000, likes=1_500, comments=120, shares=80)  # 1,700 engagements
    second = post(30_000, likes=2_000, comments=200, shares=100, saves=50)  # 2,350
    numbers = campaign_numbers([first, second], 1_000.0, ORGANIC, link_clicks=400,
                               revenue=4_500.0)
    assert numbers.views == 50_000  # 20,000 + 30,000
    assert numbers.engagements == 4_050  # 1,700 + 2,350
    assert numbers.engagement_rate == pytest.approx(0.081)  # 4,050 / 50,000
    assert numbers.median_views == 25_000  # (20,000 + 30,000) / 2
    assert numbers.cpm == pytest.approx(20.0)  # 1,000 / 50,000 × 1,000
    assert numbers.cost_per_view == pytest.approx(0.02)  # 1,000 / 50,000
    assert numbers.cost_per_engagement == pytest.approx(1_000 / 4_050)  # ≈ 0.247
    assert numbers.cost_per_click == pytest.approx(2.5)  # 1,000 / 400
    assert numbers.roi == pytest.approx(3.5)  # (4,500 − 1,000) / 1,000
    assert numbers.views_vs_organic == pytest.approx(0.625)  # 25,000 / 40,000
    assert numbers.rate_vs_organic == pytest.approx(1.0125)  # 0.081 / 0.08


def test_no_totals_or_costs_when_a_post_has_no_view_count():
    numbers = campaign_numbers([post(20_000), post(None)], 1_000.0, ORGANIC)
    assert numbers.posts == 2 and numbers.posts_with_views == 1
    assert numbers.views is None and numbers.cpm is None and numbers.cost_per_view is None
    assert numbers.median_views is None and numbers.views_vs_organic is None
    # engagements are all known (100 + 10 + 5 per post), so that total stands
    assert numbers.engagements == 230 and numbers.cost_per_engagement == pytest.approx(1000 / 230)


def test_a_gifted_campaign_costs_nothing_and_has_no_roi():
    numbers = campaign_numbers([post(10_000)], 0.0, ORGANIC, revenue=800.0)
    assert numbers.cpm == 0.0 and numbers.cost_per_view == 0.0
    assert numbers.roi is None  # a return on nothing invested is not a number


def test_a_post_missing_a_like_count_has_no_engagement():
    assert post(1_000, likes=None).engagements is None
    assert post(1_000, saves=7).engagements == 122  # 100 + 10 + 5 + 7
    assert post(1_000).engagement_rate == pytest.approx(0.115)  # 115 / 1,000
    assert post(0).engagement_rate is None


EXPORT = posts_table([
    {"post_id": "111", "posted_at": "2026-03-01 18:00", "views": 10_000, "likes": 800,
     "comments": 50, "shares": 30, "url": "https://www.tiktok.com/@m/video/111",
     "sponsored": False},
    {"post_id": "222", "posted_at": "2026-03-02 18:00", "views": 30_000, "likes": 2_000,
     "comments": 100, "shares": 100, "sponsored": False},
    {"post_id": "333", "posted_at": "2026-03-03 18:00", "views": 50_000, "likes": 3_000,
     "comments": 150, "shares": 150, "sponsored": False},
    {"post_id": "444", "posted_at": "2026-03-04 18:00", "views": 5_000, "likes": 300,
     "comments": 20, "shares": 10, "sponsored": True},
    {"post_id": "json-1", "posted_at": "2026-03-05 17:00", "likes": 900, "sponsored": True},
    {"post_id": "json-2", "posted_at": "2026-03-05 20:00", "likes": 400, "sponsored": False},
    {"post_id": "555", "posted_at": "2026-12-01 18:00", "views": 99_000, "likes": 1,
     "comments": 1, "shares": 1, "sponsored": False},
])


def test_the_organic_baseline_leaves_out_sponsored_and_later_posts():
    baseline = organic_baseline(EXPORT, date(2026, 11, 16))
    # organic with views up to Nov 16: 10,000, 30,000, 50,000 (555 is after as_of; 444 is #ad)
    assert baseline.posts == 3
    assert baseline.median_views == 30_000
    # (880 + 2,200 + 3,300) / (10,000 + 30,000 + 50,000) = 6,380 / 90,000
    assert baseline.engagement_rate == pytest.approx(6_380 / 90_000)
    assert organic_baseline(EXPORT, date(2026, 11, 16), exclude={"333"}).median_views == 20_000


def test_the_organic_baseline_compares_one_platform_only():
    youtube = posts_table([{"post_id": "yt1", "posted_at": "2026-03-01 18:00", "views": 900,
                            "likes": 10, "comments": 1, "shares": 1}], platform="youtube")
    both = pd.concat([EXPORT, youtube], ignore_index=True)
    assert organic_baseline(both, date(2026, 11, 16), "tiktok").median_views == 30_000
    assert organic_baseline(both, date(2026, 11, 16), "youtube").median_views == 900
    assert organic_baseline(both, date(2026, 11, 16)).posts == 4  # all platforms: 3 + 1


def test_posts_are_found_by_link_then_id_then_day():
    by_link = find_post(EXPORT, "https://tiktok.com/@m/video/111/?lang=en")
    assert by_link["post_id"] == "111"
    by_id = find_post(EXPORT, "https://www.tiktok.com/@m/video/222")
    assert by_id["post_id"] == "222"
    # two posts on March 5, only one marked sponsored: that one is the campaign's
    by_day = find_post(EXPORT, "https://www.tiktok.com/@m/video/999", date(2026, 3, 5))
    assert by_day["post_id"] == "json-1"
    assert find_post(EXPORT, "https://www.tiktok.com/@m/video/999") is None
    assert find_post(EXPORT, "https://www.instagram.com/p/111/") is None  # other platform


def test_a_day_with_several_sponsored_posts_matches_none():
    twice = pd.concat([EXPORT, posts_table([{"post_id": "json-3", "posted_at": "2026-03-05 21:00",
                                             "likes": 5, "sponsored": True}])])
    assert find_post(twice, "https://www.tiktok.com/@m/video/999", date(2026, 3, 5)) is None


def test_typed_in_numbers_fill_only_what_the_export_lacks():
    row = find_post(EXPORT, "https://www.tiktok.com/@m/video/999", date(2026, 3, 5))
    made = campaign_post(row, "https://www.tiktok.com/@m/video/999",
                         {"views": 12_000, "likes": 1, "comments": 40, "shares": 20,
                          "saves": None})
    assert (made.views, made.likes, made.comments, made.shares) == (12_000, 900, 40, 20)
    assert made.self_reported == ("views", "comments", "shares")  # likes came from the export
    assert made.posted_at == "2026-03-05" and made.in_exports
    missing = campaign_post(None, "u", {"views": 5}, posted_on=date(2026, 1, 2))
    assert missing.posted_at == "2026-01-02" and not missing.in_exports
    assert missing.likes is None and missing.self_reported == ("views",)


def test_platform_of_a_link():
    assert platform_of("https://www.tiktok.com/@m/video/1") == "tiktok"
    assert platform_of("https://vm.tiktok.com/ZMabc/") == "tiktok"
    assert platform_of("https://youtu.be/abc") == "youtube"
    assert platform_of("https://www.instagram.com/reel/abc/") == "instagram"
    assert platform_of("https://nottiktok.com/x") is None


# --- second pass (issue 15): rules the mutation run showed were not pinned ----------------------


def test_a_baseline_with_no_organic_view_count_has_no_median():
    """No organic post with views: the median is unknown (None), not NaN, and its sample is 0."""
    only_ads = posts_table([{"post_id": "1", "posted_at": "2026-03-01", "views": 9_000,
                             "likes": 10, "comments": 1, "shares": 1, "sponsored": True}])
    baseline = organic_baseline(only_ads, date(2026, 11, 16))
    assert baseline.posts == 0
    assert baseline.median_views is None


def test_one_post_without_an_engagement_count_leaves_the_campaign_without_a_total():
    """A total is made only when every post has the count: 115 from one post of two is no total."""
    numbers = campaign_numbers([post(1_000), post(1_000, likes=None)], 500.0, ORGANIC)
    assert numbers.views == 2_000  # both view counts are known
    assert numbers.engagements is None  # not 115 (the first post's 100 + 10 + 5 alone)
    assert numbers.engagement_rate is None and numbers.cost_per_engagement is None
    assert numbers.rate_vs_organic is None


def test_a_campaign_without_posts_has_no_totals_but_keeps_what_was_typed_in():
    """No posts: no views, no engagements (None, not 0); the fee, clicks and revenue stay."""
    numbers = campaign_numbers([], 1_000.0, ORGANIC, link_clicks=250, revenue=3_000.0)
    assert numbers.posts == 0 and numbers.posts_with_views == 0
    assert numbers.views is None and numbers.engagements is None
    assert numbers.engagement_rate is None and numbers.cost_per_engagement is None
    assert numbers.fee == 1_000.0
    assert numbers.link_clicks == 250
    assert numbers.cost_per_click == pytest.approx(4.0)  # 1,000 / 250
    assert numbers.revenue == 3_000.0
    assert numbers.roi == pytest.approx(2.0)  # (3,000 − 1,000) / 1,000


def test_any_fee_above_zero_has_a_return_on_investment():
    """ROI needs a fee above 0, however small: 1 € that brought back 3 € is an ROI of 2."""
    numbers = campaign_numbers([post(10_000)], 1.0, ORGANIC, revenue=3.0)
    assert numbers.roi == pytest.approx(2.0)  # (3 − 1) / 1
    assert campaign_numbers([post(10_000)], 0.5, ORGANIC, revenue=1.0).roi == pytest.approx(1.0)


def test_platform_of_youtube_and_links_with_a_port():
    """youtube.com and its subdomains are YouTube; a port after the host is not part of it."""
    assert platform_of("https://www.youtube.com/shorts/abc") == "youtube"
    assert platform_of("https://youtube.com/watch?v=abc") == "youtube"
    assert platform_of("https://m.youtube.com/watch?v=abc") == "youtube"
    assert platform_of("https://www.tiktok.com:443/@m/video/1") == "tiktok"
    assert platform_of("HTTPS://WWW.INSTAGRAM.COM:8443/p/abc") == "instagram"


# Instagram's exports give a numeric media id, not the link's shortcode: only the link matches.
INSTAGRAM = posts_table([
    {"post_id": "17890001", "posted_at": "2026-04-01 12:00", "views": 7_000,
     "url": "https://www.instagram.com/p/CxYz/", "title": "Spring haul", "sponsored": True},
    {"post_id": "17890002", "posted_at": "2026-04-02 12:00", "views": 3_000,
     "url": "https://www.instagram.com/p/DaBc/", "sponsored": False},
], platform="instagram")


@pytest.mark.parametrize("typed", [
    "instagram.com/p/CxYz",  # typed without a scheme, www or the trailing slash
    "http://m.instagram.com/p/CxYz",  # another scheme and the mobile host
    "https://www.instagram.com/p/CxYz/?igsh=abc123",  # a share link's query
    "https://www.instagram.com/p/CxYz/#comments",  # a fragment
    "HTTPS://WWW.INSTAGRAM.COM/P/CXYZ",  # capitals
])
def test_a_link_matches_its_post_whatever_its_scheme_host_query_fragment_or_case(typed):
    """Links are compared without scheme, www./m., query, fragment, trailing slash or case.

    The shortcode CxYz is not the export's id (17890001), so only the link comparison finds it.
    """
    found = find_post(INSTAGRAM, typed)
    assert found is not None and found["post_id"] == "17890001"


def test_a_link_on_an_unknown_host_is_looked_up_on_every_platform():
    """A short link (bit.ly) names no platform: every platform's posts are candidates."""
    mixed = pd.concat([EXPORT, INSTAGRAM], ignore_index=True)
    by_day = find_post(mixed, "https://bit.ly/spring", date(2026, 4, 1))
    assert by_day["post_id"] == "17890001"  # the one post of April 1 (an Instagram one)


def test_the_one_post_of_a_day_is_found_sponsored_or_not():
    """A single post that day is the campaign's, marked sponsored or not (222 is organic)."""
    alone = find_post(EXPORT, "https://www.tiktok.com/@m/video/999", date(2026, 3, 2))
    assert alone is not None and alone["post_id"] == "222"


def test_a_post_not_marked_either_way_is_not_taken_for_the_sponsored_one():
    """Of two posts that day, one sponsored and one unmarked (NA), the sponsored one is chosen."""
    day = posts_table([
        {"post_id": "a", "posted_at": "2026-05-01 09:00", "likes": 10, "sponsored": True},
        {"post_id": "b", "posted_at": "2026-05-01 19:00", "likes": 20},  # sponsored unknown
    ])
    found = find_post(day, "https://www.tiktok.com/@m/video/999", date(2026, 5, 1))
    assert found is not None and found["post_id"] == "a"


def test_a_campaign_post_is_titled_by_the_creator_else_by_the_export():
    """The creator's title wins; without one the export's; without either, an empty title."""
    row = find_post(INSTAGRAM, "instagram.com/p/CxYz")
    url = "https://www.instagram.com/p/CxYz/"
    exported = campaign_post(row, url, {})
    assert exported.title == "Spring haul" and exported.url == url
    typed = campaign_post(row, url, {}, title="Brand X launch")
    assert typed.title == "Brand X launch"
    untitled_row = find_post(INSTAGRAM, "instagram.com/p/DaBc")
    assert campaign_post(untitled_row, "u", {}, title="Mine").title == "Mine"
    assert campaign_post(untitled_row, "u", {}).title == ""  # no title in the export
    assert campaign_post(None, "u", {}).title == ""  # not in the exports at all
