"""The checked value types the profile's fields are made of: text, links, paths, colours, money...

Each type is a plain ``str`` (or float, or date) with a validator that tidies what the creator
typed and, when it cannot be used, raises ``fail(message, hint=...)``: validation_errors.py then
reports that sentence word for word at the key's line. The profile schema (profile.py) is built
from these types; the headers of pitches and case studies reuse the links and paths.
"""

from __future__ import annotations

import functools
import re
from datetime import date
from typing import Annotated, Any, NoReturn
from urllib.parse import urlsplit

from pydantic import AfterValidator, BeforeValidator, Field
from pydantic_core import PydanticCustomError

from mediakit.project.validation_errors import Where, short

__all__ = [
    "BaseUrl", "Colour", "ContactUrl", "Currency", "Day", "Email", "FontName", "Hostname",
    "LanguageTag", "LocaleCode", "RelativePath", "Share", "Text", "Timezone", "Url", "fail",
]


def fail(message: str, *, hint: str | None = None, at: Where = ()) -> NoReturn:
    """Raise a validation error that validation_errors reports as a ConfigError, word for word.

    ``at`` is the key path below the value being validated (e.g. ``("tiktok", "handle")``).
    """
    context = {"message": message, "hint": hint, "at": at}
    raise PydanticCustomError("mediakit", "{message}", context)


def _text(value: str) -> str:
    value = value.strip()
    if not value:
        fail("must not be empty")
    return value


def _url(value: str, schemes: tuple[str, ...] = ("http", "https")) -> str:
    text = value.strip()
    if any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in text):
        fail("a link cannot contain spaces or invisible characters", hint="copy the link again")
    try:
        parts = urlsplit(text)
    except ValueError:
        fail(f"is not a valid link: '{text}'")
    scheme = parts.scheme.lower()
    if not scheme and re.match(r"[\w-]+(\.[\w-]+)+(/|$)", text):
        fail(f"must start with https://, got '{text}'", hint=f"write https://{text}")
    if scheme not in schemes:
        allowed = " or ".join(f"{s}:" if s == "mailto" else f"{s}://" for s in reversed(schemes))
        fail(f"must start with {allowed}, got '{short(text)}'",
             hint="other kinds of links (javascript:, data:, file:...) are refused for safety")
    if scheme == "mailto":
        if "@" not in parts.path:
            fail(f"is not an email link: '{text}'", hint="write it like mailto:hello@example.com")
    elif not parts.hostname:
        fail(f"is missing the website name: '{text}'", hint="e.g. https://example.com")
    return text


def _contact_url(value: str) -> str:
    return _url(value, ("http", "https", "mailto"))


def _base_url(value: str) -> str:
    text = _url(value)
    if "?" in text or "#" in text:
        fail("must not contain '?' or '#'", hint="give the address of the site's home page")
    return text if text.endswith("/") else text + "/"


def _relative_path(value: str) -> str:
    """Paths stay inside content/; symlinks are checked later, where the file is opened."""
    text = value.strip().replace("\\", "/")
    if "\x00" in text:
        fail("contains an invisible character")
    if re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", text) or text.startswith(("/", "~")):
        what = "a web address" if "://" in text else "an absolute path"
        fail(f"must be a path inside the content folder, not {what}: '{short(text)}'",
             hint="put the file inside content/ and write e.g. assets/avatar.svg")
    parts = [part for part in text.split("/") if part not in ("", ".")]
    if ".." in parts:
        fail(f"must not use '..' to leave the content folder: '{short(text)}'",
             hint="move the file inside content/ and write e.g. assets/avatar.svg")
    if not parts:
        fail("must name a file or folder inside the content folder")
    return "/".join(parts)


def _email(value: str) -> str:
    text = value.strip()
    if not re.fullmatch(r"[^@\s<>()\[\]\\,;:\"']+@[\w-]+(\.[\w-]+)*\.[^\W\d_]{2,}", text):
        fail(f"is not an email address: '{short(text)}'", hint="e.g. hello@example.com")
    return text


def _colour(value: str) -> str:
    text = value.strip().lower()
    if re.fullmatch(r"#([0-9a-f]{3}|[0-9a-f]{6})", text):
        return text
    if re.fullmatch(r"[0-9a-f]{3}|[0-9a-f]{6}", text):
        fail(f"a colour starts with '#', got '{text}'", hint=f'write it in quotes: "#{text}"')
    fail(f"must be a colour like #1f3a5f, got '{short(value)}'",
         hint='use a hex code with # in quotes, e.g. "#1f3a5f" or "#fff"')


def _font(value: str) -> str:
    text = value.strip()
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9 _-]{0,59}", text):
        fail(f"must be a font name like Georgia, got '{short(text)}'",
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
    fail(f"unknown currency '{short(value)}'",
         hint=f"use a 3-letter currency code such as {example}, USD or GBP")


def _locale(value: str) -> str:
    from babel import Locale  # babel is slow to import; only when needed

    text = value.strip().replace("-", "_")
    try:
        return str(Locale.parse(text))
    except Exception:  # babel raises ValueError, TypeError or UnknownLocaleError
        fail(f"unknown locale '{short(value)}'", hint="use a code like en_US, en_IE or fr_FR")


def _timezone(value: str) -> str:
    import zoneinfo

    text = value.strip()
    try:
        zoneinfo.ZoneInfo(text)
    except Exception:  # ZoneInfoNotFoundError, ValueError for odd keys, OSError
        fail(f"unknown timezone '{short(value)}'",
             hint="use a name like Europe/Dublin or America/New_York")
    return text


def _hostname(value: str) -> str:
    host = value.strip().lower().rstrip(".")
    if "/" in host or ":" in host:
        bare = urlsplit(host if "://" in host else "//" + host).hostname or "kit.example.com"
        fail(f"must be a bare domain name, got '{short(value)}'",
             hint=f"leave out https:// and any /path: write {bare}")
    labels = host.split(".")
    label = re.compile(r"(?!-)[a-z0-9-]{1,63}(?<!-)")
    if len(labels) < 2 or len(host) > 253 or not all(label.fullmatch(part) for part in labels):
        fail(f"is not a domain name: '{short(value)}'", hint="e.g. kit.example.com")
    return host


def _language(value: str) -> str:
    text = value.strip().replace("_", "-")
    if not re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", text):
        fail(f"must be a language code like en or en-IE, got '{short(value)}'")
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
        fail(f"must be a date like 2026-11-17, got '{short(value)}'", hint="year-month-day")
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
BaseUrl = Annotated[str, AfterValidator(_base_url)]
RelativePath = Annotated[str, AfterValidator(_relative_path)]
Email = Annotated[str, AfterValidator(_email)]
Colour = Annotated[str, AfterValidator(_colour)]
FontName = Annotated[str, AfterValidator(_font)]
Currency = Annotated[str, AfterValidator(_currency)]
LocaleCode = Annotated[str, AfterValidator(_locale)]
Timezone = Annotated[str, AfterValidator(_timezone)]
Hostname = Annotated[str, AfterValidator(_hostname)]
LanguageTag = Annotated[str, AfterValidator(_language)]
Day = Annotated[date, BeforeValidator(_strict_date)]
Share = Annotated[float, BeforeValidator(_percent), Field(ge=0, le=1, allow_inf_nan=False)]
