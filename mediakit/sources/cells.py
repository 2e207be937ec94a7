"""Turning exported text cells into numbers and tags, column at a time.

Exports hold numbers as text ("1591", "undefined", sometimes "1,234"). Missing is not zero, so
the known "no value" markers become ``<NA>``; anything else that is not a number is a mistake in
the file and is reported with its spreadsheet row and column instead of silently vanishing.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from mediakit.errors import SourceError

# Cell texts that mean "no value" (compared lower-case). TikTok writes "undefined".
MISSING = frozenset({"", "undefined", "null", "none", "nan", "n/a", "--"})

_SPACES = r"[\s\u00a0\u202f'’]"  # thousands separators that are never decimal points
_COMMA_GROUPS = r"[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?"  # 1,234 / 1,234.5
_DOT_GROUPS = r"[-+]?\d{1,3}(?:\.\d{3})+(?:,\d+)?"  # 1.234 / 1.234,5 (de, tr, id)


def counts(values: pd.Series, *, file: str, column: str) -> pd.Series:
    """Whole-number counts (views, likes...) as ``Int64``; negative values are kept.

    Thousands separators are dropped; a decimal value is rounded (a spreadsheet may have shown
    "1591.0").
    """
    text, missing = _prepare(values)
    text = text.str.replace(_SPACES, "", regex=True)
    comma = text.str.fullmatch(_COMMA_GROUPS)
    text = text.where(~comma, text.str.replace(",", "", regex=False))
    dots = text.str.fullmatch(_DOT_GROUPS)
    text = text.where(
        ~dots, text.str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
    )
    numbers = _to_numbers(text, missing, values, file=file, column=column)
    return numbers.round().astype("Int64")


def fractions(values: pd.Series, *, file: str, column: str) -> pd.Series:
    """Shares such as "0.462" as ``Float64``; "46.2%" and a decimal comma "0,462" also work."""
    text, missing = _prepare(values)
    text = text.str.replace(_SPACES, "", regex=True)
    percent = text.str.endswith("%")
    text = text.str.rstrip("%")
    comma = text.str.fullmatch(r"[-+]?\d*,\d+")
    text = text.where(~comma, text.str.replace(",", ".", regex=False))
    numbers = _to_numbers(text, missing, values, file=file, column=column)
    return numbers.where(~percent.to_numpy(), numbers / 100)


def _prepare(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    text = values.astype("string").fillna("").str.strip()
    missing = text.str.lower().isin(MISSING)
    return text, missing


def _to_numbers(
    text: pd.Series, missing: pd.Series, original: pd.Series, *, file: str, column: str
) -> pd.Series:
    numbers = pd.to_numeric(text.where(~missing, None), errors="coerce").astype("Float64")
    finite = numbers.notna() & np.isfinite(numbers.fillna(0).to_numpy(dtype=float))
    bad = ~missing & ~finite
    if bad.any():
        row = bad[bad].index[0]
        raise SourceError(
            f"expected a number, got '{str(original.loc[row]).strip()}'",
            file=file,
            line=int(row),
            field=column,
            hint="use the export as downloaded; a cell may have been edited by hand",
        )
    return numbers.where(~missing, pd.NA)


def hashtags(captions: pd.Series) -> pd.Series:
    """Hashtags of each caption: lower-case, without '#', space-separated, first use first."""
    found = captions.astype("string").fillna("").str.findall(r"#(\w+)")
    return found.map(lambda tags: " ".join(dict.fromkeys(tag.casefold() for tag in tags)))
