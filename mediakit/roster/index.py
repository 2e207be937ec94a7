"""The agency index: one row per creator with their headline numbers, sortable and filterable.

It is plain HTML first (a table that reads fine with JavaScript off); a small same-origin script
adds sorting and filtering, so it works from a file or any static host with no server.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mediakit import __version__
from mediakit.site.format import Formatter
from mediakit.site.palette import palette

if TYPE_CHECKING:
    from mediakit.roster.model import Outcome, RosterFile


def creator_row(outcome: Outcome) -> dict[str, Any]:
    """The numbers the index shows for one creator (from its stats.json contract).

    ``lead_platform`` and ``headline`` are the creator's first platform and its stats.json
    ``headline``, copied as they are: the row shows what the creator's own kit leads with, never
    numbers picked again here. ``median_views`` (every post's median) and ``engagement`` (the
    views-weighted rate) per platform keep their older meanings for roster.json's readers.
    """
    summary = outcome.summary
    platforms = summary.get("platforms", {})
    lead = summary.get("lead_platform")
    headline = platforms.get(lead, {}).get("headline") if lead else None
    followers = [p.get("followers") for p in platforms.values() if p.get("followers") is not None]
    medians = {name: p.get("median_views") for name, p in platforms.items()}
    rates = {name: p.get("engagement_rate_per_view") for name, p in platforms.items()}
    top_country = None
    for data in platforms.values():
        countries = {k: v for k, v in data.get("audience", {}).get("countries", {}).items()
                     if k.lower() not in ("other", "others")}
        if countries:
            top_country = max(sorted(countries), key=lambda code: countries[code])
            break
    return {
        "slug": outcome.slug,
        "name": summary.get("name") or outcome.slug,
        "platforms": sorted(platforms),
        "lead_platform": lead,
        "headline": headline,
        "followers": sum(followers) if followers else None,
        "median_views": medians,
        "engagement": rates,
        "top_country": top_country,
        "as_of": summary.get("as_of"),
        "warnings": len(outcome.warnings),
        "error": outcome.error,
    }


def index_files(
    roster: RosterFile, outcomes: list[Outcome], roster_dir: Path
) -> dict[str, bytes]:
    """index.html, its stylesheet and script, and roster.json (the same rows for machines)."""
    from mediakit.site.render import environment

    formatter = Formatter("en_US")
    env = environment(roster_dir, formatter)  # the agency may override roster.html
    rows = [creator_row(outcome) for outcome in outcomes]
    colours = palette(roster.branding.primary, roster.branding.accent,
                      keys=("branding.primary", "branding.accent"))
    html = env.get_template("roster.html").render(
        palette=colours, roster=roster, rows=rows, version=__version__,
        built=sum(1 for row in rows if not row["error"]),
        failed=sum(1 for row in rows if row["error"]),
    )
    data = json.dumps({"name": roster.name, "creators": rows}, indent=2, sort_keys=True,
                      ensure_ascii=False) + "\n"
    return {
        "index.html": html.encode("utf-8"),
        "assets/roster.css": env.get_template("roster.css").render().encode("utf-8"),
        "assets/roster.js": env.get_template("roster.js").render().encode("utf-8"),
        "roster.json": data.encode("utf-8"),
        ".nojekyll": b"",
        "robots.txt": b"User-agent: *\nDisallow: /\n",
    }
