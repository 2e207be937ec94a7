"""Benchmark mediakit against its speed and memory targets (issue 8) and write RESULTS.md.

    python benchmarks/run.py            # full run (a few minutes), rewrites benchmarks/RESULTS.md
    python benchmarks/run.py --quick    # one or two runs of each case, prints the table only
    python benchmarks/run.py --profile /tmp/prof   # pyinstrument profiles of three builds

Everything runs in a temporary folder; the checkout's content/ and site/ are never touched.
The mediakit measured is the one in this checkout (PYTHONPATH points at it).
"""

from __future__ import annotations

import argparse
import io
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from costs import Cost, measure_costs
from measure import BenchmarkError, Case, Sample, run_command
from page_weight import page_weight, verdict
from page_weight import section as weight_section
from projects import (
    apply_new_exports,
    copy_demo,
    fresh_copy,
    make_large,
    make_mkdocs_site,
    make_new_exports,
)
from report import LANGUAGES_ADDED, machine, markdown
from roster_case import roster_section
from serve_latency import measure_serve, serve_available

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "RESULTS.md"
MEDIAKIT = [sys.executable, "-m", "mediakit.commands.main"]
MKDOCS = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--clean"]
FLOOR = [sys.executable, str(Path(__file__).resolve().parent / "stack_floor.py")]
EDIT_PAGE = Path("content/pages/about.md")
EXPORTED = ("mediakit", "templates", "content", "scripts")


def environment(source: Path, work: Path) -> dict[str, str]:
    """The environment of every measured process: the mediakit in ``source`` comes first."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(source), env.get("PYTHONPATH")]))
    env.pop("MEDIAKIT_DEBUG", None)
    env.pop("MEDIAKIT_CACHE_DIR", None)  # each project its own cache: cold must mean cold
    # A creator's Python keeps compiled modules (pip compiles them at install; an editable
    # checkout writes __pycache__ on first import). A machine that turned that off would make
    # every run compile mediakit's ~80 modules again (~0.1-0.3 s), which no creator pays.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    # Compiled templates live in the user's cache, like Python's __pycache__: a creator's first
    # build compiles them once per mediakit version. Here a folder of the run's, warmed by the
    # reference build, so the benchmark never writes into the user's ~/.cache.
    env["MEDIAKIT_TEMPLATE_CACHE"] = str(work / "template-cache")
    return env


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def build(project: Path, env: dict[str, str], *options: str) -> Sample:
    sample, _ = run_command([*MEDIAKIT, "build", str(project), *options], cwd=project, env=env)
    if not (project / "site" / "index.html").is_file():
        raise BenchmarkError(f"the build in {project} wrote no site/index.html")
    return sample


#: The kit's other languages in the languages case: the whole kit again in French and German.
OTHER_LANGUAGES = ("fr", "de")
assert len(OTHER_LANGUAGES) == LANGUAGES_ADDED


def in_languages(demo: Path, dest: Path) -> Path:
    """A copy of the demo whose profile builds the kit in OTHER_LANGUAGES too."""
    project = fresh_copy(demo, dest)
    profile = project / "content" / "profile.yaml"
    text = profile.read_text("utf-8")
    if text.count("\nsite:\n") != 1:
        raise BenchmarkError("the demo profile has no single 'site:' block to add languages to")
    listed = ", ".join(OTHER_LANGUAGES)
    profile.write_text(text.replace("\nsite:\n", f"\nsite:\n  languages: [{listed}]\n"), "utf-8")
    return project


def page_stage(output: str) -> float:
    """The page stage's seconds, from ``build -v``'s "✓ Rendering the pages 0.5 s"."""
    found = re.search(r"Rendering the pages ([\d.]+) s", output)
    if found is None:
        raise BenchmarkError(f"the build did not say how long its pages took:\n{output[-800:]}")
    return float(found.group(1))


def cold_staged(pristine: Path, dest: Path, env: dict[str, str]) -> tuple[Sample, float]:
    """A cold build of a copy of ``pristine`` with its page stage's seconds."""
    project = fresh_copy(pristine, dest)
    sample, output = run_command([*MEDIAKIT, "build", str(project), "-v"], cwd=project, env=env)
    if not (project / "site" / "index.html").is_file():
        raise BenchmarkError(f"the build in {project} wrote no site/index.html")
    return sample, page_stage(output)


def drawn(output: str) -> int:
    """How many charts a build says it drew ("charts: 20 drawn, 0 from the cache")."""
    found = re.search(r"charts:\s+(\d+) drawn", output)
    if found is None:
        raise BenchmarkError(f"the build did not say how many charts it drew:\n{output[-800:]}")
    return int(found.group(1))


def new_exports_build(settled: Path, exports: Path, work: Path, env: dict[str, str]) -> Sample:
    """A built project (history, cache, site) given next month's TikTok exports, built again."""
    project = fresh_copy(settled, work / "new-exports")
    apply_new_exports(project, exports)
    sample, output = run_command([*MEDIAKIT, "build", str(project)], cwd=project, env=env)
    if drawn(output) == 0:
        raise BenchmarkError("after new exports the build drew no chart: nothing was rebuilt")
    return sample


@dataclass(frozen=True)
class Floor:
    """The stack-floor script's arguments: the demo build's own chart and page counts."""

    charts: int
    pages: int

    @classmethod
    def of(cls, built: Path) -> Floor:
        return cls(charts=len(list((built / ".mediakit-cache" / "charts").glob("*.svg"))),
                   pages=len(list((built / "site").rglob("*.html"))))

    def run(self, work: Path, env: dict[str, str]) -> Sample:
        out = work / "floor-site"
        shutil.rmtree(out, ignore_errors=True)
        sample, _ = run_command([*FLOOR, str(out), "--charts", str(self.charts), "--pages",
                                 str(self.pages)], cwd=work, env=env)
        return sample


def mkdocs_build(site: Path, env: dict[str, str]) -> Sample:
    shutil.rmtree(site / "site", ignore_errors=True)
    sample, _ = run_command(MKDOCS, cwd=site, env=env)
    return sample


def cold_builds(work: Path, demo: Path, large: Path, mkdocs_site: Path | None,
                env: dict[str, str], runs: int, large_runs: int, floor: Floor,
                settled: Path, exports: Path) -> dict[str, Case]:
    """Cold demo, mkdocs, stack floor, new-exports rebuild and large-account builds, alternating
    round by round, so a burst of load elsewhere hits them alike."""
    cases = {"demo": Case("cold demo build (mediakit)"),
             "mkdocs": Case("mkdocs build of the equivalent site"),
             "floor": Case(f"stack floor ({floor.charts} charts drawn serially, "
                           f"{floor.pages} pages)"),
             "exports": Case("rebuild after new exports (next month's TikTok download)"),
             "languages": Case(f"cold demo build in {1 + len(OTHER_LANGUAGES)} languages "
                               f"(en, {', '.join(OTHER_LANGUAGES)})"),
             "large": Case("cold large-account build (mediakit)")}
    multilingual = in_languages(demo, work / "languages-pristine")
    if mkdocs_site is None:
        cases["mkdocs"].skipped = "mkdocs not installed (pip install mkdocs)"
    for round_number in range(max(runs, large_runs)):
        if round_number < runs:
            sample, pages = cold_staged(demo, work / "cold-demo", env)
            cases["demo"].samples.append(sample)
            cases["demo"].stages.append(pages)
            if mkdocs_site is not None:
                cases["mkdocs"].samples.append(mkdocs_build(mkdocs_site, env))
            cases["floor"].samples.append(floor.run(work, env))
            cases["exports"].samples.append(new_exports_build(settled, exports, work, env))
            sample, pages = cold_staged(multilingual, work / "cold-languages", env)
            cases["languages"].samples.append(sample)
            cases["languages"].stages.append(pages)
        if round_number < large_runs:
            cases["large"].samples.append(build(fresh_copy(large, work / "cold-large"), env))
        ran = [(key, case) for key, case in cases.items()
               if len(case.samples) == round_number + 1]
        say(f"  cold round {round_number + 1}: " + ", ".join(
            f"{key} {case.samples[-1].seconds:.2f} s" for key, case in ran))
    return cases


def rebuilds(work: Path, demo: Path, env: dict[str, str], runs: int) -> dict[str, Case]:
    """No-op rebuilds (nothing changed, warm cache), then rebuilds after one Markdown edit."""
    project = fresh_copy(demo, work / "rebuild")
    build(project, env)
    build(project, env)  # the second build sees the history the first one wrote
    noop, edit = Case("no-op rebuild"), Case("rebuild after one Markdown edit")
    index = project / "site" / "index.html"
    before = index.read_bytes()
    for _ in range(runs):
        noop.samples.append(build(project, env))
    if index.read_bytes() != before:
        raise BenchmarkError("a no-op rebuild changed site/index.html")
    page = project / EDIT_PAGE
    original = page.read_text("utf-8")
    for number in range(1, runs + 1):
        marker = f"Benchmark edit number {number}."
        page.write_text(original + f"\n{marker}\n", "utf-8")
        edit.samples.append(build(project, env))
        if marker not in (project / "site" / "about.html").read_text("utf-8"):
            raise BenchmarkError("after a Markdown edit, site/about.html lacks the edit")
    force = Case("rebuild with --force (every stage again, warm chart cache)")
    for _ in range(runs):
        force.samples.append(build(project, env, "--force"))
    say(f"  no-op {noop.median:.2f} s, one edit {edit.median:.2f} s, --force "
        f"{force.median:.2f} s")
    return {"noop": noop, "edit": edit, "force": force}


def serve_case(work: Path, demo: Path, env: dict[str, str], edits: int) -> Case:
    case = Case("serve: save → reload event", unit="ms")
    case.skipped = serve_available(MEDIAKIT, env, work)
    if case.skipped:
        say(f"  serve skipped: {case.skipped}")
        return case
    project = fresh_copy(demo, work / "serve")
    log = work / "serve.log"
    try:
        case.samples = measure_serve(MEDIAKIT, env, project, edits, log)
    except BenchmarkError as error:
        case.samples, case.skipped = [], f"serve failed: {error}"
        say(f"  serve failed: {error}\n  serve's output:\n{log.read_text(errors='replace')}")
        return case
    say(f"  serve save → reload {case.median * 1000:.0f} ms")
    return case


def benchmark(args: argparse.Namespace, source: Path, work: Path, env: dict[str, str]) -> str:
    started = datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    load_before = os.getloadavg()[0]
    info = machine(ROOT, args.rev)
    say("preparing the demo, the equivalent mkdocs site and the large account...")
    demo = copy_demo(source, work / "demo")
    reference = fresh_copy(demo, work / "reference")
    build(reference, env)  # also warms the OS file cache and the bytecode caches
    weight = weight_section(reference / "site")
    say(verdict(page_weight(reference / "site")))
    floor = Floor.of(reference)
    floor.run(work, env)  # warm-up, as for mediakit
    exports = make_new_exports(source, work / "next-month-tiktok")
    new_exports_build(reference, exports, work, env)  # warm-up; also checks it draws charts
    mkdocs_site = None
    notes = []
    if shutil.which("mkdocs") or _has_module("mkdocs"):
        site = make_mkdocs_site(reference / "site", reference / "content", work / "mkdocs")
        mkdocs_build(site.root, env)  # warm-up, as for mediakit
        mkdocs_site = site.root
        notes.append(
            f"The mkdocs site: {site.pages} HTML pages (its own 404 included), as many as the "
            f"demo site; its Markdown holds the demo pages' visible text ({site.markdown_chars:,} "
            f"characters of Markdown for {site.demo_text_chars:,} of text), default theme and "
            "search plugin."
        )
    generated = time.perf_counter()
    large = make_large(source, demo, work / "large", args.days, args.posts)
    notes.append(
        f"The large account: {args.days:,} days of daily data and {args.posts:,} posts in "
        f"TikTok's export format (`scripts/make_demo.py --days {args.days} --posts "
        f"{args.posts}`, generated in {time.perf_counter() - generated:.1f} s, not timed), "
        "with the demo's profile and pages."
    )
    notes.append(
        "Cold: a fresh copy of content/ with no site/, no .mediakit-cache/ and no "
        "content/data/history/; only the compiled templates are warm (they live in the "
        "user's cache, like Python's __pycache__: mediakit/site/jinja_cache.py) and Python's "
        "compiled modules (every measured process may write and read __pycache__, as an "
        "installed mediakit does, even where PYTHONDONTWRITEBYTECODE is set). "
        "No-op: the same project built again with nothing changed "
        "(the build's record of input hashes says so: mediakit/publish/record.py). "
        f"One edit: a line appended to {EDIT_PAGE.as_posix()} before each build (the rebuilt "
        "page is checked to contain it; only that page is rendered again). --force: every "
        "stage of the pipeline again, as after an edit to the profile or the exports."
    )
    notes.append("Serve: `mediakit serve` on a free 127.0.0.1 port, subscribed to its event "
                 "stream like a browser tab; from writing the page to receiving the next event; "
                 "peak memory is serve's own high-water mark (VmHWM).")
    say("cold builds...")
    notes.append(
        f"Stack floor: benchmarks/stack_floor.py imports pandas, Altair, vl-convert and Jinja2, "
        f"draws {floor.charts} Altair charts one after another with vl-convert (as many as the "
        f"demo build draws) and writes {floor.pages} pages (as many HTML pages as the demo "
        "site): the stack's cost without mediakit's own work. Rebuild after new exports: the "
        "demo built once (history, chart cache and site in place), then its TikTok folder "
        "replaced by `scripts/make_demo.py --end 2026-12-16` (next month's download) and "
        "exported_on moved to 2026-12-17; the build must say it drew charts."
    )
    cases = cold_builds(work, demo, large, mkdocs_site, env, args.runs, args.large_runs,
                        floor, reference, exports)
    say("rebuilds...")
    cases.update(rebuilds(work, demo, env, args.runs))
    say("serve...")
    cases["serve"] = serve_case(work, demo, env, args.runs)
    costs: list[Cost] = []
    if args.cost_runs:
        say("start-up costs...")
        costs = measure_costs(source, env, args.cost_runs)
    roster, marginal = "", None
    if args.roster:
        say("roster...")
        small, large = args.roster
        roster, marginal = roster_section(source, work, env, small, large)
    load = f"{load_before:.2f} → {os.getloadavg()[0]:.2f}"
    command = "python benchmarks/run.py" + (" --quick" if args.quick else "") + (
        f" --rev {args.rev}" if args.rev else "")
    return markdown(cases, costs, info, notes, command, started, load, marginal) + weight + roster


def profile(out: Path, source: Path, work: Path, env: dict[str, str], days: int,
            posts: int) -> None:
    """pyinstrument text and HTML profiles of the cold demo, a no-op rebuild and the large build."""
    out.mkdir(parents=True, exist_ok=True)
    demo = copy_demo(source, work / "demo")
    large = make_large(source, demo, work / "large", days, posts)

    def profiled(name: str, project: Path, renderer: str, suffix: str) -> None:
        target = out / f"{name}.{suffix}"
        run_command([sys.executable, "-m", "pyinstrument", "-i", "0.001", "-r", renderer,
                     "-o", str(target), "-m", "mediakit.commands.main", "build", str(project)],
                    cwd=project, env=env)
        say(f"wrote {target}")

    renderers = (("text", "txt"), ("html", "html"))
    for name, pristine in (("cold-demo", demo), ("cold-large", large)):
        for renderer, suffix in renderers:
            profiled(name, fresh_copy(pristine, work / name), renderer, suffix)
    project = work / "cold-demo"
    build(project, env)  # settle the history the cold build wrote, as in the benchmark
    for renderer, suffix in renderers:
        profiled("noop-demo", project, renderer, suffix)


def export(rev: str, dest: Path) -> Path:
    """The code, theme, demo and generator of commit ``rev``, unpacked into ``dest``."""
    dest.mkdir(parents=True)
    archive = subprocess.run(["git", "archive", "--format=tar", rev, *EXPORTED], cwd=ROOT,
                             capture_output=True)
    if archive.returncode != 0:
        raise BenchmarkError(f"git archive {rev}: {archive.stderr.decode(errors='replace')}")
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        if hasattr(tarfile, "data_filter"):  # Python >= 3.11.4
            tar.extractall(dest, filter="data")
        else:
            tar.extractall(dest)  # noqa: S202 - our own repository's archive
    return dest


def _has_module(name: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(name) is not None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true",
                        help="fast sanity run: 2 runs per case, 1 large build; prints, "
                             "does not write RESULTS.md unless --results is given")
    parser.add_argument("--runs", type=int, help="runs per case (default 7; --quick 2)")
    parser.add_argument("--large-runs", type=int, help="large-account builds (default 5; "
                                                       "--quick 1)")
    parser.add_argument("--cost-runs", type=int,
                        help="runs per start-up cost row, 0 to skip (default 3; --quick 1)")
    parser.add_argument("--days", type=int, default=1095, help="large account: days of data")
    parser.add_argument("--posts", type=int, default=5000, help="large account: posts")
    parser.add_argument("--results", type=Path, help=f"where to write (default {RESULTS})")
    parser.add_argument("--rev", metavar="REV",
                        help="measure this commit (exported with git archive) instead of the "
                             "working tree, e.g. HEAD while others have half-done edits")
    parser.add_argument("--roster", type=int, nargs=2, metavar=("SMALL", "LARGE"),
                        default=None, help="roster sizes for the marginal cost per creator "
                        "(default 20 100; --quick 2 4; 0 0 to skip)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--profile", type=Path, metavar="DIR",
                        help="instead of timing, write pyinstrument profiles into DIR")
    args = parser.parse_args(argv)
    args.runs = args.runs or (2 if args.quick else 7)
    args.large_runs = args.large_runs or (1 if args.quick else 5)
    if args.cost_runs is None:
        args.cost_runs = 1 if args.quick else 3
    if args.roster is None:
        args.roster = (2, 4) if args.quick else (20, 100)
    if args.roster[0] >= args.roster[1]:
        args.roster = None  # "0 0" (or any non-growing pair) skips the roster case
    results = args.results or (None if args.quick else RESULTS)

    work = Path(tempfile.mkdtemp(prefix="mediakit-bench-"))
    started = time.perf_counter()
    try:
        source = export(args.rev, work / "source") if args.rev else ROOT
        env = environment(source, work)
        if args.profile:
            profile(args.profile.resolve(), source, work, env, args.days, args.posts)
            return 0
        text = benchmark(args, source, work, env)
    except BenchmarkError as error:
        say(f"benchmark failed: {error}")
        return 2
    finally:
        if args.keep:
            say(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    print(text)
    if results is not None:
        results.write_text(text, "utf-8")
        say(f"wrote {results}")
    say(f"total {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
