"""Fetching the cover pictures of the posts a kit shows, into content/assets/posts/.

``mediakit thumbnails`` asks the platforms' public endpoints (TikTok's oEmbed ``thumbnail_url``,
YouTube's video thumbnails) once, and saves the pictures beside the creator's own, so builds read
files and never hotlink. Instagram needs a login to give a cover, so the creator adds those files.
Each post is on its own: one that cannot be fetched is one line saying why, the others are still
saved. A picture is checked (size, and that it decodes) before it is written, and written whole
(a temporary file renamed into place), so a picture is there entirely or not at all; a file the
creator put there is only replaced when they ask (``force``).
"""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from mediakit.errors import MediakitError
from mediakit.project.limits import MAX_IMAGE_BYTES, size_text
from mediakit.site import images

TIKTOK_OEMBED = "https://www.tiktok.com/oembed"
YOUTUBE_IMAGES = "https://i.ytimg.com/vi"
#: YouTube's largest thumbnail first; not every video has one, the next always exists.
YOUTUBE_NAMES = ("maxresdefault.jpg", "hqdefault.jpg")
TIMEOUT_SECONDS = 15.0
EXTENSION = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp", "GIF": ".gif", "HEIF": ".heic",
             "AVIF": ".avif"}
USER_AGENT = "mediakit-thumbnails (+https://github.com/; fetches a creator's own post covers)"


@dataclass(frozen=True)
class Wanted:
    """A post the kit shows: its platform, id (the picture's file name) and link."""

    platform: str
    post_id: str
    url: str | None


@dataclass
class Outcome:
    """What a run did, one line per post that was not saved."""

    saved: list[str] = field(default_factory=list)  # file names written
    kept: list[str] = field(default_factory=list)  # posts that already had a picture
    notes: list[str] = field(default_factory=list)  # posts the creator must add by hand
    failed: list[str] = field(default_factory=list)  # one line each: the post and why


class Failed(Exception):
    """Why one post's picture could not be fetched, in the creator's words."""


def fetch_all(wanted: list[Wanted], folder: Path, *, force: bool = False,
              tiktok_oembed: str = TIKTOK_OEMBED, youtube_images: str = YOUTUBE_IMAGES,
              timeout: float = TIMEOUT_SECONDS) -> Outcome:
    """Fetch each post's cover into ``folder``; the base URLs are parameters for tests only."""
    outcome = Outcome()
    headers = {"User-Agent": USER_AGENT}
    with httpx.Client(timeout=timeout, follow_redirects=True, headers=headers) as client:
        for post in wanted:
            label = f"{post.platform} post {post.post_id}"
            existing = _existing(folder, post.post_id)
            if existing is not None and not force:
                outcome.kept.append(existing.name)
                continue
            if post.platform == "instagram":
                outcome.notes.append(
                    f"{label}: Instagram shares covers only with a login; save the picture as "
                    f"content/assets/posts/{post.post_id}.jpg")
                continue
            try:
                if post.platform == "tiktok":
                    data = _tiktok(client, post, tiktok_oembed)
                elif post.platform == "youtube":
                    data = _youtube(client, post, youtube_images)
                else:
                    raise Failed(f"no public cover picture for {post.platform}")
                fmt = _checked(data)
                target = existing or folder / f"{post.post_id}{EXTENSION[fmt]}"
                _write(target, data)
            except Failed as why:
                outcome.failed.append(f"{label}: {why}")
                continue
            except httpx.TimeoutException:
                outcome.failed.append(f"{label}: no answer within {timeout:g} seconds")
                continue
            except httpx.HTTPError as exc:
                outcome.failed.append(f"{label}: the request failed ({type(exc).__name__})")
                continue
            outcome.saved.append(target.name)
    return outcome


def _existing(folder: Path, post_id: str) -> Path | None:
    """The post's picture already in the folder (any picture ending, any case), if any."""
    if not folder.is_dir():
        return None
    for path in sorted(folder.iterdir()):
        if path.stem == post_id and path.suffix.lower() in images.EXTENSIONS and path.is_file():
            return path
    return None


def _tiktok(client: httpx.Client, post: Wanted, oembed: str) -> bytes:
    if not post.url:
        raise Failed("the exports have no link for it, and TikTok finds covers by link")
    response = client.get(oembed, params={"url": post.url})
    if response.status_code != 200:
        raise Failed(f"TikTok's oEmbed answered {response.status_code} (a private or deleted "
                     "video?)")
    try:
        thumbnail = response.json().get("thumbnail_url")
    except (ValueError, AttributeError):
        thumbnail = None
    if not isinstance(thumbnail, str) or not thumbnail.startswith(("https://", "http://")):
        raise Failed("TikTok's oEmbed gave no cover picture for it")
    return _download(client, thumbnail)


def _youtube(client: httpx.Client, post: Wanted, base: str) -> bytes:
    last = 0
    for name in YOUTUBE_NAMES:
        try:
            return _download(client, f"{base.rstrip('/')}/{post.post_id}/{name}")
        except _NotFound as missing:
            last = missing.status
    raise Failed(f"YouTube has no thumbnail for it (HTTP {last}: a private or deleted video?)")


class _NotFound(Failed):
    def __init__(self, status: int) -> None:
        super().__init__(f"the picture's address answered {status}")
        self.status = status


def _download(client: httpx.Client, url: str) -> bytes:
    """The picture's bytes, refusing more than MAX_IMAGE_BYTES (read no further than that)."""
    with client.stream("GET", url) as response:
        if response.status_code != 200:
            raise _NotFound(response.status_code)
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > MAX_IMAGE_BYTES:
            raise Failed(f"the picture is {size_text(int(declared))}, more than the "
                         f"{size_text(MAX_IMAGE_BYTES)} limit")
        chunks, total = [], 0
        for chunk in response.iter_bytes():
            total += len(chunk)
            if total > MAX_IMAGE_BYTES:
                raise Failed(f"the picture is more than the {size_text(MAX_IMAGE_BYTES)} limit")
            chunks.append(chunk)
    return b"".join(chunks)


def _checked(data: bytes) -> str:
    """The picture's format (from its content), when it is one a build can publish."""
    from PIL import Image

    try:
        images.decode(data, name="download", file="download")
    except MediakitError:
        raise Failed("the platform sent something that is not a usable picture") from None
    with Image.open(io.BytesIO(data), formats=images.FORMATS) as image:
        return image.format or "JPEG"


def _write(path: Path, data: bytes) -> None:
    """``data`` at ``path`` whole or not at all: a temporary file beside it, renamed."""
    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        raise Failed(f"cannot write {path.name} ({exc.strerror or exc})") from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
