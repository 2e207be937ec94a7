"""Brand pitches (content/pitches/<slug>.md): the kit re-ordered for one brand, with an offer.

The header names the brand, the audience it wants, what the creator proposes to make, the price
and how long the offer stands; the Markdown body is the tailored proposal. The page leads with how
much of the creator's audience is the brand's target (analytics.audience.match), then the offer,
then the kit's sections in the order the header asks for.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

from markdown_it import MarkdownIt
from pydantic import Field, field_validator

from mediakit.analytics.report import Report
from mediakit.project import languages
from mediakit.project.field_types import LanguageTag, LocaleCode, RelativePath
from mediakit.project.frontmatter import (
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
from mediakit.site import i18n

if TYPE_CHECKING:
    from mediakit.analytics.audience import AudienceMatch

FOLDER = "pitches"
# The kit's sections a pitch can show, by the name used in its `sections:` list.
SECTIONS = ("match", "proposal", "numbers", "audience", "posts", "growth", "timing",
            "case-studies", "partners", "testimonials", "rates", "about")
DEFAULT_SECTIONS = ("match", "proposal", "numbers", "audience", "posts", "growth",
                    "case-studies", "partners", "testimonials")
_GENDERS = {"female": "female", "women": "female", "woman": "female", "f": "female",
            "male": "male", "men": "male", "man": "male", "m": "male", "other": "other"}


@functools.cache
def _countries() -> dict[str, str]:
    """Lower-case English country names and ISO codes -> ISO code ("ireland" -> "IE")."""
    from babel import Locale

    names = {name.lower(): code for code, name in Locale("en").territories.items()
             if re.fullmatch(r"[A-Z]{2}", code)}
    names.update({"uk": "GB", "usa": "US", "us": "US", "england": "GB", "scotland": "GB",
                  "wales": "GB", "northern ireland": "GB"})
    names.update({code.lower(): code for code in set(names.values())})
    return names


class Target(HeaderModel):
    """The audience the brand wants, by the dimensions the platforms export."""

    description: str | None = None
    gender: list[Text] = []
    age: list[Text] = []
    country: list[Text] = []
    city: list[Text] = []

    @field_validator("gender", "age", "country", "city", mode="before")
    @classmethod
    def _one_or_many(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value

    @field_validator("gender")
    @classmethod
    def _genders(cls, values: list[str]) -> list[str]:
        result = []
        for index, value in enumerate(values):
            key = value.lower()
            if key not in _GENDERS:
                fail(f"unknown gender '{value}'", at=(index,),
                     hint="the platforms export female, male and other")
            result.append(_GENDERS[key])
        return list(dict.fromkeys(result))

    @field_validator("age")
    @classmethod
    def _ages(cls, values: list[str]) -> list[str]:
        result = []
        for index, value in enumerate(values):
            text = re.sub(r"\s*[–—-]\s*", "-", value.strip())
            if not re.fullmatch(r"\d{1,2}(-\d{1,2}|\+)", text):
                fail(f"must be an age group like 18-24 or 45+, got '{value}'", at=(index,))
            result.append(text)
        return result

    @field_validator("country")
    @classmethod
    def _country_codes(cls, values: list[str]) -> list[str]:
        result = []
        for index, value in enumerate(values):
            code = _countries().get(value.strip().lower())
            if code is None:
                fail(f"unknown country '{value}'", at=(index,),
                     hint="write a country name (Ireland) or its 2-letter code (IE)")
            result.append(code)
        return list(dict.fromkeys(result))

    def segments(self) -> dict[str, list[str]]:
        """{dimension: wanted segments} for the dimensions the brand named."""
        wanted = {"gender": self.gender, "age": self.age, "country": self.country,
                  "city": self.city}
        return {dimension: list(values) for dimension, values in wanted.items() if values}


class PitchHeader(HeaderModel, PerLanguage):
    """A pitch's header; its free text may be given per language (project/words.py)."""

    WORDS = (("target", "description"), ("deliverables", "*", "item"),
             ("deliverables", "*", "notes"))

    brand: Text
    language: LanguageTag | None = None  # when not the kit's (docs/languages.md)
    prepared_for: str | None = None  # the person at the brand
    logo: RelativePath | None = None
    target: Target = Target()
    deliverables: Annotated[list[Deliverable], Field(min_length=1)]
    price: Money
    currency: Currency | None = None
    valid_until: Day
    sections: list[str] = list(DEFAULT_SECTIONS)
    locale: LocaleCode | None = None  # its numbers, dates and money, when not the language's

    @classmethod
    def default_language(cls, data: dict[str, Any], context: Any) -> str:
        written = data.get("language")
        if isinstance(written, str) and written.strip():
            return written
        return super().default_language(data, context)

    @field_validator("language")
    @classmethod
    def _available_language(cls, value: str) -> str:
        if not languages.is_available(value):
            fail(f"mediakit cannot write a pitch in '{value}'",
                 hint="languages available: " + ", ".join(languages.available()))
        return value

    @field_validator("sections")
    @classmethod
    def _known_sections(cls, values: list[str]) -> list[str]:
        for index, value in enumerate(values):
            if value not in SECTIONS:
                import difflib

                close = difflib.get_close_matches(value, SECTIONS, n=1)
                fail(f"unknown section '{value}'", at=(index,),
                     hint=f"did you mean '{close[0]}'?" if close
                     else "choose from " + ", ".join(SECTIONS))
        return list(dict.fromkeys(values))


@dataclass(frozen=True)
class PlatformMatch:
    platform: str
    match: AudienceMatch
    followers: int | None  # the share applied to the follower count: "about 9.1K followers"


@dataclass(frozen=True)
class Pitch:
    """One pitch, ready for the template."""

    slug: str
    source: str
    header: PitchHeader
    currency: str
    body_html: str
    matches: list[PlatformMatch]
    expired: bool  # the offer's date is before the data's as-of day
    language: str  # the page's language: the header's, else the kit's
    locale: str  # how it writes numbers and dates: the header's, else the language's

    @property
    def title(self) -> str:
        return f"Proposal for {self.header.brand}"


def slugify(stem: str) -> str:
    return re.sub(r"[^a-z0-9-]+", "-", stem.lower()).strip("-") or "pitch"


def read_all(content_dir: Path, md: MarkdownIt, profile: Profile, report: Report) -> list[Pitch]:
    """Every content/pitches/*.md, by file name."""
    folder = content_dir / FOLDER
    if not folder.is_dir():
        return []
    pitches = []
    for path in sorted(folder.glob("*.md")):
        if path.name.startswith(("_", ".")):  # drafts: _next-brand.md is not published
            continue
        shown = f"content/{FOLDER}/{path.name}"
        inside(content_dir, f"{FOLDER}/{path.name}", file=shown)
        header = parse_model(PitchHeader, document := read(path, shown), profile.site.language)
        if header.logo:
            inside(content_dir, header.logo, file=shown, field="logo")
        currency = header.currency or (profile.rates[0].currency if profile.rates else "USD")
        language = header.language or profile.site.language
        pitches.append(Pitch(
            slug=slugify(path.stem),
            source=shown,
            header=header,
            currency=currency,
            body_html=md.render(document.body),
            matches=audience_matches(report, header.target),
            expired=header.valid_until < report.as_of,
            language=language,
            locale=header.locale or i18n.locale_for(language, profile.locale),
        ))
    return pitches


def audience_matches(report: Report, target: Target) -> list[PlatformMatch]:
    """For each platform with audience data, how much of it is the brand's target."""
    wanted = target.segments()
    if not wanted:
        return []
    from mediakit.analytics.audience import match

    found = []
    for name, data in report.platforms.items():
        if not data.audience:
            continue
        result = match(data.audience, wanted)
        followers = None
        if result.share is not None and data.followers is not None:
            followers = round(result.share * data.followers)
        found.append(PlatformMatch(name, result, followers))
    return found
