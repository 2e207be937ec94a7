from datetime import date

import pandas as pd
import pytest

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


# Follower-jump rule at its edges (issue 15). _series(gains, views): the first gain is the
# first day's and is not a daily gain; views None is a day without views.

def _none(n: int) -> list[int | None]:
    return [None] * n


@pytest.mark.parametrize(("gains", "jump"), [
    # 7 daily gains are enough: +900 after six days of +20 (typical 20 -> 100) with no views
    ([0] + [20] * 6 + [900], 900),
    # a gain of exactly 200 is big enough, 150 is not even at 15x the typical 10
    ([0] + [10] * 6 + [200], 200),
    ([0] + [10] * 6 + [150], None),
    # exactly 5x the typical gain (5 x 50 = 250) is a jump; 240 is not
    ([0] + [50] * 6 + [250], 250),
    ([0] + [50] * 6 + [240], None),
    # the typical gain is the median of the days that gained (> 0): zeros do not lower it.
    # [60, 60, 60, 250] -> 60, so 250 < 300 is no jump (with the zeros the median would be 30)
    ([0, 0, 0, 0, 0, 60, 60, 60, 250], None),
    # ... and days that gained 1 count: [1, 1, 1, 1, 1, 60, 60, 250] -> 1, so 250 is a jump
    ([0, 1, 1, 1, 1, 1, 60, 60, 250], 250),
])
def test_a_jump_needs_200_followers_and_five_times_the_typical_gain(gains, jump):
    table = _series(gains, _none(len(gains)))
    as_of = date(2026, 1, len(gains))
    expected = [] if jump is None else [(f"2026-01-{len(gains):02d}", jump, None)]
    assert freshness.follower_jumps(table, as_of) == expected


def test_six_daily_gains_are_too_few_to_call_a_jump():
    table = _series([0] + [20] * 5 + [900], _none(7))
    assert freshness.follower_jumps(table, date(2026, 1, 7)) == []


def test_a_jump_on_a_day_of_zero_views_has_no_views_to_compare():
    # +900 on a day whose views are 0: nothing explains it, noted as "no video views" (None),
    # not as a conversion of 900 / 0
    table = _series([0] + [20] * 6 + [900], [10_000] * 7 + [0])
    assert freshness.follower_jumps(table, date(2026, 1, 8)) == [("2026-01-08", 900, None)]
    # one view is a view: +900 on 1 view is a conversion far above the usual 2 per 1,000
    table = _series([0] + [20] * 6 + [900], [10_000] * 7 + [1])
    assert freshness.follower_jumps(table, date(2026, 1, 8)) == [("2026-01-08", 900, 1)]


def test_followers_per_view_of_exactly_five_times_the_usual_is_a_jump():
    # usual: 20 per 10,000 views = 0.002; the jump: 200 on 20,000 views = 0.01 = 5 x 0.002
    table = _series([0] + [20] * 6 + [200], [10_000] * 7 + [20_000])
    assert freshness.follower_jumps(table, date(2026, 1, 8)) == [("2026-01-08", 200, 20_000)]


def test_the_usual_conversion_counts_only_days_that_gained():
    # 10,000 views a day; daily gains 0, 0, 0, 0, -10, +40, +40, +40, then +300 on 20,000
    # views. Usual followers per view: the median over the days that gained, 40 / 10,000 =
    # 0.004 (the jump day's 0.015 is the fourth); 0.015 < 5 x 0.004 = 0.02, so no jump.
    # (Counting the zero days would halve the usual to 0.002 and make it one; the loss day too.)
    gains = [0, 0, 0, 0, 0, -10, 40, 40, 40, 300]
    table = _series(gains, [10_000] * 9 + [20_000])
    assert freshness.follower_jumps(table, date(2026, 1, 10)) == []


def test_platform_notes_in_full():
    table = daily([
        {"date": "2026-01-01", "followers": 100, "views": 10},
        {"date": "2026-01-02", "followers": 101},  # one day without views
        {"date": "2026-01-03", "followers": 102, "views": 10},
        {"date": "2026-01-07", "followers": 106, "views": 10},  # Jan 4-6: no row at all
    ])
    # 3.0% against an average band from 6.0%: exactly half, not *under* half
    bench = BenchmarkComparison("view", 0.03, "10K–50K followers", 0.06, 0.09, 0.04,
                                0.1138, "low", 0.4, "Modash", None, "2025-11", "median")
    assert freshness.platform_notes("tiktok", table, date(2026, 1, 7), bench) == [
        "tiktok: no daily followers for 2026-01-04 to 2026-01-06; an export covering those "
        "days would close the gap",
        "tiktok: no daily views for 2026-01-02; an export covering those days would close "
        "the gap",
        "tiktok: no daily views for 2026-01-04 to 2026-01-06; an export covering those days "
        "would close the gap",
    ]
    # a jump on a day without views, in words; no benchmark, no engagement note
    jumpy = _series([0] + [20] * 6 + [900], [10_000] * 7 + [None])
    # (Jan 8's missing views are after the last known day: not a gap)
    assert freshness.platform_notes("tiktok", jumpy, date(2026, 1, 8), None) == [
        "tiktok: +900 followers on 2026-01-08 with no video views; brand auditors look for "
        "jumps views do not explain (a shout-out or a live can explain it: be ready to say so)",
    ]
