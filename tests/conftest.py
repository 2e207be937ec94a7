"""Suite-wide settings."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True, scope="session")
def shared_chart_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Draw each chart (and compile each template) once for the whole run: builds and their
    subprocesses share the caches.

    Drawing is most of a small build's time and every test builds a fresh copy of a project;
    the cache is keyed by the chart's spec, so sharing it changes no byte of any site. Tests of
    the per-project cache itself remove MEDIAKIT_CACHE_DIR with monkeypatch.
    """
    settings = {"MEDIAKIT_CACHE_DIR": str(tmp_path_factory.mktemp("chart-cache")),
                # compiled templates too: shared by the run, never in the tester's ~/.cache
                "MEDIAKIT_TEMPLATE_CACHE": str(tmp_path_factory.mktemp("template-cache"))}
    previous = {name: os.environ.get(name) for name in settings}
    os.environ.update(settings)
    yield
    for name, value in previous.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


_FUZZ_SEED: list[int] = []


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config: pytest.Config) -> None:
    """One random seed for every property test of the run, unless one is given to replay.

    The seed is also left in MEDIAKIT_FUZZ_SEED: pytest-xdist's workers start after this and
    inherit it, so every worker collects the same sampled tests and fuzzes with the same seed.
    """
    if config.getoption("hypothesis_seed", None) is None:
        import random

        seed = int(os.environ.get("MEDIAKIT_FUZZ_SEED") or random.SystemRandom().getrandbits(32))
        config.option.hypothesis_seed = seed
    _FUZZ_SEED.append(int(config.option.hypothesis_seed))
    os.environ["MEDIAKIT_FUZZ_SEED"] = str(_FUZZ_SEED[0])


def pytest_report_header(config: pytest.Config) -> str:
    return f"hypothesis seed: {_FUZZ_SEED[0]} (replay with --hypothesis-seed={_FUZZ_SEED[0]})"


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:
    if exitstatus != 0 and _FUZZ_SEED:
        seed = _FUZZ_SEED[0]
        terminalreporter.write_line(
            f"property tests ran with seed {seed}: replay with --hypothesis-seed={seed}")
