"""Pydantic's validation errors, told to the creator as one ConfigError at the right line.

The profile and rosters (yaml_lines.py) and the headers of pitches and case studies
(frontmatter.py) are YAML checked by pydantic models. Pydantic reports *kinds* of problem
("float_parsing", "missing"...) at a path of keys; this module turns the first one (nearest the
top of the file) into ``file:line: key.path: message (hint)``, the same way for every file. The
few things that differ by file (the example date, the hints) come in a ``Wording``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from mediakit.errors import ConfigError

Where = tuple[str | int, ...]

# Pydantic names the branch of a union it tried ("str", "list[str]", "function-after[...]")
# in an error's path; those are not keys the creator wrote. "[key]" marks a bad dict key. Bare
# type names other than "str" are not matched: "date" is a key of case studies.
_SCHEMA_TAG = re.compile(r"\[key\]|str|[a-z]+(?:-[a-z]+)*\[.*\]")

NUMBER_HINT = "write only the number, e.g. 850 or 850.50, without currency sign or separators"


@dataclass(frozen=True)
class Wording:
    """What a kind of file says in its own words: an example date and the hints."""

    date_example: str  # "must be a date like <this>"
    list_hint: str
    number_hint: str | None = None  # for "must be a number"
    whole_number_hint: str | None = None
    finite_message: str = "must be an ordinary number"  # for inf and nan
    missing_hints: Mapping[str, str] = field(default_factory=dict)  # by the missing key's name
    range_hints: Mapping[str, str] = field(default_factory=dict)  # by a key in the path


def first_problem(exc: ValidationError, file: str | Path, lines: Mapping[Where, int],
                  wording: Wording) -> ConfigError:
    """Pydantic may find several problems; report the one nearest the top of the file."""
    found = [explain(error, file, lines, wording) for error in exc.errors()]
    return min(found, key=lambda err: err.line or 0)


def explain(error: Any, file: str | Path, lines: Mapping[Where, int],
            wording: Wording) -> ConfigError:
    """One pydantic error (an item of ``ValidationError.errors()``) as a ConfigError."""
    kind, ctx, value = error["type"], error.get("ctx") or {}, error.get("input")
    where: Where = tuple(part for part in error["loc"]
                         if not (isinstance(part, str) and _SCHEMA_TAG.fullmatch(part)))
    hint = None
    if kind == "mediakit":  # raised by our own validators, word for word
        where = (*where, *ctx.get("at", ()))
        message, hint = ctx["message"], ctx.get("hint")
    elif kind == "missing":
        message = "must not be empty" if where in lines else "this required key is missing"
        hint = wording.missing_hints.get(str(where[-1])) if where else None
    elif kind == "string_type":
        message = f"must be text, got {kind_of(value)}"
    elif kind in ("float_type", "float_parsing"):
        message, hint = f"must be a number, got {kind_of(value)}", wording.number_hint
    elif kind == "finite_number":
        message, hint = f"{wording.finite_message}, got {kind_of(value)}", wording.number_hint
    elif kind in ("int_type", "int_parsing", "int_from_float"):
        message, hint = f"must be a whole number, got {kind_of(value)}", wording.whole_number_hint
    elif kind in ("bool_type", "bool_parsing"):
        message, hint = f"must be true or false, got {kind_of(value)}", "yes and no work too"
    elif kind.startswith("date"):
        message = f"must be a date like {wording.date_example}, got {kind_of(value)}"
    elif kind == "list_type":
        message, hint = f"must be a list, got {kind_of(value)}", wording.list_hint
    elif kind == "too_short" and isinstance(value, list):
        message = "needs at least one item"
    elif kind in ("dict_type", "model_type", "model_attributes_type"):
        message = f"must be a group of 'key: value' lines, got {kind_of(value)}"
    elif kind in ("greater_than_equal", "greater_than", "less_than_equal"):
        bound = {"greater_than_equal": "at least", "greater_than": "more than",
                 "less_than_equal": "at most"}[kind]
        limit = ctx.get("ge", ctx.get("gt", ctx.get("le")))
        message = f"must be {bound} {limit:g}, got {kind_of(value)}"
        hint = next((text for key, text in wording.range_hints.items() if key in where), None)
    elif kind == "extra_forbidden":
        message = f"unknown key '{where[-1]}'"
    else:
        message = str(error.get("msg", "is not valid"))
    return ConfigError(message, file=file, line=line_of(where, lines), field=dotted(where),
                       hint=hint)


def line_of(where: Where, lines: Mapping[Where, int]) -> int:
    """The line of the deepest key of ``where`` that the file has (1 if none)."""
    for size in range(len(where), -1, -1):
        if where[:size] in lines:
            return lines[where[:size]]
    return 1


def dotted(where: Where) -> str:
    """("deliverables", 1, "price") -> deliverables[1].price"""
    text = ""
    for part in where:
        text += f"[{part}]" if isinstance(part, int) else ("." if text else "") + str(part)
    return text


def short(value: object, limit: int = 40) -> str:
    """A value cut to ``limit`` characters for a message."""
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def kind_of(value: Any) -> str:
    """How a wrong value is quoted: "nothing", "a list", or the text itself."""
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a group of keys"
    if isinstance(value, list):
        return "a list"
    return f"'{short(value)}'"
