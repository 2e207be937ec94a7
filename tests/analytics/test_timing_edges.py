"""Best-time edges mutation testing found untested: missing hours, short profiles, bad zones."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from mediakit.analytics.timing import best_start, convert_hour, weekday_hour
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
