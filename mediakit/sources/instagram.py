"""Instagram exports (Meta Business Suite) -> the canonical tables.

Meta Business Suite > Insights gives three kinds of file, recognised by their content, never by
their names:

- the post-level CSV (Content > Export data), named like ``Aug-18-2026_Nov-16-2026_<id>.csv``:
  one row per post with lifetime totals, captions that span several lines, and the literal text
  "Lifetime" in its Date column;
- daily series (``Views.csv``, ``Reach.csv``...): UTF-16 with a ``sep=,`` line, a title line
  naming the metric, then ``"Date","Primary"``; Meta leaves out days it counted nothing, and a
  left-out day stays missing here;
- ``Audience.csv``: several small tables one after another (follower total, age x women/men,
  top cities, top countries by English name).

The "Download your information" JSON insights are read by :mod:`mediakit.sources.instagram_json`.
Daily *follows* are new follows, not a follower count, so the follower count comes only from the
audience total, placed on the last day the export covers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd

from mediakit.errors import SourceError
from mediakit.sources import dates, instagram_json
from mediakit.sources.cells import (
    country_codes,
    counts,
    durations,
    fractions,
    hashtags,
    web_links,
)
from mediakit.sources.files import (
    RawFile,
    Records,
    read_records,
    relative_label,
    table_from_records,
    walk_exports,
)
from mediakit.sources.merge import Piece, assemble
from mediakit.tables import Account, SourceFile

PLATFORM = "instagram"
LABEL = "Instagram"

POST_ID_COLUMNS = ("Post ID", "Publish time", "Permalink", "Post type")
POST_KINDS = {
    "ig reel": "reel", "ig carousel": "carousel", "ig image": "image", "ig video": "video"
}
SKIPPED_POST_KINDS = frozenset({"ig story"})  # stories vanish after a day: not posts to compare
# Canonical column <- export header, first present wins. Exports before 2025 had no Views:
# Meta's Views replaced Plays (reels) and Impressions (everything else).
POST_METRICS: dict[str, tuple[str, ...]] = {
    "views": ("Views", "Plays", "Impressions"),
    "reach": ("Reach", "Accounts reached"),
    "likes": ("Likes",),
    "comments": ("Comments",),
    "shares": ("Shares",),
    "saves": ("Saves",),
}
_POSTS_NAME = re.compile(
    r"^([A-Za-z]{3})-(\d{1,2})-(\d{4})_([A-Za-z]{3})-(\d{1,2})-(\d{4})_\d+", re.ASCII
)


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


def load(folder: Path, *, content_dir: Path, exported_on: date | None = None) -> Account:
    """Read every Instagram export under ``folder`` into one Account (see ``load_platform``)."""
    raws = walk_exports(folder, content_dir)
    readings: list[Reading] = []
    pieces: list[Piece] = []
    skipped: list[str] = []
    warnings: list[str] = []
    for raw in raws:
        if raw.suffix == ".json":
            result = instagram_json.read(raw, exported_on)
            if result is None:
                skipped.append(raw.label)
                continue
            pieces.extend(result.pieces)
            warnings.extend(result.warnings)
            continue
        readings.append(read_file(raw))
    _refuse_mixed_accounts(readings)
    pieces.extend(_pieces(readings, exported_on, warnings))
    notes = []
    if skipped:
        notes.append(
            f"{LABEL}: skipped {len(skipped)} file(s) of the data download that hold no insights "
            f"(e.g. {skipped[0]})"
        )
    if not raws:
        warnings.append(
            f"{LABEL}: no export files found in {relative_label(folder, content_dir)}; export them "
            "from Meta Business Suite > Insights (Content > Export data, and the Overview/Audience "
            "exports)"
        )
    account = assemble(pieces, warnings, PLATFORM, link_posts=instagram_json.link_json_posts)
    account.notes = notes + account.notes
    return account


# -- what one file holds --------------------------------------------------------------------------


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


def read_file(raw: RawFile) -> Reading:
    """Recognise one Business Suite CSV/XLSX by its content and read it."""
    records = [(number, row) for number, row in read_records(raw)]
    filled = [(number, row) for number, row in records if any(cell.strip() for cell in row)]
    if not filled:
        raise SourceError("the file is empty", file=raw.label, hint="download the export again")
    first = [cell.strip() for cell in filled[0][1] if cell.strip()]
    if len(first) == 1 and len(filled) > 1:
        title = dates.normalise(first[0].replace("\ufeff", ""))
        if title == AUDIENCE_TITLE or title.startswith(AUDIENCE_TITLE + " by "):
            return read_audience(records, raw)
        series = _SERIES_BY_TITLE.get(title)
        if series is not None:
            return read_series(records, raw, series)
        raise SourceError(
            f"is a Meta Business Suite export mediakit does not read (its title is '{first[0]}')",
            file=raw.label,
            hint="the Instagram folder reads the Content export, Views, Reach, Follows, "
            "Interactions, Visits, Link clicks and Audience; move other files elsewhere",
        )
    return read_posts(_table(records, raw), raw)


def _table(records: Records, raw: RawFile) -> pd.DataFrame:
    # A spreadsheet's rows may stop at their last filled cell; a CSV's may not.
    return table_from_records(records, raw.label, strict_width=raw.suffix != ".xlsx")


def _not_instagram(table: pd.DataFrame, raw: RawFile) -> SourceError:
    present = set(table.columns)
    if {"Post ID", "Page ID"} <= present:
        return SourceError(
            "is a Facebook Page export, not an Instagram one",
            file=raw.label,
            hint="in Meta Business Suite choose your Instagram account before Export data",
        )
    missing = [name for name in POST_ID_COLUMNS if name not in present]
    if "Post ID" in present and len(missing) <= 1:
        return SourceError(
            f"looks like Instagram's post export but has no column '{missing[0]}'",
            file=raw.label,
            hint="use the file as Meta Business Suite downloaded it",
        )
    shown = ", ".join(f"'{name}'" for name in list(table.columns)[:6])
    return SourceError(
        f"is not an Instagram export mediakit knows (its columns are {shown})",
        file=raw.label,
        hint="expected Meta Business Suite's Content export (Post ID, Publish time, Permalink, "
        "Post type...), a daily series such as Views.csv, Audience.csv, or the JSON insights of "
        "Download your information",
    )


def read_posts(table: pd.DataFrame, raw: RawFile) -> Reading:
    """The post export: one row per post, lifetime totals."""
    if not all(name in table.columns for name in POST_ID_COLUMNS):
        raise _not_instagram(table, raw)
    label = raw.label
    ids = _text(table["Post ID"])
    _check_ids(ids, label)
    kinds_text = _text(table["Post type"]).str.casefold()
    notes: list[str] = []
    stories = kinds_text.isin(SKIPPED_POST_KINDS)
    if stories.any():
        notes.append(f"{LABEL}: {label}: left out {int(stories.sum())} stories (not posts)")
    posted = _publish_times(table["Publish time"], label)
    titles = _text(table["Description"]) if "Description" in table.columns else None
    frame = pd.DataFrame(
        {
            "post_id": ids,
            "posted_at": posted,
            "url": web_links(table["Permalink"], file=label, column="Permalink").replace("", pd.NA),
            "kind": kinds_text.map(POST_KINDS).astype("string"),
        }
    )
    unknown = sorted(set(kinds_text[frame["kind"].isna() & ~stories & (kinds_text != "")]))
    if unknown:
        notes.append(f"{LABEL}: {label}: post type(s) {', '.join(unknown)} are not known; kept "
                     "without a type")
    if titles is not None:
        frame["title"] = titles.replace("", pd.NA)
        frame["hashtags"] = hashtags(titles)
    if "Duration (sec)" in table.columns:
        seconds = durations(table["Duration (sec)"], file=label, column="Duration (sec)")
        frame["duration_s"] = seconds.where(seconds > 0)  # images say 0: there is no duration
    for column, headers in POST_METRICS.items():
        header = next((name for name in headers if name in table.columns), None)
        if header is None:
            continue
        frame[column] = counts(table[header], file=label, column=header)
        if header != headers[0]:
            notes.append(f"{LABEL}: {label}: an older export without '{headers[0]}'; "
                         f"used '{header}' for {column}")
    accounts: dict[str, str] = {}
    if "Account ID" in table.columns:
        names = table["Account username"] if "Account username" in table.columns else None
        for i, account in enumerate(_text(table["Account ID"])):
            if account:
                accounts.setdefault(account, "" if names is None else str(names.iloc[i]).strip())
    frame = frame[~stories.to_numpy()]
    return Reading(raw, "posts", frame, name_end=_posts_name_end(raw.name), accounts=accounts,
                   notes=notes)


def _text(values: pd.Series) -> pd.Series:
    return values.astype("string").fillna("").str.strip()


def _check_ids(ids: pd.Series, label: str) -> None:
    for row, value in ids.items():
        if not value:
            raise SourceError("the post has no Post ID", file=label, line=int(row),
                              field="Post ID", hint="use the file as Meta Business Suite "
                              "downloaded it")
        if "e+" in value.casefold() or "," in value:
            raise SourceError(
                f"the Post ID '{value}' was rounded by a spreadsheet program",
                file=label,
                line=int(row),
                field="Post ID",
                hint="use the file exactly as downloaded; opening and saving it in Excel breaks "
                "the long ids",
            )


def _publish_times(values: pd.Series, label: str) -> pd.Series:
    text = _text(values)
    parsed = pd.to_datetime(text, format="%m/%d/%Y %H:%M", errors="coerce")
    iso = parsed.isna() & (text != "")
    if iso.any():
        parsed[iso] = pd.to_datetime(text[iso], format="ISO8601", errors="coerce")
    bad = parsed.isna() & (text != "")
    if bad.any():
        row = bad[bad].index[0]
        raise SourceError(
            f"expected a publish time like '03/15/2026 08:46', got '{text.loc[row]}'",
            file=label,
            line=int(row),
            field="Publish time",
            hint="use the file as Meta Business Suite downloaded it",
        )
    return parsed.astype("datetime64[ns]")


def _posts_name_end(name: str) -> date | None:
    """The last day of the range in ``Dec-16-2025_Mar-15-2026_2792524897764272.csv``."""
    found = _POSTS_NAME.match(name)
    if not found:
        return None
    days = []
    for month_text, day, year in (found.group(1, 2, 3), found.group(4, 5, 6)):
        month = dates.MONTHS.get(dates.normalise(month_text))
        try:
            days.append(date(int(year), month or 0, int(day)))
        except ValueError:
            return None
    return days[1] if days[0] <= days[1] else None


def read_series(records: Records, raw: RawFile, series: DailySeries) -> Reading:
    """A daily series: title line, then "Date","Primary"; left-out days stay missing."""
    label = raw.label
    body = _after_title(records)
    table = _table(body, raw)
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
    text = _text(values)
    parsed = pd.to_datetime(text.str.slice(0, 10), format="%Y-%m-%d", errors="coerce")
    well_formed = text.str.fullmatch(r"\d{4}-\d{2}-\d{2}(?:[T ]00:00(?::00)?)?").fillna(False)
    bad = parsed.isna() | ~well_formed
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
            parts.extend(_age_and_gender(_table(body, raw), label))
        elif folded[:1] == ["top cities"]:
            parts.append(_shares(_table(body, raw), label, "city"))
        elif folded[:1] == ["top countries"]:
            frame = _shares(_table(body, raw), label, "country")
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
    names = _text(table[column])
    if (names == "").any():
        row = names[names == ""].index[0]
        raise SourceError("this row has no name", file=label, line=int(row), field=column)
    return names


def _age_and_gender(table: pd.DataFrame, label: str) -> list[pd.DataFrame]:
    """Rows are age bands, columns women and men: ages sum across, genders sum down."""
    age_column = next(name for name in table.columns if name.casefold() == "age")
    ages = _segments(table, age_column, label)
    by_gender = {}
    for header, gender in (("Women", "female"), ("Men", "male")):
        column = next((name for name in table.columns if name.casefold() == header.lower()), None)
        if column is not None:
            by_gender[gender] = fractions(table[column], file=label, column=column)
    known = pd.DataFrame(by_gender)
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
            "share": fractions(table[value_column], file=label, column=value_column),
        }
    )
    return _rounded(frame)


def _rounded(frame: pd.DataFrame) -> pd.DataFrame:
    # "4.2%" is 4.2 x 0.01 = 0.04200000000000001 in floats; six places keep history files tidy.
    frame = frame.dropna(subset=["share"]).copy()
    frame["share"] = frame["share"].astype("Float64").round(6)
    return frame


# -- from readings to pieces ----------------------------------------------------------------------


def _refuse_mixed_accounts(readings: Iterable[Reading]) -> None:
    seen: dict[str, tuple[str, str]] = {}
    for reading in readings:
        for account, username in reading.accounts.items():
            seen.setdefault(account, (username, reading.raw.label))
    if len(seen) > 1:
        (first, (name_a, _)), (_, (name_b, label_b)) = list(seen.items())[:2]
        raise SourceError(
            f"is an export of the account '{name_b or 'unknown'}', but the folder also holds "
            f"exports of '{name_a or first}'",
            file=label_b,
            hint="keep one creator's exports per folder so their numbers are never mixed",
        )


def _folder(label: str) -> str:
    return label.rsplit("/", 1)[0] if "/" in label else ""


def _last_days(readings: list[Reading]) -> dict[str, date]:
    """The last day each folder's exports cover (daily dates, then post-file names)."""
    last: dict[str, date] = {}
    for reading in readings:
        days: list[date] = []
        if reading.kind in {s.kind for s in SERIES} and len(reading.frame):
            days.append(reading.frame["date"].max().date())
        if reading.name_end is not None:
            days.append(reading.name_end)
        folder = _folder(reading.raw.label)
        for day in days:
            last[folder] = max(last.get(folder, day), day)
    return last


def _pieces(readings: list[Reading], exported_on: date | None, warnings: list[str]) -> list[Piece]:
    last = _last_days(readings)
    overall = max(last.values()) if last else exported_on
    pieces = []
    for reading in readings:
        raw = reading.raw
        if reading.kind == "posts":
            pieces.append(_posts_piece(reading, exported_on))
            continue
        if reading.kind == "audience":
            day = last.get(_folder(raw.label), overall)
            if day is None:
                day = raw.modified.date()
                warnings.append(
                    f"{LABEL}: {raw.label} does not say when it was exported and no daily or post "
                    f"export sits beside it, so its date was taken from the file ({day}); add "
                    "`exported_on: YYYY-MM-DD` under platforms.instagram in profile.yaml to pin it"
                )
            pieces.extend(_audience_pieces(reading, day))
            continue
        frame = reading.frame
        days = frame["date"]
        anchor = days.max().date() if len(days) else raw.modified.date()
        first = days.min().date() if len(days) else None
        last_day = days.max().date() if len(days) else None
        source = SourceFile(raw.label, PLATFORM, f"instagram.{reading.kind}", len(frame), first,
                            last_day)
        used = frame if len(frame.columns) > 1 else frame.iloc[0:0]
        pieces.append(Piece("daily", used, anchor, source, reading.warnings, reading.notes))
    return pieces


def _posts_piece(reading: Reading, exported_on: date | None) -> Piece:
    frame, raw = reading.frame, reading.raw
    notes = list(reading.notes)
    snapshot = reading.name_end or exported_on
    if snapshot is None:
        latest = frame["posted_at"].max()
        snapshot = latest.date() if pd.notna(latest) else raw.modified.date()
        notes.append(
            f"{LABEL}: {raw.label}: the file name does not carry the export's dates, so its "
            f"totals are dated {snapshot}, the latest publish time in it"
        )
    frame = frame.assign(snapshot_date=pd.Timestamp(snapshot))
    posted = frame["posted_at"].dropna()
    first = posted.min().date() if len(posted) else None
    last_day = posted.max().date() if len(posted) else None
    source = SourceFile(raw.label, PLATFORM, "instagram.posts", len(frame), first, last_day)
    return Piece("posts", frame, snapshot, source, reading.warnings, notes)


def _audience_pieces(reading: Reading, day: date) -> list[Piece]:
    raw = reading.raw
    stamp = pd.Timestamp(day)
    frame = reading.frame.assign(as_of=stamp, source=f"export: {raw.name}")
    source = SourceFile(raw.label, PLATFORM, "instagram.audience", len(frame), day, day)
    pieces = [Piece("audience", frame, day, source, reading.warnings, reading.notes)]
    if reading.followers is not None:
        followers = pd.DataFrame(
            {"date": [stamp], "followers": pd.array([reading.followers], dtype="Int64")}
        )
        pieces.append(Piece("daily", followers, day, source))
    return pieces
