"""When to post: the start hour whose first hours of life see the most active followers.

A post gathers most of its views in its first hours, so the best start is the hour that
maximises the follower activity summed over the next ``window_hours`` (posting a little before
the evening peak, not at it).
"""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pandas as pd

from mediakit.analytics.figures import BestTime
from mediakit.errors import MediakitError


def hourly_profile(activity: pd.DataFrame) -> pd.Series | None:
    """Mean active followers for each hour 0-23 over the days exported (None without data)."""
    rows = activity.dropna(subset=["hour", "active_followers"])
    if rows.empty:
        return None
    profile = rows.groupby(rows["hour"].astype(int))["active_followers"].mean().astype(float)
    return profile.reindex(range(24), fill_value=0.0)


def window_scores(profile: pd.Series, window_hours: int = 4) -> pd.Series:
    """For each start hour, the activity summed over the window (wrapping past midnight)."""
    values = profile.to_numpy()
    scores = [sum(values[(start + k) % 24] for k in range(window_hours)) for start in range(24)]
    return pd.Series(scores, index=range(24), dtype=float)


def best_hours(activity: pd.DataFrame, window_hours: int = 4, top: int = 3) -> list[int]:
    """The ``top`` start hours, best first (ties: earlier hour first)."""
    profile = hourly_profile(activity)
    if profile is None:
        return []
    scores = window_scores(profile, window_hours)
    ranked = sorted(range(24), key=lambda hour: (-scores[hour], hour))
    return ranked[:top]


def weekday_hour(activity: pd.DataFrame) -> list[list[float | None]]:
    """[weekday][hour] mean active followers, Monday first; None where no day was exported."""
    rows = activity.dropna(subset=["date", "hour", "active_followers"])
    grid: list[list[float | None]] = [[None] * 24 for _ in range(7)]
    if rows.empty:
        return grid
    means = rows.groupby([rows["date"].dt.day_of_week, rows["hour"].astype(int)])[
        "active_followers"
    ].mean()
    for (weekday, hour), value in means.items():
        if 0 <= hour < 24:
            grid[int(weekday)][int(hour)] = round(float(value), 1)
    return grid


def best_start(profile: list[float | None] | pd.Series, window_hours: int) -> int | None:
    """The start hour with the largest activity over the window (ties: the earlier hour)."""
    values = [0.0 if v is None or pd.isna(v) else float(v) for v in list(profile)]
    if len(values) != 24 or not any(values):
        return None
    scores = window_scores(pd.Series(values, index=range(24)), window_hours)
    return min(range(24), key=lambda hour: (-scores[hour], hour))


def convert_hour(hour: int, from_tz: str, to_tz: str, on: date) -> int:
    """``hour`` o'clock on ``on`` in ``from_tz`` as the hour in ``to_tz`` (whole-hour offsets;
    a half-hour zone rounds down: 18:00 Dublin is 23:30 in Kolkata -> 23)."""
    start = datetime.combine(on, time(hour), tzinfo=_zone(from_tz))
    return start.astimezone(_zone(to_tz)).hour


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except Exception as exc:  # ZoneInfoNotFoundError, ValueError for malformed keys
        raise MediakitError(f"unknown timezone '{name}'", field="timezone",
                            hint="use a name like Europe/Dublin or America/New_York") from exc


def best_time(
    activity: pd.DataFrame, window_hours: int, timezone: str | None,
    target_timezone: str | None = None, as_of: date | None = None,
) -> BestTime | None:
    """The posting window and its context; None without follower activity.

    The exports do not say which timezone the hours are in; TikTok Studio shows them in the
    account's local time, so the creator's timezone is assumed (and the page says so).
    """
    profile = hourly_profile(activity)
    if profile is None or not profile.any():
        return None
    start = best_start(profile, window_hours)
    assert start is not None  # profile.any() above
    scores = window_scores(profile, window_hours)
    total = float(profile.sum())
    stated = activity["tz"].dropna()
    stated = stated[stated != ""]
    zone = str(stated.iloc[0]) if len(stated) else (timezone or "")
    heatmap = weekday_hour(activity)
    target_start = None
    if target_timezone and zone and as_of is not None:
        target_start = convert_hour(start, zone, target_timezone, as_of)
    return BestTime(
        start_hour=start,
        end_hour=(start + window_hours) % 24,
        window_hours=window_hours,
        share_of_day=float(scores[start]) / total,
        peak_hour=int(profile.idxmax()),
        timezone=zone,
        timezone_assumed=not len(stated),
        days=int(activity["date"].dropna().nunique()),
        by_weekday=[best_start(row, window_hours) if any(v for v in row if v) else None
                    for row in heatmap],
        heatmap=heatmap,
        target_timezone=target_timezone if target_start is not None else None,
        target_start_hour=target_start,
    )
