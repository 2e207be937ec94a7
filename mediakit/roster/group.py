"""A group's combined numbers, from its members' own headlines: pure arithmetic on plain values.

A collective sells itself by its combined following, so the sums must be the members' numbers
exactly as their kits show them (each member's stats.json ``headline``, never numbers picked
again) and must add only like with like, by the rules of a creator's own combined headline
(mediakit/analytics/combined.py): followers add up per platform and overall; 30-day video views
add up only for a platform whose member's views span the whole 30 days (the member's stats.json
``combined.views_30d_by_platform`` already says which); rates and medians are never added.

The audience is weighted by each member's followers on that platform: a member with 40K
followers who is 70% female and one with 10K who is 50% female make 40K×0.7 + 10K×0.5 over 50K =
66% female. Age is combined only when every member on the platform has an exported age split
with the same age bands; otherwise it is left out with the reason. Nothing here reads a file or
the clock.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from mediakit.site.i18n import N_  # words the group page translates

BEST_POSTS = 6  # the group's best posts across members
OVERLAP_NOTE = N_("combined following, not unique people")


@dataclass(frozen=True)
class Member:
    """One member as the group page needs them: the summary of their built kit, or their error."""

    slug: str
    name: str
    as_of: str | None = None
    lead_platform: str | None = None
    headlines: dict[str, dict[str, Any]] = field(default_factory=dict)  # platform -> headline
    views_counted: frozenset[str] = frozenset()  # platforms whose 30-day views may be summed
    gender: dict[str, dict[str, float]] = field(default_factory=dict)  # platform -> shares
    countries: dict[str, dict[str, float]] = field(default_factory=dict)
    ages: dict[str, dict[str, float]] = field(default_factory=dict)
    top_posts: list[dict[str, Any]] = field(default_factory=list)  # with "platform"
    error: str | None = None


@dataclass(frozen=True)
class Audience:
    """One platform's combined audience and how it was combined (the label the page shows)."""

    platform: str
    gender: dict[str, float]
    countries: dict[str, float]
    age: dict[str, float] | None
    age_note: str | None  # why age is left out, when it is
    gender_from: list[str]  # names of the members each split was weighed over
    countries_from: list[str]
    age_from: list[str]
    method: str
    age_lacking: tuple[str, ...] = ()  # the members without an exported age split, by name


@dataclass(frozen=True)
class GroupFigures:
    followers: int | None
    followers_by_platform: dict[str, int]
    views_30d: int | None
    views_30d_by_platform: dict[str, int]
    left_out: list[tuple[str, str, str]]  # (member, platform, why its views are not summed)
    as_of: str | None  # the newest member's data
    stale: dict[str, str]  # slug -> that member's own, older as-of day
    missing: list[str]  # members that failed to build: not in any total
    counted: list[str]  # members in the totals
    audiences: list[Audience]
    best_posts: list[dict[str, Any]]


def member(slug: str, summary: dict[str, Any], *, name: str | None = None,
           ages: dict[str, dict[str, float]] | None = None, error: str | None = None) -> Member:
    """A member from a built kit's stats.json summary (or only its error)."""
    if error:
        return Member(slug=slug, name=name or summary.get("name") or slug, error=error)
    platforms: dict[str, dict[str, Any]] = summary.get("platforms", {})
    combined = summary.get("combined") or {}
    posts = [post | {"platform": platform}
             for platform, data in sorted(platforms.items()) for post in data.get("top_posts", [])]
    return Member(
        slug=slug,
        name=name or summary.get("name") or slug,
        as_of=summary.get("as_of"),
        lead_platform=summary.get("lead_platform"),
        headlines={p: d["headline"] for p, d in platforms.items() if d.get("headline")},
        views_counted=frozenset(combined.get("views_30d_by_platform", {})),
        gender={p: d["audience"]["gender"] for p, d in platforms.items()
                if d.get("audience", {}).get("gender")},
        countries={p: d["audience"]["countries"] for p, d in platforms.items()
                   if d.get("audience", {}).get("countries")},
        ages=dict(ages or {}),
        top_posts=posts,
    )


def combine(members: list[Member]) -> GroupFigures:
    """The group's totals, audience and best posts over the members that built."""
    built = [m for m in members if not m.error]
    followers: dict[str, int] = {}
    views: dict[str, int] = {}
    left_out: list[tuple[str, str, str]] = []
    for one in built:
        for platform, head in sorted(one.headlines.items()):
            if head.get("followers") is not None:
                followers[platform] = followers.get(platform, 0) + head["followers"]
            if head.get("views_30d") is None:
                left_out.append((one.name, platform, "no daily video views"))
            elif platform not in one.views_counted:
                left_out.append((one.name, platform, "daily video views do not cover the 30 days"))
            else:
                views[platform] = views.get(platform, 0) + head["views_30d"]
    days = [one.as_of for one in built if one.as_of]
    newest = max(days) if days else None
    return GroupFigures(
        followers=sum(followers.values()) if followers else None,
        followers_by_platform=dict(sorted(followers.items())),
        views_30d=sum(views.values()) if views else None,
        views_30d_by_platform=dict(sorted(views.items())),
        left_out=left_out,
        as_of=newest,
        stale={one.slug: one.as_of for one in built if one.as_of and one.as_of != newest},
        missing=[one.name for one in members if one.error],
        counted=[one.name for one in built],
        audiences=[audience(built, platform) for platform in sorted(followers)],
        best_posts=best_posts(built),
    )


def weighted(parts: list[tuple[int, dict[str, float]]]) -> dict[str, float]:
    """Shares weighted by followers: Σ followers × share ÷ Σ followers, biggest first.

    A segment a member does not list counts as 0 for that member.
    """
    total = sum(weight for weight, _ in parts)
    if total <= 0:
        return {}
    sums: dict[str, float] = {}
    for weight, shares in parts:
        for segment, share in shares.items():
            sums[segment] = sums.get(segment, 0.0) + weight * share
    ordered = sorted(sums.items(), key=lambda item: (-item[1], item[0]))
    return {segment: round(value / total, 6) for segment, value in ordered}


def audience(built: list[Member], platform: str) -> Audience:
    """One platform's audience over the members with followers there, weighted by them."""
    on = [m for m in built if (m.headlines.get(platform) or {}).get("followers") is not None]
    weight = {m.slug: int(m.headlines[platform]["followers"]) for m in on}
    gender = [(weight[m.slug], m.gender[platform]) for m in on if platform in m.gender]
    countries = [(weight[m.slug], m.countries[platform]) for m in on if platform in m.countries]
    age, age_note = None, None
    lacking = [m.name for m in on if platform not in m.ages]
    bands = {frozenset(m.ages[platform]) for m in on if platform in m.ages}
    if lacking:
        age_note = f"left out: no exported age split for {', '.join(lacking)}"
    elif len(bands) > 1:
        age_note = N_("left out: the members' exports use different age bands")
    else:
        age = weighted([(weight[m.slug], m.ages[platform]) for m in on])
    return Audience(
        platform=platform,
        gender=weighted(gender),
        countries=weighted(countries),
        age=age,
        age_note=age_note,
        gender_from=[m.name for m in on if platform in m.gender],
        countries_from=[m.name for m in on if platform in m.countries],
        age_from=[m.name for m in on] if age is not None else [],
        method=N_("each member's audience weighted by their followers on this platform"),
        age_lacking=tuple(lacking),
    )


def best_posts(built: list[Member], count: int = BEST_POSTS) -> list[dict[str, Any]]:
    """The most-viewed posts across members (views are views on every platform)."""
    posts = [post | {"member": m.name, "slug": m.slug}
             for m in built for post in m.top_posts if post.get("views") is not None]
    posts.sort(key=lambda post: (-post["views"], post["slug"], post.get("url") or ""))
    return posts[:count]
