"""Roster benchmark: the marginal seconds each extra creator costs, with 1 worker and all cores.

Two rosters of generated creators (sizes ``small`` and ``large``) are built with
``mediakit roster build``; the marginal cost per creator is the difference in time divided by the
difference in size, so the fixed start-up (imports, pool start, the index) cancels out.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from measure import BenchmarkError, Sample, run_command

PROFILE = 'name: "Creator {n}"\nplatforms:\n  tiktok:\n    handle: "@creator{n}"\n'


def make_roster(repo: Path, dest: Path, size: int) -> Path:
    """``size`` creators (90 days, 40 posts each, seeded), and ROSTER.yaml listing them."""
    for number in range(size):
        folder = dest / "creators" / f"creator-{number:03d}"
        data = folder / "content" / "data" / "tiktok"
        if not data.is_dir():
            subprocess.run(
                [sys.executable, str(repo / "scripts" / "make_demo.py"), "--out", str(data),
                 "--days", "90", "--posts", "40", "--seed", str(1000 + number),
                 "--handle", f"creator{number}"],
                check=True, capture_output=True,
            )
            (folder / "content" / "profile.yaml").write_text(
                PROFILE.format(n=number) + "    exported_on: 2026-11-17\n", "utf-8")
    (dest / "ROSTER.yaml").write_text(
        "name: Benchmark Talent\ncreators:\n  - creators/*\n", "utf-8")
    return dest / "ROSTER.yaml"


def build_roster(roster: Path, workers: int, env: dict[str, str]) -> Sample:
    for cache in roster.parent.glob("creators/*/.mediakit-cache"):
        subprocess.run(["rm", "-rf", str(cache)], check=True)  # cold, as a first build is
    sample, _ = run_command(
        [sys.executable, "-m", "mediakit.commands.main", "roster", "build", str(roster),
         "--workers", str(workers), "--out", str(roster.parent / "site")],
        cwd=roster.parent, env={k: v for k, v in env.items() if k != "MEDIAKIT_CACHE_DIR"},
    )
    if not (roster.parent / "site" / "index.html").is_file():
        raise BenchmarkError(f"the roster build in {roster.parent} wrote no index.html")
    return sample


def roster_section(repo: Path, work: Path, env: dict[str, str], small: int,
                   large: int) -> tuple[str, float]:
    """Markdown for RESULTS.md (seconds per roster, marginal seconds per creator), and the
    marginal seconds per creator on every core: the target of issue 21."""
    cores = os.cpu_count() or 1
    rows = []
    marginal: dict[int, float] = {}
    for workers in sorted({1, cores}):
        times = {}
        for size in (small, large):
            roster = make_roster(repo, work / f"roster-{size}", size)
            times[size] = build_roster(roster, workers, env)
        marginal[workers] = (times[large].seconds - times[small].seconds) / (large - small)
        for size in (small, large):
            rows.append(f"| {workers} | {size} | {times[size].seconds:.1f} s | "
                        f"{times[size].peak_mib:.0f} MiB |")
    lines = [
        "", "## Roster (issues 9 and 21)", "",
        f"Generated creators (90 days, 40 posts each); `mediakit roster build --workers N`, one "
        f"cold run per cell. Marginal cost per creator = (time for {large} − time for {small}) "
        f"÷ {large - small}.", "",
        "| workers | creators | time | peak memory (parent) |", "|---|---|---|---|", *rows, "",
        "| workers | marginal seconds per creator |", "|---|---|",
        *[f"| {workers} | {seconds:.2f} s |" for workers, seconds in sorted(marginal.items())],
        "",
    ]
    return "\n".join(lines), marginal[cores]
