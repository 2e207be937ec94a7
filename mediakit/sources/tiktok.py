"""TikTok exports -> the canonical tables.

TikTok Studio's "Download data" gives seven small files (Overview, Content, Viewers and four
Follower* files), as CSV or XLSX, usually inside zips. They are recognised by their columns, never
by their names (creators rename files; zips get unpacked into odd folders). Dates carry no year:
each file's year is worked out from its export day, the *anchor*, taken from ``exported_on`` in
profile.yaml, else from the unix seconds in the zip's name, else from the file's modification date
(with a warning, since a copied file's date may be wrong). The "Download your data" JSON is read
by :mod:`mediakit.sources.tiktok_userdata` for the list of posted videos.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from mediakit.errors import SourceError
from mediakit.sources import dates
from mediakit.sources.cells import counts, hashtags, shares, web_links
from mediakit.sources.files import RawFile, relative_label, walk_exports
from mediakit.sources.merge import Piece, assemble
from mediakit.sources.readfile import read_table
from mediakit.sources.tiktok_userdata import read_user_data
from mediakit.tables import Account, SourceFile

PLATFORM = "tiktok"


@dataclass(frozen=True)
class Layout:
    """One TikTok Studio file: the columns that identify it (all are read) and its usual name."""

    kind: str
    columns: tuple[str, ...]
    usual_name: str


LAYOUTS: tuple[Layout, ...] = (
    Layout(
        "overview",
        ("Date", "Video Views", "Profile Views", "Likes", "Comments", "Shares"),
        "Overview.csv",
    ),
    Layout(
        "content",
        (
            "Time",
            "Video title",
            "Video link",
            "Post time",
            "Total likes",
            "Total comments",
            "Total shares",
            "Total views",
        ),
        "Content.csv",
    ),
    Layout("viewers", ("Date", "Total Viewers", "New Viewers", "Returning Viewers"), "Viewers.csv"),
    # "Difference in followers from previous day" is ignored: it disagrees between exports.
    Layout("follower_history", ("Date", "Followers"), "FollowerHistory.csv"),
    Layout("follower_activity", ("Date", "Hour", "Active followers"), "FollowerActivity.csv"),
    Layout("follower_gender", ("Gender", "Distribution"), "FollowerGender.csv"),
    Layout(
        "follower_territories", ("Top territories", "Distribution"), "FollowerTopTerritories.csv"
    ),
)

# Daily columns: export header -> canonical column, per daily file.
DAILY_COLUMNS: dict[str, dict[str, str]] = {
    "overview": {
        "Video Views": "views",
        "Profile Views": "profile_views",
        "Likes": "likes",
        "Comments": "comments",
        "Shares": "shares",
    },
    "viewers": {
        "Total Viewers": "reached",
        "New Viewers": "new_viewers",
        "Returning Viewers": "returning_viewers",
    },
    "follower_history": {"Followers": "followers"},
}


def load(folder: Path, *, content_dir: Path, exported_on: date | None = None) -> Account:
    """Read every TikTok export under ``folder`` into one Account (see ``load_platform``)."""
    raws = walk_exports(folder, content_dir)
    pieces: list[Piece] = []
    guessed: dict[date, list[str]] = {}
    for raw in raws:
        anchor, from_file_date = export_anchor(raw, exported_on)
        if raw.suffix == ".json":
            pieces.append(_user_data_piece(raw, anchor))
            continue
        table = read_table(raw)
        layout = recognise(table, raw.label)
        if from_file_date:
            guessed.setdefault(anchor, []).append(raw.label)
        table = table.rename(columns=_header_map(table, layout))
        pieces.append(READERS[layout.kind](table, layout, raw, anchor))
    warnings = [_guess_warning(day, labels) for day, labels in sorted(guessed.items())]
    if not raws:
        warnings.append(
            f"TikTok: no export files found in {relative_label(folder, content_dir)}; "
            "download them from TikTok Studio > Analytics > Download data"
        )
    return assemble(pieces, warnings, PLATFORM)


def export_anchor(raw: RawFile, exported_on: date | None) -> tuple[date, bool]:
    """The export day of ``raw`` and whether it was only guessed from the file's date.

    The download time TikTok writes into a zip's (or its unzipped folder's) name is the most
    specific fact, so it wins over the profile's ``exported_on``, which describes the newest
    download: a folder that keeps a year of monthly downloads then dates each one right.
    """
    if raw.name_stamp is not None:
        return raw.name_stamp, False
    if exported_on is not None:
        return exported_on, False
    return raw.modified.date(), True


def _guess_warning(day: date, labels: list[str]) -> str:
    shown = ", ".join(labels[:3]) + (f" and {len(labels) - 3} more" if len(labels) > 3 else "")
    return (
        f"TikTok: the download date of {shown} is unknown, so the year of its dates was guessed "
        f"from the file date ({day.isoformat()}); add `exported_on: YYYY-MM-DD` (the day you "
        "downloaded the export) under platforms.tiktok in profile.yaml to pin it"
    )


def recognise(table: pd.DataFrame, label: str) -> Layout:
    """The layout whose columns the file has; a near miss names the missing columns."""
    present = {str(name).casefold() for name in table.columns}
    complete = [lay for lay in LAYOUTS if all(c.casefold() in present for c in lay.columns)]
    if complete:
        return max(complete, key=lambda lay: len(lay.columns))
    for layout in LAYOUTS:  # one column short of a known file: say which one
        missing = [c for c in layout.columns if c.casefold() not in present]
        if len(missing) == 1 and any(c != "Date" and c not in missing for c in layout.columns):
            raise SourceError(
                f"looks like TikTok's {layout.usual_name} but has no column '{missing[0]}'",
                file=label,
                hint="use the file as TikTok Studio downloaded it",
            )
    shown = ", ".join(f"'{name}'" for name in list(table.columns)[:6])
    raise SourceError(
        f"is not a TikTok Studio export mediakit knows (its columns are {shown})",
        file=label,
        hint="the TikTok folder should only hold TikTok Studio downloads (Overview, Content, "
        "Viewers, FollowerHistory, FollowerActivity, FollowerGender, FollowerTopTerritories) "
        "or user_data_tiktok.json; move other files elsewhere",
    )


def _header_map(table: pd.DataFrame, layout: Layout) -> dict[str, str]:
    wanted = {name.casefold(): name for name in layout.columns}
    return {col: wanted[str(col).casefold()] for col in table.columns if col.casefold() in wanted}


# -- one reader per file ------------------------------------------------------------------------


def _chronological_dates(table: pd.DataFrame, column: str, raw: RawFile, anchor: date) -> pd.Series:
    parsed = dates.parse_column(table[column], file=raw.label, column=column)
    years = dates.chronological_years(
        parsed, anchor, file=raw.label, column=column, rows=table.index
    )
    return dates.to_datetimes(years, parsed, table.index)


def _source(raw: RawFile, layout: Layout, rows: int, days: pd.Series | None) -> SourceFile:
    first = last = None
    if days is not None and days.notna().any():
        first, last = days.min().date(), days.max().date()
    return SourceFile(raw.label, PLATFORM, f"tiktok.{layout.kind}", rows, first, last)


def _user_data_piece(raw: RawFile, anchor: date) -> Piece:
    frame = read_user_data(raw, anchor)
    days = frame["posted_at"] if len(frame) else None
    warnings = [] if len(frame) else [f"TikTok: {raw.label} lists no posted videos"]
    first = last = None
    if days is not None:
        first, last = days.min().date(), days.max().date()
    source = SourceFile(raw.label, PLATFORM, "tiktok.user_data", len(frame), first, last)
    return Piece("posts", frame, anchor, source, warnings)


def read_daily(table: pd.DataFrame, layout: Layout, raw: RawFile, anchor: date) -> Piece:
    """Overview, Viewers or FollowerHistory: one row per day."""
    frame = pd.DataFrame({"date": _chronological_dates(table, "Date", raw, anchor)})
    twice = frame["date"].duplicated().to_numpy(dtype=bool)
    if twice.any():  # one row per day: a second one would silently replace the first
        row = int(table.index[twice][0])
        raise SourceError(f"the day '{table.loc[row, 'Date']}' appears twice", file=raw.label,
                          line=row, field="Date", hint="download the export again")
    for header, name in DAILY_COLUMNS[layout.kind].items():
        frame[name] = counts(table[header], file=raw.label, column=header)
    warnings = []
    if len(frame) and (anchor - frame["date"].max().date()).days > 7:  # its year was a guess
        last = frame["date"].max().date()
        warnings.append(
            f"TikTok: {raw.label} ends on {last.isoformat()}, {(anchor - last).days} days before "
            f"it was downloaded ({anchor.isoformat()}), so the year of its dates may be wrong; "
            "set exported_on under platforms.tiktok in profile.yaml to the day you downloaded "
            "it, or keep the file in the zip TikTok gave you (its name holds the date)")
    return Piece("daily", frame, anchor, _source(raw, layout, len(frame), frame["date"]),
                 warnings)


def read_content(table: pd.DataFrame, layout: Layout, raw: RawFile, anchor: date) -> Piece:
    """Content: lifetime totals of up to ~15 videos, read on the "Time" day."""
    label = raw.label
    seen = dates.parse_column(table["Time"], file=label, column="Time")
    seen_years = seen.years
    if seen_years is None:
        seen_years = dates.latest_years(seen.months, seen.days, anchor + dates.SLACK)
    snapshot = dates.to_datetimes(seen_years, seen, table.index)
    posted = dates.parse_column(table["Post time"], file=label, column="Post time")
    posted_years = posted.years
    if posted_years is None:  # a video is posted on or before the day its totals were read
        posted_years = dates.latest_years(posted.months, posted.days, snapshot)
    links = web_links(table["Video link"], file=label, column="Video link")
    ids = links.str.replace(r"[?#].*$", "", regex=True).str.rstrip("/").str.rsplit("/", n=1).str[-1]
    if (ids == "").any():
        row = ids[ids == ""].index[0]
        raise SourceError(
            "the video link is empty, so the video cannot be identified",
            file=label,
            line=int(row),
            field="Video link",
            hint="use the file as TikTok Studio downloaded it",
        )
    titles = table["Video title"].astype("string").fillna("").str.strip()
    frame = pd.DataFrame(
        {
            "post_id": ids,
            "url": links,
            "title": titles,
            "posted_at": dates.to_datetimes(posted_years, posted, table.index),
            "kind": np.where(links.str.contains("/photo/", regex=False), "carousel", "video"),
            "likes": counts(table["Total likes"], file=label, column="Total likes"),
            "comments": counts(table["Total comments"], file=label, column="Total comments"),
            "shares": counts(table["Total shares"], file=label, column="Total shares"),
            "views": counts(table["Total views"], file=label, column="Total views"),
            "hashtags": hashtags(titles),
            "snapshot_date": snapshot,
        }
    )
    return Piece("posts", frame, anchor, _source(raw, layout, len(frame), frame["posted_at"]))


def read_activity(table: pd.DataFrame, layout: Layout, raw: RawFile, anchor: date) -> Piece:
    """FollowerActivity: followers online per hour over the last 7 days."""
    hours = counts(table["Hour"], file=raw.label, column="Hour")
    outside = hours.isna() | (hours < 0) | (hours > 23)
    if outside.any():
        row = outside[outside].index[0]
        raise SourceError(
            f"the hour must be a whole number from 0 to 23, got '{table.loc[row, 'Hour']}'",
            file=raw.label,
            line=int(row),
            field="Hour",
        )
    frame = pd.DataFrame(
        {
            "date": _chronological_dates(table, "Date", raw, anchor),
            "hour": hours,
            "active_followers": counts(
                table["Active followers"], file=raw.label, column="Active followers"
            ).astype("Float64"),
            "tz": "",  # TikTok does not say which time zone the hours are in
        }
    )
    source = _source(raw, layout, len(frame), frame["date"])
    frame, warning = drop_unfinished_day(frame, raw.label)
    return Piece("activity", frame, anchor, source, notes=[warning] if warning else [])


def drop_unfinished_day(frame: pd.DataFrame, label: str) -> tuple[pd.DataFrame, str | None]:
    """Drop the export day when TikTok zero-filled the hours that had not happened yet.

    The last day's trailing zero hours count as "not happened yet" only when the earlier days had
    followers online at those hours (a genuinely quiet night is kept).
    """
    if frame.empty:
        return frame, None
    last = frame["date"].max()
    day = frame[frame["date"] == last].sort_values("hour")
    values = day["active_followers"].fillna(0).to_numpy(dtype=float)
    online = np.flatnonzero(values > 0)
    tail_start = int(online[-1]) + 1 if len(online) else 0
    if tail_start >= len(values):
        return frame, None
    tail_hours = day["hour"].to_numpy()[tail_start:]
    before = frame[(frame["date"] < last) & frame["hour"].isin(tail_hours)]
    if before.empty or float(before["active_followers"].fillna(0).sum()) <= 0:
        return frame, None
    warning = (
        f"TikTok: {label}: left out {last.date().isoformat()} from the best-time-to-post data; "
        f"TikTok had not finished counting that day (hours {int(tail_hours.min())}-"
        f"{int(tail_hours.max())} were 0)"
    )
    return frame[frame["date"] != last], warning


def read_audience(table: pd.DataFrame, layout: Layout, raw: RawFile, anchor: date) -> Piece:
    """FollowerGender or FollowerTopTerritories: shares of followers, as of the export day."""
    column = "Gender" if layout.kind == "follower_gender" else "Top territories"
    segments = table[column].astype("string").fillna("").str.strip()
    if (segments == "").any():
        row = segments[segments == ""].index[0]
        raise SourceError("this row has no name", file=raw.label, line=int(row), field=column)
    is_other = segments.str.casefold().isin(["other", "others"])
    if layout.kind == "follower_gender":
        dimension, segments = "gender", segments.str.casefold()
    else:
        dimension = "country"
    frame = pd.DataFrame(
        {
            "dimension": dimension,
            "segment": segments.where(~is_other, "other"),
            "share": shares(table["Distribution"], file=raw.label, column="Distribution"),
            "as_of": pd.Timestamp(anchor),
            "source": f"export: {raw.name}",
        }
    )
    return Piece("audience", frame, anchor, _source(raw, layout, len(frame), None))


Reader = Callable[[pd.DataFrame, Layout, RawFile, date], Piece]
READERS: dict[str, Reader] = {
    "overview": read_daily,
    "viewers": read_daily,
    "follower_history": read_daily,
    "content": read_content,
    "follower_activity": read_activity,
    "follower_gender": read_audience,
    "follower_territories": read_audience,
}
