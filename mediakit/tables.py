"""The canonical tables every source produces and every analysis consumes.

Sources are the only code that knows a platform's file format; they translate exports into these
four tidy tables. Keeping the schema in one place means analytics can rely on dtypes: counts are
nullable ``Int64`` (missing is ``<NA>``, never 0), fractions and seconds are ``Float64``, dates are
``datetime64[ns]`` at midnight (no timezone: exports do not state one).

| table    | one row per                    |
|----------|--------------------------------|
| daily    | platform x date                |
| posts    | platform x post_id             |
| audience | platform x dimension x segment |
| activity | platform x date x hour         |
| periods  | platform x period (first, last) |

``activity`` keeps the date (the design guide's weekday is derived from it) so that snapshots from
several exports can be merged without double counting.

``periods`` holds a platform's own totals for an export's whole period (YouTube's ``Total`` row):
they cover every video, also those the export does not list, so they are not the sum of
``posts`` and cannot be split into days.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

DATE = "datetime64[ns]"

DAILY: dict[str, str] = {
    "platform": "string",
    "date": DATE,
    "followers": "Int64",
    "views": "Int64",
    "profile_views": "Int64",
    "likes": "Int64",
    "comments": "Int64",
    "shares": "Int64",
    "reached": "Int64",
    "new_viewers": "Int64",
    "returning_viewers": "Int64",
}

POSTS: dict[str, str] = {
    "platform": "string",
    "post_id": "string",
    "posted_at": DATE,
    "title": "string",
    "url": "string",
    "kind": "string",  # video, image, carousel, reel, short
    "duration_s": "Float64",
    "views": "Int64",
    "reach": "Int64",
    "likes": "Int64",
    "comments": "Int64",
    "shares": "Int64",
    "saves": "Int64",
    "watch_time_s": "Float64",
    "avg_watch_s": "Float64",
    "completion_rate": "Float64",
    "hashtags": "string",  # space-separated, lower-case, without '#': "music guitar"
    "sound": "string",
    "sponsored": "boolean",
    "snapshot_date": DATE,  # the day these lifetime totals were read (export date)
}

AUDIENCE: dict[str, str] = {
    "platform": "string",
    "dimension": "string",  # gender, age, country, city
    "segment": "string",  # female/male/other; "18-24"; ISO alpha-2 or "other"; city name
    "share": "Float64",  # 0..1
    "as_of": DATE,
    "source": "string",  # "export: FollowerGender.csv" or "self-reported: <note>"
}

ACTIVITY: dict[str, str] = {
    "platform": "string",
    "date": DATE,
    "hour": "Int64",  # 0..23
    "active_followers": "Float64",
    "tz": "string",  # the timezone the hours are in, when known ("" when the export is silent)
}

PERIODS: dict[str, str] = {
    "platform": "string",
    "first": DATE,  # the period's first day; missing when the export does not say it
    "last": DATE,  # the period's last day (or the day the export is dated, see the source)
    "views": "Int64",
    "watch_time_hours": "Float64",
    "followers_gained": "Int64",  # net: subscribers gained minus lost, may be negative
    "impressions": "Int64",
}

SCHEMAS: dict[str, dict[str, str]] = {
    "daily": DAILY,
    "posts": POSTS,
    "audience": AUDIENCE,
    "activity": ACTIVITY,
    "periods": PERIODS,
}

KEYS: dict[str, list[str]] = {
    "daily": ["platform", "date"],
    "posts": ["platform", "post_id"],
    "audience": ["platform", "dimension", "segment"],
    "activity": ["platform", "date", "hour"],
    "periods": ["platform", "last", "first"],
}


def empty(table: str) -> pd.DataFrame:
    """An empty frame with the table's columns and dtypes (a fresh copy: callers may fill it)."""
    return _empty_template(table).copy()


@functools.cache
def _empty_template(table: str) -> pd.DataFrame:
    """Building a frame from typed Series costs ~2 ms; a copy of a built one ~0.05 ms."""
    schema = SCHEMAS[table]
    return pd.DataFrame({name: pd.Series(dtype=dtype) for name, dtype in schema.items()})


@functools.cache
def _dtype(name: str) -> object:
    return pd.api.types.pandas_dtype(name)


def conform(frame: pd.DataFrame, table: str) -> pd.DataFrame:
    """Return ``frame`` with exactly the table's columns, in order, with canonical dtypes.

    Missing columns are added as all-missing (a source that cannot fill a column leaves it NA).
    Extra columns are dropped. Rows are sorted by the table's key so output is deterministic.
    A frame that already has the schema's columns and dtypes (every reader's output, the
    history: most calls in a build) is only sorted: rebuilding it column by column would give
    the same values at ~10 % of a roster creator's build.
    """
    schema = SCHEMAS[table]
    if list(frame.columns) == list(schema) and all(  # exact dtypes: "str" is not "string"
            frame[name].dtype == _dtype(dtype) for name, dtype in schema.items()):
        out = frame
        if len(out):
            out = out.sort_values(KEYS[table], kind="mergesort")
        return out.reset_index(drop=True)
    out = pd.DataFrame(index=frame.index)
    for name, dtype in schema.items():
        if name in frame.columns:
            column = frame[name]
            if dtype == DATE:
                if not pd.api.types.is_datetime64_any_dtype(column):
                    column = pd.to_datetime(column, format="ISO8601")
                column = column.astype(DATE)
            elif dtype == "Int64":
                column = pd.to_numeric(column).round().astype("Int64")
            elif dtype == "Float64":
                column = pd.to_numeric(column).astype("Float64")
            else:
                column = column.astype(dtype)
            out[name] = column
        else:
            out[name] = pd.Series(pd.NA, index=frame.index, dtype=dtype)
    if len(out):
        out = out.sort_values(KEYS[table], kind="mergesort")
    return out.reset_index(drop=True)


@dataclass(frozen=True)
class SourceFile:
    """Provenance of one export file: where a number came from, shown on the methodology page."""

    path: str  # relative to the project's content/ folder, POSIX style
    platform: str
    kind: str  # e.g. "tiktok.overview", "tiktok.content", "tiktok.user_data"
    rows: int
    first_date: date | None = None
    last_date: date | None = None


@dataclass
class Account:
    """Everything known about one creator's accounts, as canonical tables."""

    daily: pd.DataFrame = field(default_factory=lambda: empty("daily"))
    posts: pd.DataFrame = field(default_factory=lambda: empty("posts"))
    audience: pd.DataFrame = field(default_factory=lambda: empty("audience"))
    activity: pd.DataFrame = field(default_factory=lambda: empty("activity"))
    periods: pd.DataFrame = field(default_factory=lambda: empty("periods"))
    files: list[SourceFile] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # the creator should act (build prints)
    notes: list[str] = field(default_factory=list)  # expected quirks handled (`check` prints)

    def platforms(self) -> list[str]:
        """Platforms that have any data, sorted."""
        seen: set[str] = set()
        for frame in (self.daily, self.posts, self.audience, self.activity, self.periods):
            seen.update(frame["platform"].dropna().unique().tolist())
        return sorted(seen)
