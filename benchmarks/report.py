"""The machine a run happened on, the targets, and RESULTS.md itself."""

from __future__ import annotations

import math
import os
import platform
import re
import statistics
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from costs import Cost
from measure import Case, ratio

PACKAGES = ("creator-mediakit", "pandas", "numpy", "altair", "vl-convert-python", "jinja2",
            "markdown-it-py", "pydantic", "click", "watchfiles", "mkdocs", "markdown")


def machine(root: Path, rev: str | None = None) -> dict[str, str]:
    """CPU, cores, RAM, OS, Python, package versions and the commit measured."""
    info = {
        "CPU": _cpu_model(),
        "cores (os.cpu_count)": str(os.cpu_count()),
        "RAM": _ram(),
        "OS": platform.platform(),
        "Python": f"{platform.python_implementation()} {platform.python_version()}",
        "commit": _commit(root, rev),
    }
    for name in PACKAGES:
        try:
            info[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            info[name] = "not installed"
    return info


def _cpu_model() -> str:
    try:
        text = Path("/proc/cpuinfo").read_text()
    except OSError:
        return platform.processor() or platform.machine()
    found = re.search(r"^model name\s*:\s*(.+)$", text, re.M)
    return found.group(1).strip() if found else platform.machine()


def _ram() -> str:
    try:
        text = Path("/proc/meminfo").read_text()
    except OSError:
        return "unknown"
    found = re.search(r"^MemTotal:\s+(\d+) kB", text, re.M)
    return f"{int(found.group(1)) / 1024 ** 2:.1f} GiB" if found else "unknown"


def _commit(root: Path, rev: str | None) -> str:
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True).stdout

    try:
        head = git("rev-parse", "--short", rev or "HEAD").strip()
        if rev:
            return f"{head} ({rev}, exported with git archive: uncommitted changes not measured)"
        dirty = [line[3:] for line in git("status", "--porcelain", "--", "mediakit",
                                           "templates").splitlines()]
    except OSError:
        return "unknown"
    if not head:
        return "unknown"
    if not dirty:
        return head
    shown = ", ".join(dirty[:6]) + (f" and {len(dirty) - 6} more" if len(dirty) > 6 else "")
    return f"{head} + uncommitted changes in {shown}"


@dataclass(frozen=True)
class Verdict:
    target: str
    measured: str
    limit: str
    result: str  # PASS, FAIL or SKIP


def _seconds(value: float) -> str:
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


def _compare(target: str, limit: str, value: float | None, bound: float,
             describe: Callable[[float], str], why_not: str) -> Verdict:
    if value is None:
        return Verdict(target, why_not, limit, "SKIP")
    return Verdict(target, describe(value), limit, "PASS" if value <= bound else "FAIL")


#: Languages the languages case adds to the demo's one (run.py's OTHER_LANGUAGES).
LANGUAGES_ADDED = 2


def per_language(one: Case, several: Case) -> float | None:
    """What each language added to a cold build costs, as a multiple of the one-language
    build's page stage (issue 21: n languages should cost about n page stages, not n builds)."""
    if not (one.ok and several.ok and one.stages):
        return None
    stage = statistics.median(one.stages)
    if stage <= 0:
        return None
    return (several.median - one.median) / LANGUAGES_ADDED / stage


def verdicts(cases: dict[str, Case], roster_marginal: float | None = None) -> list[Verdict]:
    """Each target of issues 8 and 21 against what was measured (``roster_marginal``: seconds
    per extra creator on every core, None when the roster case did not run)."""
    demo, mkdocs, large = cases["demo"], cases["mkdocs"], cases["large"]
    floor = cases.get("floor", Case("stack floor", skipped="not measured"))
    exports = cases.get("exports", Case("rebuild after new exports", skipped="not measured"))
    noop, edit, serve = cases["noop"], cases["edit"], cases["serve"]
    languages = cases.get("languages", Case("kit in n languages", skipped="not measured"))

    def describe_languages(r: float) -> str:
        added = (languages.median - demo.median) / LANGUAGES_ADDED
        return (f"{r:.2f}× ({_seconds(added)} per language added vs a page stage of "
                f"{_seconds(statistics.median(demo.stages))}; {added / demo.median:.2f}× the "
                "whole one-language build)")

    def side(a: Case, b: Case) -> Callable[[float], str]:
        def describe(r: float) -> str:
            text = f"{r:.2f}× ({_seconds(a.median)} vs {_seconds(b.median)}"
            cpu = a.cpu_median / b.cpu_median if b.cpu_median else math.nan
            return text + ("" if math.isnan(cpu) else f"; CPU time {cpu:.2f}×") + ")"
        return describe

    def skip_reason(*group: Case) -> str:
        return next((c.skipped for c in group if c.skipped), "not measured")

    def alone(case: Case) -> float | None:
        return case.median if case.ok else None

    mediakit = [c for c in (demo, large, exports, noop, edit, serve) if c.ok]
    biggest = max(mediakit, key=lambda c: c.peak_mib) if mediakit else None
    return [
        _compare("cold demo build vs mkdocs build of the equivalent site", "≤ 1.0×",
                 ratio(demo, mkdocs), 1.0, side(demo, mkdocs), skip_reason(demo, mkdocs)),
        _compare("cold demo build vs stack floor", "≤ 1.0×", ratio(demo, floor), 1.0,
                 side(demo, floor), skip_reason(demo, floor)),
        _compare("rebuild after new exports vs stack floor", "≤ 0.8×", ratio(exports, floor),
                 0.8, side(exports, floor), skip_reason(exports, floor)),
        _compare("kit in n languages: each language added vs the one-language page stage",
                 "≤ 1.5×", per_language(demo, languages), 1.5, describe_languages,
                 skip_reason(demo, languages)),
        _compare("cold large-account build vs cold demo build", "≤ 1.3×",
                 ratio(large, demo), 1.3, side(large, demo), skip_reason(large, demo)),
        _compare("no-op rebuild", "≤ 0.3 s", alone(noop), 0.3, _seconds, skip_reason(noop)),
        _compare("rebuild after one Markdown edit", "≤ 0.5 s", alone(edit), 0.5, _seconds,
                 skip_reason(edit)),
        _compare("serve: save → reload event", "≤ 250 ms", alone(serve), 0.25, _seconds,
                 skip_reason(serve)),
        _compare("peak memory, largest mediakit process", "≤ 300 MiB",
                 biggest.peak_mib if biggest else None, 300,
                 lambda mib: f"{mib:.0f} MiB ({biggest.name})" if biggest else "",
                 "not measured"),
        _compare("roster: marginal cost per creator, all cores", "≤ 0.25 s", roster_marginal,
                 0.25, lambda seconds: f"{seconds:.2f} s", "roster case not run"),
    ]


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def markdown(cases: dict[str, Case], costs: list[Cost], info: dict[str, str],
             notes: list[str], command: str, started: str, load: str,
             roster_marginal: float | None = None) -> str:
    out = [
        "# Benchmark results",
        "",
        f"Written by `{command}` on {started}; do not edit by hand (run the script again).",
        "Every time is the wall time of a fresh process (interpreter start-up and imports count),",
        "median of the runs shown; cold builds alternate with the mkdocs build they are compared",
        "with, so both see the same machine load. CPU time (user + system) moves less than wall",
        "time when other work shares the machine: compare the load average below.",
        "",
        "## Targets",
        "",
    ]
    out += _table(["target", "measured", "limit", "result"],
                  [[v.target, v.measured, v.limit, f"**{v.result}**"]
                   for v in verdicts(cases, roster_marginal)])
    out += ["", "## Cases", ""]
    rows = []
    for case in cases.values():
        if case.ok:
            cpu = case.cpu_median
            rows.append([case.name, _seconds(case.median),
                         f"{_seconds(case.low)} – {_seconds(case.high)}",
                         "" if math.isnan(cpu) else _seconds(cpu), str(len(case.samples)),
                         f"{case.peak_mib:.0f} MiB"])
        else:
            rows.append([case.name, f"skipped: {case.skipped}", "", "", "0", ""])
    out += _table(["case", "median", "min – max", "CPU time (median)", "runs",
                   "peak memory (max RSS)"], rows)
    out += ["", *[f"- {note}" for note in notes], ""]
    if costs:
        out += ["## Where start-up time goes", "",
                "Each step in a fresh interpreter, timed inside the process; libraries share",
                "dependencies (numpy, jinja2, jsonschema...), so the rows do not add up.", ""]
        out += _table(["step", "step alone", "whole process", "peak memory", "runs"],
                      [[c.label, _seconds(c.step_seconds), _seconds(c.process_seconds),
                        f"{c.peak_mib:.0f} MiB", str(c.runs)] for c in costs])
        out.append("")
    out += ["## Machine", ""]
    out += _table(["", ""], [[key, value] for key, value in info.items()]
                  + [["load average (1 min) before → after", load]])
    return "\n".join(out) + "\n"
