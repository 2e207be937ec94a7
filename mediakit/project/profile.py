"""The creator's profile (content/profile.yaml): its schema, and ``load_profile``.

The schema says which keys a profile has and checks how they fit together (platforms, rates,
audience shares); the value types come from field_types.py and the reading, with each key's line
and one located ConfigError for any problem, from yaml_lines.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote

from pydantic import Field, field_validator, model_validator

from mediakit.project import languages
from mediakit.project.field_types import (
    BaseUrl,
    FontName,
    Hostname,
    LanguageTag,
    LocaleCode,
    RelativePath,
    Text,
    Timezone,
    fail,
)
from mediakit.project.profile_sections import (
    PLATFORMS,
    Colors,
    Contact,
    Link,
    Partner,
    Photo,
    PlatformConfig,
    Rate,
    SelfReported,
    StrictModel,
    Testimonial,
    did_you_mean,
)
from mediakit.project.validation_errors import short
from mediakit.project.words import PerLanguage
from mediakit.project.yaml_lines import load_yaml_model

__all__ = [
    "DEFAULT_LOCALE", "PLATFORMS", "Colors", "Contact", "Link", "Partner", "PlatformConfig",
    "Profile", "Rate", "SelfReported", "SiteOptions", "Testimonial", "load_profile",
]

DEFAULT_LOCALE = "en_US"
DIMENSIONS = ("age", "gender", "country", "city")
_AT_HANDLES = ("tiktok", "instagram")  # platforms whose handles always start with '@'


# --- the schema -----------------------------------------------------------------------------------

#: The kit's sections, in the default order; ``site.sections`` chooses and orders them.
#: Press photos in the gallery: a handful, so the kit stays light on a phone.
MAX_GALLERY = 6
KIT_SECTIONS = ("numbers", "audience", "posts", "growth", "timing", "rates", "partners",
                "case-studies", "testimonials", "about", "contact")
#: When the engagement benchmark (tier badge and band) is published.
BENCHMARK_RULES = ("always", "favourable", "never")
#: The PDF's paper sizes (``site.paper``): A4 almost everywhere, US Letter in North America.
PAPER_SIZES = ("a4", "letter")


class SiteOptions(StrictModel):
    title: Text = "Media kit"  # Profile fills in "<name> — Media kit"
    base_url: BaseUrl | None = None
    custom_domain: Hostname | None = None
    noindex: bool = True
    interactive_charts: bool = False
    language: LanguageTag = "en"  # Profile derives it from locale
    languages: list[LanguageTag] = []  # more languages to build the kit in (docs/languages.md)
    # The optional judgements are the creator's to publish; no number changes with them.
    show_suggested_rates: bool = False  # mediakit's price suggestions: advice for the creator
    benchmark: str = "favourable"  # always | favourable (at or above the average band) | never
    report: bool = True  # publish the full analytics report (report.html)
    sections: list[str] = list(KIT_SECTIONS)
    paper: str = "a4"  # the PDF's paper: a4 | letter

    @field_validator("paper", mode="before")
    @classmethod
    def _known_paper(cls, value: object) -> object:
        text = value.strip().lower() if isinstance(value, str) else value
        if text not in PAPER_SIZES:
            fail(f"must be a4 or letter, got '{short(str(value))}'",
                 hint="letter is US Letter (North America); a4 is used almost everywhere else")
        return text

    @field_validator("benchmark")
    @classmethod
    def _known_rule(cls, value: str) -> str:
        if value not in BENCHMARK_RULES:
            fail(f"must be one of {', '.join(BENCHMARK_RULES)}, got '{short(value)}'",
                 hint="favourable shows the badge only at or above the tier's average band")
        return value

    @field_validator("sections")
    @classmethod
    def _known_sections(cls, values: list[str]) -> list[str]:
        for index, value in enumerate(values):
            if value not in KIT_SECTIONS:
                fail(f"unknown section '{short(value)}'", at=(index,),
                     hint=did_you_mean(value, KIT_SECTIONS))
        return list(dict.fromkeys(values))

    @field_validator("languages", mode="before")
    @classmethod
    def _one_language(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value

    @field_validator("languages")
    @classmethod
    def _available_languages(cls, values: list[str]) -> list[str]:
        for index, value in enumerate(values):
            _must_be_available(value, at=(index,))
        return list(dict.fromkeys(values))


def _must_be_available(code: str, at: tuple[str | int, ...] = ()) -> None:
    """An interface language needs its catalog (mediakit/site/locale/<code>/); say which exist."""
    if not languages.is_available(code):
        fail(f"mediakit cannot write a kit in '{short(code)}'", at=at,
             hint="languages available: " + ", ".join(languages.available()))


def _language_of(data: dict[str, Any]) -> str:
    """The kit's language from the raw profile: site.language, else the locale's language."""
    site = data.get("site")
    if isinstance(site, dict) and isinstance(site.get("language"), str):
        return site["language"]
    locale = data.get("locale")
    if isinstance(locale, str):
        return locale.strip().replace("-", "_").split("_")[0]
    return DEFAULT_LOCALE.split("_")[0]


class Profile(StrictModel, PerLanguage):
    """Everything the creator tells us about themselves; the numbers come from exports.

    The fields in WORDS may be given per language (words.py): read plainly, they hold the kit's
    language; ``profile.in_language("fr")`` gives the profile in French.
    """

    WORDS = (("tagline",), ("bio",), ("rates", "*", "deliverable"), ("rates", "*", "notes"),
             ("testimonials", "*", "quote"), ("testimonials", "*", "role"))

    name: Text
    handle: Text | None = None  # defaults to the first platform's handle
    tagline: str | None = None
    bio: str | None = None
    niche: str | None = None
    location: str | None = None
    languages: list[Text] = []
    locale: LocaleCode = DEFAULT_LOCALE
    timezone: Timezone | None = None
    avatar: RelativePath | None = None
    cover: Photo | None = None  # the hero's banner photo
    gallery: Annotated[list[Photo], Field(max_length=MAX_GALLERY)] = []  # press photos
    colors: Colors = Colors()
    font: FontName = "Inter"  # the shipped font (mediakit/site/typeface.py); "system": the device's
    contact: Contact = Contact()
    platforms: dict[str, PlatformConfig]
    rates: list[Rate] = []
    partners: list[Partner] = []
    testimonials: list[Testimonial] = []
    audience: dict[str, dict[str, SelfReported]] = {}
    site: SiteOptions = SiteOptions()
    # The demo creator's sample data (content/ of this repository, `mediakit init --demo`): a
    # build says "demo data" instead of warning that the data is old. Never in a real profile.
    demo: bool = False

    @classmethod
    def default_language(cls, data: dict[str, Any], context: Any) -> str:
        return _language_of(data)

    def platform_data_dir(self, platform: str) -> str:
        """The folder (relative to content/) holding this platform's exports."""
        config = self.platforms.get(platform)
        return config.data if config is not None and config.data else f"data/{platform}"

    @model_validator(mode="before")
    @classmethod
    def _site_defaults(cls, data: Any) -> Any:
        """Title from the name and html lang from the locale, unless written out."""
        if not isinstance(data, dict):
            return data
        site = data.get("site")
        site = {} if site is None else site
        if not isinstance(site, dict):
            return data
        site = {key: value for key, value in site.items() if value is not None}
        written = site.get("language")
        if isinstance(written, str) and languages.is_code(written):  # needs a catalog
            _must_be_available(written, at=("site", "language"))
        name = data.get("name")
        if "title" not in site and isinstance(name, str) and name.strip():
            site["title"] = f"{name.strip()} — Media kit"
        locale = data.get("locale")
        if "language" not in site and locale is None:
            site["language"] = DEFAULT_LOCALE.split("_")[0]  # no need to wake babel up
        elif "language" not in site and isinstance(locale, str):
            try:
                from babel import Locale

                site["language"] = Locale.parse(locale.strip().replace("-", "_")).language
            except Exception:  # the locale field reports the bad value itself
                pass
        return {**data, "site": site}

    @field_validator("languages", mode="before")
    @classmethod
    def _one_language(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value

    @field_validator("platforms", mode="before")
    @classmethod
    def _platform_keys(cls, value: Any) -> Any:
        if not isinstance(value, dict):
            return value
        if not value:
            fail("lists no platform", hint='add one, e.g. tiktok: {handle: "@yourname"}')
        for key in value:
            if key not in PLATFORMS:
                fail(f"unknown platform '{key}'", hint=did_you_mean(str(key), PLATFORMS),
                     at=(key,))
        return {key: {} if config is None else config for key, config in value.items()}

    @field_validator("platforms")
    @classmethod
    def _complete_platforms(cls, value: dict[str, PlatformConfig]) -> dict[str, PlatformConfig]:
        return {key: _complete_platform(key, config) for key, config in value.items()}

    @field_validator("rates", mode="before")
    @classmethod
    def _currency_from_first_rate(cls, value: Any) -> Any:
        if not isinstance(value, list) or not value or not isinstance(value[0], dict):
            return value
        first = value[0].get("currency")
        if not isinstance(first, str) or not first.strip():
            return value
        return [{**rate, "currency": first} if isinstance(rate, dict)
                and rate.get("currency") is None else rate for rate in value]

    @field_validator("audience", mode="before")
    @classmethod
    def _audience_keys(cls, value: Any) -> Any:
        if not isinstance(value, dict):
            return value
        for platform, dimensions in value.items():
            if platform not in PLATFORMS:
                fail(f"unknown platform '{platform}'",
                     hint=did_you_mean(str(platform), PLATFORMS), at=(platform,))
            for dimension in dimensions if isinstance(dimensions, dict) else ():
                if dimension not in DIMENSIONS:
                    fail(f"unknown audience dimension '{dimension}'",
                         hint=did_you_mean(str(dimension), DIMENSIONS), at=(platform, dimension))
        return {key: {} if dims is None else dims for key, dims in value.items()}

    @model_validator(mode="after")
    def _cross_checks(self) -> Profile:
        listed = ", ".join(self.platforms)
        for index, rate in enumerate(self.rates):
            if rate.platform is not None and rate.platform not in self.platforms:
                fail(f"'{rate.platform}' is not one of your platforms ({listed})",
                     hint=f"add {rate.platform} under platforms, or change this rate",
                     at=("rates", index, "platform"))
        for platform in self.audience:
            if platform not in self.platforms:
                fail(f"'{platform}' is not one of your platforms ({listed})",
                     hint=f"add {platform} under platforms, or remove this block",
                     at=("audience", platform))
        if self.handle is None:
            return self.model_copy(update={"handle": next(iter(self.platforms.values())).handle})
        return self


def _complete_platform(key: str, config: PlatformConfig) -> PlatformConfig:
    """Normalise the handle and fill in the link and data folder the creator left out."""
    handle = config.handle
    if "://" in handle or handle.lower().startswith("www."):
        name = handle.rstrip("/").rsplit("/", 1)[-1].lstrip("@") or "yourname"
        fail("looks like a link, not a handle", at=(key, "handle"),
             hint=f'write handle: "@{name}" and put the link under url:')
    bad = any(ch.isspace() or ch == "/" for ch in handle)
    if key in _AT_HANDLES:
        if bad:
            fail(f"a {key} handle is one word, got '{short(handle)}'", at=(key, "handle"),
                 hint='e.g. "@maraquinn"')
        handle = handle if handle.startswith("@") else "@" + handle
    url = config.url
    if url is None:
        if bad:
            fail("cannot build the channel link from this handle", at=(key, "handle"),
                 hint="add url: with the link to your channel")
        name = quote(handle.lstrip("@"), safe="._-")
        url = {
            "tiktok": f"https://www.tiktok.com/@{name}",
            "instagram": f"https://www.instagram.com/{name}/",
            "youtube": f"https://www.youtube.com/@{name}",
        }[key]
    return config.model_copy(update={"handle": handle, "url": url, "data": config.data
                                     or f"data/{key}"})



def load_profile(path: Path) -> Profile:
    """Read and validate the profile; any problem is one ConfigError naming file, line and key."""
    return load_yaml_model(path, Profile)
