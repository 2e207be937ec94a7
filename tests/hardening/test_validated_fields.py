"""The whole XSS corpus through every field with a validator: refused in one line, or harmless.

Colours, the font, locale, language, timezone, currencies, links, the e-mail address, handles,
asset paths, and every field that takes a number, a date, true/false or a choice from a list
(schema_walk.py finds them all in the schemas of the profile, pitches and case studies). Each of
the 249 payloads of tests/fixtures/hostile/xss.txt is put alone into a small valid profile or
header and validated the way ``load_profile`` and the front-matter reader validate (the model,
then ``first_problem`` for the message; the YAML reading itself is tested elsewhere). Each
payload must be

- **refused** with one ConfigError of one line that names the field (``contact.links[0].url``),
- or **neutralised**: what the schema keeps matches the field's strict shape (a colour is
  ``#1f3a5f`` and nothing else, a link starts with http(s): or mailto:, an asset path stays a
  relative path under assets/...), so it can only print as data. Handles that are accepted are
  free text: test_payload_rounds.py renders every one of them.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from pydantic import BaseModel, ValidationError

from mediakit.errors import ConfigError
from mediakit.project import frontmatter
from mediakit.project.validation_errors import first_problem
from mediakit.project.yaml_lines import WORDING
from mediakit.site.render import asset_path
from tests.hardening import canaries, hostile, schema_walk

MINIMAL: dict[str, dict[str, Any]] = {
    "profile": {
        "name": "Trial", "platforms": {"tiktok": {"handle": "@trial"}},
        "contact": {"links": [{"label": "Site", "url": "https://trial.example/"}]},
        "rates": [{"deliverable": "A video", "price": 100, "platform": "tiktok"}],
        "partners": [{"name": "Brand"}], "testimonials": [{"quote": "Q", "author": "A"}],
        "cover": {"file": "assets/cover.jpg", "alt": "Trial on stage"},
        "gallery": [{"file": "assets/press.jpg", "alt": "Trial at the mic"}],
        "audience": {"tiktok": {"age": {"source": "the app", "shares": {"18-24": 0.5}}}},
        "site": {"sections": ["numbers"], "languages": ["en"]},
    },
    "pitch": {
        "brand": "Brand", "deliverables": [{"item": "A video", "notes": "n"}], "price": 100,
        "valid_until": "2027-01-10", "sections": ["match"], "language": "en", "locale": "de_AT",
        "target": {"description": "d", "age": ["18-24"], "gender": ["female"],
                   "country": ["IE"], "city": ["Dublin"]},
    },
    "case-study": {
        "brand": "Brand", "date": "2026-03-03", "fee": 100,
        "deliverables": [{"item": "A video"}],
        "posts": [{"url": "https://www.tiktok.com/@trial/video/7611889043718342913",
                   "title": "t", "source": "s", "views": 10}],
        "results": {"source": "s", "sales": 1},
    },
}

#: Text fields that still have a validator: a handle is one word on TikTok and Instagram, and
#: never a link.
VALIDATED_TEXT = {"profile: platforms{}.handle"}

_SHAPES = {
    "colour": r"#([0-9a-f]{3}|[0-9a-f]{6})",
    "font": r"[A-Za-z0-9][A-Za-z0-9 _-]{0,59}",
    "currency": r"[A-Z]{3}",
    "locale": r"[a-z]{2,3}(_[A-Za-z0-9]+)*",
    "timezone": r"[A-Za-z0-9_+-]+(/[A-Za-z0-9_+-]+)*",
    "language": r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*",
    "hostname": r"[a-z0-9-]+(\.[a-z0-9-]+)+",
    "email": r"[^\s<>\"'`]+@[^\s<>\"'`]+",
}


def validated_fields() -> list[str]:
    fields = schema_walk.all_fields()
    return sorted(name for name, kind in fields.items()
                  if kind != "text" or name in VALIDATED_TEXT or name in canaries.NOT_TEXT)


def _concrete(data: dict[str, Any], pattern: str) -> tuple[Any, ...]:
    """The first concrete key path for ``pattern`` in ``data`` (lists and mappings made
    non-empty as needed); ``("key", k)`` at the end means "rename the key k"."""
    return next(canaries._concrete(data, canaries._tokens(pattern)))


def _validate(schema: str, data: dict[str, Any]) -> BaseModel | ConfigError:
    model = schema_walk.SCHEMAS[schema]
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        words = WORDING if schema == "profile" else frontmatter.WORDING
        shown = "content/profile.yaml" if schema == "profile" else f"content/{schema}/trial.md"
        return first_problem(exc, shown, {}, words)


def _kept(model: BaseModel, where: tuple[Any, ...]) -> Any:
    value: Any = model
    for key in where:
        if isinstance(key, tuple):
            return key
        value = value[key] if isinstance(value, (list, dict)) else getattr(value, key)
    return value


def _neutral(kind: str, name: str, value: Any) -> bool:
    """Whether an accepted value can only ever print as data."""
    if kind in _SHAPES:
        return re.fullmatch(_SHAPES[kind], str(value)) is not None
    if kind == "url":
        text = str(value)
        return (urlsplit(text).scheme.lower() in ("http", "https", "mailto")
                and not hostile.url_scheme_danger(text)
                and not re.search(r"[\x00-\x20\x7f]", text))
    if kind == "path":
        text = str(value)
        published = asset_path(text)
        return (not re.match(r"[A-Za-z][A-Za-z0-9+.-]*:|[/~]", text)
                and ".." not in text.split("/") and published.startswith("assets/"))
    if name in VALIDATED_TEXT:
        return True  # free text once accepted: rendered, escaped, by test_payload_rounds.py
    return not isinstance(value, str)  # numbers, dates, booleans


def test_the_validated_fields_are_found_in_the_schemas() -> None:
    fields = validated_fields()
    for name in ("profile: colors.primary", "profile: font", "profile: locale",
                 "profile: timezone", "profile: site.language", "profile: rates[].currency",
                 "profile: contact.email", "profile: contact.links[].url", "profile: avatar",
                 "profile: partners[].logo", "profile: platforms{}.handle",
                 "profile: site.custom_domain", "pitch: logo", "pitch: currency",
                 "case-study: posts[].url", "pitch: sections[]"):
        assert name in fields
    assert len(fields) >= 50


@pytest.mark.parametrize("name", validated_fields())
def test_every_payload_is_refused_in_one_line_or_neutralised(name: str,
                                                             corpus: list[str]) -> None:
    schema, pattern = name.split(": ", 1)
    kind = schema_walk.all_fields()[name]
    base = copy.deepcopy(MINIMAL[schema])
    where = _concrete(base, pattern)
    assert not isinstance(_validate(schema, base), ConfigError), "the trial itself is valid"
    shown = frontmatter.dotted(tuple(k for k in where if not isinstance(k, tuple)))
    refused = accepted = 0
    bad = []
    for payload in corpus:
        data = copy.deepcopy(base)
        canaries._set(data, where, payload)
        result = _validate(schema, data)
        if isinstance(result, ConfigError):
            refused += 1
            message = str(result)
            if "\n" in message or "\r" in message or shown not in message:
                bad.append(f"refused {payload!r} with {message!r}")
        else:
            accepted += 1
            kept = _kept(result, where)
            if not _neutral(kind, name, kept):
                bad.append(f"accepted {payload!r} as {kept!r}")
    assert bad == [], f"{name} ({kind}): {len(bad)} of {len(corpus)} payloads\n" + "\n".join(
        bad[:20])
    assert refused + accepted == len(corpus)
    if kind in ("colour", "font", "currency", "locale", "timezone", "language", "hostname") or \
            name in canaries.NOT_TEXT:
        assert accepted == 0 or kind in ("font",), f"{name} accepted {accepted} payloads"


def test_a_refusal_names_the_file(tmp_path: Path) -> None:
    """The fast path above builds the message as load_profile does: the same words."""
    from mediakit.project.profile import load_profile

    path = tmp_path / "profile.yaml"
    path.write_text('{"name": "T", "platforms": {"tiktok": {"handle": "@t"}}, '
                    '"colors": {"primary": "red;}</style><script>"}}', "utf-8")
    with pytest.raises(ConfigError) as caught:
        load_profile(path)
    data = {"name": "T", "platforms": {"tiktok": {"handle": "@t"}},
            "colors": {"primary": "red;}</style><script>"}}
    fast = _validate("profile", data)
    assert isinstance(fast, ConfigError)
    assert fast.message == caught.value.message and "colors.primary" in str(fast)
