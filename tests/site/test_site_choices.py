"""The creator chooses the optional judgements: benchmark badges, suggested rates, the report,
the kit's sections. No number changes with them (site.* options, docs/profile.md)."""

from __future__ import annotations

import dataclasses
import json
import re

import pytest

from mediakit.errors import ConfigError
from mediakit.project.profile import Profile, SiteOptions


def _with_site(inputs, **options) -> Profile:
    site = inputs.profile.site.model_copy(update=options)
    return inputs.profile.model_copy(update={"site": site})


def _tiktok_band(inputs, band: str):
    """The demo's report with TikTok's benchmark band set to ``band`` (values unchanged)."""
    report = dataclasses.replace(inputs.report)
    report.platforms = dict(inputs.report.platforms)
    tiktok = dataclasses.replace(report.platforms["tiktok"])
    tiktok.benchmark = dataclasses.replace(tiktok.benchmark, band=band)
    report.platforms["tiktok"] = tiktok
    return report


def _render(inputs, report, profile):
    from mediakit.site import render

    root = inputs.project
    return render.site(report, inputs.charts, profile, project_dir=root,
                       content_dir=root / "content", profile_file=root / "content/profile.yaml",
                       account=inputs.account)


def _badges(page: bytes) -> list[str]:
    return re.findall(r'<span class="badge band-[^"]*">([^<]*)</span>', page.decode("utf-8"))


def test_a_below_average_badge_is_left_out_by_default_and_shown_when_chosen(demo_inputs):
    below = _tiktok_band(demo_inputs, "below average")
    default = _render(demo_inputs, below, demo_inputs.profile)
    # Instagram's band is "above average": shown; TikTok's "below average": not, by default
    assert _badges(default["index.html"]) == ["Above average"]
    assert "Below average" not in default["pitches/liffey-audio.html"].decode("utf-8")
    report = default["report.html"].decode("utf-8")
    assert "below average</strong> for" not in report
    stats = json.loads(default["stats.json"])
    assert stats["platforms"]["tiktok"]["benchmark"] is None
    assert stats["platforms"]["instagram"]["benchmark"]["band"] == "above average"
    # the rate itself is still on the kit, with its denominator
    tiktok_rate = demo_inputs.report.platforms["tiktok"].headline.engagement.value
    assert f"{tiktok_rate * 100:.1f}%" in default["index.html"].decode("utf-8")

    always = _render(demo_inputs, below, _with_site(demo_inputs, benchmark="always"))
    assert _badges(always["index.html"]) == ["Below average", "Above average"]
    assert json.loads(always["stats.json"])["platforms"]["tiktok"]["benchmark"]["band"] == (
        "below average")
    never = _render(demo_inputs, demo_inputs.report, _with_site(demo_inputs, benchmark="never"))
    assert _badges(never["index.html"]) == []
    assert "Benchmark: " not in never["report.html"].decode("utf-8")


def test_an_average_band_is_favourable(demo_inputs):
    files = _render(demo_inputs, demo_inputs.report, demo_inputs.profile)  # TikTok: average
    assert _badges(files["index.html"]) == ["Average", "Above average"]


def test_suggested_rates_are_advice_for_the_creator_unless_published(demo_inputs):
    default = _render(demo_inputs, demo_inputs.report, demo_inputs.profile)
    report = default["report.html"].decode("utf-8")
    assert "Suggested price ranges" not in report and "Suggested</th>" not in report
    assert "The creator’s own rate card" in report  # their own prices stay
    assert "are advice for the creator and are not shown" in default["methodology.html"].decode()
    shown = _render(demo_inputs, demo_inputs.report,
                    _with_site(demo_inputs, show_suggested_rates=True))
    assert "Suggested price ranges" in shown["report.html"].decode("utf-8")


def test_the_report_can_be_left_out(demo_inputs):
    files = _render(demo_inputs, demo_inputs.report, _with_site(demo_inputs, report=False))
    assert "report.html" not in files
    assert not [name for name, data in files.items() if name.endswith(".html")
                and b'href="report.html"' in data or b'href="../report.html"' in data]
    assert "The full analytics report is not published." in files["methodology.html"].decode()


def test_the_kits_sections_are_chosen_and_ordered(demo_inputs):
    files = _render(demo_inputs, demo_inputs.report,
                    _with_site(demo_inputs, sections=["rates", "numbers", "contact"]))
    page = files["index.html"].decode("utf-8")
    ids = re.findall(r'<section[^>]*aria-labelledby="([a-z-]+)"', page)
    assert ids[:2] == ["rates", "numbers"] and "audience" not in ids


@pytest.mark.parametrize(("options", "message"), [
    ({"sections": ["numbers", "audiance"]}, "unknown section 'audiance'"),
    ({"benchmark": "sometimes"}, "must be one of always, favourable, never, got 'sometimes'"),
])
def test_a_wrong_choice_is_one_clear_line(tmp_path, options, message):
    import yaml

    from mediakit.project.profile import load_profile

    path = tmp_path / "profile.yaml"
    path.write_text(yaml.safe_dump({"name": "Ana", "platforms": {"tiktok": {"handle": "@ana"}},
                                    "site": options}), "utf-8")
    with pytest.raises(ConfigError) as caught:
        load_profile(path)
    assert message in str(caught.value) and "\n" not in str(caught.value)
    assert SiteOptions().sections[0] == "numbers"  # the default order starts with the numbers


def test_a_case_studys_rate_says_whose_posts_and_sits_beside_the_kits_headline(demo_inputs):
    files = _render(demo_inputs, demo_inputs.report, demo_inputs.profile)
    page = files["case-studies/liffey-audio-home-studio.html"].decode("utf-8")
    kit = demo_inputs.report.platforms["tiktok"].headline.engagement
    assert "this campaign’s 2 posts only: all their engagements ÷ all their views" in page
    assert (f"The kit’s headline, {kit.value * 100:.1f}% per view, is the median interactions "
            f"per post ÷ median views per post over {kit.posts} recent posts") in page
