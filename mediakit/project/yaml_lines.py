"""Reading a small YAML file (the profile, a roster) into plain values, with each key's line.

Why this reads YAML *events* instead of calling ``yaml.safe_load``: YAML 1.1 turns ``NO``
into ``False``, ``012345`` into ``5349`` and ``1.10`` into ``1.1``, which silently mangles names,
handles and taglines. Here every scalar stays the text the creator typed; pydantic (lax mode) then
turns text into a number, a yes/no or a date only where the schema asks for one. Building values
from the event stream (never constructing Python objects from tags) also lets us remember the line
of every key, refuse duplicate keys, and avoid the C composer's recursion on absurdly deep input.
``load_yaml_model`` then validates those values and tells the first problem as one ConfigError
naming the file, line and key (validation_errors.py words it).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from mediakit.errors import ConfigError
from mediakit.project.validation_errors import (
    NUMBER_HINT,
    Where,
    Wording,
    dotted,
    first_problem,
    kind_of,
)

__all__ = ["WORDING", "load_yaml_model"]

_MAX_BYTES = 1_000_000
_MAX_DEPTH = 40
_MAX_VALUES = 100_000


_M = TypeVar("_M", bound=BaseModel)


def load_yaml_model(path: Path, model: type[_M]) -> _M:
    """A YAML file validated by a pydantic model; any problem is one ConfigError at its line.

    The profile and rosters (and other small YAML files) get the same guarantees: strings stay
    strings, duplicate keys are refused, and every error names the file, line and key.
    """
    text = _read_text(path)
    data, lines = _parse_yaml(text, path)
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise first_problem(exc, path, lines, WORDING) from None


def read_with_lines(path: Path) -> tuple[dict, dict[Where, int]]:
    """The file's plain values (every scalar still the text the creator typed) and key lines.

    For questions a schema cannot ask: ``1.250`` as a price is valid, but was it meant as 1250?
    """
    return parse_with_lines(_read_text(path), path)


def parse_with_lines(text: str, path: Path) -> tuple[dict, dict[Where, int]]:
    """The same from text already in memory (``path`` names it in errors)."""
    return _parse_yaml(text, path)


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

    def __init__(self, value: dict | list, path: Where, anchor: str | None) -> None:
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
        self.lines: dict[Where, int] = {}
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.stack: list[_Open] = []
        self.root: list[Any] = []
        self.total = 0

    def problem(self, message: str, line: int, hint: str | None = None,
                at: Where | None = None) -> ConfigError:
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
        where: Where = ()
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


def _parse_yaml(text: str, path: Path) -> tuple[dict, dict[Where, int]]:
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

# The profile's and rosters' words; pitches and case studies have their own (frontmatter.py).
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
