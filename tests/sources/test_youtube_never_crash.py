"""Whatever bytes land in the YouTube folder, the reader answers with data or a SourceError."""

from __future__ import annotations

import shutil
import tempfile
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mediakit.errors import MediakitError
from mediakit.sources import load_platform

SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Structured files go through the whole reader (pandas, ~0.1 s each): fewer, richer examples.
STRUCTURED = settings(SETTINGS, max_examples=50)
TABLE = ["Content", "Video title", "Video publish time", "Duration", "Average view duration",
         "Views", "Watch time (hours)", "Subscribers", "Thumbnail impressions"]


def _read(name: str, data: bytes) -> None:
    root = Path(tempfile.mkdtemp())
    try:
        folder = root / "data" / "youtube"
        folder.mkdir(parents=True)
        (folder / name).write_bytes(data)
        try:
            load_platform("youtube", folder, content_dir=root, exported_on=date(2026, 11, 17))
        except MediakitError as err:
            assert "\n" not in str(err) and name in str(err)
    finally:
        shutil.rmtree(root)


def _line(cells: list[str]) -> str:
    return ",".join('"' + cell.replace('"', '""') + '"' if set(cell) & set(',"\n') else cell
                    for cell in cells)


@SETTINGS
@given(name=st.sampled_from(["Table data.csv", "Totals.csv", "Chart data.csv", "x.json",
                             "export.zip"]),
       data=st.binary(max_size=300))
def test_random_bytes_never_crash(name: str, data: bytes) -> None:
    _read(name, data)


CELL = st.one_of(
    st.sampled_from(["Total", " -HHGH-TTqYM", "", "0", "-3", "58.005", "1321.6783", "0:04:23",
                     "9:99", "Apr 29, 2020", "Feb 30, 2026", "2026-11-16", "2024", "2024-05",
                     "abc", "1e400", "Apr 29, 0001", "0001-01-01", "9999-12-31"]),
    st.text(max_size=10),
)


@STRUCTURED
@given(rows=st.lists(st.lists(CELL, min_size=9, max_size=9), max_size=5))
def test_table_data_with_odd_cells_never_crashes(rows: list[list[str]]) -> None:
    text = "\n".join(_line(row) for row in [TABLE, *rows]) + "\n"
    _read("Table data.csv", text.encode("utf-8"))


@STRUCTURED
@given(metric=st.sampled_from(["Views", "Average view duration", "Subscribers", "Stayed to "
                               "watch (%)", "Unique viewers"]),
       content=st.booleans(),
       rows=st.lists(st.tuples(CELL, CELL, CELL), max_size=6))
def test_totals_and_chart_data_with_odd_cells_never_crash(metric, content, rows) -> None:
    header = ["Date", "Content", metric] if content else ["Date", metric]
    body = [list(row) if content else [row[0], row[2]] for row in rows]
    text = "\n".join(_line(row) for row in [header, *body]) + "\n"
    _read("Chart data.csv" if content else "Totals.csv", text.encode("utf-8"))
