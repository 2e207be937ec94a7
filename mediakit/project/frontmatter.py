"""Markdown files with a YAML header (pitches, case studies): split, parse, validate.

The header is loaded safely (PyYAML's SafeLoader composes nodes; no Python object is ever built
from a tag) and every scalar stays the text the creator typed: ``brand: NO`` is the brand "NO",
not ``False``. Pydantic then turns text into numbers and dates only where a model asks for one.
Keeping the composed nodes also gives each key its line, so a bad value is reported as
``content/pitches/liffey.md:7: price: must be a number, got 'lots'``.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Annotated, Any, NoReturn, TypeVar

import yaml
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    model_validator,
)
from pydantic_core import PydanticCustomError

from mediakit.errors import ConfigError
from mediakit.project.limits import check_markdown_size
from mediakit.project.validation_errors import (
    NUMBER_HINT,
    Where,
    Wording,
    dotted,
    first_problem,
    short,
)

MAX_HEADER_BYTES = 64_000
MAX_VALUES = 10_000
_NULLS = ("", "~", "null", "Null", "NULL")
_FENCE = re.compile(r"^(---|\.\.\.)[ \t]*$")
ModelT = TypeVar("ModelT", bound=BaseModel)


@dataclass(frozen=True)
class Document:
    """One Markdown file: its header as plain values, each key's line, and the body."""

    path: Path  # as shown in messages, e.g. content/pitches/liffey-audio.md
    data: dict[str, Any]
    lines: dict[Where, int]
    body: str


def fail(message: str, *, hint: str | None = None, at: Where = ()) -> NoReturn:
    """Raise from a validator; ``parse_model`` reports it word for word at the key's line."""
    raise PydanticCustomError("mediakit", "{message}", {"message": message, "hint": hint, "at": at})


class HeaderModel(BaseModel):
    """Frozen, no unknown keys (with a "did you mean"); a blank value means the default."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    @model_validator(mode="before")
    @classmethod
    def _known_keys_only(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        for key in data:
            if key not in cls.model_fields:
                close = difflib.get_close_matches(str(key).lower(), list(cls.model_fields), n=1)
                hint = (f"did you mean '{close[0]}'?" if close
                        else "allowed here: " + ", ".join(cls.model_fields))
                fail(f"unknown key '{key}'", hint=hint, at=(key,))
        return {key: value for key, value in data.items() if value is not None}


def _text(value: str) -> str:
    value = value.strip()
    if not value:
        fail("must not be empty")
    return value


def _currency(value: str) -> str:
    from babel.numbers import list_currencies  # slow to import: only when a header has money

    code = value.strip().upper()
    if not (re.fullmatch(r"[A-Z]{3}", code) and code in list_currencies()):
        fail(f"unknown currency '{short(value)}'",
             hint="use a 3-letter code such as EUR, USD or GBP")
    return code


Text = Annotated[str, AfterValidator(_text)]
Currency = Annotated[str, AfterValidator(_currency)]
Money = Annotated[float, Field(ge=0, allow_inf_nan=False)]
Count = Annotated[int, Field(ge=0)]


class Deliverable(HeaderModel):
    """One thing the creator makes: "2 TikTok videos", or {item: ..., quantity: 2, notes: ...}."""

    item: Text
    quantity: Annotated[int, Field(ge=1)] = 1
    notes: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, data: Any) -> Any:
        return {"item": data} if isinstance(data, str) else data


def read(path: Path, shown_as: str) -> Document:
    """Read a Markdown file with a ``---`` header; ``shown_as`` names it in error messages."""
    check_markdown_size(path, shown_as=shown_as)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"cannot be read ({exc.strerror or exc})", file=shown_as) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ConfigError("is not UTF-8 text", file=shown_as, line=line,
                          hint="save the file as UTF-8 in your editor") from None
    return parse(text, shown_as)


def parse(text: str, shown_as: str) -> Document:
    """Split ``text`` into header and body and parse the header."""
    header, body = split(text, shown_as)
    data, lines = parse_header(header, shown_as, first_line=2)
    return Document(Path(shown_as), data, lines, body)


def split(text: str, shown_as: str) -> tuple[str, str]:
    """(header, body): the header sits between a first line ``---`` and the next ``---``."""
    rows = text.splitlines(keepends=True)
    if not rows or rows[0].strip() != "---":
        raise ConfigError("must start with a '---' line, then the details, then '---'",
                          file=shown_as, line=1,
                          hint="copy the top of one of the demo files in content/")
    for index, row in enumerate(rows[1:], start=1):
        if _FENCE.match(row.rstrip("\r\n")):
            return "".join(rows[1:index]), "".join(rows[index + 1:])
    raise ConfigError("the details at the top are never closed with a '---' line",
                      file=shown_as, line=1, hint="add a line with only --- after the details")


def parse_header(text: str, shown_as: str, first_line: int = 1) -> tuple[dict, dict[Where, int]]:
    """Plain values (every scalar a string; blank ones None) and the line of each key."""
    if len(text.encode("utf-8")) > MAX_HEADER_BYTES:
        raise ConfigError("the details at the top are too long (over 64 KB)", file=shown_as,
                          line=first_line)
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = first_line + (mark.line if mark is not None else 0)
        problem = str(getattr(exc, "problem", None) or "it cannot be read").split("\n")[0]
        hint = "check the quotes, colons and indentation on this line"
        if "mapping values are not allowed" in problem:
            hint = 'if a value contains ": ", put it in quotes, e.g. brand: "Liffey: Audio"'
        elif "cannot start any token" in problem:
            hint = 'put the value in quotes, e.g. handle: "@name"'
        raise ConfigError(f"is not valid YAML: {problem}", file=shown_as, line=line,
                          hint=hint) from None
    except RecursionError:
        raise ConfigError("the details at the top are nested too deeply", file=shown_as,
                          line=first_line) from None
    if node is None:
        return {}, {}
    builder = _Builder(shown_as, first_line)
    data = builder.value(node, ())
    if not isinstance(data, dict):
        raise ConfigError("the details at the top must be 'key: value' lines", file=shown_as,
                          line=first_line, hint="start with brand: Brand Name")
    return data, builder.lines


class _Builder:
    """Composed YAML nodes -> plain values, remembering lines and counting aliased values."""

    def __init__(self, shown_as: str, first_line: int) -> None:
        self.shown_as = shown_as
        self.first_line = first_line
        self.lines: dict[Where, int] = {}
        self.count = 0

    def line(self, node: yaml.Node) -> int:
        return self.first_line + node.start_mark.line

    def text(self, node: yaml.ScalarNode) -> str:
        """A scalar's text; "\\ud800" (half a character) would crash every later step."""
        try:
            node.value.encode("utf-8")
        except UnicodeEncodeError:
            raise ConfigError("has a \\u escape that is not a character", file=self.shown_as,
                              line=self.line(node), hint="write the character itself") from None
        return node.value

    def value(self, node: yaml.Node, where: Where, depth: int = 0) -> Any:
        self.count += 1
        if self.count > MAX_VALUES or depth > 30:
            raise ConfigError("the details at the top are too large or too deeply nested",
                              file=self.shown_as, line=self.line(node))
        self.lines.setdefault(where, self.line(node))
        if isinstance(node, yaml.ScalarNode):
            self.text(node)
            blank = node.style is None and node.value in _NULLS
            return None if blank else node.value
        if isinstance(node, yaml.SequenceNode):
            return [self.value(item, (*where, i), depth + 1) for i, item in enumerate(node.value)]
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise ConfigError("a key must be a plain word", file=self.shown_as,
                                  line=self.line(key_node))
            key = self.text(key_node)
            if key == "<<":
                raise ConfigError("YAML merge keys ('<<') are not supported", file=self.shown_as,
                                  line=self.line(key_node), hint="write the keys out in full")
            if key in result:
                raise ConfigError(f"the key '{key}' appears twice", file=self.shown_as,
                                  line=self.line(key_node), field=dotted((*where, key)),
                                  hint="keep only one of them")
            self.lines[(*where, key)] = self.line(key_node)
            result[key] = self.value(value_node, (*where, key), depth + 1)
        return result


def parse_model(model: type[ModelT], document: Document, language: str | None = None) -> ModelT:
    """Validate the header; the first problem (nearest the top) becomes one ConfigError.

    ``language`` is the kit's: the one a per-language field's plain text is taken to be in.
    """
    context = {"language": language} if language is not None else None
    try:
        return model.model_validate(document.data, context=context)
    except ValidationError as exc:
        raise first_problem(exc, str(document.path), document.lines, WORDING) from None


def _strict_date(value: Any) -> Any:
    """Only YYYY-MM-DD: pydantic alone would read 20261117 as seconds since 1970."""
    if isinstance(value, str):
        text = value.strip()
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            try:
                return date.fromisoformat(text)
            except ValueError:
                pass
        fail(f"must be a date like 2026-12-15, got '{short(text)}'", hint="year-month-day")
    return value


Day = Annotated[date, BeforeValidator(_strict_date)]


WORDING = Wording(
    date_example="2026-12-15",
    list_hint="write one '- item' per line",
    number_hint=NUMBER_HINT,
    whole_number_hint="write only digits, e.g. 1240",
    finite_message="must be a number",
)
