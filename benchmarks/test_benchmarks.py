"""Tests of the benchmark's own machinery (run with: python -m pytest benchmarks).

Not timed tests: they pin that the numbers are read from the right process, that the mkdocs
baseline really has the demo's pages and words, and that each target is judged correctly.
"""

from __future__ import annotations

import sys

import pytest
from measure import BenchmarkError, Case, Sample, run_command
from projects import blocks_to_markdown, make_mkdocs_site, visible_blocks
from report import verdicts

PAGE = """<!doctype html><html><head><title>Mara Quinn — Media kit</title>
<style>body{color:red}</style></head><body>
<nav><a href="index.html">Mara Quinn</a><ul><li>About</li></ul></nav>
<h1>Mara  Quinn</h1><p class="tagline">Indie-folk songs <b>written</b> on the night bus</p>
<svg><text>48K</text></svg>
<ul class="chips"><li>Music</li><li>Dublin, Ireland</li></ul>
<table><tr><th>Deliverable</th><th>Price</th></tr><tr><td>1 video | 30 s</td><td>€650</td></tr>
</table><script>var x = 1;</script><footer>Data as of 16 Nov 2026</footer></body></html>"""


def test_markdown_keeps_visible_words_and_drops_nav_svg_script_and_style():
    assert blocks_to_markdown(visible_blocks(PAGE)) == (
        "# Mara Quinn\n"
        "\n"
        "Indie-folk songs written on the night bus\n"
        "\n"
        "- Music\n"
        "- Dublin, Ireland\n"
        "\n"
        "| Deliverable | Price |\n"
        "|---|---|\n"
        "| 1 video \\| 30 s | €650 |\n"
        "\n"
        "Data as of 16 Nov 2026\n"
    )


def test_mkdocs_site_has_one_page_per_demo_page_and_its_own_404(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    for name in ("index.html", "about.html", "404.html"):
        (site / name).write_text(PAGE, "utf-8")
    made = make_mkdocs_site(site, tmp_path / "content", tmp_path / "mk")
    assert sorted(p.name for p in (made.root / "docs").iterdir()) == ["about.md", "index.md"]
    assert made.pages == 3  # index + about, plus the 404.html mkdocs writes itself
    assert 'site_name: "Mara Quinn — Media kit"' in (made.root / "mkdocs.yml").read_text("utf-8")
    # Visible text per page: "Mara Quinn" 10 + tagline 41 + "Music" 5 + "Dublin, Ireland" 15
    # + row "Deliverable Price" 17 + row "1 video | 30 s €650" 19 + footer 22 = 129; two pages.
    assert made.demo_text_chars == 2 * 129


def test_peak_memory_is_that_of_each_process_not_the_largest_so_far(tmp_path):
    big, _ = run_command(
        [sys.executable, "-c", "b = bytearray(150 * 2**20); b[::4096] = b'x' * len(b[::4096])"],
        cwd=tmp_path,
    )
    small, output = run_command([sys.executable, "-c", "print('hello')"], cwd=tmp_path)
    assert big.peak_mib >= 150
    assert small.peak_mib < 100
    assert output == "hello\n"
    assert small.cpu_seconds <= small.seconds + 0.05


def test_a_failing_command_is_an_error_not_a_fast_result(tmp_path):
    with pytest.raises(BenchmarkError, match="exited 3"):
        run_command([sys.executable, "-c", "import sys; print('boom'); sys.exit(3)"],
                    cwd=tmp_path)


def _case(name: str, *seconds: float, peak: float = 100.0) -> Case:
    return Case(name, [Sample(s, peak) for s in seconds])


def test_ratios_also_give_cpu_time_which_a_busy_machine_disturbs_less():
    demo = Case("cold demo", [Sample(6.0, 200, cpu_seconds=3.0)])
    mkdocs = Case("mkdocs", [Sample(1.0, 35, cpu_seconds=0.6)])
    idle = Case("idle", [Sample(0.1, 30, cpu_seconds=0.1)])
    cases = {"demo": demo, "mkdocs": mkdocs, "large": demo, "noop": idle, "edit": idle,
             "serve": idle}
    first = verdicts(cases)[0]
    assert first.measured == "6.00× (6.00 s vs 1.00 s; CPU time 5.00×)"  # 3.0 / 0.6 = 5


def test_each_target_is_judged_against_its_own_limit():
    serve = Case("serve: save → reload event", skipped="serve not available yet")
    cases = {
        "demo": _case("cold demo", 3.0, 4.0, 5.0, peak=200),  # median 4.0
        "mkdocs": _case("mkdocs", 0.5, 0.5, 0.6, peak=35),  # median 0.5
        "large": _case("cold large", 4.8, peak=240),  # 4.8 / 4.0 = 1.2
        "noop": _case("no-op", 0.25, 0.31, 0.2),  # median 0.25
        "edit": _case("one edit", 0.6, 0.7, 0.5),  # median 0.6
        "serve": serve,
        "floor": _case("stack floor", 4.2, 3.9, 4.4, peak=180),  # median 4.2: 4.0 / 4.2 = 0.95
        "exports": _case("new exports", 3.5, 3.3, 3.4, peak=250),  # median 3.4: 3.4 / 4.2 = 0.81
        "languages": _case("three languages", 5.1, 5.0, 5.3, peak=220),  # median 5.1
    }
    cases["demo"].stages = [0.6, 0.4, 0.5]  # page stage median 0.5
    results = {v.target: (v.measured, v.result) for v in verdicts(cases, 0.26)}
    assert results == {
        "cold demo build vs mkdocs build of the equivalent site":
            ("8.00× (4.00 s vs 500 ms)", "FAIL"),  # no CPU times in these samples
        "cold demo build vs stack floor": ("0.95× (4.00 s vs 4.20 s)", "PASS"),
        "rebuild after new exports vs stack floor": ("0.81× (3.40 s vs 4.20 s)", "FAIL"),
        "roster: marginal cost per creator, all cores": ("0.26 s", "FAIL"),
        # (5.1 - 4.0) / 2 languages = 0.55 s each; 0.55 / 0.5 = 1.10; 0.55 / 4.0 = 0.14
        "kit in n languages: each language added vs the one-language page stage":
            ("1.10× (550 ms per language added vs a page stage of 500 ms; 0.14× the whole "
             "one-language build)", "PASS"),
        "cold large-account build vs cold demo build": ("1.20× (4.80 s vs 4.00 s)", "PASS"),
        "no-op rebuild": ("250 ms", "PASS"),
        "rebuild after one Markdown edit": ("600 ms", "FAIL"),
        "serve: save → reload event": ("serve not available yet", "SKIP"),
        # neither mkdocs nor the floor is mediakit, so their memory does not count
        "peak memory, largest mediakit process": ("250 MiB (new exports)", "PASS"),
    }
    without = {v.target: v.result for v in verdicts({**cases, "floor": Case(
        "stack floor", skipped="not measured")})}
    assert without["cold demo build vs stack floor"] == "SKIP"
    assert without["roster: marginal cost per creator, all cores"] == "SKIP"
    cases["demo"].stages = []  # a build that did not say how long its pages took
    unstaged = {v.target: v.result for v in verdicts(cases)}
    assert unstaged["kit in n languages: each language added vs the one-language page stage"] \
        == "SKIP"



def test_page_weight_counts_what_a_phone_downloads(tmp_path):
    from page_weight import LIMIT_BYTES, page_weight, verdict

    (tmp_path / "assets/fonts").mkdir(parents=True)
    (tmp_path / "assets/site.css").write_text(
        "@font-face { src: url(fonts/a.woff2) format('woff2'); } b { background: "
        "url('data:image/png;base64,AA') }", "utf-8")
    (tmp_path / "assets/fonts/a.woff2").write_bytes(b"f" * 1000)
    for name, size in (("p-320.jpg", 10), ("p-640.jpg", 20), ("p-320.webp", 30),
                       ("p-640.webp", 400), ("logo.svg", 5)):
        (tmp_path / "assets" / name).write_bytes(b"x" * size)
    html = ('<link rel="stylesheet" href="assets/site.css"><link rel="icon" href="data:,">'
            '<picture><source type="image/webp" srcset="assets/p-320.webp 1x, '
            'assets/p-640.webp 2x"><img src="assets/p-320.jpg" srcset="assets/p-320.jpg 1x, '
            'assets/p-640.jpg 2x" loading="lazy"></picture><img src="assets/logo.svg">')
    (tmp_path / "index.html").write_text(html, "utf-8")
    weight = page_weight(tmp_path)
    css = (tmp_path / "assets/site.css").stat().st_size
    assert weight.files == {"index.html": len(html), "assets/site.css": css,
                            "assets/fonts/a.woff2": 1000, "assets/p-640.webp": 400,
                            "assets/logo.svg": 5}  # the 2x WebP, not the JPEG fallback
    assert weight.by_kind()["pictures"] == 405
    assert verdict(weight).endswith(": PASS")
    (tmp_path / "assets/p-640.webp").write_bytes(b"x" * LIMIT_BYTES)
    assert verdict(page_weight(tmp_path)).endswith(": FAIL")


def test_the_page_stage_is_read_from_the_builds_own_words(tmp_path):
    from run import in_languages, page_stage

    output = ("✓ Reading the exports 0.5 s\n✓ Drawing the charts 0.6 s\n"
              "✓ Rendering the pages 1.3 s\n✓ Writing the site 0.0 s\n")
    assert page_stage(output) == 1.3
    with pytest.raises(BenchmarkError):
        page_stage("Built 11 pages (94 files) into site in 2.1 s.")
    demo = tmp_path / "demo" / "content"
    demo.mkdir(parents=True)
    (demo / "profile.yaml").write_text("name: Mara\nsite:\n  title: Kit\n", "utf-8")
    copy = in_languages(tmp_path / "demo", tmp_path / "copy")
    assert (copy / "content" / "profile.yaml").read_text("utf-8") == (
        "name: Mara\nsite:\n  languages: [fr, de]\n  title: Kit\n")
