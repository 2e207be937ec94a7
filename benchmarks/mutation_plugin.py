"""A pytest plugin for mutation runs only: make work done before a mutant is switched on count.

mutmut 3 imports mediakit and runs the tests once in its main process, then forks one child per
mutant and switches the mutant on in the child. Two kinds of code would never run under a mutant:

- ``parse_month_day`` and ``_country_table`` are ``lru_cache``\\d: the child inherits the caches
  the main process filled, so a mutant of ``parse_month_day``, ``normalise`` or ``_checked`` would
  be answered from the cache and "survive" without ever running;
- ``dates.MONTHS`` is built once at import time by ``_build_month_table``, before any mutant.

So before each test of the readers (``tests/sources/``) this empties those caches and rebuilds
``MONTHS`` in place (the same dict object every module holds). Per test, not per session:
mutmut runs for a mutant only the tests that called its function while it recorded which test
calls what, so the rebuild must happen inside those tests to be credited to them. Outside a
mutation run it changes nothing: the caches refill with the same answers and the table is
rebuilt with the same words.

pyproject.toml's ``[tool.mutmut]`` loads it with ``-p benchmarks.mutation_plugin``.
"""

from __future__ import annotations

from pathlib import Path


def pytest_runtest_setup(item) -> None:
    if "sources" not in Path(str(item.path)).parts:
        return
    from mediakit.sources import cells, dates

    dates.parse_month_day.cache_clear()
    cells._country_table.cache_clear()
    table = dates._build_month_table()
    dates.MONTHS.clear()
    dates.MONTHS.update(table)
