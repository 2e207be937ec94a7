"""Pictures on the pages: the demo's post covers, the creator's photos, alt texts, the
``picture_for`` interface, byte-identical builds, and a broken picture failing the build."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path
from urllib.parse import unquote

import pytest
from PIL import Image

from mediakit.errors import ConfigError, UnsafePathError
from mediakit.site.pictures import Pictures, caption_alt, kit_posts, link_id
from tests.site.test_images import phone_photo

BUS_POST = "7661732316709023528"  # the demo's best TikTok (2.1M views)


def pictures_in(html: str) -> list[str]:
    return re.findall(r"<picture>.*?</picture>", html, flags=re.S)


def test_every_best_post_card_of_the_demo_shows_its_picture(demo_site: Path):
    html = (demo_site / "index.html").read_text("utf-8")
    section = html[html.index('id="best-posts"'):html.index("</section>",
                                                            html.index('id="best-posts"'))]
    cards = re.findall(r'<li class="post[^"]*">', section)
    shown = pictures_in(section)
    assert len(cards) == 9 and len(shown) == 9  # three platforms, three posts each
    first = shown[0]
    assert (f'<source type="image/webp" srcset="assets/posts/{BUS_POST}-320.webp 1x, '
            f'assets/posts/{BUS_POST}-640.webp 2x">') in first
    assert f'src="assets/posts/{BUS_POST}-320.jpg"' in first
    assert 'width="320" height="400"' in first and 'loading="lazy"' in first
    # the caption without its hashtags, cut at a word
    assert 'alt="wrote this on the 15 bus home at 1am' in first and "#indiefolk" not in first
    size = Image.open(demo_site / f"assets/posts/{BUS_POST}-640.webp").size
    assert size == (640, 800)


def test_the_hero_cover_and_gallery_are_published_light(demo_site: Path):
    html = (demo_site / "index.html").read_text("utf-8")
    cover = pictures_in(html)[0]
    assert 'class="cover"' in cover and 'loading="lazy"' not in cover  # at the top: not lazy
    assert 'alt="Abstract night-bus colours' in cover
    assert Image.open(demo_site / "assets/cover-960.jpg").size == (960, 400)
    gallery = html[html.index('class="gallery"'):]
    assert len(pictures_in(gallery[:gallery.index("</ul>")])) == 3
    assert not (demo_site / "assets/cover.jpg").exists()  # the original is never published
    weight = sum(p.stat().st_size for p in (demo_site / "assets").rglob("*")
                 if p.suffix in (".jpg", ".webp"))
    assert weight < 600_000, weight


def test_pitches_and_case_studies_show_post_pictures(demo_site: Path):
    study = (demo_site / "case-studies").glob("*.html")
    shown = [p for p in study if pictures_in(p.read_text("utf-8"))]
    assert shown, "the demo's case studies have pictures for their posts"
    html = shown[0].read_text("utf-8")
    assert 'srcset="../assets/posts/' in html  # a page one folder down reaches the root
    pitch = next((demo_site / "pitches").glob("*.html")).read_text("utf-8")
    if 'id="best-posts"' in pitch:
        assert f'src="../assets/posts/{BUS_POST}-320.jpg"' in pitch


def test_picture_for_gives_part_b_what_it_needs(demo_inputs):
    """The interface the PDF uses: src/srcset/sources/width/height/alt, bytes in the files."""
    project = demo_inputs.project
    pictures = Pictures(project / "content", project / "content/profile.yaml")
    post = demo_inputs.report.platforms["tiktok"].top_posts[0]
    picture = pictures.for_post(post)
    assert picture.src == f"assets/posts/{BUS_POST}-320.jpg"
    assert picture.srcset == (f"assets/posts/{BUS_POST}-320.jpg 1x, "
                              f"assets/posts/{BUS_POST}-640.jpg 2x")
    assert picture.sources == [("image/webp", f"assets/posts/{BUS_POST}-320.webp 1x, "
                                              f"assets/posts/{BUS_POST}-640.webp 2x")]
    assert (picture.width, picture.height) == (320, 400)
    assert Image.open(io.BytesIO(pictures.files[unquote(picture.src)])).format == "JPEG"
    no_picture = demo_inputs.report.platforms["tiktok"].top_posts[5]
    assert pictures.for_post(no_picture) is None


def test_ids_from_links_and_the_posts_the_kit_shows(demo_inputs):
    assert link_id("https://www.instagram.com/reel/DGasUIrQqsl/") == "DGasUIrQqsl"
    assert link_id("https://youtu.be/3KqtFg8UXH2?t=4") == "3KqtFg8UXH2"
    assert link_id("https://www.youtube.com/shorts/0zXEx5-6Hgp") == "0zXEx5-6Hgp"
    assert link_id("https://www.tiktok.com/@a/video/761") == "761"
    assert link_id("https://example.com/p/x") is None
    shown = kit_posts(demo_inputs.report, [])
    assert len(shown) == 9 and shown[0] == ("tiktok", BUS_POST, demo_inputs.report.platforms[
        "tiktok"].top_posts[0].url)
    assert ("instagram", "DGasUIrQqsl", "https://www.instagram.com/reel/DGasUIrQqsl/") in shown


def test_caption_alt():
    assert caption_alt("live at Whelan's #dublin #livemusic") == "live at Whelan's"
    assert caption_alt("#fyp") == "Post picture"
    long = caption_alt("word " * 60)
    assert len(long) <= 151 and long.endswith("…")


def test_a_post_without_a_picture_keeps_its_text_card(demo_inputs, project_copy: Path):
    (project_copy / f"content/assets/posts/{BUS_POST}.jpg").unlink()
    files = demo_inputs.render(project_copy)
    html = files["index.html"].decode("utf-8")
    assert f"assets/posts/{BUS_POST}" not in html
    assert len(pictures_in(html[html.index('id="best-posts"'):])) == 8 + 3  # 8 posts, gallery
    assert f"assets/posts/{BUS_POST}-320.jpg" not in files


def test_the_creator_writes_the_alt_text_and_it_is_escaped(demo_inputs, project_copy: Path):
    (project_copy / "content/assets/posts/alt.yaml").write_text(
        f'{BUS_POST}: "Mara <script>alert(1)</script> on the 15 bus"\n', "utf-8")
    html = demo_inputs.render(project_copy)["index.html"].decode("utf-8")
    assert 'alt="Mara &lt;script&gt;alert(1)&lt;/script&gt; on the 15 bus"' in html
    assert "<script>alert" not in html


def test_a_phone_avatar_is_cropped_small_and_stripped(demo_inputs, project_copy: Path):
    (project_copy / "content/assets/me.jpg").write_bytes(phone_photo())
    profile = demo_inputs.profile.model_copy(update={"avatar": "assets/me.jpg"})
    files = demo_inputs.render(project_copy, profile=profile)
    assert "assets/me.jpg" not in files  # never the 4000 × 3000 original
    assert Image.open(io.BytesIO(files["assets/me-224.jpg"])).size == (224, 224)
    assert b"TestCamMaker" not in files["assets/me-224.jpg"]
    html = files["index.html"].decode("utf-8")
    assert '<link rel="icon" href="assets/me-112.jpg">' in html
    assert 'class="avatar" src="assets/me-112.jpg"' in html


def test_a_heic_avatar_is_no_longer_a_broken_image(demo_inputs, project_copy: Path):
    pytest.importorskip("pillow_heif")
    buffer = io.BytesIO()
    Image.new("RGB", (400, 300), (30, 160, 90)).save(buffer, "HEIF")
    (project_copy / "content/assets/me.heic").write_bytes(buffer.getvalue())
    profile = demo_inputs.profile.model_copy(update={"avatar": "assets/me.heic"})
    files = demo_inputs.render(project_copy, profile=profile)
    assert Image.open(io.BytesIO(files["assets/me-112.webp"])).size == (112, 112)
    assert not [name for name in files if name.endswith(".heic")]


def test_two_builds_give_the_same_picture_bytes(demo_inputs, project_copy: Path, tmp_path):
    first = demo_inputs.render(project_copy, cache_dir=tmp_path / "a")
    second = demo_inputs.render(project_copy, cache_dir=tmp_path / "b")
    third = demo_inputs.render(project_copy, cache_dir=tmp_path / "a")  # from the cache
    names = [name for name in first if name.endswith((".jpg", ".webp"))]
    assert len(names) == 4 * (13 + 1 + 3)  # posts shown, cover, gallery: 4 files each
    assert all(first[n] == second[n] == third[n] for n in names)


@pytest.mark.parametrize(("data", "why"), [
    (phone_photo(size=(800, 600))[:4000], "damaged or cut short"),
    (b"GIF89a not really", "not a JPEG, PNG, WebP, GIF, HEIC or AVIF picture"),
    (b"<svg onload='alert(1)'/>", "not a JPEG, PNG, WebP, GIF, HEIC or AVIF picture"),
])
def test_a_broken_post_picture_fails_the_build_in_one_line(demo_inputs, project_copy, data, why):
    (project_copy / f"content/assets/posts/{BUS_POST}.jpg").write_bytes(data)
    with pytest.raises(ConfigError) as caught:
        demo_inputs.render(project_copy)
    assert str(caught.value).startswith(
        f"content/assets/posts/{BUS_POST}.jpg: the picture 'assets/posts/{BUS_POST}.jpg' "
        "cannot be published: ")
    assert why in str(caught.value)


def test_two_pictures_for_one_post_is_an_error(demo_inputs, project_copy: Path):
    (project_copy / f"content/assets/posts/{BUS_POST}.png").write_bytes(b"")
    with pytest.raises(ConfigError, match=f"two pictures for post {BUS_POST}"):
        demo_inputs.render(project_copy)


def test_a_cover_svg_with_a_script_is_still_refused(demo_inputs, project_copy: Path):
    (project_copy / "content/assets/cover.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "utf-8")
    profile = demo_inputs.profile.model_copy(update={"cover": demo_inputs.profile.cover.model_copy(
        update={"file": "assets/cover.svg"})})
    with pytest.raises(ConfigError, match="cover.file: the picture 'assets/cover.svg' is not "
                                          "safe to publish: it contains a <script> element"):
        demo_inputs.render(project_copy, profile=profile)


def test_a_bomb_avatar_stops_the_build_with_one_line_and_publishes_nothing(tmp_path):
    from click.testing import CliRunner

    from mediakit.commands.main import main
    from tests.site.demo import REPO

    project = tmp_path / "kit"
    shutil.copytree(REPO / "content", project / "content",
                    ignore=shutil.ignore_patterns("history"))
    bomb = io.BytesIO()
    Image.new("1", (10_000, 9_500)).save(bomb, "PNG")  # 95 million pixels, 12 kB
    (project / "content/assets/me.png").write_bytes(bomb.getvalue())
    assert CliRunner().invoke(main, ["build", str(project), "-q"]).exit_code == 0
    before = {p: p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
    profile = project / "content/profile.yaml"
    profile.write_text(profile.read_text("utf-8").replace(
        "avatar: assets/avatar.svg", "avatar: assets/me.png"), "utf-8")
    result = CliRunner().invoke(main, ["build", str(project)])
    assert result.exit_code == 2, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "Traceback" not in result.output
    assert "content/profile.yaml" in lines[0] and "avatar: the picture 'assets/me.png' cannot be " \
        "published: it has too many pixels" in lines[0], lines[0]
    assert {p: p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()} == before


def test_a_post_picture_linking_out_of_the_project_is_refused(demo_inputs, project_copy: Path,
                                                              tmp_path: Path):
    private = tmp_path / "private-holiday.jpg"
    private.write_bytes(phone_photo(size=(400, 300)))
    target = project_copy / f"content/assets/posts/{BUS_POST}.jpg"
    target.unlink()
    target.symlink_to(private)
    with pytest.raises(UnsafePathError, match=f"^content/assets/posts/{BUS_POST}.jpg: path "
                       ".* is a link to a file outside the project"):
        demo_inputs.render(project_copy)
