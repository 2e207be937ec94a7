"""The rendered site: links that work under any folder, safe user text, sharing and indexing."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest

from mediakit.errors import MediakitError

LINK = re.compile(r'<(?!base\b)[^>]*?\s(?:href|src)="([^"]*)"')
EXTERNAL = ("http://", "https://", "mailto:", "data:")


def html(files: dict[str, bytes], name: str) -> str:
    return files[name].decode("utf-8")


@pytest.fixture(scope="module")
def files(demo_inputs) -> dict[str, bytes]:
    return demo_inputs.render()


def test_every_internal_link_is_relative_and_points_at_a_file_of_the_site(files):
    broken = []
    for name in files:
        if not name.endswith(".html"):
            continue
        for target in LINK.findall(html(files, name)):
            if target.startswith(EXTERNAL) or target.startswith("#"):
                continue
            path = target.split("#")[0]
            assert not path.startswith("/"), (name, target)  # works under user.github.io/repo/
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(name), path))
            if resolved not in files:
                broken.append((name, target))
    assert broken == []


def test_pages_in_folders_reach_the_assets_with_dot_dot(files):
    for name in ("pitches/liffey-audio.html", "case-studies/harbour-strings-tour.html"):
        page = html(files, name)
        assert '<link rel="stylesheet" href="../assets/site.css">' in page
        assert 'href="../index.html"' in page


def test_the_case_study_shows_costs_worked_out_from_the_exports(files):
    page = html(files, "case-studies/liffey-audio-home-studio.html")
    # views 25,246 (export) + 31,400 (typed in) = 56,646
    assert "56.6K" in page
    # engagements (1,700 + 186 + 184) + (1,749 + 142 + 96) = 2,070 + 1,987 = 4,057
    assert "4,057" in page
    # CPM €1,300 / 56,646 × 1,000 = €22.95; ROI (11,180 − 1,300) / 1,300 = 760%
    assert "€22.95" in page and "760%" in page
    # the typed-in numbers are marked and their source given
    assert "31.4K<abbr" in page and "copied on 2026-11-17" in page
    harbour = html(files, "case-studies/harbour-strings-tour.html")
    # 38,900 + 61,200 = 100,100 views; €1,100 / 100.1 = €10.99 CPM; (4,100 − 1,100) / 1,100 = 273%
    assert "100.1K" in harbour and "€10.99" in harbour and "273%" in harbour


def test_the_kit_lists_case_studies_newest_first(files):
    index = html(files, "index.html")
    liffey = index.index("case-studies/liffey-audio-home-studio.html")  # September 2026
    harbour = index.index("case-studies/harbour-strings-tour.html")  # March 2026
    assert liffey < harbour


def test_the_pitch_leads_with_the_audience_match_for_the_brand(files, demo_inputs):
    page = html(files, "pitches/liffey-audio.html")
    assert demo_inputs.report.platforms["tiktok"].followers == 47_960
    # age 18-24 + 25-34 = 38% + 34% = 72%; Ireland + UK = 31.2% + 18.7% = 49.9%;
    # 0.72 × 0.499 = 0.359 → 36%, of 47,960 followers ≈ 17,231 → 17.2K
    assert "36%" in page and "17.2K" in page
    assert page.index('id="match"') < page.index('id="proposal"') < page.index('id="numbers"')
    assert "€1,850" in page and "15 Dec 2026" in page
    assert 'name="robots" content="noindex' in page


def test_pitches_are_not_in_the_menu_or_the_kit(files):
    for name in ("index.html", "about.html", "case-studies/harbour-strings-tour.html"):
        assert "pitches/" not in html(files, name)


def test_share_tags_use_absolute_addresses_when_the_site_address_is_known(files):
    index = html(files, "index.html")
    assert '<meta property="og:image" content="https://kit.maraquinn.example/assets/preview.png">' \
        in index
    assert '<meta property="og:url" content="https://kit.maraquinn.example/">' in index
    assert '<meta name="twitter:card" content="summary_large_image">' in index
    pitch = html(files, "pitches/harbour-strings.html")
    assert "https://kit.maraquinn.example/assets/preview-harbour-strings.png" in pitch
    assert files["assets/preview.png"][:4] == b"\x89PNG"


def test_without_a_site_address_there_is_no_share_image(demo_inputs):
    profile = demo_inputs.profile
    site = profile.site.model_copy(update={"base_url": None})
    files = demo_inputs.render(profile=profile.model_copy(update={"site": site}))
    index = html(files, "index.html")
    assert "og:image" not in index and "og:url" not in index
    assert '<meta name="twitter:card" content="summary">' in index
    assert 'href="index.html"' in html(files, "404.html")


def test_private_by_default_no_sitemap_and_robots_disallow(files):
    assert "sitemap.xml" not in files
    assert files["robots.txt"] == b"User-agent: *\nDisallow: /\n"
    assert '<meta name="robots" content="noindex, nofollow">' in html(files, "index.html")


def test_a_public_site_gets_a_sitemap_without_the_pitches(demo_inputs):
    profile = demo_inputs.profile
    site = profile.site.model_copy(update={"noindex": False,
                                           "base_url": "https://mara.github.io/kit/",
                                           "custom_domain": "kit.maraquinn.example"})
    files = demo_inputs.render(profile=profile.model_copy(update={"site": site}))
    sitemap = files["sitemap.xml"].decode()
    assert "<loc>https://mara.github.io/kit/</loc>" in sitemap
    assert "<loc>https://mara.github.io/kit/case-studies/harbour-strings-tour.html</loc>" in sitemap
    assert "<loc>https://mara.github.io/kit/about.html</loc>" in sitemap
    assert "pitches" not in sitemap and "404" not in sitemap
    assert files["robots.txt"].decode() == (
        "User-agent: *\nAllow: /\nDisallow: /kit/pitches/\n"
        "Sitemap: https://mara.github.io/kit/sitemap.xml\n")
    assert "noindex" not in html(files, "index.html")
    assert "noindex" in html(files, "pitches/liffey-audio.html")  # a pitch is never indexed
    assert files["CNAME"] == b"kit.maraquinn.example\n"
    assert "<base" not in html(files, "404.html")  # (see render.site on 404.html's links)


def test_user_text_is_escaped_and_markdown_cannot_inject_html(demo_inputs, project_copy: Path):
    (project_copy / "content/pitches/evil.md").write_text(
        "---\nbrand: \"<script>alert('brand')</script>\"\ndeliverables: [\"<b>video</b>\"]\n"
        "price: 100\nvalid_until: 2026-12-01\n---\n"
        "<img src=x onerror=alert(1)>\n\n[click](javascript:alert(1)) and "
        "[data](data:text/html;base64,PHNjcmlwdD4=)\n", "utf-8")
    files = demo_inputs.render(project_copy)
    page = html(files, "pitches/evil.html")
    assert "<script>alert" not in page and "&lt;script&gt;alert(&#39;brand&#39;)" in page
    assert "<b>video</b>" not in page and "&lt;b&gt;video&lt;/b&gt;" in page
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert 'href="javascript:' not in page and 'href="data:' not in page


def test_an_offer_past_its_date_says_so(demo_inputs, project_copy: Path):
    path = project_copy / "content/pitches/harbour-strings.md"
    path.write_text(path.read_text().replace("valid_until: 2027-01-10", "valid_until: 2026-11-01"))
    page = html(demo_inputs.render(project_copy), "pitches/harbour-strings.html")
    assert "This offer expired on 1 Nov 2026" in page


def test_a_page_cannot_take_the_name_of_a_kit_page(demo_inputs, project_copy: Path):
    (project_copy / "content/pages/index.md").write_text("# Home\n")
    with pytest.raises(MediakitError, match=r"content/pages/index.md: a page cannot be called"):
        demo_inputs.render(project_copy)


def test_a_users_template_overrides_the_default_by_file_name(demo_inputs, project_copy: Path):
    (project_copy / "templates/kit").mkdir(parents=True)
    (project_copy / "templates/kit/rates.html").write_text(
        '<section aria-labelledby="rates"><h2 id="rates">Ask me</h2></section>\n')
    files = demo_inputs.render(project_copy)
    assert "Ask me" in html(files, "index.html") and "€1,650" not in html(files, "index.html")


def test_a_mistake_in_a_users_template_is_one_line(demo_inputs, project_copy: Path):
    (project_copy / "templates").mkdir()
    (project_copy / "templates/404.html").write_text("line one\n{{ profile.nmae }}\n")
    with pytest.raises(MediakitError) as caught:
        demo_inputs.render(project_copy)
    message = str(caught.value)
    assert message.startswith(str(project_copy / "templates/404.html") + ":2: template error:")
    assert "nmae" in message and "\n" not in message
    (project_copy / "templates/404.html").write_text("{% if %}\n")
    with pytest.raises(MediakitError, match=r"404.html:1: template error"):
        demo_inputs.render(project_copy)


def test_a_bad_case_study_is_reported_at_its_line(demo_inputs, project_copy: Path):
    path = project_copy / "content/case-studies/harbour-strings-tour.md"
    path.write_text(path.read_text().replace("fee: 1100", "fee: €1,100"))
    with pytest.raises(MediakitError) as caught:
        demo_inputs.render(project_copy)
    assert str(caught.value).startswith(
        "content/case-studies/harbour-strings-tour.md:6: fee: must be a number, got '€1,100'")


def test_a_creator_with_almost_no_data_still_gets_every_page(tmp_path: Path):
    from datetime import date

    from mediakit.analytics.headline import headline
    from mediakit.analytics.report import PlatformReport, Report
    from mediakit.project.profile import load_profile
    from mediakit.site import render

    (tmp_path / "content").mkdir()
    profile_file = tmp_path / "content/profile.yaml"
    profile_file.write_text('name: New Creator\nplatforms:\n  tiktok: {handle: "@new"}\n')
    empty = PlatformReport("tiktok", "@new", None)
    empty.headline = headline(empty, date(2026, 3, 10))  # as analyze() sets it
    report = Report(as_of=date(2026, 3, 10), platforms={"tiktok": empty})
    files = render.site(report, {}, load_profile(profile_file), project_dir=tmp_path,
                        content_dir=tmp_path / "content", profile_file=profile_file)
    index = html(files, "index.html")
    assert "New Creator" in index and "—" in index  # unknown numbers are a dash, never 0
    assert {"404.html", "robots.txt", "assets/preview.png", "stats.json"} <= set(files)


def test_a_file_named_with_an_underscore_is_a_draft(demo_inputs, project_copy: Path):
    (project_copy / "content/pitches/_next-brand.md").write_text("not even a header\n")
    files = demo_inputs.render(project_copy)
    assert not any("next-brand" in name for name in files)
