"""The mutation report's bookkeeping (`python -m pytest benchmarks`); mutmut need not run."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import mutation  # noqa: E402
from mutation_equivalents import EXPLAINED, KNOWN_BUGS  # noqa: E402


def test_exit_codes_fold_into_what_the_report_counts():
    assert [mutation.status(code) for code in (1, 3, 37, 0, 33, 5, 36, -24, None, 99)] == [
        "killed", "killed", "killed", "survived", "no tests", "no tests", "timeout",
        "timeout", "not run", "suspicious"]


def test_a_survivor_is_matched_to_its_explanation_by_function_and_mutated_line():
    diff = "\n".join([
        "@@ -1,3 +1,3 @@",
        "-    keys = months * 100 + days",
        "+    keys = months * 101 + days",
    ])
    kind, why = mutation.explanation("mediakit.sources.dates.x_chronological_years__mutmut_17",
                                     diff)
    assert kind == "equivalent" and "101" in why
    # the same line in another function is not explained by it
    assert mutation.explanation("mediakit.sources.dates.x_parse_column__mutmut_17", diff) is None


def test_known_bugs_are_told_apart_from_equivalent_mutants(monkeypatch):
    # the one known bug found so far ("58.000" read as 58) is fixed: a stand-in shows the path
    bug = ("mediakit.sources.cells.x_counts", "numbers = np.round(numbers)")
    monkeypatch.setitem(KNOWN_BUGS, bug, "a stand-in bug")
    kind, _ = mutation.explanation(f"{bug[0]}__mutmut_2", f"+    {bug[1]}")
    assert kind == "bug"
    assert not set(KNOWN_BUGS) & set(EXPLAINED)


def test_the_configured_modules_are_the_four_areas():
    modules = mutation.modules()
    assert "mediakit/sources/dates.py" in modules and "mediakit/history.py" in modules
    assert "mediakit/analytics/engagement.py" in modules
    assert not any(path.endswith("__init__.py") for path in modules)
