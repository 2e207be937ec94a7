"""The last 30 days against the 30 days before: is the account growing or fading right now?

Two rules keep the comparison honest. A daily sum is compared only when both periods' data span
all their days (28 days of an export against nothing is no "change"; each sum keeps its Span so
the page says what it covers). And a relative change needs a positive base: TikTok's daily
comment counts go below zero (deleted comments), and "−66.7%" for −2 against −6 says comments
fell when they rose by 4, so on a zero or negative base only the difference is given.
"""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd

from mediakit.analytics.figures import PeriodChange, Span
from mediakit.analytics.reach import followers_on
from mediakit.analytics.windows import column_span, in_window

DAYS = 30
DAILY_SUMS = (
    ("views", "Video views"),
    ("profile_views", "Profile views"),
    ("likes", "Likes"),
    ("comments", "Comments"),
    ("shares", "Shares"),
    ("new_viewers", "New viewers"),
    ("returning_viewers", "Returning viewers"),
)


def _sum(daily: pd.DataFrame, column: str, end: date, days: int) -> tuple[float | None, bool]:
    """Sum over the window and whether every one of its days has a value."""
    values = daily.loc[in_window(daily["date"], end, days), ["date", column]].dropna()
    if values.empty:
        return None, False
    return float(values[column].sum()), values["date"].nunique() == days


def relative_change(difference: float | None, base: float | None) -> float | None:
    """difference ÷ base, only on a positive base: from 0 it is infinite, from below 0 it lies.

    The one rule for every relative change mediakit prints (periods, follower growth).
    """
    if difference is None or base is None or base <= 0:
        return None
    return difference / base


def change(key: str, label: str, current: float | None, previous: float | None,
           complete: bool, note: str | None = None, span: Span | None = None,
           previous_span: Span | None = None) -> PeriodChange:
    """One row: the difference and the relative change.

    Without both values, or when a daily sum's period is not spanned by data, there is no
    difference; on a base of 0 or below there is a difference but no relative change.
    """
    comparable = all(item is None or item.full for item in (span, previous_span))
    diff = None if current is None or previous is None or not comparable else current - previous
    return PeriodChange(key, label, current, previous, diff, relative_change(diff, previous),
                        complete, note, span, previous_span)


def _median_views(posts: pd.DataFrame, end: date, days: int) -> tuple[float | None, int]:
    mask = in_window(posts["posted_at"].dt.normalize(), end, days) & posts["views"].notna()
    views = posts.loc[mask.fillna(False), "views"]
    return (None if views.empty else float(views.astype("float64").median())), len(views)


def periods(daily: pd.DataFrame, posts: pd.DataFrame, as_of: date,
            days: int = DAYS) -> list[PeriodChange]:
    """Headline metrics for the ``days`` ending on as_of and the ``days`` before them."""
    before = as_of - timedelta(days=days)
    rows: list[PeriodChange] = []
    # each window's rows picked once, not once per column and figure (the same sums and spans)
    now, then = (daily[in_window(daily["date"], end, days)] for end in (as_of, before))
    for column, label in DAILY_SUMS:
        current, full_now = _sum(now, column, as_of, days)
        previous, full_then = _sum(then, column, before, days)
        if current is None and previous is None:
            continue
        rows.append(change(column, label, current, previous, full_now and full_then,
                           span=column_span(now, column, as_of, days),
                           previous_span=column_span(then, column, before, days)))
    ends = [followers_on(daily, day) for day in (as_of, before, before - timedelta(days=days))]
    if all(value is not None for value in ends):
        now, mid, start = ends
        rows.insert(0, change("followers_gained", "Followers gained", float(now - mid),  # type: ignore[operator]
                              float(mid - start), True))  # type: ignore[operator]
    dated = posts[posts["posted_at"].notna()]
    published = [int(in_window(dated["posted_at"].dt.normalize(), end, days).sum())
                 for end in (as_of, before)]
    if any(published):
        rows.append(change("posts", "Posts published", float(published[0]), float(published[1]),
                           True))
    (now_median, now_n), (then_median, then_n) = (
        _median_views(dated, as_of, days), _median_views(dated, before, days))
    if now_median is not None or then_median is not None:
        rows.append(change("median_views", "Median views of posts published",
                           now_median, then_median, now_n > 0 and then_n > 0,
                           f"over {now_n} and {then_n} posts with a view count"))
    return rows
