"""platform_report on one small TikTok account, every number worked out by hand.

The account (as of 2026-03-31, asked for with a 2-hour best-time window):

* daily follower counts on a few days only: 900 / 1,000 / 1,100 on 2025-03-30 / 31 / 04-01 (a
  year back), then 4,000 (Feb 28), 4,200 (Mar 1), 4,300 (Mar 15), 4,400 (Mar 30), 4,700
  (Mar 31); views 100 / 200 / 300 / - / 400 and profile views 7 / 10 / 20 / - / 30 on the same
  2026 days;
* seven posts with views 1,000 .. 6,000 and a viral 70,000, plus one post without a view count;
  interactions (likes + 20 comments + 10 shares) 300 / 500 / 600 / 800 / 900 / 1,000 / 7,000;
  the first three carry a self-reported average watch time (posts-extra.csv);
* follower activity on two days: 400 from 08:00 to 11:00, 600 at 18:00 and 19:00, 100 otherwise,
  and at 00:00 10.0 one day and 10.46 the other;
* audience countries GB 60 %, Others 40 %.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from mediakit.analytics.analyze import method, platform_report
from mediakit.analytics.figures import Insight, Span
from mediakit.analytics.report import PlatformReport
from mediakit.project.profile import Profile
from mediakit.tables import Account, SourceFile, conform
from tests.helpers import activity, audience, daily, posts

AS_OF = date(2026, 3, 31)
URL = "https://www.tiktok.com/@ana"
OVERVIEW = "data/tiktok/Overview.csv"
EXTRA = "data/tiktok/posts-extra.csv"

# post id, posted at, views, interactions, kind, self-reported average watch seconds
POSTS = [
    ("p1", "2026-03-01 18:00", 1_000, 300, "video", 5.0),
    ("p2", "2026-03-05 18:00", 2_000, 500, "video", 7.0),
    ("p3", "2026-03-10 18:00", 3_000, 600, "video", 9.0),
    ("p4", "2026-03-15 18:00", 4_000, 800, "video", None),
    ("p5", "2026-03-20 18:00", 5_000, 900, "image", None),
    ("p6", "2026-03-25 18:00", 6_000, 1_000, "image", None),
    ("p7", "2026-03-30 20:00", 70_000, 7_000, "image", None),
]


def _account() -> Account:
    days = daily([
        {"date": "2025-03-30", "followers": 900},
        {"date": "2025-03-31", "followers": 1_000},
        {"date": "2025-04-01", "followers": 1_100},
        {"date": "2026-02-28", "followers": 4_000, "views": 100, "profile_views": 7},
        {"date": "2026-03-01", "followers": 4_200, "views": 200, "profile_views": 10},
        {"date": "2026-03-15", "followers": 4_300, "views": 300, "profile_views": 20},
        {"date": "2026-03-30", "followers": 4_400},
        {"date": "2026-03-31", "followers": 4_700, "views": 400, "profile_views": 30},
    ])
    instagram = daily([{"date": "2026-03-31", "followers": 99_000, "views": 50_000}],
                      platform="instagram")
    rows = [{"post_id": pid, "posted_at": at, "views": views, "likes": total - 30,
             "comments": 20, "shares": 10, "kind": kind, "avg_watch_s": watch}
            for pid, at, views, total, kind, watch in POSTS]
    rows.append({"post_id": "p8", "posted_at": "2026-03-12 18:00", "likes": 5, "kind": "video"})
    hours = activity([
        (day, hour, (10.0 if day == "2026-03-29" else 10.46) if hour == 0
         else 400.0 if 8 <= hour <= 11 else 600.0 if hour in (18, 19) else 100.0)
        for day in ("2026-03-29", "2026-03-30") for hour in range(24)
    ])
    countries = audience([("country", "GB", 0.6, "2026-03-31"),
                          ("country", "Others", 0.4, "2026-03-31")])
    frames = {"daily": pd.concat([days, instagram]), "posts": posts(rows),
              "audience": countries, "activity": hours}
    account = Account(**{name: conform(frame, name) for name, frame in frames.items()})
    account.files = [
        SourceFile(OVERVIEW, "tiktok", "tiktok.overview", 8, date(2025, 3, 30), date(2026, 3, 31)),
        SourceFile(EXTRA, "tiktok", "tiktok.posts_extra", 3),
        SourceFile("data/instagram/Reach.csv", "instagram", "instagram.reach", 1,
                   date(2026, 3, 31), date(2026, 3, 31)),
    ]
    return account


def _profile() -> Profile:
    return Profile.model_validate({
        "name": "Ana", "timezone": "Europe/Dublin", "niche": "Music",
        "platforms": {"tiktok": {"handle": "@ana"}, "instagram": {"handle": "@ana"}},
        "rates": [{"deliverable": "1 video", "price": 400, "currency": "USD",
                   "platform": "tiktok"}],
    })


@pytest.fixture()
def report() -> PlatformReport:
    # one report per test (not per module): mutmut links a mutant to the tests that call its
    # function, and a module-wide fixture would count only for the first test
    return platform_report(_account(), _profile(), "tiktok", "@ana", URL, AS_OF, window_hours=2)


def test_the_report_names_its_account_and_the_follower_change_over_30_days(report):
    assert (report.platform, report.handle, report.url) == ("tiktok", "@ana", URL)
    assert report.followers == 4_700  # Mar 31 (Instagram's 99,000 are not TikTok's)
    # 30 days before Mar 31 is Mar 1 (4,200): 4,700 - 4,200; not Feb 28's 4,000 (31 days)
    assert report.followers_change_30d == 500
    # the first and the last day of the daily data
    assert (report.first_date, report.last_date) == ("2025-03-30", "2026-03-31")


def test_30_day_sums_cover_mar_2_to_mar_31_and_post_counts(report):
    # Mar 2 .. Mar 31: views 300 (Mar 15) + 400 (Mar 31); Mar 1 is the 31st day back
    assert report.views_30d == 700
    assert report.views_30d_span == Span(days=30, covered_days=17, first="2026-03-15",
                                         last="2026-03-31", ends_on_as_of=True)
    assert report.profile_views_30d == 20 + 30
    # views 1,000 + 2,000 + ... + 6,000 + 70,000 = 91,000 over 7 posts; p8 has no view count
    assert report.median_views == 4_000.0
    assert report.mean_views == 91_000 / 7
    assert (report.posts_counted, report.posts_known) == (7, 8)
    # interactions 300 + 500 + 600 + 800 + 900 + 1,000 + 7,000 = 11,100 over 91,000 views
    assert report.engagement_rate_per_view == 11_100 / 91_000
    # the recent window (last 90 days) holds the 7 posts: median 4,000 over 4,700 followers
    assert report.reach.median_views == 4_000.0
    assert report.reach.views_to_followers == 4_000 / 4_700


def test_series_keep_the_days_after_a_year_back_that_have_the_column(report):
    # a year before Mar 31, 2026 is Mar 31, 2025: that day and before are left out
    assert report.followers_series == [
        ("2025-04-01", 1_100), ("2026-02-28", 4_000), ("2026-03-01", 4_200),
        ("2026-03-15", 4_300), ("2026-03-30", 4_400), ("2026-03-31", 4_700)]
    # Mar 30 has followers but no views: only the days with views are in the views series
    assert report.views_series == [("2026-02-28", 100), ("2026-03-01", 200),
                                   ("2026-03-15", 300), ("2026-03-31", 400)]


def test_best_hours_use_the_window_asked_for_and_the_profile_is_rounded_to_tenths(report):
    # 2-hour windows: 18+19 = 1,200; 8+9, 9+10, 10+11 = 800 (ties: earlier hour first). A
    # 4-hour window would rank 8..11 = 1,600 first, then 16..19, 17..20 = 1,400.
    assert report.best_posting_hours == [18, 8, 9]
    # 00:00: (10.0 + 10.46) / 2 = 10.23, shown as 10.2
    assert report.activity_by_hour == (
        [10.2] + [100.0] * 7 + [400.0] * 4 + [100.0] * 6 + [600.0] * 2 + [100.0] * 4)


def test_top_lists_hold_six_posts_measured_against_the_median(report):
    # by views: 70,000, 6,000, ..., 2,000; p1 (1,000) is the seventh
    assert [p.post_id for p in report.top_posts] == ["p7", "p6", "p5", "p4", "p3", "p2"]
    assert report.top_posts[0].times_median == 70_000 / 4_000
    # per view: p1 300/1,000 = .30, p2 .25, p3 600/3,000 = p4 800/4,000 = .20 (post id breaks
    # the tie), p5 .18, p6 .167; p7 7,000/70,000 = .10 is the seventh
    assert [p.post_id for p in report.top_by_engagement] == ["p1", "p2", "p3", "p4", "p5", "p6"]
    assert [p.times_median for p in report.top_by_engagement] == [
        1_000 / 4_000, 2_000 / 4_000, 3_000 / 4_000, 1.0, 5_000 / 4_000, 6_000 / 4_000]


def test_the_best_growth_day_lists_its_fresh_posts_against_the_median(report):
    # gains on consecutive days: Mar 31 +300 (4,400 -> 4,700), Mar 1 +200, 2025 days +100
    best = report.growth.best_days[0]
    assert (best.date, best.gain, best.views) == ("2026-03-31", 300, 400)
    # posts of Mar 29 .. Mar 31: p7 (Mar 30), 70,000 views = 17.5 x the median 4,000
    assert [(p.post_id, p.times_median) for p in best.posts] == [("p7", 17.5)]


def test_sources_are_the_platforms_files_and_retention_is_self_reported(report):
    assert report.sources == [
        {"path": OVERVIEW, "kind": "tiktok.overview", "rows": 8,
         "first_date": "2025-03-30", "last_date": "2026-03-31"},
        {"path": EXTRA, "kind": "tiktok.posts_extra", "rows": 3,
         "first_date": None, "last_date": None},
    ]
    assert report.self_reported_files == [EXTRA]
    assert report.exported == "2026-03-31" and report.api_pulled is None
    retention = report.retention
    # p1, p2, p3 watched 5, 7 and 9 seconds on average: median 7
    assert (retention.posts, retention.median_avg_watch_s) == (3, 7.0)
    assert retention.self_reported is True and retention.source == EXTRA


def test_insights_compare_the_post_kinds_with_the_account_median(report):
    # videos p1..p4: median of 1,000..4,000 = 2,500, 2,500 / 4,000 - 1 = -0.375;
    # images p5..p7: median of 5,000 / 6,000 / 70,000 = 6,000, 6,000 / 4,000 - 1 = +0.5
    assert report.insights == [Insight("kind", "video", 4, 2_500.0, -0.375, True),
                               Insight("kind", "image", 3, 6_000.0, 0.5, True)]


def test_suggested_rates_use_the_benchmark_band_and_the_audience_countries(report):
    # per view: median interactions 800 / median views 4,000 = 0.20, above the 1K-5K tier's
    # "above" line 0.1851: band "high", factor 1.2
    assert report.benchmark.tier == "1K–5K followers" and report.benchmark.band == "high"
    advice = report.rates
    assert advice.expected_views == 4_000.0
    assert advice.multipliers["engagement"] == (1.2, "engagement high for the tier")
    # GB 0.85 ("Others" left out): 0.6 x 0.85 / 0.6
    assert advice.multipliers["audience region"][0] == pytest.approx(0.85)
    organic = advice.suggestions[0]
    # 4,000 / 1,000 x 7..25 USD x (1.0 niche x 0.85 region x 1.2 engagement = 1.02)
    # = 28.56 .. 102: 29 (to the unit under 100) .. 100 (to the nearest 10)
    assert (organic.low, organic.high) == (29.0, 100.0)


def test_an_account_younger_than_30_days_has_no_30_day_change():
    account = Account(daily=daily([{"date": "2026-03-20", "followers": 100},
                                   {"date": "2026-03-31", "followers": 120}]))
    report = platform_report(account, _profile(), "tiktok", "@ana", None, AS_OF)
    # no count on or before Mar 1: the change is unknown, not 120
    assert report.followers == 120 and report.followers_change_30d is None


def test_the_methodology_benchmark_rows_name_their_tier():
    rows = method(30, 90, 4).benchmarks
    tiktok = [row for row in rows if row["platform"] == "tiktok"]
    # benchmarks.csv: the first TikTok tier is 1,000..5,000, the last 1,000,000 and up
    assert tiktok[0]["tier"] == "1K–5K followers" and tiktok[0]["below_from"] == 0.0949
    assert tiktok[-1]["tier"] == "1M+ followers" and tiktok[-1]["above_to"] == 0.0869
