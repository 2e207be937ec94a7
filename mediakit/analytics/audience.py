"""Who the audience is: the latest exported split per dimension, plus self-reported figures."""

from __future__ import annotations

import pandas as pd

ORDER_LAST = ("other", "others", "unknown")


def latest_split(audience: pd.DataFrame, dimension: str) -> tuple[dict[str, float], str | None]:
    """Shares of the newest snapshot of ``dimension``, largest first, "other" last.

    Returns ``(shares, source)``; empty dict and None when the export has no such dimension.
    """
    rows = audience[audience["dimension"] == dimension]
    if rows.empty:
        return {}, None
    newest = rows["as_of"].max()
    rows = rows[rows["as_of"] == newest] if pd.notna(newest) else rows
    rows = rows.dropna(subset=["share"])
    ordered = sorted(
        zip(rows["segment"], rows["share"].astype(float), strict=True),
        key=lambda item: (item[0].lower() in ORDER_LAST, -item[1], item[0]),
    )
    source = str(rows["source"].iloc[0]) if len(rows) and pd.notna(rows["source"].iloc[0]) else None
    return {segment: share for segment, share in ordered}, source
