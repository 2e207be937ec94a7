"""The analytics core: pure functions from canonical tables to a Report.

``analyze`` never reads a file or the clock: the same Account, Profile and ``as_of`` always give
the same Report. ``as_of`` defaults to the last day that has data. One module per subject
(reach, engagement, benchmarks, growth, audience, posts, timing, content, retention, cadence,
compare, rates, freshness, combined); every function is platform-generic and works on one
platform's rows at a time, so TikTok, Instagram and YouTube numbers are never mixed.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

import pandas as pd

from mediakit.analytics import (
    audience,
    benchmarks,
    cadence,
    compare,
    content,
    engagement,
    freshness,
    growth,
    headline,
    posts,
    reach,
    retention,
    timing,
)
from mediakit.analytics.combined import combined
from mediakit.analytics.figures import AudienceSplit, PeriodTotals
from mediakit.analytics.reference import number, table
from mediakit.analytics.report import Method, PlatformReport, Report
from mediakit.analytics.stale import STALE_AFTER_DAYS
from mediakit.analytics.windows import column_span, last_data_date, recent_posts, upto
from mediakit.errors import MediakitError
from mediakit.tables import Account, SourceFile

if TYPE_CHECKING:
    from mediakit.project.profile import Profile

TOP_POSTS = 6
SERIES_DAYS = 365
RECENT_POSTS = 30  # the recent window: the last 30 posts ...
RECENT_DAYS = 90  # ... or the last 90 days, whichever holds more posts
WINDOW_HOURS = 4  # best time to post: activity over a post's first 4 hours
API_KIND = ".api."  # SourceFile.kind of sources/api_snapshot.py: "youtube.api.daily"
EXTRA_KIND = "posts_extra"  # SourceFile.kind suffix of sources/extra.py's self-reported file


def analyze(
    account: Account,
    profile: Profile,
    as_of: date | None = None,
    *,
    recent_count: int = RECENT_POSTS,
    recent_days: int = RECENT_DAYS,
    window_hours: int = WINDOW_HOURS,
    target_timezone: str | None = None,
) -> Report:
    """Compute every platform's numbers as of ``as_of`` (default: the last day of data)."""
    if as_of is None:
        # A period's totals are as of its last day (a YouTube export that is only Table data.csv)
        # before a post's publish day, which says nothing about when its views were counted.
        as_of = (last_data_date(account.daily, account.activity)
                 or last_data_date(account.periods, column="last")
                 or last_data_date(account.posts, column="posted_at"))
    if as_of is None:
        raise MediakitError(
            "the exports hold no dated data, so there is nothing to show yet",
            hint="put your TikTok Studio exports in content/data/tiktok/ and build again",
        )
    platforms: dict[str, PlatformReport] = {}
    notes: list[str] = []
    for name, settings in profile.platforms.items():
        report = platform_report(
            account, profile, name, settings.handle, settings.url, as_of,
            recent_count=recent_count, recent_days=recent_days, window_hours=window_hours,
            target_timezone=target_timezone,
        )
        platforms[name] = report
        daily = _only(account.daily, name)
        notes.extend(freshness.platform_notes(name, daily[upto(daily["date"], as_of)], as_of,
                                              report.benchmark))
    return Report(
        as_of=as_of,
        platforms=platforms,
        warnings=list(account.warnings),
        combined=combined(platforms),
        notes=notes,
        method=method(recent_count, recent_days, window_hours),
    )


def method(recent_count: int, recent_days: int, window_hours: int) -> Method:
    """The constants and reference tables, for the methodology page."""
    return Method(
        recent_posts=recent_count,
        recent_days=recent_days,
        viral_multiple=posts.VIRAL_MULTIPLE,
        best_time_window_hours=window_hours,
        insight_min_posts=content.MIN_POSTS,
        insight_solid_posts=content.SOLID_POSTS,
        top_engagement_min_views=posts.TOP_ENGAGEMENT_MIN_VIEWS,
        stale_after_days=STALE_AFTER_DAYS,
        jump_min_followers=freshness.JUMP_MIN_FOLLOWERS,
        jump_times_typical=freshness.JUMP_TIMES_TYPICAL,
        jump_times_conversion=freshness.JUMP_TIMES_CONVERSION,
        far_below=freshness.FAR_BELOW,
        benchmarks=[_benchmark_row(row) for row in table("benchmarks")],
        cpm=[{**row, "cpm_low": float(row["cpm_low"]), "cpm_high": float(row["cpm_high"])}
             for row in table("cpm")],
        multipliers=[{**row, "factor": float(row["factor"])} for row in table("rate_multipliers")],
        fx=[{**row, "rate": float(row["rate"])} for row in table("fx")],
    )


def _benchmark_row(row: dict[str, str]) -> dict[str, object]:
    """A benchmarks.csv row with numbers as numbers and its tier in words."""
    numbers = {key: number(row[key])
               for key in ("below_from", "average_low", "average_high", "above_to")}
    tier = benchmarks.tier_label(float(row["tier_min"]), number(row["tier_max"]))
    return {**row, **numbers, "tier": tier}


def platform_report(
    account: Account, profile: Profile, platform: str, handle: str, url: str | None, as_of: date,
    *, recent_count: int = RECENT_POSTS, recent_days: int = RECENT_DAYS,
    window_hours: int = WINDOW_HOURS, target_timezone: str | None = None,
) -> PlatformReport:
    """All the numbers for one platform; nothing is mixed across platforms."""
    daily = _only(account.daily, platform).sort_values("date")
    known_posts = reach.posts_upto(_only(account.posts, platform), as_of)
    activity = _only(account.activity, platform)
    activity = activity[upto(activity["date"], as_of)]
    report = PlatformReport(platform=platform, handle=handle, url=url)

    report.followers = reach.followers_on(daily, as_of)
    before = reach.followers_on(daily, as_of - timedelta(days=30))
    if report.followers is not None and before is not None:
        report.followers_change_30d = report.followers - before
    report.views_30d = reach.window_sum(daily, "views", as_of, 30)
    report.views_30d_span = column_span(daily, "views", as_of, 30)
    report.profile_views_30d = reach.window_sum(daily, "profile_views", as_of, 30)
    report.median_views = reach.median_views(known_posts)
    report.mean_views = reach.mean_views(known_posts)
    report.posts_counted = int(known_posts["views"].notna().sum())
    report.posts_known = len(known_posts)
    report.engagement_rate_per_view = engagement.rate_per_view(known_posts)
    report.posts_rated = len(engagement.rated_posts(known_posts))

    report.audience = _audience(account, profile, platform)
    report.best_posting_hours = timing.best_hours(activity, window_hours)
    profile_by_hour = timing.hourly_profile(activity)
    report.activity_by_hour = [] if profile_by_hour is None else profile_by_hour.round(1).tolist()

    recent = daily[upto(daily["date"], as_of)]
    recent = recent[recent["date"] > pd.Timestamp(as_of - timedelta(days=SERIES_DAYS))]
    report.followers_series = _series(recent, "followers")
    report.views_series = _series(recent, "views")
    if not daily.empty:
        report.first_date = daily["date"].min().date().isoformat()
        report.last_date = daily["date"].max().date().isoformat()
    files = [f for f in account.files if f.platform == platform]
    report.sources = [
        {"path": f.path, "kind": f.kind, "rows": f.rows,
         "first_date": f.first_date.isoformat() if f.first_date else None,
         "last_date": f.last_date.isoformat() if f.last_date else None}
        for f in files
    ]
    report.self_reported_files = [f.path for f in files if f.kind.endswith(EXTRA_KIND)]
    report.api_pulled, report.exported = _provenance(files)

    window, rule = recent_posts(known_posts, as_of, recent_count, recent_days)
    report.reach = reach.reach_stats(daily, window, rule, report.followers, as_of)
    typical = report.reach.median_views
    report.top_posts = posts.top_by_views(known_posts, TOP_POSTS, typical)
    report.top_by_engagement = posts.top_by_engagement(known_posts, TOP_POSTS, typical)
    report.viral = posts.viral(known_posts, typical)
    report.engagement = engagement.rates(window, report.followers)
    report.benchmark = benchmarks.compare(
        benchmarks.headline_rate(report.engagement, platform), platform, report.followers)
    report.growth = growth.growth(daily, known_posts, as_of,
                                  lambda row: posts.to_post(row, typical))
    report.best_time = timing.best_time(activity, window_hours, profile.timezone,
                                        target_timezone, as_of)
    report.insights = content.insights(known_posts)
    extra = report.self_reported_files
    report.retention = retention.retention(known_posts, bool(extra),
                                           extra[0] if extra else None)
    report.cadence = cadence.cadence(known_posts, as_of)
    report.comparison = compare.periods(daily, known_posts, as_of)
    report.rates = _rates(report, profile, platform)
    report.period_totals = period_totals(_only(account.periods, platform), as_of)
    report.headline = headline.headline(report, as_of)
    return report


def _provenance(files: list[SourceFile]) -> tuple[str | None, str | None]:
    """The newest API snapshot's day and the newest export's last day (ISO), for the as-of line."""
    pulled = [f.last_date for f in files if API_KIND in f.kind and f.last_date]
    exported = [f.last_date for f in files
                if API_KIND not in f.kind and not f.kind.endswith(EXTRA_KIND) and f.last_date]
    return (max(pulled).isoformat() if pulled else None,
            max(exported).isoformat() if exported else None)


def period_totals(periods: pd.DataFrame, as_of: date) -> list[PeriodTotals]:
    """The platform's own period totals that end by ``as_of``: newest end first, then longest."""
    rows = periods[upto(periods["last"], as_of)]
    rows = rows.sort_values(["last", "first"], ascending=[False, True], kind="mergesort",
                            na_position="last")
    return [
        PeriodTotals(
            first=None if pd.isna(row.first) else row.first.date().isoformat(),
            last=row.last.date().isoformat(),
            views=None if pd.isna(row.views) else int(row.views),
            watch_time_hours=(None if pd.isna(row.watch_time_hours)
                              else float(row.watch_time_hours)),
            followers_gained=None if pd.isna(row.followers_gained) else int(row.followers_gained),
            impressions=None if pd.isna(row.impressions) else int(row.impressions),
        )
        for row in rows.itertuples(index=False)
    ]


def _rates(report: PlatformReport, profile: Profile, platform: str):  # -> RateAdvice | None
    from mediakit.analytics import rates

    band = report.benchmark.band if report.benchmark else None
    expected = report.reach.median_views if report.reach else None
    return rates.advise(platform, expected, report.split("country"), band, profile)


def _only(frame: pd.DataFrame, platform: str) -> pd.DataFrame:
    return frame[frame["platform"] == platform]


def _series(daily: pd.DataFrame, column: str) -> list[tuple[str, int]]:
    rows = daily.dropna(subset=[column])
    return [(d.date().isoformat(), int(v)) for d, v in zip(rows["date"], rows[column], strict=True)]


def _audience(account: Account, profile: Profile, platform: str) -> list[AudienceSplit]:
    exported = _only(account.audience, platform)
    splits: list[AudienceSplit] = []
    for dimension in ("gender", "age", "country", "city"):
        shares, source = audience.latest_split(exported, dimension)
        if shares:
            note = (source or "the platform's export").removeprefix("export: ")
            splits.append(AudienceSplit(dimension, shares, note, False))
            continue
        reported = profile.audience.get(platform, {}).get(dimension)
        if reported is not None:
            ordered = dict(sorted(reported.shares.items(), key=lambda kv: (-kv[1], kv[0])))
            splits.append(
                AudienceSplit(dimension, ordered, reported.source, True)
            )
    return splits
