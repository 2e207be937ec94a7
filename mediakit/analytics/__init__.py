"""The analytics core: pure functions from canonical tables to a Report.

``analyze`` never reads a file or the clock: the same Account, Profile and ``as_of`` always give
the same Report. ``as_of`` defaults to the last day that has data.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

import pandas as pd

from mediakit.analytics import audience, engagement, reach, timing
from mediakit.analytics.report import AudienceSplit, PlatformReport, Post, Report
from mediakit.analytics.windows import last_data_date, upto
from mediakit.errors import MediakitError
from mediakit.tables import Account

if TYPE_CHECKING:
    from mediakit.config import Profile

TOP_POSTS = 6
SERIES_DAYS = 365


def analyze(account: Account, profile: Profile, as_of: date | None = None) -> Report:
    """Compute every platform's numbers as of ``as_of`` (default: the last day of data)."""
    if as_of is None:
        as_of = last_data_date(account.daily, account.activity)
        if as_of is None:
            posted = last_data_date(account.posts, column="posted_at")
            as_of = posted
    if as_of is None:
        raise MediakitError(
            "the exports hold no dated data, so there is nothing to show yet",
            hint="put your TikTok Studio exports in content/data/tiktok/ and build again",
        )
    platforms: dict[str, PlatformReport] = {}
    for name, settings in profile.platforms.items():
        platforms[name] = platform_report(
            account, profile, name, settings.handle, settings.url, as_of
        )
    return Report(as_of=as_of, platforms=platforms, warnings=list(account.warnings))


def platform_report(
    account: Account, profile: Profile, platform: str, handle: str, url: str | None, as_of: date
) -> PlatformReport:
    """All the numbers for one platform; nothing is mixed across platforms."""
    daily = _only(account.daily, platform).sort_values("date")
    posts = reach.posts_upto(_only(account.posts, platform), as_of)
    activity = _only(account.activity, platform)
    activity = activity[upto(activity["date"], as_of)]
    report = PlatformReport(platform=platform, handle=handle, url=url)

    report.followers = reach.followers_on(daily, as_of)
    before = reach.followers_on(daily, as_of - timedelta(days=30))
    if report.followers is not None and before is not None:
        report.followers_change_30d = report.followers - before
    report.views_30d = reach.window_sum(daily, "views", as_of, 30)
    report.profile_views_30d = reach.window_sum(daily, "profile_views", as_of, 30)
    report.median_views = reach.median_views(posts)
    report.mean_views = reach.mean_views(posts)
    report.posts_counted = int(posts["views"].notna().sum())
    report.posts_known = len(posts)
    report.engagement_rate_per_view = engagement.rate_per_view(posts)

    report.audience = _audience(account, profile, platform)
    report.top_posts = _top_posts(posts)
    report.best_posting_hours = timing.best_hours(activity)
    profile_by_hour = timing.hourly_profile(activity)
    report.activity_by_hour = [] if profile_by_hour is None else profile_by_hour.round(1).tolist()

    recent = daily[upto(daily["date"], as_of)]
    recent = recent[recent["date"] > pd.Timestamp(as_of - timedelta(days=SERIES_DAYS))]
    report.followers_series = _series(recent, "followers")
    report.views_series = _series(recent, "views")
    if not daily.empty:
        report.first_date = daily["date"].min().date().isoformat()
        report.last_date = daily["date"].max().date().isoformat()
    report.sources = [
        {"path": f.path, "kind": f.kind, "rows": f.rows,
         "first_date": f.first_date.isoformat() if f.first_date else None,
         "last_date": f.last_date.isoformat() if f.last_date else None}
        for f in account.files if f.platform == platform
    ]
    return report


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


def _top_posts(posts: pd.DataFrame) -> list[Post]:
    ranked = posts.dropna(subset=["views"]).sort_values(
        ["views", "post_id"], ascending=[False, True], kind="mergesort"
    )
    result = []
    for row in ranked.head(TOP_POSTS).itertuples(index=False):
        rate = None
        if row.views and not pd.isna(row.likes):
            parts = [row.likes, row.comments, row.shares]
            if not any(pd.isna(p) for p in parts):
                saves = 0 if pd.isna(row.saves) else row.saves
                rate = float(sum(parts) + saves) / float(row.views)
        result.append(
            Post(
                post_id=str(row.post_id),
                url=None if pd.isna(row.url) else str(row.url),
                title="" if pd.isna(row.title) else str(row.title),
                posted_at=None if pd.isna(row.posted_at) else row.posted_at.date().isoformat(),
                views=_int(row.views),
                likes=_int(row.likes),
                comments=_int(row.comments),
                shares=_int(row.shares),
                engagement_rate=rate,
            )
        )
    return result


def _int(value: object) -> int | None:
    return None if pd.isna(value) else int(value)  # type: ignore[arg-type]
