"""media-kit.pdf: made by WeasyPrint from the kit's own bytes, with the kit's numbers in it."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from mediakit.errors import OutputError
from mediakit.site import pdf
from mediakit.site.format import Formatter
from tests.helpers import needs

needs(pdf.available(), f"WeasyPrint ({pdf.install_hint()})")
needs(shutil.which("pdftotext") is not None, "pdftotext (Debian poppler-utils)")
needs(shutil.which("pdftohtml") is not None, "pdftohtml (Debian poppler-utils)")


@pytest.fixture(scope="module")
def with_pdf(demo_inputs) -> dict[str, bytes]:
    return demo_inputs.render(pdf=True)


def pdf_text(data: bytes, tmp_path) -> str:
    path = tmp_path / "kit.pdf"
    path.write_bytes(data)
    done = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          check=True, text=True)
    return " ".join(done.stdout.split())


def test_the_pdf_has_the_kits_numbers(with_pdf, demo_inputs, tmp_path):
    data = with_pdf[pdf.PDF_NAME]
    assert data.startswith(b"%PDF-")
    text = pdf_text(data, tmp_path)
    tiktok = demo_inputs.report.platforms["tiktok"]
    numbers = Formatter(demo_inputs.profile.locale)
    assert "Mara Quinn" in text and "@maraquinnmusic" in text
    assert numbers.compact(tiktok.followers) in text  # 48K
    assert numbers.compact(tiktok.reach.median_views) in text  # typical views per post
    assert numbers.percent(tiktok.benchmark.value) in text  # engagement, beside its benchmark
    assert "€1,650" in text and "booking@maraquinn.example" in text
    assert "Data as of 16 Nov 2026" in text


def test_the_pdf_embeds_only_the_shipped_font(with_pdf, tmp_path):
    """Not a font of the building machine (this one has DejaVu): the same PDF from any machine."""
    if shutil.which("pdffonts") is None:
        pytest.skip("pdffonts (Debian poppler-utils) is not installed")
    path = tmp_path / "kit.pdf"
    path.write_bytes(with_pdf[pdf.PDF_NAME])
    listed = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True,
                            check=True).stdout.splitlines()[2:]  # two lines of headings
    embedded = {line.split()[0].split("+")[-1] for line in listed}  # ABCDEF+Name: a subset
    assert embedded and all(name.startswith("Inter-Mediakit") for name in embedded), embedded


def test_the_kit_links_the_pdf_only_when_there_is_one(with_pdf, demo_inputs):
    assert 'href="media-kit.pdf"' in with_pdf["index.html"].decode()
    assert "media-kit.pdf" not in demo_inputs.render()["index.html"].decode()


def test_write_pdf_makes_the_file_in_a_published_site(tmp_path):
    site = tmp_path / "site"
    (site / "assets").mkdir(parents=True)
    (site / "index.html").write_text('<link rel="stylesheet" href="assets/site.css">'
                                     "<h1>Mara Quinn</h1><p>48K followers</p>"
                                     '<img src="https://tracker.example/pixel.png" alt="">')
    (site / "assets/site.css").write_text("h1 { color: #23395b; }")
    made = pdf.write_pdf(site)
    assert made == site / "media-kit.pdf"
    assert "Mara Quinn 48K followers" in pdf_text(made.read_bytes(), tmp_path)


def test_a_site_without_the_page_is_an_output_error():
    with pytest.raises(OutputError, match="the site has no index.html"):
        pdf.render_pdf({"about.html": b"<p>hi</p>"})


def pdf_links(data: bytes, tmp_path) -> set[str]:
    """Every link target in the PDF, as poppler's pdftohtml reads the annotations."""
    path = tmp_path / "links.pdf"
    path.write_bytes(data)
    done = subprocess.run(["pdftohtml", "-xml", "-stdout", "-i", str(path)],
                          capture_output=True, check=True, text=True)
    return set(re.findall(r'href="([^"]*)"', done.stdout))


def test_pdf_links_are_real_addresses_with_or_without_a_live_kit(demo_inputs, tmp_path):
    # the demo sets site.base_url: the one-sheet links the live kit (and its QR code says it)
    live = pdf_links(demo_inputs.render(pdf=True)[pdf.PDF_NAME], tmp_path)
    base = str(demo_inputs.profile.site.base_url)
    assert base in live
    assert "https://www.tiktok.com/@maraquinnmusic/video/7661732316709023528" in live
    assert all(link.startswith(("https://", "mailto:")) for link in live), live
    # without base_url, no placeholder address: the kit's own links are left out
    site = demo_inputs.profile.site.model_copy(update={"base_url": None})
    offline = demo_inputs.render(pdf=True, profile=demo_inputs.profile.model_copy(
        update={"site": site}))[pdf.PDF_NAME]
    links = pdf_links(offline, tmp_path)
    assert not [link for link in links if "invalid" in link or link.startswith(base)]
    assert "https://www.tiktok.com/@maraquinnmusic/video/7661732316709023528" in links


def test_the_printed_web_page_keeps_its_links_on_the_live_kit(demo_inputs, tmp_path):
    """render_pdf (the web page printed, for write_pdf) still points its own links at base_url."""
    files = demo_inputs.render()
    base = str(demo_inputs.profile.site.base_url)
    live = pdf_links(pdf.render_pdf(files, base_url=base), tmp_path)
    assert f"{base}case-studies/liffey-audio-home-studio.html" in live
    assert all(link.startswith(("https://", "mailto:")) for link in live), live


def test_live_links_keep_addresses_and_drop_or_absolutise_the_rest():
    page = ('<a class="x" href="report.html#top">R</a> <a href="https://brand.example/a?b=1&amp;c">'
            'B</a> <a href="mailto:hi@maraquinn.example">M</a> <a href="#main">skip</a>'
            '<link href="assets/site.css" rel="stylesheet">')
    assert pdf.live_links(page, "index.html", None) == (
        '<a class="x">R</a> <a href="https://brand.example/a?b=1&amp;c">B</a> '
        '<a href="mailto:hi@maraquinn.example">M</a> <a>skip</a>'
        '<link href="assets/site.css" rel="stylesheet">')
    assert pdf.live_links(page, "pitches/acme.html", "https://kit.example/")[:65] == (
        '<a class="x" href="https://kit.example/pitches/report.html#top">R')
