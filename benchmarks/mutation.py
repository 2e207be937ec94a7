"""Mutation testing of the number-making core, and the report of what the tests let through.

    python benchmarks/mutation.py                   # run mutmut on every module, then the report
    python benchmarks/mutation.py --only dates.py   # one module (a fragment of its path)
    python benchmarks/mutation.py --report-only     # rewrite MUTATION.md from the last run

mutmut (configured in pyproject.toml's ``[tool.mutmut]``) copies ``mediakit/`` into ``mutants/``,
changes one thing at a time in the modules it is told to mutate (``<`` to ``<=``, ``+ 1`` to
``+ 2``, a string to ``"XX…XX"``, an argument to ``None``…) and runs the tests that reach that
function. A mutant the tests let *survive* is a change nobody would notice: either a test is
missing, or the change does not change behaviour at all (an *equivalent* mutant).
benchmarks/MUTATION.md lists every survivor with its diff and, from ``EXPLAINED`` in
benchmarks/mutation_equivalents.py, why it is equivalent (or, from ``KNOWN_BUGS``, the bug it
points at); a survivor with no explanation is a test to write. Not part of CI: it runs the
tests once per mutant (tens of minutes on 2 cores).

mutmut keeps its results in ``mutants/`` and only re-tests what changed, so a second run is
quicker; ``--fresh`` throws them away. ``--retest`` re-runs the mutants that survived last time
(after new tests were written).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from mutation_equivalents import EXPLAINED, KNOWN_BUGS  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
REPORT = REPO / "benchmarks" / "MUTATION.md"

# mutmut's exit codes per mutant (mutmut/stats.py), folded into what the report counts.
KILLED_CODES = {1, 3, 37}  # a test failed, pytest crashed, the type checker refused
TIMEOUT_CODES = {36, -24, 24, 152, 255}  # ran past the time limit: an endless loop, a kill
NO_TESTS_CODES = {5, 33}  # no selected test reaches the function: counted as survived
SURVIVED_CODES = {0}
TARGET = 0.90
STATES = ("killed", "timeout", "no tests", "survived", "suspicious", "not run")


def mutmut_command() -> list[str]:
    """The mutmut beside this Python (a virtualenv's), else the one on PATH."""
    beside = Path(sys.executable).with_name("mutmut")
    return [str(beside)] if beside.exists() else ["mutmut"]


def modules() -> list[str]:
    """The files pyproject.toml tells mutmut to mutate, expanded (mediakit/analytics/*)."""
    import tomllib

    config = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["tool"]["mutmut"]
    found: list[str] = []
    for pattern in config["only_mutate"]:
        for path in sorted(REPO.glob(pattern)):
            if path.suffix == ".py" and path.name != "__init__.py":
                found.append(path.relative_to(REPO).as_posix())
    return found


def dotted(module_path: str) -> str:
    return module_path.removesuffix(".py").replace("/", ".")


def run_mutmut(names: list[str], max_children: int, time_limit: int) -> int:
    command = mutmut_command() + ["run", "--max-children", str(max_children), *names]
    print("$", " ".join(command), flush=True)
    # mutmut runs pytest in its own process, test by test: pytest-xdist's workers (the suite's
    # default, in pyproject.toml's addopts) would take the tests out of its sight
    env = {**os.environ, "PYTEST_ADDOPTS": f"{os.environ.get('PYTEST_ADDOPTS', '')} -n 0"}
    try:
        return subprocess.run(command, cwd=REPO, timeout=time_limit, env=env).returncode
    except subprocess.TimeoutExpired:
        print(f"mutmut stopped after {time_limit} s; the report shows what ran", flush=True)
        return 124


def results(module_path: str) -> dict[str, int | None]:
    """{mutant name: exit code} from mutmut's meta file for one module (empty if not run)."""
    meta = REPO / "mutants" / (module_path + ".meta")
    if not meta.is_file():
        return {}
    return json.loads(meta.read_text("utf-8"))["exit_code_by_key"]


def status(code: int | None) -> str:
    if code is None:
        return "not run"
    if code in KILLED_CODES:
        return "killed"
    if code in TIMEOUT_CODES:
        return "timeout"
    if code in NO_TESTS_CODES:
        return "no tests"
    if code in SURVIVED_CODES:
        return "survived"
    return "suspicious"


def diff_of(name: str, module_path: str) -> str:
    """The mutant as a unified diff (what ``mutmut show`` prints), without the file header."""
    from mutmut.mutation.diff_apply import get_diff_for_mutant

    previous = Path.cwd()
    os.chdir(REPO)  # mutmut reads pyproject.toml and mutants/ from the working directory
    try:
        diff = get_diff_for_mutant(name, path=Path(module_path))
    finally:
        os.chdir(previous)
    lines = [line for line in diff.splitlines() if not line.startswith(("---", "+++"))]
    return "\n".join(lines).strip()


def explanation(name: str, diff: str) -> tuple[str, str] | None:
    """("equivalent" or "bug", why) for a survivor, matched by its function and mutated line.

    mutmut numbers mutants per function (``x_rates__mutmut_17``); the number moves when the
    function changes, the mutated line does not, so EXPLAINED is keyed by both.
    """
    function = name.rsplit("__mutmut_", 1)[0]
    added = [line[1:].strip() for line in diff.splitlines()
             if line.startswith("+") and not line.startswith("+++")]
    for kind, table in (("equivalent", EXPLAINED), ("bug", KNOWN_BUGS)):
        for (where, mutated), why in table.items():
            if where == function and mutated.strip() in added:
                return kind, why
    return None


def write_report(paths: list[str], seconds: float | None) -> tuple[int, int]:
    rows, survivors = [], []
    total: Counter[str] = Counter()
    for path in paths:
        counts: Counter[str] = Counter()
        for name, code in sorted(results(path).items(), key=lambda item: _natural(item[0])):
            state = status(code)
            counts[state] += 1
            if state in ("survived", "no tests", "suspicious"):
                diff = diff_of(name, path)
                found = explanation(name, diff)
                counts["equivalent"] += bool(found and found[0] == "equivalent")
                survivors.append((name, state, diff, found))
        total.update(counts)
        rows.append((path, counts))

    def ran(counts: Counter[str]) -> int:
        return sum(counts[state] for state in STATES) - counts["not run"]

    def rate(counts: Counter[str], without_equivalents: bool = False) -> str:
        n = ran(counts) - (counts["equivalent"] if without_equivalents else 0)
        if not n:
            return "—"
        return f"{(counts['killed'] + counts['timeout']) / n:.1%}"

    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO,
                            capture_output=True, text=True).stdout.strip()
    version = subprocess.run(mutmut_command() + ["--version"], cwd=REPO, capture_output=True,
                             text=True).stdout.strip()
    out = [
        "# Mutation testing",
        "",
        "What the tests of the number-making core let through. Written by "
        "`python benchmarks/mutation.py` (see [README.md](README.md#mutation-testing)); "
        "do not edit by hand.",
        "",
        f"- when: {datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')}, commit {commit} "
        f"(plus uncommitted edits, if any)",
        f"- tool: {version or 'mutmut'}, configured in pyproject.toml `[tool.mutmut]`",
        "- killed = a selected test failed (or the mutant ran past its time limit); "
        "survived = every test passed; no tests = no selected test reaches the function "
        "(counted as survived); equivalent = survivors explained below as changing nothing",
        "- kill rate = killed / mutants; without equivalents = killed / (mutants - equivalent)",
        f"- target: at least {TARGET:.0%} killed per module",
    ]
    if seconds is not None:
        out.append(f"- this run took {seconds / 60:.0f} minutes")
    out += ["", "| module | mutants | killed | timeout | survived | of which equivalent | "
            "no tests | kill rate | without equivalents |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for path, counts in rows + [("**all that ran**", total)]:
        if not sum(counts.values()):  # e.g. only dataclasses and decorated methods
            out.append(f"| `{path}` | 0 | no mutants: nothing mutmut changes | | | | | | |")
            continue
        if not ran(counts):
            out.append(f"| `{path}` | {sum(counts.values())} | not run yet | | | | | | |")
            continue
        label = path if path.startswith("**") else f"`{path}`"
        if counts["not run"]:
            label += f" (partial: {counts['not run']} not run yet)"
        out.append(f"| {label} | {ran(counts)} | {counts['killed']} | {counts['timeout']} | "
                   f"{counts['survived'] + counts['suspicious']} | {counts['equivalent']} | "
                   f"{counts['no tests']} | {rate(counts)} | {rate(counts, True)} |")
    unexplained = sum(found is None for *_, found in survivors)
    bugs = sum(bool(found and found[0] == "bug") for *_, found in survivors)
    out += ["", "## Every survivor", "",
            f"{len(survivors)} survivors: {total['equivalent']} equivalent, {bugs} pointing at "
            f"a bug, {unexplained} not explained yet.", ""]
    for name, state, diff, found in survivors:
        if found is None:
            verdict = "**Not explained yet:** a test should kill this one."
        elif found[0] == "equivalent":
            verdict = f"**Equivalent:** {found[1]}"
        else:
            verdict = f"**Not equivalent, a known bug:** {found[1]}"
        out += [f"### `{name}` ({state})", "", "```diff", diff, "```", "", verdict, ""]
    REPORT.write_text("\n".join(out) + "\n", encoding="utf-8")
    return len(survivors), unexplained


def _natural(name: str) -> tuple[str, int]:
    function, _, number = name.rpartition("__mutmut_")
    return (function, int(number) if number.isdigit() else 0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", action="append", default=[],
                        help="mutate only modules whose path contains this (repeatable)")
    parser.add_argument("--max-children", type=int, default=max(1, (os.cpu_count() or 2)))
    parser.add_argument("--time-limit", type=int, default=3 * 3600,
                        help="stop mutmut after this many seconds (default 3 hours)")
    parser.add_argument("--report-only", action="store_true",
                        help="do not run mutmut; rewrite MUTATION.md from mutants/")
    parser.add_argument("--retest", action="store_true",
                        help="re-run only the mutants that survived last time")
    parser.add_argument("--fresh", action="store_true", help="delete mutants/ first")
    args = parser.parse_args(argv)

    paths = modules()
    chosen = [p for p in paths if not args.only or any(part in p for part in args.only)]
    seconds = None
    if not args.report_only:
        if args.fresh:
            shutil.rmtree(REPO / "mutants", ignore_errors=True)
        if args.retest:
            names = [name for path in chosen for name, code in results(path).items()
                     if status(code) in ("survived", "no tests", "suspicious")]
            if not names:
                print("no survivors to re-test")
        else:
            names = [f"{dotted(p)}.*" for p in chosen] if args.only else []
        start = time.monotonic()
        if names or not args.retest:
            run_mutmut(names, args.max_children, args.time_limit)
        seconds = time.monotonic() - start
    survivors, unexplained = write_report(paths, seconds)
    print(f"wrote {REPORT.relative_to(REPO)}: {survivors} survivors, {unexplained} unexplained")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
