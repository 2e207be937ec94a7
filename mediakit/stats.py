"""site/stats.json: the kit's numbers for machines (brand tools, scripts, tests).

The field names and meanings are a published contract (README, "stats.json"): later versions add
fields, never change what an existing one means.
"""

from __future__ import annotations

import json
from typing import Any

from mediakit.analytics.report import PlatformReport, Report

SCHEMA_VERSION = 1


def stats(report: Report) -> dict[str, Any]:
    """The documented stats.json structure."""
    return {
        "as_of": report.as_of.isoformat(),
        "schema_version": SCHEMA_VERSION,
        "platforms": {name: _platform(data) for name, data in sorted(report.platforms.items())},
    }


def stats_json(report: Report) -> bytes:
    """Stable bytes: sorted keys, two-space indent, trailing newline."""
    text = json.dumps(stats(report), indent=2, sort_keys=True, ensure_ascii=False)
    return (text + "\n").encode("utf-8")


def _platform(data: PlatformReport) -> dict[str, Any]:
    gender = data.split("gender")
    countries = data.split("country")
    return {
        "followers": data.followers,
        "followers_change_30d": data.followers_change_30d,
        "views_30d": data.views_30d,
        "profile_views_30d": data.profile_views_30d,
        "median_views": _round(data.median_views, 1),
        "engagement_rate_per_view": _round(data.engagement_rate_per_view, 6),
        "audience": {
            "gender": _shares(gender.shares) if gender and not gender.self_reported else {},
            "countries": (
                _shares(countries.shares) if countries and not countries.self_reported else {}
            ),
        },
        "top_posts": [
            {"url": post.url, "title": post.title, "views": post.views} for post in data.top_posts
        ],
        "best_posting_hours": list(data.best_posting_hours),
    }


def _shares(shares: dict[str, float]) -> dict[str, float]:
    return {segment: round(share, 6) for segment, share in shares.items()}


def _round(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits)
