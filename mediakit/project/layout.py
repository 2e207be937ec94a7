"""Where a creator's files live: the folder holding content/ (and optionally templates/).

Light on purpose (no pandas): ``mediakit build`` asks where the cache is before it decides whether
there is any work to do.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

#: The saved history of every number, under content/ (builds and ``import`` write it).
HISTORY_DIR = Path("data") / "history"


@dataclass
class Project:
    """A project folder: content/profile.yaml, the exports, the pages, maybe templates/."""

    root: Path

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def profile_file(self) -> Path:
        return self.content / "profile.yaml"

    @property
    def history_dir(self) -> Path:
        return self.content / HISTORY_DIR

    @property
    def cache_dir(self) -> Path:
        """Drawn charts, keyed by their spec's hash (safe to share: same spec, same SVG), and the
        records of past builds (mediakit.publish.record).

        ``MEDIAKIT_CACHE_DIR`` points every project at one cache, e.g. a CI cache folder or a
        roster's many creators; by default each project keeps its own ``.mediakit-cache/``.
        """
        shared = os.environ.get("MEDIAKIT_CACHE_DIR")
        return Path(shared) if shared else self.root / ".mediakit-cache"

    @property
    def templates(self) -> Path:
        return self.root / "templates"

    @property
    def site(self) -> Path:
        """The output folder when no --out is given."""
        return self.root / "site"
