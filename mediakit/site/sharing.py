"""Sharing and indexing: link previews, the page description, robots.txt and the sitemap.

A kit is for whoever has the link: private by default (noindex, robots.txt disallowing all, no
sitemap), public only when the profile says so and gives the site's address. Link previews use
the same headline numbers as the kit, so the unfurled card never disagrees with the page.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit
from xml.sax.saxutils import escape as xml_escape

from mediakit.analytics.figures import Headline
from mediakit.analytics.report import Report
from mediakit.project.profile import Profile
from mediakit.site import preview
from mediakit.site.format import MISSING, Formatter
from mediakit.site.i18n import N_
from mediakit.site.palette import TEXT, WHITE, readable

if TYPE_CHECKING:
    from mediakit.site.chart_pool import ChartPool

PITCHES = "pitches"
PREVIEWS = "previews"  # the share pictures' folder in the cache
PLATFORM_NAMES = {"tiktok": "TikTok", "instagram": "Instagram", "youtube": "YouTube"}
ENGAGEMENT_LABELS = {"view": N_("engagement per view"), "follower": N_("engagement per follower"),
                     "reach": N_("engagement per reach")}


@dataclass(frozen=True)
class HeadlineText:
    """A platform's headline (analytics/headline.py), formatted once for every short surface.

    The share preview, the page description and the report's summary line print these strings,
    so a number can never be rounded one way on the card and another on the page.
    """

    platform: str  # "TikTok"
    followers: str  # "52.1K"
    median_views: str  # "39.9K"
    views_30d: str  # "1.2M"
    engagement: str  # "9.2%"
    engagement_label: str  # "engagement per view"


def headline_text(headline: Headline, formatter: Formatter) -> HeadlineText:
    """The headline's numbers in the kit's own formats (compact counts, one-decimal percent)."""
    return HeadlineText(
        platform=platform_name(headline.platform),
        followers=formatter.compact(headline.followers),
        median_views=formatter.compact(headline.median_views),
        views_30d=formatter.compact(headline.views_30d),
        engagement=formatter.percent(headline.engagement.value),
        engagement_label=formatter.gettext(ENGAGEMENT_LABELS.get(
            headline.engagement.denominator, "engagement per %(denominator)s"),
            denominator=headline.engagement.denominator),
    )


def lead_headline(report: Report, formatter: Formatter) -> HeadlineText | None:
    """The first platform of the profile's headline: what a one-line summary leads with."""
    first = next(iter(report.platforms.values()), None)
    if first is None or first.headline is None:
        return None
    return headline_text(first.headline, formatter)


def platform_name(key: str) -> str:
    """tiktok -> TikTok: the platform as its owner spells it."""
    return PLATFORM_NAMES.get(key, key.title())


def describe(report: Report, profile: Profile, formatter: Formatter) -> str:
    """One sentence for search results and link previews: who, how many, how engaged."""
    parts = [profile.tagline or profile.niche or formatter.gettext("Media kit")]
    lead = lead_headline(report, formatter)
    if lead is not None and lead.followers != MISSING:
        parts.append(formatter.gettext("%(followers)s followers on %(platform)s",
                                       followers=lead.followers, platform=lead.platform))
    if lead is not None and lead.median_views != MISSING:
        parts.append(formatter.gettext("%(views)s typical views per post",
                                       views=lead.median_views))
    return " · ".join(parts)


def preview_png(report: Report, profile: Profile, formatter: Formatter, kicker: str = "",
                cache_dir: Path | None = None, avatar: tuple[bytes, str] | None = None,
                pool: ChartPool | None = None) -> bytes | preview.Pending:
    """The share picture: name, handle and the first platform's three headline numbers.

    ``cache_dir`` is the project's cache folder (drawings are kept in its ``previews/``);
    ``avatar`` is the avatar as published (bytes, MIME type): small, checked, without metadata;
    with ``pool`` a new picture is drawn by the build's drawing processes (preview.settled).
    """
    card = preview_card(report, profile, formatter, kicker)
    if avatar is not None:
        card = dataclasses.replace(card, avatar=avatar[0], avatar_type=avatar[1])
    return preview.png(card, cache_dir / PREVIEWS if cache_dir is not None else None, pool)


def preview_card(report: Report, profile: Profile, formatter: Formatter,
                 kicker: str = "") -> preview.Card:
    """What the share picture says (without the avatar): its text can be read back in tests."""
    lead = lead_headline(report, formatter)
    stats: list[tuple[str, str]] = []
    if lead is not None:
        stats = [(lead.followers, formatter.gettext("followers")),
                 (lead.median_views, formatter.gettext("typical views per post")),
                 (lead.engagement, lead.engagement_label)]
    return preview.Card(
        name=profile.name,
        handle=profile.handle or "",
        tagline=profile.tagline or "",
        stats=stats,
        footer=formatter.gettext("Media kit · data as of %(day)s",
                                 day=formatter.day(report.as_of)),
        kicker=kicker,
        # white text sits on these: readable as the hero is (mediakit.site.palette)
        primary=readable(profile.colors.primary, (WHITE,), TEXT) or profile.colors.primary,
        accent=readable(profile.colors.accent, (WHITE,), TEXT) or profile.colors.accent,
    )


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
