from mediakit.analytics.combined import combined
from mediakit.analytics.report import PlatformReport


def test_only_platforms_with_the_number_are_added_and_the_others_named():
    tiktok = PlatformReport("tiktok", "@a", None, followers=48_000, views_30d=670_000)
    youtube = PlatformReport("youtube", "@A", None, followers=None, views_30d=4_000)
    instagram = PlatformReport("instagram", "@a", None, followers=18_000, views_30d=None)
    result = combined({"tiktok": tiktok, "youtube": youtube, "instagram": instagram})
    assert result.followers == 66_000  # 48,000 + 18,000; YouTube's count is unknown
    assert result.followers_by_platform == {"tiktok": 48_000, "instagram": 18_000}
    assert result.views_30d == 674_000  # 670,000 + 4,000
    assert result.left_out == [("youtube", "no follower count"),
                               ("instagram", "no daily video views")]


def test_nothing_known_nothing_added():
    result = combined({"tiktok": PlatformReport("tiktok", "@a", None)})
    assert result.followers is None and result.views_30d is None


def test_a_short_30_day_span_is_left_out_and_says_why():
    from mediakit.analytics.figures import Span

    short = Span(days=30, covered_days=28, first="2026-11-03", last="2026-11-30",
                 ends_on_as_of=True)
    full = Span(days=30, covered_days=30, first="2026-11-01", last="2026-11-30",
                ends_on_as_of=True)
    tiktok = PlatformReport("tiktok", "@a", None, followers=48_000, views_30d=600_000,
                            views_30d_span=short)  # a 28-day export: not "30 days"
    youtube = PlatformReport("youtube", "@A", None, followers=2_000, views_30d=9_000,
                             views_30d_span=full)
    result = combined({"tiktok": tiktok, "youtube": youtube})
    assert result.views_30d == 9_000  # YouTube's alone: 28 days and 30 days do not add up
    assert result.views_30d_by_platform == {"youtube": 9_000}
    assert result.left_out == [("tiktok", "daily video views do not cover the 30 days")]
    assert result.followers == 50_000
