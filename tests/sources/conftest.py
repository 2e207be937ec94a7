"""Fixtures for tests/sources: a throw-away project content/ folder to drop exports into."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """An empty project content/ folder with data/tiktok/ inside."""
    folder = tmp_path / "content" / "data" / "tiktok"
    folder.mkdir(parents=True)
    return tmp_path / "content"


@pytest.fixture
def write(content: Path) -> Callable[[str, bytes], Path]:
    """Write bytes to content/data/tiktok/<relative name>, creating sub-folders."""

    def _write(name: str, data: bytes) -> Path:
        path = content / "data" / "tiktok" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return path

    return _write
