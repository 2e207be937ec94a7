"""analyze() end to end on one small hand-made creator, every checked number worked out by hand.

Rita has TikTok and YouTube. TikTok: ten days of counts (Mar 1..10, 2026) with one day's views
missing and one follower jump, three posts of low engagement, an audience export and a
self-reported age and city split. YouTube: no daily counts, only the platform's own period
totals, API snapshots and an export file list. The follower-activity export runs one day further
(Mar 11) than the daily counts.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from mediakit.analytics.analyze import analyze, method
from mediakit.errors import MediakitError
from mediakit.project.profile import Profile
from mediakit.tables import Account, SourceFile, conform
from tests.helpers import activity, daily, posts

# Followers: 1,000 on Mar 1 and +10 a day, except +500 on Mar 8 (so 1,060 on Mar 7, 1,560 on
# Mar 8, 1,580 on Mar 10). Views: 1,000 a day, Mar 5 unknown.
FOLLOWERS = [1_000, 1_010, 1_020, 1_030, 1_040, 1_050, 1_060, 1_560, 1_570, 1_580]


def rita_account() -> Account:
    tiktok_daily = daily([
        {"date": f"2026-03-{day:02d}", "followers": followers,
         "views": None if day == 5 else 1_000}
        for day, followers in enumerate(FOLLOWERS, start=1)
    ])
    # interactions (likes + comments + shares): 15+3+2 = 20, 30+6+4 = 40, 45+9+6 = 60
    tiktok_posts = posts([
        {"post_id": "a", "posted_at": "2026-03-02 19:00", "views": 1_000,
         "likes": 15, "comments": 3, "shares": 2},
        {"post_id": "b", "posted_at": "2026-03-05 19:00", "views": 2_000,
         "likes": 30, "comments": 6, "shares": 4},
        {"post_id": "c", "posted_at": "2026-03-08 19:00", "views": 3_000,
         "likes": 45, "comments": 9, "shares": 6},
    ])
    hours = activity([("2026-03-11", hour, 100.0) for hour in range(24)])
    splits = conform(pd.DataFrame([
        # written in no particular order: "other" goes last, the rest largest first
        ("tiktok", "gender", "other", 0.05, "2026-03-10", "export: FollowerGender.csv"),
        ("tiktok", "gender", "male", 0.35, "2026-03-10", "export: FollowerGender.csv"),
        ("tiktok", "gender", "female", 0.60, "2026-03-10", "export: FollowerGender.csv"),
        ("tiktok", "country", "Others", 0.2, "2026-03-10", "export: FollowerCountry.csv"),
        ("tiktok", "country", "IE", 0.3, "2026-03-10", "export: FollowerCountry.csv"),
        ("tiktok", "country", "PT", 0.5, "2026-03-10", "export: FollowerCountry.csv"),
        # an export row that does not name its file
        ("youtube", "gender", "female", 1.0, "2026-03-10", None),
    ], columns=["platform", "dimension", "segment", "share", "as_of", "source"]), "audience")
    periods = conform(pd.DataFrame([
        {"platform": "youtube", "first": "2026-02-01", "last": "2026-02-28", "views": 12_000,
         "watch_time_hours": 310.5, "followers_gained": 40, "impressions": 150_000},
        {"platform": "youtube", "first": None, "last": "2026-03-10", "views": 90_000,
         "watch_time_hours": 2_000.25, "followers_gained": -3, "impressions": 1_000_000},
        {"platform": "youtube", "first": "2026-02-09", "last": "2026-03-10"},
        {"platform": "youtube", "first": "2026-03-04", "last": "2026-03-10", "views": 5_000,
         "watch_time_hours": 120.0, "followers_gained": 10, "impressions": 60_000},
    ]), "periods")
    account = Account(daily=tiktok_daily, posts=tiktok_posts, activity=hours, audience=splits,
                      periods=periods)
    account.files = [
        SourceFile("data/tiktok/Overview.csv", "tiktok", "tiktok.overview", 10,
                   date(2026, 3, 1), date(2026, 3, 10)),
        SourceFile("data/tiktok/FollowerActivity.csv", "tiktok", "tiktok.follower_activity", 24,
                   date(2026, 3, 11), date(2026, 3, 11)),
        SourceFile("api/youtube/2026-03-06.json", "youtube", "youtube.api.daily", 1,
                   date(2026, 3, 6), date(2026, 3, 6)),
        SourceFile("api/youtube/2026-03-09.json", "youtube", "youtube.api.daily", 1,
                   date(2026, 3, 9), date(2026, 3, 9)),
        SourceFile("data/youtube/Table data.csv", "youtube", "youtube.table", 4,
                   date(2026, 2, 1), date(2026, 3, 10)),
        SourceFile("data/youtube/Viewer age.csv", "youtube", "youtube.audience", 6),
        SourceFile("data/youtube/posts_extra.csv", "youtube", "youtube.posts_extra", 2,
                   date(2026, 3, 1), date(2026, 3, 11)),
    ]
    account.warnings = ["data/tiktok/Overview.csv: 2 rows without a date were left out"]
    return account


def rita_profile() -> Profile:
    return Profile.model_validate({
        "name": "Rita", "timezone": "Europe/Lisbon",
        "platforms": {
            "tiktok": {"handle": "@rita", "url": "https://www.tiktok.com/@rita"},
            "youtube": {"handle": "@ritasings", "url": "https://www.youtube.com/@ritasings"},
        },
        "audience": {"tiktok": {
            "age": {"source": "copied from the app",
                    "shares": {"13-17": 0.2, "25-34": 0.3, "18-24": 0.5}},
            "city": {"source": "my own count",
                     "shares": {"Lisbon": 0.2, "Dublin": 0.2, "Athens": 0.1, "Cork": 0.3}},
            # the export has countries, so this self-reported split is not used
            "country": {"source": "a guess", "shares": {"BR": 1.0}},
        }},
    })


@pytest.fixture()
def report():
    return analyze(rita_account(), rita_profile())


def test_as_of_is_the_last_day_of_daily_counts_or_follower_activity(report):
    # daily counts end Mar 10, the activity export Mar 11: the later one
    assert report.as_of == date(2026, 3, 11)


def test_each_platform_keeps_its_handle_and_link_and_the_exports_warnings_pass_through(report):
    tiktok, youtube = report.platforms["tiktok"], report.platforms["youtube"]
    assert (tiktok.handle, tiktok.url) == ("@rita", "https://www.tiktok.com/@rita")
    assert (youtube.handle, youtube.url) == ("@ritasings", "https://www.youtube.com/@ritasings")
    assert report.warnings == ["data/tiktok/Overview.csv: 2 rows without a date were left out"]


def test_the_creator_is_told_of_the_gap_the_jump_and_the_low_engagement(report):
    # Gap: Mar 5 has followers but no views.
    # Jump: gains Mar 2..10 are 10 x 6, 500, 10, 10; the typical positive gain is 10, and 500 is
    # >= 200 and >= 5 x 10. Followers per view: 10 / 1,000 = 0.01 on the usual day (Mar 5 has no
    # views), 500 / 1,000 = 0.5 on Mar 8, >= 5 x 0.01.
    # Engagement: followers 1,580 -> tier 1K-5K (TikTok per view, average band 0.1206-0.1404);
    # median interactions 40 / median views 2,000 = 0.02 = 2.0%, under 0.5 x 0.1206 = 0.0603.
    # YouTube has no daily counts and no benchmark: no note.
    assert report.notes == [
        "tiktok: no daily views for 2026-03-05; an export covering those days would close the gap",
        "tiktok: +500 followers on 2026-03-08 with 1,000 video views; brand auditors look for "
        "jumps views do not explain (a shout-out or a live can explain it: be ready to say so)",
        "tiktok: engagement per view is 2.0%, under half the 1K–5K followers average band "
        "(12.1%–14.0%); brands read this as a sign of inactive followers",
    ]


def test_the_audience_takes_exports_first_and_the_profile_for_the_rest(report):
    """Order gender, age, country, city; exported shares win; self-reported ones are labelled."""
    def shown(splits):  # items as lists: a dict compares equal whatever its order
        return [(s.dimension, list(s.shares.items()), s.source, s.self_reported) for s in splits]

    assert shown(report.platforms["tiktok"].audience) == [
        # "export: " is taken off the file name
        ("gender", [("female", 0.6), ("male", 0.35), ("other", 0.05)], "FollowerGender.csv",
         False),
        # largest share first: 0.5, 0.3, 0.2
        ("age", [("18-24", 0.5), ("25-34", 0.3), ("13-17", 0.2)], "copied from the app", True),
        # exported, so the profile's BR is not used; Others last
        ("country", [("PT", 0.5), ("IE", 0.3), ("Others", 0.2)], "FollowerCountry.csv", False),
        # 0.3, then the tie at 0.2 in name order (Dublin before Lisbon), then 0.1
        ("city", [("Cork", 0.3), ("Dublin", 0.2), ("Lisbon", 0.2), ("Athens", 0.1)],
         "my own count", True),
    ]
    # an exported split without a file name says where it is from in general words
    assert shown(report.platforms["youtube"].audience) == [
        ("gender", [("female", 1.0)], "the platform's export", False)]


def test_the_as_of_line_names_the_newest_api_pull_and_the_newest_export(report):
    tiktok, youtube = report.platforms["tiktok"], report.platforms["youtube"]
    # TikTok: no API file; exports end Mar 10 and Mar 11
    assert (tiktok.api_pulled, tiktok.exported) == (None, "2026-03-11")
    # YouTube: pulls Mar 6 and Mar 9; exports: Table data to Mar 10 and an undated audience
    # file; the self-reported posts_extra (to Mar 11) is neither
    assert (youtube.api_pulled, youtube.exported) == ("2026-03-09", "2026-03-10")
    assert youtube.self_reported_files == ["data/youtube/posts_extra.csv"]


def test_period_totals_newest_end_first_then_longest_and_missing_numbers_stay_missing(report):
    totals = report.platforms["youtube"].period_totals
    # Ending Mar 10: from Feb 9 (30 days: 20 in Feb + 10 in Mar), from Mar 4 (7 days), from an
    # unknown day; then the one ending Feb 28 (28 days).
    assert [(t.first, t.last, t.days) for t in totals] == [
        ("2026-02-09", "2026-03-10", 30), ("2026-03-04", "2026-03-10", 7),
        (None, "2026-03-10", None), ("2026-02-01", "2026-02-28", 28)]
    assert [(t.views, t.watch_time_hours, t.followers_gained, t.impressions) for t in totals] == [
        (None, None, None, None), (5_000, 120.0, 10, 60_000),
        (90_000, 2_000.25, -3, 1_000_000), (12_000, 310.5, 40, 150_000)]


def test_without_daily_activity_or_periods_as_of_is_the_last_publish_day():
    profile = Profile.model_validate({"name": "P", "platforms": {"tiktok": {"handle": "@p"}}})
    account = Account(posts=posts([{"post_id": "a", "posted_at": "2026-02-10 21:30", "views": 10},
                                   {"post_id": "b", "posted_at": "2026-01-03 08:00", "views": 20}]))
    assert analyze(account, profile).as_of == date(2026, 2, 10)


def test_no_dated_data_at_all_is_an_error_that_says_what_to_do():
    profile = Profile.model_validate({"name": "P", "platforms": {"tiktok": {"handle": "@p"}}})
    with pytest.raises(MediakitError) as caught:
        analyze(Account(), profile)
    assert caught.value.message == "the exports hold no dated data, so there is nothing to show yet"
    assert caught.value.hint == ("put your TikTok Studio exports in content/data/tiktok/ and "
                                 "build again")


def test_the_method_page_gets_the_settings_and_the_constants():
    settings = analyze(rita_account(), rita_profile(), recent_count=12, recent_days=60,
                       window_hours=3).method
    assert (settings.recent_posts, settings.recent_days, settings.best_time_window_hours) == (
        12, 60, 3)
    shown = method(30, 90, 4)
    assert (shown.recent_posts, shown.recent_days, shown.best_time_window_hours) == (30, 90, 4)
    # posts.py: viral above 5x typical; "most engaging" needs 1,000 views; content.py: a feature
    # needs 2 posts and is solid from 5; stale.py: 14 days; freshness.py: a jump needs 200
    # followers, 5x the typical gain and 5x the usual conversion; far below is under half
    assert (shown.viral_multiple, shown.top_engagement_min_views) == (5.0, 1_000)
    assert (shown.insight_min_posts, shown.insight_solid_posts) == (2, 5)
    assert shown.stale_after_days == 14
    assert (shown.jump_min_followers, shown.jump_times_typical,
            shown.jump_times_conversion, shown.far_below) == (200, 5, 5, 0.5)


def test_the_method_page_gets_the_reference_tables_with_numbers_as_numbers():
    shown = method(30, 90, 4)
    # benchmarks.csv: 14 rows; the first is TikTok 1,000-5,000 followers
    assert len(shown.benchmarks) == 14
    first = shown.benchmarks[0]
    assert (first["platform"], first["tier"], first["below_from"], first["average_low"],
            first["average_high"], first["above_to"]) == (
        "tiktok", "1K–5K followers", 0.0949, 0.1206, 0.1404, 0.1851)
    # cpm.csv: 6 rows, the columns kept and the two CPMs read as numbers
    assert len(shown.cpm) == 6
    assert set(shown.cpm[0]) == {"platform", "format", "cpm_low", "cpm_high", "currency",
                                 "source", "url", "source_date"}
    assert (shown.cpm[0]["platform"], shown.cpm[0]["format"]) == ("tiktok", "video")
    assert (shown.cpm[0]["cpm_low"], shown.cpm[0]["cpm_high"]) == (7.0, 25.0)
    assert all(isinstance(row[key], float) for row in shown.cpm for key in ("cpm_low", "cpm_high"))
    # rate_multipliers.csv: 37 rows; the first is the technology niche, x1.3
    assert len(shown.multipliers) == 37
    assert set(shown.multipliers[0]) == {"kind", "key", "factor", "match", "source", "url"}
    assert (shown.multipliers[0]["key"], shown.multipliers[0]["factor"]) == ("technology", 1.3)
    assert all(isinstance(row["factor"], float) for row in shown.multipliers)
    # fx.csv: one rate, EUR -> USD 1.0411
    assert [(row["base"], row["quote"], row["rate"]) for row in shown.fx] == [
        ("EUR", "USD", 1.0411)]
    assert set(shown.fx[0]) == {"base", "quote", "rate", "date", "source", "url"}
