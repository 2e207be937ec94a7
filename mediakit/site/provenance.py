"""Where the kit's numbers came from, in words, for the "data as of" lines (issue 19).

A kit built from exports only says what it always said (the templates keep their own wording,
so those pages do not change by a byte); once a platform's numbers come from ``mediakit pull``,
every as-of line names which platform came from its API and on what day, and which from exports.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from mediakit.analytics.report import Report
from mediakit.site.format import Formatter

NO_AUDIENCE_API = frozenset({"tiktok"})  # TikTok's Display API gives no audience split


def data_origin(report: Report, formatter: Formatter, name: Callable[[str], str]) -> str:
    """"YouTube via its API on 7 Dec 2026; TikTok from exports with data to 16 Nov 2026", or ""
    when no number came from an API (the page then keeps its exports-only sentence)."""
    platforms = report.platforms
    if not any(p.api_pulled for p in platforms.values()):
        return ""
    parts = []
    for key, platform in platforms.items():
        label = name(key)
        if platform.api_pulled:
            parts.append(f"{label} via its API on "
                         f"{formatter.day(date.fromisoformat(platform.api_pulled))}")
            if platform.exported:
                parts[-1] += (" and exports with data to "
                              f"{formatter.day(date.fromisoformat(platform.exported))}")
            if key in NO_AUDIENCE_API:
                parts[-1] += ", whose API has no audience data: exports fill that in"
        elif platform.exported:
            parts.append(f"{label} from exports with data to "
                         f"{formatter.day(date.fromisoformat(platform.exported))}")
        else:
            parts.append(f"{label} from the history of earlier exports")
    return "; ".join(parts)
