"""The Report: every number the site shows, already computed, as plain values.

Templates and charts read only this: no pandas arithmetic happens after analytics. Series for
charts are small lists of (ISO date, value) pairs so the Report is easy to serialise and compare.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True)
class Post:
    post_id: str
    url: str | None
    title: str
    posted_at: str | None  # ISO date
    views: int | None
    likes: int | None
    comments: int | None
    shares: int | None
    engagement_rate: float | None  # per view


@dataclass(frozen=True)
class AudienceSplit:
    dimension: str  # gender, age, country, city
    shares: dict[str, float]
    source: str  # the export file name, or the creator's note for self-reported figures
    self_reported: bool


@dataclass
class PlatformReport:
    platform: str
    handle: str
    url: str | None
    followers: int | None = None
    followers_change_30d: int | None = None
    views_30d: int | None = None
    profile_views_30d: int | None = None
    median_views: float | None = None
    mean_views: float | None = None
    posts_counted: int = 0  # posts with a view count (the median's sample)
    posts_known: int = 0  # every post known, with or without a view count
    engagement_rate_per_view: float | None = None
    audience: list[AudienceSplit] = field(default_factory=list)
    top_posts: list[Post] = field(default_factory=list)
    best_posting_hours: list[int] = field(default_factory=list)
    activity_by_hour: list[float] = field(default_factory=list)  # mean active followers, 0..23
    followers_series: list[tuple[str, int]] = field(default_factory=list)
    views_series: list[tuple[str, int]] = field(default_factory=list)
    first_date: str | None = None
    last_date: str | None = None
    sources: list[dict[str, Any]] = field(default_factory=list)

    def split(self, dimension: str) -> AudienceSplit | None:
        """The audience split for one dimension, if known."""
        for item in self.audience:
            if item.dimension == dimension:
                return item
        return None


@dataclass
class Report:
    as_of: date
    platforms: dict[str, PlatformReport]
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready values (dates as ISO strings)."""
        data = asdict(self)
        data["as_of"] = self.as_of.isoformat()
        return data
