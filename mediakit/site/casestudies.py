"""Past campaigns (content/case-studies/*.md): what the creator was paid and what it delivered.

The creator writes the brand, the fee, the links to the posts and what the brand told them
(clicks, promo-code uses, sales, revenue); the posts' views and engagements are looked up in the
exports, and the costs are computed (analytics.campaigns). Numbers the exports do not have can be
typed in per post; the page labels them as the creator's own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import pandas as pd
from markdown_it import MarkdownIt
from pydantic import Field, model_validator

from mediakit.analytics.campaigns import (
    Baseline,
    CampaignNumbers,
    CampaignPost,
    campaign_numbers,
    campaign_post,
    find_post,
    organic_baseline,
    platform_of,
)
from mediakit.project.field_types import RelativePath, Url
from mediakit.project.frontmatter import (
    Count,
    Currency,
    Day,
    Deliverable,
    HeaderModel,
    Money,
    Text,
    fail,
    parse_model,
    read,
)
from mediakit.project.paths import inside
from mediakit.project.profile import Profile
from mediakit.project.words import PerLanguage

FOLDER = "case-studies"


class PostRef(HeaderModel):
    """A link to one campaign post, with numbers for what the exports lack."""

    url: Url
    posted_on: Day | None = None  # finds posts exported without their link (by day)
    title: str | None = None
    views: Count | None = None
    likes: Count | None = None
    comments: Count | None = None
    shares: Count | None = None
    saves: Count | None = None
    source: str | None = None  # where typed-in numbers come from

    @model_validator(mode="before")
    @classmethod
    def _from_link(cls, data: Any) -> Any:
        return {"url": data} if isinstance(data, str) else data

    @model_validator(mode="after")
    def _typed_numbers_need_a_source(self) -> PostRef:
        typed = any(getattr(self, m) is not None for m in ("views", "likes", "comments", "shares",
                                                           "saves"))
        if typed and not self.source:
            fail("numbers typed in by hand need a source", at=("source",),
                 hint='e.g. source: "TikTok Studio, copied on 2026-11-17"')
        if platform_of(self.url) is None:
            fail(f"is not a TikTok, Instagram or YouTube post link: '{self.url[:60]}'",
                 at=("url",), hint="copy the post's share link")
        return self


class Results(HeaderModel):
    """What the brand told the creator happened on their side."""

    link_clicks: Count | None = None
    promo_code_uses: Count | None = None
    sales: Count | None = None
    revenue: Money | None = None
    source: str | None = None  # who reported these, and when


class CaseStudyHeader(HeaderModel, PerLanguage):
    """A case study's header; its free text may be given per language (project/words.py)."""

    WORDS = (("title",), ("deliverables", "*", "item"), ("deliverables", "*", "notes"),
             ("quote",))

    brand: Text
    title: str | None = None
    date: Day
    logo: RelativePath | None = None
    deliverables: list[Deliverable] = []
    fee: Money
    currency: Currency | None = None
    posts: Annotated[list[PostRef], Field(min_length=1)]
    results: Results = Results()
    quote: str | None = None
    quote_author: str | None = None


@dataclass(frozen=True)
class CaseStudy:
    """One case study, ready for the template (no arithmetic left to do there)."""

    slug: str
    source: str  # content/case-studies/<file>.md
    header: CaseStudyHeader
    currency: str
    body_html: str
    posts: list[CampaignPost]
    numbers: CampaignNumbers
    baseline: Baseline
    sources: list[str]  # where typed-in post numbers come from
    platform: str | None  # the platform of the first post: the organic baseline's
    looked_up: bool  # False when the build had no exports to look posts up in

    @property
    def title(self) -> str:
        return self.header.title or f"{self.header.brand} campaign"

    @property
    def logo(self) -> str | None:
        return self.header.logo


def slugify(stem: str) -> str:
    return re.sub(r"[^a-z0-9-]+", "-", stem.lower()).strip("-") or "case-study"


def read_all(
    content_dir: Path, md: MarkdownIt, profile: Profile, posts: pd.DataFrame | None, as_of: date
) -> list[CaseStudy]:
    """Every content/case-studies/*.md, newest campaign first."""
    folder = content_dir / FOLDER
    if not folder.is_dir():
        return []
    studies = []
    for path in sorted(folder.glob("*.md")):
        if path.name.startswith(("_", ".")):  # drafts: _next-brand.md is not published
            continue
        shown = f"content/{FOLDER}/{path.name}"
        inside(content_dir, f"{FOLDER}/{path.name}", file=shown)
        document = read(path, shown)
        header = parse_model(CaseStudyHeader, document, profile.site.language)
        if header.logo:
            inside(content_dir, header.logo, file=shown, field="logo")
        studies.append(case_study(slugify(path.stem), shown, header, md.render(document.body),
                                  profile, posts, as_of))
    return sorted(studies, key=lambda s: (s.header.date, s.slug), reverse=True)


def case_study(
    slug: str, source: str, header: CaseStudyHeader, body_html: str, profile: Profile,
    posts: pd.DataFrame | None, as_of: date,
) -> CaseStudy:
    """Look the posts up, then compute what the campaign delivered for its fee."""
    found: list[CampaignPost] = []
    ids: set[str] = set()
    for ref in header.posts:
        row = find_post(posts, ref.url, ref.posted_on) if posts is not None else None
        if row is not None:
            ids.add(str(row["post_id"]))
        reported = {m: getattr(ref, m) for m in ("views", "likes", "comments", "shares", "saves")}
        found.append(campaign_post(row, ref.url, reported, title=ref.title or "",
                                   posted_on=ref.posted_on))
    platform = platform_of(header.posts[0].url)
    baseline = (organic_baseline(posts, as_of, platform, exclude=ids) if posts is not None
                else Baseline(None, None, 0))
    numbers = campaign_numbers(found, header.fee, baseline,
                               link_clicks=header.results.link_clicks,
                               revenue=header.results.revenue)
    currency = header.currency or (profile.rates[0].currency if profile.rates else "USD")
    sources = sorted({ref.source for ref in header.posts if ref.source})
    return CaseStudy(slug, source, header, currency, body_html, found, numbers, baseline, sources,
                     platform, looked_up=posts is not None)


def gaps(studies: list[CaseStudy]) -> list[str]:
    """What the creator could add to complete a case study: told in the terminal, never on the
    published page (a brand reads the page; the file names and to-dos are the creator's)."""
    notes = []
    for study in studies:
        n = study.numbers
        if study.looked_up and n.posts_with_views < n.posts:
            notes.append(
                f"{study.source}: the exports have views for {n.posts_with_views} of the {n.posts} "
                "posts, so the page shows no totals or costs per view; add the missing views "
                "(with their source) to complete them")
    return notes
