"""Build the demo project the way `mediakit build` does, for the site tests.

Case studies look their posts up in the exports, so ``render.site`` needs the account; until the
build passes ``account=`` itself, this wraps the real build and hands it over.
"""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from mediakit import build as build_module
from mediakit import render

REPO = Path(__file__).resolve().parents[2]
TODAY = date(2026, 11, 20)


def copy_demo(target: Path) -> Path:
    """A private copy of the demo project (a build writes content/data/history/)."""
    shutil.copytree(REPO / "content", target / "content", ignore=shutil.ignore_patterns("history"))
    return target


def build_demo(project: Path, out_dir: Path, *, pdf: bool = False) -> build_module.BuildResult:
    """Run the real build of ``project`` into ``out_dir`` with the account (and PDF) wired in."""
    with _wired(pdf):
        return build_module.build(project, out_dir=out_dir, today=TODAY)


def render_demo(project: Path, *, pdf: bool = False) -> build_module.Rendered:
    """Every stage up to the site's bytes in memory (nothing written), account wired in."""
    with _wired(pdf):
        return build_module.render_project(project, today=TODAY)


@contextlib.contextmanager
def _wired(pdf: bool) -> Iterator[None]:
    captured: dict[str, object] = {}
    load_account = build_module.load_account
    site = render.site

    def loading(*args: object, **kwargs: object):
        captured["account"] = account = load_account(*args, **kwargs)
        return account

    def rendering(*args: object, **kwargs: object):
        kwargs.setdefault("account", captured.get("account"))
        kwargs.setdefault("pdf", pdf)
        return site(*args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(build_module, "load_account", loading)
        patch.setattr(build_module.render, "site", rendering)
        yield
