"""site/stats.json: the kit's numbers for machines (brand tools, scripts, tests).

The field names and meanings are a published contract (README, "stats.json"): later versions add
fields, never change what an existing one means.

Added by the analytics core (schema_version stays 1: only additions), per platform:

- ``reach``: the recent window (``window.rule`` "last 30 posts" or "last 90 days", whichever
  holds more posts; ``window.posts``, ``window.first``, ``window.last``), ``median_views`` (the
  typical views per post over that window), ``mean_views`` (context only), ``views_per_day_30d``,
  ``unique_viewers_per_day_30d``, ``new_viewers_30d``, ``returning_viewers_30d``,
  ``returning_share`` (returning ÷ (new + returning)), ``views_to_followers`` (median ÷ followers).
- ``engagement``: ``{key: {"value", "denominator", "method", "posts"}}`` with keys ``per_view``
  (median interactions ÷ median views), ``per_follower``, ``per_reach`` where reach exists,
  ``total_per_view`` (views-weighted) and ``likes_per_view``, ``comments_per_view``,
  ``shares_per_view``, ``saves_per_view``; values are fractions 0..1, null when unknown.
- ``benchmark``: null, or ``{"denominator", "value", "tier", "average_low", "average_high",
  "band", "source", "source_date"}``: the rate against the published range of the same
  denominator and follower tier.
- ``growth``: ``{"periods": {"7d"|"30d"|"90d"|"365d": {"start", "end", "change", "rate"}},
  "projection": {"30d"|"90d": {"expected", "low", "high"}}}`` (only periods the data covers).
- ``viral_posts``: ``[{"url", "title", "views", "times_median"}]``, posts with more than
  5 × the typical views.
- ``best_time``: null, or ``{"start_hour", "window_hours", "timezone", "timezone_assumed"}``.
- ``cadence``: null, or ``{"posts_per_week", "longest_gap_days", "active_weeks_share"}`` over
  the last 91 days.
- ``period_comparison``: ``{key: {"current", "previous", "change_rate"}}``, the last 30 days
  against the 30 days before (keys: followers_gained, views, profile_views, likes, comments,
  shares, new_viewers, returning_viewers, posts, median_views).

- ``headline``: the numbers the kit's headline cards show, and every other surface (report,
  pitches, share preview, PDF, the roster's index and roster.json) with them:
  ``{"followers", "median_views", "median_window": {"rule", "posts", "first", "last"},
  "views_30d", "views_window": {"days", "first", "last"}, "engagement": {"value",
  "denominator", "key", "method", "benchmarked"}}``. ``median_views`` is ``reach.median_views``
  (rule "all posts" and the top-level ``median_views`` only when the recent window has no view
  count); ``engagement.key`` names the rate shown: a key of ``engagement`` (``per_follower`` on
  Instagram, ``per_view`` elsewhere) or ``engagement_rate_per_view`` (the views-weighted rate
  over every post, only when no recent post has every count).

Added for issue 14 (still only additions):

- ``views_30d_span``, ``reach.views_span``, ``reach.span_30d`` and, per period_comparison row,
  ``span`` and ``previous_span``: null, or ``{"days", "covered_days", "first", "last"}``, the
  days a 30-day figure really covers (a 28-day export: ``covered_days`` 28). A figure whose
  ``covered_days`` is below ``days`` is over fewer days than its name says.
- ``period_comparison`` rows gain ``change`` (current − previous; null unless both periods are
  spanned by data); ``change_rate`` is null on a base of 0 or below (daily comments can be
  negative).
- ``period_totals``: ``[{"first", "last", "days", "views", "watch_time_hours",
  "followers_gained", "impressions"}]``, the platform's own totals for each export's period
  (YouTube's Total row), newest first; ``first`` and ``days`` are null when the export does not
  say where its period starts.

At the top level ``lead_platform``: the first platform of the profile, the one a one-line
summary (the share preview, the roster's index) leads with. And ``combined``: ``{"followers",
"followers_by_platform", "views_30d", "views_30d_by_platform"}``, sums over the platforms that
have each number (never rates).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from mediakit.analytics.figures import BenchmarkComparison, Headline, PeriodTotals, Span
from mediakit.analytics.report import Combined, PlatformReport, Report

SCHEMA_VERSION = 1


def stats(report: Report, *,
          benchmark_published: Callable[[BenchmarkComparison], bool] | None = None
          ) -> dict[str, Any]:
    """The documented stats.json structure.

    ``benchmark_published`` is the creator's ``site.benchmark`` rule: a comparison they chose
    not to publish is ``null`` in the public stats.json too (no other number changes).
    """
    platforms = {name: _platform(data) for name, data in sorted(report.platforms.items())}
    for name, data in report.platforms.items():
        hidden = benchmark_published is not None and data.benchmark is not None
        if hidden and not benchmark_published(data.benchmark):
            platforms[name]["benchmark"] = None
    return {
        "as_of": report.as_of.isoformat(),
        "schema_version": SCHEMA_VERSION,
        "lead_platform": next(iter(report.platforms), None),
        "platforms": platforms,
        "combined": _combined(report.combined),
    }


def stats_json(report: Report, *,
               benchmark_published: Callable[[BenchmarkComparison], bool] | None = None
               ) -> bytes:
    """Stable bytes: sorted keys, two-space indent, trailing newline."""
    text = json.dumps(stats(report, benchmark_published=benchmark_published), indent=2,
                      sort_keys=True, ensure_ascii=False)
    return (text + "\n").encode("utf-8")


def _platform(data: PlatformReport) -> dict[str, Any]:
    gender = data.split("gender")
    countries = data.split("country")
    return {
        "followers": data.followers,
        "followers_change_30d": data.followers_change_30d,
        "views_30d": data.views_30d,
        "views_30d_span": _span(data.views_30d_span),
        "profile_views_30d": data.profile_views_30d,
        "median_views": _round(data.median_views, 1),
        "engagement_rate_per_view": _round(data.engagement_rate_per_view, 6),
        "audience": {
            "gender": _shares(gender.shares) if gender and not gender.self_reported else {},
            "countries": (
                _shares(countries.shares) if countries and not countries.self_reported else {}
            ),
        },
        "top_posts": [
            {"url": post.url, "title": post.title, "views": post.views} for post in data.top_posts
        ],
        "best_posting_hours": list(data.best_posting_hours),
        "headline": _headline(data.headline),
        **_analytics(data),
    }


def _headline(headline: Headline | None) -> dict[str, Any] | None:
    """The kit's headline cards for one platform (documented in the module docstring)."""
    if headline is None:
        return None
    window, rate = headline.median_window, headline.engagement
    return {
        "followers": headline.followers,
        "median_views": _round(headline.median_views, 1),
        "median_window": {"rule": window.rule, "posts": window.posts, "first": window.first,
                          "last": window.last},
        "views_30d": headline.views_30d,
        "views_window": {"days": headline.views_window_days,
                         "first": headline.views_window_first,
                         "last": headline.views_window_last},
        "engagement": {"value": _round(rate.value, 6), "denominator": rate.denominator,
                       "key": rate.key, "method": rate.method,
                       "benchmarked": rate.benchmarked},
    }


def _analytics(data: PlatformReport) -> dict[str, Any]:
    """The analytics core's numbers (documented in the module docstring)."""
    reach = data.reach
    bench = data.benchmark
    best = data.best_time
    cadence = data.cadence
    growth = data.growth
    return {
        "reach": None if reach is None else {
            "window": {"rule": reach.window.rule, "posts": reach.window.posts,
                       "first": reach.window.first, "last": reach.window.last},
            "median_views": _round(reach.median_views, 1),
            "mean_views": _round(reach.mean_views, 1),
            "views_per_day_30d": _round(reach.views_per_day_30d, 1),
            "unique_viewers_per_day_30d": _round(reach.unique_viewers_per_day_30d, 1),
            "new_viewers_30d": reach.new_viewers_30d,
            "returning_viewers_30d": reach.returning_viewers_30d,
            "returning_share": _round(reach.returning_share, 6),
            "views_to_followers": _round(reach.views_to_followers, 6),
            "views_span": _span(reach.views_span),
            "span_30d": _span(reach.span_30d),
        },
        "engagement": {
            rate.key: {"value": _round(rate.value, 6), "denominator": rate.denominator,
                       "method": rate.method, "posts": rate.posts}
            for rate in data.engagement
        },
        "benchmark": None if bench is None else {
            "denominator": bench.denominator, "value": _round(bench.value, 6),
            "tier": bench.tier, "average_low": bench.average_low,
            "average_high": bench.average_high, "band": bench.band, "source": bench.source,
            "source_date": bench.source_date,
        },
        "growth": None if growth is None else {
            "periods": {
                f"{item.days}d": {"start": item.start, "end": item.end, "change": item.change,
                                  "rate": _round(item.rate, 6)}
                for item in growth.periods
            },
            "projection": {
                f"{item.horizon_days}d": {"expected": item.expected, "low": item.low,
                                          "high": item.high}
                for item in growth.projections
            },
        },
        "viral_posts": [
            {"url": post.url, "title": post.title, "views": post.views,
             "times_median": _round(post.times_median, 2)}
            for post in (data.viral.posts if data.viral else [])
        ],
        "best_time": None if best is None else {
            "start_hour": best.start_hour, "window_hours": best.window_hours,
            "timezone": best.timezone, "timezone_assumed": best.timezone_assumed,
        },
        "cadence": None if cadence is None else {
            "posts_per_week": _round(cadence.posts_per_week, 2),
            "longest_gap_days": cadence.longest_gap_days,
            "active_weeks_share": _round(cadence.active_weeks_share, 6),
        },
        "period_comparison": {
            row.key: {"current": row.current, "previous": row.previous,
                      "change": row.change, "change_rate": _round(row.change_rate, 6),
                      "span": _span(row.span), "previous_span": _span(row.previous_span)}
            for row in data.comparison
        },
        "period_totals": [_period(item) for item in data.period_totals],
    }


def _span(span: Span | None) -> dict[str, Any] | None:
    if span is None:
        return None
    return {"days": span.days, "covered_days": span.covered_days, "first": span.first,
            "last": span.last}


def _period(totals: PeriodTotals) -> dict[str, Any]:
    return {"first": totals.first, "last": totals.last, "days": totals.days,
            "views": totals.views, "watch_time_hours": _round(totals.watch_time_hours, 4),
            "followers_gained": totals.followers_gained, "impressions": totals.impressions}


def _combined(combined: Combined | None) -> dict[str, Any] | None:
    if combined is None:
        return None
    return {
        "followers": combined.followers,
        "followers_by_platform": dict(sorted(combined.followers_by_platform.items())),
        "views_30d": combined.views_30d,
        "views_30d_by_platform": dict(sorted(combined.views_30d_by_platform.items())),
    }


def _shares(shares: dict[str, float]) -> dict[str, float]:
    return {segment: round(share, 6) for segment, share in shares.items()}


def _round(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits)
