"""Keep every number a creator ever exported, beyond TikTok's 60-day window.

Each build merges the freshly read exports into ``content/data/history/`` — one tidy CSV per
canonical table, sorted by key, so the folder is small, readable and diffs cleanly in git. The merge
is idempotent (same exports, same bytes) and never drops a row an older export had: for the same key
the newer value wins, but a newer *missing* value never erases an older known one. Which rows are
"the same post" is decided by :mod:`mediakit.sources.same_post`, the rule the readers use.
"""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd

from mediakit.errors import SourceError
from mediakit.project.layout import HISTORY_DIR  # noqa: F401 (where the history lives; re-exported)
from mediakit.sources import same_post
from mediakit.sources.cells import web_links
from mediakit.tables import DATE, KEYS, SCHEMAS, Account, conform, empty

# The years a history date may fall in: mediakit writes social-media dates only, and pandas'
# nanosecond dates end in 2262, so a year outside these is a damaged cell.
FIRST_YEAR, LAST_YEAR = 1900, 2200

# The audience is a snapshot: keep every export's split, keyed by its date.
HISTORY_KEYS: dict[str, list[str]] = {
    **KEYS,
    "audience": ["platform", "dimension", "as_of", "segment"],
}
# Which column says how new a row is, so the newer one wins on the same key. (Posts are combined
# by mediakit.sources.same_post.join, newest snapshot_date first, with the readers' one rule.)
RECENCY: dict[str, str | None] = {
    "daily": None,
    "audience": "as_of",
    "activity": None,
    "periods": None,
}


def read(history_dir: Path) -> Account:
    """Read the history folder (missing folder or file = nothing yet)."""
    account = Account()
    for table in SCHEMAS:
        path = history_dir / f"{table}.csv"
        if not path.is_file():
            continue
        try:
            raw = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
        except (pd.errors.ParserError, UnicodeDecodeError, pd.errors.EmptyDataError) as exc:
            raise SourceError(
                f"history file cannot be read ({type(exc).__name__})",
                file=path,
                hint="restore it from git, or delete it to rebuild history from the exports",
            ) from exc
        setattr(account, table, _parse(raw, table, path))
    return account


def merge(old: Account, new: Account) -> Account:
    """Combine history and fresh exports: newer wins per key, known values are never erased."""
    merged = Account(files=list(new.files), warnings=list(new.warnings), notes=list(new.notes))
    for table in SCHEMAS:
        setattr(merged, table, _merge_table(getattr(old, table), getattr(new, table), table))
    return merged


def write(account: Account, history_dir: Path) -> list[Path]:
    """Write each table as sorted CSV; files whose bytes would not change are left untouched."""
    return write_files(changed_files(account, history_dir), history_dir)


def changed_files(account: Account, history_dir: Path) -> dict[str, bytes]:
    """The history CSVs whose bytes differ from what is on disk: {file name: new bytes}."""
    changed: dict[str, bytes] = {}
    for table in SCHEMAS:
        frame = getattr(account, table)
        path = history_dir / f"{table}.csv"
        if frame.empty and not path.exists():
            continue
        data = to_csv_bytes(frame, table)
        if path.is_file() and path.read_bytes() == data:
            continue
        changed[f"{table}.csv"] = data
    return changed


def write_files(files: dict[str, bytes], history_dir: Path) -> list[Path]:
    """Write history CSVs, each replaced atomically (a temp file renamed over the old one)."""
    written: list[Path] = []
    for name, data in sorted(files.items()):
        history_dir.mkdir(parents=True, exist_ok=True)
        path = history_dir / name
        tmp = path.with_suffix(".csv.tmp")
        tmp.write_bytes(data)
        tmp.replace(path)
        written.append(path)
    return written


def to_csv_bytes(frame: pd.DataFrame, table: str) -> bytes:
    """Canonical CSV text: fixed column order, sorted rows, ISO dates, '' for missing."""
    frame = conform(frame, table).sort_values(HISTORY_KEYS[table])  # 2+ columns: stable
    out = pd.DataFrame(index=frame.index)
    for name, dtype in SCHEMAS[table].items():
        column = frame[name]
        if dtype == DATE:
            has_time = bool((column.dropna() != column.dropna().dt.normalize()).any())
            fmt = "%Y-%m-%d %H:%M:%S" if has_time else "%Y-%m-%d"
            out[name] = column.dt.strftime(fmt).fillna("")
        elif dtype == "Float64":
            out[name] = column.map(lambda v: "" if pd.isna(v) else repr(float(v)))
        elif dtype == "boolean":
            out[name] = column.map(lambda v: "" if pd.isna(v) else ("true" if v else "false"))
        else:
            out[name] = column.astype("string").fillna("")
    buffer = io.StringIO()
    out.to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue().encode("utf-8")


def _merge_table(old: pd.DataFrame, new: pd.DataFrame, table: str) -> pd.DataFrame:
    if old.empty and new.empty:
        return conform(new, table)
    if table == "posts":
        # The same post may come under a Studio id in one download and a data download's
        # made-up id in another: the readers' one rule joins them here too, so a post is one
        # post whether its two rows met in one download or across several.
        both = pd.concat([conform(frame, table) for frame in (old, new) if not frame.empty],
                         ignore_index=True)
        both["_order"] = range(len(both))  # later rows (the new export) win ties
        return conform(same_post.join(both, "_order").drop(columns="_order"), table)
    if old.empty:
        return conform(new, table)
    if new.empty:
        return conform(old, table)
    keys = HISTORY_KEYS[table]
    recency = RECENCY[table]
    both = pd.concat([conform(old, table), conform(new, table)], ignore_index=True)
    both["_order"] = range(len(both))  # later rows (the new export) win ties
    sort_by = ([recency] if recency else []) + ["_order"]
    both = both.sort_values(sort_by, kind="mergesort", na_position="first")
    # Newest non-missing value per key and column: last() skips missing values.
    merged = both.groupby(keys, sort=True, dropna=False).last().reset_index()
    return conform(merged.drop(columns="_order"), table)


def _parse(raw: pd.DataFrame, table: str, path: Path) -> pd.DataFrame:
    schema = SCHEMAS[table]
    missing = [name for name in schema if name not in raw.columns]
    if missing:
        raise SourceError(
            f"history file is missing the column '{missing[0]}'",
            file=path,
            hint="restore it from git, or delete it to rebuild history from the exports",
        )
    frame = pd.DataFrame(index=raw.index)
    for name, dtype in schema.items():
        text = raw[name].replace("", pd.NA)
        if dtype == DATE:
            parsed = pd.to_datetime(text, format="ISO8601", errors="coerce")
            # "-3" parses as the year 3 BC, which no table can hold: a damaged cell, not a date
            frame[name] = parsed.where(parsed.dt.year.between(FIRST_YEAR, LAST_YEAR))
        elif dtype in ("Int64", "Float64"):
            frame[name] = pd.to_numeric(text, errors="coerce")
        elif dtype == "boolean":
            frame[name] = text.map({"true": True, "false": False}).astype("boolean")
        else:
            frame[name] = text
        bad = text.notna() & frame[name].isna()
        if bad.any():
            row = int(bad.idxmax()) + 2  # header is line 1
            raise SourceError(
                f"history value {raw[name].iloc[row - 2]!r} is not a valid {dtype}",
                file=path,
                line=row,
                field=name,
                hint="fix the cell, or restore the file from git",
            )
    if "url" in raw.columns:  # a post link becomes an href: only web addresses
        web_links(raw["url"].set_axis(raw.index + 2), file=str(path), column="url")
    return conform(frame, table) if len(frame) else empty(table)
