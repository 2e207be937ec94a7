"""One exception family for everything a user can get wrong.

Every error the user can cause (a bad profile value, an unreadable export, an unsafe path) is a
``MediakitError``: the CLI prints ``str(error)`` as one line and exits with status 2. Anything
else escaping the pipeline is a bug in mediakit, not in the user's files.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

# Bidi embeddings, overrides and isolates: they reorder how the rest of a line is displayed.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


class MediakitError(Exception):
    """A problem in the user's input, told in the user's words.

    ``file``, ``line`` (1-based line or data row), ``field`` (key or column) and ``hint`` (how to
    fix it) are all optional; ``str()`` joins what is known into one line such as
    ``content/profile.yaml:7: rates[0].price: must be a number, got 'lots' (write a plain number)``.
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | Path | None = None,
        line: int | None = None,
        field: str | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.file = str(file) if file is not None else None
        self.line = line
        self.field = field
        self.hint = hint

    def __str__(self) -> str:
        where = ""
        if self.file:
            where = self.file
            if self.line is not None:
                where += f":{self.line}"
            where += ": "
        field = f"{self.field}: " if self.field else ""
        hint = f" ({self.hint})" if self.hint else ""
        text = f"{where}{field}{self.message}{hint}"
        return " ".join(printable(text).split())  # always one line


def printable(text: str) -> str:
    """``text`` with every character that could act on a terminal written as an escape.

    Messages quote the user's files (a column name, a YAML key, a cell), and those may hold an
    escape sequence (``\\x1b[2J`` clears the screen), a carriage return that overwrites the
    start of the line, or a bidi override that shows the rest of the line reversed. Control
    characters (C0, DEL, C1), bidi controls and half characters (lone surrogates, which cannot
    even be printed) become ``\\xNN`` or ``\\uNNNN``; letters in any script, emoji (with
    their zero-width joiners) and accents stay as typed.
    """
    if text.isprintable():  # the usual case, decided in C
        return text
    return "".join(_escaped(char) for char in text)


def _escaped(char: str) -> str:
    if char in _BIDI_CONTROLS or unicodedata.category(char) in ("Cc", "Cs"):
        code = ord(char)
        return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"
    return char


class ConfigError(MediakitError):
    """The profile (content/profile.yaml) is missing, malformed or has a bad value."""


class SourceError(MediakitError):
    """An export file cannot be read or does not look like any known export."""


class UnsafePathError(MediakitError):
    """A path points outside the project (``..``, absolute, or a symlink leading out)."""


class OutputError(MediakitError):
    """The output folder cannot be written safely (e.g. it is not ours to replace)."""


class LiveError(MediakitError):
    """A platform's API refused or failed (``mediakit auth`` / ``pull``): one line, what to do.

    The message names the platform and never quotes a token (see :mod:`mediakit.live.http`).
    """
