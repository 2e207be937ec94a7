"""A small two-platform account (TikTok and Instagram) for the end-to-end analytics tests."""

from __future__ import annotations

import pandas as pd
import pytest

from mediakit.project.profile import Profile
from mediakit.tables import Account, SourceFile, conform
from tests.helpers import activity, audience, daily, posts


def two_platform_account() -> Account:
    days = pd.date_range("2026-01-01", "2026-03-31")
    tiktok_daily = daily([
        {"date": d.date().isoformat(), "followers": 20_000 + 10 * i, "views": 5_000,
         "profile_views": 50, "likes": 400, "comments": 20, "shares": 30, "reached": 3_000,
         "new_viewers": 2_000, "returning_viewers": 1_000}
        for i, d in enumerate(days)
    ])
    insta_daily = daily([
        {"date": d.date().isoformat(), "followers": 8_000 + 2 * i, "views": 1_500}
        for i, d in enumerate(days)
    ], platform="instagram")
    tiktok_posts = posts([
        {"post_id": f"t{i}", "posted_at": f"2026-03-{i + 1:02d} 19:00",
         "url": f"https://www.tiktok.com/@a/video/{i}", "title": f"video {i} #music",
         "views": 10_000 + 1_000 * i, "likes": 900, "comments": 50, "shares": 50,
         "hashtags": "music" if i % 2 else "music cover", "kind": "video"}
        for i in range(10)
    ] + [{"post_id": "viral", "posted_at": "2026-02-14 20:00", "title": "the hit",
          "views": 500_000, "likes": 40_000, "comments": 2_000, "shares": 3_000,
          "kind": "video"}])
    insta_posts = posts([
        {"post_id": f"i{i}", "posted_at": f"2026-03-{2 * i + 1:02d} 12:00", "views": 3_000,
         "reach": 2_000, "likes": 150, "comments": 10, "shares": 5, "saves": 15, "kind": "reel"}
        for i in range(6)
    ], platform="instagram")
    hours = activity([(d, h, 100.0 + (400.0 if 18 <= h <= 21 else 0.0))
                      for d in ("2026-03-23", "2026-03-24") for h in range(24)])
    splits = audience([("gender", "female", 0.7, "2026-03-31"),
                       ("gender", "male", 0.3, "2026-03-31"),
                       ("country", "US", 0.6, "2026-03-31"),
                       ("country", "Others", 0.4, "2026-03-31")])
    frames = {
        "daily": pd.concat([tiktok_daily, insta_daily]),
        "posts": pd.concat([tiktok_posts, insta_posts]),
        "audience": splits,
        "activity": hours,
    }
    account = Account(**{name: conform(frame, name) for name, frame in frames.items()})
    account.files = [SourceFile("data/tiktok/Overview.csv", "tiktok", "tiktok.overview", 90)]
    return account


@pytest.fixture()
def account() -> Account:
    return two_platform_account()


@pytest.fixture()
def profile() -> Profile:
    return Profile.model_validate({
        "name": "Ana", "timezone": "Europe/Dublin", "niche": "Music",
        "platforms": {"tiktok": {"handle": "@ana"}, "instagram": {"handle": "@ana"}},
        "rates": [{"deliverable": "1 video", "price": 400, "currency": "USD",
                   "platform": "tiktok"}],
        "audience": {"tiktok": {"age": {"source": "copied from the app",
                                        "shares": {"18-24": 0.5, "25-34": 0.5}}}},
    })
