"""The headline of a small two-platform account, every field worked out by hand.

The kit is built on 31 March 2026 (the as-of day) from:

- a TikTok export whose daily rows run 4 .. 29 March only (26 days: it was downloaded two days
  early and TikTok's window was short), 2,000 video views a day and 5,000 + 10 × i followers on
  the i-th day; three posts on 10, 20 and 28 March with 1,000 / 2,000 / 4,000 views and
  100 / 200 / 400 interactions (likes + comments + shares);
- an Instagram posts file with no daily export at all (so no follower count and no 30-day views):
  an old post of 1 November 2025 with every count (5,000 views, 200 + 20 + 30 interactions), and
  two recent reels of 10 and 20 March whose comment counts are missing.

The kit's recent window is the last 2 posts or the last 90 days, whichever holds more.
"""

from datetime import date

import pandas as pd

from mediakit.analytics.analyze import analyze
from mediakit.analytics.figures import HeadlineEngagement
from mediakit.project.profile import Profile
from mediakit.tables import Account, conform
from tests.helpers import daily, posts

AS_OF = date(2026, 3, 31)


def _account() -> Account:
    days = pd.date_range("2026-03-04", "2026-03-29")  # 26 days
    tiktok_daily = daily([
        {"date": d.date().isoformat(), "followers": 5_000 + 10 * i, "views": 2_000}
        for i, d in enumerate(days)
    ])
    tiktok_posts = posts([
        {"post_id": "a", "posted_at": "2026-03-10 18:00", "title": "a", "views": 1_000,
         "likes": 80, "comments": 10, "shares": 10},
        {"post_id": "b", "posted_at": "2026-03-20 18:00", "title": "b", "views": 2_000,
         "likes": 160, "comments": 20, "shares": 20},
        {"post_id": "c", "posted_at": "2026-03-28 18:00", "title": "c", "views": 4_000,
         "likes": 320, "comments": 40, "shares": 40},
    ])
    insta_posts = posts([
        {"post_id": "old", "posted_at": "2025-11-01 12:00", "views": 5_000, "likes": 200,
         "comments": 20, "shares": 30},
        {"post_id": "r1", "posted_at": "2026-03-10 12:00", "views": 3_000, "likes": 90,
         "shares": 5},
        {"post_id": "r2", "posted_at": "2026-03-20 12:00", "views": 1_000, "likes": 40,
         "shares": 5},
    ], platform="instagram")
    return Account(daily=conform(tiktok_daily, "daily"),
                   posts=conform(pd.concat([tiktok_posts, insta_posts]), "posts"))


def _profile() -> Profile:
    return Profile.model_validate({
        "name": "Ana", "timezone": "UTC",
        "platforms": {"tiktok": {"handle": "@ana"}, "instagram": {"handle": "@ana"}},
    })


def _headlines():
    report = analyze(_account(), _profile(), AS_OF, recent_count=2)
    return report.platforms["tiktok"].headline, report.platforms["instagram"].headline


def test_a_short_export_leads_with_the_days_it_really_covers_and_the_per_view_rate():
    tiktok, _ = _headlines()
    assert tiktok.platform == "tiktok"
    assert tiktok.followers == 5_250  # the last known count: 29 March, i = 25: 5,000 + 250
    # 26 days × 2,000 views; the window is 2 .. 31 March, but the data covers 4 .. 29 March
    assert tiktok.views_30d == 52_000
    assert tiktok.views_window_days == 26  # 4 .. 29 March, both ends included
    assert (tiktok.views_window_first, tiktok.views_window_last) == ("2026-03-04", "2026-03-29")
    # last 2 posts hold 2, the last 90 days hold all 3: the day window wins
    assert tiktok.median_views == 2_000  # median of 1,000 / 2,000 / 4,000
    assert (tiktok.median_window.rule, tiktok.median_window.posts) == ("last 90 days", 3)
    assert tiktok.engagement == HeadlineEngagement(
        key="per_view",
        value=200 / 2_000,  # median interactions (100, 200, 400) ÷ median views: 0.1
        denominator="view",
        numerator="likes + comments + shares",  # no post has saves
        method="median interactions per post ÷ median views per post",
        posts=3,
        benchmarked=True,  # 5,250 followers: TikTok's per-view tier 5K–10K
    )


def test_without_daily_data_the_window_is_the_30_days_ending_on_the_as_of_day():
    _, instagram = _headlines()
    assert instagram.platform == "instagram"
    assert instagram.followers is None and instagram.views_30d is None
    # 31 March − 29 days = 2 March: 30 days, both ends included
    assert instagram.views_window_days == 30
    assert (instagram.views_window_first, instagram.views_window_last) == (
        "2026-03-02", "2026-03-31")
    # the two reels (10 and 20 March) are the recent window: median of 3,000 and 1,000
    assert instagram.median_views == 2_000
    assert instagram.median_window.posts == 2


def test_without_a_rated_recent_post_the_all_posts_rate_names_what_it_divides():
    """No recent reel has a comment count, so there is no per-follower or per-view rate of the
    window: the headline falls back to the views-weighted rate over every post known, and says
    which posts entered it (only the old post has every count)."""
    _, instagram = _headlines()
    assert instagram.engagement == HeadlineEngagement(
        key="engagement_rate_per_view",
        value=250 / 5_000,  # (200 + 20 + 30) ÷ 5,000 = 0.05: the old post alone
        denominator="view",
        numerator="likes + comments + shares",
        method="sum of interactions ÷ sum of views over every post known (views-weighted)",
        posts=1,  # the old post; the reels have views but no comment count
        benchmarked=False,
    )
