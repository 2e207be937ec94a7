"""Date windows shared by every metric, so "30 days" means the same thing everywhere.

A window of N days *ending on* ``as_of`` includes ``as_of`` and the N-1 days before it. When the
data covers fewer of those days (a 28-day export, an account younger than the window), the figure
is a figure over fewer days, and ``span`` says how many: every label of a window figure is worded
from its Span, never from the window's nominal length.
"""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd

from mediakit.analytics.figures import Span


def window_start(as_of: date, days: int) -> pd.Timestamp:
    """First day of the ``days``-long window that ends on ``as_of`` (inclusive)."""
    return pd.Timestamp(as_of - timedelta(days=days - 1))


def in_window(dates: pd.Series, as_of: date, days: int) -> pd.Series:
    """Boolean mask: which ``dates`` fall in the ``days``-long window ending on ``as_of``."""
    end = pd.Timestamp(as_of)
    return (dates >= window_start(as_of, days)) & (dates <= end)


def span(dates: pd.Series, as_of: date, days: int) -> Span | None:
    """The days that ``dates`` (the days a figure has a value) cover in the window ending as_of.

    From the first to the last such day inside the window, both included; None when no day
    falls inside it (the figure is then unknown, not zero).
    """
    inside = dates[in_window(dates, as_of, days)].dropna()
    if inside.empty:
        return None
    first, last = inside.min(), inside.max()
    return Span(
        days=days,
        covered_days=(last - first).days + 1,
        first=first.date().isoformat(),
        last=last.date().isoformat(),
        ends_on_as_of=last.date() == as_of,
    )


def column_span(daily: pd.DataFrame, column: str, as_of: date, days: int) -> Span | None:
    """The Span of a daily column's known values in the window (see ``span``)."""
    return span(daily.loc[daily[column].notna(), "date"], as_of, days)


def upto(dates: pd.Series, as_of: date) -> pd.Series:
    """Mask of dates on or before the end of ``as_of`` (times on that day included)."""
    return dates < pd.Timestamp(as_of) + pd.Timedelta(days=1)


def last_data_date(*frames: pd.DataFrame, column: str = "date") -> date | None:
    """The last day that has any data: the default ``as_of``."""
    last: pd.Timestamp | None = None
    for frame in frames:
        if column in frame and frame[column].notna().any():
            candidate = frame[column].max()
            last = candidate if last is None or candidate > last else last
    return None if last is None else last.date()


def recent_posts(
    posts: pd.DataFrame, as_of: date, count: int, days: int
) -> tuple[pd.DataFrame, str]:
    """The recent window: the last ``count`` posts or the last ``days`` days, whichever holds more.

    Only dated posts with a view count published on or before ``as_of`` take part (a post without
    views cannot say anything about reach). Returns the posts, oldest first, and the rule that won
    ("last 30 posts" / "last 90 days"); on a tie the day window wins, being the simpler to read.
    With fewer than ``count`` posts in all, the rule says so ("posts with a view count").
    """
    known = posts[posts["views"].notna() & posts["posted_at"].notna()]
    known = known[upto(known["posted_at"], as_of)]
    known = known.sort_values(["posted_at", "post_id"], kind="mergesort")
    by_days = known[known["posted_at"] >= window_start(as_of, days)]
    by_count = known.tail(count)
    if len(by_count) > len(by_days):
        rule = f"last {count} posts" if len(by_count) == count else "posts with a view count"
        return by_count, rule
    return by_days, f"last {days} days"
