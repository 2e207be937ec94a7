"""Whatever bytes land in the Instagram folder, the reader answers with data or a SourceError.

Random bytes, half-valid Meta CSVs (UTF-16 series, post exports, Audience.csv) and odd JSON are
thrown at the reader; a KeyError or UnicodeDecodeError would reach the creator as a traceback.
"""

from __future__ import annotations

import json
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
POSTS_NAME = "Aug-18-2026_Nov-16-2026_1783524897764272.csv"
HEADER = ['Post ID', 'Account ID', 'Account username', 'Account name', 'Description',
          'Duration (sec)', 'Publish time', 'Permalink', 'Post type', 'Data comment', 'Date',
          'Views', 'Reach', 'Likes', 'Shares', 'Follows', 'Comments', 'Saves']


def _read(name: str, data: bytes) -> None:
    root = Path(tempfile.mkdtemp())
    try:
        folder = root / "data" / "instagram"
        path = folder / name
        path.parent.mkdir(parents=True)
        path.write_bytes(data)
        try:
            load_platform("instagram", folder, content_dir=root, exported_on=date(2026, 11, 17))
        except MediakitError as err:
            assert "\n" not in str(err) and path.name in str(err)
    finally:
        shutil.rmtree(root)


def _quoted(cells: list[str]) -> str:
    return ",".join('"' + cell.replace('"', '""') + '"' for cell in cells)


@SETTINGS
@given(
    name=st.sampled_from([POSTS_NAME, "Views.csv", "Audience.csv", "posts.json", "p.xlsx",
                          "instagram-x-2026-11-17-a.zip"]),
    data=st.binary(max_size=300),
)
def test_random_bytes_never_crash(name: str, data: bytes) -> None:
    _read(name, data)


CELL = st.one_of(
    st.sampled_from(["0", "-3", "1,234", "12.400", "", "abc", "4.2%", "2026-11-10T00:00:00",
                     "11/02/2026 19:30", "IG reel", "IG story", "Lifetime", "1.8E+16", "--",
                     "01/01/0001 00:00", "0001-01-01T00:00:00", "9999-12-31"]),
    st.text(max_size=12),
)


@STRUCTURED
@given(title=st.sampled_from(["Views", "Reach", "Instagram follows", "Nope"]),
       rows=st.lists(st.lists(CELL, min_size=1, max_size=3), max_size=6))
def test_daily_series_with_odd_cells_never_crash(title: str, rows: list[list[str]]) -> None:
    lines = ["sep=,", f'"{title}"', '"Date","Primary"', *(_quoted(row) for row in rows)]
    _read("Views.csv", b"\xff\xfe" + "\n".join(lines).encode("utf-16-le"))


@STRUCTURED
@given(rows=st.lists(st.lists(CELL, min_size=18, max_size=18), max_size=5))
def test_post_export_with_odd_cells_never_crashes(rows: list[list[str]]) -> None:
    text = "\n".join(_quoted(row) for row in [HEADER, *rows])
    _read(POSTS_NAME, b"\xef\xbb\xbf" + text.encode("utf-8"))


@STRUCTURED
@given(blocks=st.lists(
    st.tuples(st.sampled_from(["Instagram followers", "Instagram followers by gender and age",
                               "Instagram followers by top cities",
                               "Instagram followers by top countries", "Something else"]),
              st.lists(st.lists(CELL, min_size=1, max_size=3), max_size=4)),
    min_size=1, max_size=4))
def test_audience_with_odd_sections_never_crashes(blocks) -> None:
    headers = {"Instagram followers": ["IG_ACCOUNT,FOLLOW,UNIQUE_USERS"],
               "Instagram followers by gender and age": ["Age", "Women", "Men"],
               "Instagram followers by top cities": ["Top cities", "Value"],
               "Instagram followers by top countries": ["Top countries", "Value"],
               "Something else": ["A", "B"]}
    parts = []
    for title, rows in blocks:
        parts.append("\n".join([_quoted([title]), _quoted(headers[title]),
                                *(_quoted(row) for row in rows)]))
    text = "sep=,\n" + "\n\n".join(parts) + "\n"
    _read("Audience.csv", b"\xff\xfe" + text.encode("utf-16-le"))


JSON_LEAF = st.one_of(
    st.none(), st.booleans(), st.integers(-5, 2_000_000_000), st.text(max_size=8),
    st.sampled_from(["1,234", "--", "12%", "Jan 27 - Apr 26"]),
)
JSON_VALUE = st.recursive(
    JSON_LEAF,
    lambda inner: st.one_of(st.lists(inner, max_size=3),
                            st.dictionaries(st.sampled_from(
                                ["string_map_data", "media_map_data", "Media Thumbnail",
                                 "creation_timestamp", "timestamp", "value", "title", "Likes",
                                 "Followers", "Date Range", "Follower Percentage by Country",
                                 "Duration", "Caption"]), inner, max_size=4)),
    max_leaves=12,
)


@STRUCTURED
@given(key=st.sampled_from(["organic_insights_posts", "organic_insights_reels",
                            "organic_insights_audience", "organic_insights_reach", "other"]),
       value=JSON_VALUE)
def test_insights_json_with_odd_structure_never_crashes(key: str, value: object) -> None:
    _read("posts.json", json.dumps({key: value}).encode("utf-8"))
