"""Who the audience is: the latest exported split per dimension, plus self-reported figures,
and how much of it falls inside a brand's target ("women 18–24 in the US or UK").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from mediakit.analytics.figures import AudienceSplit

ORDER_LAST = ("other", "others", "unknown")

# Words a brief may use for a gender segment -> the canonical segment the exports use.
GENDER_WORDS = {
    "female": "female", "women": "female", "woman": "female", "f": "female",
    "male": "male", "men": "male", "man": "male", "m": "male",
    "other": "other", "non-binary": "other", "nonbinary": "other",
}
# Country names a brief may use that are not ISO alpha-2 codes.
COUNTRY_ALIASES = {"UK": "GB", "USA": "US", "UAE": "AE"}
_AGE = re.compile(r"^\s*(\d{1,3})\s*(?:[-–]\s*(\d{1,3})|(\+))\s*$")
OPEN_AGE_END = 100  # "45+" is read as 45-99 when a target range cuts through it


def latest_split(audience: pd.DataFrame, dimension: str) -> tuple[dict[str, float], str | None]:
    """Shares of the newest snapshot of ``dimension``, largest first, "other" last.

    Returns ``(shares, source)``; empty dict and None when the export has no such dimension.
    """
    rows = audience[audience["dimension"] == dimension]
    if rows.empty:
        return {}, None
    newest = rows["as_of"].max()
    rows = rows[rows["as_of"] == newest] if pd.notna(newest) else rows
    rows = rows.dropna(subset=["share"])
    ordered = sorted(
        zip(rows["segment"], rows["share"].astype(float), strict=True),
        key=lambda item: (item[0].lower() in ORDER_LAST, -item[1], item[0]),
    )
    source = str(rows["source"].iloc[0]) if len(rows) and pd.notna(rows["source"].iloc[0]) else None
    return {segment: share for segment, share in ordered}, source


@dataclass(frozen=True)
class AudienceMatch:
    share: float | None  # estimated share of the audience inside the target, 0..1
    parts: dict[str, float]  # per dimension: share of the audience in the target's segments
    missing: list[str]  # target dimensions the data does not cover
    assumption: str  # e.g. "dimensions treated as independent"


def _age_range(text: str) -> tuple[int, int] | None:
    """"18-24" -> (18, 25); "45+" -> (45, 100): half-open ranges of whole years."""
    found = _AGE.match(text)
    if not found:
        return None
    low = int(found.group(1))
    high = OPEN_AGE_END if found.group(3) else int(found.group(2)) + 1
    return (low, high) if high > low else None


def _age_part(shares: dict[str, float], wanted: list[str]) -> tuple[float, bool]:
    """Share of the audience in the wanted age ranges; True when a segment was split in part.

    A segment partly inside the target counts in proportion to the years it shares with it
    (ages spread evenly inside a segment): 25-34 with a target of 18-29 counts 5/10 of its share.
    """
    targets = [r for r in (_age_range(text) for text in wanted) if r is not None]
    total, partial = 0.0, False
    for segment, share in shares.items():
        span = _age_range(segment)
        if span is None:
            continue
        covered = sum(max(0, min(span[1], hi) - max(span[0], lo)) for lo, hi in targets)
        covered = min(covered, span[1] - span[0])
        if covered == span[1] - span[0]:
            total += share
        elif covered > 0:
            total += share * covered / (span[1] - span[0])
            partial = True
    return total, partial


def _segment_key(dimension: str, segment: str) -> str:
    text = segment.strip()
    if dimension == "gender":
        return GENDER_WORDS.get(text.lower(), text.lower())
    if dimension == "country":
        upper = text.upper()
        return COUNTRY_ALIASES.get(upper, upper)
    return text.casefold()


def match(splits: list[AudienceSplit], target: dict[str, list[str]]) -> AudienceMatch:
    """The share of the audience inside ``target``, e.g. {"gender": ["female"], "age": ["18-24"]}.

    Each dimension's part is the sum of the shares of the target's segments ("other" buckets never
    match). Platforms export each dimension separately, so the parts are multiplied as if the
    dimensions were independent; a dimension the data lacks is listed in ``missing`` and left out
    of the product (the estimate is then an upper bound, and the assumption says so).
    """
    by_dimension = {split.dimension: split for split in splits}
    parts: dict[str, float] = {}
    missing: list[str] = []
    partial_age = False
    for dimension, wanted in target.items():
        split = by_dimension.get(dimension)
        if split is None or not split.shares or not wanted:
            missing.append(dimension)
            continue
        if dimension == "age":
            part, partial_age = _age_part(split.shares, wanted)
        else:
            keys = {_segment_key(dimension, text) for text in wanted}
            part = sum(
                share for segment, share in split.shares.items()
                if segment.strip().lower() not in ORDER_LAST
                and _segment_key(dimension, segment) in keys
            )
        parts[dimension] = min(max(part, 0.0), 1.0)
    share: float | None = None
    if parts:
        share = 1.0
        for part in parts.values():
            share *= part
    notes = ["dimensions treated as independent"]
    if partial_age:
        notes.append("age segments cut by the target counted in proportion to their years")
    if missing and parts:
        notes.append("upper bound: no data for " + ", ".join(missing))
    self_reported = sorted(d for d in parts if by_dimension[d].self_reported)
    if self_reported:
        notes.append("self-reported by the creator: " + ", ".join(self_reported))
    return AudienceMatch(share, parts, missing, "; ".join(notes))
