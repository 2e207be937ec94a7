"""The small sections a profile is made of (colours, links, rates, partners, photos…).

Apart from profile.py so the schema's top level stays readable; ``StrictModel`` is the base of
every section, the profile itself and ROSTER.yaml's group: frozen, no unknown keys (each one
named with the closest known key), and a blank value means "use the default".
"""

from __future__ import annotations

import difflib
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from mediakit.project.field_types import (
    Colour,
    ContactUrl,
    Currency,
    Day,
    Email,
    RelativePath,
    Share,
    Text,
    Url,
    fail,
)

PLATFORMS = ("tiktok", "instagram", "youtube")


def did_you_mean(word: str, choices: tuple[str, ...] | list[str]) -> str:
    """"did you mean 'tiktok'?" for a near miss, else the list of what is allowed."""
    lowered = {choice.lower(): choice for choice in choices}
    key = word.lower().replace("-", "_").strip()
    close = [key] if key in lowered else difflib.get_close_matches(key, list(lowered), n=1)
    if close:
        return f"did you mean '{lowered[close[0]]}'?"
    return "allowed here: " + ", ".join(choices)


class StrictModel(BaseModel):
    """Frozen, no extra keys; a blank value (``key:``) means "use the default"."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    @model_validator(mode="before")
    @classmethod
    def _known_keys_only(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        for key in data:
            if key not in cls.model_fields:
                fail(f"unknown key '{key}'", hint=did_you_mean(str(key), list(cls.model_fields)),
                     at=(key,))
        return {key: value for key, value in data.items() if value is not None}


class Colors(StrictModel):
    primary: Colour = "#1e293b"
    accent: Colour = "#2563eb"


class Link(StrictModel):
    label: Text
    url: ContactUrl


class Contact(StrictModel):
    email: Email | None = None
    links: list[Link] = []


class PlatformConfig(StrictModel):
    handle: Text
    url: Url | None = None
    data: RelativePath | None = None
    exported_on: Day | None = None


class Rate(StrictModel):
    deliverable: Text
    platform: str | None = None
    price: Annotated[float, Field(ge=0, allow_inf_nan=False)]
    currency: Currency = "USD"
    notes: str | None = None

    @field_validator("platform")
    @classmethod
    def _known_platform(cls, value: str) -> str:
        if value not in PLATFORMS:
            fail(f"unknown platform '{value}'", hint=did_you_mean(value, PLATFORMS))
        return value


class Partner(StrictModel):
    name: Text
    url: Url | None = None
    logo: RelativePath | None = None
    year: Annotated[int, Field(ge=1900, le=2100)] | None = None


class Photo(StrictModel):
    """A photo of the creator (the hero's cover, a press photo): the file and what it shows."""

    file: RelativePath
    alt: Text  # required: a screen reader says it, and a brand reads it if the picture fails


class Testimonial(StrictModel):
    quote: Text
    author: Text
    role: str | None = None


class SelfReported(StrictModel):
    source: Text
    shares: dict[str, Share]

    @field_validator("shares")
    @classmethod
    def _shares_add_up(cls, shares: dict[str, float]) -> dict[str, float]:
        if not shares:
            fail("needs at least one segment", hint='e.g. {"18-24": 0.41, "25-34": 0.33}')
        total = sum(shares.values())
        if round(total, 9) > 1.001:  # 0.334 + 0.334 + 0.333 is 1.0010000000000001 in floats
            fail(f"the shares add up to {round(total, 4):g} ({round(total * 100, 2):g}%), "
                 "more than 1 (100%)",
                 hint="each share is a fraction of the audience: 41% is 0.41")
        return shares
