"""When to post: the start hour whose first hours of life see the most active followers.

A post gathers most of its views in its first hours, so the best start is the hour that
maximises the follower activity summed over the next ``window_hours`` (posting a little before
the evening peak, not at it).
"""

from __future__ import annotations

import pandas as pd


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
