"""Top posts, and viral hits shown apart so the typical reach stays honest.

The viral rule is one sentence a brand can check: a post is a viral hit when it has more than
``VIRAL_MULTIPLE`` times the typical (median) views of the recent window.
"""

from __future__ import annotations

import pandas as pd

from mediakit.analytics.engagement import interactions, post_rate, rated_posts
from mediakit.analytics.figures import Post, Virality

VIRAL_MULTIPLE = 5.0
TOP_ENGAGEMENT_MIN_VIEWS = 1_000  # a 40-view post with 10 likes is not "most engaging"


def _int(value: object) -> int | None:
    return None if pd.isna(value) else int(value)  # type: ignore[arg-type]


def to_post(row: object, median: float | None = None) -> Post:
    """One canonical posts row (from ``itertuples``) as a Post for the page."""
    def get(name: str) -> object:
        return getattr(row, name)

    views = _int(get("views"))
    posted = get("posted_at")
    sponsored = get("sponsored")
    return Post(
        post_id=str(get("post_id")),
        url=None if pd.isna(get("url")) else str(get("url")),
        title="" if pd.isna(get("title")) else str(get("title")),
        posted_at=None if pd.isna(posted) else posted.date().isoformat(),  # type: ignore[union-attr]
        views=views,
        likes=_int(get("likes")),
        comments=_int(get("comments")),
        shares=_int(get("shares")),
        engagement_rate=post_rate(row),
        saves=_int(get("saves")),
        kind=None if pd.isna(get("kind")) else str(get("kind")),
        sponsored=None if pd.isna(sponsored) else bool(sponsored),
        times_median=views / median if views is not None and median else None,
    )


def top_by_views(posts: pd.DataFrame, top: int, median: float | None = None) -> list[Post]:
    """The ``top`` most viewed posts (ties: the older post id first)."""
    ranked = posts.dropna(subset=["views"]).sort_values(
        ["views", "post_id"], ascending=[False, True], kind="mergesort"
    )
    return [to_post(row, median) for row in ranked.head(top).itertuples(index=False)]


def top_by_engagement(
    posts: pd.DataFrame, top: int, median: float | None = None,
    min_views: int = TOP_ENGAGEMENT_MIN_VIEWS,
) -> list[Post]:
    """The ``top`` posts by per-view engagement, among posts with at least ``min_views`` views."""
    rated = rated_posts(posts)
    rated = rated[(rated["views"] >= min_views).fillna(False)]
    if rated.empty:
        return []
    rates = (interactions(rated) / rated["views"].astype("Float64")).astype("float64")
    order = pd.DataFrame({"rate": rates.to_numpy(), "post_id": rated["post_id"].to_numpy()},
                         index=rated.index)
    order = order.sort_values(["rate", "post_id"], ascending=[False, True], kind="mergesort")
    best = rated.loc[order.index[:top]]
    return [to_post(row, median) for row in best.itertuples(index=False)]


def viral(posts: pd.DataFrame, median: float | None,
          multiple: float = VIRAL_MULTIPLE) -> Virality:
    """Posts with more than ``multiple`` × the typical views, most viewed first."""
    rule = f"more than {multiple:g} × the typical (median) views of recent posts"
    if median is None or median <= 0:
        return Virality(rule, None, [])
    threshold = multiple * median
    hits = posts[posts["views"].notna() & (posts["views"] > threshold).fillna(False)]
    return Virality(rule, threshold, top_by_views(hits, len(hits), median))
