"""Turning exported text cells into numbers and tags, column at a time.

Exports hold numbers as text ("1591", "undefined", sometimes "1,234"). Missing is not zero, so
the known "no value" markers become ``<NA>``; anything else that is not a number is a mistake in
the file and is reported with its spreadsheet row and column instead of silently vanishing.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from mediakit.errors import SourceError

# Cell texts that mean "no value" (compared lower-case). TikTok writes "undefined".
MISSING = frozenset({"", "undefined", "null", "none", "nan", "n/a", "--"})

MAX_COUNT = 2**53  # beyond this a float no longer holds every whole number
_SPACES = r"[\s\u00a0\u202f'’]"  # thousands separators that are never decimal points
_COMMA_GROUPS = r"[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?"  # 1,234 / 1,234.5
_DOT_GROUPS = r"[-+]?\d{1,3}(?:\.\d{3})+(?:,\d+)?"  # 1.234 / 1.234,5 (de, tr, id)


def counts(values: pd.Series, *, file: str, column: str) -> pd.Series:
    """Whole-number counts (views, likes...) as ``Int64``; negative values are kept.

    Thousands separators are dropped; a decimal value is rounded (a spreadsheet may have shown
    "1591.0").
    """
    numbers = np.round(_parse(values, _clean_count, file=file, column=column))
    huge = np.abs(np.nan_to_num(numbers)) > MAX_COUNT
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


def fractions(values: pd.Series, *, file: str, column: str) -> pd.Series:
    """Shares such as "0.462" as ``Float64``; "46.2%" and a decimal comma "0,462" also work."""
    numbers = _parse(values, _clean_fraction, file=file, column=column)
    return pd.Series(pd.arrays.FloatingArray(numbers, np.isnan(numbers)), index=values.index)


def _clean_count(text: pd.Series) -> tuple[pd.Series, pd.Series]:
    text = text.str.replace(_SPACES, "", regex=True)
    comma = text.str.fullmatch(_COMMA_GROUPS)
    text = text.where(~comma, text.str.replace(",", "", regex=False))
    dots = text.str.fullmatch(_DOT_GROUPS)
    text = text.where(
        ~dots, text.str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
    )
    return text, pd.Series(1.0, index=text.index)


def _clean_fraction(text: pd.Series) -> tuple[pd.Series, pd.Series]:
    text = text.str.replace(_SPACES, "", regex=True)
    scale = pd.Series(np.where(text.str.endswith("%"), 0.01, 1.0), index=text.index)
    text = text.str.rstrip("%")
    comma = text.str.fullmatch(r"[-+]?\d*,\d+")
    return text.where(~comma, text.str.replace(",", ".", regex=False)), scale


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


def hashtags(captions: pd.Series) -> pd.Series:
    """Hashtags of each caption: lower-case, without '#', space-separated, first use first."""
    found = captions.astype("string").fillna("").str.findall(r"#(\w+)")
    return found.map(lambda tags: " ".join(dict.fromkeys(tag.casefold() for tag in tags)))
