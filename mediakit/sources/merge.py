"""Putting several export files together into one Account.

A creator's folder often holds overlapping downloads (this month's and last month's). Each file
contributes a *piece* of one canonical table; where pieces overlap, the later export wins. "Later"
is the export day (anchor), then the last day the file covers, then the file's position in the
folder, so the result never depends on anything but the files.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from mediakit.sources import same_post
from mediakit.tables import SCHEMAS, Account, SourceFile, conform


@dataclass
class Piece:
    """What one file contributes to one canonical table, with what decides overlaps."""

    table: str  # "daily", "posts", "audience", "activity" or "periods"
    frame: pd.DataFrame  # canonical columns (without "platform")
    anchor: date  # the export day: a later export wins for the same date or post
    source: SourceFile
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # quirks handled as expected, for `check`


def assemble(pieces: list[Piece], warnings: list[str], platform: str) -> Account:
    """One Account from every file's piece; posts joined by :mod:`mediakit.sources.same_post`."""
    # One file may give two tables (Audience.csv: shares and the follower total): list it once.
    account = Account(files=list(dict.fromkeys(piece.source for piece in pieces)))
    account.warnings = warnings + [text for piece in pieces for text in piece.warnings]
    account.notes = [text for piece in pieces for text in piece.notes]
    ranked = sorted(
        range(len(pieces)),
        key=lambda i: (pieces[i].anchor, pieces[i].source.last_date or pieces[i].anchor, i),
    )
    for table, merge in MERGERS.items():
        frames = [
            pieces[i].frame.reset_index(drop=True).assign(_rank=rank)
            for rank, i in enumerate(ranked)
            if pieces[i].table == table and len(pieces[i].frame)
        ]
        if not frames:
            continue
        merged = merge(pd.concat(frames, ignore_index=True).assign(platform=platform))
        merged = merged.drop(columns=["_rank"], errors="ignore")
        setattr(account, table, conform(merged.assign(platform=platform), table))
    return account


def _merge_daily(frame: pd.DataFrame) -> pd.DataFrame:
    # Per column, the latest export's value; a missing value never erases a known one.
    return frame.drop(columns="_rank").groupby("date", sort=True).last().reset_index()


def _merge_posts(frame: pd.DataFrame) -> pd.DataFrame:
    # Lifetime totals: the latest snapshot wins, column by column (a file that lacks views, like
    # TikTok's JSON, does not erase the views another file gave); the same post seen under two
    # ids (a Studio link and a data download's posting time) is joined by the one rule history
    # uses too. The rule compares posting times and snapshot dates, so a file that gives neither
    # (a damaged header that hid its date column) gets them as unknown, not a crash.
    for name in ("posted_at", "snapshot_date", "title"):
        if name not in frame.columns:
            frame[name] = pd.Series(pd.NA, index=frame.index, dtype=SCHEMAS["posts"][name])
    return same_post.join(frame, "_rank")


def _merge_audience(frame: pd.DataFrame) -> pd.DataFrame:
    # Shares add up within one export, so each dimension comes whole from its latest file.
    latest = frame["_rank"] == frame.groupby("dimension")["_rank"].transform("max")
    return frame[latest].drop_duplicates(["dimension", "segment"], keep="last")


def _merge_activity(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.drop_duplicates(["date", "hour"], keep="last")


def _merge_periods(frame: pd.DataFrame) -> pd.DataFrame:
    # One row per period: a later export of the same period wins.
    return frame.drop_duplicates(["first", "last"], keep="last")


MERGERS: dict[str, Callable[[pd.DataFrame], pd.DataFrame]] = {
    "daily": _merge_daily,
    "posts": _merge_posts,
    "audience": _merge_audience,
    "activity": _merge_activity,
    "periods": _merge_periods,
}
