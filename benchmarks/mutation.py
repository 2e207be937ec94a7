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
benchmarks/mutation_equivalents.py, why it is equivalent; a survivor with no explanation is a
test to write. Not part of CI: it runs the tests once per mutant (tens of minutes on 2 cores).

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

from mutation_equivalents import EXPLAINED  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
REPORT = REPO / "benchmarks" / "MUTATION.md"

# mutmut's exit codes per mutant (mutmut/stats.py), folded into what the report counts.
KILLED_CODES = {1, 3, 37}  # a test failed, pytest crashed, the type checker refused
TIMEOUT_CODES = {36, -24, 24, 152, 255}  # ran past the time limit: an endless loop, a kill
NO_TESTS_CODES = {5, 33}  # no selected test reaches the function: counted as survived
SURVIVED_CODES = {0}
TARGET = 0.90


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
    try:
        return subprocess.run(command, cwd=REPO, timeout=time_limit).returncode
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


def explanation(name: str, diff: str) -> str | None:
    """Why a survivor is equivalent, matched by its function and the line it writes.

    mutmut numbers mutants per function (``x_rates__mutmut_17``); the number moves when the
    function changes, the mutated line does not, so EXPLAINED is keyed by both.
    """
    function = name.rsplit("__mutmut_", 1)[0]
    added = [line[1:].strip() for line in diff.splitlines()
             if line.startswith("+") and not line.startswith("+++")]
    for (where, mutated), why in EXPLAINED.items():
        if where == function and mutated.strip() in added:
            return why
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
                survivors.append((path, name, state))
        total.update(counts)
        rows.append((path, counts))

    def rate(counts: Counter[str]) -> str:
        ran = sum(counts.values()) - counts["not run"]
        if not ran:
            return "—"
        return f"{(counts['killed'] + counts['timeout']) / ran:.1%}"

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
        "(counted as survived)",
        f"- target: at least {TARGET:.0%} killed per module",
    ]
    if seconds is not None:
        out.append(f"- this run took {seconds / 60:.0f} minutes")
    out += ["", "| module | mutants | killed | timeout | survived | no tests | kill rate |",
            "|---|---:|---:|---:|---:|---:|---:|"]
    for path, counts in rows:
        n = sum(counts.values())
        if not n or counts["not run"] == n:
            out.append(f"| `{path}` | {n or '?'} | not run yet | | | | |")
            continue
        out.append(f"| `{path}` | {n} | {counts['killed']} | {counts['timeout']} | "
                   f"{counts['survived'] + counts['suspicious']} | {counts['no tests']} | "
                   f"{rate(counts)} |")
    ran = sum(total.values()) - total["not run"]
    out.append(f"| **all that ran** | {ran} | {total['killed']} | {total['timeout']} | "
               f"{total['survived'] + total['suspicious']} | {total['no tests']} | "
               f"**{rate(total)}** |")
    unexplained = 0
    out += ["", "## Every survivor", ""]
    if not survivors:
        out.append("None.")
    for path, name, state in survivors:
        diff = diff_of(name, path)
        why = explanation(name, diff)
        if why is None:
            unexplained += 1
        out += [f"### `{name}` ({state})", "", "```diff", diff, "```", "",
                f"**Equivalent:** {why}" if why else
                "**Not explained yet:** a test should kill this one.", ""]
    out.insert(out.index("## Every survivor") + 2,
               f"{len(survivors)} survivors, {len(survivors) - unexplained} explained as "
               f"equivalent below, {unexplained} not explained.\n")
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
