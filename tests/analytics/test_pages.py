"""The demo's report.html and methodology.html show the analytics core's numbers."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from mediakit.build import build

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("demo")
    shutil.copytree(REPO / "content", root / "content", ignore=shutil.ignore_patterns("history"))
    build(root, today=date(2026, 11, 20))
    return root / "site"


def _text(page: Path) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", page.read_text("utf-8")).split())


def test_the_report_shows_every_section_with_its_numbers(site: Path):
    html = (site / "report.html").read_text("utf-8")
    text = _text(site / "report.html")
    for section in ("reach", "engagement", "growth", "audience", "posts", "timing", "insights",
                    "cadence", "compare", "rates"):
        assert f'id="tiktok-{section}"' in html, section
    # TikTok's exports hold no watch time: its retention section is left out, YouTube's is not
    assert 'id="tiktok-retention"' not in html and 'id="youtube-retention"' in html
    # typical views: median of the last 30 posts with views in the demo exports
    assert "39.9K" in text and "median of the last 30 posts" in text
    assert "Engagement per view: 9.2% — average for 10K–50K followers on TikTok" in text
    assert "Modash" in text and "Nov 2025" in text
    assert "Post at 19:00 (Europe/Dublin)" in text
    assert "Viral hits, shown apart" in text and "more than 5 × the typical" in text
    assert "#originalmusic" in text and "small sample" in text
    # the creator's own rates are on the report; mediakit's suggestions only when published
    # (site.show_suggested_rates, tests/site/test_site_choices.py)
    assert "€650" in text and "Formula: price = median views" not in text
    assert "Self-reported by the creator" in text  # the age split from the profile
    assert html.count("<svg") >= 9  # benchmark, heat map, top posts, lifts, audience, growth


def test_the_methodology_lists_metrics_sources_and_benchmarks_with_dates(site: Path):
    text = _text(site / "methodology.html")
    for metric in ("Typical views per post", "Engagement per view", "Engagement per follower",
                   "Viral hit", "Best start hour", "Lift", "Posts per week", "Projection"):
        assert metric in text, metric
    # the exports read, by what they hold (file names are the creator's, never on a page)
    assert "Daily video views, profile views" in text and "Overview.csv" not in text
    assert "10K–50K followers" in text and "8.38% – 9.37%" in text
    assert "Modash, TikTok engagement rate benchmarks" in text and "Nov 2025" in text
    assert "undated on the source page" in text  # the Instagram table says so honestly
    assert "AWISEE" in text and "1 EUR = 1.0411 USD" in text and "28 Feb 2025" in text


def test_no_missing_value_is_printed_as_none_or_nan(site: Path):
    for name in ("report.html", "methodology.html"):
        assert not re.search(r"\b(None|nan|NaN|inf)\b", _text(site / name)), name
