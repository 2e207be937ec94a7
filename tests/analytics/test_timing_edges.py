"""Best-time edges mutation testing found untested: missing hours, short profiles, bad zones."""

from __future__ import annotations

from datetime import date

import pytest

from mediakit.analytics.timing import best_start, convert_hour
from mediakit.errors import MediakitError


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
