"""Finding export files in a folder and its zips, and opening them without surprises."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import openpyxl
import pytest
from export_bytes import BOM, csv_bytes, sheetjs_xlsx, zip_bytes

from mediakit.errors import SourceError, UnsafePathError
from mediakit.sources import files
from mediakit.sources.files import RawFile, walk_exports
from mediakit.sources.readfile import read_table

Write = Callable[[str, bytes], Path]
GENDER = [["Gender", "Distribution"], ["Female", "0.59"], ["Male", "0.41"], ["Other", "0"]]


def _raw(name: str, data: bytes) -> RawFile:
    return RawFile(name, name, Path(name).suffix, data, datetime(2026, 2, 28, tzinfo=UTC))


def test_csv_with_bom_all_quoted_and_no_final_newline() -> None:
    table = read_table(_raw("FollowerGender.csv", csv_bytes(GENDER)))
    assert list(table.columns) == ["Gender", "Distribution"]  # BOM gone from the first header
    assert table.to_dict("list") == {
        "Gender": ["Female", "Male", "Other"],
        "Distribution": ["0.59", "0.41", "0"],
    }
    assert table.index.tolist() == [2, 3, 4]  # spreadsheet row numbers


def test_csv_without_bom_and_utf16_read_the_same() -> None:
    plain = read_table(_raw("a.csv", csv_bytes(GENDER, bom=False)))
    text = "\n".join(",".join(f'"{cell}"' for cell in row) for row in GENDER)
    utf16 = read_table(_raw("b.csv", text.encode("utf-16")))  # BOM FF FE
    assert plain.equals(read_table(_raw("c.csv", csv_bytes(GENDER))))
    assert utf16.to_dict("list") == plain.to_dict("list")


def test_semicolon_csv_from_a_european_spreadsheet_is_read() -> None:
    data = BOM + b"Gender;Distribution\nFemale;0,59\nMale;0,41"
    assert read_table(_raw("g.csv", data))["Distribution"].tolist() == ["0,59", "0,41"]


def test_sheetjs_xlsx_gives_the_same_string_table_as_the_csv() -> None:
    table = read_table(_raw("FollowerGender.xlsx", sheetjs_xlsx(GENDER, "FollowerGender")))
    assert table.to_dict("list") == read_table(_raw("g.csv", csv_bytes(GENDER))).to_dict("list")
    assert table.index.tolist() == [2, 3, 4]


def test_xlsx_resaved_with_numeric_cells_reads_like_text(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Date", "Followers"])
    sheet.append(["February 27", 5013])
    sheet.append(["February 28", 5013.0])
    sheet.append([None, None])  # Excel leaves blank rows at the end
    path = tmp_path / "FollowerHistory.xlsx"
    book.save(path)
    table = read_table(_raw("FollowerHistory.xlsx", path.read_bytes()))
    assert table.to_dict("list") == {
        "Date": ["February 27", "February 28"],
        "Followers": ["5013", "5013"],
    }


def test_row_numbers_count_blank_lines_like_a_spreadsheet() -> None:
    data = csv_bytes(GENDER[:2]) + b"\n\n" + b'"Male","0.41"'
    assert read_table(_raw("g.csv", data)).index.tolist() == [2, 4]


def test_excel_sep_line_is_not_a_row() -> None:
    data = b"sep=;\nGender;Distribution\nFemale;0,59"
    table = read_table(_raw("g.csv", data))
    assert table.to_dict("list") == {"Gender": ["Female"], "Distribution": ["0,59"]}
    assert table.index.tolist() == [2]


@pytest.mark.parametrize(("last_row", "count"), [('"Male"', 1), ('"Male","0.41","x"', 3)])
def test_row_with_missing_or_extra_values_is_a_damaged_file(last_row: str, count: int) -> None:
    data = csv_bytes(GENDER[:2]) + b"\n" + last_row.encode()
    with pytest.raises(SourceError) as caught:
        read_table(_raw("FollowerGender.csv", data))
    assert str(caught.value).startswith(
        f"FollowerGender.csv:3: this row has {count} values but the header has 2 columns"
    )


def test_trailing_empty_column_from_a_resave_is_tolerated() -> None:
    data = b"Gender,Distribution,\nFemale,0.59,\nMale,0.41,"
    assert read_table(_raw("g.csv", data)).to_dict("list") == {
        "Gender": ["Female", "Male"],
        "Distribution": ["0.59", "0.41"],
    }


def test_duplicate_column_is_an_error() -> None:
    with pytest.raises(SourceError, match="g.csv:1: the column 'Date' appears twice"):
        read_table(_raw("g.csv", b"Date,Date\nMay 1,May 2"))


@pytest.mark.parametrize("data", [b"", BOM, b"\n\n", b"  "])
def test_empty_file_is_an_error(data: bytes) -> None:
    with pytest.raises(SourceError, match="Overview.csv: the file is empty"):
        read_table(_raw("Overview.csv", data))


def test_damaged_xlsx_and_non_utf8_csv_are_errors() -> None:
    with pytest.raises(SourceError, match="Overview.xlsx: this .xlsx file is damaged"):
        read_table(_raw("Overview.xlsx", b"PK\x03\x04 not really"))
    with pytest.raises(SourceError, match=r"Overview.csv:2: the file is not UTF-8 text \(byte"):
        read_table(_raw("Overview.csv", '"Date","Views"\n"28 août","1"'.encode("latin-1")))


def test_folder_walk_skips_non_data_and_reads_zip_members_in_subfolders(
    content: Path, write: Write
) -> None:
    write("notes.md", b"# my notes")
    write(".DS_Store", b"\0\0")
    write("screenshot.png", b"\x89PNG")
    write("readme.txt", b"hello")
    write(".hidden/Overview.csv", b"not read")
    write("Overview.csv", csv_bytes(GENDER))
    write(
        "Followers_2026-02-26_1772283600_maraquinnmusic.zip",
        zip_bytes(
            {
                "Followers_maraquinnmusic/FollowerGender.csv": csv_bytes(GENDER),
                "Followers_maraquinnmusic/notes.txt": b"skip me",
                "__MACOSX/Followers_maraquinnmusic/._FollowerGender.csv": b"junk",
            }
        ),
    )
    found = walk_exports(content / "data" / "tiktok", content)
    assert [raw.label for raw in found] == [
        "data/tiktok/Followers_2026-02-26_1772283600_maraquinnmusic.zip/"
        "Followers_maraquinnmusic/FollowerGender.csv",
        "data/tiktok/Overview.csv",
    ]
    # 1772283600 s = 2026-02-28 13:00 UTC: the seconds, not the date segment, are the export day.
    assert found[0].name_stamp == date(2026, 2, 28)
    assert found[0].name == "FollowerGender.csv"
    assert found[1].name_stamp is None


def test_zip_inside_a_zip_is_read(content: Path, write: Write) -> None:
    inner = zip_bytes({"Overview.csv": csv_bytes(GENDER)})
    write("downloads.zip", zip_bytes({"Overview_2026-02-27_1772283600_me.zip": inner}))
    (raw,) = walk_exports(content / "data" / "tiktok", content)
    assert (
        raw.label == "data/tiktok/downloads.zip/Overview_2026-02-27_1772283600_me.zip/Overview.csv"
    )
    assert raw.name_stamp == date(2026, 2, 28)


def test_unzipped_download_folder_keeps_the_stamp_of_its_name(content: Path, write: Write) -> None:
    write("Content_2026-09-17_1789652080_maraquinnmusic/Content.csv", csv_bytes(GENDER))
    (raw,) = walk_exports(content / "data" / "tiktok", content)
    assert raw.name_stamp == date(2026, 9, 17)  # 1789652080 = 2026-09-17 13:34:40 UTC


def test_damaged_zip_is_an_error(content: Path, write: Write) -> None:
    write("Overview_x.zip", b"PK\x03\x04 this is not a zip")
    with pytest.raises(SourceError, match="Overview_x.zip: this zip file is damaged"):
        walk_exports(content / "data" / "tiktok", content)


def test_old_excel_format_is_refused_with_a_hint(content: Path, write: Write) -> None:
    write("Overview.xls", b"\xd0\xcf\x11\xe0")
    with pytest.raises(SourceError, match=r"Overview.xls: mediakit cannot read .xls files"):
        walk_exports(content / "data" / "tiktok", content)


def test_oversized_files_are_refused(
    content: Path, write: Write, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(files, "MAX_TABLE_BYTES", 100)
    write("Overview.csv", b"x" * 101)
    with pytest.raises(SourceError, match="Overview.csv: the file is larger than 100 bytes"):
        walk_exports(content / "data" / "tiktok", content)


def test_zip_member_that_expands_too_much_is_refused(
    content: Path, write: Write, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(files, "MAX_TABLE_BYTES", 1000)
    write("bomb.zip", zip_bytes({"Overview.csv": b"0" * 100_000}))  # compresses to ~100 bytes
    with pytest.raises(SourceError, match="bomb.zip/Overview.csv: the file is larger"):
        walk_exports(content / "data" / "tiktok", content)


def test_missing_folder_is_an_error(content: Path) -> None:
    with pytest.raises(SourceError, match="data/instagram: the export folder does not exist"):
        walk_exports(content / "data" / "instagram", content)


def test_symlink_out_of_the_project_is_refused(content: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.csv"
    outside.write_bytes(csv_bytes(GENDER))
    os.symlink(outside, content / "data" / "tiktok" / "FollowerGender.csv")
    with pytest.raises(UnsafePathError, match="FollowerGender.csv: points outside the project"):
        walk_exports(content / "data" / "tiktok", content)


def test_data_folder_outside_content_is_refused(content: Path, tmp_path: Path) -> None:
    (tmp_path / "other").mkdir()
    with pytest.raises(UnsafePathError):
        walk_exports(tmp_path / "other", content)
