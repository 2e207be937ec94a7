"""How commands print: warnings on stderr, and rich output that stays plain off a terminal."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from mediakit.errors import printable

if TYPE_CHECKING:  # rich costs 50 ms to import: only when something is printed
    from rich.console import Console


def warn(text: str) -> None:
    """One warning on stderr; what it quotes from the user's files cannot act on the terminal."""
    click.secho(f"Warning: {printable(text)}", fg="yellow", err=True)


def note(text: str) -> None:
    """A friendly remark on stdout (e.g. "this is demo data"): worth reading, nothing to fix."""
    click.secho(f"Note: {printable(text)}", fg="cyan")


def console(stderr: bool = False) -> Console:
    """Rich output that stays plain (no colour, no wrapping) when not on a terminal."""
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=True, emoji=False)
