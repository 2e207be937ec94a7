"""Reading one export file: its text (UTF-8 or UTF-16), a CSV or XLSX table of strings, JSON.

Every reader refuses what an export cannot be (too many rows, a zip bomb dressed as a workbook,
nesting too deep) and names the file, and the spreadsheet row, in its ``SourceError``.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import json
import re
import zipfile
from datetime import date, datetime, time
from typing import Any

import pandas as pd

from mediakit.errors import SourceError
from mediakit.project.limits import MAX_TABLE_ROWS, check_compression, too_many_rows
from mediakit.sources.files import RawFile, check_size

MAX_XLSX_ROWS = MAX_TABLE_ROWS


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
    check_size(sum(info.file_size for info in parts), ".xlsx", raw.label)
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
