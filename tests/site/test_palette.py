"""Brand colours stay readable in light, dark and print (mediakit.site.palette)."""

from __future__ import annotations

import colorsys
import re
from pathlib import Path

import pytest

from mediakit.site import palette as colours
from mediakit.site.palette import contrast, needs, palette, readable

THEME_CSS = Path(__file__).resolve().parents[2] / "templates" / "site.css"
EXTREMES = ["#ffffff", "#000000", "#ffff00", "#000080", "#23395b", "#d9825b", "#ff00ff"]


def test_contrast_is_wcags():
    assert contrast("#000000", "#ffffff") == 21.0
    assert contrast("#ffffff", "#ffffff") == 1.0
    # #777777 on white is the classic "just fails AA": 4.48:1
    assert round(contrast("#777777", "#ffffff"), 2) == 4.48
    assert round(contrast("#767676", "#ffffff"), 2) == 4.54
    # the example: the demo's navy on the dark card
    assert round(contrast("#23395b", "#1a1f25"), 3) == 1.427  # axe truncates: "1.42"


def test_a_colour_that_passes_is_used_exactly_as_given():
    assert readable("#23395B", ("#ffffff",), 4.5) == "#23395b"


def test_a_colour_that_fails_changes_lightness_only_and_just_enough():
    fixed = readable("#23395b", ("#111418", "#1a1f25"), 4.5)
    assert fixed is not None
    assert contrast(fixed, "#111418") >= 4.5 and contrast(fixed, "#1a1f25") >= 4.5
    before = colorsys.rgb_to_hls(*(int("23395b"[i:i + 2], 16) / 255 for i in (0, 2, 4)))
    after = colorsys.rgb_to_hls(*(int(fixed[1 + i:3 + i], 16) / 255 for i in (0, 2, 4)))
    assert abs(before[0] - after[0]) < 0.01  # same hue
    assert after[1] > before[1]  # lighter on the dark background ...
    # ... and only just: one step (1/1000) less light would fail again
    darker = colorsys.hls_to_rgb(before[0], after[1] - 0.002, before[2])
    assert contrast(colours._hex(darker), "#1a1f25") < 4.5


@pytest.mark.parametrize("primary", EXTREMES)
@pytest.mark.parametrize("accent", ["#ffffff", "#000000", "#ffff00"])
def test_every_use_of_every_colour_meets_its_target(primary, accent):
    result = palette(primary, accent)
    assert result.warnings == []
    for need in needs():
        value = getattr(result, need.scheme)[need.variable]
        for background in need.against:
            assert contrast(value, background) >= need.ratio, (need, value)


def test_the_palette_knows_the_themes_real_backgrounds():
    css = THEME_CSS.read_text("utf-8")
    light = re.search(r"^:root \{\s*--bg: (#\w+); --card: (#\w+);", css, re.M)
    dark = re.search(r"prefers-color-scheme: dark\) \{\s*:root \{ --bg: (#\w+); --card: (#\w+);",
                     css)
    assert (light[1], light[2]) == (colours.LIGHT_BG, colours.LIGHT_CARD)
    assert (dark[1], dark[2]) == (colours.DARK_BG, colours.DARK_CARD)


def test_the_theme_uses_brand_colours_only_through_the_readable_variables():
    css = THEME_CSS.read_text("utf-8")
    # every var(--primary) / var(--accent) is a fallback inside a readable variable
    bare = re.findall(r"(?<!, )var\(--(?:primary|accent)\)", css)
    assert bare == []


def test_pages_carry_each_schemes_colours(demo_site: Path):
    page = (demo_site / "index.html").read_text("utf-8")
    style = re.search(r"<style>(.*?)</style>", page, re.S)[1]
    assert ":root { --link: #23395b; --brand: #23395b;" in style
    # the dark scheme's links: the accent (#d9825b reads at 5.76:1 on the dark card)
    assert "@media (prefers-color-scheme: dark) { :root { --link: #d9825b;" in style
    assert "@media print { :root { --link: #23395b;" in style
