"""One cross-platform headline that only adds numbers meaning the same thing on every platform.

Followers are followers everywhere (subscribers on YouTube), and a day's video views are views;
engagement rates and medians are *not* added or averaged across platforms: they stay per platform.
"""

from __future__ import annotations

from mediakit.analytics.report import Combined, PlatformReport


def combined(platforms: dict[str, PlatformReport]) -> Combined:
    """Totals over the platforms that have each number; the others are named in ``left_out``."""
    followers = {name: p.followers for name, p in platforms.items() if p.followers is not None}
    views = {name: p.views_30d for name, p in platforms.items() if p.views_30d is not None}
    left_out = [(name, "no follower count") for name in platforms if name not in followers]
    left_out += [(name, "no daily video views") for name in platforms if name not in views]
    return Combined(
        followers=sum(followers.values()) if followers else None,  # type: ignore[arg-type]
        followers_by_platform=followers,  # type: ignore[arg-type]
        views_30d=sum(views.values()) if views else None,  # type: ignore[arg-type]
        views_30d_by_platform=views,  # type: ignore[arg-type]
        left_out=left_out,
    )
