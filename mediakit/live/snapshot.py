"""A pull's numbers, in memory, then written as one dated snapshot folder, all or nothing.

A platform client fills a :class:`Snapshot` completely before anything touches the disk; then
:func:`write` puts ``content/data/<platform>/api/<YYYY-MM-DD>/`` in place with one rename, so a
failed or interrupted pull leaves the previous snapshots exactly as they were. The CSV layout is
the one :mod:`mediakit.sources.api_snapshot` reads (docs/live-numbers.md).
"""

from __future__ import annotations

import csv
import io
import os
import shutil
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from mediakit.sources.api_snapshot import FILES
from mediakit.sources.files import API_DIR

Row = dict[str, Any]


@dataclass
class Snapshot:
    """What one platform's pull found, by snapshot file (rows keyed by the file's columns)."""

    platform: str
    day: date  # the day of the pull: the folder's name, the posts' and audience's date
    daily: list[Row] = field(default_factory=list)
    posts: list[Row] = field(default_factory=list)
    audience: list[Row] = field(default_factory=list)
    period: list[Row] = field(default_factory=list)

    def tables(self) -> dict[str, list[Row]]:
        """File name -> rows, for the files that have any."""
        rows = {
            "daily.csv": self.daily,
            "posts.csv": self.posts,
            "audience.csv": self.audience,
            "period.csv": self.period,
        }
        return {name: found for name, found in rows.items() if found}


def render(name: str, rows: list[Row]) -> bytes:
    """One snapshot file's bytes: fixed columns, rows sorted, '\\n' line ends (deterministic)."""
    columns = FILES[name][1]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    lines = sorted([_cell(row.get(column)) for column in columns] for row in rows)
    writer.writerows(lines)
    return buffer.getvalue().encode("utf-8")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.6f}".rstrip("0").rstrip(".")
    return str(value)


def write(snapshot: Snapshot, platform_dir: Path) -> Path:
    """Put ``<platform_dir>/api/<day>/`` in place atomically; a same-day folder is replaced."""
    api = platform_dir / API_DIR
    api.mkdir(parents=True, exist_ok=True)
    target = api / snapshot.day.isoformat()
    staging = api / f".{snapshot.day.isoformat()}.partial"
    old = api / f".{snapshot.day.isoformat()}.old"
    for leftover in (staging, old):  # an earlier pull interrupted mid-way
        if leftover.exists():
            shutil.rmtree(leftover)
    staging.mkdir()
    for name, rows in snapshot.tables().items():
        with open(staging / name, "wb") as handle:
            handle.write(render(name, rows))
            handle.flush()
            os.fsync(handle.fileno())
    if target.exists():
        os.replace(target, old)
    os.replace(staging, target)
    if old.exists():
        shutil.rmtree(old)
    return target
