"""The headline: the four numbers a platform leads with, chosen once for every surface.

A brand sees a creator's numbers on the kit, the full report, a pitch, the link preview, the PDF,
an agency's roster page and in stats.json. When each surface picks its own "typical views" (the
recent window's median here, every post's median there) or its own engagement rate (per view on
one page, per follower on another), the same creator shows two different numbers and nobody
trusts either. So the choice is made here, once per platform, and every surface reads it.

The choice, with its reasons:

- **followers** on the as-of day;
- **median views** of the recent window (the last 30 posts or 90 days, whichever holds more), the
  typical reach a brand can plan on; every post's median only when the window has no view count;
- **video views over the 30 days** ending on the as-of day, with the window's dates;
- **engagement**: the rate the platform's published benchmarks use (per follower on Instagram,
  per view elsewhere), so the kit can set it beside peers of the same denominator; else the
  median per-view rate; else, when no recent post has every count, the views-weighted rate over
  every post known (stats.json's older ``engagement_rate_per_view``). The Rate's key says which.
"""

from __future__ import annotations

from datetime import date, timedelta

from mediakit.analytics.benchmarks import headline_rate
from mediakit.analytics.figures import Headline, HeadlineEngagement, Rate, Window
from mediakit.analytics.report import PlatformReport

VIEWS_DAYS = 30  # the "video views" headline: the 30 days ending on the as-of day
ALL_POSTS_RULE = "all posts"
#: The key of the fallback rate (not in PlatformReport.engagement): stats.json's field name.
ALL_POSTS_RATE = "engagement_rate_per_view"


def headline(data: PlatformReport, as_of: date) -> Headline:
    """The platform's headline numbers, from numbers ``data`` already holds (nothing new)."""
    median_views, window = _median(data)
    span = data.views_30d_span
    return Headline(
        platform=data.platform,
        followers=data.followers,
        median_views=median_views,
        median_window=window,
        views_30d=data.views_30d,
        # the days the 30-day views really cover (a 28-day export: 28), as every label says
        views_window_days=span.covered_days if span else VIEWS_DAYS,
        views_window_first=span.first if span else (
            as_of - timedelta(days=VIEWS_DAYS - 1)).isoformat(),
        views_window_last=span.last if span else as_of.isoformat(),
        engagement=engagement(data),
    )


def _median(data: PlatformReport) -> tuple[float | None, Window]:
    """The recent window's median views, or every post's when the window has none."""
    if data.reach is not None and data.reach.median_views is not None:
        return data.reach.median_views, data.reach.window
    return data.median_views, Window(ALL_POSTS_RULE, data.posts_counted, None, None)


def engagement(data: PlatformReport) -> HeadlineEngagement:
    """The engagement rate the platform leads with, naming its denominator and method."""
    chosen: Rate | None = headline_rate(data.engagement, data.platform)
    if chosen is None or chosen.value is None:
        chosen = data.rate("per_view")
    if chosen is not None and chosen.value is not None:
        benchmarked = data.benchmark is not None and \
            data.benchmark.denominator == chosen.denominator
        return HeadlineEngagement(
            key=chosen.key, value=chosen.value, denominator=chosen.denominator,
            numerator=chosen.numerator, method=chosen.method, posts=chosen.posts,
            benchmarked=benchmarked,
        )
    return HeadlineEngagement(
        key=ALL_POSTS_RATE, value=data.engagement_rate_per_view, denominator="view",
        numerator="likes + comments + shares",
        method="sum of interactions ÷ sum of views over every post known (views-weighted)",
        posts=data.posts_rated, benchmarked=False,
    )
