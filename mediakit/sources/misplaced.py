"""Exports dropped into another platform's folder: say where they belong.

A platform's reader only knows its own files, so an Instagram ``Views.csv`` in the TikTok folder
fails in a puzzling way (its title line above the table reads as a header of one column, so the
rows look "cut short"). When a reader fails on a file, ``explain`` looks at the file the way each
*other* platform recognises its exports (by content, never by name) and, if one claims it, the
error says which platform's file it is and which folder it goes in.

Only the error path pays for this: nothing here runs while exports read cleanly.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mediakit.errors import SourceError
from mediakit.sources import instagram, instagram_account, instagram_json, tiktok, tiktok_userdata
from mediakit.sources.dates import normalise
from mediakit.sources.files import RawFile, relative_label, walk_exports
from mediakit.sources.readfile import read_json, read_records

NAMES = {"tiktok": "TikTok", "instagram": "Instagram", "youtube": "YouTube"}
# YouTube Studio's per-video tables (Table data.csv, Chart data.csv) have both; its Totals.csv
# ("Date" and one metric) is too plain to tell from any other table, so it is never claimed.
YOUTUBE_VIDEO_COLUMNS = ("Content", "Video title")


def explain(error: SourceError, platform: str, folder: Path, content_dir: Path) -> SourceError:
    """``error`` from reading ``platform``'s folder, or a clearer one if the file is foreign."""
    if not error.file:
        return error
    try:
        raw = next((raw for raw in walk_exports(folder, content_dir) if raw.label == error.file),
                   None)
    except SourceError:
        return error
    if raw is None:
        return error
    found = identify(raw)
    if found is None or found[0] == platform:
        return error
    owner, what = found
    return SourceError(
        f"looks like {_a(owner)} {NAMES[owner]} export ({what}), not {_a(platform)} "
        f"{NAMES[platform]} one",
        file=raw.label,
        hint=_where_it_goes(owner, platform, folder, content_dir),
    )


def _a(platform: str) -> str:
    return "an" if NAMES[platform][0] in "AEIOU" else "a"


def _where_it_goes(owner: str, platform: str, folder: Path, content_dir: Path) -> str:
    if relative_label(folder, content_dir) == f"data/{platform}":
        return (f"move it into data/{owner}/, the folder for {NAMES[owner]} exports; list {owner} "
                "under platforms in profile.yaml if it is not there yet")
    return (f"move it into the folder of your {NAMES[owner]} exports (platforms.{owner}.data in "
            f"profile.yaml; data/{owner}/ by default)")


def identify(raw: RawFile) -> tuple[str, str] | None:
    """(platform, which of its files) for a file some platform recognises, else None."""
    try:
        if raw.suffix == ".json":
            return _identify_json(read_json(raw), raw.label)
        return _identify_table(read_records(raw))
    except SourceError:  # unreadable: the reader's own error says so best
        return None


def _identify_table(records: list[tuple[int, list[str]]]) -> tuple[str, str] | None:
    rows = [[cell.replace("\ufeff", "").strip() for cell in row] for _, row in records]
    rows = [row for row in rows if any(row)]
    if not rows:
        return None
    first = [cell for cell in rows[0] if cell]
    if len(first) == 1 and len(rows) > 1:  # a title line above the table: Meta's account files
        title = normalise(first[0])
        if title == instagram_account.AUDIENCE_TITLE or title.startswith(
            instagram_account.AUDIENCE_TITLE + " by "
        ):
            return "instagram", "Meta Business Suite's Audience file"
        for series in instagram_account.SERIES:
            if title in {normalise(text) for text in series.titles}:
                return "instagram", f"Meta Business Suite's '{first[0]}' file"
        return None
    header = set(rows[0])
    if all(name in header for name in instagram.POST_ID_COLUMNS):
        return "instagram", "Meta Business Suite's post export"
    folded = {name.casefold() for name in header}
    complete = [lay for lay in tiktok.LAYOUTS if all(c.casefold() in folded for c in lay.columns)]
    if complete:
        layout = max(complete, key=lambda lay: len(lay.columns))
        return "tiktok", f"TikTok Studio's {layout.usual_name}"
    if all(name in header for name in YOUTUBE_VIDEO_COLUMNS):
        usual = "Chart data.csv" if "Date" in header else "Table data.csv"
        return "youtube", f"YouTube Studio's {usual}"
    return None


def _identify_json(data: Any, label: str) -> tuple[str, str] | None:
    if isinstance(data, dict):
        if any(str(key).startswith("organic_insights_") for key in data):
            return "instagram", "insights from Instagram's Download your information"
        if tiktok_userdata.KNOWN_SECTIONS & set(data):
            return "tiktok", "TikTok's Download your data"
    if instagram_json.DOWNLOAD_FOLDERS & set(label.split("/")[:-1]):
        return "instagram", "a file of Instagram's Download your information"
    return None
