"""One exception family for everything a user can get wrong.

Every error the user can cause (a bad profile value, an unreadable export, an unsafe path) is a
``MediakitError``: the CLI prints ``str(error)`` as one line and exits with status 2. Anything
else escaping the pipeline is a bug in mediakit, not in the user's files.
"""

from __future__ import annotations

from pathlib import Path


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
        return " ".join(text.split())  # always one line


class ConfigError(MediakitError):
    """The profile (content/profile.yaml) is missing, malformed or has a bad value."""


class SourceError(MediakitError):
    """An export file cannot be read or does not look like any known export."""


class UnsafePathError(MediakitError):
    """A path points outside the project (``..``, absolute, or a symlink leading out)."""


class OutputError(MediakitError):
    """The output folder cannot be written safely (e.g. it is not ours to replace)."""
