"""Date windows shared by every metric, so "30 days" means the same thing everywhere.

A window of N days *ending on* ``as_of`` includes ``as_of`` and the N-1 days before it.
"""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd


def window_start(as_of: date, days: int) -> pd.Timestamp:
    """First day of the ``days``-long window that ends on ``as_of`` (inclusive)."""
    return pd.Timestamp(as_of - timedelta(days=days - 1))


def in_window(dates: pd.Series, as_of: date, days: int) -> pd.Series:
    """Boolean mask: which ``dates`` fall in the ``days``-long window ending on ``as_of``."""
    end = pd.Timestamp(as_of)
    return (dates >= window_start(as_of, days)) & (dates <= end)


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
