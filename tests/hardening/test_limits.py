"""Input caps: an oversized or booby-trapped file is one clear line, in under a second.

Huge files are made sparse (``truncate``), so "refused before it is read" is what keeps these
tests fast: a reader that read first and checked after would take many seconds, or run out of
memory, on the 4 GB page.
"""

from __future__ import annotations

import io
import os
import time
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from mediakit.errors import ConfigError, MediakitError, SourceError
from mediakit.project import frontmatter, limits
from mediakit.project.profile import load_profile
from mediakit.site import render
from mediakit.sources import files, load_platform, readfile
from tests.hardening.projects import FOLLOWERS_HEADER, csv_text, followers_rows

# A guard against reading everything first (minutes, or a hang on /dev/zero), not a speed
# target: speed is measured in benchmarks/, and a busy CI machine must not fail these tests.
FAST_S = 10.0
GB = 1024**3


def refused(action: Callable[[], object]) -> tuple[MediakitError, float]:
    """The MediakitError ``action`` raises, and how long it took to raise it."""
    start = time.perf_counter()
    with pytest.raises(MediakitError) as caught:
        action()
    seconds = time.perf_counter() - start
    assert "\n" not in str(caught.value)
    return caught.value, seconds


def sparse(path: Path, size: int) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        handle.truncate(size)
    return path


def read_tiktok(content: Path) -> object:
    return load_platform("tiktok", content / "data" / "tiktok", content_dir=content,
                         exported_on=date(2026, 3, 12))


# --- Markdown ------------------------------------------------------------------------------------


def test_a_4_gb_page_is_refused_before_it_is_read(tmp_path: Path) -> None:
    sparse(tmp_path / "content" / "pages" / "huge.md", 4 * GB)
    error, seconds = refused(lambda: render.read_pages(tmp_path / "content", render.markdown()))
    assert isinstance(error, ConfigError)
    assert str(error) == (
        "content/pages/huge.md: is 4 GB, too large for a Markdown page (the limit is 1 MB) "
        "(check it is the file you meant; split a long text into several pages)")
    assert seconds < FAST_S


@pytest.mark.parametrize("folder", ["pitches", "case-studies"])
def test_a_huge_pitch_or_case_study_is_refused_before_it_is_read(tmp_path: Path,
                                                                 folder: str) -> None:
    path = sparse(tmp_path / "content" / folder / "acme.md", 3 * GB // 2)
    error, seconds = refused(lambda: frontmatter.read(path, f"content/{folder}/acme.md"))
    assert str(error).startswith(f"content/{folder}/acme.md: is 1.5 GB, too large")
    assert seconds < FAST_S


def test_the_markdown_cap_is_inclusive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_MARKDOWN_BYTES", 12)
    pages = tmp_path / "content" / "pages"
    pages.mkdir(parents=True)
    (pages / "a.md").write_bytes(b"# Twelve b\n\n")  # 12 bytes: read
    assert [page.title for page in render.read_pages(tmp_path / "content",
                                                     render.markdown())] == ["Twelve b"]
    (pages / "a.md").write_bytes(b"# Thirteen b\n")  # 13 bytes: refused
    error, _ = refused(lambda: render.read_pages(tmp_path / "content", render.markdown()))
    assert "13 bytes, too large for a Markdown page (the limit is 12 bytes)" in str(error)


def test_a_front_matter_alias_bomb_stops_at_the_value_limit() -> None:
    rows = ['a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    rows += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    text = "---\n" + "\n".join(rows) + "\nbrand: *a8\n---\nbody\n"  # 10**9 values if expanded
    error, seconds = refused(lambda: frontmatter.parse(text, "content/pitches/bomb.md"))
    assert "too large or too deeply nested" in str(error)
    assert seconds < FAST_S


def test_a_front_matter_header_over_64_kb_is_refused() -> None:
    text = "---\nbrand: " + "x" * 70_000 + "\n---\n"
    error, seconds = refused(lambda: frontmatter.parse(text, "content/pitches/long.md"))
    assert str(error).startswith("content/pitches/long.md:2: the details at the top are too long")
    assert seconds < FAST_S


# --- the profile ---------------------------------------------------------------------------------


def test_a_2_gb_profile_is_refused_without_reading_it_all(tmp_path: Path) -> None:
    path = sparse(tmp_path / "profile.yaml", 2 * GB)
    error, seconds = refused(lambda: load_profile(path))
    assert str(error) == f"{path}: is too large for a profile (over 1 MB)"
    assert seconds < FAST_S


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_profile_that_never_ends_is_refused() -> None:
    error, seconds = refused(lambda: load_profile(Path("/dev/zero")))
    assert "too large for a profile" in str(error)
    assert seconds < FAST_S


# --- CSV rows ------------------------------------------------------------------------------------


def test_a_csv_over_the_row_cap_is_refused_in_under_a_second(tmp_path: Path) -> None:
    content = tmp_path / "content"
    rows = followers_rows() * (limits.MAX_TABLE_ROWS // 10 + 1)  # 100,010 rows
    path = content / "data" / "tiktok" / "FollowerHistory.csv"
    path.parent.mkdir(parents=True)
    path.write_bytes(csv_text(FOLLOWERS_HEADER, rows))
    error, seconds = refused(lambda: read_tiktok(content))
    assert isinstance(error, SourceError)
    assert str(error) == (
        "data/tiktok/FollowerHistory.csv: has more than 100,000 rows, too many to be an export "
        "(check it is the file the platform gave you; remove it from the data folder otherwise)")
    assert seconds < FAST_S


def test_a_64_mb_csv_of_tiny_rows_is_refused_in_under_a_second(tmp_path: Path) -> None:
    content = tmp_path / "content"
    path = content / "data" / "tiktok" / "Overview.csv"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"a\n" * (files.MAX_TABLE_BYTES // 2 - 8))  # just under the size cap
    error, seconds = refused(lambda: read_tiktok(content))
    assert "has more than 100,000 rows" in str(error)
    assert seconds < FAST_S


def test_the_row_cap_is_inclusive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readfile, "MAX_TABLE_ROWS", 10)
    content = tmp_path / "content"
    path = content / "data" / "tiktok" / "FollowerHistory.csv"
    path.parent.mkdir(parents=True)
    path.write_bytes(csv_text(FOLLOWERS_HEADER, followers_rows()))  # 10 rows: read
    assert len(read_tiktok(content).daily) == 10
    path.write_bytes(csv_text(FOLLOWERS_HEADER, followers_rows() + ['"March 11","1011","1"']))
    refused(lambda: read_tiktok(content))
    # Excel's "sep=," line above the header is not a row
    path.write_bytes(b"sep=,\n" + csv_text(FOLLOWERS_HEADER, followers_rows()))
    assert len(read_tiktok(content).daily) == 10


# --- zips and workbooks --------------------------------------------------------------------------


def _workbook(rows: list[list[object]]) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _rezip(package: bytes, replace: dict[str, bytes]) -> bytes:
    """The zip ``package`` with members replaced or added."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename not in replace:
                target.writestr(info, source.read(info))
        for name, data in replace.items():
            target.writestr(name, data)
    return out.getvalue()


FOLLOWERS_XLSX_ROWS = [["Date", "Followers"], ["March 1", 1001], ["March 2", 1002]]


def _write(content: Path, name: str, data: bytes) -> None:
    path = content / "data" / "tiktok" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def test_a_plain_workbook_is_read(tmp_path: Path) -> None:
    _write(tmp_path / "content", "FollowerHistory.xlsx", _workbook(FOLLOWERS_XLSX_ROWS))
    daily = read_tiktok(tmp_path / "content").daily
    assert daily["followers"].tolist() == [1001, 1002]


def test_a_workbook_zip_bomb_is_refused_before_unpacking(tmp_path: Path) -> None:
    bomb = _rezip(_workbook(FOLLOWERS_XLSX_ROWS), {"xl/media/filler.bin": bytes(50 * 2**20)})
    assert len(bomb) < 100_000  # 50 MB of zeros (under the 64 MB size cap) packs into 50 kB
    _write(tmp_path / "content", "FollowerHistory.xlsx", bomb)
    error, seconds = refused(lambda: read_tiktok(tmp_path / "content"))
    assert str(error).startswith("data/tiktok/FollowerHistory.xlsx: unpacks from ")
    assert "to 50 MB, more than 100 times its size" in str(error)
    assert seconds < FAST_S


def test_an_export_zip_bomb_is_refused_before_unpacking(tmp_path: Path) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("Overview.csv", b"1," * (30 * 2**20))
    _write(tmp_path / "content", "Overview_2026-03-12.zip", out.getvalue())
    error, seconds = refused(lambda: read_tiktok(tmp_path / "content"))
    assert str(error).startswith("data/tiktok/Overview_2026-03-12.zip/Overview.csv: unpacks from")
    assert seconds < FAST_S


def test_a_workbook_over_the_size_cap_is_refused(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(files, "MAX_TABLE_BYTES", 50_000)
    big = _rezip(_workbook(FOLLOWERS_XLSX_ROWS), {"xl/media/photo.bin": os.urandom(60_000)})
    _write(tmp_path / "content", "FollowerHistory.xlsx", big)
    error, seconds = refused(lambda: read_tiktok(tmp_path / "content"))
    assert "larger than 50000 bytes, too large to be an export" in str(error)
    assert seconds < FAST_S


BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
              for i in range(1, 10))
    + ']><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>'
    "</sheetData></worksheet>"
)


def test_xml_entity_expansion_in_a_workbook_is_refused(tmp_path: Path) -> None:
    book = _rezip(_workbook(FOLLOWERS_XLSX_ROWS),
                  {"xl/worksheets/sheet1.xml": BILLION_LAUGHS.encode()})
    _write(tmp_path / "content", "FollowerHistory.xlsx", book)
    error, seconds = refused(lambda: read_tiktok(tmp_path / "content"))
    assert str(error).startswith(
        "data/tiktok/FollowerHistory.xlsx: this .xlsx file is damaged or not really an Excel")
    assert seconds < FAST_S


def test_an_external_xml_entity_never_reads_the_file_it_names(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("CANARY-7f3a-outside-the-project", "utf-8")
    sheet = (
        f'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY s SYSTEM "file://{secret}">]>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Date</t></is></c>'
        '<c r="B1" t="inlineStr"><is><t>Followers</t></is></c></row>'
        '<row r="2"><c r="A2" t="inlineStr"><is><t>&s;</t></is></c><c r="B2"><v>1</v></c></row>'
        "</sheetData></worksheet>")
    _write(tmp_path / "content", "FollowerHistory.xlsx",
           _rezip(_workbook(FOLLOWERS_XLSX_ROWS), {"xl/worksheets/sheet1.xml": sheet.encode()}))
    error, seconds = refused(lambda: read_tiktok(tmp_path / "content"))
    assert "CANARY" not in str(error)
    assert "this .xlsx file is damaged" in str(error)
    assert seconds < FAST_S


def test_json_nested_beyond_reason_is_one_line(tmp_path: Path) -> None:
    _write(tmp_path / "content", "user_data_tiktok.json", b"[" * 200_000 + b"]" * 200_000)
    error, seconds = refused(lambda: read_tiktok(tmp_path / "content"))
    assert str(error).startswith("data/tiktok/user_data_tiktok.json")
    assert seconds < FAST_S
