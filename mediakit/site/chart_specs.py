"""What every chart spec shares: its size, the theme (brand colours, shipped font), data as records.

The data goes in as plain JSON records, not a DataFrame, which Altair would first copy and
sanitise into exactly these records.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from mediakit.site.palette import LARGE, WHITE, readable
from mediakit.site.typeface import FAMILY

if TYPE_CHECKING:
    from mediakit.project.profile import Profile

WIDTH = 560  # rendered size; the SVG scales to the page, so text stays legible on a phone
HEIGHT = 220
# The shipped family, so every machine measures and draws the labels alike (typeface.py); the
# generic name after it only matters to a browser showing a chart without the theme's fonts.
FONT = f"{FAMILY}, sans-serif"


def theme(profile: Profile) -> dict:
    """A Vega-Lite config from the profile's brand colours, as marks readable on the charts'
    white background (3:1, WCAG AA for graphics) in both schemes."""
    primary = readable(profile.colors.primary, (WHITE,), LARGE) or profile.colors.primary
    accent = readable(profile.colors.accent, (WHITE,), LARGE) or profile.colors.accent
    return {
        "background": "transparent",
        "font": FONT,
        "view": {"stroke": None},
        "axis": {
            "labelColor": "#5b6472", "titleColor": "#5b6472", "gridColor": "#e6e8ec",
            "domain": False, "tickColor": "#e6e8ec", "labelFontSize": 13, "titleFontSize": 13,
            "titleFontWeight": "normal",
        },
        "range": {"category": [primary, accent, "#7a8699", "#c9ced6"]},
        "line": {"color": primary, "strokeWidth": 2},
        "area": {"color": primary, "opacity": 0.85},
        "bar": {"color": primary},
        "mark": {"color": primary},
        "legend": {"labelColor": "#5b6472", "titleColor": "#5b6472"},
    }


def inline_data(rows: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Inline data for Altair: the records as JSON has them (NaN and infinity become null).

    Altair would turn a DataFrame into exactly these records (and first copy and sanitise it).
    """
    return {"values": [{name: _plain(value) for name, value in row.items()} for row in rows]}


def _plain(value: Any) -> Any:
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):  # a NumPy scalar
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value
