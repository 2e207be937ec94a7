"""YouTube Studio exports (Analytics > Advanced mode > Export) -> the canonical tables.

One export is a zip (or its unzipped folder) of three CSVs, recognised by their columns:

- ``Table data.csv``: one row per video (the Content dimension) for the chosen period, after a
  first ``Total`` row; which metric columns appear depends on what the creator selected, so
  every column is found by name and any may be missing. The ``Total`` row is Studio's own sum
  over the channel for the period (every video, also those not listed), kept as the ``periods``
  table: for a creator whose export is only this file it is the only reach figure there is;
- ``Totals.csv``: ``Date`` + the charted metric for the whole channel, one row per day (or per
  year/month when the chart was set so);
- ``Chart data.csv``: the same per video shown in the chart.

Studio gives no subscriber *count* (its Subscribers column is the net change), so YouTube
followers stay missing rather than guessed. The numbers in Table data cover the export's period,
so a post's snapshot date is the last day of that period.

The file itself does not say its period. Its end is, in order: the last day of the Totals or
Chart data beside it, the last ISO date in the zip's or folder's name (Studio names a download
"Content 2025-11-17_2026-11-16 …"), the profile's ``exported_on``, and only then the file's
modification date, with a warning. That one day is the period's end, the posts' snapshot date
and, for an export with no daily numbers, the day the kit's numbers are "as of" (analytics takes
``as_of`` from the periods table when there is no daily data), so the warning and every page
name the same date. The period's start comes from the same places, when they say it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from mediakit.errors import SourceError
from mediakit.sources import dates
from mediakit.sources.cells import counts, decimals, durations, hashtags
from mediakit.sources.files import RawFile, relative_label, walk_exports
from mediakit.sources.merge import Piece, assemble
from mediakit.sources.readfile import read_table
from mediakit.sources.youtube_period import export_ends, folder_of, name_end, name_start
from mediakit.tables import Account, SourceFile

PLATFORM = "youtube"
LABEL = "YouTube"
WATCH_URL = "https://www.youtube.com/watch?v="
SHORT_MAX_SECONDS = 60

# posts column <- Table data header (counts), first present wins.
POST_COUNTS: dict[str, tuple[str, ...]] = {
    "views": ("Views",),
    "reach": ("Unique viewers",),
    "likes": ("Likes",),
    "comments": ("Comments added", "Comments"),
    "shares": ("Shares",),
}
# daily column <- Totals/Chart header. Unique viewers are not additive across videos.
DAILY_COUNTS: dict[str, str] = {
    "Views": "views",
    "Likes": "likes",
    "Comments added": "comments",
    "Shares": "shares",
    "Unique viewers": "reached",
    "New viewers": "new_viewers",
    "Returning viewers": "returning_viewers",
}
ADDITIVE = frozenset({"Views", "Likes", "Comments added", "Shares"})
# Columns that describe a video rather than measure it (never a metric in Totals/Chart data).
DIMENSION_COLUMNS = ("Date", "Content", "Video title", "Video publish time", "Duration")
# Metrics read only to check they are numbers; nothing canonical holds them.
CHECKED_ONLY: dict[str, str] = {
    "Subscribers": "count",  # net change, may be negative
    "Impressions": "count",
    "Thumbnail impressions": "count",
    "Impressions click-through rate (%)": "decimal",
    "Thumbnail click-through rate (%)": "decimal",
}
YOUTUBE_DATE_HINT = "expected a publish date like 'Apr 29, 2020', as YouTube Studio writes it"
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_COARSE = re.compile(r"\d{4}(?:-\d{2})?")  # yearly "2024" or monthly "2024-05"
# Table data's Total row -> the periods table: (header, first present wins; kind).
TOTALS: dict[str, tuple[tuple[str, ...], str]] = {
    "views": (("Views",), "count"),
    "watch_time_hours": (("Watch time (hours)",), "decimal"),
    "followers_gained": (("Subscribers",), "count"),
    "impressions": (("Impressions", "Thumbnail impressions"), "count"),
}


def load(folder: Path, *, content_dir: Path, exported_on: date | None = None) -> Account:
    """Read every YouTube Studio export under ``folder`` into one Account."""
    raws = walk_exports(folder, content_dir)
    readings = [read_file(raw) for raw in raws]
    warnings: list[str] = []
    ends = export_ends(readings)
    pieces: list[Piece] = []
    for reading in readings:
        if reading.kind == "table":
            pieces.extend(_table_pieces(reading, ends, exported_on, warnings))
        else:
            pieces.append(_daily_piece(reading, readings))
    if not raws:
        warnings.append(
            f"{LABEL}: no export files found in {relative_label(folder, content_dir)}; in YouTube "
            "Studio open Analytics > Advanced mode, choose the Content tab and Export current "
            "view as CSV"
        )
    return assemble(pieces, warnings, PLATFORM)


@dataclass
class Reading:
    """One file read, before the export's last day is known."""

    raw: RawFile
    kind: str  # "table", "totals" or "chart"
    frame: pd.DataFrame
    granularity: str = "day"  # "day", or "year"/"month" for coarse charts (not usable daily)
    metrics: list[str] = field(default_factory=list)  # Totals/Chart: the metric columns
    notes: list[str] = field(default_factory=list)
    total: dict[str, float] | None = None  # Table data: its Total row, by periods column


def read_file(raw: RawFile) -> Reading:
    """Recognise one Studio file by its columns and read it."""
    if raw.suffix == ".json":
        raise _unknown(raw, "a JSON file")
    table = read_table(raw)
    columns = list(table.columns)
    if "Content" in columns and "Date" not in columns:
        return read_table_data(table, raw)
    if "Date" in columns:
        kind = "chart" if "Content" in columns else "totals"
        return read_series(table, raw, kind)
    if columns and any(name in columns for name in ("Views", "Watch time (hours)")):
        raise SourceError(
            f"is a YouTube Studio export by '{columns[0]}', not by video",
            file=raw.label,
            hint="in Advanced mode choose the Content tab before Export current view",
        )
    shown = ", ".join(f"'{name}'" for name in columns[:6])
    raise _unknown(raw, f"its columns are {shown}")


def _unknown(raw: RawFile, what: str) -> SourceError:
    return SourceError(
        f"is not a YouTube Studio export mediakit knows ({what})",
        file=raw.label,
        hint="expected Table data.csv, Chart data.csv and Totals.csv from YouTube Studio > "
        "Analytics > Advanced mode > Export current view; move other files elsewhere",
    )


def _text(values: pd.Series) -> pd.Series:
    return values.astype("string").fillna("").str.strip()


def read_table_data(table: pd.DataFrame, raw: RawFile) -> Reading:
    """Table data.csv: one row per video after the Total row."""
    label = raw.label
    ids = _text(table["Content"])
    titles = _text(table["Video title"]) if "Video title" in table.columns else None
    keep = (ids.str.casefold() != "total").to_numpy(dtype=bool)  # the first row sums the rest
    total = period_total(table[~keep], label)
    table, ids = table[keep], ids[keep]
    if titles is not None:
        titles = titles[keep]
    if (ids == "").any():
        row = ids[ids == ""].index[0]
        raise SourceError("the video has no id in the Content column", file=label, line=int(row),
                          field="Content", hint="use the file as YouTube Studio exported it")
    frame = pd.DataFrame({"post_id": ids, "url": WATCH_URL + ids})
    if titles is not None:
        frame["title"] = titles.replace("", pd.NA)
        frame["hashtags"] = hashtags(titles)
    if "Video publish time" in table.columns:
        frame["posted_at"] = publish_dates(table["Video publish time"], label)
    if "Duration" in table.columns:
        seconds = durations(table["Duration"], file=label, column="Duration")
        frame["duration_s"] = seconds
        kind = np.where(seconds.fillna(0).to_numpy() <= SHORT_MAX_SECONDS, "short", "video")
        frame["kind"] = pd.Series(kind, index=frame.index, dtype="string").where(seconds.notna())
    for column, headers in POST_COUNTS.items():
        header = next((name for name in headers if name in table.columns), None)
        if header is not None:
            frame[column] = counts(table[header], file=label, column=header)
    if "Watch time (hours)" in table.columns:
        hours = decimals(table["Watch time (hours)"], file=label, column="Watch time (hours)")
        frame["watch_time_s"] = hours * 3600
    if "Average view duration" in table.columns:
        frame["avg_watch_s"] = durations(
            table["Average view duration"], file=label, column="Average view duration"
        )
    if "Average percentage viewed (%)" in table.columns:
        percent = decimals(
            table["Average percentage viewed (%)"], file=label,
            column="Average percentage viewed (%)",
        )
        frame["completion_rate"] = percent / 100
    _check_only(table, label)
    repeated = frame["post_id"].duplicated()
    if repeated.any():
        row = repeated[repeated].index[0]
        raise SourceError(f"the video '{frame.loc[row, 'post_id']}' appears twice", file=label,
                          line=int(row), field="Content", hint="export the table again")
    return Reading(raw, "table", frame, total=total)


def period_total(rows: pd.DataFrame, label: str) -> dict[str, float] | None:
    """The Total row's known figures by periods column; None without a Total row."""
    if rows.empty:
        return None
    row = rows.iloc[[0]]
    total: dict[str, float] = {}
    for column, (headers, kind) in TOTALS.items():
        header = next((name for name in headers if name in row.columns), None)
        if header is None:
            continue
        parse = counts if kind == "count" else decimals
        value = parse(row[header], file=label, column=header).iloc[0]
        if not pd.isna(value):
            total[column] = float(value)
    return total


def publish_dates(values: pd.Series, label: str) -> pd.Series:
    """ "Apr 29, 2020" (any Studio language) as midnight dates; a blank cell stays missing."""
    text = _text(values)
    out = pd.Series(pd.NaT, index=values.index, dtype="datetime64[ns]")
    given = text != ""
    if not given.any():
        return out
    parsed = dates.parse_column(
        text[given], file=label, column="Video publish time", hint=YOUTUBE_DATE_HINT
    )
    if parsed.years is None:
        row = text[given].index[0]
        raise SourceError(
            f"'{text.loc[row]}' has no year", file=label, line=int(row),
            field="Video publish time", hint=YOUTUBE_DATE_HINT,
        )
    odd = (parsed.years < dates.FIRST_DAY.year) | (parsed.years > dates.LAST_DAY.year)
    if odd.any():
        row = text[given].index[int(odd.argmax())]
        raise SourceError(
            f"'{text.loc[row]}' is not a plausible publish date", file=label, line=int(row),
            field="Video publish time", hint=YOUTUBE_DATE_HINT,
        )
    out[given] = dates.to_datetimes(parsed.years, parsed, text[given].index)
    return out


def _check_only(table: pd.DataFrame, label: str) -> None:
    for header, kind in CHECKED_ONLY.items():
        if header in table.columns:
            parse = counts if kind == "count" else decimals
            parse(table[header], file=label, column=header)


def read_series(table: pd.DataFrame, raw: RawFile, kind: str) -> Reading:
    """Totals.csv or Chart data.csv: Date (+ video columns) + the charted metric(s)."""
    label = raw.label
    text = _text(table["Date"])
    daily = text.str.fullmatch(_DAY.pattern).fillna(False)
    coarse = text.str.fullmatch(_COARSE.pattern).fillna(False)
    metrics = [name for name in table.columns if name not in DIMENSION_COLUMNS]
    if len(text) and bool(coarse.all()):
        granularity = "year" if text.str.len().eq(4).all() else "month"
        return Reading(raw, kind, pd.DataFrame({"date": pd.Series(dtype="datetime64[ns]")}),
                       granularity=granularity, metrics=metrics)
    bad = ~daily
    if bad.any():
        row = bad[bad].index[0]
        shown = f"'{text.loc[row]}'" if text.loc[row] else "an empty cell"
        raise SourceError(
            f"{shown} is not a date mediakit can read", file=label, line=int(row), field="Date",
            hint="expected a day like 2026-11-16 (set the chart to daily before exporting)",
        )
    days = pd.to_datetime(text, format="%Y-%m-%d", errors="coerce")
    wrong = days.isna() | dates.implausible(days)
    if wrong.any():
        row = wrong[wrong].index[0]
        raise SourceError(f"'{text.loc[row]}' is not a plausible day", file=label, line=int(row),
                          field="Date")
    frame = pd.DataFrame({"date": days.astype("datetime64[ns]")})
    if kind == "chart":
        frame["content"] = _text(table["Content"])
    notes = []
    for header in metrics:
        if header in DAILY_COUNTS and (kind == "totals" or header in ADDITIVE):
            frame[DAILY_COUNTS[header]] = counts(table[header], file=label, column=header)
        elif header in CHECKED_ONLY:
            _check_only(table[[header]], label)
            notes.append(f"{LABEL}: {label}: '{header}' is read but not used")
        elif header == "Average view duration":
            durations(table[header], file=label, column=header)
            notes.append(f"{LABEL}: {label}: '{header}' is read but not used")
        else:
            decimals(table[header], file=label, column=header)
            notes.append(f"{LABEL}: {label}: '{header}' is read but not used")
    return Reading(raw, kind, frame, metrics=metrics, notes=notes)


# -- from readings to pieces ----------------------------------------------------------------------


def _table_pieces(
    reading: Reading, ends: dict[str, tuple[date, date]], exported_on: date | None,
    warnings: list[str],
) -> list[Piece]:
    """Table data's posts, and its Total row as the period's totals (when it has one)."""
    raw, frame = reading.raw, reading.frame
    beside = ends.get(folder_of(raw.label))
    snapshot = (beside[1] if beside else None) or name_end(raw.label) or exported_on
    start = beside[0] if beside else name_start(raw.label)
    if snapshot is None:
        snapshot = raw.modified.date()
        warnings.append(
            f"{LABEL}: {raw.label} does not say which period it covers and no Totals.csv sits "
            f"beside it, so its numbers are dated {snapshot} (the file's date); keep the three "
            "files of one export together, or add `exported_on: YYYY-MM-DD` under "
            "platforms.youtube in profile.yaml"
        )
    frame = frame.assign(snapshot_date=pd.Timestamp(snapshot))
    posted = frame["posted_at"].dropna() if "posted_at" in frame else pd.Series(dtype=object)
    first = posted.min().date() if len(posted) else None
    last = posted.max().date() if len(posted) else None
    source = SourceFile(raw.label, PLATFORM, "youtube.table", len(frame), first, last)
    pieces = [Piece("posts", frame, snapshot, source, notes=reading.notes)]
    if reading.total:
        row = {"first": pd.Timestamp(start) if start and start <= snapshot else pd.NaT,
               "last": pd.Timestamp(snapshot), **reading.total}
        pieces.append(Piece("periods", pd.DataFrame([row]), snapshot, source))
    return pieces


def _daily_piece(reading: Reading, readings: list[Reading]) -> Piece:
    raw, frame = reading.raw, reading.frame
    kind = reading.kind
    warnings: list[str] = []
    notes = list(reading.notes)
    if reading.granularity != "day":
        warnings.append(
            f"{LABEL}: {raw.label} is by {reading.granularity}, so it gives no daily numbers; "
            "daily charts need daily granularity: in Advanced mode set the chart to daily, "
            "then export again"
        )
    elif kind == "chart":
        frame = _chart_daily(reading, readings, warnings, notes)
    days = reading.frame["date"]
    first = days.min().date() if len(days) else None
    last = days.max().date() if len(days) else None
    anchor = last or raw.modified.date()
    source = SourceFile(raw.label, PLATFORM, f"youtube.{kind}", len(reading.frame), first, last)
    return Piece("daily", frame, anchor, source, warnings, notes)


def _chart_daily(
    reading: Reading, readings: list[Reading], warnings: list[str], notes: list[str]
) -> pd.DataFrame:
    """Chart data per video per day -> channel days, only when no Totals.csv says it better."""
    folder = folder_of(reading.raw.label)
    totals = [
        other for other in readings
        if other.kind == "totals" and folder_of(other.raw.label) == folder and len(other.frame)
    ]
    frame = reading.frame
    columns = [name for name in frame.columns if name not in ("date", "content")]
    given = {name for other in totals for name in other.frame.columns}
    columns = [name for name in columns if name not in given]
    if not columns:
        return frame.iloc[0:0][["date"]]
    is_total = frame["content"].str.casefold() == "total"
    if is_total.any():
        return frame.loc[is_total, ["date", *columns]]
    videos = frame["content"].nunique()
    warnings.append(
        f"{LABEL}: {reading.raw.label}: daily {', '.join(columns)} are added up from the "
        f"{videos} video(s) in the chart only; export Totals.csv with it for the whole channel"
    )
    summed = frame.groupby("date", sort=True)[columns].sum(min_count=1).reset_index()
    notes.append(f"{LABEL}: {reading.raw.label}: daily numbers summed over {videos} video(s)")
    return summed
