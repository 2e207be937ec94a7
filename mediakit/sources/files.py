"""Finding and opening export files safely: folders, zips inside them, CSV, XLSX and JSON.

Creators drop whatever they downloaded into ``content/data/<platform>/``: loose CSVs, the zips
TikTok hands out (sometimes still zipped, sometimes with sub-folders), XLSX copies. This module
turns that folder into a flat, sorted list of data files held in memory, and each file into a
table of strings. It knows nothing about any platform; it only guarantees that nothing outside
the project is read, that nothing huge is loaded, and that every failure is a ``SourceError``
naming the file.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import json
import os
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from pathlib import Path, PurePosixPath
from typing import Any

import pandas as pd

from mediakit.errors import SourceError, UnsafePathError
from mediakit.project.limits import MAX_TABLE_ROWS, check_compression, too_many_rows

DATA_SUFFIXES = frozenset({".csv", ".xlsx", ".json", ".zip"})
# Spreadsheet formats a creator may have saved an export as, which mediakit does not read.
UNSUPPORTED_SUFFIXES = frozenset({".xls", ".ods", ".numbers", ".xlsb"})

MAX_TABLE_BYTES = 64 * 1024 * 1024  # one CSV/XLSX; real TikTok exports are a few hundred kB
MAX_JSON_BYTES = 256 * 1024 * 1024  # "Download your data" JSON holds the whole account history
MAX_ZIP_TOTAL = 512 * 1024 * 1024  # all data members of one zip, uncompressed
MAX_ZIP_MEMBERS = 10_000
MAX_ZIP_DEPTH = 2  # a zip inside a zip is fine, deeper is refused
MAX_XLSX_ROWS = MAX_TABLE_ROWS

_STAMP = re.compile(r"(?:^|_)(\d{10})(?=_|$)")  # Overview_2026-02-28_1772290203_handle.zip


@dataclass(frozen=True)
class RawFile:
    """One data file, read into memory, with what is known about when it was exported."""

    label: str  # path relative to content/, POSIX; a zip member: "data/x/Export.zip/Overview.csv"
    name: str  # the file's own name, "Overview.csv"
    suffix: str  # lower-case, ".csv"
    data: bytes
    modified: datetime  # file modification time (UTC), or the zip member's timestamp
    name_stamp: date | None = None  # export day from the unix seconds in a zip's or folder's name


def walk_exports(folder: Path, content_dir: Path) -> list[RawFile]:
    """Every data file under ``folder`` (recursively, into zips), sorted by path.

    Hidden files, ``__MACOSX`` and files that are not data (.md, .txt, images...) are skipped;
    spreadsheet formats mediakit cannot read (.xls, .numbers...) raise a ``SourceError``.
    """
    root = Path(os.path.abspath(content_dir))
    real_root = root.resolve()
    start = Path(os.path.abspath(folder))
    label = relative_label(start, root)
    if not start.exists():
        raise SourceError(
            "the export folder does not exist",
            file=label,
            hint="create it and put your downloaded export files in it",
        )
    if not start.is_dir():
        raise SourceError("should be a folder of export files, but it is a file", file=label)
    _check_inside(start, real_root, label)
    return list(_walk_dir(start, root, real_root, set(), _name_stamp(start.name)))


def relative_label(path: Path, content_dir: Path) -> str:
    """How a path is shown to the user: relative to content/, POSIX style."""
    absolute, root = Path(os.path.abspath(path)), Path(os.path.abspath(content_dir))
    try:
        return absolute.relative_to(root).as_posix()
    except ValueError:
        return absolute.as_posix()


def _check_inside(path: Path, real_root: Path, label: str) -> None:
    real = path.resolve()
    if real != real_root and real_root not in real.parents:
        raise UnsafePathError(
            "points outside the project folder, so mediakit will not read it",
            file=label,
            hint="copy the export into the project instead of linking to it",
        )


# The creator's own per-post figures (sources/extra.py reads it): not a platform export.
EXTRA_FILE = "posts-extra.csv"


def _skipped(name: str) -> bool:
    return name.startswith((".", "~$")) or name in ("__MACOSX", EXTRA_FILE)


def _walk_dir(
    folder: Path, root: Path, real_root: Path, seen: set[Path], stamp: date | None
) -> Iterator[RawFile]:
    real = folder.resolve()
    if real in seen:  # a symlink loop inside the project
        return
    seen.add(real)
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as err:
        label = relative_label(folder, root)
        raise SourceError(f"cannot list this folder ({err.strerror})", file=label) from err
    for entry in entries:
        if _skipped(entry.name):
            continue
        path = Path(entry.path)
        label = relative_label(path, root)
        if entry.is_symlink():
            _check_inside(path, real_root, label)
        if entry.is_dir():  # an unzipped "Overview_<date>_<seconds>_<handle>" keeps its stamp
            yield from _walk_dir(path, root, real_root, seen, _name_stamp(entry.name) or stamp)
            continue
        suffix = path.suffix.lower()
        _refuse_unsupported(suffix, label)
        if suffix not in DATA_SUFFIXES:
            continue
        try:
            stat = path.stat()
        except OSError as err:
            raise SourceError(f"cannot read this file ({err.strerror})", file=label) from err
        modified = datetime.fromtimestamp(stat.st_mtime, tz=UTC)
        if suffix == ".zip":
            try:
                with zipfile.ZipFile(path) as archive:
                    zip_stamp = _name_stamp(path.stem) or stamp
                    yield from _walk_zip(archive, label, modified, zip_stamp, 1)
            except (zipfile.BadZipFile, OSError, EOFError) as err:
                raise _bad_zip(label) from err
            continue
        _check_size(stat.st_size, suffix, label)
        try:
            data = path.read_bytes()
        except OSError as err:
            raise SourceError(f"cannot read this file ({err.strerror})", file=label) from err
        yield RawFile(label, path.name, suffix, data, modified, stamp)


def _walk_zip(
    archive: zipfile.ZipFile, label: str, modified: datetime, stamp: date | None, depth: int
) -> Iterator[RawFile]:
    members = archive.infolist()
    if len(members) > MAX_ZIP_MEMBERS:
        raise SourceError(f"holds {len(members)} files, too many to be an export", file=label)
    budget = MAX_ZIP_TOTAL
    for info in sorted(members, key=lambda member: member.filename):
        inner = PurePosixPath(info.filename.replace("\\", "/"))
        if info.is_dir() or any(_skipped(part) for part in inner.parts):
            continue
        suffix = inner.suffix.lower()
        member_label = f"{label}/{inner.as_posix()}"
        _refuse_unsupported(suffix, member_label)
        if suffix not in DATA_SUFFIXES:
            continue
        cap = min(MAX_JSON_BYTES if suffix in (".json", ".zip") else MAX_TABLE_BYTES, budget)
        _check_size(info.file_size, suffix, member_label, cap=cap)
        check_compression(info.file_size, info.compress_size, label=member_label)
        try:
            with archive.open(info) as handle:
                data = handle.read(cap + 1)
        except (zipfile.BadZipFile, RuntimeError, OSError, EOFError, ValueError) as err:
            raise _bad_zip(member_label) from err
        _check_size(len(data), suffix, member_label, cap=cap)
        budget -= len(data)
        member_time = _member_time(info) or modified
        if suffix == ".zip":
            if depth >= MAX_ZIP_DEPTH:
                raise SourceError(
                    "zips nested this deep are not read", file=member_label, hint="unzip it first"
                )
            inner_stamp = _name_stamp(inner.stem) or stamp
            try:
                with zipfile.ZipFile(io.BytesIO(data)) as nested:
                    yield from _walk_zip(nested, member_label, member_time, inner_stamp, depth + 1)
            except (zipfile.BadZipFile, OSError, EOFError) as err:
                raise _bad_zip(member_label) from err
            continue
        yield RawFile(member_label, inner.name, suffix, data, member_time, stamp)


def _refuse_unsupported(suffix: str, label: str) -> None:
    if suffix in UNSUPPORTED_SUFFIXES:
        raise SourceError(
            f"mediakit cannot read {suffix} files",
            file=label,
            hint="open it and save it as CSV (UTF-8) or .xlsx, or use the file as downloaded",
        )


def _check_size(size: int, suffix: str, label: str, *, cap: int | None = None) -> None:
    limit = cap if cap is not None else (MAX_JSON_BYTES if suffix == ".json" else MAX_TABLE_BYTES)
    if size > limit:
        raise SourceError(
            f"the file is larger than {_size(limit)}, too large to be an export",
            file=label,
            hint="check it is the file you downloaded; remove it from the data folder otherwise",
        )


def _size(limit: int) -> str:
    return f"{limit // (1024 * 1024)} MB" if limit >= 1024 * 1024 else f"{limit} bytes"


def _bad_zip(label: str) -> SourceError:
    return SourceError(
        "this zip file is damaged, encrypted or not really a zip",
        file=label,
        hint="download the export again",
    )


def _member_time(info: zipfile.ZipInfo) -> datetime | None:
    try:
        return datetime(*info.date_time, tzinfo=UTC)
    except (TypeError, ValueError):
        return None


def _name_stamp(name: str) -> date | None:
    """The export day (UTC) from the unix-seconds segment of a TikTok zip name.

    ``Overview_2026-02-28_1772290203_handle``: the date segment is not the export day, the
    seconds are. Numbers that are not a plausible export time are ignored.
    """
    for found in _STAMP.finditer(name):
        day = datetime.fromtimestamp(int(found[1]), tz=UTC).date()
        if date(2016, 1, 1) <= day <= date(2100, 1, 1):
            return day
    return None


# -- reading one file -------------------------------------------------------------------------


def decode_text(raw: RawFile) -> str:
    """Text of a CSV or JSON file: UTF-8 with or without BOM, or UTF-16 with BOM."""
    data = raw.data
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    elif len(data) > 3 and data[1] == data[3] == 0 and data[0] and data[2]:
        encoding = "utf-16-le"  # "Unicode text" saved without its byte order mark
    elif len(data) > 3 and data[0] == data[2] == 0 and data[1] and data[3]:
        encoding = "utf-16-be"
    else:
        encoding = "utf-8-sig"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        raise SourceError(
            f"the file is not UTF-8 text (byte {data[err.start]:#04x} cannot be read)",
            file=raw.label,
            line=data[: err.start].count(b"\n") + 1,
            hint="use the file exactly as downloaded, or save it again as 'CSV UTF-8'",
        ) from err


def read_table(raw: RawFile) -> pd.DataFrame:
    """A CSV or XLSX file as a frame of strings (empty cell = ""), headers stripped.

    The index is the row number a spreadsheet shows (the header is row 1), so errors can point
    at the exact cell.
    """
    if raw.suffix == ".xlsx":
        return _frame(_xlsx_records(raw), raw.label, strict_width=False)
    return _frame(_csv_records(raw), raw.label, strict_width=True)


Records = list[tuple[int, list[str]]]  # (spreadsheet row number, cells)


def read_records(raw: RawFile) -> Records:
    """Every row of a CSV or XLSX file as (spreadsheet row number, cells), blank rows included.

    For exports that are not one plain table: Meta's files put a title line above the header,
    and its Audience.csv stacks several small tables separated by blank lines.
    """
    return _xlsx_records(raw) if raw.suffix == ".xlsx" else _csv_records(raw)


def table_from_records(records: Records, label: str, *, strict_width: bool = True) -> pd.DataFrame:
    """``read_table`` for a slice of ``read_records``: its first non-blank row is the header."""
    return _frame(records, label, strict_width=strict_width)


def _frame(records: Records, label: str, *, strict_width: bool) -> pd.DataFrame:
    """Header + rows -> frame. A CSV row with a different number of values is a damaged file."""
    filled = [(number, row) for number, row in records if any(cell.strip() for cell in row)]
    if not filled:
        raise SourceError("the file is empty", file=label, hint="download the export again")
    (_, header), body = filled[0], filled[1:]
    header = [name.replace("\ufeff", "").strip() for name in header]
    width = max(i + 1 for i, name in enumerate(header) if name)
    header = header[:width]
    duplicates = sorted({name for name in header if name and header.count(name) > 1})
    if duplicates:
        raise SourceError(f"the column '{duplicates[0]}' appears twice", file=label, line=1)
    rows = []
    for number, row in body:
        if strict_width and (len(row) < width or any(cell.strip() for cell in row[width:])):
            raise SourceError(
                f"this row has {len(row)} values but the header has {width} columns",
                file=label,
                line=number,
                hint="the file looks cut short or edited; download the export again",
            )
        rows.append((row + [""] * width)[:width])
    if rows:
        frame = pd.DataFrame(rows, columns=header, dtype=object).astype("str")
    else:
        frame = pd.DataFrame({name: pd.Series(dtype="str") for name in header})
    frame.index = pd.Index([number for number, _ in body], dtype="int64")
    return frame


def _csv_records(raw: RawFile) -> Records:
    text = decode_text(raw)
    if not text.strip():
        raise SourceError("the file is empty", file=raw.label, hint="download the export again")
    first_line = text.lstrip("\r\n").split("\n", 1)[0]
    sep_hint = re.fullmatch(r'"?sep=(.)"?\s*', first_line)
    sep = sep_hint[1] if sep_hint else max((",", ";", "\t"), key=first_line.count)
    allowed = MAX_TABLE_ROWS + (2 if sep_hint else 1)  # the rows, the header, Excel's "sep="
    if '"' not in text and text.count("\n") > allowed:  # no quoted line breaks: count lines
        raise too_many_rows(raw.label)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep)
    try:
        records = list(enumerate(itertools.islice(reader, allowed + 1), 1))
    except csv.Error as err:
        raise SourceError(
            f"the file is not a readable CSV table ({err})",
            file=raw.label,
            hint="download the export again; do not edit it in a text editor",
        ) from err
    if len(records) > allowed:
        raise too_many_rows(raw.label)
    if sep_hint:  # Excel's "sep=;" line: the header is on the next row
        records = [(number - 1, row) for number, row in records[1:]]
    return records


def _xlsx_records(raw: RawFile) -> Records:
    import openpyxl  # imported here: only XLSX exports pay for it

    try:
        with zipfile.ZipFile(io.BytesIO(raw.data)) as package:
            parts = package.infolist()
    except (zipfile.BadZipFile, OSError, EOFError) as err:
        raise _bad_xlsx(raw) from err
    _check_size(sum(info.file_size for info in parts), ".xlsx", raw.label)
    for info in parts:  # a zip bomb dressed as a workbook
        check_compression(info.file_size, info.compress_size, label=raw.label)
    try:
        book = openpyxl.load_workbook(io.BytesIO(raw.data), read_only=True, data_only=True)
        try:
            return _sheet_rows(book.worksheets[0]) if book.worksheets else []
        finally:
            book.close()
    except SourceError as err:
        raise SourceError(err.message, file=raw.label) from err
    except Exception as err:  # openpyxl raises many kinds on a damaged file; all mean the same
        raise _bad_xlsx(raw) from err


def _sheet_rows(sheet: Any) -> Records:
    rows = []
    for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        if number > MAX_XLSX_ROWS:
            raise SourceError(f"has more than {MAX_XLSX_ROWS:,} rows, too many to be an export")
        rows.append((number, [_cell_text(value) for value in values]))
    return rows


def _cell_text(value: object) -> str:
    """A cell as the text a CSV would hold (SheetJS writes strings; Excel may have made numbers)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def _bad_xlsx(raw: RawFile) -> SourceError:
    return SourceError(
        "this .xlsx file is damaged or not really an Excel workbook",
        file=raw.label,
        hint="download the export again, or use the CSV version",
    )


def read_json(raw: RawFile) -> Any:
    """A JSON file's content; a syntax error names the line."""
    text = decode_text(raw)
    if not text.strip():
        raise SourceError("the file is empty", file=raw.label, hint="download the export again")
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise SourceError(
            f"the file is not valid JSON ({err.msg})",
            file=raw.label,
            line=err.lineno,
            hint="download your data again; do not edit the file",
        ) from err
    except RecursionError as err:
        raise SourceError("the JSON is nested too deeply to read", file=raw.label) from err
