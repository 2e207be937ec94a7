"""Build the demo project the way `mediakit build` does, for the site tests."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from mediakit import build as build_module

REPO = Path(__file__).resolve().parents[2]
TODAY = date(2026, 11, 20)


def copy_demo(target: Path) -> Path:
    """A private copy of the demo project (a build writes content/data/history/)."""
    shutil.copytree(REPO / "content", target / "content", ignore=shutil.ignore_patterns("history"))
    return target


def build_demo(project: Path, out_dir: Path, *, pdf: bool = False) -> build_module.BuildResult:
    """Run the real build of ``project`` into ``out_dir``."""
    return build_module.build(project, out_dir=out_dir, today=TODAY, pdf=pdf)
