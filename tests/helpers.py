"""Small builders for canonical tables, so analytics tests read like their hand arithmetic."""

from __future__ import annotations

import pandas as pd

from mediakit.tables import conform


def daily(rows: list[dict], platform: str = "tiktok") -> pd.DataFrame:
    """rows like {"date": "2026-01-01", "followers": 100, "views": 5}."""
    return conform(pd.DataFrame([{"platform": platform, **row} for row in rows]), "daily")


def posts(rows: list[dict], platform: str = "tiktok") -> pd.DataFrame:
    """rows like {"post_id": "a", "posted_at": "2026-01-01", "views": 100, "likes": 5}."""
    return conform(pd.DataFrame([{"platform": platform, **row} for row in rows]), "posts")


def activity(rows: list[tuple[str, int, float]], platform: str = "tiktok") -> pd.DataFrame:
    """rows like ("2026-01-01", 18, 420.0)."""
    frame = pd.DataFrame(rows, columns=["date", "hour", "active_followers"])
    frame["platform"] = platform
    return conform(frame, "activity")


def audience(rows: list[tuple[str, str, float, str]], platform: str = "tiktok") -> pd.DataFrame:
    """rows like ("gender", "female", 0.59, "2026-02-28")."""
    frame = pd.DataFrame(rows, columns=["dimension", "segment", "share", "as_of"])
    frame["platform"] = platform
    frame["source"] = "export: test.csv"
    return conform(frame, "audience")


def needs(present: bool, what: str) -> None:
    """Skip a module whose tool or data is missing, but fail under CI on Linux.

    `.ci/run` installs Chromium, WeasyPrint's Pango and poppler, and places ../shared beside the
    checkout, so on that machine a missing piece is a broken CI, not a reason to pass quietly.
    Elsewhere (a contributor's laptop, the macOS and Windows runners) the skip names what to
    install.
    """
    import os
    import sys

    import pytest

    if present:
        return
    if os.environ.get("CI", "").lower() == "true" and sys.platform.startswith("linux"):
        pytest.fail(f"{what} is missing on the CI machine: .ci/run must provide it",
                    pytrace=False)
    pytest.skip(f"{what} is not installed", allow_module_level=True)
