"""Turning exported text cells into numbers and tags, column at a time.

Exports hold numbers as text ("1591", "undefined", sometimes "1,234"). Missing is not zero, so
the known "no value" markers become ``<NA>``; anything else that is not a number is a mistake in
the file and is reported with its spreadsheet row and column instead of silently vanishing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

import numpy as np
import pandas as pd

from mediakit.errors import SourceError
from mediakit.sources.dates import normalise

# Cell texts that mean "no value" (compared lower-case). TikTok writes "undefined".
MISSING = frozenset({"", "undefined", "null", "none", "nan", "n/a", "--"})

MAX_COUNT = 2**53  # beyond this a float no longer holds every whole number
_SPACES = r"[\s\u00a0\u202f'’]"  # thousands separators that are never decimal points
_COMMA_GROUPS = r"[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?"  # 1,234 / 1,234.5
_DOT_GROUPS = r"[-+]?\d{1,3}(?:\.\d{3})+(?:,\d+)?"  # 1.234 / 1.234,5 (de, tr, id)
_DOT_THOUSANDS = r"[-+]?\d{1,3}(?:\.\d{3})+"  # 58.005 in a count: never a decimal
_CLOCK = r"-?\d{1,6}(?::\d{1,2}){1,2}(?:\.\d+)?"  # 4:23, 0:04:23, 1:02:03.5


def counts(values: pd.Series, *, file: str, column: str) -> pd.Series:
    """Whole-number counts (views, likes...) as ``Int64``; negative values are kept.

    Thousands separators are dropped; a decimal value is rounded (a spreadsheet may have shown
    "1591.0").
    """
    numbers = _parse(values, _clean_count, file=file, column=column)
    numbers = np.round(_dot_thousands(values, numbers))
    huge = np.abs(np.nan_to_num(numbers)) >= MAX_COUNT  # 2**53 + 1 parses as 2**53
    if huge.any():
        row = values.index[huge][0]
        raise SourceError(
            f"the number '{str(values.loc[row]).strip()}' is too large to be a count",
            file=file,
            line=int(row),
            field=column,
            hint="use the export as downloaded; a cell may have been edited by hand",
        )
    missing = np.isnan(numbers)
    whole = np.where(missing, 0, numbers).astype(np.int64)
    return pd.Series(pd.arrays.IntegerArray(whole, missing), index=values.index)


def _dot_thousands(values: pd.Series, numbers: np.ndarray) -> np.ndarray:
    """Read "58.005" and "58.000" in a count column as 58,005 and 58,000 (Turkish/German exports
    group with dots).

    A count is a whole number, so a value with exactly three digits after each dot can only be
    thousands — "58.000" too, although it parses as the whole number 58; a spreadsheet's own
    decimals ("1591.0") never look like that.
    """
    dotted = np.isfinite(numbers) & values.astype("string").str.contains(
        ".", regex=False).fillna(False).to_numpy(dtype=bool)
    if not dotted.any():
        return numbers
    fractional = dotted
    text = values[fractional].astype("string").fillna("").str.strip()
    grouped = text.str.fullmatch(_DOT_THOUSANDS).fillna(False).to_numpy(dtype=bool)
    if grouped.any():
        numbers = numbers.copy()
        rows = np.flatnonzero(fractional)[grouped]
        numbers[rows] = text[grouped].str.replace(".", "").astype(float).to_numpy()
    return numbers


def decimals(values: pd.Series, *, file: str, column: str) -> pd.Series:
    """Measured amounts ("1321.6783" hours, "6.31" percent) as ``Float64``, thousands allowed."""
    numbers = _parse(values, _clean_count, file=file, column=column)
    return pd.Series(pd.arrays.FloatingArray(numbers, np.isnan(numbers)), index=values.index)


def durations(values: pd.Series, *, file: str, column: str) -> pd.Series:
    """Lengths of time in seconds as ``Float64``: "263", "4:23" and "0:04:23" are all 263."""
    text = values.astype("string").fillna("").str.strip()
    clock = text.str.fullmatch(_CLOCK).fillna(False).to_numpy(dtype=bool)
    seconds = np.full(len(text), np.nan)
    if (~clock).any():
        plain = decimals(text[~clock], file=file, column=column)
        seconds[~clock] = plain.to_numpy(dtype=float, na_value=np.nan)
    for i in np.flatnonzero(clock):
        parts = [float(part) for part in str(text.iloc[i]).lstrip("-").split(":")]
        total = 0.0
        for part in parts:
            total = total * 60 + part
        if any(part >= 60 for part in parts[1:]):
            raise SourceError(
                f"'{text.iloc[i]}' is not a length of time (minutes and seconds go up to 59)",
                file=file,
                line=int(text.index[i]),
                field=column,
                hint="use the export as downloaded; a cell may have been edited by hand",
            )
        seconds[i] = -total if str(text.iloc[i]).startswith("-") else total
    return pd.Series(pd.arrays.FloatingArray(seconds, np.isnan(seconds)), index=values.index)


def fractions(values: pd.Series, *, file: str, column: str) -> pd.Series:
    """Shares such as "0.462" as ``Float64``; "46.2%" and a decimal comma "0,462" also work."""
    numbers = _parse(values, _clean_fraction, file=file, column=column)
    return pd.Series(pd.arrays.FloatingArray(numbers, np.isnan(numbers)), index=values.index)


def shares(values: pd.Series, *, file: str, column: str) -> pd.Series:
    """Audience shares as ``Float64`` fractions, each from 0 to 1 (0% to 100%).

    ``fractions`` reads the text; this also refuses what cannot be a share of an audience: 1.5
    would show on the kit as "150% of followers", and a negative share means nothing.
    """
    parsed = fractions(values, file=file, column=column)
    outside = ((parsed < 0) | (parsed > 1)).fillna(False).to_numpy(dtype=bool)
    if outside.any():
        row = values.index[outside][0]
        raise SourceError(
            f"a share is between 0 and 1 (0% and 100%), got '{values.loc[row]}'",
            file=file,
            line=int(row),
            field=column,
            hint="use the export as downloaded",
        )
    return parsed


def _clean_count(text: pd.Series) -> tuple[pd.Series, pd.Series]:
    text = text.str.replace(_SPACES, "", regex=True)
    comma = text.str.fullmatch(_COMMA_GROUPS)
    text = text.where(~comma, text.str.replace(",", ""))  # literal: pandas' default
    dots = text.str.fullmatch(_DOT_GROUPS)
    text = text.where(
        ~dots, text.str.replace(".", "").str.replace(",", ".")
    )
    return text, pd.Series(1.0, index=text.index)


def _clean_fraction(text: pd.Series) -> tuple[pd.Series, pd.Series]:
    text = text.str.replace(_SPACES, "", regex=True)
    scale = pd.Series(np.where(text.str.endswith("%"), 0.01, 1.0), index=text.index)
    text = text.str.rstrip("%")
    comma = text.str.fullmatch(r"[-+]?\d*,\d+")
    return text.where(~comma, text.str.replace(",", ".")), scale


Cleaner = Callable[[pd.Series], tuple[pd.Series, pd.Series]]


def _parse(values: pd.Series, clean: Cleaner, *, file: str, column: str) -> np.ndarray:
    """Floats (NaN = missing). Plain numbers take a fast path; odd cells get text clean-up."""
    numbers = pd.to_numeric(values.to_numpy(dtype=object), errors="coerce").astype(float)
    odd = ~np.isfinite(numbers)
    if odd.any():
        text = values[odd].astype("string").fillna("").str.strip()
        missing = text.str.lower().isin(MISSING).to_numpy(dtype=bool)
        cleaned, scale = clean(text)
        fixed = pd.to_numeric(cleaned.where(~missing, None), errors="coerce")
        fixed = fixed.astype(float).to_numpy() * scale.to_numpy()
        bad = ~missing & ~np.isfinite(fixed)
        if bad.any():
            row = text.index[bad][0]
            raise SourceError(
                f"expected a number, got '{text.loc[row]}'",
                file=file,
                line=int(row),
                field=column,
                hint="use the export as downloaded; a cell may have been edited by hand",
            )
        numbers[odd] = np.where(missing, np.nan, fixed)
    return numbers


def web_links(values: pd.Series, *, file: str, column: str) -> pd.Series:
    """Post links as text ("" when blank); a link of any kind but http(s) is refused.

    A link from an export becomes an ``href`` in the kit: ``javascript:...`` there would run in
    the brand's browser, so it is named (file, row, column, value) instead of published. The
    scheme is read the way browsers read it: case, spaces and control characters do not count.
    """
    text = values.astype("string").fillna("").str.strip()
    bare = text.str.replace(r"[\x00-\x20\x7f]+", "", regex=True).str.lower()
    bad = (bare.str.match(r"[a-z][a-z0-9+.-]*:") & ~bare.str.match(r"https?://"))
    bad = bad.to_numpy(dtype=bool)
    if bad.any():
        row = text.index[bad][0]
        shown = str(text.loc[row])
        raise SourceError(
            f"the link '{shown[:60]}' is not a web address (http:// or https://)",
            file=file,
            line=int(row),
            field=column,
            hint="a post link starts with https://; use the export as downloaded",
        )
    return text


def hashtags(captions: pd.Series) -> pd.Series:
    """Hashtags of each caption: lower-case, without '#', space-separated, first use first."""
    found = captions.astype("string").fillna("").str.findall(r"#(\w+)")
    return found.map(lambda tags: " ".join(dict.fromkeys(tag.casefold() for tag in tags)))


# Country names exports write that CLDR spells differently ("Hong Kong SAR China", "Türkiye").
_COUNTRY_ALIASES: dict[str, str] = {
    "turkey": "TR", "hong kong": "HK", "macau": "MO", "macao": "MO", "czech republic": "CZ",
    "myanmar": "MM", "burma": "MM", "ivory coast": "CI", "cote d'ivoire": "CI",
    "democratic republic of the congo": "CD", "dr congo": "CD", "republic of the congo": "CG",
    "congo": "CG", "palestine": "PS", "usa": "US", "united states of america": "US", "uk": "GB",
    "great britain": "GB", "russian federation": "RU", "korea": "KR", "republic of korea": "KR",
    "swaziland": "SZ", "cape verde": "CV", "vatican city": "VA", "the bahamas": "BS",
    "the gambia": "GM", "east timor": "TL", "macedonia": "MK", "the netherlands": "NL",
}
# Codes CLDR names that are regions or placeholders, not countries.
_NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"})


def _country_key(name: str) -> str:
    text = normalise(name.replace("’", "'").replace("&", " and "))
    text = re.sub(r"\bst\.?(?=\s)", "saint", text)
    return " ".join(re.sub(r"[^\w' ]+", " ", text).split())


@lru_cache(maxsize=8)
def _country_table(languages: tuple[str, ...]) -> dict[str, str]:
    from babel import Locale

    table = {_country_key(name): code for name, code in _COUNTRY_ALIASES.items()}
    for language in languages:
        for code, name in Locale.parse(language).territories.items():
            if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES:
                table.setdefault(_country_key(name), code)
    return table


def country_codes(
    names: pd.Series, languages: tuple[str, ...] = ("en",)
) -> tuple[pd.Series, list[str]]:
    """ISO alpha-2 codes for country names ("Ireland" -> "IE"), via babel's territory names.

    Names written in one of ``languages`` are recognised; "other" stays "other". A name nobody
    knows is kept as written and listed second, so the caller can warn instead of losing it.
    """
    table = _country_table(languages)
    codes, unknown = [], []
    for name in names.astype("string").fillna(""):
        if name.casefold() in ("other", "others"):
            codes.append("other")
            continue
        code = table.get(_country_key(name))
        if code is None and name not in unknown:
            unknown.append(name)
        codes.append(code or name)
    return pd.Series(codes, index=names.index, dtype="string"), unknown
