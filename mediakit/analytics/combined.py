"""One cross-platform headline that only adds numbers meaning the same thing on every platform.

Followers are followers everywhere (subscribers on YouTube), and a day's video views are views;
engagement rates and medians are *not* added or averaged across platforms: they stay per platform.
A platform whose daily views do not span the whole 30 days is left out of the 30-day sum (its own
figure is labelled with its real span): a total labelled "last 30 days" must be one.
"""

from __future__ import annotations

from mediakit.analytics.report import Combined, PlatformReport


def combined(platforms: dict[str, PlatformReport]) -> Combined:
    """Totals over the platforms that have each number; the others are named in ``left_out``."""
    followers = {name: p.followers for name, p in platforms.items() if p.followers is not None}
    views = {name: p.views_30d for name, p in platforms.items()
             if p.views_30d is not None and (p.views_30d_span is None or p.views_30d_span.full)}
    left_out = [(name, "no follower count") for name in platforms if name not in followers]
    left_out += [(name, "no daily video views" if p.views_30d is None
                  else "daily video views do not cover the 30 days")
                 for name, p in platforms.items() if name not in views]
    return Combined(
        followers=sum(followers.values()) if followers else None,  # type: ignore[arg-type]
        followers_by_platform=followers,  # type: ignore[arg-type]
        views_30d=sum(views.values()) if views else None,  # type: ignore[arg-type]
        views_30d_by_platform=views,  # type: ignore[arg-type]
        left_out=left_out,
    )
