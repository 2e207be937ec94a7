"""TikTok "Download your data" JSON (``user_data_tiktok.json``, formerly ``user_data.json``).

Only the creator's list of posted videos is read: when each went up, its likes, sound and whether
it was marked as branded content. The file also holds messages, browsing history and other
personal sections; those are never looked at. There are no views, comments or shares per video in
this export, so those stay missing. Its videos have no public id either (only a CDN link), so each
gets an id made of its posting time, and :mod:`mediakit.sources.same_post` joins it to the same
video of a Studio Content export.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pandas as pd

from mediakit.errors import SourceError
from mediakit.sources.cells import counts, hashtags
from mediakit.sources.files import RawFile
from mediakit.sources.readfile import read_json
from mediakit.sources.same_post import made_up_ids

# Where the video list lives: the current layout, then the older one.
VIDEO_LISTS: tuple[tuple[str, ...], ...] = (
    ("Post", "Posts", "VideoList"),
    ("Video", "Videos", "VideoList"),
)
# Top-level sections that only a TikTok data download has (a file without videos still has them).
KNOWN_SECTIONS = frozenset(
    {
        "Post",
        "Video",
        "Profile And Settings",
        "Profile",
        "Your Activity",
        "Activity",
        "Likes and Favorites",
        "Direct Message",
        "Direct Messages",
        "Comment",
        "TikTok Live",
    }
)
JSON_PREFIX = "json-"  # ids made up from the posting time when the JSON holds no video id
NOT_GIVEN = frozenset({"", "n/a", "none", "null"})
_VIDEO_ID = re.compile(r"/video/(\d{8,})")
_PUBLIC_HOST = re.compile(r"^https://(?:www\.|m\.|vm\.)?tiktok(?:v)?\.com/", re.IGNORECASE)


def read_user_data(raw: RawFile, anchor: date) -> pd.DataFrame:
    """The posted videos of a data download as ``posts`` rows (snapshot = the export day)."""
    data = read_json(raw)
    videos, path = _video_list(data, raw.label)
    return _posts(videos, path, raw.label, anchor)


def _video_list(data: Any, label: str) -> tuple[list[Any], str]:
    if isinstance(data, dict):
        for keys in VIDEO_LISTS:
            node: Any = data
            for key in keys:
                node = node.get(key) if isinstance(node, dict) else None
            if node is not None:
                if not isinstance(node, list):
                    field = ".".join(keys)
                    raise SourceError("should be a list of videos", file=label, field=field)
                return node, ".".join(keys)
        if KNOWN_SECTIONS & set(data):
            return [], ".".join(VIDEO_LISTS[0])
    raise SourceError(
        "is not a TikTok data download mediakit knows",
        file=label,
        hint="expected user_data_tiktok.json from TikTok > Settings > Account > Download your "
        "data (JSON format)",
    )


def _posts(videos: list[Any], path: str, label: str, anchor: date) -> pd.DataFrame:
    for i, video in enumerate(videos):
        if not isinstance(video, dict):
            raise SourceError(
                "should be an object with Date, Link...", file=label, field=f"{path}[{i}]"
            )
    records = pd.DataFrame(
        {
            key: pd.Series([_text(video.get(key)) for video in videos], dtype="string")
            for key in ("Date", "Link", "Likes", "Sound", "Title", "ContentDisclosure")
        }
    )
    records.index = pd.RangeIndex(len(videos))
    posted = pd.to_datetime(
        records["Date"].str.strip(), format="%Y-%m-%d %H:%M:%S", errors="coerce"
    )
    if posted.isna().any():
        i = int(posted[posted.isna()].index[0])
        raise SourceError(
            f"expected a date like '2026-02-28 14:50:03', got '{records.loc[i, 'Date']}'",
            file=label,
            field=f"{path}[{i}].Date",
        )
    links = records["Link"].fillna("").str.strip()
    numeric_ids = links.str.extract(_VIDEO_ID, expand=False)
    no_id = numeric_ids.isna()
    ids = numeric_ids.astype("string")
    ids[no_id] = made_up_ids(JSON_PREFIX, posted[no_id])
    likes = _likes(records["Likes"], path, label)
    disclosure = records["ContentDisclosure"]
    sponsored = disclosure.str.contains(r"branded|paid partnership", case=False, regex=True)
    titles = records["Title"].where(~_not_given(records["Title"]))
    return pd.DataFrame(
        {
            "post_id": ids,
            "url": links.where(numeric_ids.notna() & links.str.match(_PUBLIC_HOST)),
            "title": titles,
            "posted_at": posted.astype("datetime64[ns]"),
            "kind": "video",
            "likes": likes,
            "hashtags": hashtags(titles).where(titles.notna()),
            "sound": records["Sound"].where(~_not_given(records["Sound"])),
            "sponsored": sponsored.astype("boolean"),
            "snapshot_date": pd.Timestamp(anchor),
        }
    )


def _likes(values: pd.Series, path: str, label: str) -> pd.Series:
    try:
        return counts(values.where(~_not_given(values), ""), file=label, column="Likes")
    except SourceError as err:  # point at the JSON entry (the "line" was its list position)
        field = f"{path}[{err.line}].Likes"
        raise SourceError(err.message, file=label, field=field, hint=err.hint) from err


def _not_given(values: pd.Series) -> pd.Series:
    return values.isna() | values.fillna("").str.strip().str.lower().isin(NOT_GIVEN)


def _text(value: object) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else str(value)
