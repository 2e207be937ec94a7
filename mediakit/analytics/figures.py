"""The values a Report is made of: posts, rates, windows and spans, growth, timing, advice.

Small frozen dataclasses of plain values, so a Report serialises and compares easily; report.py
puts them together per platform. Every rate says what it divides by, every windowed number
which window.
"""

from __future__ import annotations

from dataclasses import dataclass
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
    # -- added by the analytics core (issue 3) --
    saves: int | None = None
    kind: str | None = None  # video, image, carousel, reel, short
    sponsored: bool | None = None
    times_median: float | None = None  # views ÷ the typical (median) views of the recent window


@dataclass(frozen=True)
class AudienceSplit:
    dimension: str  # gender, age, country, city
    shares: dict[str, float]
    source: str  # the export file name, or the creator's note for self-reported figures
    self_reported: bool


@dataclass(frozen=True)
class Span:
    """The days a window figure really covers, so its label never promises more than the data.

    A "last 30 days" sum over a 28-day export is a sum over 28 days and must say 28: computed by
    mediakit.analytics.windows.span, worded by mediakit.site.format.Formatter.span everywhere.
    """

    days: int  # the window asked for: 30
    covered_days: int  # days from the first to the last day with data inside the window
    first: str  # ISO date of the first day with data inside the window
    last: str  # ISO date of the last day with data inside the window
    ends_on_as_of: bool  # whether the data reaches the window's last day (the as-of day)

    @property
    def full(self) -> bool:
        """The data covers the whole window: the plain "last N days" label is true."""
        return self.covered_days == self.days and self.ends_on_as_of


@dataclass(frozen=True)
class PeriodTotals:
    """A platform's own totals for an export's period (YouTube's ``Total`` row of Table data).

    Summed by the platform over every video (also those not listed): the only reach figure a
    creator with just ``Table data.csv`` has. ``first`` is None when the export does not say it.
    """

    first: str | None  # ISO date the period starts, when the export says it
    last: str  # ISO date the period ends (see mediakit.sources.youtube for where it comes from)
    views: int | None
    watch_time_hours: float | None
    followers_gained: int | None  # net subscribers over the period (may be negative)
    impressions: int | None

    @property
    def days(self) -> int | None:
        """Days in the period, both ends included, when its start is known."""
        if self.first is None:
            return None
        return (date.fromisoformat(self.last) - date.fromisoformat(self.first)).days + 1


@dataclass(frozen=True)
class Window:
    """Which posts a "recent" number is computed over, so the page can say so."""

    rule: str  # "last 30 posts" or "last 90 days": whichever of the two holds more posts
    posts: int  # posts with a view count inside the window
    first: str | None  # ISO date of the oldest post in the window
    last: str | None  # ISO date of the newest post in the window


@dataclass(frozen=True)
class ReachStats:
    """How many people a post and the account reach (per platform, never mixed)."""

    window: Window
    median_views: float | None  # median views per post over the window: the typical reach
    mean_views: float | None  # mean over the same posts: context only (a viral hit pulls it up)
    min_views: int | None  # smallest and largest views in the window (the median lies between)
    max_views: int | None
    views_per_day_30d: float | None  # daily video views, mean over the 30 days ending as_of
    profile_views_30d: int | None  # sum of daily profile views over the same 30 days
    unique_viewers_per_day_30d: float | None  # daily unique viewers ("reached"), mean over 30 d
    new_viewers_30d: int | None  # sum of daily new viewers over 30 days
    returning_viewers_30d: int | None  # sum of daily returning viewers over 30 days
    returning_share: float | None  # returning ÷ (new + returning): the loyal part of viewers
    views_to_followers: float | None  # median views ÷ followers: how far posts travel
    # The days the 30-day figures above really cover (None when no daily figure exists): views
    # for views_per_day_30d, any of the daily reach columns for the rest.
    views_span: Span | None = None
    span_30d: Span | None = None


@dataclass(frozen=True)
class Rate:
    """One engagement rate with its numerator, denominator and method spelled out."""

    key: str  # stable id: "per_view", "per_follower", "per_reach", "likes_per_view", ...
    label: str  # "Engagement per view"
    value: float | None  # 0..1 (shown as a percentage)
    numerator: str  # "likes + comments + shares"
    denominator: str  # "view", "follower" or "reach": what the rate divides by
    method: str  # how posts are combined, e.g. "median interactions ÷ median views"
    posts: int  # posts that entered the rate


@dataclass(frozen=True)
class BenchmarkComparison:
    """The creator's rate beside the published range for peers of the same size and platform."""

    denominator: str  # always the same denominator as ``value`` ("view" or "follower")
    value: float  # the creator's rate (the Rate with the same denominator)
    tier: str  # "10K–50K followers"
    average_low: float  # the "average" band of the benchmark, 0..1
    average_high: float
    below_from: float | None  # where "below average" starts (under it: "low")
    above_to: float | None  # where "above average" ends (over it: "high")
    band: str  # "low", "below average", "average", "above average" or "high"
    vs_midpoint: float  # value ÷ midpoint of the average band (1.2 = 20% above the middle)
    source: str  # who published it
    url: str | None
    source_date: str  # when it was published, as the source states it
    method: str  # how the source computed its rates
    numerator: str = ""  # what the source counts as an engagement, in its words


@dataclass(frozen=True)
class HeadlineEngagement:
    """The engagement rate a platform leads with, and which of its rates it is."""

    key: str  # a Rate key ("per_view", "per_follower") or "engagement_rate_per_view" (all posts)
    value: float | None  # 0..1
    denominator: str  # "view", "follower" or "reach"
    numerator: str  # "likes + comments + shares"
    method: str  # "median interactions per post ÷ median views per post"
    posts: int  # posts that entered the rate
    benchmarked: bool  # the kit sets it beside the published benchmark of the same denominator


@dataclass(frozen=True)
class Headline:
    """The numbers every surface leads with for one platform (analytics/headline.py chooses)."""

    platform: str
    followers: int | None  # on the as-of day
    median_views: float | None  # typical views per post over ``median_window``
    median_window: Window  # the recent window, or rule "all posts" when it has no view count
    views_30d: int | None  # video views summed over the window below
    views_window_days: int  # 30
    views_window_first: str  # ISO date: as_of - 29 days
    views_window_last: str  # ISO date: as_of
    engagement: HeadlineEngagement


@dataclass(frozen=True)
class GrowthPeriod:
    days: int  # 7, 30, 90 or 365
    start: int  # followers on as_of - days
    end: int  # followers on as_of
    change: int  # end - start
    rate: float | None  # change ÷ start (None when start is 0)
    per_day: float  # change ÷ days


@dataclass(frozen=True)
class GrowthDay:
    """A day of unusually many new followers, with the posts that were fresh that day."""

    date: str
    gain: int  # followers that day - followers the day before
    views: int | None  # video views that day (all videos)
    posts: list[Post]  # posts published that day or the two days before


@dataclass(frozen=True)
class Projection:
    horizon_days: int
    expected: int  # followers expected after horizon_days at the recent pace
    low: int  # at the slowest 30-day pace seen in the basis
    high: int  # at the fastest 30-day pace seen in the basis
    basis_days: int  # how many days of history the pace comes from
    pace_per_day: float  # mean daily gain over the basis


@dataclass(frozen=True)
class Growth:
    periods: list[GrowthPeriod]  # only the periods the data covers
    best_days: list[GrowthDay]  # biggest daily gains, largest first
    projections: list[Projection]  # 30 and 90 days ahead, when 30+ days of counts exist


@dataclass(frozen=True)
class Virality:
    rule: str  # the rule stated in words ("more than 5 × the typical views")
    threshold: float | None  # views above which a post counts as a viral hit
    posts: list[Post]  # the viral hits, most viewed first


@dataclass(frozen=True)
class BestTime:
    """When to post: the start hour whose first hours see the most active followers."""

    start_hour: int  # 0..23 in ``timezone``
    end_hour: int  # start + window, wrapped at 24
    window_hours: int
    share_of_day: float  # activity covered by the window ÷ activity over the whole day
    peak_hour: int  # the single busiest hour
    timezone: str  # the creator's timezone ("" when unknown)
    timezone_assumed: bool  # True when the export does not state a timezone
    days: int  # days of follower activity behind it
    by_weekday: list[int | None]  # best start hour per weekday, Monday first
    heatmap: list[list[float | None]]  # [weekday][hour] mean active followers, Monday first
    target_timezone: str | None = None
    target_start_hour: int | None = None  # start_hour converted to target_timezone


@dataclass(frozen=True)
class Insight:
    """How posts with one feature (a hashtag, a sound, a length, a kind) perform."""

    facet: str  # "hashtag", "sound", "duration", "kind", "sponsored"
    value: str  # "#indiefolk", "original sound - x", "30–60 s", "video", "sponsored"
    posts: int
    median_views: float
    lift: float  # median views of these posts ÷ the account median - 1 (+0.25 = 25% more)
    small_sample: bool  # fewer than INSIGHT_SOLID posts: read with care


@dataclass(frozen=True)
class Retention:
    posts: int  # posts with watch time or completion figures
    median_avg_watch_s: float | None
    median_completion_rate: float | None  # usually 0..1; YouTube passes 1 on rewatches
    correlation_with_views: float | None  # Spearman rank correlation, completion vs views
    self_reported: bool  # True when the figures come from the creator's posts-extra.csv
    source: str | None
    top: list[dict[str, Any]]  # per post: title, url, views, avg_watch_s, completion_rate


@dataclass(frozen=True)
class Cadence:
    window_days: int
    posts: int  # posts published in the window (with or without a view count)
    posts_per_week: float
    longest_gap_days: int | None  # longest stretch between two posts in the window
    days_since_last_post: int | None
    active_weeks_share: float  # share of the window's weeks with at least one post
    weekly_counts: list[tuple[str, int]]  # (ISO date of the week's last day, posts)


@dataclass(frozen=True)
class PeriodChange:
    """One headline metric: the last 30 days against the 30 days before them."""

    key: str
    label: str
    current: float | None
    previous: float | None
    change: float | None  # current - previous (None unless both periods span all their days)
    change_rate: float | None  # change ÷ previous; None when previous is 0 or below
    complete: bool  # both periods fully covered by data
    note: str | None = None  # e.g. how many posts a median is taken over
    span: Span | None = None  # the days the current sum covers (daily sums only)
    previous_span: Span | None = None  # the days the previous sum covers (daily sums only)


@dataclass(frozen=True)
class SuggestedRate:
    deliverable: str
    low: float
    high: float
    currency: str
    multipliers: dict[str, float]  # name -> factor, in the order they are applied
    formula: str  # the arithmetic, written out


@dataclass(frozen=True)
class RateAdvice:
    expected_views: float  # the median views the price is built on
    cpm_low: float  # per 1,000 views, in ``currency``
    cpm_high: float
    currency: str
    cpm_source: str
    fx_note: str | None  # how USD tables were converted, with the rate's date
    multipliers: dict[str, tuple[float, str]]  # name -> (factor, why)
    suggestions: list[SuggestedRate]
    rate_card: list[dict[str, Any]]  # the creator's own rates for this platform, as written
