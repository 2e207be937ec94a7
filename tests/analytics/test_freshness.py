from datetime import date

import pandas as pd

from mediakit.analytics import freshness
from mediakit.analytics.figures import BenchmarkComparison
from mediakit.analytics.stale import freshness as age_notes
from mediakit.analytics.stale import stale_warnings
from tests.helpers import daily


def test_the_stale_warning_starts_after_14_days():
    assert stale_warnings(date(2026, 11, 16), date(2026, 11, 30)) == []  # 14 days: still fresh
    notes = stale_warnings(date(2026, 11, 16), date(2026, 12, 1))  # 15 days
    assert notes == ["the newest data is from 2026-11-16, 15 days ago: download fresh exports "
                     "before you send the kit"]


def test_demo_data_gets_a_note_and_real_data_the_warning():
    old, today = date(2026, 9, 30), date(2026, 12, 7)  # 68 days
    assert age_notes(old, today) == (
        ["the newest data is from 2026-09-30, 68 days ago: download fresh exports before you "
         "send the kit"], [])
    warnings, notes = age_notes(old, today, demo=True)
    assert warnings == []
    assert notes == ["this is demo data (demo: true in content/profile.yaml): a sample creator, "
                     "numbers up to 2026-09-30. Your own kit: mediakit init my-kit"]
    assert age_notes(date(2026, 12, 1), today) == ([], [])  # six days: fresh, nothing to say


def test_gaps_inside_the_known_span():
    table = daily([
        {"date": "2026-01-01", "views": 1}, {"date": "2026-01-02", "views": None},
        {"date": "2026-01-03", "views": None}, {"date": "2026-01-04", "views": 1},
        {"date": "2026-01-06", "views": 1},  # Jan 5 has no row at all
    ])
    assert freshness.gaps(table, "views") == [("2026-01-02", "2026-01-03"),
                                              ("2026-01-05", "2026-01-05")]
    assert freshness.gaps(table, "followers") == []  # never known: no span, no gap


def test_a_gap_of_three_days_or_more_keeps_its_first_day():
    """Folding days into ranges extends the last range's end, never moves its start."""
    # views known Jan 1 and Jan 6 only: Jan 2, 3, 4 and 5 missing -> one range Jan 2 .. Jan 5
    table = daily([{"date": "2026-01-01", "views": 1}, {"date": "2026-01-06", "views": 1}])
    assert freshness.gaps(table, "views") == [("2026-01-02", "2026-01-05")]


def _series(gains: list[int], views: list[int]) -> pd.DataFrame:
    followers, rows = 10_000, []
    for i, (gain, seen) in enumerate(zip(gains, views, strict=True)):
        followers += gain
        rows.append({"date": (pd.Timestamp("2026-01-01") + pd.Timedelta(days=i)).date()
                     .isoformat(), "followers": followers, "views": seen})
    return daily(rows)


def test_a_follower_jump_the_views_do_not_explain_is_noted():
    # ten quiet days (+20 followers on 10,000 views: 2 per 1,000), then +900 on 10,000 views
    table = _series([0] + [20] * 9 + [900], [10_000] * 11)
    assert freshness.follower_jumps(table, date(2026, 1, 11)) == [("2026-01-11", 900, 10_000)]


def test_a_viral_day_lifts_views_and_followers_together_and_passes():
    # +900 followers on 500,000 views: 1.8 per 1,000, under the usual 2 per 1,000
    table = _series([0] + [20] * 9 + [900], [10_000] * 10 + [500_000])
    assert freshness.follower_jumps(table, date(2026, 1, 11)) == []


def test_platform_notes_name_the_platform_and_stay_factual():
    table = _series([0] + [20] * 9 + [900], [10_000] * 11)
    bench = BenchmarkComparison("view", 0.03, "10K–50K followers", 0.0838, 0.0937, 0.0628,
                                0.1138, "low", 0.34, "Modash", None, "2025-11", "median")
    notes = freshness.platform_notes("tiktok", table, date(2026, 1, 11), bench)
    assert len(notes) == 2
    assert notes[0].startswith("tiktok: +900 followers on 2026-01-11 with 10,000 video views")
    # 3.0% is under half of 8.38% (4.19%)
    assert "3.0%" in notes[1] and "under half" in notes[1]
