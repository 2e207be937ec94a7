"""The creator's profile (content/profile.yaml): its schema, and loading it with line numbers.

Why the loader reads YAML *events* instead of calling ``yaml.safe_load``: YAML 1.1 turns ``NO``
into ``False``, ``012345`` into ``5349`` and ``1.10`` into ``1.1``, which silently mangles names,
handles and taglines. Here every scalar stays the text the creator typed; pydantic (lax mode) then
turns text into a number, a yes/no or a date only where the schema asks for one. Building values
from the event stream (never constructing Python objects from tags) also lets us remember the line
of every key, refuse duplicate keys, and avoid the C composer's recursion on absurdly deep input.
"""

from __future__ import annotations

import difflib
import functools
import re
from datetime import date
from pathlib import Path
from typing import Annotated, Any, NoReturn, TypeVar
from urllib.parse import quote, urlsplit

import yaml
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from mediakit.errors import ConfigError
from mediakit.project.validation_errors import (
    NUMBER_HINT,
    Wording,
    dotted,
    first_problem,
    kind_of,
    short,
)

__all__ = [
    "DEFAULT_LOCALE", "PLATFORMS", "Colors", "Contact", "Link", "Partner", "PlatformConfig",
    "Profile", "Rate", "SelfReported", "SiteOptions", "Testimonial", "load_profile",
]

DEFAULT_LOCALE = "en_US"
PLATFORMS = ("tiktok", "instagram", "youtube")
DIMENSIONS = ("age", "gender", "country", "city")
_AT_HANDLES = ("tiktok", "instagram")  # platforms whose handles always start with '@'
_MAX_BYTES = 1_000_000
_MAX_DEPTH = 40
_MAX_VALUES = 100_000
Path_ = tuple[str | int, ...]


# --- small validators, shared by the models -------------------------------------------------------

def _fail(message: str, *, hint: str | None = None, at: Path_ = ()) -> NoReturn:
    """Raise a validation error that load_profile turns into a ConfigError, word for word.

    ``at`` is the key path below the value being validated (e.g. ``("tiktok", "handle")``).
    """
    context = {"message": message, "hint": hint, "at": at}
    raise PydanticCustomError("mediakit", "{message}", context)


def _did_you_mean(word: str, choices: tuple[str, ...] | list[str]) -> str:
    lowered = {choice.lower(): choice for choice in choices}
    key = word.lower().replace("-", "_").strip()
    close = [key] if key in lowered else difflib.get_close_matches(key, list(lowered), n=1)
    if close:
        return f"did you mean '{lowered[close[0]]}'?"
    return "allowed here: " + ", ".join(choices)


def _text(value: str) -> str:
    value = value.strip()
    if not value:
        _fail("must not be empty")
    return value


def _url(value: str, schemes: tuple[str, ...] = ("http", "https")) -> str:
    text = value.strip()
    if any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in text):
        _fail("a link cannot contain spaces or invisible characters", hint="copy the link again")
    try:
        parts = urlsplit(text)
    except ValueError:
        _fail(f"is not a valid link: '{text}'")
    scheme = parts.scheme.lower()
    if not scheme and re.match(r"[\w-]+(\.[\w-]+)+(/|$)", text):
        _fail(f"must start with https://, got '{text}'", hint=f"write https://{text}")
    if scheme not in schemes:
        allowed = " or ".join(f"{s}:" if s == "mailto" else f"{s}://" for s in reversed(schemes))
        _fail(f"must start with {allowed}, got '{short(text)}'",
              hint="other kinds of links (javascript:, data:, file:...) are refused for safety")
    if scheme == "mailto":
        if "@" not in parts.path:
            _fail(f"is not an email link: '{text}'", hint="write it like mailto:hello@example.com")
    elif not parts.hostname:
        _fail(f"is missing the website name: '{text}'", hint="e.g. https://example.com")
    return text


def _contact_url(value: str) -> str:
    return _url(value, ("http", "https", "mailto"))


def _base_url(value: str) -> str:
    text = _url(value)
    if "?" in text or "#" in text:
        _fail("must not contain '?' or '#'", hint="give the address of the site's home page")
    return text if text.endswith("/") else text + "/"


def _relative_path(value: str) -> str:
    """Paths stay inside content/; symlinks are checked later, where the file is opened."""
    text = value.strip().replace("\\", "/")
    if "\x00" in text:
        _fail("contains an invisible character")
    if re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", text) or text.startswith(("/", "~")):
        what = "a web address" if "://" in text else "an absolute path"
        _fail(f"must be a path inside the content folder, not {what}: '{short(text)}'",
              hint="put the file inside content/ and write e.g. assets/avatar.svg")
    parts = [part for part in text.split("/") if part not in ("", ".")]
    if ".." in parts:
        _fail(f"must not use '..' to leave the content folder: '{short(text)}'",
              hint="move the file inside content/ and write e.g. assets/avatar.svg")
    if not parts:
        _fail("must name a file or folder inside the content folder")
    return "/".join(parts)


def _email(value: str) -> str:
    text = value.strip()
    if not re.fullmatch(r"[^@\s<>()\[\]\\,;:\"']+@[\w-]+(\.[\w-]+)*\.[^\W\d_]{2,}", text):
        _fail(f"is not an email address: '{short(text)}'", hint="e.g. hello@example.com")
    return text


def _colour(value: str) -> str:
    text = value.strip().lower()
    if re.fullmatch(r"#([0-9a-f]{3}|[0-9a-f]{6})", text):
        return text
    if re.fullmatch(r"[0-9a-f]{3}|[0-9a-f]{6}", text):
        _fail(f"a colour starts with '#', got '{text}'", hint=f'write it in quotes: "#{text}"')
    _fail(f"must be a colour like #1f3a5f, got '{short(value)}'",
          hint='use a hex code with # in quotes, e.g. "#1f3a5f" or "#fff"')


def _font(value: str) -> str:
    text = value.strip()
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9 _-]{0,59}", text):
        _fail(f"must be a font name like Georgia, got '{short(text)}'",
              hint="letters, digits, spaces and '-' only; or write system")
    return text


@functools.cache
def _currencies() -> frozenset[str]:
    from babel.numbers import list_currencies  # babel is slow to import; only when needed

    return frozenset(list_currencies())


_SYMBOLS = {"€": "EUR", "$": "USD", "£": "GBP", "¥": "JPY", "₹": "INR", "EURO": "EUR"}


def _currency(value: str) -> str:
    code = value.strip().upper()
    if re.fullmatch(r"[A-Z]{3}", code) and code in _currencies():
        return code
    example = _SYMBOLS.get(code, "EUR")
    _fail(f"unknown currency '{short(value)}'",
          hint=f"use a 3-letter currency code such as {example}, USD or GBP")


def _locale(value: str) -> str:
    from babel import Locale  # babel is slow to import; only when needed

    text = value.strip().replace("-", "_")
    try:
        return str(Locale.parse(text))
    except Exception:  # babel raises ValueError, TypeError or UnknownLocaleError
        _fail(f"unknown locale '{short(value)}'", hint="use a code like en_US, en_IE or fr_FR")


def _timezone(value: str) -> str:
    import zoneinfo

    text = value.strip()
    try:
        zoneinfo.ZoneInfo(text)
    except Exception:  # ZoneInfoNotFoundError, ValueError for odd keys, OSError
        _fail(f"unknown timezone '{short(value)}'",
              hint="use a name like Europe/Dublin or America/New_York")
    return text


def _hostname(value: str) -> str:
    host = value.strip().lower().rstrip(".")
    if "/" in host or ":" in host:
        bare = urlsplit(host if "://" in host else "//" + host).hostname or "kit.example.com"
        _fail(f"must be a bare domain name, got '{short(value)}'",
              hint=f"leave out https:// and any /path: write {bare}")
    labels = host.split(".")
    label = re.compile(r"(?!-)[a-z0-9-]{1,63}(?<!-)")
    if len(labels) < 2 or len(host) > 253 or not all(label.fullmatch(part) for part in labels):
        _fail(f"is not a domain name: '{short(value)}'", hint="e.g. kit.example.com")
    return host


def _language(value: str) -> str:
    text = value.strip().replace("_", "-")
    if not re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", text):
        _fail(f"must be a language code like en or en-IE, got '{short(value)}'")
    return text


def _strict_date(value: Any) -> Any:
    """Only YYYY-MM-DD: pydantic alone would read 20261117 as seconds since 1970."""
    if isinstance(value, str):
        text = value.strip()
        try:
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
                return date.fromisoformat(text)
        except ValueError:
            pass
        _fail(f"must be a date like 2026-11-17, got '{short(value)}'", hint="year-month-day")
    return value


def _percent(value: Any) -> Any:
    """Let creators copy shares as "41%" as well as 0.41."""
    if isinstance(value, str) and value.strip().endswith("%"):
        try:
            return float(value.strip()[:-1]) / 100
        except ValueError:
            return value
    return value


Text = Annotated[str, AfterValidator(_text)]
Url = Annotated[str, AfterValidator(_url)]
ContactUrl = Annotated[str, AfterValidator(_contact_url)]
RelativePath = Annotated[str, AfterValidator(_relative_path)]
Colour = Annotated[str, AfterValidator(_colour)]
Share = Annotated[float, BeforeValidator(_percent), Field(ge=0, le=1, allow_inf_nan=False)]


# --- the schema -----------------------------------------------------------------------------------

class _Model(BaseModel):
    """Frozen, no extra keys; a blank value (``key:``) means "use the default"."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    @model_validator(mode="before")
    @classmethod
    def _known_keys_only(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        for key in data:
            if key not in cls.model_fields:
                _fail(f"unknown key '{key}'", hint=_did_you_mean(str(key), list(cls.model_fields)),
                      at=(key,))
        return {key: value for key, value in data.items() if value is not None}


class Colors(_Model):
    primary: Colour = "#1e293b"
    accent: Colour = "#2563eb"


class Link(_Model):
    label: Text
    url: ContactUrl


class Contact(_Model):
    email: Annotated[str, AfterValidator(_email)] | None = None
    links: list[Link] = []


class PlatformConfig(_Model):
    handle: Text
    url: Url | None = None
    data: RelativePath | None = None
    exported_on: Annotated[date, BeforeValidator(_strict_date)] | None = None


class Rate(_Model):
    deliverable: Text
    platform: str | None = None
    price: Annotated[float, Field(ge=0, allow_inf_nan=False)]
    currency: Annotated[str, AfterValidator(_currency)] = "USD"
    notes: str | None = None

    @field_validator("platform")
    @classmethod
    def _known_platform(cls, value: str) -> str:
        if value not in PLATFORMS:
            _fail(f"unknown platform '{value}'", hint=_did_you_mean(value, PLATFORMS))
        return value


class Partner(_Model):
    name: Text
    url: Url | None = None
    logo: RelativePath | None = None
    year: Annotated[int, Field(ge=1900, le=2100)] | None = None


class Testimonial(_Model):
    quote: Text
    author: Text
    role: str | None = None


class SelfReported(_Model):
    source: Text
    shares: dict[str, Share]

    @field_validator("shares")
    @classmethod
    def _shares_add_up(cls, shares: dict[str, float]) -> dict[str, float]:
        if not shares:
            _fail("needs at least one segment", hint='e.g. {"18-24": 0.41, "25-34": 0.33}')
        total = sum(shares.values())
        if round(total, 9) > 1.001:  # 0.334 + 0.334 + 0.333 is 1.0010000000000001 in floats
            _fail(f"the shares add up to {round(total, 4):g} ({round(total * 100, 2):g}%), "
                  "more than 1 (100%)",
                  hint="each share is a fraction of the audience: 41% is 0.41")
        return shares


class SiteOptions(_Model):
    title: Text = "Media kit"  # Profile fills in "<name> — Media kit"
    base_url: Annotated[str, AfterValidator(_base_url)] | None = None
    custom_domain: Annotated[str, AfterValidator(_hostname)] | None = None
    noindex: bool = True
    interactive_charts: bool = False
    language: Annotated[str, AfterValidator(_language)] = "en"  # Profile derives it from locale


class Profile(_Model):
    """Everything the creator tells us about themselves; the numbers come from exports."""

    name: Text
    handle: Text | None = None  # defaults to the first platform's handle
    tagline: str | None = None
    bio: str | None = None
    niche: str | None = None
    location: str | None = None
    languages: list[Text] = []
    locale: Annotated[str, AfterValidator(_locale)] = DEFAULT_LOCALE
    timezone: Annotated[str, AfterValidator(_timezone)] | None = None
    avatar: RelativePath | None = None
    colors: Colors = Colors()
    font: Annotated[str, AfterValidator(_font)] = "system"
    contact: Contact = Contact()
    platforms: dict[str, PlatformConfig]
    rates: list[Rate] = []
    partners: list[Partner] = []
    testimonials: list[Testimonial] = []
    audience: dict[str, dict[str, SelfReported]] = {}
    site: SiteOptions = SiteOptions()

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
            _fail("lists no platform", hint='add one, e.g. tiktok: {handle: "@yourname"}')
        for key in value:
            if key not in PLATFORMS:
                _fail(f"unknown platform '{key}'", hint=_did_you_mean(str(key), PLATFORMS),
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
                _fail(f"unknown platform '{platform}'",
                      hint=_did_you_mean(str(platform), PLATFORMS), at=(platform,))
            for dimension in dimensions if isinstance(dimensions, dict) else ():
                if dimension not in DIMENSIONS:
                    _fail(f"unknown audience dimension '{dimension}'",
                          hint=_did_you_mean(str(dimension), DIMENSIONS), at=(platform, dimension))
        return {key: {} if dims is None else dims for key, dims in value.items()}

    @model_validator(mode="after")
    def _cross_checks(self) -> Profile:
        listed = ", ".join(self.platforms)
        for index, rate in enumerate(self.rates):
            if rate.platform is not None and rate.platform not in self.platforms:
                _fail(f"'{rate.platform}' is not one of your platforms ({listed})",
                      hint=f"add {rate.platform} under platforms, or change this rate",
                      at=("rates", index, "platform"))
        for platform in self.audience:
            if platform not in self.platforms:
                _fail(f"'{platform}' is not one of your platforms ({listed})",
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
        _fail("looks like a link, not a handle", at=(key, "handle"),
              hint=f'write handle: "@{name}" and put the link under url:')
    bad = any(ch.isspace() or ch == "/" for ch in handle)
    if key in _AT_HANDLES:
        if bad:
            _fail(f"a {key} handle is one word, got '{short(handle)}'", at=(key, "handle"),
                  hint='e.g. "@maraquinn"')
        handle = handle if handle.startswith("@") else "@" + handle
    url = config.url
    if url is None:
        if bad:
            _fail("cannot build the channel link from this handle", at=(key, "handle"),
                  hint="add url: with the link to your channel")
        name = quote(handle.lstrip("@"), safe="._-")
        url = {
            "tiktok": f"https://www.tiktok.com/@{name}",
            "instagram": f"https://www.instagram.com/{name}/",
            "youtube": f"https://www.youtube.com/@{name}",
        }[key]
    return config.model_copy(update={"handle": handle, "url": url, "data": config.data
                                     or f"data/{key}"})


# --- loading --------------------------------------------------------------------------------------

def load_profile(path: Path) -> Profile:
    """Read and validate the profile; any problem is one ConfigError naming file, line and key."""
    text = _read_text(path)
    data, lines = _parse_yaml(text, path)
    try:
        return Profile.model_validate(data)
    except ValidationError as exc:
        raise first_problem(exc, path, lines, WORDING) from None


_M = TypeVar("_M", bound=BaseModel)


def load_yaml_model(path: Path, model: type[_M]) -> _M:
    """Any YAML file validated by a pydantic model, with the profile's line-numbered errors.

    Rosters (and other small YAML files) get the same guarantees as the profile: strings stay
    strings, duplicate keys are refused, and every error names the file, line and key.
    """
    text = _read_text(path)
    data, lines = _parse_yaml(text, path)
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise first_problem(exc, path, lines, WORDING) from None


def _read_text(path: Path) -> str:
    try:  # never more than the limit: profile.yaml may be a huge file, or /dev/zero
        with Path(path).open("rb") as handle:
            raw = handle.read(_MAX_BYTES + 1)
    except FileNotFoundError:
        raise ConfigError("no profile found here", file=path,
                          hint="run `mediakit init` to create one") from None
    except IsADirectoryError:
        raise ConfigError("is a folder, not a profile file", file=path) from None
    except OSError as exc:
        raise ConfigError(f"cannot be read ({exc.strerror or exc})", file=path) from None
    if len(raw) > _MAX_BYTES:
        raise ConfigError("is too large for a profile (over 1 MB)", file=path)
    try:
        if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
            return raw.decode("utf-16")
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ConfigError("is not UTF-8 text", file=path, line=line,
                          hint="save the file as UTF-8 in your editor") from None


_NULLS = ("", "~", "null", "Null", "NULL")
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Open:
    """A mapping or sequence whose end event has not arrived yet."""

    def __init__(self, value: dict | list, path: Path_, anchor: str | None) -> None:
        self.value = value
        self.path = path
        self.anchor = anchor
        self.key: str | None = None  # a mapping's key waiting for its value
        self.key_lines: dict[str, int] = {}
        self.size = 1

    @property
    def awaiting_key(self) -> bool:
        return isinstance(self.value, dict) and self.key is None


class _Builder:
    """Turns YAML events into plain values (every scalar a string) and remembers each key's line.

    Working from events, not from PyYAML's composed nodes, keeps the depth check ahead of any
    recursion (libyaml's composer crashes the interpreter on a few thousand nested brackets) and
    lets aliases be counted by the values they expand to (no "billion laughs").
    """

    def __init__(self, text: str, path: Path) -> None:
        self.rows = text.splitlines()
        self.path = path
        self.lines: dict[Path_, int] = {}
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.stack: list[_Open] = []
        self.root: list[Any] = []
        self.total = 0

    def problem(self, message: str, line: int, hint: str | None = None,
                at: Path_ | None = None) -> ConfigError:
        return ConfigError(message, file=self.path, line=line, hint=hint,
                           field=dotted(at) if at else None)

    def feed(self, event: yaml.Event) -> None:
        line = event.start_mark.line + 1
        top = self.stack[-1] if self.stack else None
        if isinstance(event, yaml.DocumentStartEvent) and self.root:
            raise self.problem("holds more than one YAML document ('---')", line,
                               hint="keep one profile per file")
        if isinstance(event, yaml.ScalarEvent):
            if top is not None and top.awaiting_key:
                self.key(top, event.value, event.style, line)
                return
            # a plain scalar's style is "" with libyaml and None with pure-Python PyYAML
            blank = not event.style and event.tag is None and event.value in _NULLS
            value = None if blank else event.value
            if event.anchor:
                self.anchors[event.anchor] = (value, 1)
            self.attach(value, line, 1, plain_blank=blank and event.value == "")
        elif isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
            self.open(event, top, line)
        elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
            done = self.stack.pop()
            if done.anchor:
                self.anchors[done.anchor] = (done.value, done.size)
            self.attach(done.value, self.lines.get(done.path, line), done.size)
        elif isinstance(event, yaml.AliasEvent):
            self.alias(event.anchor, top, line)

    def key(self, top: _Open, key: str, style: str | None, line: int) -> None:
        if not style and key == "<<":
            raise self.problem("YAML merge keys ('<<') are not supported", line,
                               hint="write the keys out in full")
        if key in top.key_lines:
            raise self.problem(
                f"the key '{key}' appears twice (lines {top.key_lines[key]} and {line})",
                line, hint="keep only one of them", at=(*top.path, key))
        top.key = key
        top.key_lines[key] = line
        self.lines[(*top.path, key)] = line

    def open(self, event: yaml.Event, top: _Open | None, line: int) -> None:
        if top is not None and top.awaiting_key:
            raise self.problem("a key must be a plain word, not a list or group", line)
        if len(self.stack) >= _MAX_DEPTH:
            raise self.problem("is nested too deeply", line)
        where: Path_ = ()
        if top is not None:
            where = (*top.path, top.key if top.key is not None else len(top.value))
        container: dict | list = {} if isinstance(event, yaml.MappingStartEvent) else []
        self.stack.append(_Open(container, where, event.anchor))  # type: ignore[attr-defined]
        if top is None or isinstance(top.value, list):
            self.lines[where] = line  # where the list item (or the whole file) starts

    def alias(self, anchor: str, top: _Open | None, line: int) -> None:
        if top is not None and top.awaiting_key:
            raise self.problem("an alias (*name) cannot be used as a key", line)
        if anchor in self.anchors:
            value, size = self.anchors[anchor]
            self.attach(value, line, size)
        elif any(frame.anchor == anchor for frame in self.stack):
            raise self.problem(f"the alias *{anchor} refers to itself", line)
        else:
            raise self.problem(f"uses *{anchor} but no &{anchor} comes before it", line,
                               hint="define the anchor first, or write the value out")

    def attach(self, value: Any, line: int, size: int, plain_blank: bool = False) -> None:
        self.total += size
        if self.total > _MAX_VALUES:
            raise self.problem("has too many values (are aliases repeating a lot?)", line)
        if not self.stack:
            self.root.append(value)
            self.lines[()] = line
            return
        top = self.stack[-1]
        top.size += size
        if isinstance(top.value, list):
            self.lines[(*top.path, len(top.value))] = line
            top.value.append(value)
            return
        key, top.key = str(top.key), None
        comment = plain_blank and _HEX_COMMENT.search(_row(self.rows, top.key_lines[key]))
        if comment:
            raise self.problem("the colour is read as a comment because it starts with '#'",
                               top.key_lines[key], hint=f'put it in quotes: {key}: "{comment[1]}"',
                               at=(*top.path, key))
        top.value[key] = value


def _parse_yaml(text: str, path: Path) -> tuple[dict, dict[Path_, int]]:
    """Plain values (every scalar a string, blank plain scalars None) and each key's line."""
    builder = _Builder(text, path)
    try:
        for event in yaml.parse(text, Loader=_LOADER):
            builder.feed(event)
    except yaml.YAMLError as exc:
        raise _yaml_problem(exc, text, builder.rows, path) from None
    if not builder.root or builder.root[0] is None:
        raise ConfigError("the profile is empty", file=path, line=1,
                          hint="start with name: and platforms:, or run `mediakit init`")
    data = builder.root[0]
    if not isinstance(data, dict):
        raise ConfigError(f"must be a list of 'key: value' lines, got {kind_of(data)}",
                          file=path, line=builder.lines.get((), 1),
                          hint="start with name: Your Name")
    return data, builder.lines


def _row(rows: list[str], line: int) -> str:
    return rows[line - 1] if 0 < line <= len(rows) else ""


_HEX_COMMENT = re.compile(r":\s+(#[0-9A-Fa-f]{3}(?:[0-9A-Fa-f]{3})?)\b")


def _yaml_problem(exc: yaml.YAMLError, text: str, rows: list[str], path: Path) -> ConfigError:
    """One plain sentence instead of PyYAML's multi-line report."""
    problem_text = str(getattr(exc, "problem", None) or getattr(exc, "reason", "") or exc)
    context = str(getattr(exc, "context", None) or "")
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = mark.line + 1 if mark is not None else 1
    if isinstance(exc, yaml.reader.ReaderError):  # position is in bytes with libyaml: find it
        char = exc.character
        found = text.find(char if isinstance(char, str) else chr(char % 0x110000))
        line = text.count("\n", 0, found) + 1 if found >= 0 else 1
        return ConfigError("contains an invisible control character", file=path, line=line,
                           hint="delete and retype this line")
    line = min(line, max(len(rows), 1))  # "unexpected end of file" points past the last line
    row = _row(rows, line)
    char = row[mark.column] if mark is not None and mark.column < len(row) else ""
    message, hint = "is not valid YAML: " + problem_text.split("\n")[0], (
        "check the quotes, colons and indentation on this line")
    if re.search(r"[\s{\[]#", _row(rows, line - 1) + "\n" + row):
        hint = "a # starts a comment in YAML: put values containing # in quotes"
    if "cannot start any token" in problem_text and char == "\t":
        message, hint = "uses a tab for indentation", "indent with spaces, not tabs"
    elif "cannot start any token" in problem_text and char:
        message = f"a value cannot start with '{char}'"
        hint = 'put it in quotes, e.g. handle: "@yourname"' if char == "@" else (
            "put the whole value in quotes")
    elif "mapping values are not allowed" in problem_text:
        message = "has a ':' where YAML does not expect one"
        hint = 'if the value contains ": ", put it in quotes, e.g. tagline: "Songs: live"'
    elif "escape" in problem_text:
        message = "has an unknown backslash escape inside double quotes"
        hint = "use single quotes instead, or write \\\\ for a backslash"
    elif "quoted scalar" in context and getattr(exc, "context_mark", None) is not None:
        line = exc.context_mark.line + 1  # type: ignore[attr-defined]
        message, hint = "a quote opened on this line is never closed", "add the closing quote"
    elif "could not find expected ':'" in problem_text:
        message, hint = "a line here is missing its ':'", "write each setting as key: value"
    elif "expected <block end>" in problem_text or "did not find expected key" in problem_text:
        message = "the indentation here does not line up with the lines above"
        hint = "keys at the same level need the same number of spaces"
    elif "expected ',' or" in problem_text:
        message, hint = "a [list] or {group} is not closed properly", "check the brackets"
    return ConfigError(message, file=path, line=line, hint=hint)


# --- turning pydantic's errors into one sentence (mediakit/project/validation_errors.py) ---

WORDING = Wording(
    date_example="2026-11-17",
    list_hint="write one '- item' per line, or [first, second]",
    number_hint=NUMBER_HINT,
    missing_hints={
        "name": "add a line like: name: Mara Quinn",
        "platforms": 'add e.g. platforms: {tiktok: {handle: "@yourname"}}',
        "handle": 'add e.g. handle: "@yourname"',
    },
    range_hints={"shares": "a share is a fraction of the audience: write 41% as 0.41"},
)
