"""Sources: the only code that knows a platform's export files.

Each platform has one reader module; ``load_platform`` picks it from a small registry, so adding
Instagram or YouTube means writing ``instagram.py`` with a ``load`` function and adding one line
to ``READERS``.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Protocol

from mediakit.errors import SourceError
from mediakit.sources import api_snapshot, extra, instagram, misplaced, tiktok, youtube
from mediakit.sources.files import API_DIR
from mediakit.tables import Account


class PlatformLoader(Protocol):
    """What each platform module's ``load`` looks like."""

    def __call__(
        self, folder: Path, *, content_dir: Path, exported_on: date | None = None
    ) -> Account: ...


READERS: dict[str, PlatformLoader] = {
    "tiktok": tiktok.load,
    "instagram": instagram.load,
    "youtube": youtube.load,
}
PLATFORMS: tuple[str, ...] = tuple(READERS)


def load_platform(
    platform: str, folder: Path, *, content_dir: Path, exported_on: date | None = None
) -> Account:
    """Read every export in ``folder`` (recursively, including members of .zip files).

    Returns an Account whose four tables are conform()-ed, one SourceFile per file read (path
    relative to ``content_dir``, POSIX) and human warnings. Raises SourceError for a missing
    folder or an unreadable or unrecognised data file (.csv/.xlsx/.json/.zip), naming the file and
    what was expected (a file that another platform recognises as its own is named as such).
    Files that are obviously not data (.md, .txt, hidden files, images) are skipped silently.
    The folder's ``api/`` holds ``mediakit pull``'s snapshots, read by ``api_snapshot``.
    """
    loader = READERS.get(platform)
    if loader is None:
        raise SourceError(
            f"mediakit cannot read exports for platform '{platform}' yet",
            field="platforms",
            hint="supported: " + ", ".join(PLATFORMS),
        )
    try:
        account = loader(Path(folder), content_dir=Path(content_dir), exported_on=exported_on)
    except SourceError as err:  # another platform's export in this folder? Say so.
        clearer = misplaced.explain(err, platform, Path(folder), Path(content_dir))
        if clearer is err:
            raise
        raise clearer from err
    api_folder = Path(folder) / API_DIR
    if api_folder.is_dir():  # snapshots `mediakit pull` wrote from the platform's API
        api = api_snapshot.load(api_folder, content_dir=Path(content_dir), platform=platform)
        account = api_snapshot.combine(account, api, platform)
    return extra.apply(account, Path(folder), platform, content_dir=Path(content_dir))
