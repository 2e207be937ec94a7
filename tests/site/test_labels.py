"""Labels that say what was computed (issue 14, point 11), as the pages print them.

A small hand-made Report: TikTok with a 28-day export (views summed over Feb 1 .. 28, 2026),
comments that went from -6 to -2 over two 30-day periods (TikTok's daily comment counts go below
zero), a country with 0.3% of the audience, and a post without a caption.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from mediakit.analytics.figures import AudienceSplit, PeriodChange, Post, ReachStats, Span, Window
from mediakit.analytics.headline import headline
from mediakit.analytics.report import PlatformReport, Report
from mediakit.project.profile import load_profile
from mediakit.site import render
from mediakit.site.chart_svg import Renderer
from mediakit.site.report_charts import audience_chart

AS_OF = date(2026, 2, 28)
SHORT = Span(days=30, covered_days=28, first="2026-02-01", last="2026-02-28", ends_on_as_of=True)
FULL = Span(days=30, covered_days=30, first="2026-01-30", last="2026-02-28", ends_on_as_of=True)
BEFORE = Span(days=30, covered_days=30, first="2025-12-31", last="2026-01-29",
              ends_on_as_of=True)


def _tiktok() -> PlatformReport:
    # 478,050 views over the 28 days: 478,050 / 28 = 17,073.2 a day (not / 30 = 15,935)
    reach = ReachStats(
        window=Window("last 90 days", 1, "2026-02-10", "2026-02-10"), median_views=5_000.0,
        mean_views=5_000.0, min_views=5_000, max_views=5_000, views_per_day_30d=478_050 / 28,
        profile_views_30d=900, unique_viewers_per_day_30d=None, new_viewers_30d=None,
        returning_viewers_30d=None, returning_share=None, views_to_followers=None,
        views_span=SHORT, span_30d=SHORT)
    comments = PeriodChange("comments", "Comments", -2.0, -6.0, 4.0, None, True,
                            span=FULL, previous_span=BEFORE)
    views = PeriodChange("views", "Video views", 478_050.0, None, None, None, False, span=SHORT)
    untitled = Post("p1", "https://www.tiktok.com/@a/video/1", "", "2026-02-10", 5_000, 400, 20,
                    10, 0.086)
    data = PlatformReport(
        "tiktok", "@a", None, followers=12_000, views_30d=478_050, views_30d_span=SHORT,
        reach=reach, comparison=[views, comments], top_posts=[untitled],
        audience=[AudienceSplit("country", {"IE": 0.62, "US": 0.375, "IT": 0.003, "Others": 0.002},
                                "FollowerTopTerritories.csv", False)])
    data.headline = headline(data, AS_OF)  # as analyze() does: what the kit's cards show
    return data


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    root = tmp_path_factory.mktemp("labels")
    (root / "content").mkdir()
    profile_file = root / "content/profile.yaml"
    profile_file.write_text('name: A\nlocale: en_GB\nplatforms:\n  tiktok: {handle: "@a"}\n')
    report = Report(as_of=AS_OF, platforms={"tiktok": _tiktok()})
    files = render.site(report, {}, load_profile(profile_file), project_dir=root,
                        content_dir=root / "content", profile_file=profile_file)
    return {name: files[name].decode("utf-8") for name in ("index.html", "report.html")}


def test_a_28_day_export_is_labelled_28_days_on_the_kit_and_the_report(pages):
    assert "Video views, last 28 days — all the data there is" in pages["index.html"]
    assert "last 30 days" not in pages["index.html"].split("Headline numbers")[1].split(
        "</section>")[0]
    report = pages["report.html"]
    assert "mean over the last 28 days — all the data there is, all videos" in report
    assert "Reach over the last 28 days — all the data there is, ending 28 Feb 2026" in report
    assert "30 days ending" not in report
    # the report's line of the kit's headline says the same span
    assert "478k</strong> video views, last 28 days — all the data there is" in report
    assert "in the last 30 days" not in report
    # the comparison's row says its period is 28 days, and compares it with nothing
    row = report.split('<th scope="row">Video views<br>')[1].split("</tr>")[0]
    assert "this period: last 28 days — all the data there is" in row
    assert "some days have no data" not in row  # the span already says why
    assert row.endswith('<td class="num" style="white-space: nowrap">—</td>')


def test_negative_comments_show_the_difference_not_a_percentage(pages):
    row = pages["report.html"].split("<th scope=\"row\">Comments<br>")[1].split("</tr>")[0]
    assert "30 days before: -6" in row
    assert '<td class="num" style="white-space: nowrap">+4</td>' in row  # -2 - (-6) = +4
    assert "%" not in row  # no "−66.7%" on a negative base


def test_a_small_country_share_is_under_one_percent_not_zero(pages):
    kit = pages["index.html"]
    assert '<span class="bar-value">&lt;1%</span>' in kit  # Italy 0.3%, Others 0.2%
    assert '<span class="bar-value">0%</span>' not in kit
    assert '<span class="bar-value">38%</span>' in kit  # 37.5% rounds half to even: 38


def test_the_audience_chart_and_its_table_never_say_zero_for_a_share(tmp_path: Path):
    chart = audience_chart(_tiktok(), "country", Renderer(tmp_path), {"IT": "Italy"})
    assert ("Italy", "0.3%") in chart.table
    assert ">&lt;1%</text>" in chart.svg or "><1%</text>" in chart.svg
    assert ">0%</text>" not in chart.svg.split("mark-text role-mark")[1]


def test_a_post_without_a_title_has_the_same_wording_on_kit_and_report(pages):
    assert "Untitled post" in pages["index.html"] and "Untitled post" in pages["report.html"]
    assert "Untitled video" not in pages["index.html"]
