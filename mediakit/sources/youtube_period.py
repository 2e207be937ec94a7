"""Which period a YouTube Studio export covers: the files do not say it, their neighbours do.

``Table data.csv`` holds totals for a period it never names. Its end (and start) is read from the
daily Totals/Chart data exported with it, else from the zip's or folder's name, which Studio
writes as "Content 2025-11-17_2026-11-16 …". mediakit.sources.youtube falls back to the profile's
``exported_on`` and, last, to the file's date with a warning.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import Protocol

import pandas as pd

from mediakit.sources import dates
from mediakit.sources.files import RawFile

_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


class Dated(Protocol):
    """A file read by mediakit.sources.youtube: its kind and, for Totals/Chart data, dates."""

    raw: RawFile
    kind: str
    frame: pd.DataFrame


def folder_of(label: str) -> str:
    """The export a file belongs to: its zip or folder ("" for a file at the top)."""
    return label.rsplit("/", 1)[0] if "/" in label else ""


def export_ends(readings: Sequence[Dated]) -> dict[str, tuple[date, date]]:
    """The first and last day of each export (folder or zip): its Totals/Chart data's dates."""
    ends: dict[str, tuple[date, date]] = {}
    for reading in readings:
        if reading.kind != "table" and len(reading.frame):
            first = reading.frame["date"].min().date()
            last = reading.frame["date"].max().date()
            folder = folder_of(reading.raw.label)
            known = ends.get(folder, (first, last))
            ends[folder] = (min(known[0], first), max(known[1], last))
    return ends


def _name_days(label: str) -> list[date]:
    """The plausible ISO dates in the export's zip or folder name, in the order written."""
    days = []
    for found in _ISO_DAY.finditer(folder_of(label)):
        try:
            day = date(int(found[1]), int(found[2]), int(found[3]))
        except ValueError:
            continue
        if dates.plausible(day):
            days.append(day)
    return days


def name_end(label: str) -> date | None:
    """The last ISO date in the export's zip or folder name ("Content 2025-11-17_2026-11-16")."""
    days = _name_days(label)
    return days[-1] if days else None


def name_start(label: str) -> date | None:
    """The first of two ISO dates in the export's name: the period's start."""
    days = _name_days(label)
    return days[0] if len(days) >= 2 and days[0] <= days[-1] else None
