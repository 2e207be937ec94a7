"""The logic of ``mediakit check``: is the data good enough to send a kit? Validate, explain, write
nothing (commands/check.py prints it).

A build stops at the first broken file; ``check`` keeps going and reports everything it can:
which export covers which days, holes in the daily data, stale data, days an export left
"undefined", exports that overlap, numbers the kit will show as missing, and the notes the readers
and the analytics core leave for the creator. Errors block a build (exit 2), warnings deserve a
look before sending the kit (exit 1), notes are for information.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import pandas as pd

from mediakit import history
from mediakit.analytics.analyze import analyze
from mediakit.analytics.report import PlatformReport, Report
from mediakit.build import (
    Project,
    combine,
    creator_questions,
    freshness_notes,
    freshness_warnings,
    read_history,
    read_platform,
)
from mediakit.errors import MediakitError
from mediakit.project.missing_words import missing_words
from mediakit.project.paths import inside
from mediakit.project.profile import Profile, load_profile
from mediakit.site import casestudies
from mediakit.site.pagetext import markdown
from mediakit.site.palette import palette
from mediakit.site.render import platform_name
from mediakit.sources.files import walk_exports
from mediakit.tables import Account, SourceFile

ERROR, WARNING, NOTE = "error", "warning", "note"
#: How far back an export can still be downloaded again (TikTok keeps about 60 days).
REFETCHABLE_DAYS = 60
#: Daily numbers the kit's headline adds up over the last 30 days.
HEADLINE_DAILY = ("followers", "views", "profile_views")
DAILY_METRICS = ("followers", "views", "profile_views", "likes", "comments", "shares",
                 "reached", "new_viewers", "returning_viewers")
SHOWN_RANGES = 3
#: A column known on fewer days than this share is a snapshot, not a series with missing days.
DAILY_SERIES_SHARE = 0.5


@dataclass(frozen=True)
class Finding:
    level: str  # "error", "warning" or "note"
    message: str  # one line, in the creator's words


@dataclass(frozen=True)
class Coverage:
    """What the data (exports and history together) covers for one platform."""

    platform: str
    first_date: date | None
    last_date: date | None
    days: int  # days with any daily number
    posts: int  # posts known


@dataclass
class CheckReport:
    profile: str | None = None  # the creator's name once the profile is valid
    exports: list[SourceFile] = field(default_factory=list)
    coverage: list[Coverage] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    as_of: date | None = None

    def add(self, level: str, message: str) -> None:
        if Finding(level, message) not in self.findings:
            self.findings.append(Finding(level, message))

    def of(self, level: str) -> list[str]:
        return [finding.message for finding in self.findings if finding.level == level]

    @property
    def exit_code(self) -> int:
        """0 clean, 1 warnings, 2 errors."""
        if self.of(ERROR):
            return 2
        return 1 if self.of(WARNING) else 0


def check(project_dir: Path, today: date | None = None) -> CheckReport:
    """Validate the profile and every export, and describe the data; nothing is written."""
    project = Project(Path(project_dir))
    result = CheckReport()
    try:
        inside(project.content, "profile.yaml", file=project.profile_file)  # not a link out
        profile = load_profile(project.profile_file)
    except MediakitError as error:
        result.add(ERROR, str(error))
        return result
    result.profile = profile.name
    for text in creator_questions(project, profile):
        result.add(WARNING, text)
    for text in palette(profile.colors.primary, profile.colors.accent).changed:
        result.add(NOTE, text)
    for text in missing_words(profile, project.profile_file, project.content):
        result.add(NOTE, text)
    if profile.site.base_url is None:
        result.add(NOTE, f"{project.profile_file}: site.base_url is not set, so the PDF and "
                   "link previews cannot point at your live kit; set it to the address where the "
                   "kit is published, e.g. base_url: \"https://yourname.github.io/kit/\"")
    fresh = Account()
    for platform in profile.platforms:
        try:
            fresh = combine(fresh, read_platform(project, profile, platform))
        except MediakitError as error:
            result.add(ERROR, str(error))
    result.exports = list(fresh.files)
    for text in fresh.warnings:
        result.add(WARNING, text)
    for text in fresh.notes:
        result.add(NOTE, text)
    try:
        account = history.merge(read_history(project), fresh)
    except MediakitError as error:
        result.add(ERROR, str(error))
        return result
    for text in duplicate_files(project, profile):
        result.add(NOTE, text)
    for text in overlapping_exports(fresh.files):
        result.add(NOTE, text)
    try:
        report = analyze(account, profile)
    except MediakitError as error:
        result.add(ERROR, str(error))
        return result
    result.as_of = report.as_of
    for text in freshness_warnings(report, today or date.today(), demo=profile.demo):
        result.add(WARNING, text)
    for text in freshness_notes(report, demo=profile.demo):
        result.add(NOTE, text)
    for platform in profile.platforms:
        result.coverage.append(coverage(account, platform))
        for level, text in daily_holes(account.daily, platform, report.as_of):
            result.add(level, text)
        data = report.platforms.get(platform)
        if data is not None:
            for level, text in missing_metrics(data, profile):
                result.add(level, text)
    for text in report_notes(report):
        result.add(NOTE, text)
    try:
        studies = casestudies.read_all(project.content, markdown(), profile, account.posts,
                                       report.as_of)
    except MediakitError as error:
        result.add(ERROR, str(error))
        return result
    for text in casestudies.gaps(studies):
        result.add(NOTE, text)
    return result


def coverage(account: Account, platform: str) -> Coverage:
    daily = account.daily[account.daily["platform"] == platform]
    metrics = [name for name in DAILY_METRICS if name in daily]
    known = daily[daily[metrics].notna().any(axis=1)] if len(daily) else daily
    posts = int((account.posts["platform"] == platform).sum())
    if known.empty:
        return Coverage(platform, None, None, 0, posts)
    return Coverage(platform, known["date"].min().date(), known["date"].max().date(),
                    int(known["date"].nunique()), posts)


def daily_holes(daily: pd.DataFrame, platform: str, as_of: date) -> list[tuple[str, str]]:
    """Days with no row at all (gaps), and days a metric is missing ("undefined" in TikTok)."""
    name = platform_name(platform)
    frame = daily[daily["platform"] == platform]
    if frame.empty:
        return []
    days = pd.DatetimeIndex(frame["date"].dt.normalize().unique()).sort_values()
    found: list[tuple[str, str]] = []
    every_day = pd.date_range(days.min(), days.max(), freq="D")
    gaps = [day.date() for day in every_day.difference(days)]
    cutoff = as_of - timedelta(days=REFETCHABLE_DAYS)
    old = [day for day in gaps if day < cutoff]
    recent = [day for day in gaps if day >= cutoff]
    if old:
        found.append((NOTE, f"{name}: no daily data for {describe_days(old)}: the charts have a "
                            f"hole there (they are older than {REFETCHABLE_DAYS} days, so an "
                            "export can no longer fill them)"))
    if recent:
        found.append((WARNING, f"{name}: no daily data for {describe_days(recent)}: the charts "
                               "have a hole there (an export covering those days fills them; "
                               "download one now)"))
    window_start = pd.Timestamp(as_of - timedelta(days=29))
    for column in DAILY_METRICS:
        values = frame[column]
        if values.notna().mean() < DAILY_SERIES_SHARE:
            continue  # not a daily series (e.g. Instagram's one follower total per export)
        empty = sorted(frame.loc[values.isna(), "date"].dt.date.unique())
        if not empty:
            continue
        headline = column in HEADLINE_DAILY and max(empty) >= window_start.date()
        found.append((WARNING if headline else NOTE,
                      f"{name}: '{column}' has no value on {describe_days(empty)} (the export "
                      "says \"undefined\" or does not cover those days); they count as missing, "
                      "not as zero"))
    return found


def describe_days(days: list[date]) -> str:
    """[Mar 1, Mar 2, Mar 3, Mar 9] -> '2026-03-01 to 2026-03-03 and 2026-03-09 (4 days)'."""
    ranges: list[tuple[date, date]] = []
    for day in sorted(days):
        if ranges and day - ranges[-1][1] == timedelta(days=1):
            ranges[-1] = (ranges[-1][0], day)
        else:
            ranges.append((day, day))
    parts = [a.isoformat() if a == b else f"{a.isoformat()} to {b.isoformat()}"
             for a, b in ranges[:SHOWN_RANGES]]
    if len(ranges) > SHOWN_RANGES:
        parts.append(f"{len(ranges) - SHOWN_RANGES} more stretches")
    text = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    count = len(days)
    return f"{text} ({count} day{'s' if count != 1 else ''})"


def duplicate_files(project: Project, profile: Profile) -> list[str]:
    """The same export saved twice (identical bytes, also inside zips): harmless, but clutter."""
    by_hash: dict[str, list[str]] = defaultdict(list)
    for platform in profile.platforms:
        try:
            folder = inside(project.content, profile.platform_data_dir(platform))
            raws = walk_exports(folder, project.content)
        except MediakitError:
            continue  # already reported as an error by the reader
        for raw in raws:
            by_hash[hashlib.sha256(raw.data).hexdigest()].append(raw.label)
    return [
        f"the same export is saved {len(labels)} times ({', '.join(labels)}); mediakit reads it "
        "once, so you may delete the copies"
        for labels in by_hash.values() if len(labels) > 1
    ]


def overlapping_exports(files: list[SourceFile]) -> list[str]:
    """Exports of the same kind covering the same days: the newest export's numbers win."""
    groups: dict[tuple[str, str], list[SourceFile]] = defaultdict(list)
    for source in files:
        if source.first_date is not None and source.last_date is not None:
            groups[(source.platform, source.kind)].append(source)
    notes = []
    for (platform, kind), sources in sorted(groups.items()):
        if len(sources) < 2:
            continue
        ordered = sorted(sources, key=lambda s: (s.first_date, s.last_date, s.path))
        covered: dict[date, int] = defaultdict(int)
        for source in ordered:
            span = (source.last_date - source.first_date).days  # type: ignore[operator]
            for offset in range(span + 1):
                covered[source.first_date + timedelta(days=offset)] += 1  # type: ignore[operator]
        shared = [day for day, count in covered.items() if count > 1]
        if shared:
            label = kind.split(".", 1)[-1].replace("_", " ")
            notes.append(
                f"{platform_name(platform)}: {len(sources)} {label} exports cover the same days, "
                f"{describe_days(shared)} ({', '.join(s.path for s in ordered)}); where they "
                "overlap, the newest export's numbers are used"
            )
    return notes


#: Which download fills each number, per platform (see shared formats notes); a number missing
#: from a platform's list is one that platform's exports never contain.
EXPORTS: dict[str, dict[str, str]] = {
    "tiktok": {
        "followers": "the Followers download from TikTok Studio (FollowerHistory.csv)",
        "views": "the Overview download from TikTok Studio",
        "posts": "the Content download from TikTok Studio",
        "activity": "the Followers download from TikTok Studio (FollowerActivity.csv)",
        "gender": "the Followers download from TikTok Studio (FollowerGender.csv)",
        "country": "the Followers download from TikTok Studio (FollowerTopTerritories.csv)",
    },
    "instagram": {
        "followers": "Audience.csv from Meta Business Suite > Insights > Audience",
        "views": "Views.csv from Meta Business Suite > Insights > Results",
        "posts": "the post export from Meta Business Suite > Insights > Content",
        "gender": "Audience.csv from Meta Business Suite > Insights > Audience",
        "age": "Audience.csv from Meta Business Suite > Insights > Audience",
        "country": "Audience.csv from Meta Business Suite > Insights > Audience",
    },
    "youtube": {
        "views": "Totals.csv from YouTube Studio > Analytics > Advanced mode > Export",
        "posts": "Table data.csv from YouTube Studio > Analytics > Advanced mode > Export",
    },
}


def missing_metrics(data: PlatformReport, profile: Profile) -> list[tuple[str, str]]:
    """Numbers the kit will show as "—": a warning with the download that fills them, or a note
    when the platform exports no such number (audience figures can then be self-reported)."""
    name = platform_name(data.platform)
    exports = EXPORTS.get(data.platform)
    missing = [
        (data.followers is None, "the follower count", "followers"),
        (data.views_30d is None, "views over the last 30 days", "views"),
        (data.median_views is None, "typical views per post", "posts"),
        (data.engagement_rate_per_view is None, "the engagement rate", "posts"),
        (not data.top_posts, "your best posts", "posts"),
        (not data.best_posting_hours, "the best time to post", "activity"),
    ]
    missing += [(data.split(dimension) is None, f"the audience's {words}", dimension)
                for dimension, words in (("gender", "gender"), ("age", "age"),
                                         ("country", "countries"))]
    found: list[tuple[str, str]] = []
    for absent, what, need in missing:
        if not absent:
            continue
        audience = need in ("gender", "age", "country")
        by_hand = (f"copy it from the app into profile.yaml under audience.{data.platform}."
                   f"{need} (it is then labelled as self-reported)")
        if exports is None or need in exports:
            source = exports[need] if exports else "an export that has it"
            fix = f"add {source}" + (f", or {by_hand}" if audience else "")
            found.append((WARNING, f"{name}: {what} will show as missing; {fix}"))
        else:
            then = f"; {by_hand}" if audience else ""
            found.append((NOTE, f"{name}: {what} will show as missing: {name}'s exports do not "
                                f"include it{then}"))
    return found


def report_notes(report: Report) -> list[str]:
    """The analytics core's notes for the creator (gaps, odd jumps...), never shown on the kit."""
    return [str(text) for text in getattr(report, "notes", []) or []]


def lines(result: CheckReport) -> list[tuple[str, str]]:
    """The report as (style, text) lines, for the terminal; style is a level or "" or "head"."""
    out: list[tuple[str, str]] = []
    if result.profile is not None:
        out.append(("head", f"Profile: content/profile.yaml is valid ({result.profile})"))
    if result.exports:
        out.append(("head", f"Exports read ({len(result.exports)}):"))
        for source in result.exports:
            span = ""
            if source.first_date is not None:
                span = f", {source.first_date.isoformat()} to {source.last_date.isoformat()}"
            kind = source.kind.split(".", 1)[-1].replace("_", " ")
            out.append(("", f"  {source.path}: {kind}, {source.rows} rows{span}"))
    for item in result.coverage:
        name = platform_name(item.platform)
        if item.first_date is None:
            out.append(("head", f"{name}: no daily data, {item.posts} posts"))
        else:
            out.append(("head", f"{name}: daily data from {item.first_date.isoformat()} to "
                                f"{item.last_date.isoformat()} ({item.days} days), "
                                f"{item.posts} posts (exports and saved history together)"))
    if result.as_of is not None:
        out.append(("head", f"The kit's numbers are as of {result.as_of.isoformat()}."))
    for level, title in ((ERROR, "Errors"), (WARNING, "Warnings"), (NOTE, "Notes")):
        messages = result.of(level)
        if messages:
            out.append(("head", f"{title} ({len(messages)}):"))
            out.extend((level, f"  {text}") for text in messages)
    errors, warnings, notes = (len(result.of(level)) for level in (ERROR, WARNING, NOTE))
    verdict = ("errors: the build will fail until they are fixed" if errors else
               "ready to build, but look at the warnings first" if warnings else
               "all good: ready to build")
    out.append(("head", f"{errors} error{'s' * (errors != 1)}, {warnings} warning"
                        f"{'s' * (warnings != 1)}, {notes} note{'s' * (notes != 1)}: {verdict}."))
    return out
