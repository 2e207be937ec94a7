"""ROSTER.yaml and what each creator's build hands back: the roster's plain data.

Its own module so that the index page and the workers share these types without importing each
other (the index imports the model, the builder imports both).
"""

from __future__ import annotations

import glob
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from mediakit.errors import ConfigError
from mediakit.project.field_types import BaseUrl, RelativePath, Text, fail
from mediakit.project.profile_sections import Colors, Contact, Link, Rate, StrictModel


class Branding(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    tagline: str | None = None
    primary: str = "#1e293b"
    accent: str = "#2563eb"

    @field_validator("primary", "accent")
    @classmethod
    def _hex(cls, value: str) -> str:
        if not re.fullmatch(r"#(?:[0-9a-fA-F]{3}){1,2}", value):
            raise ValueError(f"must be a colour like #1f3a5f, got {value!r}")
        return value.lower()


class Group(StrictModel):
    """``group:`` in ROSTER.yaml: the roster is one collective pitching as one (docs/groups.md).

    The same checked types as a creator's profile (links, colours, rates, paths), so a group's
    fields are as safe as a kit's: ``logo`` and ``about_page`` are files beside ROSTER.yaml.
    """

    name: Text
    tagline: str | None = None
    logo: RelativePath | None = None
    colors: Colors = Colors()
    links: list[Link] = []  # the group's own socials and site
    contact: Contact = Contact()
    rates: list[Rate] = []  # group deals and packages
    about: str | None = None  # Markdown
    about_page: RelativePath | None = None  # or a Markdown file
    base_url: BaseUrl | None = None  # where the group kit lives: link previews need it

    @model_validator(mode="after")
    def _one_about(self) -> Group:
        if self.about and self.about_page:
            fail("give either about: or about_page:, not both", at=("about_page",))
        return self


class RosterFile(BaseModel):
    """ROSTER.yaml: the agency's name, optional branding, and the creators' project folders."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    name: str = Field(min_length=1)
    branding: Branding = Branding()
    creators: list[str] = Field(min_length=1)
    group: Group | None = None


@dataclass(frozen=True)
class Creator:
    slug: str
    project_dir: Path


@dataclass
class Outcome:
    """What one creator's build gave back to the writer (picklable: plain values and bytes)."""

    slug: str
    project_dir: Path
    files: dict[str, bytes] = field(default_factory=dict)
    history: dict[str, bytes] = field(default_factory=dict)
    summary: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    error: str | None = None
    #: the age split per platform (exported, not self-reported): a group page weighs it, and
    #: stats.json has no age, so it travels beside the summary
    ages: dict[str, dict[str, float]] = field(default_factory=dict)


@dataclass
class RosterResult:
    out_dir: Path
    outcomes: list[Outcome]

    @property
    def failed(self) -> list[Outcome]:
        return [outcome for outcome in self.outcomes if outcome.error]


def load_roster(path: Path) -> tuple[RosterFile, list[Creator]]:
    """Read ROSTER.yaml and expand its folders and globs (relative to the roster file)."""
    from mediakit.project.yaml_lines import load_yaml_model

    if not path.is_file():
        raise ConfigError("roster file not found", file=path,
                          hint="write a ROSTER.yaml with name: and creators:")
    roster = load_yaml_model(path, RosterFile)
    base = path.parent
    folders: list[Path] = []
    for index, pattern in enumerate(roster.creators):
        if Path(pattern).is_absolute():
            matches = sorted(glob.glob(pattern))
        else:
            matches = sorted(glob.glob(str(base / pattern)))
        projects = [Path(m) for m in matches if (Path(m) / "content" / "profile.yaml").is_file()]
        if not projects:
            raise ConfigError(
                f"no creator project matches {pattern!r}", file=path, field=f"creators[{index}]",
                hint="each creator is a folder holding content/profile.yaml",
            )
        folders.extend(p for p in projects if p.resolve() not in {f.resolve() for f in folders})
    return roster, assign_slugs(folders)


def assign_slugs(folders: list[Path]) -> list[Creator]:
    """URL-safe, unique slugs from folder names (a clash gets -2, -3 in path order)."""
    creators: list[Creator] = []
    taken: set[str] = set()
    for folder in sorted(folders, key=lambda p: str(p.resolve())):
        base = re.sub(r"[^a-z0-9]+", "-", folder.resolve().name.lower()).strip("-") or "creator"
        slug, number = base, 2
        while slug in taken or slug in ("assets", "index"):
            slug, number = f"{base}-{number}", number + 1
        taken.add(slug)
        creators.append(Creator(slug, folder))
    return creators


