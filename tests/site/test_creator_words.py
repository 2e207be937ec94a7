"""The creator's words per language on the built pages: the demo's default kit stays English,
its French variants and about.fr.md stay out of it, and a profile ``in_language("fr")`` renders
its French words through the unchanged templates, escaped like any other text."""

from __future__ import annotations

from pathlib import Path

import pytest

from mediakit.project.profile import load_profile


@pytest.fixture(scope="module")
def files(demo_inputs) -> dict[str, bytes]:
    return demo_inputs.render()


def page(files: dict[str, bytes], name: str) -> str:
    return files[name].decode("utf-8")


def test_the_default_kit_shows_the_english_words_only(files) -> None:
    kit = page(files, "index.html")
    assert '<p class="tagline">Indie-folk songs written on the night bus</p>' in kit
    assert "Des chansons indie-folk" not in kit and "Autrice-compositrice" not in kit
    assert "Song or performance with your product woven in" in kit
    assert "naturellement sa place" not in kit
    # about.fr.md is not a page: no file, no menu entry
    assert not [name for name in files if "about" in name and name != "about.html"]
    assert "Qui est Mara" not in "".join(page(files, name) for name in files
                                         if name.endswith(".html"))
    assert "<h1>About Mara</h1>" in page(files, "about.html")


def test_the_french_pitch_carries_its_french_header_and_body(files) -> None:
    pitch = page(files, "pitches/carnet-mauve.html")
    assert "<p>Bonjour Camille,</p>" in pitch
    assert "étudiants et jeunes actifs de 18 à 34 ans" in pitch
    assert "Droits d&#39;usage publicitaire (Spark Ads)" in pitch
    assert "30 jours, sur la vidéo de votre choix" in pitch


def test_a_profile_in_french_renders_its_french_words_escaped(demo_inputs,
                                                              tmp_path: Path) -> None:
    text = (demo_inputs.project / "content/profile.yaml").read_text("utf-8")
    hostile = text.replace('fr: "Des chansons indie-folk écrites dans le bus de nuit"',
                           'fr: "Chansons <script>alert(1)</script> & co"')
    assert hostile != text
    path = tmp_path / "profile.yaml"
    path.write_text(hostile, "utf-8")
    french = load_profile(path).in_language("fr")
    kit = page(demo_inputs.render(profile=french), "index.html")
    assert ('<p class="tagline">Chansons &lt;script&gt;alert(1)&lt;/script&gt; &amp; co</p>'
            in kit)
    assert "<script>alert(1)" not in kit
    # the bio's Markdown is rendered in French: « Night Bus Home » in bold
    assert "<strong>« Night Bus Home »</strong>" in kit
    assert "1 vidéo TikTok (30 à 60 s)" in kit
    assert "Indie-folk songs written on the night bus" not in kit


def test_a_kit_in_french_reads_about_fr_md_at_the_same_address(demo_inputs) -> None:
    profile = demo_inputs.profile
    french = profile.model_copy(update={"site": profile.site.model_copy(
        update={"language": "fr"})})
    files = demo_inputs.render(profile=french)
    about = page(files, "about.html")
    assert "<h1>Qui est Mara ?</h1>" in about and "About Mara" not in about
    assert '<html lang="fr">' in about
    # the menu names the page by its French title; press.md has no French file: as written
    assert ">Qui est Mara ?</a>" in page(files, "index.html")
    assert "<h1>Press" in page(files, "press.html")
    assert not [name for name in files if name.startswith("about") and name != "about.html"]
