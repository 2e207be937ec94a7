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
    from mediakit.site.format import Formatter

WIDTH = 560  # rendered size; the SVG scales to the page, so text stays legible on a phone
HEIGHT = 220
# The shipped family, so every machine measures and draws the labels alike (typeface.py); the
# generic name after it only matters to a browser showing a chart without the theme's fonts.
FONT = f"{FAMILY}, sans-serif"


def vega_locale(fmt: Formatter) -> dict[str, Any]:
    """Month and weekday names and number symbols for Vega, from Babel's data for the reader.

    Axis ticks ("%b", "~s") are written by Vega itself, so they follow this, not the catalog.
    """
    names = fmt.language_locale
    days = [names.days["format"]["wide"][(day + 6) % 7] for day in range(7)]  # Sunday first
    short_days = [names.days["format"]["abbreviated"][(day + 6) % 7] for day in range(7)]
    symbols = fmt.locale.number_symbols.get("latn", fmt.locale.number_symbols)
    return {
        "number": {"decimal": symbols.get("decimal", "."), "thousands": symbols.get("group", ","),
                   "grouping": [3], "currency": ["", ""]},
        "time": {"dateTime": "%x, %X", "date": "%Y-%m-%d", "time": "%H:%M:%S",
                 "periods": ["AM", "PM"], "days": days, "shortDays": short_days,
                 "months": [names.months["format"]["wide"][m] for m in range(1, 13)],
                 "shortMonths": [names.months["stand-alone"]["abbreviated"][m]
                                 for m in range(1, 13)]},
    }


def theme(profile: Profile, fmt: Formatter | None = None) -> dict:
    """A Vega-Lite config from the profile's brand colours, as marks readable on the charts'
    white background (3:1, WCAG AA for graphics) in both schemes; with ``fmt``, the reader's
    month names and number symbols too."""
    primary = readable(profile.colors.primary, (WHITE,), LARGE) or profile.colors.primary
    accent = readable(profile.colors.accent, (WHITE,), LARGE) or profile.colors.accent
    config: dict[str, Any] = {
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
    if fmt is not None and fmt.language_locale.language != "en":  # English: Vega's own default
        config["locale"] = vega_locale(fmt)
    return config


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
