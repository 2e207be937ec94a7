"""Finding export files safely: the export folder, its sub-folders and the zips inside them.

Creators drop whatever they downloaded into ``content/data/<platform>/``: loose CSVs, the zips
TikTok hands out (sometimes still zipped, sometimes with sub-folders), XLSX copies. This module
turns that folder into a flat, sorted list of data files held in memory
(:mod:`mediakit.sources.readfile` then reads each one). It knows nothing about any platform; it
only guarantees that nothing outside the project is read, that nothing huge is loaded, and that
every failure is a ``SourceError`` naming the file.
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path, PurePosixPath

from mediakit.errors import SourceError, UnsafePathError
from mediakit.project.limits import check_compression

DATA_SUFFIXES = frozenset({".csv", ".xlsx", ".json", ".zip"})
# Spreadsheet formats a creator may have saved an export as, which mediakit does not read.
UNSUPPORTED_SUFFIXES = frozenset({".xls", ".ods", ".numbers", ".xlsb"})

MAX_TABLE_BYTES = 64 * 1024 * 1024  # one CSV/XLSX; real TikTok exports are a few hundred kB
MAX_JSON_BYTES = 256 * 1024 * 1024  # "Download your data" JSON holds the whole account history
MAX_ZIP_TOTAL = 512 * 1024 * 1024  # all data members of one zip, uncompressed
MAX_ZIP_MEMBERS = 10_000
MAX_ZIP_DEPTH = 2  # a zip inside a zip is fine, deeper is refused

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

    The folder's own ``api/`` (snapshots from ``mediakit pull``) is left to ``api_snapshot``.

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
    seen = {(start / API_DIR).resolve()}  # API snapshots are not exports: api_snapshot.py
    return list(_walk_dir(start, root, real_root, seen, _name_stamp(start.name)))


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
# content/data/<platform>/api/: the snapshots `mediakit pull` writes, read by api_snapshot.py.
API_DIR = "api"


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
        check_size(stat.st_size, suffix, label)
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
        check_size(info.file_size, suffix, member_label, cap=cap)
        check_compression(info.file_size, info.compress_size, label=member_label)
        try:
            with archive.open(info) as handle:
                data = handle.read(cap + 1)
        except (zipfile.BadZipFile, RuntimeError, OSError, EOFError, ValueError) as err:
            raise _bad_zip(member_label) from err
        check_size(len(data), suffix, member_label, cap=cap)
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


def check_size(size: int, suffix: str, label: str, *, cap: int | None = None) -> None:
    """Refuse a file larger than an export can be: ``cap``, else the limit for its kind."""
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
