"""How many people see a post and the account: counts over windows, medians over posts.

Typical reach is the median, not the mean: one viral video should not make a kit promise views the
next sponsored post will not get.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from mediakit.analytics.windows import in_window, upto


def followers_on(daily: pd.DataFrame, day: date) -> int | None:
    """Last known follower count on or before ``day`` (None before the first known count)."""
    known = daily[upto(daily["date"], day) & daily["followers"].notna()]
    if known.empty:
        return None
    return int(known.sort_values("date")["followers"].iloc[-1])


def window_sum(daily: pd.DataFrame, column: str, as_of: date, days: int) -> int | None:
    """Sum of a daily column over the window ending on ``as_of``; None when no day has a value."""
    values = daily.loc[in_window(daily["date"], as_of, days), column].dropna()
    if values.empty:
        return None
    return int(values.sum())


def posts_upto(posts: pd.DataFrame, as_of: date) -> pd.DataFrame:
    """Posts published on or before ``as_of`` (posts without a date are kept: they exist)."""
    mask = posts["posted_at"].isna() | upto(posts["posted_at"], as_of)
    return posts[mask]


def median_views(posts: pd.DataFrame) -> float | None:
    """Median views per post over the posts given (those with a view count)."""
    views = posts["views"].dropna()
    if views.empty:
        return None
    return float(views.astype("float64").median())


def mean_views(posts: pd.DataFrame) -> float | None:
    """Mean views per post: shown only as context beside the median."""
    views = posts["views"].dropna()
    if views.empty:
        return None
    return float(views.astype("float64").mean())
