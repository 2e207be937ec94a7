"""The as-of lines' account of where numbers came from (mediakit/site/provenance.py)."""

from __future__ import annotations

from datetime import date

from mediakit.analytics.report import PlatformReport, Report
from mediakit.site.format import Formatter
from mediakit.site.provenance import data_origin
from mediakit.site.render import platform_name


def _report(**sources: tuple[str | None, str | None]) -> Report:
    platforms = {key: PlatformReport(key, "@x", None, api_pulled=pulled, exported=exported)
                 for key, (pulled, exported) in sources.items()}
    return Report(as_of=date(2026, 12, 7), platforms=platforms)


def _origin(report: Report) -> str:
    return data_origin(report, Formatter("en_US"), platform_name)


def test_exports_only_says_nothing_so_pages_keep_their_sentence() -> None:
    assert _origin(_report(tiktok=(None, "2026-11-16"), youtube=(None, None))) == ""


def test_platforms_with_the_same_story_share_a_phrase() -> None:
    report = _report(youtube=("2026-12-07", None), instagram=("2026-12-07", None),
                     tiktok=(None, "2026-11-16"))
    assert _origin(report) == ("YouTube and Instagram via their APIs on Dec 7, 2026; "
                               "TikTok from exports with data to Nov 16, 2026")


def test_api_and_exports_together_and_tiktoks_missing_audience() -> None:
    report = _report(tiktok=("2026-12-07", "2026-11-16"), youtube=("2026-12-01", None),
                     instagram=(None, None))
    assert _origin(report) == (
        "TikTok via its API on Dec 7, 2026 and exports with data to Nov 16, 2026; "
        "YouTube via its API on Dec 1, 2026; Instagram from the history of earlier exports; "
        "TikTok’s API has no audience data: exports fill that in")


def test_three_platforms_are_listed_with_commas() -> None:
    report = _report(youtube=("2026-12-07", None), instagram=("2026-12-07", None),
                     tiktok=("2026-12-07", None))
    assert _origin(report).startswith(
        "YouTube, Instagram and TikTok via their APIs on Dec 7, 2026; TikTok’s API")
