"""The theme's helpers beside the formatting filters: signed changes and the benchmark meter.

Kept apart from render.py, which puts them into every Jinja environment it makes.
"""

from __future__ import annotations

from mediakit.analytics.figures import BenchmarkComparison
from mediakit.site.format import MISSING, Formatter


def signed_percent(value: object, formatter: Formatter) -> str:
    """+21.1% / −3.0%: a relative change, its sign always shown."""
    text = formatter.percent(value)
    if text == MISSING:
        return text
    return ("−" if float(value) < 0 else "+") + formatter.percent(abs(float(value)))  # type: ignore[arg-type]


def meter(benchmark: BenchmarkComparison) -> dict[str, float]:
    """Where the benchmark's average band and the creator's rate sit on a 0-100 scale.

    The scale ends a little past the larger of the band's top ("above average" ends) and the
    rate, so the marker never sits on the edge.
    """
    top = max(benchmark.above_to or benchmark.average_high, benchmark.value,
              benchmark.average_high) * 1.15
    def at(value: float) -> float:
        return round(min(max(value / top, 0.0), 1.0) * 100, 1)

    low = at(benchmark.average_low)
    return {"low": low, "width": round(at(benchmark.average_high) - low, 1),
            "value": at(benchmark.value)}


FAVOURABLE_BANDS = ("average", "above average", "high")


def benchmark_shown(benchmark: BenchmarkComparison | None, rule: str) -> bool:
    """Whether the tier badge and band go on a public page, by the creator's ``site.benchmark``:
    ``always``, ``never``, or ``favourable`` (at or above the tier's average band)."""
    if benchmark is None or rule == "never":
        return False
    return rule == "always" or benchmark.band in FAVOURABLE_BANDS


def country_name(code: str, formatter: Formatter) -> str:
    """ISO alpha-2 -> the country's name in the profile's language ("IE" -> "Ireland")."""
    if code.lower() in ("other", "others"):
        return formatter.gettext("Other countries")
    return formatter.language_locale.territories.get(code.upper(), code)
