"""Engagement rates, each with its denominator in its name.

A rate without its denominator is meaningless (per view and per follower differ by 10x on TikTok),
so every function here says what it divides by.
"""

from __future__ import annotations

import pandas as pd

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
