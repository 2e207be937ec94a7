"""Numbers for people: 12.4K, 8.3%, €850, 16 Nov 2026 — localized, and "—" for missing.

These are the Jinja filters. Missing values (None, NaN) always render as an em dash, so a page
never shows "nan" or "None" and never pretends a missing number is zero. The same goes for a
small share: 0.3% of an audience is not "0%", so every audience share prints through ``share``
(and charts through ``small_share``), which writes "<1%" for a non-zero share that rounds to 0.
Window figures are labelled through ``span``: the real days a figure covers, never more.
"""

from __future__ import annotations

import math
import re
from datetime import date
from typing import TYPE_CHECKING

from babel import Locale
from babel.dates import format_date
from babel.numbers import (
    format_compact_decimal,
    format_currency,
    format_decimal,
    format_percent,
)

from mediakit.analytics.figures import PeriodTotals, Span
from mediakit.site.i18n import N_, translations

if TYPE_CHECKING:
    from babel.support import NullTranslations

MISSING = "—"
UNDATED = N_("undated")  # a source that gives no date (the shipped tables say so)
UNTITLED = N_("Untitled post")  # a post without a caption, on every page (video, image or carousel)


def small_share(value: object, digits: int = 0) -> str | None:
    """"<1%" ("<0.1%" at one digit) for a share above 0 that would print as 0; else None.

    A country with 0.3% of the audience exists: printing "0%" says it does not.
    """
    if is_missing(value):
        return None
    share = float(value)  # type: ignore[arg-type]
    if 0 < share and round(share * 100, digits) == 0:
        return "<" + ("1" if digits == 0 else "0." + "0" * (digits - 1) + "1") + "%"
    return None


def untitled(title: object) -> str:
    """A post's title, or the one wording for a post without one."""
    return UNTITLED if is_missing(title) or not str(title).strip() else str(title)


def is_missing(value: object) -> bool:
    """None, NaN and pandas NA are all missing."""
    if value is None:
        return True
    try:
        return bool(value != value) or (isinstance(value, float) and math.isnan(value))
    except TypeError:  # pandas NA refuses bool()
        return True


def _language_locale(language: str, locale: Locale) -> Locale:
    """Babel's data for the words of ``language`` (month and country names): the locale's own
    when it is the same language, else the language's ("de-AT" -> de_AT, "fr" -> fr)."""
    primary = re.split(r"[-_]", language)[0].lower()
    if primary == locale.language:
        return locale
    for tag in (language.replace("-", "_"), primary):
        try:
            return Locale.parse(tag)
        except (ValueError, LookupError):
            continue
    return locale


class Formatter:
    """Formatting filters bound to one locale, and the interface's words in one language.

    The language is the locale's unless given (a German pitch may keep French numbers);
    ``translations`` replaces the shipped catalog (the tests' pseudo-locale).
    """

    def __init__(self, locale: str = "en_US", language: str | None = None,
                 catalog: NullTranslations | None = None) -> None:
        self.locale = Locale.parse(locale)
        self.language = language or self.locale.language
        self.catalog = catalog if catalog is not None else translations(self.language)
        self.language_locale = _language_locale(self.language, self.locale)

    def gettext(self, message: str, **values: object) -> str:
        """``message`` in the reader's language, its %(name)s placeholders filled in."""
        text = self.catalog.gettext(message)
        return text % values if values else text

    def ngettext(self, singular: str, plural: str, count: int, **values: object) -> str:
        """The singular or plural (by the language's rules) for ``count``, as %(num)s."""
        return self.catalog.ngettext(singular, plural, count) % {"num": count, **values}

    def untitled(self, title: object) -> str:
        """A post's title, or the one wording (translated) for a post without one."""
        return self.gettext(UNTITLED) if is_missing(title) or not str(title).strip() \
            else str(title)

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

    def share(self, value: object, digits: int = 0) -> str:
        """An audience share: 0.462 -> 46%, but 0.003 -> <1% (never a "0%" that exists)."""
        return small_share(value, digits) or self.percent(value, digits)

    def span(self, span: Span | None) -> str:
        """The days a window figure covers, in words: the one label of every window figure.

        "last 30 days" when the data spans the window; "last 28 days — all the data there is"
        when it starts later; "28 days to 14 Nov 2026" when it also ends before the as-of
        day (a Span from mediakit.analytics.windows.span; "—" when there is none).
        """
        if span is None:
            return MISSING
        days = span.covered_days
        if span.full:
            return self.ngettext("last day", "last %(num)d days", days)
        if span.ends_on_as_of:
            return self.ngettext("last day — all the data there is",
                                 "last %(num)d days — all the data there is", days)
        # no article: the label follows "over the" in sentences and a comma in headings
        return self.ngettext("%(num)d day to %(day)s", "%(num)d days to %(day)s", days,
                             day=self.day(span.last))

    def period(self, totals: PeriodTotals | None) -> str:
        """An export's period in words: "17 Nov 2025 – 16 Nov 2026 (365 days)", or only its end
        when the export does not say where it starts."""
        if totals is None:
            return MISSING
        if totals.first is None:
            return self.gettext("the export’s period, to %(day)s", day=self.day(totals.last))
        return self.ngettext("%(first)s – %(last)s (%(num)d day)",
                             "%(first)s – %(last)s (%(num)d days)", totals.days,
                             first=self.day(totals.first), last=self.day(totals.last))

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

    def month(self, value: str) -> str:
        """2026-03 -> Mar 2026 (in the profile's locale), for monthly tables beside dates."""
        return format_date(date.fromisoformat(f"{value[:7]}-01"), format="MMM y",
                           locale=self.locale)

    def dated(self, value: object) -> str:
        """A source's date as the page writes dates: 2025-11 -> Nov 2025, 2025-02-28 -> the day;
        anything else (e.g. "undated") as it is."""
        text = str(value)
        if re.fullmatch(r"\d{4}-\d{2}", text):
            return self.month(text)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return self.day(text)
        return self.gettext(UNDATED) if text == "undated" else text

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
            "dated": self.dated,
            "hour": self.hour,
            "share": self.share,
            "span": self.span,
            "period": self.period,
            "untitled": self.untitled,
        }
