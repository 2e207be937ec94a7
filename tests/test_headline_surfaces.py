"""One set of headline numbers on every surface a brand or an agency sees.

The demo and two generated creators are built as an agency's roster; for each creator and
platform, the kit's headline cards, the report's summary line, the pitch pages, the share
preview's text, the page description, the PDF, the roster's index row, roster.json and
stats.json must all show the same followers, typical views per post, engagement (with its
denominator) and 30-day views. The demo's numbers are also pinned by hand, so "all equal" can
never mean "all equally wrong".
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from mediakit.build import analyze_project, render_project
from mediakit.roster.build import build_roster
from mediakit.site import pdf
from mediakit.site.format import Formatter
from mediakit.site.i18n import locale_for
from mediakit.site.sharing import PLATFORM_NAMES, preview_card
from mediakit.site.wording import per_denominator_label
from tests.site.demo import TODAY, copy_demo
from tests.test_roster import make_creator


@dataclass(frozen=True)
class Shown:
    """A platform's headline as a page prints it."""

    followers: str
    median_views: str
    engagement: str
    denominator: str
    views_30d: str


# Worked out from the demo's exports (and what the kit showed before the headline existed):
# TikTok's last 30 posts have a median of 39,929 views and a median engagement per view of
# 9.2%; Instagram's last 90 days (32 posts) a median of 5,231 and, per follower, 2.1% of
# 18,319; YouTube's export has no subscriber count, so followers are unknown ("—").
DEMO = {
    "tiktok": Shown("48K", "39.9K", "9.2%", "view", "672K"),
    "instagram": Shown("18.3K", "5,231", "2.1%", "follower", "107.4K"),
    "youtube": Shown("—", "2,828", "4.6%", "view", "45.6K"),
}


@pytest.fixture(scope="module")
def agency(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("headline-agency")
    copy_demo(root / "creators" / "mara-quinn")
    make_creator(root / "creators" / "ada-lane", "Ada Lane", "adalane", 21)
    make_creator(root / "creators" / "bo-stone", "Bo Stone", "bostone", 22, days=90)
    (root / "ROSTER.yaml").write_text("name: Headline Talent\ncreators:\n  - creators/*\n",
                                      encoding="utf-8")
    build_roster(root / "ROSTER.yaml", out_dir=root / "site", today=TODAY)
    return root


def expected(stats: dict, platform: str, locale: str, language: str | None = None) -> Shown:
    """stats.json's headline for ``platform``, formatted as the kit formats it (a page in
    another language than the kit's, like the demo's French pitch, in that language's way)."""
    head = stats["platforms"][platform]["headline"]
    fmt = Formatter(locale_for(language, locale), language) if language else Formatter(locale)
    return Shown(fmt.compact(head["followers"]), fmt.compact(head["median_views"]),
                 fmt.percent(head["engagement"]["value"]), head["engagement"]["denominator"],
                 fmt.compact(head["views_30d"]))


def kit_cards(page: str) -> dict[str, Shown]:
    """The headline cards of the numbers section, per platform (kit and pitch pages), the
    engagement card's label read back to its denominator in the page's own language."""
    language = re.search(r'<html lang="([^"]+)"', page).group(1)
    fmt = Formatter(locale_for(language, "en_IE"), language)
    labels = {per_denominator_label(fmt, key): key for key in ("view", "follower", "reach")}
    section = page.split('<section class="numbers"', 1)[1].split("</section>", 1)[0]
    cards: dict[str, Shown] = {}
    for chunk in section.split('<h3 class="platform-name">')[1:]:
        name = chunk.split(" <span", 1)[0]
        big = [html.unescape(value.split("<", 1)[0]).strip()
               for value in re.findall(r'<dd class="big">(.*?)</dd>', chunk)]
        label = re.search(r"<dt>([^<]+)</dt>", chunk.split('<dd class="big">', 3)[2]
                          .rsplit("</dd>", 1)[-1])
        denominator = labels[html.unescape(label.group(1))]
        cards[name] = Shown(big[0], big[1], big[2], denominator, big[3])
    return cards


def report_lines(page: str) -> dict[str, Shown]:
    found = re.findall(
        r'<h2 class="platform-name">(\w+) <span[^\n]*\n\s*<p class="lead">On the kit: '
        r"<strong>(.*?)</strong> followers · <strong>(.*?)</strong> typical views per post · "
        r"<strong>(.*?)</strong> engagement per (\w+) · <strong>(.*?)</strong> video views",
        page)
    return {name: Shown(*(html.unescape(v) for v in values)) for name, *values in found}


def roster_row(index: str, slug: str) -> tuple[str, Shown]:
    """(platform named, headline) from the roster index row that links to ``slug``."""
    row = index.split(f'<a href="{slug}/index.html">', 1)[1].split("</tr>", 1)[0]
    cells = [re.sub(r"<[^>]+>", "", cell).strip()
             for cell in re.findall(r"<td[^>]*>(.*?)</td>", row)]
    _platforms, platform, followers, median, engagement = cells[:5]
    value, denominator = re.fullmatch(r"(\S+) per (\w+)", engagement).groups()
    return platform, Shown(followers, median, value, denominator, "")


def test_the_demo_headline_is_the_one_worked_out_by_hand(agency: Path):
    stats = json.loads((agency / "site/mara-quinn/stats.json").read_text("utf-8"))
    assert stats["lead_platform"] == "tiktok"  # the profile's first platform, not "instagram"
    for platform, shown in DEMO.items():
        assert expected(stats, platform, "en_IE") == shown, platform
    tiktok = stats["platforms"]["tiktok"]
    assert tiktok["headline"]["median_views"] == tiktok["reach"]["median_views"] == 39_929.0
    assert tiktok["median_views"] == 50_534.0  # every post's median: an older field, unchanged
    assert tiktok["headline"]["median_window"]["rule"] == "last 30 posts"
    assert tiktok["headline"]["views_window"] == {"days": 30, "first": "2026-10-18",
                                                  "last": "2026-11-16"}
    assert stats["platforms"]["instagram"]["headline"]["engagement"]["key"] == "per_follower"


@pytest.mark.parametrize("slug", ["mara-quinn", "ada-lane", "bo-stone"])
def test_every_page_of_the_kit_shows_the_stats_json_headline(agency: Path, slug: str):
    kit = agency / "site" / slug
    stats = json.loads((kit / "stats.json").read_text("utf-8"))
    locale = "en_IE" if slug == "mara-quinn" else "en_US"
    want = {PLATFORM_NAMES[name]: expected(stats, name, locale) for name in stats["platforms"]}
    assert kit_cards((kit / "index.html").read_text("utf-8")) == want
    assert report_lines((kit / "report.html").read_text("utf-8")) == want
    pitches = sorted((kit / "pitches").glob("*.html")) if (kit / "pitches").is_dir() else []
    assert len(pitches) == (3 if slug == "mara-quinn" else 0)  # the demo's three pitches
    for page in pitches:
        text = page.read_text("utf-8")
        language = re.search(r'<html lang="([^"]+)"', text).group(1)
        own = want if language == "en" else {
            PLATFORM_NAMES[name]: expected(stats, name, locale, language)
            for name in stats["platforms"]}
        assert kit_cards(text) == own, page.name
    assert any('<html lang="fr"' in page.read_text("utf-8") for page in pitches) == (
        slug == "mara-quinn")  # the French pitch is checked in French


@pytest.mark.parametrize("slug", ["mara-quinn", "ada-lane", "bo-stone"])
def test_the_preview_and_description_lead_with_the_first_platforms_headline(
        agency: Path, slug: str):
    analysis = analyze_project(agency / "creators" / slug, today=TODAY)
    fmt = Formatter(analysis.profile.locale)
    stats = json.loads((agency / "site" / slug / "stats.json").read_text("utf-8"))
    lead = expected(stats, stats["lead_platform"], analysis.profile.locale)
    card = preview_card(analysis.report, analysis.profile, fmt)
    assert card.stats == [(lead.followers, "followers"),
                          (lead.median_views, "typical views per post"),
                          (lead.engagement, f"engagement per {lead.denominator}")]
    page = (agency / "site" / slug / "index.html").read_text("utf-8")
    description = html.unescape(re.search(r'<meta name="description" content="([^"]*)"',
                                          page).group(1))
    name = PLATFORM_NAMES[stats["lead_platform"]]
    assert description.endswith(f"{lead.followers} followers on {name} · "
                                f"{lead.median_views} typical views per post")


def test_the_roster_index_and_roster_json_show_each_creators_own_headline(agency: Path):
    index = (agency / "site/index.html").read_text("utf-8")
    roster = json.loads((agency / "site/roster.json").read_text("utf-8"))
    rows = {row["slug"]: row for row in roster["creators"]}
    assert sorted(rows) == ["ada-lane", "bo-stone", "mara-quinn"]
    for slug, row in rows.items():
        stats = json.loads((agency / "site" / slug / "stats.json").read_text("utf-8"))
        lead = stats["lead_platform"]
        assert row["lead_platform"] == lead
        assert row["headline"] == stats["platforms"][lead]["headline"]
        platform, shown = roster_row(index, slug)
        assert platform == PLATFORM_NAMES[lead]
        want = expected(stats, lead, "en_US")
        assert shown == Shown(want.followers, want.median_views, want.engagement,
                              want.denominator, "")
    assert roster_row(index, "mara-quinn") == ("TikTok", Shown("48K", "39.9K", "9.2%", "view", ""))


@pytest.mark.skipif(not pdf.available() or shutil.which("pdftotext") is None,
                    reason="needs WeasyPrint and pdftotext")
def test_the_pdf_shows_the_same_headline(agency: Path, tmp_path: Path):
    rendered = render_project(agency / "creators" / "mara-quinn", today=TODAY, pdf=True)
    (tmp_path / "kit.pdf").write_bytes(rendered.files[pdf.PDF_NAME])
    text = " ".join(subprocess.run(["pdftotext", "-layout", str(tmp_path / "kit.pdf"), "-"],
                                   capture_output=True, check=True, text=True).stdout.split())
    section = text.split("Headline numbers", 1)[1]
    for name, key in (("TikTok", "tiktok"), ("Instagram", "instagram"), ("YouTube", "youtube")):
        shown = DEMO[key]
        card = section.split(f"{name} Followers", 1)[1]  # the one-sheet's row for the platform
        # pdftotext lays the four cards out in columns: labels first, then the numbers
        order = [shown.followers, shown.median_views, shown.engagement, shown.views_30d]
        at = [card.find(value) for value in order]
        assert -1 not in at and at == sorted(at), (name, order, card[:400])
        label = card[card.find("Engagement per"):at[2]]  # "Engagement per … view …"
        assert f" {shown.denominator} " in label, (name, label)
