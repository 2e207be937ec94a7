from datetime import date

import pytest

from mediakit.analytics import timing
from mediakit.errors import MediakitError
from tests.helpers import activity


def _day(date: str, evening_peak: float) -> list[tuple[str, int, float]]:
    rows = [(date, hour, 100.0) for hour in range(24)]
    rows[19] = (date, 19, evening_peak)
    rows[20] = (date, 20, evening_peak)
    return rows


def test_hourly_profile_averages_the_days():
    table = activity(_day("2026-01-01", 500.0) + _day("2026-01-02", 700.0))
    profile = timing.hourly_profile(table)
    assert profile[19] == 600.0  # (500 + 700) / 2
    assert profile[3] == 100.0


def test_best_start_is_before_the_peak_so_the_window_covers_it():
    table = activity(_day("2026-01-01", 500.0))
    # 4-hour windows: start 17 covers 17,18,19,20 = 100 + 100 + 500 + 500 = 1200,
    # start 18: 18..21 = 100 + 500 + 500 + 100 = 1200, start 19: 19..22 = 1200,
    # start 20: 20..23 = 500 + 300 = 800. Ties go to the earlier hour.
    assert timing.best_hours(table, window_hours=4, top=3) == [17, 18, 19]


def test_window_wraps_past_midnight():
    rows = [("2026-01-01", hour, 0.0) for hour in range(24)]
    rows[0] = ("2026-01-01", 0, 900.0)
    rows[23] = ("2026-01-01", 23, 900.0)
    scores = timing.window_scores(timing.hourly_profile(activity(rows)), window_hours=2)
    assert scores[23] == 1800.0  # 23:00 + 00:00


def test_no_activity_no_hours():
    assert timing.best_hours(activity([])) == []


def test_weekday_hour_grid_averages_each_weekday_and_leaves_missing_days_empty():
    # 2026-01-05 and 2026-01-12 are Mondays, 2026-01-06 a Tuesday
    table = activity([("2026-01-05", 18, 100.0), ("2026-01-12", 18, 300.0),
                      ("2026-01-06", 9, 50.0)])
    grid = timing.weekday_hour(table)
    assert grid[0][18] == 200.0  # (100 + 300) / 2
    assert grid[1][9] == 50.0
    assert grid[2] == [None] * 24  # no Wednesday exported


def test_best_time_window_share_and_peak():
    rows = [("2026-01-05", hour, 10.0) for hour in range(24)]
    rows[20] = ("2026-01-05", 20, 130.0)
    table = activity(rows)
    best = timing.best_time(table, 4, "Europe/Dublin")
    # day total = 23 x 10 + 130 = 360; start 17 covers 17..20 = 10 + 10 + 10 + 130 = 160
    # (starts 17, 18, 19, 20 all cover hour 20 with 160; the earliest wins)
    assert best.start_hour == 17 and best.end_hour == 21
    assert best.share_of_day == 160 / 360
    assert best.peak_hour == 20
    assert best.timezone == "Europe/Dublin" and best.timezone_assumed
    assert best.days == 1 and best.by_weekday[0] == 17 and best.by_weekday[1] is None


def test_best_time_converted_to_a_brand_timezone_on_the_as_of_day():
    rows = [("2026-01-05", hour, 10.0 + (100.0 if hour == 20 else 0.0)) for hour in range(24)]
    best = timing.best_time(activity(rows), 4, "Europe/Dublin", "America/New_York",
                            date(2026, 1, 5))
    # 17:00 in Dublin (UTC+0 in January) is 12:00 in New York (UTC-5)
    assert best.target_start_hour == 12 and best.target_timezone == "America/New_York"


def test_hour_conversion_follows_summer_time():
    # January: Dublin UTC+0, Tokyo UTC+9; July: Dublin UTC+1
    assert timing.convert_hour(18, "Europe/Dublin", "Asia/Tokyo", date(2026, 1, 15)) == 3
    assert timing.convert_hour(18, "Europe/Dublin", "Asia/Tokyo", date(2026, 7, 15)) == 2
    assert timing.convert_hour(18, "Europe/Dublin", "Asia/Kolkata", date(2026, 1, 15)) == 23


def test_an_unknown_timezone_is_a_user_error():
    with pytest.raises(MediakitError, match="unknown timezone 'Mars/Olympus'"):
        timing.convert_hour(18, "Europe/Dublin", "Mars/Olympus", date(2026, 1, 15))


def test_no_activity_no_best_time():
    assert timing.best_time(activity([]), 4, "Europe/Dublin") is None
