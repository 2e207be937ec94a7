"""Fair comparison: the creator's engagement beside peers of the same platform, size and method.

A benchmark row is used only when its platform and **denominator** match the rate's: a per-view
rate is never set against a per-follower benchmark (they differ by an order of magnitude).
"""

from __future__ import annotations

from mediakit.analytics.figures import BenchmarkComparison, Rate
from mediakit.analytics.reference import number, table

BANDS = ("low", "below average", "average", "above average", "high")


def tier_label(low: float, high: float | None) -> str:
    """1000, 5000 -> "1K–5K followers"; 1000000, None -> "1M+ followers"."""
    def short(value: float) -> str:
        if value >= 1_000_000:
            return f"{value / 1_000_000:g}M"
        if value >= 1_000:
            return f"{value / 1_000:g}K"
        return f"{value:g}"
    if high is None:
        return f"{short(low)}+ followers"
    return f"{short(low)}–{short(high)} followers"


def find(
    platform: str, denominator: str, followers: int, rows: list[dict[str, str]] | None = None
) -> dict[str, str] | None:
    """The benchmark row for this platform, denominator and follower tier (tiers are half-open)."""
    for row in table("benchmarks") if rows is None else rows:
        if row["platform"] != platform or row["denominator"] != denominator:
            continue
        low, high = number(row["tier_min"]), number(row["tier_max"])
        if low is not None and followers >= low and (high is None or followers < high):
            return row
    return None


def band(value: float, row: dict[str, str]) -> str:
    """Where ``value`` falls among the source's bands: low .. high."""
    below_from, above_to = number(row["below_from"]), number(row["above_to"])
    average_low, average_high = float(row["average_low"]), float(row["average_high"])
    if value < average_low:
        return "low" if below_from is not None and value < below_from else "below average"
    if value <= average_high:
        return "average"
    return "high" if above_to is not None and value > above_to else "above average"


def compare(
    rate: Rate | None, platform: str, followers: int | None,
    rows: list[dict[str, str]] | None = None,
) -> BenchmarkComparison | None:
    """The rate against the benchmark of the same denominator and tier; None without one."""
    if rate is None or rate.value is None or not followers:
        return None
    row = find(platform, rate.denominator, followers, rows)
    if row is None:
        return None
    low, high = float(row["average_low"]), float(row["average_high"])
    return BenchmarkComparison(
        denominator=rate.denominator,
        value=rate.value,
        tier=tier_label(float(row["tier_min"]), number(row["tier_max"])),
        average_low=low,
        average_high=high,
        below_from=number(row["below_from"]),
        above_to=number(row["above_to"]),
        band=band(rate.value, row),
        vs_midpoint=rate.value / ((low + high) / 2),
        source=row["source"],
        url=row["url"] or None,
        source_date=row["source_date"],
        method=row["method"],
        numerator=row.get("numerator", ""),
    )


def headline_rate(rates: list[Rate], platform: str) -> Rate | None:
    """The rate a platform's benchmarks use: per follower on Instagram, per view elsewhere."""
    wanted = "per_follower" if platform == "instagram" else "per_view"
    return next((rate for rate in rates if rate.key == wanted), None)
