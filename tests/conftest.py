"""Suite-wide settings."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True, scope="session")
def shared_chart_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Draw each chart once for the whole run (builds and their subprocesses share the cache).

    Drawing is most of a small build's time and every test builds a fresh copy of a project;
    the cache is keyed by the chart's spec, so sharing it changes no byte of any site. Tests of
    the per-project cache itself remove MEDIAKIT_CACHE_DIR with monkeypatch.
    """
    previous = os.environ.get("MEDIAKIT_CACHE_DIR")
    os.environ["MEDIAKIT_CACHE_DIR"] = str(tmp_path_factory.mktemp("chart-cache"))
    yield
    if previous is None:
        os.environ.pop("MEDIAKIT_CACHE_DIR", None)
    else:
        os.environ["MEDIAKIT_CACHE_DIR"] = previous
