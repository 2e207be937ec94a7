"""``mediakit pull``'s logic: each signed-in platform's pull, checked, then written.

A platform's answers are all fetched and turned into a :class:`Snapshot` before anything is
written, so a failure anywhere (refused token, rate limit, an answer not shaped as documented)
leaves that platform's folder untouched; the other platforms are still pulled.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from mediakit.errors import LiveError, MediakitError
from mediakit.live import snapshot, tokens
from mediakit.live.snapshot import Snapshot
from mediakit.project.layout import Project
from mediakit.project.paths import inside
from mediakit.project.profile import load_profile

Puller = Callable[[date, date | None], Snapshot]


@dataclass
class PullResult:
    """What a pull wrote and what failed, for the command to print."""

    written: list[tuple[str, Path, Snapshot]] = field(default_factory=list)
    failed: list[LiveError] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # in the profile, never signed in


def default_pullers() -> dict[str, Puller]:
    """The production clients, talking to the platforms' official HTTPS hosts."""
    from mediakit.live import instagram, tiktok, youtube

    return {"youtube": youtube.pull, "instagram": instagram.pull, "tiktok": tiktok.pull}


def pull(
    project_dir: Path,
    day: date,
    *,
    only: str | None = None,
    since: date | None = None,
    pullers: dict[str, Puller] | None = None,
) -> PullResult:
    """Pull every platform of the profile that is signed in (or only ``only``)."""
    project = Project(Path(project_dir))
    profile = load_profile(project.profile_file)
    wanted = [only] if only else [p for p in profile.platforms if p in tokens.PLATFORMS]
    if only and only not in profile.platforms:
        raise MediakitError(f"the profile has no platforms.{only}", file=project.profile_file,
                            hint=f"add platforms.{only} to the profile first")
    signed_in = [p for p in wanted if only or tokens.load(p) is not None]
    if not signed_in:
        raise LiveError("no platform of the profile is signed in",
                        hint="run `mediakit auth youtube` (or instagram, tiktok) first")
    pullers = pullers or default_pullers()
    result = PullResult(skipped=[p for p in wanted if p not in signed_in])
    for platform in signed_in:
        try:
            found = _pull_one(pullers[platform], platform, day, since)
        except LiveError as err:
            result.failed.append(err)
            continue
        folder = inside(project.content, profile.platform_data_dir(platform),
                        file=project.profile_file, field=f"platforms.{platform}.data")
        result.written.append((platform, snapshot.write(found, folder), found))
    return result


def _pull_one(puller: Puller, platform: str, day: date, since: date | None) -> Snapshot:
    """One platform's snapshot; an answer missing a documented field is a one-line error."""
    try:
        return puller(day, since)
    except (KeyError, IndexError, TypeError, ValueError) as err:
        missing = f" (no {err.args[0]!r})" if isinstance(err, KeyError) and err.args else ""
        raise LiveError(
            f"{tokens.LABELS[platform]}: an answer was not shaped as the API documents{missing}",
            hint="nothing was written; run `mediakit pull` again later, and report it if it stays",
        ) from None
