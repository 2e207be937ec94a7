"""How many people see a post and the account: counts over windows, medians over posts.

Typical reach is the median, not the mean: one viral video should not make a kit promise views the
next sponsored post will not get.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from mediakit.analytics.figures import ReachStats, Window
from mediakit.analytics.windows import column_span, in_window, span, upto

REACH_DAYS = 30  # the account's reach counts are over the 30 days ending on as_of
REACH_COLUMNS = ("views", "profile_views", "reached", "new_viewers", "returning_viewers")


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


def window_mean(daily: pd.DataFrame, column: str, as_of: date, days: int) -> float | None:
    """Mean of a daily column over the days of the window that have a value."""
    values = daily.loc[in_window(daily["date"], as_of, days), column].dropna()
    if values.empty:
        return None
    return float(values.astype("float64").mean())


def returning_share(new_viewers: int | None, returning_viewers: int | None) -> float | None:
    """Returning ÷ (new + returning): the part of the viewers who came back (the loyal audience)."""
    if new_viewers is None or returning_viewers is None:
        return None
    total = new_viewers + returning_viewers
    if total <= 0:
        return None
    return returning_viewers / total


def views_to_followers(median: float | None, followers: int | None) -> float | None:
    """Typical views ÷ followers: above 1 means posts travel well beyond the follower base."""
    if median is None or not followers:
        return None
    return median / followers


def reach_stats(
    daily: pd.DataFrame, window: pd.DataFrame, rule: str, followers: int | None, as_of: date
) -> ReachStats:
    """Typical reach over the recent window and the account's 30-day reach counts.

    The 30-day counts come with the days they really cover (``views_span`` for the daily views,
    ``span_30d`` for any reach column), so a 28-day export is labelled 28 days.
    """
    views = window["views"].dropna().astype("int64")
    median = median_views(window)
    new = window_sum(daily, "new_viewers", as_of, REACH_DAYS)
    back = window_sum(daily, "returning_viewers", as_of, REACH_DAYS)
    known = daily[list(REACH_COLUMNS)].notna().any(axis=1)
    dates = window["posted_at"].dropna()
    return ReachStats(
        window=Window(
            rule=rule,
            posts=len(views),
            first=dates.min().date().isoformat() if len(dates) else None,
            last=dates.max().date().isoformat() if len(dates) else None,
        ),
        median_views=median,
        mean_views=mean_views(window),
        min_views=int(views.min()) if len(views) else None,
        max_views=int(views.max()) if len(views) else None,
        views_per_day_30d=window_mean(daily, "views", as_of, REACH_DAYS),
        profile_views_30d=window_sum(daily, "profile_views", as_of, REACH_DAYS),
        unique_viewers_per_day_30d=window_mean(daily, "reached", as_of, REACH_DAYS),
        new_viewers_30d=new,
        returning_viewers_30d=back,
        returning_share=returning_share(new, back),
        views_to_followers=views_to_followers(median, followers),
        views_span=column_span(daily, "views", as_of, REACH_DAYS),
        span_30d=span(daily.loc[known, "date"], as_of, REACH_DAYS),
    )
