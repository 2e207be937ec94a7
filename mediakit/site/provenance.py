"""Where the kit's numbers came from, in words, for the "data as of" lines (issue 19).

A kit built from exports only says what it always said (the templates keep their own wording,
so those pages do not change by a byte); once a platform's numbers come from ``mediakit pull``,
every as-of line names which platforms came from their API and on what day, and which from
exports. Platforms with the same story share one phrase, so the line stays short on a phone.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from mediakit.analytics.report import Report
from mediakit.site.format import Formatter

NO_AUDIENCE_API = frozenset({"tiktok"})  # TikTok's Display API gives no audience split


def data_origin(report: Report, formatter: Formatter, name: Callable[[str], str]) -> str:
    """"YouTube and Instagram via their APIs on Dec 7, 2026; TikTok from exports with data to
    Nov 16, 2026", or "" when no number came from an API (the page keeps its own sentence)."""
    platforms = report.platforms
    if not any(p.api_pulled for p in platforms.values()):
        return ""
    groups: dict[tuple[str | None, str | None], list[str]] = {}
    for key, platform in platforms.items():
        groups.setdefault((platform.api_pulled, platform.exported), []).append(name(key))
    parts = [_phrase(labels, pulled, exported, formatter)
             for (pulled, exported), labels in groups.items()]
    silent = [name(key) for key, p in platforms.items() if p.api_pulled and key in NO_AUDIENCE_API]
    parts += [formatter.gettext("%(platform)s’s API has no audience data: exports fill that in",
                                platform=label) for label in silent]
    return "; ".join(parts)


def _phrase(labels: list[str], pulled: str | None, exported: str | None,
            formatter: Formatter) -> str:
    """One group's story: "YouTube and Instagram via their APIs on …"."""
    who = labels[0] if len(labels) == 1 else formatter.gettext(
        "%(first)s and %(last)s", first=", ".join(labels[:-1]), last=labels[-1])
    if pulled and exported:
        return formatter.ngettext(
            "%(who)s via its API on %(day)s and exports with data to %(exported)s",
            "%(who)s via their APIs on %(day)s and exports with data to %(exported)s",
            len(labels), who=who, day=_day(pulled, formatter), exported=_day(exported, formatter))
    if pulled:
        return formatter.ngettext("%(who)s via its API on %(day)s",
                                  "%(who)s via their APIs on %(day)s", len(labels), who=who,
                                  day=_day(pulled, formatter))
    if exported:
        return formatter.gettext("%(who)s from exports with data to %(day)s", who=who,
                                 day=_day(exported, formatter))
    return formatter.gettext("%(who)s from the history of earlier exports", who=who)


def _day(iso: str, formatter: Formatter) -> str:
    return formatter.day(date.fromisoformat(iso))
