"""What a past campaign delivered for its fee, next to the creator's organic posts.

Brands compare creators by cost per result: CPM (the fee per 1,000 views), cost per view, cost
per engagement, cost per click, and return on investment when they shared their revenue. These are
pure functions over plain values (and the canonical posts table for the look-ups), so each number
can be checked by hand. A total is computed only when every post of the campaign has the count:
a CPM from half the views would make the campaign look twice as expensive as it was.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from statistics import median

import pandas as pd

from mediakit.analytics import engagement
from mediakit.analytics.windows import upto

METRICS = ("views", "likes", "comments", "shares", "saves")


@dataclass(frozen=True)
class CampaignPost:
    """One post of a campaign, with its counts from the exports or, failing that, the creator."""

    url: str
    title: str
    posted_at: str | None  # ISO date
    views: int | None
    likes: int | None
    comments: int | None
    shares: int | None
    saves: int | None
    in_exports: bool  # found in the platform's exports
    self_reported: tuple[str, ...] = ()  # metrics the creator typed in (not in the exports)

    @property
    def engagements(self) -> int | None:
        """likes + comments + shares, plus saves where known (the kit's engagement definition)."""
        if self.likes is None or self.comments is None or self.shares is None:
            return None
        return self.likes + self.comments + self.shares + (self.saves or 0)

    @property
    def engagement_rate(self) -> float | None:
        """Engagements per view."""
        if self.engagements is None or not self.views:
            return None
        return self.engagements / self.views


@dataclass(frozen=True)
class Baseline:
    """The creator's organic (not sponsored) posts: what a normal post does."""

    median_views: float | None
    engagement_rate: float | None  # per view, summed over posts (views-weighted)
    posts: int  # organic posts with a view count: the median's sample


@dataclass(frozen=True)
class CampaignNumbers:
    """The campaign's delivery and costs; None where a count or the fee's base is unknown."""

    fee: float
    posts: int
    posts_with_views: int
    views: int | None  # total over the campaign's posts
    engagements: int | None
    engagement_rate: float | None  # engagements / views
    median_views: float | None  # per campaign post
    cpm: float | None  # fee per 1,000 views
    cost_per_view: float | None
    cost_per_engagement: float | None
    link_clicks: int | None
    cost_per_click: float | None
    revenue: float | None
    roi: float | None  # (revenue - fee) / fee: 3.0 means every euro came back four times
    views_vs_organic: float | None  # campaign median views / organic median views
    rate_vs_organic: float | None  # campaign engagement rate / organic engagement rate


def organic_baseline(
    posts: pd.DataFrame, as_of: date, platform: str | None = None, exclude: set[str] | None = None
) -> Baseline:
    """Median views and per-view engagement of the posts not marked sponsored, up to ``as_of``.

    Only one platform's posts are compared (a TikTok view and a YouTube view are not the same
    thing); ``exclude`` leaves out the campaign's own posts by id.
    """
    if platform is not None:
        posts = posts[posts["platform"] == platform]
    dated = posts[posts["posted_at"].isna() | upto(posts["posted_at"], as_of)]
    sponsored = dated["sponsored"].astype("boolean").fillna(False)
    organic = dated[~sponsored.to_numpy(dtype=bool)]
    if exclude:
        organic = organic[~organic["post_id"].astype(str).isin(exclude)]
    views = organic["views"].dropna().astype("float64")
    return Baseline(
        median_views=float(views.median()) if len(views) else None,
        engagement_rate=engagement.rate_per_view(organic),
        posts=len(views),
    )


def campaign_numbers(
    posts: list[CampaignPost],
    fee: float,
    baseline: Baseline,
    *,
    link_clicks: int | None = None,
    revenue: float | None = None,
) -> CampaignNumbers:
    """Totals and costs of a campaign; see the module docstring for when a total is None."""
    view_counts = [post.views for post in posts if post.views is not None]
    all_views = len(view_counts) == len(posts) and bool(posts)
    views = sum(view_counts) if all_views else None
    engaged = [post.engagements for post in posts]
    engagements = sum(e for e in engaged if e is not None) if None not in engaged else None
    if not posts:
        engagements = None
    rate = engagements / views if views and engagements is not None else None
    median_views = float(median(view_counts)) if all_views else None
    return CampaignNumbers(
        fee=fee,
        posts=len(posts),
        posts_with_views=len(view_counts),
        views=views,
        engagements=engagements,
        engagement_rate=rate,
        median_views=median_views,
        cpm=_per(fee, views, 1000),
        cost_per_view=_per(fee, views),
        cost_per_engagement=_per(fee, engagements),
        link_clicks=link_clicks,
        cost_per_click=_per(fee, link_clicks),
        revenue=revenue,
        roi=(revenue - fee) / fee if revenue is not None and fee > 0 else None,
        views_vs_organic=_ratio(median_views, baseline.median_views),
        rate_vs_organic=_ratio(rate, baseline.engagement_rate),
    )


def _per(fee: float, count: int | None, per: int = 1) -> float | None:
    """The fee divided by a count (times ``per``); None when the count is unknown or zero."""
    if not count:
        return None
    return fee * per / count


def _ratio(value: float | None, base: float | None) -> float | None:
    if value is None or not base:
        return None
    return value / base


# --- finding a campaign's posts in the exports ----------------------------------------------------

_VIDEO_ID = re.compile(r"/(?:video|reel|p|shorts)/([A-Za-z0-9_-]+)")


def platform_of(url: str) -> str | None:
    """Which platform a post link belongs to, from its host name."""
    host = re.sub(r"^[a-z]+://", "", url.lower()).split("/")[0].split(":")[0]
    for suffix, platform in (("tiktok.com", "tiktok"), ("instagram.com", "instagram"),
                             ("youtube.com", "youtube"), ("youtu.be", "youtube")):
        if host == suffix or host.endswith("." + suffix):
            return platform
    return None


def find_post(posts: pd.DataFrame, url: str, posted_on: date | None = None) -> pd.Series | None:
    """The exported row of a post: by its link or id; else the one post of that day.

    Exports without links (TikTok's data download lists posts by date only) are matched by
    ``posted_on``; when several posts share that day, a sponsored one is preferred, and if that
    still leaves several, none is chosen rather than a wrong one.
    """
    platform = platform_of(url)
    rows = posts if platform is None else posts[posts["platform"] == platform]
    if rows.empty:
        return None
    wanted = _normalise(url)
    linked = rows[rows["url"].notna()]
    by_url = linked[linked["url"].astype("str").map(_normalise) == wanted]
    if by_url.empty:
        match = _VIDEO_ID.search(url)
        if match:
            by_url = rows[rows["post_id"].astype("str") == match.group(1)]
    if not by_url.empty:
        return by_url.iloc[0]
    if posted_on is None:
        return None
    day = rows[rows["posted_at"].notna()]
    day = day[day["posted_at"].dt.date == posted_on]
    if len(day) > 1:
        day = day[day["sponsored"].astype("boolean").fillna(False).to_numpy(dtype=bool)]
    return day.iloc[0] if len(day) == 1 else None


def _normalise(url: str) -> str:
    text = str(url).strip().lower()
    text = re.sub(r"^[a-z]+://(www\.|m\.)?", "", text)
    return text.split("?")[0].split("#")[0].rstrip("/")


def campaign_post(
    row: pd.Series | None,
    url: str,
    reported: dict[str, int | None],
    *,
    title: str = "",
    posted_on: date | None = None,
) -> CampaignPost:
    """A campaign post from its exported row, with the creator's numbers filling the gaps only."""
    values: dict[str, int | None] = {}
    typed: list[str] = []
    for metric in METRICS:
        exported = None if row is None else row.get(metric)
        if exported is not None and not pd.isna(exported):
            values[metric] = int(exported)
        elif reported.get(metric) is not None:
            values[metric] = reported[metric]
            typed.append(metric)
        else:
            values[metric] = None
    posted = posted_on.isoformat() if posted_on else None
    if row is not None and not pd.isna(row.get("posted_at")):
        posted = row["posted_at"].date().isoformat()
    exported_title = "" if row is None or pd.isna(row.get("title")) else str(row["title"])
    return CampaignPost(
        url=url,
        title=title or exported_title,
        posted_at=posted,
        in_exports=row is not None,
        self_reported=tuple(typed),
        **values,  # type: ignore[arg-type]
    )
