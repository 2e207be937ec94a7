"""stats.json: the foundation's fields keep their meaning; the analytics fields are documented."""

from __future__ import annotations

import json
from datetime import date

import pytest

from mediakit.analytics.analyze import analyze
from mediakit.site.stats import stats, stats_json
from tests.analytics.conftest import two_platform_account


@pytest.fixture(scope="module")
def data():
    from mediakit.project.profile import Profile

    profile = Profile.model_validate({
        "name": "Ana", "timezone": "Europe/Dublin",
        "platforms": {"tiktok": {"handle": "@ana"}, "instagram": {"handle": "@ana"}},
    })
    return stats(analyze(two_platform_account(), profile))


def test_foundation_fields_are_unchanged(data):
    tiktok = data["platforms"]["tiktok"]
    assert data["schema_version"] == 1 and data["as_of"] == "2026-03-31"
    assert tiktok["followers"] == 20_890
    assert tiktok["followers_change_30d"] == 300  # +10 a day
    assert tiktok["views_30d"] == 150_000  # 30 x 5,000
    # median_views keeps its meaning: every post known (10,000..19,000 and 500,000 -> 15,000)
    assert tiktok["median_views"] == 15_000.0
    assert tiktok["audience"]["gender"] == {"female": 0.7, "male": 0.3}
    assert [post["views"] for post in tiktok["top_posts"]][0] == 500_000
    assert all(0 <= hour <= 23 for hour in tiktok["best_posting_hours"])


def test_analytics_fields_are_added_under_documented_names(data):
    tiktok = data["platforms"]["tiktok"]
    assert tiktok["reach"]["window"] == {"rule": "last 90 days", "posts": 11,
                                         "first": "2026-02-14", "last": "2026-03-10"}
    assert tiktok["reach"]["median_views"] == 15_000.0
    assert tiktok["reach"]["returning_share"] == round(30_000 / 90_000, 6)
    per_view = tiktok["engagement"]["per_view"]
    assert per_view["denominator"] == "view" and per_view["value"] == round(1_000 / 15_000, 6)
    assert tiktok["benchmark"]["denominator"] == "view"
    assert tiktok["benchmark"]["tier"] == "10K–50K followers"
    assert tiktok["benchmark"]["source_date"] == "2025-11"
    assert tiktok["growth"]["periods"]["30d"]["change"] == 300
    assert set(tiktok["growth"]["projection"]) == {"30d", "90d"}
    assert tiktok["viral_posts"][0]["views"] == 500_000
    assert tiktok["best_time"]["start_hour"] == 18
    assert tiktok["cadence"]["posts_per_week"] == round(11 / 13, 2)
    assert tiktok["period_comparison"]["views"]["change_rate"] == 0.0
    insta = data["platforms"]["instagram"]
    assert insta["benchmark"]["denominator"] == "follower"
    assert insta["engagement"]["per_reach"]["denominator"] == "reach"
    assert data["combined"] == {
        "followers": 20_890 + 8_178,
        "followers_by_platform": {"instagram": 8_178, "tiktok": 20_890},
        "views_30d": 150_000 + 45_000,
        "views_30d_by_platform": {"instagram": 45_000, "tiktok": 150_000},
    }


def test_the_bytes_are_stable_json_without_nan(data):
    from mediakit.project.profile import Profile

    profile = Profile.model_validate({"name": "A", "platforms": {"tiktok": {"handle": "@a"}}})
    report = analyze(two_platform_account(), profile, as_of=date(2026, 3, 31))
    first, second = stats_json(report), stats_json(report)
    assert first == second and first.endswith(b"\n")
    assert b"NaN" not in first and b"Infinity" not in first
    json.loads(first)  # strict JSON


def test_window_figures_carry_the_days_they_cover(data):
    # two_platform_account: daily Jan 1 .. Mar 31 2026; the 30 days ending Mar 31 (Mar 2 .. 31)
    # and the 30 before them (Jan 31 .. Mar 1) are all there
    tiktok = data["platforms"]["tiktok"]
    full = {"days": 30, "covered_days": 30, "first": "2026-03-02", "last": "2026-03-31"}
    assert tiktok["views_30d_span"] == full
    assert tiktok["reach"]["views_span"] == full and tiktok["reach"]["span_30d"] == full
    views = tiktok["period_comparison"]["views"]
    assert views["span"] == full
    assert views["previous_span"] == {"days": 30, "covered_days": 30, "first": "2026-01-31",
                                      "last": "2026-03-01"}
    assert views["change"] == 0.0  # 150,000 against 150,000
    assert tiktok["period_totals"] == []  # no export gave a period's own totals


def test_a_28_day_export_says_28_days_in_stats_json():
    from mediakit.project.profile import Profile
    from mediakit.tables import Account
    from tests.helpers import daily

    # Feb 1 .. 28 2026, 17,073 views a day: the "30-day" sum is 28 x 17,073 = 478,044
    profile = Profile.model_validate({"name": "A", "platforms": {"tiktok": {"handle": "@a"}}})
    account = Account(daily=daily([{"date": f"2026-02-{day:02d}", "views": 17_073,
                                    "followers": 1_000} for day in range(1, 29)]))
    tiktok = stats(analyze(account, profile))["platforms"]["tiktok"]
    assert tiktok["views_30d"] == 478_044
    assert tiktok["views_30d_span"] == {"days": 30, "covered_days": 28, "first": "2026-02-01",
                                        "last": "2026-02-28"}
    assert tiktok["followers_change_30d"] is None  # counts do not reach back 30 days
    assert tiktok["period_comparison"]["views"]["previous"] is None
