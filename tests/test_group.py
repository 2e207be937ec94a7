"""Group kits: a roster with group: builds one kit for the collective (docs/groups.md)."""

from __future__ import annotations

import json
import shutil
import struct
import subprocess
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from mediakit.commands.main import main
from mediakit.roster.build import build_roster
from mediakit.roster.group import OVERLAP_NOTE
from mediakit.roster.group_page import card, combine, members_of, read_inputs
from mediakit.roster.model import load_roster
from mediakit.site import pdf
from mediakit.site.format import Formatter
from tests.group_case import make_group

TODAY = date(2026, 11, 20)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, object]:
    root = tmp_path_factory.mktemp("group")
    roster = make_group(root)
    result = build_roster(roster, out_dir=root / "site", today=TODAY)
    return root / "site", result


def member_stats(site: Path, slug: str) -> dict:
    return json.loads((site / slug / "stats.json").read_text("utf-8"))


def test_combined_followers_are_the_sum_of_each_kit_s_headline_followers(built):
    site, _ = built
    group = json.loads((site / "stats.json").read_text("utf-8"))
    kits = [member_stats(site, slug) for slug in ("ada-lane", "bo-stone", "cy-moss")]
    followers = [kit["platforms"]["tiktok"]["headline"]["followers"] for kit in kits]
    views = [kit["platforms"]["tiktok"]["headline"]["views_30d"] for kit in kits]
    assert all(isinstance(number, int) and number > 0 for number in followers + views)
    assert group["combined"]["followers"] == sum(followers)
    assert group["combined"]["followers_by_platform"] == {"tiktok": sum(followers)}
    assert group["combined"]["views_30d"] == sum(views)
    assert group["combined"]["note"] == OVERLAP_NOTE
    page = (site / "index.html").read_text("utf-8")
    total = Formatter("en_US").number(sum(followers))
    assert f"<td class=\"num\">{total}</td>" in page
    assert f"{OVERLAP_NOTE}: a fan who follows two members counts twice" in page


def test_member_cards_carry_their_own_kit_s_headline_and_link_to_it(built):
    site, _ = built
    group = json.loads((site / "stats.json").read_text("utf-8"))
    page = (site / "index.html").read_text("utf-8")
    for row in group["members"][:3]:
        kit = member_stats(site, row["slug"])
        assert row["headline"]["tiktok"] == kit["platforms"]["tiktok"]["headline"]
        assert f'href="{row["slug"]}/index.html"' in page
        followers = Formatter("en_US").compact(kit["platforms"]["tiktok"]["headline"]["followers"])
        assert f"<dt>Followers</dt><dd>{followers}</dd>" in page


def test_a_broken_member_is_missing_from_the_totals_and_the_page_says_so(built):
    site, result = built
    assert [o.slug for o in result.failed] == ["dee-broken"]
    group = json.loads((site / "stats.json").read_text("utf-8"))
    assert group["missing"] == ["Dee Broken"]
    assert group["members"][3]["error"].startswith("data/tiktok/Overview.csv:6")
    page = (site / "index.html").read_text("utf-8")
    assert "1 member is missing from the totals:</strong> Dee Broken" in page
    assert "Every number below is over the other 3." in page
    assert not (site / "dee-broken").exists()


def test_the_older_member_is_flagged_with_its_own_as_of(built):
    site, _ = built
    group = json.loads((site / "stats.json").read_text("utf-8"))
    assert group["as_of"] == "2026-11-16"
    cy = next(row for row in group["members"] if row["slug"] == "cy-moss")
    assert cy["as_of"] == "2026-11-02" and cy["stale"] is True
    page = (site / "index.html").read_text("utf-8")
    assert "Cy Moss (as of Nov 2, 2026)" in page
    assert page.count('class="stale"') == 1


def test_audience_is_weighted_and_labelled_and_age_is_left_out(built):
    site, _ = built
    group = json.loads((site / "stats.json").read_text("utf-8"))
    tiktok = group["audience"]["tiktok"]
    kits = {slug: member_stats(site, slug)["platforms"]["tiktok"]
            for slug in ("ada-lane", "bo-stone", "cy-moss")}
    total = sum(kit["headline"]["followers"] for kit in kits.values())
    female = sum(kit["headline"]["followers"] * kit["audience"]["gender"]["female"]
                 for kit in kits.values()) / total
    assert tiktok["gender"]["female"] == pytest.approx(female, abs=1e-6)
    assert tiktok["age"] is None and tiktok["age_note"].startswith("left out")
    page = (site / "index.html").read_text("utf-8")
    assert "weighted by followers of Ada Lane, Bo Stone, Cy Moss" in page


def test_group_fields_are_escaped_and_the_agency_table_moves(built):
    site, _ = built
    page = (site / "index.html").read_text("utf-8")
    assert "Four songwriters, one flat &lt;i&gt;&amp; one following" in page
    assert "<strong>Four voices</strong>" in page  # about.md, as Markdown
    assert "€4,800" in page and "bookings@lofthouse.example" in page
    assert (site / "assets" / "logo.svg").read_bytes().startswith(b"<svg")
    assert '<meta property="og:image" content="https://lofthouse.example/assets/preview.png">' \
        in page
    table = (site / "roster.html").read_text("utf-8")
    assert '<table id="creators">' not in page and '<table id="creators">' in table
    assert "<h1>Loft House Management</h1>" in table and 'href="ada-lane/index.html"' in table
    assert json.loads((site / "roster.json").read_text())["name"] == "Loft House Management"


def test_the_share_picture_says_the_combined_numbers(built, tmp_path: Path):
    site, result = built
    png = (site / "assets" / "preview.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", png[16:24]) == (1200, 630)
    roster, _ = load_roster(site.parent / "ROSTER.yaml")
    inputs = read_inputs(roster.group, site.parent / "ROSTER.yaml")
    figures = combine(members_of(result.outcomes))
    drawn = card(roster.group, figures, Formatter("en_US"), inputs)
    followers = Formatter("en_US").compact(figures.followers)
    assert drawn.name == "The Loft House" and drawn.handle == "3 creators"
    assert drawn.stats[0] == (followers, "combined followers")
    assert drawn.avatar == inputs.logo and drawn.avatar_type == "image/svg+xml"


def test_a_roster_without_group_keeps_its_agency_index(tmp_path: Path):
    roster = make_group(tmp_path, broken=False)
    text = roster.read_text().split("group:")[0]
    roster.write_text(text)
    build_roster(roster, out_dir=tmp_path / "site", today=TODAY)
    assert '<table id="creators">' in (tmp_path / "site" / "index.html").read_text()
    assert not (tmp_path / "site" / "roster.html").exists()
    assert not (tmp_path / "site" / "stats.json").exists()


@pytest.mark.parametrize(("group", "expected"), [
    ("  name: X\n  logo: ../secret.png\n", "group.logo"),
    ("  name: X\n  logo: assets/none.png\n", "group.logo"),
    ("  nam: X\n", "group.nam"),
    ("  name: X\n  links: [{label: a, url: 'javascript:alert(1)'}]\n", "group.links[0].url"),
    ("  name: X\n  about: hi\n  about_page: about.md\n", "about_page"),
])
def test_a_bad_group_field_is_one_line_and_exit_2(tmp_path: Path, group: str, expected: str):
    (tmp_path / "c" / "content").mkdir(parents=True)
    (tmp_path / "c" / "content" / "profile.yaml").write_text("name: C\n")
    (tmp_path / "ROSTER.yaml").write_text("name: X\ncreators: [c]\ngroup:\n" + group)
    outcome = CliRunner().invoke(main, ["roster", "build", str(tmp_path / "ROSTER.yaml")])
    assert outcome.exit_code == 2, outcome.output
    assert "ROSTER.yaml" in outcome.output and expected in outcome.output
    assert len(outcome.output.strip().splitlines()) == 1
    assert not (tmp_path / "site").exists()


def test_pdf_without_a_group_is_refused(tmp_path: Path):
    (tmp_path / "c" / "content").mkdir(parents=True)
    (tmp_path / "c" / "content" / "profile.yaml").write_text("name: C\n")
    (tmp_path / "ROSTER.yaml").write_text("name: X\ncreators: [c]\n")
    outcome = CliRunner().invoke(main, ["roster", "build", str(tmp_path / "ROSTER.yaml"),
                                        "--pdf"])
    assert outcome.exit_code == 2 and "has no group:" in outcome.output


def test_the_about_text_is_markdown_without_raw_html_or_script_links(tmp_path: Path):
    from mediakit.roster.model import Group

    group = Group(name="G", about="<script>alert(1)</script> [x](javascript:alert(1)) *hi*")
    html = read_inputs(group, tmp_path / "ROSTER.yaml").about_html
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<a " not in html  # the javascript: link is refused, left as text
    assert "<em>hi</em>" in html


def test_the_group_files_are_the_same_bytes_every_time(built):
    site, result = built
    from mediakit.roster.build import site_files

    roster, _ = load_roster(site.parent / "ROSTER.yaml")
    inputs = read_inputs(roster.group, site.parent / "ROSTER.yaml")
    first = site_files(roster, result.outcomes, site.parent, inputs)
    assert first == site_files(roster, result.outcomes, site.parent, inputs)
    assert first["stats.json"] == (site / "stats.json").read_bytes()
    assert first["assets/preview.png"] == (site / "assets" / "preview.png").read_bytes()


@pytest.mark.skipif(not pdf.available() or shutil.which("pdftotext") is None,
                    reason="needs WeasyPrint and pdftotext")
def test_the_group_pdf_has_the_page_s_numbers(built, tmp_path: Path):
    site, result = built
    roster, _ = load_roster(site.parent / "ROSTER.yaml")
    from mediakit.roster.build import site_files

    inputs = read_inputs(roster.group, site.parent / "ROSTER.yaml")
    files = site_files(roster, result.outcomes, site.parent, inputs, pdf=True)
    (tmp_path / "group.pdf").write_bytes(files["media-kit.pdf"])
    text = " ".join(subprocess.run(["pdftotext", "-layout", str(tmp_path / "group.pdf"), "-"],
                                   capture_output=True, text=True, check=True).stdout.split())
    figures = combine(members_of(result.outcomes))
    assert "The Loft House" in text and "combined followers" in text
    assert Formatter("en_US").compact(figures.followers) in text
    assert "Dee Broken" in text and OVERLAP_NOTE in text
