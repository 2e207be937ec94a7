"""The Report: every number the site shows, already computed, as plain values.

Templates and charts read only this: no pandas arithmetic happens after analytics. Series for
charts are small lists of (ISO date, value) pairs so the Report is easy to serialise and compare.

Every number that is a rate says what it divides by; every number computed over a window says
which window. ``None`` always means "the data cannot say", never zero: templates print "—".
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from mediakit.analytics.figures import (
    AudienceSplit,
    BenchmarkComparison,
    BestTime,
    Cadence,
    Growth,
    Headline,
    Insight,
    PeriodChange,
    PeriodTotals,
    Post,
    Rate,
    RateAdvice,
    ReachStats,
    Retention,
    Span,
    Virality,
)


@dataclass
class PlatformReport:
    platform: str
    handle: str
    url: str | None
    followers: int | None = None
    followers_change_30d: int | None = None
    views_30d: int | None = None
    views_30d_span: Span | None = None  # the days views_30d really covers (windows.span)
    profile_views_30d: int | None = None
    median_views: float | None = None  # over every post known (see reach.median_views for recent)
    mean_views: float | None = None
    posts_counted: int = 0  # posts with a view count (the median's sample)
    posts_known: int = 0  # every post known, with or without a view count
    engagement_rate_per_view: float | None = None  # views-weighted, over every post known
    posts_rated: int = 0  # posts that entered engagement_rate_per_view (every count known)
    audience: list[AudienceSplit] = field(default_factory=list)
    top_posts: list[Post] = field(default_factory=list)
    best_posting_hours: list[int] = field(default_factory=list)
    activity_by_hour: list[float] = field(default_factory=list)  # mean active followers, 0..23
    followers_series: list[tuple[str, int]] = field(default_factory=list)
    views_series: list[tuple[str, int]] = field(default_factory=list)
    first_date: str | None = None
    last_date: str | None = None
    sources: list[dict[str, Any]] = field(default_factory=list)
    # Provenance (issue 19): the day of the newest API snapshot read (`mediakit pull`) and the
    # newest export's last day, ISO; None when the platform has none of that kind.
    api_pulled: str | None = None
    exported: str | None = None
    # -- added by the analytics core (issue 3); None/empty when the data cannot say --
    # Typical reach over the recent window (last 30 posts or 90 days, whichever holds more):
    # reach.median_views is the number for a headline "typical views per post".
    reach: ReachStats | None = None
    # Engagement rates, each naming its denominator; "per_view" (median method) is the one
    # compared with the benchmark on TikTok/YouTube, "per_follower" on Instagram.
    engagement: list[Rate] = field(default_factory=list)
    # The creator's rate beside the published tier benchmark of the same denominator, or None
    # when no benchmark exists for this platform, tier and denominator.
    benchmark: BenchmarkComparison | None = None
    growth: Growth | None = None  # follower change over 7/30/90/365 days, best days, projection
    top_by_engagement: list[Post] = field(default_factory=list)  # per-view rate, >= 1,000 views
    viral: Virality | None = None  # posts far above the typical views, shown apart
    best_time: BestTime | None = None  # the posting window, heat map, timezone conversion
    insights: list[Insight] = field(default_factory=list)  # lift of median views per feature
    retention: Retention | None = None  # watch time and completion, where the data has them
    cadence: Cadence | None = None  # posts per week, longest gap, consistency
    comparison: list[PeriodChange] = field(default_factory=list)  # last 30 d vs 30 d before
    rates: RateAdvice | None = None  # suggested price range beside the creator's rate card
    self_reported_files: list[str] = field(default_factory=list)  # e.g. posts-extra.csv
    # The platform's own totals for an export's period (YouTube's Total row), newest last.
    period_totals: list[PeriodTotals] = field(default_factory=list)
    # The four numbers every surface leads with (kit, report, pitches, preview, PDF, roster,
    # stats.json "headline"): chosen once by analytics/headline.py from the numbers above.
    headline: Headline | None = None

    def split(self, dimension: str) -> AudienceSplit | None:
        """The audience split for one dimension, if known."""
        for item in self.audience:
            if item.dimension == dimension:
                return item
        return None

    def rate(self, key: str) -> Rate | None:
        """The engagement rate with this key ("per_view", "per_follower", ...), if computed."""
        for item in self.engagement:
            if item.key == key:
                return item
        return None


@dataclass(frozen=True)
class Combined:
    """A cross-platform headline that only adds numbers meaning the same thing everywhere."""

    followers: int | None  # sum over the platforms listed in followers_by_platform
    followers_by_platform: dict[str, int]  # platforms with a known follower count
    views_30d: int | None  # sum of daily video views over 30 days, platforms with daily views
    views_30d_by_platform: dict[str, int]
    left_out: list[tuple[str, str]]  # (platform, why it is missing from a total)


@dataclass(frozen=True)
class Method:
    """The constants and reference tables behind the numbers, for the methodology page."""

    recent_posts: int  # the recent window: last N posts ...
    recent_days: int  # ... or last N days, whichever holds more posts
    viral_multiple: float  # a viral hit has more than this many times the typical views
    best_time_window_hours: int
    insight_min_posts: int  # a feature needs this many posts to be listed at all
    insight_solid_posts: int  # below this a feature is marked "small sample"
    top_engagement_min_views: int
    stale_after_days: int  # `check` notes when the data is older than this
    jump_min_followers: int  # a follower jump needs at least this many followers ...
    jump_times_typical: float  # ... this many times the typical daily gain ...
    jump_times_conversion: float  # ... and this many times the usual followers per view
    far_below: float  # engagement under this fraction of the tier's average band is noted
    # Rows of the analytics/data/*.csv tables, numbers as numbers; benchmark rows also carry
    # "tier" in words ("10K–50K followers").
    benchmarks: list[dict[str, Any]]
    cpm: list[dict[str, Any]]
    multipliers: list[dict[str, Any]]
    fx: list[dict[str, Any]]


@dataclass
class Report:
    as_of: date
    platforms: dict[str, PlatformReport]
    warnings: list[str] = field(default_factory=list)
    # -- added by the analytics core (issue 3) --
    combined: Combined | None = None  # totals across platforms (only like with like)
    # For the creator (`mediakit check`), never shown on the public kit: gaps in the data,
    # follower jumps views do not explain, engagement far below the tier.
    notes: list[str] = field(default_factory=list)
    method: Method | None = None  # constants and reference tables for methodology.html

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready values (dates as ISO strings)."""
        data = asdict(self)
        data["as_of"] = self.as_of.isoformat()
        return data
