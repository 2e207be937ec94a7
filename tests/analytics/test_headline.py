"""The headline: which followers, typical views, 30-day views and engagement a platform leads with.

The account is tests/analytics/conftest.py's: TikTok posts t0..t9 on 1..10 March with 10,000 +
1,000 × i views and 1,000 interactions each, plus a 500,000-view hit on 14 February; Instagram
six reels of 3,000 views and 180 interactions (150 + 10 + 5 + 15 saves).
"""

from datetime import date

from mediakit.analytics.analyze import analyze
from mediakit.analytics.figures import Rate, ReachStats, Window
from mediakit.analytics.headline import headline
from mediakit.analytics.report import PlatformReport


def test_tiktok_leads_with_the_recent_median_and_the_per_view_rate(account, profile):
    tiktok = analyze(account, profile).platforms["tiktok"].headline
    assert tiktok.followers == 20_890  # 20,000 + 10 × 89 days on 31 March
    assert tiktok.median_views == 15_000  # the 6th of 11 posts in the last 90 days
    assert (tiktok.median_window.rule, tiktok.median_window.posts) == ("last 90 days", 11)
    assert tiktok.views_30d == 150_000  # 30 days × 5,000
    # the 30 days ending 31 March, both ends included: 2 March .. 31 March
    assert (tiktok.views_window_first, tiktok.views_window_last) == ("2026-03-02", "2026-03-31")
    assert tiktok.engagement.key == "per_view" and tiktok.engagement.denominator == "view"
    assert tiktok.engagement.value == 1_000 / 15_000  # median interactions ÷ median views
    assert tiktok.engagement.benchmarked


def test_instagram_leads_with_the_per_follower_rate_its_benchmarks_use(account, profile):
    instagram = analyze(account, profile).platforms["instagram"].headline
    assert instagram.followers == 8_178  # 8,000 + 2 × 89
    assert instagram.median_views == 3_000
    assert instagram.views_30d == 45_000  # 30 days × 1,500
    assert instagram.engagement.key == "per_follower"
    assert instagram.engagement.value == 180 / 8_178
    assert instagram.engagement.benchmarked


def test_the_headline_median_is_the_recent_windows_not_every_posts(account, profile):
    # last 3 posts (t7, t8, t9: 17,000, 18,000, 19,000) beat the 7 days, which hold none
    tiktok = analyze(account, profile, recent_count=3, recent_days=7).platforms["tiktok"]
    assert tiktok.median_views == 15_000  # every post's median: stats.json's older field
    assert tiktok.headline.median_views == 18_000
    assert tiktok.headline.median_window.rule == "last 3 posts"
    assert tiktok.headline.engagement.value == 1_000 / 18_000


def _rate(key: str, value: float, denominator: str) -> Rate:
    return Rate(key, key, value, "likes + comments + shares", denominator, "median", 5)


def test_instagram_without_a_follower_count_falls_back_to_per_view():
    data = PlatformReport("instagram", "@a", None, engagement=[_rate("per_view", 0.05, "view")])
    chosen = headline(data, date(2026, 3, 31)).engagement
    assert (chosen.key, chosen.value, chosen.denominator) == ("per_view", 0.05, "view")
    assert not chosen.benchmarked  # no benchmark: the kit says so


def test_without_a_rated_recent_post_the_views_weighted_all_posts_rate_is_named():
    data = PlatformReport("tiktok", "@a", None, engagement_rate_per_view=0.031, posts_counted=6,
                          posts_rated=4)
    chosen = headline(data, date(2026, 3, 31)).engagement
    assert chosen.key == "engagement_rate_per_view" and chosen.value == 0.031
    assert chosen.posts == 4  # the posts that entered the rate, not the 6 with a view count
    assert "views-weighted" in chosen.method


def test_without_a_recent_median_every_posts_median_is_used_and_said():
    reach = ReachStats(Window("last 30 posts", 0, None, None), None, None, None, None, None,
                       None, None, None, None, None, None)
    data = PlatformReport("tiktok", "@a", None, median_views=2_500.0, posts_counted=7,
                          reach=reach)
    result = headline(data, date(2026, 3, 31))
    assert result.median_views == 2_500.0
    assert (result.median_window.rule, result.median_window.posts) == ("all posts", 7)
