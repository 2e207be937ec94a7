"""Builds shared by the hardening tests: the clean demo, two payload-packed demos, the canaries.

A demo build takes seconds, so each is made once per session; the tests only read the results.
The clean build runs with TZ=UTC (the determinism test rebuilds it elsewhere and compares bytes).
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from mediakit import build as build_module
from tests.hardening import canaries, hostile

#: Where each payload-packed build starts in the corpus: far apart, so a payload lands in a
#: different kind of field in each build.
PACKED_STARTS = (0, 131)


@contextmanager
def timezone(name: str) -> Iterator[None]:
    """Run a block with the process's local time zone set to ``name``."""
    old = os.environ.get("TZ")
    os.environ["TZ"] = name
    time.tzset()
    try:
        yield
    finally:
        if old is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = old
        time.tzset()


@pytest.fixture(scope="session")
def clean_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo project, built once (cold chart cache, TZ=UTC) into <project>/site."""
    project = hostile.copy_demo(tmp_path_factory.mktemp("clean") / "kit")
    with timezone("UTC"):
        build_module.build(project, today=hostile.TODAY)
    return project


@dataclass
class PackedBuild:
    packed: hostile.Packed
    site: Path
    scan: hostile.Scan


@pytest.fixture(scope="session")
def corpus() -> list[str]:
    return hostile.payloads()


@pytest.fixture(scope="session")
def packed_builds(tmp_path_factory: pytest.TempPathFactory, clean_demo: Path,
                  corpus: list[str]) -> list[PackedBuild]:
    """Two demos with a payload in every field, each built into its site/ folder."""
    builds = []
    for number, start in enumerate(PACKED_STARTS):
        root = tmp_path_factory.mktemp(f"packed{number}") / "kit"
        project = hostile.copy_demo(root, cache_from=clean_demo)
        # every Markdown body holds the whole corpus, one payload per block, from `start` on
        bodies = corpus[start:] + corpus[:start]
        packed = hostile.pack(project, corpus, start, bodies)
        build_module.build(project, today=hostile.TODAY)
        builds.append(PackedBuild(packed, project / "site", hostile.scan(project / "site")))
    return builds


class CanaryBuild:
    """The canary project (tests/hardening/canaries.py), rendered in memory, its markers found."""

    def __init__(self, written: canaries.Written, rendered: build_module.Rendered) -> None:
        self.written = written
        self.rendered = rendered
        self.located = canaries.locate(rendered.files)


@pytest.fixture(scope="session")
def canary_build(tmp_path_factory: pytest.TempPathFactory, clean_demo: Path) -> CanaryBuild:
    """The demo with a canary in every field, rendered in memory (charts drawn for real)."""
    project = hostile.copy_demo(tmp_path_factory.mktemp("canary") / "kit", cache_from=clean_demo)
    written = canaries.write_project(project)
    rendered = build_module.render_project(project, today=hostile.TODAY)
    return CanaryBuild(written, rendered)
