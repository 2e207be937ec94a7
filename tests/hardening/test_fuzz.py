"""Property tests: whatever a reader or loader is given, it answers with data or a MediakitError.

These add to the readers' own never-crash tests (tests/sources/*never_crash.py, the profile's in
tests/test_config.py) what those leave out: every TikTok file layout with odd cells (CSV and XLSX),
the real fixture exports of all three platforms damaged at random and dropped into any platform's
folder, posts-extra.csv, the history folder, and pitch and case-study headers. The error must be
one line naming the file. Each run draws 60 new examples per test from a fresh seed (printed by
pytest); set MEDIAKIT_FUZZ=1 for a long run
(``MEDIAKIT_FUZZ=1 pytest tests/hardening/test_fuzz.py``).
"""

from __future__ import annotations

import csv
import io
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from mediakit import history
from mediakit.errors import MediakitError
from mediakit.project import frontmatter
from mediakit.site import casestudies, pitches
from mediakit.sources import PLATFORMS, load_platform, tiktok
from mediakit.tables import SCHEMAS
from tests.fuzzing import fuzz

FUZZ = fuzz(60, 400)
REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures"


@contextmanager
def content_folder() -> Iterator[Path]:
    """A throw-away content/ folder (hypothesis runs many examples in one test)."""
    root = Path(tempfile.mkdtemp())
    try:
        yield root / "content"
    finally:
        shutil.rmtree(root)


def read_folder(content: Path, platform: str, files: dict[str, bytes]) -> None:
    """Write ``files`` into data/<platform>/ and read them: data, or a one-line MediakitError."""
    folder = content / "data" / platform
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (folder / name).write_bytes(data)
    try:
        load_platform(platform, folder, content_dir=content, exported_on=date(2026, 11, 17))
    except MediakitError as err:
        assert "\n" not in str(err)
        assert any(name in str(err) for name in files) or f"data/{platform}" in str(err), err


# --- every TikTok layout with odd cells ----------------------------------------------------------

ODD_CELL = st.one_of(
    st.sampled_from(["0", "-3", "1,234", "1.234", "12.5%", "1.2K", "undefined", "", "NaN", "inf",
                     "February 29", "November 17", "31 août", "2026-11-17", "23", "24", "0.62",
                     "Female", "IE", "Other", "https://www.tiktok.com/@a/video/123",
                     "javascript:alert(1)", "=1+1", "\x00", "\ufeff", "9" * 30]),
    st.text(max_size=15),
)


def csv_bytes(rows: list[list[str]]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, quoting=csv.QUOTE_ALL, lineterminator="\n").writerows(rows)
    return buffer.getvalue().encode("utf-8")


def xlsx_bytes(rows: list[list[str]]) -> bytes:
    import openpyxl
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    book = openpyxl.Workbook()  # a workbook cannot hold control characters: Excel drops them
    for row in rows:
        book.active.append([ILLEGAL_CHARACTERS_RE.sub("", cell) for cell in row])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@FUZZ
@given(layout=st.sampled_from(tiktok.LAYOUTS), rows=st.lists(st.lists(ODD_CELL, min_size=1,
                                                                      max_size=9), max_size=8),
       as_xlsx=st.booleans())
def test_every_tiktok_layout_with_odd_cells(layout: tiktok.Layout, rows: list[list[str]],
                                            as_xlsx: bool) -> None:
    table = [list(layout.columns), *rows]
    name = layout.usual_name.replace(".csv", ".xlsx" if as_xlsx else ".csv")
    with content_folder() as content:
        read_folder(content, "tiktok", {name: xlsx_bytes(table) if as_xlsx else csv_bytes(table)})


# --- real exports of every platform, damaged, in any platform's folder ---------------------------

def _fixture_files() -> list[Path]:
    return sorted(path for path in FIXTURES.rglob("*")
                  if path.is_file() and path.suffix in (".csv", ".json")
                  and "hostile" not in path.parts)


FIXTURE_FILES = _fixture_files()


def _damage(data: bytes, how: str, where: float, byte: int) -> bytes:
    at = int(len(data) * where)
    if how == "truncate":
        return data[:at]
    if how == "flip":
        return data[:at] + bytes([byte]) + data[at + 1:]
    if how == "insert":
        return data[:at] + bytes([byte]) * 3 + data[at:]
    lines = data.split(b"\n")
    line = int(len(lines) * where) % max(len(lines), 1)
    if how == "drop line":
        return b"\n".join(lines[:line] + lines[line + 1:])
    if how == "repeat line":
        return b"\n".join(lines[:line + 1] + lines[line:])
    return b"\n".join(lines[:line] + [lines[line].replace(b",", b";", 1)] + lines[line + 1:])


@FUZZ
@given(source=st.sampled_from(FIXTURE_FILES), platform=st.sampled_from(PLATFORMS),
       how=st.sampled_from(["truncate", "flip", "insert", "drop line", "repeat line",
                            "change a separator"]),
       where=st.floats(0, 1), byte=st.integers(0, 255))
def test_damaged_real_exports_in_any_platform_folder(source: Path, platform: str, how: str,
                                                     where: float, byte: int) -> None:
    with content_folder() as content:
        read_folder(content, platform, {source.name: _damage(source.read_bytes(), how, where,
                                                              byte)})


def test_the_fixture_exports_cover_all_platforms() -> None:
    folders = {path.relative_to(FIXTURES).parts[0] for path in FIXTURE_FILES}
    assert folders == {"tiktok", "instagram", "youtube"}
    assert len(FIXTURE_FILES) >= 15


# --- posts-extra.csv -----------------------------------------------------------------------------

EXTRA_COLUMNS = ["post_id", "url", "views", "saves", "duration_s", "completion_rate",
                 "sponsored", "title", "posted_at"]


@FUZZ
@given(columns=st.lists(st.sampled_from(EXTRA_COLUMNS), min_size=1, max_size=5, unique=True),
       rows=st.lists(st.lists(ODD_CELL, min_size=5, max_size=5), max_size=5))
def test_posts_extra_with_odd_cells(columns: list[str], rows: list[list[str]]) -> None:
    table = [columns, *[row[:len(columns)] for row in rows]]
    with content_folder() as content:
        read_folder(content, "tiktok", {"posts-extra.csv": csv_bytes(table)})


# --- the history folder --------------------------------------------------------------------------

@FUZZ
@given(table=st.sampled_from(list(SCHEMAS)), drop=st.integers(0, 12),
       rows=st.lists(st.lists(ODD_CELL, min_size=25, max_size=25), max_size=4))
def test_history_files_with_odd_cells(table: str, drop: int, rows: list[list[str]]) -> None:
    columns = list(SCHEMAS[table])
    columns = [c for i, c in enumerate(columns) if i != drop or c in ("platform", "date")]
    with content_folder() as content:
        folder = content / "data" / "history"
        folder.mkdir(parents=True)
        (folder / f"{table}.csv").write_bytes(
            csv_bytes([columns, *[row[:len(columns)] for row in rows]]))
        try:
            history.read(folder)
        except MediakitError as err:
            assert "\n" not in str(err) and f"{table}.csv" in str(err)


# --- pitch and case-study headers ----------------------------------------------------------------

YAML_VALUE = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
              st.text(max_size=20), st.dates().map(str),
              st.sampled_from(["NO", "012345", "1.10", "€500", "lots", "2026-02-30", "*a", "&a",
                               "[", "{", "'", '"', "- x", ": y", "#z", "javascript:x"])),
    lambda inner: st.one_of(st.lists(inner, max_size=3),
                            st.dictionaries(st.text(max_size=8), inner, max_size=3)),
    max_leaves=8,
)
PITCH_KEYS = list(pitches.PitchHeader.model_fields) + ["brnd", "price "]
CASE_KEYS = list(casestudies.CaseStudyHeader.model_fields) + ["posts[0]", "fe"]


def _yaml_lines(header: dict) -> str:
    import json

    lines = []
    for key, value in header.items():
        text = value if isinstance(value, str) else json.dumps(value, default=str)
        lines.append(f"{key}: {text}")
    return "\n".join(lines)


@FUZZ
@given(kind=st.sampled_from(["pitch", "case study"]), data=st.data())
def test_pitch_and_case_study_headers_with_odd_values(kind: str, data: st.DataObject) -> None:
    keys, model = ((PITCH_KEYS, pitches.PitchHeader) if kind == "pitch"
                   else (CASE_KEYS, casestudies.CaseStudyHeader))
    header = data.draw(st.dictionaries(st.sampled_from(keys), YAML_VALUE, max_size=8))
    text = f"---\n{_yaml_lines(header)}\n---\nBody.\n"
    try:
        frontmatter.parse_model(model, frontmatter.parse(text, "content/pitches/x.md"))
    except MediakitError as err:
        assert "\n" not in str(err) and str(err).startswith("content/pitches/x.md")


@FUZZ
@given(raw=st.one_of(st.binary(max_size=300), st.text(max_size=300).map(str.encode)))
def test_markdown_files_of_any_bytes(raw: bytes) -> None:
    with content_folder() as content:
        content.mkdir(parents=True)
        path = content / "x.md"
        path.write_bytes(raw)
        for model in (pitches.PitchHeader, casestudies.CaseStudyHeader):
            try:
                frontmatter.parse_model(model, frontmatter.read(path, "content/pitches/x.md"))
            except MediakitError as err:
                assert "\n" not in str(err) and "content/pitches/x.md" in str(err)


# --- the profile, structured ---------------------------------------------------------------------

PROFILE_KEYS = ["name", "handle", "tagline", "bio", "locale", "timezone", "avatar", "colors",
                "font", "contact", "platforms", "rates", "partners", "testimonials", "audience",
                "site", "languages", "nmae"]


@FUZZ
@given(profile=st.dictionaries(st.sampled_from(PROFILE_KEYS), YAML_VALUE, max_size=8),
       platforms=st.dictionaries(st.sampled_from(["tiktok", "youtube", "tiktokk"]),
                                 st.one_of(st.none(), st.dictionaries(
                                     st.sampled_from(["handle", "url", "data", "exported_on"]),
                                     YAML_VALUE, max_size=3)), max_size=2))
def test_profiles_of_odd_shapes(profile: dict, platforms: dict) -> None:
    from mediakit.project.profile import load_profile

    profile = {"name": "Ada", **profile, "platforms": platforms}
    with content_folder() as content:
        content.mkdir(parents=True)
        path = content / "profile.yaml"
        import json

        path.write_text(json.dumps(profile, default=str, ensure_ascii=False), "utf-8")
        try:
            load_profile(path)
        except MediakitError as err:
            assert "\n" not in str(err) and "profile.yaml" in str(err)
