"""The shipped font: every machine draws the same charts and preview, whatever fonts it has.

The drawing tests run in a subprocess whose fontconfig sees one empty folder (``FONTCONFIG_FILE``,
which vl-convert's font database honours too), and compare with a drawing made in a process that
sees the machine's fonts. A control drawing in a font the machine has proves the fonts really
were hidden, and another in a family nobody has proves the shipped family is found.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mediakit.site import preview, typeface
from mediakit.site.chart_specs import FONT
from mediakit.site.chart_svg import Renderer
from tests.site.demo import REPO

DRAW = r"""
import hashlib, json, sys
import altair as alt
import vl_convert
from mediakit.site import preview
from mediakit.site.chart_specs import FONT, inline_data
from mediakit.site.chart_svg import Renderer

card = preview.Card(name="Mara Quinn", handle="@maraquinnmusic", tagline="Indie-folk on the bus",
                    stats=[("48K", "followers"), ("39.9K", "typical views"), ("9.2%", "per view")],
                    footer="Media kit · data as of 16 Nov 2026")
rows = [{"label": "A long label that Vega measures", "views": 3}, {"label": "B", "views": 5}]
chart = alt.Chart(alt.Data(**inline_data(rows))).mark_bar().encode(x="label:N", y="views:Q")
chart = chart.configure(font=FONT)

def text(family):
    # a bare <text> drawn by vl-convert in one family: which face it finds shows in the pixels
    return hashlib.sha256(vl_convert.svg_to_png(
        '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="60"><text x="5" y="40" '
        f'font-family="{family}" font-size="30">Quinn 12,345</text></svg>')).hexdigest()

print(json.dumps({
    "preview": hashlib.sha256(preview.png(card)).hexdigest(),
    "chart": hashlib.sha256(Renderer(None).svg(chart, "views").encode()).hexdigest(),
    "shipped": text(preview.FONT),
    "missing": text("No Such Family"),
    "system": text(sys.argv[1]) if sys.argv[1] else None,
}))
"""


def machine_font() -> str:
    """The family of a font installed on this machine, other than vl-convert's own, or ''."""
    try:
        listed = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True,
                                timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return ""
    families = sorted({line.split(",")[0].strip() for line in listed.splitlines()} - {""})
    return next((name for name in families if "Liberation" not in name), "")


def draw(tmp_path: Path, system: str, hide: bool) -> dict[str, str | None]:
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    if hide:
        empty = tmp_path / "no-fonts"
        empty.mkdir(exist_ok=True)
        config = tmp_path / "fonts.conf"
        cache = tmp_path / "fc-cache"
        config.write_text('<?xml version="1.0"?>\n<fontconfig>'
                          f"<dir>{empty}</dir><cachedir>{cache}</cachedir></fontconfig>\n")
        env["FONTCONFIG_FILE"] = str(config)
    done = subprocess.run([sys.executable, "-c", DRAW, system], capture_output=True, text=True,
                          env=env, cwd=REPO, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_preview_and_a_chart_are_the_same_bytes_without_the_machines_fonts(tmp_path):
    system = machine_font()
    seen = draw(tmp_path, system, hide=False)
    hidden = draw(tmp_path, system, hide=True)
    assert hidden["preview"] == seen["preview"]
    assert hidden["chart"] == seen["chart"]
    # the shipped family is found, not replaced by the fallback that a missing family gets
    # (vl-convert's own Liberation Sans, the same everywhere, so the bytes above would agree) ...
    assert seen["shipped"] != seen["missing"] and hidden["shipped"] == seen["shipped"]
    # ... and the fonts were really hidden: a font of this machine is no longer drawn
    if system:
        assert hidden["system"] != seen["system"], system


def test_the_charts_and_the_preview_name_only_the_shipped_family(demo_site: Path):
    for name in ("index.html", "report.html"):
        page = (demo_site / name).read_text("utf-8")
        assert page.count("<svg") >= 2
        assert set(re.findall(r'font-family="([^"]*)"', page)) == {FONT}, name
    assert FONT.startswith(f"{typeface.FAMILY},")
    card = preview.Card(name="M", handle="@m", tagline="t", stats=[("1", "a")], footer="f")
    assert set(re.findall(r'font-family="([^"]*)"', preview.svg(card))) == {typeface.FAMILY}


def test_the_shipped_files_carry_the_family_the_drawings_name_and_its_licence():
    from fontTools.ttLib import TTFont

    for path in sorted(typeface.FOLDER.glob("*.otf")) + sorted(typeface.FOLDER.glob("*.woff2")):
        assert TTFont(path)["name"].getDebugName(1) == typeface.FAMILY, path.name
    licence = (typeface.FOLDER / "LICENSE.txt").read_text("utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence and "Inter Project Authors" in licence


def test_the_pages_load_only_the_sites_own_font_files_and_publish_them(demo_site: Path):
    css = (demo_site / "assets/site.css").read_text("utf-8")
    urls = re.findall(r"url\(([^)]*)\)", css)
    assert urls and all(url.startswith("fonts/") for url in urls), urls
    for url in urls:  # relative to the stylesheet, assets/
        published = demo_site / "assets" / url
        assert published.read_bytes() == (typeface.FOLDER / Path(url).name).read_bytes()
    assert (demo_site / "assets/fonts/LICENSE.txt").is_file()  # the OFL travels with the font
    assert re.search(r'--font: "Inter Mediakit", system-ui', css)
    for page in demo_site.rglob("*.html"):
        assert "@font-face" not in page.read_text("utf-8")  # only the stylesheet loads fonts


def test_the_kit_page_with_its_stylesheet_and_fonts_stays_light(demo_site: Path):
    weight = sum(path.stat().st_size for path in (
        demo_site / "index.html", demo_site / "assets/site.css",
        *(demo_site / "assets/fonts").glob("*.woff2")))
    assert weight < 1_500_000, weight


@pytest.mark.parametrize(("font", "screen", "printed"), [
    ("Inter", '--font: "Inter Mediakit", system-ui', '--font: "Inter Mediakit", system-ui'),
    ("system", "--font: system-ui", '--font: "Inter Mediakit", system-ui'),
    ("Georgia", '--font: "Georgia", system-ui', '--font: "Georgia", system-ui'),
])
def test_the_profiles_font_picks_the_pages_and_the_prints_font(font, screen, printed):
    from mediakit.site.format import Formatter
    from mediakit.site.render import environment

    css = environment(REPO, Formatter("en_US")).get_template("site.css").render(
        font_family=typeface.page_family(font), print_font_family=typeface.print_family(font))
    screen_rules, print_rules = css.split("@media print")
    assert screen in screen_rules and printed in print_rules
    # a font the reader lacks falls back to the device's own
    assert re.search(r"--font: [^;]*, sans-serif;", screen_rules)


def test_a_name_the_profile_would_refuse_never_reaches_the_stylesheet():
    with pytest.raises(ValueError):
        typeface.page_family('x"; } body { background: url(http://evil) }')


def test_the_fonts_fingerprint_follows_the_files(tmp_path, monkeypatch):
    shutil.copytree(typeface.FOLDER, tmp_path / "fonts")
    monkeypatch.setattr(typeface, "FOLDER", tmp_path / "fonts")
    typeface.fingerprint.cache_clear()
    try:
        before = typeface.fingerprint()
        key = preview.cache_key("<svg/>")
        font = tmp_path / "fonts/InterMediakit-Regular.otf"
        font.write_bytes(font.read_bytes() + b"\0")
        typeface.fingerprint.cache_clear()
        assert typeface.fingerprint() != before
        assert preview.cache_key("<svg/>") != key
    finally:
        typeface.fingerprint.cache_clear()


class Spec:
    """Stands in for an Altair chart: the renderer only asks it for its spec."""

    def to_dict(self, validate: bool = True) -> dict:
        return {"data": {"values": [{"x": 1}]}, "mark": "point",
                "encoding": {"x": {"field": "x", "type": "quantitative"}}}


def test_a_chart_drawn_with_other_fonts_is_not_taken_from_the_cache(tmp_path, monkeypatch):
    first = Renderer(tmp_path)
    first.svg(Spec(), "x")
    again = Renderer(tmp_path)
    again.svg(Spec(), "x")
    assert (first.rendered, again.cached) == (1, 1)
    monkeypatch.setattr(typeface, "fingerprint", lambda: "other fonts")
    changed = Renderer(tmp_path)
    changed.svg(Spec(), "x")
    assert changed.rendered == 1


def test_the_committed_demo_site_is_what_a_build_on_this_machine_makes(demo_site: Path):
    """A fresh clone's first build leaves ``git status`` clean: nothing in site/ is redrawn."""
    def tree(root: Path) -> dict[str, bytes]:
        return {p.relative_to(root).as_posix(): p.read_bytes()
                for p in root.rglob("*") if p.is_file()}

    committed, built = tree(REPO / "site"), tree(demo_site)
    stale = sorted(set(committed) ^ set(built))
    stale += [name for name in built if name in committed and committed[name] != built[name]]
    assert not stale, f"site/ is not what a build makes: {stale}; run `mediakit build` at the " \
        "repository's root and commit site/"

