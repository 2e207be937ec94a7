"""The pictures a kit shows: post covers, the avatar, the hero's cover photo and the gallery.

Templates ask for a picture (``picture_for(post)``, ``avatar``, ``cover``, ``gallery``) and get a
``Picture``: the URLs of its sizes and formats, its size and its alt text, ready for
``<picture>``/``srcset``. Asking is what publishes it: the variants land in ``files`` (the site's
``{path: bytes}``), so only the pictures a page shows are processed, and a broken one fails the
build that shows it. A post's picture is ``content/assets/posts/<id>.<ext>``: the id in the post's
link (TikTok and YouTube video id, Instagram shortcode) or the id in the export; its alt text is
the post's caption unless ``content/assets/posts/alt.yaml`` says otherwise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

from mediakit.errors import ConfigError
from mediakit.project.limits import checked_svg
from mediakit.project.paths import inside
from mediakit.project.profile import Profile
from mediakit.site import images

POSTS_FOLDER = "assets/posts"  # in content/ and in the site
ALT_FILE = "alt.yaml"
ALT_MAX = 150  # characters of a caption read out as alt text
CACHE = "pictures"  # the processed pictures' folder in the project's cache
_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")
_LINK_IDS = (
    re.compile(r"tiktok\.com/.*/(?:video|photo)/(\d+)"),
    re.compile(r"(?:youtube\.com/(?:shorts/|live/|embed/)|youtu\.be/)([\w-]{11})"),
    re.compile(r"youtube\.com/watch\?(?:.*&)?v=([\w-]{11})"),
    re.compile(r"instagram\.com/(?:[\w.]+/)?(?:p|reel|reels|tv)/([\w-]+)"),
)


@dataclass(frozen=True)
class Picture:
    """One picture as a page shows it; every path is relative to the site's root."""

    src: str  # the 1x fallback (JPEG, or the SVG itself)
    srcset: str  # the fallback at 1x and 2x
    sources: list[tuple[str, str]]  # (MIME type, srcset) for <picture>'s <source> elements
    width: int
    height: int
    alt: str

    def srcset_at(self, root: str) -> str:
        """``srcset`` for a page ``root`` away from the site's root ("" or "../")."""
        return _rooted(self.srcset, root)

    def sources_at(self, root: str) -> list[tuple[str, str]]:
        return [(kind, _rooted(srcset, root)) for kind, srcset in self.sources]


def _rooted(srcset: str, root: str) -> str:
    return ", ".join(root + item.strip() for item in srcset.split(","))


def link_id(url: str | None) -> str | None:
    """The post's id in its link: TikTok or YouTube video id, Instagram shortcode."""
    for pattern in _LINK_IDS:
        found = pattern.search(url or "")
        if found:
            return found.group(1)
    return None


def post_ids(post: Any) -> list[str]:
    """The names a post's picture may have: the id in its link, then the export's id."""
    ids = [link_id(getattr(post, "url", None)), getattr(post, "post_id", None)]
    return [str(i) for i in dict.fromkeys(ids) if i and _ID.fullmatch(str(i))]


@dataclass
class Pictures:
    """The pictures of one build: found in content/, processed once, published when shown."""

    content_dir: Path
    profile_file: Path
    cache_dir: Path | None = None
    files: dict[str, bytes] = field(default_factory=dict)
    _memo: dict[tuple, Picture | None] = field(default_factory=dict)
    _posts: dict[str, Path] | None = None
    _alts: dict[str, str] | None = None

    def for_post(self, post: Any) -> Picture | None:
        """The jinja global ``picture_for(post)``: None when the post has no picture."""
        found = self.post_files()
        for key in post_ids(post):
            if key in found:
                alt = self.alts().get(key) or caption_alt(getattr(post, "title", ""))
                shown = f"content/{POSTS_FOLDER}/{found[key].name}"
                # a link to a file elsewhere (a private photo, /dev/zero) is never read
                path = inside(self.content_dir, f"{POSTS_FOLDER}/{found[key].name}", file=shown)
                return self._raster(path, f"{POSTS_FOLDER}/{key}", images.POST, alt=alt,
                                    named_in=shown, field=None,
                                    shown_as=f"{POSTS_FOLDER}/{found[key].name}")
        return None

    def of_file(self, relative: str, recipe: images.Recipe, *, alt: str, field: str,
                named_in: str | Path | None = None) -> Picture:
        """A picture named in the profile (``field``) by its path in content/."""
        named_in = named_in or self.profile_file
        path = inside(self.content_dir, relative, file=named_in, field=field)
        if not path.is_file():
            raise ConfigError(f"file {relative!r} not found in content/", file=named_in,
                              field=field, hint="check the spelling, or remove the line")
        site_path = _site_path(relative)
        if path.suffix.lower() == ".svg":  # drawn, not photographed: published as it is
            data = checked_svg(path.read_bytes(), name=relative, file=named_in, field=field)
            self.files[site_path] = data
            width, height = recipe.size(1)
            return Picture(quote(site_path), quote(site_path), [], width, height, alt)
        stem = site_path.rsplit(".", 1)[0]
        return self._raster(path, stem, recipe, alt=alt, named_in=named_in,
                            field=field, shown_as=relative)

    def _raster(self, path: Path, stem: str, recipe: images.Recipe, *, alt: str,
                named_in: str | Path, field: str | None, shown_as: str | None = None) -> Picture:
        memo_key = (path, stem, recipe, alt)
        if memo_key in self._memo:
            return self._memo[memo_key]  # type: ignore[return-value]
        name = shown_as or path.relative_to(self.content_dir).as_posix()
        data = images.read_checked(path, name=name, file=named_in, field=field)
        cache = self.cache_dir / CACHE if self.cache_dir is not None else None
        made = images.variants(data, recipe, name=name, file=named_in, field=field,
                               cache_dir=cache)
        urls: dict[tuple[int, str], str] = {}
        for (scale, fmt), body in made.items():
            site_path = f"{stem}-{recipe.size(scale)[0]}.{fmt}"
            self.files[site_path] = body
            urls[(scale, fmt)] = quote(site_path)
        def srcset(fmt: str) -> str:
            return ", ".join(f"{urls[(scale, fmt)]} {scale}x" for scale in images.SCALES)
        width, height = recipe.size(1)
        picture = Picture(urls[(1, "jpg")], srcset("jpg"), [("image/webp", srcset("webp"))],
                          width, height, alt)
        self._memo[memo_key] = picture
        return picture

    def post_files(self) -> dict[str, Path]:
        """{post id: file} in content/assets/posts/; two files for one post is an error."""
        if self._posts is None:
            self._posts = {}
            folder = self.content_dir / POSTS_FOLDER
            for path in sorted(folder.iterdir()) if folder.is_dir() else []:
                if path.suffix.lower() not in images.EXTENSIONS or path.name.startswith("."):
                    continue
                if path.stem in self._posts:
                    raise ConfigError(
                        f"two pictures for post {path.stem}: {self._posts[path.stem].name} and "
                        f"{path.name}", file=f"content/{POSTS_FOLDER}/",
                        hint="keep one of them")
                self._posts[path.stem] = path
        return self._posts

    def alts(self) -> dict[str, str]:
        """content/assets/posts/alt.yaml: ``<post id>: the picture's description``."""
        if self._alts is None:
            self._alts = read_alts(self.content_dir / POSTS_FOLDER / ALT_FILE)
        return self._alts


def profile_pictures(profile: Profile, pictures: Pictures) -> dict[str, Any]:
    """The creator's photos for the templates: ``avatar``, ``cover`` and ``gallery``."""
    avatar = cover = None
    if profile.avatar:
        avatar = pictures.of_file(profile.avatar, images.AVATAR, alt=profile.name,
                                  field="avatar")
    if profile.cover:
        cover = pictures.of_file(profile.cover.file, images.COVER, alt=profile.cover.alt,
                                 field="cover.file")
    gallery = [pictures.of_file(photo.file, images.GALLERY, alt=photo.alt,
                                field=f"gallery[{index}].file")
               for index, photo in enumerate(profile.gallery)]
    return {"avatar": avatar, "cover": cover, "gallery": gallery}


def avatar_for_preview(avatar: Picture | None,
                       files: dict[str, bytes]) -> tuple[bytes, str] | None:
    """The avatar as the share picture embeds it: its 2x JPEG (or the SVG), never the original."""
    if avatar is None:
        return None
    path = unquote(avatar.srcset.split(",")[-1].strip().rsplit(" ", 1)[0])
    if path.endswith(".svg"):
        path = unquote(avatar.src)
    kind = "image/svg+xml" if path.endswith(".svg") else "image/jpeg"
    return files[path], kind


def read_alts(path: Path) -> dict[str, str]:
    """The creator's alt texts for post pictures, by post id; none when there is no file."""
    if not path.is_file():
        return {}
    from mediakit.project.yaml_lines import read_with_lines

    shown = f"content/{POSTS_FOLDER}/{ALT_FILE}"
    data, lines = read_with_lines(path)
    if not isinstance(data, dict):
        raise ConfigError("must be a list of 'post id: description' lines", file=shown,
                          hint='write e.g. 7301234567890123456: "Mara on stage at Whelan\'s"')
    alts = {}
    for key, value in data.items():
        if not isinstance(value, str) or not value.strip():
            raise ConfigError("must be a description in words", file=shown,
                              line=lines.get((key,)), field=str(key),
                              hint="describe what the picture shows, in one sentence")
        alts[str(key)] = " ".join(value.split())
    return alts


def caption_alt(caption: str | None) -> str:
    """A post's alt text from its caption: the words without hashtags, one short line."""
    words = [word for word in (caption or "").split() if not word.startswith("#")]
    text = " ".join(words)
    if len(text) > ALT_MAX:
        text = text[:ALT_MAX].rsplit(" ", 1)[0] + "…"
    return text or "Post picture"


def _site_path(relative: str) -> str:
    """Where a content file lands in the site: content/assets/x.svg -> assets/x.svg."""
    relative = relative.replace("\\", "/").lstrip("./")
    return relative if relative.startswith("assets/") else f"assets/{relative}"


def kit_posts(report: Any, studies: list[Any]) -> list[tuple[str, str, str | None]]:
    """(platform, picture name, link) of every post the kit and its pages show a card for.

    The best posts as kit/posts.html lists them (six with one platform, three each with more),
    then the case studies' posts: what ``mediakit thumbnails`` fetches.
    """
    from mediakit.analytics.campaigns import platform_of

    shown: dict[str, tuple[str, str, str | None]] = {}
    limit = 6 if len(report.platforms) == 1 else 3
    for name, platform in report.platforms.items():
        for post in (platform.top_posts or [])[:limit]:
            ids = post_ids(post)
            if ids:
                shown.setdefault(ids[0], (name, ids[0], post.url))
    for study in studies:
        for post in study.posts:
            ids, platform = post_ids(post), platform_of(post.url)
            if ids and platform:
                shown.setdefault(ids[0], (platform, ids[0], post.url))
    return list(shown.values())
