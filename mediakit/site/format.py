"""Numbers for people: 12.4K, 8.3%, €850, 16 Nov 2026 — localized, and "—" for missing.

These are the Jinja filters. Missing values (None, NaN) always render as an em dash, so a page
never shows "nan" or "None" and never pretends a missing number is zero.
"""

from __future__ import annotations

import math
from datetime import date

from babel import Locale
from babel.dates import format_date
from babel.numbers import (
    format_compact_decimal,
    format_currency,
    format_decimal,
    format_percent,
)

MISSING = "—"


def is_missing(value: object) -> bool:
    """None, NaN and pandas NA are all missing."""
    if value is None:
        return True
    try:
        return bool(value != value) or (isinstance(value, float) and math.isnan(value))
    except TypeError:  # pandas NA refuses bool()
        return True


class Formatter:
    """Formatting filters bound to one locale."""

    def __init__(self, locale: str = "en_US") -> None:
        self.locale = Locale.parse(locale)

    def compact(self, value: object) -> str:
        """12400 -> 12.4K; under 10,000 written in full (1,234) because it reads better."""
        if is_missing(value):
            return MISSING
        number = float(value)  # type: ignore[arg-type]
        if abs(number) < 10_000:
            return format_decimal(round(number), locale=self.locale)
        return format_compact_decimal(number, locale=self.locale, fraction_digits=1)

    def number(self, value: object, digits: int = 0) -> str:
        """A plain grouped number: 48,213."""
        if is_missing(value):
            return MISSING
        number = round(float(value), digits) if digits else round(float(value))  # type: ignore[arg-type]
        pattern = "#,##0" + ("." + "0" * digits if digits else "")
        return format_decimal(number, format=pattern, locale=self.locale)

    def signed(self, value: object) -> str:
        """+1,204 / −312: a change, with its sign always shown."""
        if is_missing(value):
            return MISSING
        number = float(value)  # type: ignore[arg-type]
        text = self.compact(abs(number))
        return ("+" if number >= 0 else "−") + text

    def percent(self, value: object, digits: int = 1) -> str:
        """0.0834 -> 8.3%."""
        if is_missing(value):
            return MISSING
        pattern = "#,##0" + ("." + "0" * digits if digits else "") + "%"
        return format_percent(float(value), format=pattern, locale=self.locale)  # type: ignore[arg-type]

    def money(self, value: object, currency: str = "USD") -> str:
        """850 EUR -> €850 (no cents when the price is whole)."""
        if is_missing(value):
            return MISSING
        number = float(value)  # type: ignore[arg-type]
        pattern = self.locale.currency_formats["standard"].pattern.split(";")[0]
        if number == int(number):
            pattern = pattern.replace(".00", "")  # the locale's layout, without cents
        return format_currency(
            number, currency, format=pattern, locale=self.locale, currency_digits=False
        )

    def day(self, value: object, style: str = "medium") -> str:
        """2026-11-16 -> Nov 16, 2026 (in the profile's locale)."""
        if is_missing(value):
            return MISSING
        if isinstance(value, str):
            value = date.fromisoformat(value[:10])
        return format_date(value, format=style, locale=self.locale)  # type: ignore[arg-type]

    def hour(self, value: object) -> str:
        """18 -> 18:00 (24-hour clock: unambiguous for brands abroad)."""
        if is_missing(value):
            return MISSING
        return f"{int(value):02d}:00"  # type: ignore[call-overload]

    def filters(self) -> dict[str, object]:
        """The Jinja filter table."""
        return {
            "compact": self.compact,
            "number": self.number,
            "signed": self.signed,
            "percent": self.percent,
            "money": self.money,
            "day": self.day,
            "hour": self.hour,
        }
