"""How regularly the creator posts: brands book creators who show up every week.

Counts every known post (a post without a view count was still published), so TikTok's
"Download your data" list makes this exact even where Content.csv lists only top posts.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from mediakit.analytics.figures import Cadence
from mediakit.analytics.windows import upto, window_start

WINDOW_DAYS = 91  # 13 whole weeks ending on as_of


def cadence(posts: pd.DataFrame, as_of: date, days: int = WINDOW_DAYS) -> Cadence | None:
    """Posts per week, the longest gap, and the share of weeks with a post; None without posts.

    Weeks are counted back from ``as_of`` (the last week ends on as_of), so a partial calendar
    week never makes the creator look idle. The longest gap runs between consecutive posts in
    the window, and from the last post to ``as_of``.
    """
    dated = posts["posted_at"].dropna()
    dated = dated[upto(dated, as_of)]
    if dated.empty:
        return None
    start = window_start(as_of, days)
    inside = dated[dated >= start].sort_values()
    end = pd.Timestamp(as_of)
    days_since = int((end - dated.max().normalize()).days)
    weeks = days // 7
    counts: list[tuple[str, int]] = []
    for week in range(weeks):
        last_day = end - pd.Timedelta(days=7 * (weeks - 1 - week))
        first_day = last_day - pd.Timedelta(days=6)
        count = int(((inside.dt.normalize() >= first_day) & (inside.dt.normalize() <= last_day))
                    .sum())
        counts.append((last_day.date().isoformat(), count))
    gap = None
    if len(inside):
        stamps = list(inside.dt.normalize()) + [end]
        gap = max(int((b - a).days) for a, b in zip(stamps, stamps[1:], strict=False))
    active = sum(1 for _, count in counts if count) / weeks if weeks else 0.0
    return Cadence(
        window_days=days,
        posts=len(inside),
        posts_per_week=len(inside) / (days / 7),
        longest_gap_days=gap,
        days_since_last_post=days_since,
        active_weeks_share=active,
        weekly_counts=counts,
    )
