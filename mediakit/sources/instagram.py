"""Instagram exports (Meta Business Suite) -> the canonical tables.

Meta Business Suite > Insights gives three kinds of file, recognised by their content, never by
their names:

- the post-level CSV (Content > Export data), named like ``Aug-18-2026_Nov-16-2026_<id>.csv``:
  one row per post with lifetime totals, captions that span several lines, and the literal text
  "Lifetime" in its Date column;
- daily series (``Views.csv``, ``Reach.csv``...) and ``Audience.csv`` (follower total, age x
  women/men, top cities, top countries by English name), read by
  :mod:`mediakit.sources.instagram_account`.

The "Download your information" JSON insights are read by :mod:`mediakit.sources.instagram_json`.
Daily *follows* are new follows, not a follower count, so the follower count comes only from the
audience total, placed on the last day the export covers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from pathlib import Path

import pandas as pd

from mediakit.errors import SourceError
from mediakit.sources import dates, instagram_json
from mediakit.sources.cells import (
    counts,
    durations,
    hashtags,
    web_links,
)
from mediakit.sources.files import RawFile, relative_label, walk_exports
from mediakit.sources.instagram_account import SERIES, Reading, meta_table, read_titled, stripped
from mediakit.sources.merge import Piece, assemble
from mediakit.sources.readfile import read_records
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
_ISO_TIME = r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?"  # a re-saved export
_POSTS_NAME = re.compile(
    r"^([A-Za-z]{3})-(\d{1,2})-(\d{4})_([A-Za-z]{3})-(\d{1,2})-(\d{4})_\d+", re.ASCII
)




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
    account = assemble(pieces, warnings, PLATFORM)
    account.notes = notes + account.notes
    return account


# -- what one file holds --------------------------------------------------------------------------


def read_file(raw: RawFile) -> Reading:
    """Recognise one Business Suite CSV/XLSX by its content and read it."""
    records = [(number, row) for number, row in read_records(raw)]
    filled = [(number, row) for number, row in records if any(cell.strip() for cell in row)]
    if not filled:
        raise SourceError("the file is empty", file=raw.label, hint="download the export again")
    first = [cell.strip() for cell in filled[0][1] if cell.strip()]
    if len(first) == 1 and len(filled) > 1:  # a title line: an account-level export
        return read_titled(records, raw, first[0])
    return read_posts(meta_table(records, raw), raw)


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
    ids = stripped(table["Post ID"])
    _check_ids(ids, label)
    kinds_text = stripped(table["Post type"]).str.casefold()
    notes: list[str] = []
    stories = kinds_text.isin(SKIPPED_POST_KINDS)
    if stories.any():
        notes.append(f"{LABEL}: {label}: left out {int(stories.sum())} stories (not posts)")
    posted = _publish_times(table["Publish time"], label)
    titles = stripped(table["Description"]) if "Description" in table.columns else None
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
        for i, account in enumerate(stripped(table["Account ID"])):
            if account:
                accounts.setdefault(account, "" if names is None else str(names.iloc[i]).strip())
    frame = frame[~stories.to_numpy()]
    return Reading(raw, "posts", frame, name_end=_posts_name_end(raw.name), accounts=accounts,
                   notes=notes)


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
    text = stripped(values)
    parsed = pd.to_datetime(text, format="%m/%d/%Y %H:%M", errors="coerce")
    iso = parsed.isna() & text.str.fullmatch(_ISO_TIME).fillna(False)
    if iso.any():
        parsed[iso] = pd.to_datetime(text[iso], format="ISO8601", errors="coerce")
    bad = (parsed.isna() & (text != "")) | dates.implausible(parsed)
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
    if not all(dates.plausible(day) for day in days):
        return None
    return days[1] if days[0] <= days[1] else None


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
