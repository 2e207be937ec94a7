"""Instagram "Download your information" JSON: the past insights of posts, reels and audience.

The download (``instagram-<user>-<YYYY-MM-DD>-<code>.zip``) holds the whole account: messages,
likes, searches... Only ``logged_information/past_instagram_insights/`` is read — ``posts.json``,
``reels.json`` and ``audience_insights.json`` (by :mod:`mediakit.sources.instagram_json_posts`
and :mod:`mediakit.sources.instagram_json_audience`); every other file of the download is
skipped without being looked at. Meta's mojibake and localized labels are undone first
(:mod:`mediakit.sources.instagram_json_entries`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from mediakit.errors import SourceError
from mediakit.sources import dates
from mediakit.sources.files import RawFile
from mediakit.sources.instagram_json_audience import read_audience
from mediakit.sources.instagram_json_entries import fix_mojibake
from mediakit.sources.instagram_json_posts import read_posts
from mediakit.sources.merge import Piece
from mediakit.sources.readfile import read_json

# Folders of a data download: files there that hold no insights are skipped silently.
DOWNLOAD_FOLDERS = frozenset(
    {
        "logged_information", "your_instagram_activity", "personal_information", "connections",
        "security_and_login_information", "preferences", "ads_information",
        "apps_and_websites_off_of_instagram", "past_instagram_insights",
    }
)
_DOWNLOAD_NAME = re.compile(r"instagram-[^/]*?-(\d{4})-(\d{2})-(\d{2})")


@dataclass
class JsonResult:
    pieces: list[Piece] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def read(raw: RawFile, exported_on: date | None) -> JsonResult | None:
    """The insights in one JSON file; None for a download file that holds none (skip it)."""
    data = read_json(raw)
    if isinstance(data, dict):
        for key, reader in READERS.items():
            if key in data:
                anchor, warnings = download_day(raw, exported_on)
                entries = data[key]
                if not isinstance(entries, list):
                    raise SourceError("should be a list", file=raw.label, field=key)
                return JsonResult(reader(fix_mojibake(entries), key, raw, anchor), warnings)
        if any(str(key).startswith("organic_insights_") for key in data):
            return None  # interactions, reach, stories: account-level summaries not used
    if DOWNLOAD_FOLDERS & set(raw.label.split("/")[:-1]):
        return None
    raise SourceError(
        "is not an Instagram export mediakit knows",
        file=raw.label,
        hint="expected posts.json, reels.json or audience_insights.json from Instagram > "
        "Download your information (JSON format), under logged_information/"
        "past_instagram_insights/",
    )


def download_day(raw: RawFile, exported_on: date | None) -> tuple[date, list[str]]:
    """The day of the download: from ``instagram-<user>-YYYY-MM-DD-...``, else the profile."""
    found = _DOWNLOAD_NAME.search(raw.label)
    if found:
        try:
            day = date(int(found[1]), int(found[2]), int(found[3]))
        except ValueError:
            day = None
        if day is not None and dates.plausible(day):
            return day, []
    if exported_on is not None:
        return exported_on, []
    day = raw.modified.date()
    return day, [
        f"Instagram: the download date of {raw.label} is unknown, so it was taken from the file "
        f"({day}); add `exported_on: YYYY-MM-DD` under platforms.instagram in profile.yaml"
    ]


READERS = {
    "organic_insights_posts": read_posts,
    "organic_insights_reels": read_posts,
    "organic_insights_audience": read_audience,
}
