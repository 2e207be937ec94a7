"""Engagement rates, each with its denominator in its name.

A rate without its denominator is meaningless (per view and per follower differ by 10x on TikTok),
so every function here says what it divides by.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from mediakit.analytics.figures import Rate

INTERACTIONS = ("likes", "comments", "shares", "saves")


def interactions(posts: pd.DataFrame) -> pd.Series:
    """Per post: likes + comments + shares, plus saves where the platform reports them."""
    total = posts["likes"].astype("Float64")
    for column in INTERACTIONS[1:]:
        total = total + posts[column].astype("Float64").fillna(0)
    return total


def rated_posts(posts: pd.DataFrame) -> pd.DataFrame:
    """Posts that can enter a per-view rate: views > 0 and likes, comments, shares known."""
    mask = (
        posts["views"].notna()
        & (posts["views"] > 0)
        & posts["likes"].notna()
        & posts["comments"].notna()
        & posts["shares"].notna()
    )
    return posts[mask.fillna(False)]


def rate_per_view(posts: pd.DataFrame) -> float | None:
    """(likes + comments + shares [+ saves]) / views, summed over posts (a views-weighted rate)."""
    rated = rated_posts(posts)
    if rated.empty:
        return None
    return float(interactions(rated).sum()) / float(rated["views"].sum())


def _label_parts(posts: pd.DataFrame) -> str:
    """The numerator in words: saves only where the platform reports them."""
    parts = ["likes", "comments", "shares"]
    if posts["saves"].notna().any():
        parts.append("saves")
    return " + ".join(parts)


def _median(values: pd.Series) -> float | None:
    values = values.dropna()
    if values.empty:
        return None
    return float(values.astype("float64").median())


def median_rate(numerators: pd.Series, denominators: pd.Series) -> float | None:
    """median(numerator) ÷ median(denominator): robust to one viral post (Modash's method)."""
    top, bottom = _median(numerators), _median(denominators)
    if top is None or not bottom:
        return None
    return top / bottom


def rates(posts: pd.DataFrame, followers: int | None) -> list[Rate]:
    """Every engagement rate the window's posts support, each labelled with its denominator.

    The headline rates use medians (the typical post), like the published benchmarks; the
    per-interaction breakdown divides totals by total views, so likes + comments + shares
    [+ saves] rates add up to the "all interactions" total.
    """
    rated = rated_posts(posts)
    result: list[Rate] = []
    if rated.empty:
        return result
    numerator = _label_parts(rated)
    counts = interactions(rated)
    n = len(rated)
    result.append(Rate(
        "per_view", "Engagement per view", median_rate(counts, rated["views"]), numerator, "view",
        "median interactions per post ÷ median views per post", n,
    ))
    if followers:
        typical = _median(counts)
        result.append(Rate(
            "per_follower", "Engagement per follower",
            None if typical is None else typical / followers, numerator, "follower",
            "median interactions per post ÷ followers on the as-of day", n,
        ))
    with_reach = rated[rated["reach"].notna() & (rated["reach"] > 0).fillna(False)]
    if not with_reach.empty:
        result.append(Rate(
            "per_reach", "Engagement per reach",
            median_rate(interactions(with_reach), with_reach["reach"]), numerator, "reach",
            "median interactions per post ÷ median accounts reached per post", len(with_reach),
        ))
    total_views = float(rated["views"].sum())
    result.append(Rate(
        "total_per_view", "All interactions per view", float(counts.sum()) / total_views,
        numerator, "view", "sum of interactions ÷ sum of views (views-weighted)", n,
    ))
    for column in INTERACTIONS:
        known = rated[rated[column].notna()]
        if known.empty:
            continue
        result.append(Rate(
            f"{column}_per_view", f"{column.title()} per view",
            float(known[column].sum()) / float(known["views"].sum()), column, "view",
            f"sum of {column} ÷ sum of views", len(known),
        ))
    return result


def post_rate(row: Any) -> float | None:
    """One post's (likes + comments + shares [+ saves]) ÷ views; None when a count is missing."""
    views = row.views
    parts = [row.likes, row.comments, row.shares]
    if pd.isna(views) or not views or any(pd.isna(part) for part in parts):
        return None
    saves = row.saves
    return float(sum(parts) + (0 if pd.isna(saves) else saves)) / float(views)
