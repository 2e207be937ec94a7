"""The snapshots ``mediakit pull`` writes from the platforms' APIs -> the canonical tables.

Layout (docs/live-numbers.md): ``content/data/<platform>/api/<YYYY-MM-DD>/`` holds up to four
CSV files in mediakit's own columns, dated by the folder (the day of the pull):

- ``daily.csv``: one row per day (``DAILY_COLUMNS``); the follower count on the pull day;
- ``posts.csv``: one row per post with its lifetime totals on the pull day (``POST_COLUMNS``);
- ``audience.csv``: the audience split by dimension (``AUDIENCE_COLUMNS``; ``basis`` says what
  the shares are of, e.g. "viewers" or "followers");
- ``period.csv``: the platform's own totals for the pulled range (``PERIOD_COLUMNS``).

Each file is a piece anchored on its folder's day, so a later pull wins for the same day or post
exactly as a later export does, and history merges them like any export.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pandas as pd

from mediakit.errors import SourceError
from mediakit.sources.files import RawFile, walk_exports
from mediakit.sources.merge import MERGERS, Piece, assemble
from mediakit.sources.readfile import read_table
from mediakit.tables import Account, SourceFile, conform

DAILY_COLUMNS = ("date", "followers", "views", "reached", "likes", "comments", "shares")
POST_COLUMNS = (
    "post_id", "posted_at", "title", "url", "kind", "duration_s",
    "views", "reach", "likes", "comments", "shares", "saves",
)
AUDIENCE_COLUMNS = ("dimension", "segment", "share", "basis")
PERIOD_COLUMNS = ("first", "last", "views", "watch_time_hours", "followers_gained")
FILES: dict[str, tuple[str, tuple[str, ...]]] = {  # file name -> (canonical table, columns)
    "daily.csv": ("daily", DAILY_COLUMNS),
    "posts.csv": ("posts", POST_COLUMNS),
    "audience.csv": ("audience", AUDIENCE_COLUMNS),
    "period.csv": ("periods", PERIOD_COLUMNS),
}
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_NUMBERS = {
    "followers", "views", "reached", "likes", "comments", "shares", "duration_s", "reach",
    "saves", "share", "watch_time_hours", "followers_gained",
}
_DATES = {"date", "posted_at", "first", "last"}


def load(folder: Path, *, content_dir: Path, platform: str) -> Account:
    """Every snapshot under ``folder`` (the platform's ``api/``) as one Account."""
    pieces = [_piece(raw, platform) for raw in walk_exports(folder, content_dir)]
    return assemble(pieces, [], platform)


def combine(exports: Account, api: Account, platform: str) -> Account:
    """Exports and API snapshots together; where both give the same day or post, the API wins.

    An API-only platform drops the readers' "no export files found" warning: it has data.
    """
    warnings = exports.warnings if exports.files or not api.files else []
    account = Account(
        files=exports.files + api.files,
        warnings=warnings + api.warnings,
        notes=exports.notes + api.notes,
    )
    for table, merge in MERGERS.items():
        frames = [
            getattr(source, table).assign(_rank=rank)
            for rank, source in enumerate((exports, api))
            if len(getattr(source, table))
        ]
        if not frames:
            setattr(account, table, getattr(exports, table))
            continue
        merged = merge(pd.concat(frames, ignore_index=True).assign(platform=platform))
        merged = merged.drop(columns="_rank", errors="ignore")
        setattr(account, table, conform(merged.assign(platform=platform), table))
    return account


def _piece(raw: RawFile, platform: str) -> Piece:
    day_name = Path(raw.label).parent.name
    if raw.name not in FILES or not _DAY.match(day_name):
        raise SourceError(
            "is not a snapshot `mediakit pull` writes",
            file=raw.label,
            hint="api/ holds only api/<YYYY-MM-DD>/daily.csv, posts.csv, audience.csv and "
            "period.csv; move other files to the platform's folder",
        )
    try:
        day = date.fromisoformat(day_name)
    except ValueError:
        raise SourceError("the folder's name is not a date", file=raw.label) from None
    table, columns = FILES[raw.name]
    frame = read_table(raw)
    if tuple(frame.columns) != columns:
        raise SourceError(
            f"expected the columns {', '.join(columns)}",
            file=raw.label,
            line=1,
            hint="run `mediakit pull` again instead of editing the snapshot",
        )
    frame = _parsed(frame, raw.label)
    if table == "posts":
        frame["snapshot_date"] = pd.Timestamp(day)
    if table == "audience":
        frame["as_of"] = pd.Timestamp(day)
        frame["source"] = "API (" + frame.pop("basis") + f"), {day.isoformat()}"
    frame = conform(frame.assign(platform=platform), table).drop(columns="platform")
    spans = [frame[c].dropna() for c in ("date", "last", "posted_at") if c in frame]
    known = [s for s in spans if len(s)]
    source = SourceFile(
        path=raw.label,
        platform=platform,
        kind=f"{platform}.api.{table}",
        rows=len(frame),
        first_date=min(s.min() for s in known).date() if known else day,
        last_date=day,
    )
    return Piece(table, frame, day, source)


def _parsed(frame: pd.DataFrame, label: str) -> pd.DataFrame:
    """Empty cells become missing; a number or date that is not one names its row and column."""
    out = frame.replace("", pd.NA)
    for column in out.columns:
        values = out[column]
        if column in _NUMBERS:
            parsed = pd.to_numeric(values, errors="coerce")
        elif column in _DATES:
            parsed = pd.to_datetime(values, errors="coerce", format="ISO8601")
        else:
            continue
        bad = values.notna() & parsed.isna()
        if bad.any():
            row = int(bad.idxmax())
            raise SourceError(
                f"'{values[row]}' is not a {'number' if column in _NUMBERS else 'date'}",
                file=label,
                line=row,
                field=column,
                hint="run `mediakit pull` again instead of editing the snapshot",
            )
        out[column] = parsed
    return out
