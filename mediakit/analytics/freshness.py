"""Freshness and authenticity signals, as notes for the creator (``mediakit check``).

These are what a brand-side auditor looks for; mediakit tells the creator first, in plain words,
and never prints them on the public kit. Analytics stays clock-free: the age of the data is
told by mediakit.analytics.stale, from a ``today`` the build passes in.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from mediakit.analytics.figures import BenchmarkComparison
from mediakit.analytics.growth import daily_gains

JUMP_MIN_FOLLOWERS = 200  # a jump smaller than this is noise at any size
JUMP_TIMES_TYPICAL = 5  # ... and it must be 5x the typical daily gain
JUMP_TIMES_CONVERSION = 5  # ... and 5x the typical followers-per-view of that day
FAR_BELOW = 0.5  # engagement under half the tier's "average" band is worth a look
DAILY_COLUMNS = ("followers", "views")


def _ranges(days: list[pd.Timestamp]) -> list[tuple[str, str]]:
    """Consecutive days folded into (first, last) ISO pairs."""
    ranges: list[tuple[str, str]] = []
    for day in sorted(days):
        iso = day.date().isoformat()
        if ranges and (day - pd.Timestamp(ranges[-1][1])).days == 1:
            ranges[-1] = (ranges[-1][0], iso)
        else:
            ranges.append((iso, iso))
    return ranges


def gaps(daily: pd.DataFrame, column: str) -> list[tuple[str, str]]:
    """Date ranges inside the known span of ``column`` where it has no value."""
    known = daily.dropna(subset=[column])
    if known.empty:
        return []
    span = pd.date_range(known["date"].min(), known["date"].max(), freq="D")
    missing = span.difference(pd.DatetimeIndex(known["date"]))
    return _ranges(list(missing))


def follower_jumps(daily: pd.DataFrame, as_of: date) -> list[tuple[str, int, int | None]]:
    """Days whose follower gain the day's views do not explain: (date, gain, views).

    Rule: gain >= JUMP_MIN_FOLLOWERS, and >= JUMP_TIMES_TYPICAL x the median positive daily
    gain, and followers per view that day >= JUMP_TIMES_CONVERSION x the median ratio (or no
    views at all that day). A viral video lifts views and followers together and passes.
    """
    gains = daily_gains(daily, as_of)
    if len(gains) < 7:
        return []
    positive = gains[gains > 0]
    typical = float(positive.median()) if len(positive) else 0.0
    views = daily.dropna(subset=["views"]).set_index("date")["views"].astype("float64")
    ratios = gains.astype("float64") / views.reindex(gains.index)
    ratios = ratios[np.isfinite(ratios) & (ratios > 0)]
    usual = float(ratios.median()) if len(ratios) else None
    jumps = []
    for day, gain in gains.items():
        if gain < JUMP_MIN_FOLLOWERS or gain < JUMP_TIMES_TYPICAL * typical:
            continue
        seen = views.get(day)
        if seen is None or pd.isna(seen) or seen <= 0:
            jumps.append((day.date().isoformat(), int(gain), None))
        elif usual is not None and gain / seen >= JUMP_TIMES_CONVERSION * usual:
            jumps.append((day.date().isoformat(), int(gain), int(seen)))
    return jumps


def platform_notes(
    name: str, daily: pd.DataFrame, as_of: date, benchmark: BenchmarkComparison | None
) -> list[str]:
    """Gaps, unexplained follower jumps and very low engagement for one platform."""
    notes = []
    for column in DAILY_COLUMNS:
        for first, last in gaps(daily, column):
            span = first if first == last else f"{first} to {last}"
            notes.append(f"{name}: no daily {column.replace('_', ' ')} for {span}; an export "
                         "covering those days would close the gap")
    for day, gain, views in follower_jumps(daily, as_of):
        seen = "no video views" if views is None else f"{views:,} video views"
        notes.append(f"{name}: +{gain:,} followers on {day} with {seen}; brand auditors look for "
                     "jumps views do not explain (a shout-out or a live can explain it: be ready "
                     "to say so)")
    if benchmark is not None and benchmark.value < FAR_BELOW * benchmark.average_low:
        notes.append(
            f"{name}: engagement per {benchmark.denominator} is {benchmark.value:.1%}, under "
            f"half the {benchmark.tier} average band ({benchmark.average_low:.1%}–"
            f"{benchmark.average_high:.1%}); brands read this as a sign of inactive followers")
    return notes
