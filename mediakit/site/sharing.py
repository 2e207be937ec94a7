"""Sharing and indexing: link previews, the page description, robots.txt and the sitemap.

A kit is for whoever has the link: private by default (noindex, robots.txt disallowing all, no
sitemap), public only when the profile says so and gives the site's address. Link previews use
the same headline numbers as the kit, so the unfurled card never disagrees with the page.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from urllib.parse import urlsplit
from xml.sax.saxutils import escape as xml_escape

from mediakit.analytics.report import PlatformReport, Report
from mediakit.project.paths import inside
from mediakit.project.profile import Profile
from mediakit.site import preview
from mediakit.site.format import Formatter
from mediakit.site.palette import TEXT, WHITE, readable

PITCHES = "pitches"
PREVIEWS = "previews"  # the share pictures' folder in the cache
PLATFORM_NAMES = {"tiktok": "TikTok", "instagram": "Instagram", "youtube": "YouTube"}


def typical_views(data: PlatformReport) -> float | None:
    """The kit's "typical views per post": the recent window's median when analytics has it."""
    if data.reach is not None and data.reach.median_views is not None:
        return data.reach.median_views
    return data.median_views


def headline_engagement(data: PlatformReport) -> tuple[float | None, str]:
    """The engagement rate the kit leads with, and what it divides by (as the page shows it)."""
    if data.benchmark is not None:
        return data.benchmark.value, f"engagement per {data.benchmark.denominator}"
    per_view = data.rate("per_view")
    if per_view is not None:
        return per_view.value, "engagement per view"
    return data.engagement_rate_per_view, "engagement per view"


def platform_name(key: str) -> str:
    """tiktok -> TikTok: the platform as its owner spells it."""
    return PLATFORM_NAMES.get(key, key.title())


def describe(report: Report, profile: Profile, formatter: Formatter) -> str:
    """One sentence for search results and link previews: who, how many, how engaged."""
    parts = [profile.tagline or profile.niche or "Media kit"]
    first = next(iter(report.platforms.values()), None)
    if first is not None and first.followers is not None:
        parts.append(f"{formatter.compact(first.followers)} followers on "
                     f"{platform_name(first.platform)}")
    if first is not None and typical_views(first) is not None:
        parts.append(f"{formatter.compact(typical_views(first))} typical views per post")
    return " · ".join(parts)


def preview_png(report: Report, profile: Profile, formatter: Formatter, content_dir: Path,
                kicker: str = "", cache_dir: Path | None = None) -> bytes:
    """The share picture: name, handle and the first platform's three headline numbers.

    ``cache_dir`` is the project's cache folder (drawings are kept in its ``previews/``).
    """
    first = next(iter(report.platforms.values()), None)
    stats: list[tuple[str, str]] = []
    if first is not None:
        rate, label = headline_engagement(first)
        stats = [(formatter.compact(first.followers), "followers"),
                 (formatter.compact(typical_views(first)), "typical views per post"),
                 (formatter.percent(rate), label)]
    avatar, avatar_type = None, preview.MIME[".svg"]
    if profile.avatar:
        path = inside(content_dir, profile.avatar)
        avatar_type = preview.MIME.get(path.suffix.lower(), "")
        avatar = path.read_bytes() if avatar_type and path.is_file() else None
    card = preview.Card(
        name=profile.name,
        handle=profile.handle or "",
        tagline=profile.tagline or "",
        stats=stats,
        footer=f"Media kit · data as of {formatter.day(report.as_of)}",
        kicker=kicker,
        # white text sits on these: readable as the hero is (mediakit.site.palette)
        primary=readable(profile.colors.primary, (WHITE,), TEXT) or profile.colors.primary,
        accent=readable(profile.colors.accent, (WHITE,), TEXT) or profile.colors.accent,
        avatar=avatar,
        avatar_type=avatar_type,
    )
    return preview.png(card, cache_dir / PREVIEWS if cache_dir is not None else None)


def is_public(profile: Profile) -> bool:
    """A sitemap (and search engines) only when the creator opted in and gave the address."""
    return not profile.site.noindex and bool(profile.site.base_url)


def robots_txt(profile: Profile) -> str:
    """Disallow everything by default; when public, still keep brand pitches out."""
    if profile.site.noindex:
        return "User-agent: *\nDisallow: /\n"
    lines = ["User-agent: *", "Allow: /"]
    if profile.site.base_url:
        base_path = urlsplit(profile.site.base_url).path or "/"
        lines.append(f"Disallow: {base_path}{PITCHES}/")
        if is_public(profile):
            lines.append(f"Sitemap: {profile.site.base_url}sitemap.xml")
    return "\n".join(lines) + "\n"


def sitemap(base_url: str, paths: list[str], as_of: date) -> bytes:
    """sitemap.xml listing the public pages (never pitches: they are for one brand each)."""
    rows = ['<?xml version="1.0" encoding="UTF-8"?>',
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    for path in paths:
        location = base_url if path == "index.html" else base_url + path
        rows.append(f"  <url><loc>{xml_escape(location)}</loc>"
                    f"<lastmod>{as_of.isoformat()}</lastmod></url>")
    rows.append("</urlset>")
    return ("\n".join(rows) + "\n").encode("utf-8")
