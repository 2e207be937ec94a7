"""TikTok "Download your data" JSON: the posted videos only, in both key layouts."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from export_bytes import FIXTURES

from mediakit.errors import SourceError
from mediakit.sources import files, load_platform
from mediakit.tables import Account

Write = Callable[[str, bytes], Path]
USER_DATA = FIXTURES / "userdata" / "user_data_tiktok.json"


def _load(content: Path, exported_on: date | None = date(2026, 1, 3)) -> Account:
    return load_platform(
        "tiktok", content / "data" / "tiktok", content_dir=content, exported_on=exported_on
    )


def _video(day: str, likes: str = "0", **extra: str) -> dict[str, str]:
    return {
        "Date": day,
        "Link": "https://v16m.tiktokcdn.com/x/video/tos/y/",
        "Likes": likes,
        **extra,
    }


def test_current_layout_lists_posted_videos(content: Path, write: Write) -> None:
    write("user_data_tiktok.json", USER_DATA.read_bytes())
    posts = _load(content).posts.set_index("post_id")
    assert posts.index.tolist() == [
        "7570000000000000009",  # a share link carries the numeric video id
        "json-20260101T183000",  # otherwise the id is made from the posting time
        "json-20260102T210544",
    ]
    assert posts["posted_at"].tolist() == [
        pd.Timestamp("2025-12-20 12:00:00"),
        pd.Timestamp("2026-01-01 18:30:00"),
        pd.Timestamp("2026-01-02 21:05:44"),
    ]
    assert posts["likes"].tolist() == [1024, 205, 31]  # strings, one with a separator
    # "Branded Content" and "Paid partnership" are sponsored; "" is not.
    assert posts["sponsored"].tolist() == [True, False, True]
    assert posts.loc["json-20260102T210544", "sound"] == "Harbour Lights - maraquinnmusic"
    assert posts.loc["7570000000000000009", "url"] == (
        "https://www.tiktokv.com/share/video/7570000000000000009/"
    )
    assert pd.isna(posts.loc["json-20260101T183000", "url"])  # a CDN link is not a public URL
    assert pd.isna(posts.loc["7570000000000000009", "title"])  # "N/A"
    assert posts.loc["json-20260101T183000", "hashtags"] == "indiefolk newmusic"
    assert posts["kind"].eq("video").all()
    assert posts["views"].isna().all() and posts["comments"].isna().all()
    assert posts["snapshot_date"].dt.date.unique().tolist() == [date(2026, 1, 3)]


def test_personal_sections_are_never_copied(content: Path, write: Write) -> None:
    write("user_data_tiktok.json", USER_DATA.read_bytes())
    account = _load(content)
    text = "".join(
        getattr(account, table).astype(str).to_csv() for table in ("posts", "daily", "audience")
    )
    assert "secret" not in text and "private words" not in text


def test_older_layout_user_data_json(content: Path, write: Write) -> None:
    data = {
        "Profile": {"Profile Information": {"ProfileMap": {"likesReceived": "None"}}},
        "Video": {"Videos": {"VideoList": [_video("2023-05-04 10:11:12", "7")]}},
    }
    write("user_data.json", json.dumps(data).encode())
    (post,) = _load(content).posts.itertuples()
    assert (post.post_id, post.likes) == ("json-20230504T101112", 7)
    assert pd.isna(post.sponsored)  # the old layout has no ContentDisclosure: unknown, not False


def test_two_videos_in_the_same_second_keep_separate_ids(content: Path, write: Write) -> None:
    videos = [_video("2026-01-01 12:00:00"), _video("2026-01-01 12:00:00")]
    write("user_data_tiktok.json", json.dumps({"Post": {"Posts": {"VideoList": videos}}}).encode())
    ids = _load(content).posts["post_id"].tolist()
    assert ids == ["json-20260101T120000", "json-20260101T120000-2"]


def test_data_download_without_videos_warns(content: Path, write: Write) -> None:
    write("user_data_tiktok.json", b'{"Post": {"Posts": {"VideoList": null}}, "Comment": {}}')
    account = _load(content)
    assert account.posts.empty
    assert account.warnings == ["TikTok: data/tiktok/user_data_tiktok.json lists no posted videos"]


def test_video_data_download_is_linked_to_studio_content(content: Path) -> None:
    # Content.csv (yearend fixture) and the JSON both hold "New year, new song" (posted
    # 2026-01-01) and "tour photos" (2026-01-02): each is one post, not two.
    for path in (FIXTURES / "yearend").iterdir():
        shutil.copy(path, content / "data" / "tiktok" / path.name)
    shutil.copy(USER_DATA, content / "data" / "tiktok" / USER_DATA.name)
    posts = _load(content).posts.set_index("post_id")
    assert posts.index.tolist() == [
        "7500000000000000003",
        "7570000000000000009",  # only in the JSON
        "7580000000000000002",
        "7590000000000000001",
        "7590000000000000005",
    ]
    song = posts.loc["7590000000000000001"]
    # Studio's totals and link, the JSON's exact time and sound.
    assert (song["views"], song["likes"]) == (3000, 210)
    assert song["posted_at"] == pd.Timestamp("2026-01-01 18:30:00")
    assert song["sound"] == "original sound - maraquinnmusic"
    assert not song["sponsored"]
    photos = posts.loc["7590000000000000005"]
    assert (photos["kind"], photos["sponsored"], photos["views"]) == ("carousel", True, 700)


def test_json_that_is_not_a_tiktok_download_is_an_error(content: Path, write: Write) -> None:
    write("posts_1.json", b'[{"media": [{"uri": "x.jpg"}]}]')
    with pytest.raises(SourceError, match="posts_1.json: is not a TikTok data download"):
        _load(content)


def test_invalid_json_names_the_line(content: Path, write: Write) -> None:
    write("user_data_tiktok.json", b'{\n  "Post": {\n    "Posts": oops\n}')
    with pytest.raises(SourceError, match=r"user_data_tiktok.json:3: the file is not valid JSON"):
        _load(content)


def test_bad_video_date_and_likes_name_the_entry(content: Path, write: Write) -> None:
    bad_date = {"Post": {"Posts": {"VideoList": [_video("2026-01-01 10:00:00"), _video("soon")]}}}
    write("user_data_tiktok.json", json.dumps(bad_date).encode())
    with pytest.raises(SourceError, match=r"Post.Posts.VideoList\[1\].Date: expected a date"):
        _load(content)
    bad_likes = {"Post": {"Posts": {"VideoList": [_video("2026-01-01 10:00:00", "lots")]}}}
    write("user_data_tiktok.json", json.dumps(bad_likes).encode())
    with pytest.raises(SourceError, match=r"VideoList\[0\].Likes: expected a number, got 'lots'"):
        _load(content)


def test_huge_json_is_refused_before_reading(
    content: Path, write: Write, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(files, "MAX_JSON_BYTES", 1000)
    write("user_data_tiktok.json", b'{"Post": "' + b"x" * 2000 + b'"}')
    with pytest.raises(SourceError, match="user_data_tiktok.json: the file is larger than"):
        _load(content)
