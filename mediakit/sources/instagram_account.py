"""Meta Business Suite account-level exports for Instagram: daily series and Audience.csv.

Both come as UTF-16 with a ``sep=,`` line and a title line above the table. The title says what a
daily series counts (the header is always ``"Date","Primary"``); ``Audience.csv`` stacks several
small tables, each under its own title, separated by blank lines. Meta leaves out the days it
counted nothing: such a day stays missing here, never zero.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from mediakit.errors import SourceError
from mediakit.sources import dates
from mediakit.sources.cells import country_codes, counts, shares
from mediakit.sources.files import RawFile
from mediakit.sources.readfile import Records, table_from_records

LABEL = "Instagram"


@dataclass(frozen=True)
class DailySeries:
    """One daily series file, known by its title line."""

    kind: str
    titles: tuple[str, ...]
    column: str | None  # canonical daily column, or None when nothing canonical fits
    why_unused: str = ""


SERIES: tuple[DailySeries, ...] = (
    DailySeries("views", ("Views", "Instagram views"), "views"),
    DailySeries("reach", ("Reach", "Instagram reach"), "reached"),
    DailySeries(
        "visits", ("Instagram profile visits", "Profile visits", "Visits"), "profile_views"
    ),
    DailySeries(
        "follows",
        ("Instagram follows", "Follows", "Instagram followers gained"),
        None,
        "it counts new follows per day, not how many followers the account has",
    ),
    DailySeries(
        "interactions",
        ("Content interactions", "Interactions", "Instagram content interactions"),
        None,
        "likes, comments, shares and saves come per post from the post export instead",
    ),
    DailySeries(
        "link_clicks",
        ("Instagram link clicks", "Link clicks", "External link taps"),
        None,
        "a media kit does not show link clicks",
    ),
)
_SERIES_BY_TITLE = {dates.normalise(t): s for s in SERIES for t in s.titles}
AUDIENCE_TITLE = "instagram followers"
# Meta rounds each cell of the age x gender grid to 0.1%: 7 ages x 2 genders can add up to 0.7
# points over 100% when nothing is wrong.
GRID_ROUNDING = 0.007


@dataclass
class Reading:
    """One CSV/XLSX file read, before the export day is known for every file."""

    raw: RawFile
    kind: str  # "posts", a Series kind, or "audience"
    frame: pd.DataFrame  # canonical columns for posts and daily; dimension/segment/share audience
    name_end: date | None = None  # posts: the last day in the file name
    accounts: dict[str, str] = field(default_factory=dict)  # posts: Account ID -> username
    followers: int | None = None  # audience: the "Instagram followers" total
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def meta_table(records: Records, raw: RawFile) -> pd.DataFrame:
    # A spreadsheet's rows may stop at their last filled cell; a CSV's may not.
    return table_from_records(records, raw.label, strict_width=raw.suffix != ".xlsx")


def stripped(values: pd.Series) -> pd.Series:
    return values.astype("string").fillna("").str.strip()


def read_series(records: Records, raw: RawFile, series: DailySeries) -> Reading:
    """A daily series: title line, then "Date","Primary"; left-out days stay missing."""
    label = raw.label
    body = _after_title(records)
    table = meta_table(body, raw)
    for name in ("Date", "Primary"):
        if name not in table.columns:
            raise SourceError(
                f"has no column '{name}' under its title line",
                file=label,
                hint="use the file as Meta Business Suite downloaded it",
            )
    days = iso_days(table["Date"], label, "Date")
    values = counts(table["Primary"], file=label, column="Primary")
    frame = pd.DataFrame({"date": days})
    notes = []
    if series.column is not None:
        frame[series.column] = values
    else:
        notes.append(f"{LABEL}: {label} is read but not used: {series.why_unused}")
    repeated = frame["date"].duplicated()
    if repeated.any():
        row = repeated[repeated].index[0]
        raise SourceError(f"the date {table.loc[row, 'Date']} appears twice", file=label,
                          line=int(row), field="Date", hint="download the export again")
    return Reading(raw, series.kind, frame, notes=notes)


def _after_title(records: Records) -> Records:
    seen_title = False
    for i, (_, row) in enumerate(records):
        if any(cell.strip() for cell in row):
            if seen_title:
                return records[i:]
            seen_title = True
    return []


def iso_days(values: pd.Series, label: str, column: str) -> pd.Series:
    """Meta's "2025-12-24T00:00:00" (or a plain "2025-12-24") as midnight datetimes."""
    text = stripped(values)
    parsed = pd.to_datetime(text.str.slice(0, 10), format="%Y-%m-%d", errors="coerce")
    well_formed = text.str.fullmatch(r"\d{4}-\d{2}-\d{2}(?:[T ]00:00(?::00)?)?").fillna(False)
    bad = parsed.isna() | ~well_formed | dates.implausible(parsed)
    if bad.any():
        row = bad[bad].index[0]
        shown = f"'{text.loc[row]}'" if text.loc[row] else "an empty cell"
        raise SourceError(
            f"{shown} is not a date mediakit can read",
            file=label,
            line=int(row),
            field=column,
            hint="expected a date like 2025-12-24T00:00:00, as Meta Business Suite writes it",
        )
    return parsed.astype("datetime64[ns]")


# -- Audience.csv ---------------------------------------------------------------------------------


def sections(records: Records) -> list[Records]:
    """The small tables of Audience.csv, split at blank lines (title line first in each)."""
    blocks: list[Records] = []
    current: Records = []
    for number, row in records:
        cells = [cell.strip() for cell in row if cell.strip()]
        starts_section = (
            len(cells) == 1 and dates.normalise(cells[0]).startswith(AUDIENCE_TITLE) and current
        )
        if not cells or starts_section:
            if current:
                blocks.append(current)
            current = [] if not cells else [(number, row)]
            continue
        current.append((number, row))
    if current:
        blocks.append(current)
    return blocks


def read_audience(records: Records, raw: RawFile) -> Reading:
    """Audience.csv: follower total, age x women/men, top cities and top countries."""
    label = raw.label
    parts: list[pd.DataFrame] = []
    followers: int | None = None
    notes: list[str] = []
    warnings: list[str] = []
    for block in sections(records):
        title = block[0][1][0].strip()
        body = block[1:]
        if not body:
            continue
        header = [cell.strip() for cell in body[0][1]]
        folded = [name.casefold() for name in header]
        if dates.normalise(title) == AUDIENCE_TITLE:
            followers = _follower_total(body, label)
        elif "age" in folded and ("women" in folded or "men" in folded):
            parts.extend(_age_and_gender(meta_table(body, raw), label))
        elif folded[:1] == ["top cities"]:
            parts.append(_shares(meta_table(body, raw), label, "city"))
        elif folded[:1] == ["top countries"]:
            frame = _shares(meta_table(body, raw), label, "country")
            codes, unknown = country_codes(frame["segment"])
            frame["segment"] = codes
            if unknown:
                warnings.append(
                    f"{LABEL}: {label}: country name(s) {', '.join(unknown)} not recognised; "
                    "shown as written"
                )
            parts.append(frame)
        else:
            notes.append(f"{LABEL}: {label}: the section '{title}' is not used")
    frame = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(
        {"dimension": pd.Series(dtype="string"), "segment": pd.Series(dtype="string"),
         "share": pd.Series(dtype="Float64")}
    )
    if followers is None and frame.empty:
        raise SourceError(
            "looks like Audience.csv but holds none of its tables",
            file=label,
            hint="expected 'Instagram followers', '... by gender and age', '... by top cities' "
            "and '... by top countries'",
        )
    return Reading(raw, "audience", frame, followers=followers, notes=notes, warnings=warnings)


def _follower_total(body: Records, label: str) -> int | None:
    """The number under the "IG_ACCOUNT,FOLLOW,UNIQUE_USERS" line (Meta's name for the total)."""
    values = [(number, row[0].strip()) for number, row in body if row and row[0].strip()]
    if values and not re.fullmatch(r"[\d\s.,\u00a0\u202f']+", values[0][1]):
        values = values[1:]  # the header line
    if not values:
        return None
    number, text = values[0]
    total = counts(pd.Series([text], index=[number], dtype="str"), file=label,
                   column="Instagram followers").iloc[0]
    if pd.isna(total) or total < 0:
        raise SourceError(f"the follower total must be a whole number, got '{text}'", file=label,
                          line=number, field="Instagram followers")
    return int(total)


def _segments(table: pd.DataFrame, column: str, label: str) -> pd.Series:
    names = stripped(table[column])
    if (names == "").any():
        row = names[names == ""].index[0]
        raise SourceError("this row has no name", file=label, line=int(row), field=column)
    return names


def _age_and_gender(table: pd.DataFrame, label: str) -> list[pd.DataFrame]:
    """Rows are age bands, columns women and men: ages sum across, genders sum down."""
    age_column = next(name for name in table.columns if name.casefold() == "age")
    ages = _segments(table, age_column, label)
    by_gender = {}
    columns = []
    for header, gender in (("Women", "female"), ("Men", "male")):
        column = next((name for name in table.columns if name.casefold() == header.lower()), None)
        if column is not None:
            by_gender[gender] = shares(table[column], file=label, column=column)
            columns.append(column)
    known = pd.DataFrame(by_gender)
    total = float(known.sum().sum())
    if total > 1 + GRID_ROUNDING:  # each age's and each gender's share is a sum of these cells
        raise SourceError(
            f"the follower shares by age and gender add up to {total:.1%}, more than all "
            "followers",
            file=label,
            field=", ".join(columns),
            hint="use the export as downloaded",
        )
    age_share = known.sum(axis=1, min_count=1)
    age = pd.DataFrame({"dimension": "age", "segment": ages, "share": age_share})
    gender = pd.DataFrame(
        {
            "dimension": "gender",
            "segment": list(by_gender),
            "share": [values.sum(min_count=1) for values in by_gender.values()],
        }
    )
    return [_rounded(age), _rounded(gender)]


def _shares(table: pd.DataFrame, label: str, dimension: str) -> pd.DataFrame:
    if len(table.columns) < 2:
        raise SourceError(f"the {dimension} table has no share column", file=label)
    name_column, value_column = table.columns[0], table.columns[-1]
    names = _segments(table, name_column, label)
    other = names.str.casefold().isin(["other", "others"])
    frame = pd.DataFrame(
        {
            "dimension": dimension,
            "segment": names.where(~other, "other"),
            "share": shares(table[value_column], file=label, column=value_column),
        }
    )
    return _rounded(frame)


def _rounded(frame: pd.DataFrame) -> pd.DataFrame:
    # "4.2%" is 4.2 x 0.01 = 0.04200000000000001 in floats; six places keep history files tidy.
    frame = frame.dropna(subset=["share"]).copy()
    frame["share"] = frame["share"].astype("Float64").round(6)
    return frame


def read_titled(records: Records, raw: RawFile, title_text: str) -> Reading:
    """A file whose first line is a title: a daily series or Audience.csv."""
    title = dates.normalise(title_text.replace("\ufeff", ""))
    if title == AUDIENCE_TITLE or title.startswith(AUDIENCE_TITLE + " by "):
        return read_audience(records, raw)
    series = _SERIES_BY_TITLE.get(title)
    if series is not None:
        return read_series(records, raw, series)
    raise SourceError(
        f"is a Meta Business Suite export mediakit does not read (its title is '{title_text}')",
        file=raw.label,
        hint="the Instagram folder reads the Content export, Views, Reach, Follows, "
        "Interactions, Visits, Link clicks and Audience; move other files elsewhere",
    )
