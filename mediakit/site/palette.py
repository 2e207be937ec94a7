"""The creator's brand colours, made readable on every background the kit puts them on.

A brand colour picked for a logo is often unreadable as text: navy on the dark scheme's
background, yellow on white. Each use of a profile colour gets its own variant per scheme
(light, dark, print) that meets WCAG AA against the background it sits on — 4.5:1 for text,
3:1 for large text and marks — keeping its hue and changing only its lightness, as little as
possible. A colour that already passes is used exactly as given.
"""

from __future__ import annotations

import colorsys
from dataclasses import dataclass, field

# The theme's own backgrounds (templates/site.css; tests/site/test_palette.py keeps them equal).
LIGHT_BG, LIGHT_CARD = "#f7f7f5", "#ffffff"
DARK_BG, DARK_CARD = "#111418", "#1a1f25"
WHITE = "#ffffff"
TEXT, LARGE = 4.5, 3.0  # WCAG AA: body text; large text, chart marks and borders
STEPS = 1000  # lightness is searched in 1/1000 steps: exact enough, and deterministic


@dataclass(frozen=True)
class Need:
    """One use of a colour: the key it comes from, what it must stand out against, how much."""

    variable: str  # the CSS custom property it sets
    key: str  # the profile key (colors.primary) named in a warning
    against: tuple[str, ...]
    ratio: float
    scheme: str  # light, dark or print


@dataclass
class Palette:
    """CSS custom properties per scheme, and a warning per colour that cannot be made to pass."""

    light: dict[str, str] = field(default_factory=dict)
    dark: dict[str, str] = field(default_factory=dict)
    print: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)  # notes for the creator, never published


def needs(primary_key: str = "colors.primary", accent_key: str = "colors.accent") -> list[Need]:
    """Every place the theme puts a brand colour, with its background and contrast target."""
    return [
        # links and "Data behind this chart": text on the page and on cards
        Need("--link", primary_key, (LIGHT_BG, LIGHT_CARD), TEXT, "light"),
        Need("--link", accent_key, (DARK_BG, DARK_CARD), TEXT, "dark"),
        Need("--link", primary_key, (WHITE,), TEXT, "print"),
        # the hero, buttons and the print header: white text on the colour (both schemes)
        Need("--brand", primary_key, (WHITE,), TEXT, "light"),
        Need("--brand-2", accent_key, (WHITE,), TEXT, "light"),
        # bars, meter marks and borders: marks on cards
        Need("--mark", primary_key, (LIGHT_CARD,), LARGE, "light"),
        Need("--mark", accent_key, (DARK_CARD,), LARGE, "dark"),
        Need("--mark", primary_key, (WHITE,), LARGE, "print"),
    ]


def palette(primary: str, accent: str, *, keys: tuple[str, str] = ("colors.primary",
                                                                    "colors.accent")) -> Palette:
    """The per-scheme variants of ``primary`` and ``accent`` (hex colours) the theme uses."""
    given = {keys[0]: primary, keys[1]: accent}
    result = Palette()
    for need in needs(*keys):
        colour = given[need.key]
        adjusted = readable(colour, need.against, need.ratio)
        if adjusted is None:
            adjusted = colour
            result.warnings.append(
                f"{need.key} {colour} cannot be made readable on the {need.scheme} scheme's "
                f"background ({need.ratio}:1 needed) by changing its lightness; choose another "
                "colour")
        elif adjusted != colour.lower():
            result.changed.append(
                f"{need.key} {colour} is shown as {adjusted} for {need.variable[2:]} in the "
                f"{need.scheme} scheme, so it reads at {need.ratio}:1 or better")
        getattr(result, need.scheme)[need.variable] = adjusted
    return result


def readable(colour: str, against: tuple[str, ...], ratio: float) -> str | None:
    """The colour with the same hue and saturation and the nearest lightness that reaches
    ``ratio`` against every background in ``against``; None when no lightness does."""
    red, green, blue = _rgb(colour)
    hue, lightness, saturation = colorsys.rgb_to_hls(red, green, blue)
    if all(contrast(colour, bg) >= ratio for bg in against):
        return colour.lower()
    start = round(lightness * STEPS)
    for distance in range(1, STEPS + 1):
        for step in (start - distance, start + distance):
            if 0 <= step <= STEPS:
                candidate = _hex(colorsys.hls_to_rgb(hue, step / STEPS, saturation))
                if all(contrast(candidate, bg) >= ratio for bg in against):
                    return candidate
    return None


def contrast(first: str, second: str) -> float:
    """WCAG 2 contrast ratio of two colours, from 1 (same) to 21 (black on white)."""
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def luminance(colour: str) -> float:
    """WCAG 2 relative luminance of an sRGB colour."""
    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(c) for c in _rgb(colour))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def _rgb(colour: str) -> tuple[float, float, float]:
    text = colour.lstrip("#")
    if len(text) == 3:
        text = "".join(c * 2 for c in text)
    return tuple(int(text[i:i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def _hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{round(min(max(c, 0.0), 1.0) * 255):02x}" for c in rgb)
