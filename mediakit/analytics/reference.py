"""The reference tables shipped in mediakit/analytics/data/: benchmarks, CPM, rate multipliers, FX.

These are constants of the method, not the creator's data: reading them does not make analytics
depend on anything but its inputs. They are read once per process and returned as plain rows
(lists of dicts of strings), so the methodology page can print them as they are.
"""

from __future__ import annotations

import csv
import functools
import io
from importlib import resources

TABLES = ("benchmarks", "cpm", "rate_multipliers", "fx")


@functools.cache
def _read(name: str) -> tuple[tuple[tuple[str, str], ...], ...]:
    text = (resources.files("mediakit.analytics") / "data" / f"{name}.csv").read_text("utf-8")
    return tuple(tuple(row.items()) for row in csv.DictReader(io.StringIO(text)))


def table(name: str) -> list[dict[str, str]]:
    """The rows of analytics/data/<name>.csv (a fresh copy: callers may not change the cache)."""
    if name not in TABLES:
        raise KeyError(name)
    return [dict(row) for row in _read(name)]


def number(text: str) -> float | None:
    """A numeric cell; '' is missing."""
    text = text.strip()
    return float(text) if text else None
