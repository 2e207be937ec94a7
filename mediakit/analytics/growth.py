"""Follower growth from the follower counts themselves (never TikTok's "difference" column).

Growth over a period is only reported when the data reaches back to the period's first day: a
30-day change computed from 12 days of counts would understate it without saying so.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pandas as pd

from mediakit.analytics.compare import relative_change
from mediakit.analytics.figures import Growth, GrowthDay, GrowthPeriod, Post, Projection
from mediakit.analytics.reach import followers_on
from mediakit.analytics.windows import upto

PERIODS = (7, 30, 90, 365)
BEST_DAYS = 5
DRIVER_DAYS = 2  # posts published up to 2 days before a best day are listed as its drivers
PACE_DAYS = 90  # the projection's pace comes from (up to) the last 90 days ...
RANGE_DAYS = 180  # ... and its range from the 30-day stretches of the last 180 days
HORIZONS = (30, 90)


def counts(daily: pd.DataFrame, as_of: date) -> pd.Series:
    """Known follower counts up to ``as_of``, indexed by date (one per day: a day listed twice
    keeps its later row)."""
    rows = daily[upto(daily["date"], as_of) & daily["followers"].notna()]
    rows = rows.sort_values("date", kind="stable").drop_duplicates("date", keep="last")
    return pd.Series(rows["followers"].astype("int64").to_numpy(), index=rows["date"])


def period(daily: pd.DataFrame, as_of: date, days: int) -> GrowthPeriod | None:
    """Change over ``days`` ending on ``as_of``; None when counts do not reach back that far."""
    known = counts(daily, as_of)
    start_day = as_of - timedelta(days=days)
    if known.empty or known.index[0] > pd.Timestamp(start_day):
        return None
    start, end = followers_on(daily, start_day), followers_on(daily, as_of)
    if start is None or end is None:
        return None
    change = end - start
    return GrowthPeriod(days, start, end, change, relative_change(change, start), change / days)


def daily_gains(daily: pd.DataFrame, as_of: date) -> pd.Series:
    """Followers gained each day over the day before (only where both days are known)."""
    known = counts(daily, as_of)
    if len(known) < 2:
        return pd.Series(dtype="int64")
    gains = known.diff()
    consecutive = known.index.to_series().diff() == pd.Timedelta(days=1)
    return gains[consecutive.to_numpy()].astype("int64")


def best_days(
    daily: pd.DataFrame, posts: pd.DataFrame, as_of: date, to_post: Callable[..., Post],
    top: int = BEST_DAYS,
) -> list[GrowthDay]:
    """The ``top`` biggest daily gains, with that day's views and the posts then 0-2 days old.

    A post gathers most of its views (and the followers they bring) in its first two or three
    days, so the posts published that day or the two days before are the likely drivers.
    """
    gains = daily_gains(daily, as_of)
    gains = gains[gains > 0]
    if gains.empty:
        return []
    order = sorted(gains.items(), key=lambda item: (-item[1], item[0]))[:top]
    views = daily.dropna(subset=["views"]).set_index("date")["views"]
    result = []
    for day, gain in order:
        fresh = posts[
            posts["posted_at"].notna()
            & (posts["posted_at"] >= day - pd.Timedelta(days=DRIVER_DAYS))
            & (posts["posted_at"] < day + pd.Timedelta(days=1))
        ].sort_values(["views", "posted_at"], ascending=[False, True], na_position="last")
        seen = views.get(day)
        result.append(GrowthDay(
            date=day.date().isoformat(),
            gain=int(gain),
            views=None if seen is None or pd.isna(seen) else int(seen),
            posts=[to_post(row) for row in fresh.itertuples(index=False)],
        ))
    return result


def projections(daily: pd.DataFrame, as_of: date) -> list[Projection]:
    """Followers 30 and 90 days ahead if the recent pace holds, with a stated range.

    Pace: mean daily gain over the last 90 days of counts (at least 30 needed). Range: the
    slowest and the fastest 30-day gain among the 30-day stretches of the last 180 days, scaled
    to the horizon. A viral post can break either end; the page says so.
    """
    known = counts(daily, as_of)
    if known.empty:
        return []
    end_day, end = known.index[-1], int(known.iloc[-1])
    basis = known[known.index >= end_day - pd.Timedelta(days=PACE_DAYS)]
    span = (basis.index[-1] - basis.index[0]).days
    if span < 30:
        return []
    pace = (int(basis.iloc[-1]) - int(basis.iloc[0])) / span
    recent = known[known.index >= end_day - pd.Timedelta(days=RANGE_DAYS)]
    full = recent.reindex(pd.date_range(recent.index[0], recent.index[-1], freq="D"))
    stretches = (full - full.shift(30)).dropna()
    slow = float(stretches.min()) / 30 if len(stretches) else pace
    fast = float(stretches.max()) / 30 if len(stretches) else pace
    slow, fast = min(slow, pace), max(fast, pace)
    return [
        Projection(
            horizon_days=days,
            expected=round(end + pace * days),
            low=round(end + slow * days),
            high=round(end + fast * days),
            basis_days=span,
            pace_per_day=pace,
        )
        for days in HORIZONS
    ]


def growth(
    daily: pd.DataFrame, posts: pd.DataFrame, as_of: date, to_post: Callable[..., Post]
) -> Growth | None:
    """Everything about follower growth; None when no follower count is known."""
    if counts(daily, as_of).empty:
        return None
    periods = [p for p in (period(daily, as_of, days) for days in PERIODS) if p is not None]
    return Growth(
        periods=periods,
        best_days=best_days(daily, posts, as_of, to_post),
        projections=projections(daily, as_of),
    )
