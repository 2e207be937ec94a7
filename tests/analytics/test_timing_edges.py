"""Best-time edges mutation testing found untested: missing hours, short profiles, bad zones."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from mediakit.analytics.timing import (
    best_hours,
    best_start,
    best_time,
    convert_hour,
    hourly_profile,
    weekday_hour,
)
from mediakit.errors import MediakitError
from tests.helpers import activity


def test_a_missing_hour_counts_as_no_activity():
    # known: 0 at 03, 04, 06, 07 and 3.0 at 05; 2.5 at 20 with unknown hours (None or NaN)
    # around it. A 3-hour window starting at 03, 04 or 05 holds 3.0; one around 20 holds
    # 2.5 when an unknown hour is 0, so the best start is the earliest of 03-05: 03.
    # (Were unknown hours 1, the window 19-21 would hold 1 + 2.5 + 1 = 4.5 and win.)
    profile = [None] * 24
    profile[3], profile[4], profile[5], profile[6], profile[7] = 0.0, 0.0, 3.0, 0.0, 0.0
    profile[20] = 2.5
    profile[19] = profile[21] = float("nan")
    assert best_start(profile, 3) == 3


def test_a_profile_that_is_not_24_hours_has_no_best_start():
    assert best_start([1.0] * 23, 1) is None
    assert best_start([0.0] * 24, 1) is None  # no activity at all


def test_an_unknown_timezone_names_the_profile_key_and_an_example():
    with pytest.raises(MediakitError) as caught:
        convert_hour(18, "Europe/Dublin", "Mars/Olympus", date(2026, 3, 1))
    error = caught.value
    assert error.message == "unknown timezone 'Mars/Olympus'"
    assert (error.field, error.hint) == (
        "timezone", "use a name like Europe/Dublin or America/New_York")


def test_unknown_hours_just_after_midnight_do_not_make_midnight_the_best_start():
    """A NaN hour counts as 0 even where it falls in the very first window (start 00)."""
    # unknown at 00 and 01, 5.0 at 10, 0 elsewhere: 3-hour windows starting 08, 09 and 10 hold
    # 5.0, every other window 0, so the best start is 08 (an unknown hour left as NaN would
    # make window 00 incomparable and keep it).
    profile = [0.0] * 24
    profile[0] = profile[1] = float("nan")
    profile[10] = 5.0
    assert best_start(pd.Series(profile), 3) == 8
    assert best_start([float("nan")] * 24, 3) is None  # nothing known: no best start


def test_the_weekday_grid_has_seven_days_of_24_hours_and_keeps_midnight():
    # Monday 2026-01-05: 42 at 00:00; hours 24 and -1 are not hours of a day and are left out
    # (the canonical table keeps what the export said)
    grid = weekday_hour(activity([("2026-01-05", 0, 42.0), ("2026-01-05", 24, 5.0),
                                  ("2026-01-05", -1, 3.0), ("2026-01-05", 23, 7.0)]))
    assert len(grid) == 7 and all(len(day) == 24 for day in grid)
    assert grid[0][0] == 42.0 and grid[0][23] == 7.0
    assert [v for v in grid[0] if v is not None] == [42.0, 7.0]
    assert grid[1:] == [[None] * 24] * 6


def test_the_weekday_grid_rounds_means_to_one_decimal():
    # three Mondays at 18:00: (100 + 100 + 101) / 3 = 100.333... -> 100.3
    grid = weekday_hour(activity([("2026-01-05", 18, 100.0), ("2026-01-12", 18, 100.0),
                                  ("2026-01-19", 18, 101.0)]))
    assert grid[0][18] == 100.3


def test_hours_an_export_leaves_out_count_as_no_activity():
    # only 18:00-21:00 exported: the other 20 hours are 0 in the 24-hour profile, and the
    # windows wrap over them (start 18 holds 10 + 20 + 30 + 40 = 100)
    table = activity([("2026-01-05", 18, 10.0), ("2026-01-05", 19, 20.0),
                      ("2026-01-05", 20, 30.0), ("2026-01-05", 21, 40.0)])
    profile = hourly_profile(table)
    assert list(profile.index) == list(range(24))
    assert profile[3] == 0.0 and profile[21] == 40.0 and float(profile.sum()) == 100.0
    assert best_time(table, 4, "Europe/Dublin").start_hour == 18


def test_best_hours_lists_three_starts_by_default_for_the_window_asked():
    # 100 at 10:00, 50 at 13:00, 1 elsewhere. 2-hour windows: start 9 and 10 hold 101, 12 and
    # 13 hold 51, the rest 2. (4-hour windows would rank 10 first with 100 + 1 + 1 + 50.)
    rows = [("2026-01-05", hour, 1.0) for hour in range(24)]
    rows[10], rows[13] = ("2026-01-05", 10, 100.0), ("2026-01-05", 13, 50.0)
    assert best_hours(activity(rows), 2) == [9, 10, 12]


def _tz(table: pd.DataFrame, zones: list[str]) -> pd.DataFrame:
    table["tz"] = pd.array(zones, dtype="string")
    return table


def test_the_timezone_an_export_states_wins_and_a_silent_export_states_none():
    # an older export without a zone ("") for Jan 5, a newer one in Tokyo time for one row
    rows = [("2026-01-05", hour, 10.0) for hour in range(24)] + [("2026-01-06", 20, 500.0)]
    table = _tz(activity(rows), [""] * 24 + ["Asia/Tokyo"])
    best = best_time(table, 4, "Europe/Dublin")
    assert (best.timezone, best.timezone_assumed) == ("Asia/Tokyo", False)


def test_no_zone_anywhere_means_no_conversion():
    rows = [("2026-01-05", hour, 10.0 + (100.0 if hour == 20 else 0.0)) for hour in range(24)]
    # neither the export nor the profile names a zone: "" (the page says it is unknown), and
    # a brand timezone cannot be converted to from an unknown zone
    best = best_time(activity(rows), 4, None, "America/New_York", date(2026, 1, 5))
    assert (best.timezone, best.timezone_assumed) == ("", True)
    assert (best.target_start_hour, best.target_timezone) == (None, None)
    # a zone and a day but no brand timezone: nothing to convert to either
    best = best_time(activity(rows), 4, "Europe/Dublin", None, date(2026, 1, 5))
    assert (best.target_start_hour, best.target_timezone) == (None, None)


def test_a_window_past_midnight_ends_the_next_morning():
    # 3-hour windows; 100 at 23:00 and 00:00, 1 elsewhere: start 22 holds 1 + 100 + 100 = 201
    # and start 23 (23, 0, 1) the same; ties go to the earlier hour: 22, ending at 01:00
    rows = [("2026-01-05", hour, 1.0) for hour in range(24)]
    rows[23], rows[0] = ("2026-01-05", 23, 100.0), ("2026-01-05", 0, 100.0)
    best = best_time(activity(rows), 3, "Europe/Dublin")
    assert (best.start_hour, best.end_hour, best.window_hours) == (22, 1, 3)
    # day total 22 x 1 + 200 = 222; the window holds 201
    assert best.share_of_day == 201 / 222
    assert best.heatmap == weekday_hour(activity(rows))  # Monday's row, six empty days
    assert best.by_weekday == [22, None, None, None, None, None, None]
