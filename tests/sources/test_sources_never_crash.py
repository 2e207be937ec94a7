"""Whatever bytes a creator drops in the folder, the reader answers with data or a SourceError.

A raw KeyError or UnicodeDecodeError would reach the creator as a traceback; these property tests
throw random and half-valid files at the reader to make sure that never happens.
"""

from __future__ import annotations

import shutil
import tempfile
from datetime import date
from pathlib import Path

from export_bytes import OVERVIEW_HEADER, csv_bytes, zip_bytes
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mediakit.errors import MediakitError
from mediakit.sources import load_platform

SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _read(name: str, data: bytes) -> None:
    root = Path(tempfile.mkdtemp())
    try:
        folder = root / "data" / "tiktok"
        folder.mkdir(parents=True)
        (folder / name).write_bytes(data)
        try:
            load_platform("tiktok", folder, content_dir=root, exported_on=date(2026, 1, 3))
        except MediakitError as err:
            assert "\n" not in str(err) and name in str(err)
    finally:
        shutil.rmtree(root)


@SETTINGS
@given(
    name=st.sampled_from(["Overview.csv", "Overview.xlsx", "user_data_tiktok.json", "x.zip"]),
    data=st.binary(max_size=300),
)
def test_random_bytes_never_crash(name: str, data: bytes) -> None:
    _read(name, data)


CELL = st.one_of(
    st.sampled_from(["0", "-3", "1,234", "undefined", "", "abc", "February 28", "31 août"]),
    st.text(max_size=12),
)


@SETTINGS
@given(rows=st.lists(st.lists(CELL, min_size=5, max_size=7), max_size=6))
def test_overview_with_odd_cells_never_crashes(rows: list[list[str]]) -> None:
    data = csv_bytes([OVERVIEW_HEADER, *rows])
    _read("Overview.csv", data)
    _read("Overview.zip", zip_bytes({"sub/Overview.csv": data}))
