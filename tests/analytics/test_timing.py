from mediakit.analytics import timing
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
