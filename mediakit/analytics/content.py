"""What kind of post travels: lift of median views per hashtag, sound, length, kind, sponsorship.

Lift compares medians (one viral post cannot make a hashtag look magic) and every row carries
its post count, so a "+80%" from two posts is visibly a small sample.
"""

from __future__ import annotations

import pandas as pd

from mediakit.analytics.figures import Insight

MIN_POSTS = 2  # a feature seen on one post says nothing about the feature
SOLID_POSTS = 5  # below this the row is marked "small sample"
PER_FACET = 8
# Duration buckets in seconds: [low, high) with the label shown.
DURATIONS = ((0, 15, "under 15 s"), (15, 30, "15–30 s"), (30, 60, "30–60 s"),
             (60, 180, "1–3 min"), (180, 600, "3–10 min"), (600, float("inf"), "10 min +"))


def duration_bucket(seconds: float) -> str | None:
    """12.0 -> "under 15 s"; None for missing, zero or negative durations.

    Zero is not a very short video: exports write 0 for photo posts and for durations they do
    not know, and those must not swell the shortest bucket.
    """
    if pd.isna(seconds) or seconds <= 0:
        return None
    for low, high, label in DURATIONS:
        if low <= seconds < high:
            return label
    return None


def _facets(posts: pd.DataFrame) -> dict[str, pd.Series]:
    """Per facet, one value per (post, value) pair, indexed like ``posts``."""
    tags = posts["hashtags"].dropna().str.split().explode().dropna()
    tags = "#" + tags[tags != ""]
    sponsored = posts["sponsored"].dropna().map({True: "sponsored", False: "organic"})
    return {
        "hashtag": tags,
        "sound": posts["sound"].dropna(),
        "duration": posts["duration_s"].map(duration_bucket).dropna(),
        "kind": posts["kind"].dropna(),
        "sponsored": sponsored,
    }


def insights(posts: pd.DataFrame) -> list[Insight]:
    """Per facet, the values seen on at least MIN_POSTS posts with a view count, by count then lift.

    The account median is the median views of the same posts (every post with a view count), so
    lift = median views of the posts with the feature ÷ that median - 1. A facet with fewer than
    two listed values (every post is a "video") is left out: there is nothing to compare.
    """
    viewed = posts[posts["views"].notna()]
    if viewed.empty:
        return []
    views = viewed["views"].astype("float64")
    account = float(views.median())
    if account <= 0:
        return []
    result: list[Insight] = []
    for facet, values in _facets(viewed).items():
        values = values.astype("string")
        if values.nunique() < 2:
            continue
        rows = []
        for value, index in values.groupby(values).groups.items():
            unique = pd.Index(index).unique()
            if len(unique) < MIN_POSTS:
                continue
            median = float(views.loc[unique].median())
            rows.append(Insight(facet, str(value), len(unique), median, median / account - 1,
                                len(unique) < SOLID_POSTS))
        if len(rows) < 2:  # one value left ("organic" alone): nothing to compare it with
            continue
        rows.sort(key=lambda item: (-item.posts, -item.lift, item.value))
        result.extend(rows[:PER_FACET])
    return result
