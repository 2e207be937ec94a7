"""A section with nothing to show is left out: a brand should never meet an empty heading.

A minimal profile (a name and one platform, no contact, no bio, no rates) and exports that hold
only some of what the report can show are the cases: the kit keeps its headline numbers and
drops what is empty; the report drops a platform's empty sections and their links.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from mediakit.analytics.headline import headline
from mediakit.analytics.report import PlatformReport, Report
from mediakit.project.profile import load_profile
from mediakit.site import render

SECTION = re.compile(r"<section\b[^>]*>(.*?)</section>", re.S)


def sections(page: str) -> dict[str, str]:
    """{heading text: the section's visible text without the heading}."""
    found = {}
    for body in SECTION.findall(page):
        heading = re.search(r"<h2[^>]*>(.*?)</h2>", body, re.S)
        title = re.sub(r"<[^>]+>", "", heading.group(1)).strip() if heading else ""
        rest = body.replace(heading.group(0), "") if heading else body
        found[title] = " ".join(re.sub(r"<[^>]+>", " ", rest).split())
    return found


def minimal_site(tmp_path: Path) -> dict[str, bytes]:
    (tmp_path / "content").mkdir()
    profile_file = tmp_path / "content/profile.yaml"
    profile_file.write_text('name: New Creator\nplatforms:\n  tiktok: {handle: "@new"}\n')
    empty = PlatformReport("tiktok", "@new", None)
    empty.headline = headline(empty, date(2026, 3, 10))
    report = Report(as_of=date(2026, 3, 10), platforms={"tiktok": empty})
    return render.site(report, {}, load_profile(profile_file), project_dir=tmp_path,
                       content_dir=tmp_path / "content", profile_file=profile_file)


def test_a_minimal_kit_shows_its_numbers_and_no_empty_section(tmp_path: Path):
    page = minimal_site(tmp_path)["index.html"].decode("utf-8")
    shown = sections(page)
    assert list(shown) == ["Headline numbers"]  # no contact, about, rates, audience, posts...
    assert "Let’s work together" not in page
    assert 'class="chips"' not in page  # no niche, location or language: no empty list


def test_a_minimal_report_leaves_out_every_section_it_has_nothing_for(tmp_path: Path):
    page = minimal_site(tmp_path)["report.html"].decode("utf-8")
    assert sections(page) == {}
    assert 'href="#tiktok-' not in page  # and no link to a section that is not there
    assert "On the kit:" in page  # the platform's headline line stays, with "—" for unknowns


def test_the_demo_without_contact_details_has_no_contact_section(demo_inputs):
    profile = demo_inputs.profile
    contact = profile.contact.model_copy(update={"email": None, "links": []})
    files = demo_inputs.render(profile=profile.model_copy(update={"contact": contact}))
    page = files["index.html"].decode("utf-8")
    assert "Let’s work together" not in page and 'id="contact"' not in page
    assert "Headline numbers" in sections(page)


def test_every_report_link_points_at_a_section_and_empty_ones_are_gone(demo_inputs):
    page = demo_inputs.render()["report.html"].decode("utf-8")
    anchors = set(re.findall(r'aria-labelledby="([^"]+)"', page))
    links = set(re.findall(r'href="#([^"]+)"', page)) - {"main"}  # the skip link
    assert links <= anchors
    # the demo's TikTok exports hold no watch time, Instagram's no follower activity by hour
    assert "tiktok-retention" not in anchors and "instagram-timing" not in anchors
    assert "youtube-retention" in anchors  # YouTube's exports have it
    for title, text in sections(page).items():
        assert text, f"{title} is empty"
