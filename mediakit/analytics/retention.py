"""How long people watch: average watch time and completion rate per post, where known.

YouTube exports these; TikTok shows them only on screen, so a creator may type them into
content/data/<platform>/posts-extra.csv (read by sources/extra.py) and they are labelled
self-reported.
"""

from __future__ import annotations

import pandas as pd

from mediakit.analytics.figures import Retention

TOP = 10
MIN_FOR_CORRELATION = 5


def spearman(first: pd.Series, second: pd.Series) -> float | None:
    """Rank correlation (-1..1) of two equally indexed series; None when it is undefined."""
    pair = pd.DataFrame({"a": first.astype("float64"), "b": second.astype("float64")}).dropna()
    if len(pair) < MIN_FOR_CORRELATION:
        return None
    ranks = pair.rank()
    if ranks["a"].std() == 0 or ranks["b"].std() == 0:
        return None
    return float(ranks["a"].corr(ranks["b"]))


def _median(values: pd.Series) -> float | None:
    values = values.dropna()
    return None if values.empty else float(values.astype("float64").median())


def retention(posts: pd.DataFrame, self_reported: bool, source: str | None) -> Retention | None:
    """Watch-time figures over the posts that have them; None when no post has any."""
    has = posts[posts["avg_watch_s"].notna() | posts["completion_rate"].notna()]
    if has.empty:
        return None
    ranked = has.sort_values(["views", "post_id"], ascending=[False, True], na_position="last")
    top = [
        {
            "title": "" if pd.isna(row.title) else str(row.title),
            "url": None if pd.isna(row.url) else str(row.url),
            "posted_at": None if pd.isna(row.posted_at) else row.posted_at.date().isoformat(),
            "views": None if pd.isna(row.views) else int(row.views),
            "avg_watch_s": None if pd.isna(row.avg_watch_s) else float(row.avg_watch_s),
            "duration_s": None if pd.isna(row.duration_s) else float(row.duration_s),
            "completion_rate": (
                None if pd.isna(row.completion_rate) else float(row.completion_rate)
            ),
        }
        for row in ranked.head(TOP).itertuples(index=False)
    ]
    return Retention(
        posts=len(has),
        median_avg_watch_s=_median(has["avg_watch_s"]),
        median_completion_rate=_median(has["completion_rate"]),
        correlation_with_views=spearman(has["completion_rate"], has["views"]),
        self_reported=self_reported,
        source=source,
        top=top,
    )
