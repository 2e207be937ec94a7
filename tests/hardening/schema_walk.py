"""Every field of the profile and of the pitch and case-study headers, read from their schemas.

The canary tests (test_canaries.py) give each field listed here a marker of its own; walking the
pydantic models instead of typing the list means a field added to ``mediakit/project/profile.py``,
``field_types.py``, ``site/pitches.py`` or ``site/casestudies.py`` shows up here by itself, and
the tests fail naming it until someone says where the field is rendered (or why it is not).

A field is named by a pattern: ``rates[].notes`` (any element of a list),
``platforms{}.handle`` (the value under any key of a mapping), ``audience{}{}.shares{key}`` (the
keys of a mapping themselves, when the creator writes them).
"""

from __future__ import annotations

import types
import typing
from datetime import date
from typing import Annotated, Any, get_args, get_origin

from pydantic import BaseModel

from mediakit.project.profile import Profile
from mediakit.site.casestudies import CaseStudyHeader
from mediakit.site.pitches import PitchHeader

#: The validator a field's type carries -> the kind of value it takes.
VALIDATOR_KINDS = {
    "_text": "text", "_url": "url", "_contact_url": "url", "_base_url": "url",
    "_relative_path": "path", "_email": "email", "_colour": "colour", "_font": "font",
    "_currency": "currency", "_locale": "locale", "_timezone": "timezone",
    "_hostname": "hostname", "_language": "language", "_strict_date": "date",
    "_percent": "number",
}

SCHEMAS: dict[str, type[BaseModel]] = {
    "profile": Profile, "pitch": PitchHeader, "case-study": CaseStudyHeader,
}


def _kind_of_leaf(annotation: Any, metadata: list[Any]) -> str:
    for item in metadata:
        func = getattr(item, "func", None)
        if func is not None:
            return VALIDATOR_KINDS.get(func.__name__, func.__name__)
    if annotation is str:
        return "text"
    if annotation is bool:
        return "bool"
    if annotation in (int, float):
        return "number"
    if annotation is date:
        return "date"
    raise AssertionError(f"schema_walk does not know the type {annotation!r}")


def _walk(annotation: Any, metadata: list[Any], path: str) -> typing.Iterator[tuple[str, str]]:
    origin = get_origin(annotation)
    if origin is Annotated:
        base, *more = get_args(annotation)
        yield from _walk(base, [*metadata, *more], path)
    elif origin in (typing.Union, types.UnionType):
        options = [arg for arg in get_args(annotation) if arg is not type(None)]
        assert len(options) == 1, f"{path}: a union of {options}"
        yield from _walk(options[0], metadata, path)
    elif origin is list:
        yield from _walk(get_args(annotation)[0], [], path + "[]")
    elif origin is dict:
        key, value = get_args(annotation)
        yield path + "{key}", _kind_of_leaf(key, [])
        yield from _walk(value, [], path + "{}")
    elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield from fields(annotation, path + ".")
    else:
        yield path, _kind_of_leaf(annotation, metadata)


def fields(model: type[BaseModel], prefix: str = "") -> typing.Iterator[tuple[str, str]]:
    """(pattern, kind) for every leaf of ``model``: kind is text, url, path, number, date..."""
    for name, info in model.model_fields.items():
        yield from _walk(info.annotation, list(info.metadata), prefix + name)


def all_fields() -> dict[str, str]:
    """``"profile: rates[].notes" -> "text"`` for the profile and both headers."""
    return {f"{schema}: {pattern}": kind for schema, model in SCHEMAS.items()
            for pattern, kind in fields(model)}
