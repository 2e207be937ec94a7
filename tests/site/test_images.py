"""mediakit/site/images.py: photos resized, upright, stripped of metadata, byte-stable, cached,
and every hostile or broken file refused in one line."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from mediakit.errors import ConfigError
from mediakit.project import limits
from mediakit.site import images

RED, BLUE = (220, 20, 20), (20, 20, 220)


def phone_photo(*, orientation: int = 1, size: tuple[int, int] = (4000, 3000)) -> bytes:
    """A JPEG as a phone writes it: left half red, right half blue, camera make, GPS position."""
    image = Image.new("RGB", size, BLUE)
    image.paste(RED, (0, 0, size[0] // 2, size[1]))
    exif = Image.Exif()
    exif[0x010F] = "TestCamMaker"  # Make
    exif[0x0112] = orientation
    exif[0x8825] = {1: "N", 2: (53.0, 20.0, 31.0), 3: "W", 4: (6.0, 15.0, 37.0)}  # GPS: Dublin
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=90, exif=exif.tobytes())
    return buffer.getvalue()


def made(data: bytes, recipe: images.Recipe = images.POST, cache: Path | None = None):
    return images.variants(data, recipe, name="assets/posts/123.jpg",
                           file="content/assets/posts/123.jpg", cache_dir=cache)


def test_sizes_formats_and_no_metadata_survives():
    out = made(phone_photo())
    assert sorted(out) == [(1, "jpg"), (1, "webp"), (2, "jpg"), (2, "webp")]
    for (scale, fmt), body in out.items():
        picture = Image.open(io.BytesIO(body))
        assert picture.format == {"jpg": "JPEG", "webp": "WEBP"}[fmt]
        assert picture.size == (320 * scale, 400 * scale)  # the card's 4:5 at 1x and 2x
        assert not picture.getexif(), "EXIF (with the GPS position) must be gone"
        assert "exif" not in picture.info and "icc_profile" not in picture.info
        assert b"TestCamMaker" not in body and b"Exif" not in body


def test_a_sideways_phone_photo_is_turned_upright():
    # orientation 6: the camera stored it turned; shown upright, the left half is on top
    body = made(phone_photo(orientation=6))[(1, "jpg")]
    picture = Image.open(io.BytesIO(body)).convert("RGB")
    top, bottom = picture.getpixel((160, 20)), picture.getpixel((160, 380))
    assert top[0] > 180 and top[2] < 80, top  # red
    assert bottom[2] > 180 and bottom[0] < 80, bottom  # blue


def test_same_photo_same_bytes_and_the_cache_serves_them(tmp_path, monkeypatch):
    data = phone_photo()
    first = made(data, cache=tmp_path)
    assert len(list(tmp_path.iterdir())) == 4
    monkeypatch.setattr(images, "decode", lambda *a, **k: pytest.fail("decoded again"))
    assert made(data, cache=tmp_path) == first  # from the cache, not decoded again
    monkeypatch.undo()
    assert made(data) == first  # and drawn afresh, the very same bytes


def test_a_changed_photo_or_recipe_is_a_new_cache_entry():
    data = phone_photo()
    assert images.cache_key(data, images.POST) != images.cache_key(data, images.AVATAR)
    assert images.cache_key(data, images.POST) != images.cache_key(data + b"x", images.POST)


def test_heic_from_an_iphone_is_read():
    pytest.importorskip("pillow_heif")
    buffer = io.BytesIO()
    Image.new("RGB", (600, 600), RED).save(buffer, "HEIF")
    out = made(buffer.getvalue(), images.AVATAR)
    avatar = Image.open(io.BytesIO(out[(2, "jpg")]))
    assert avatar.size == (224, 224)
    assert avatar.convert("RGB").getpixel((112, 112))[0] > 180


def test_a_transparent_png_gets_a_white_jpeg_and_keeps_alpha_in_webp():
    buffer = io.BytesIO()
    Image.new("RGBA", (300, 300), (0, 0, 0, 0)).save(buffer, "PNG")
    out = made(buffer.getvalue(), images.AVATAR)
    assert Image.open(io.BytesIO(out[(1, "jpg")])).getpixel((50, 50)) == (255, 255, 255)
    assert Image.open(io.BytesIO(out[(1, "webp")])).mode == "RGBA"


def test_content_decides_not_the_extension():
    buffer = io.BytesIO()
    Image.new("RGB", (100, 100), RED).save(buffer, "PNG")  # a PNG, whatever its name says
    assert Image.open(io.BytesIO(made(buffer.getvalue())[(1, "jpg")])).size == (320, 400)


# --- hostile and broken files: one line naming the picture, never a traceback --------------------

def refused(data: bytes) -> str:
    with pytest.raises(ConfigError) as caught:
        made(data)
    text = str(caught.value)
    assert "\n" not in text
    assert text.startswith("content/assets/posts/123.jpg: the picture 'assets/posts/123.jpg' "
                           "cannot be published: "), text
    return text


def test_a_decompression_bomb_is_refused_before_decoding():
    buffer = io.BytesIO()
    Image.new("1", (10_000, 9_000)).save(buffer, "PNG")  # 90 million pixels in about 10 kB
    assert len(buffer.getvalue()) < 200_000
    assert "pixels" in refused(buffer.getvalue())


def test_a_truncated_photo_is_refused():
    data = phone_photo(size=(800, 600))
    assert "damaged or cut short" in refused(data[: len(data) // 2])


def test_a_truncated_photo_is_refused_even_after_weasyprint_is_imported(monkeypatch):
    """WeasyPrint sets Pillow's LOAD_TRUNCATED_IMAGES for the whole process when imported (a
    build with --pdf): mediakit's own check must not depend on import order."""
    from PIL import ImageFile

    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", True)
    data = phone_photo(size=(800, 600))
    assert "damaged or cut short" in refused(data[: len(data) // 2])
    assert ImageFile.LOAD_TRUNCATED_IMAGES is True  # put back as it was found


def test_a_web_page_saved_as_jpg_is_refused():
    text = refused(b"<!doctype html><title>404 Not Found</title>")
    assert "not a JPEG, PNG, WebP, GIF, HEIC or AVIF picture" in text


def test_a_format_outside_the_list_is_refused():
    buffer = io.BytesIO()
    Image.new("RGB", (50, 50)).save(buffer, "TIFF")  # Pillow reads it, mediakit does not try
    assert "not a JPEG" in refused(buffer.getvalue())


def test_an_oversized_file_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "huge.jpg"
    with path.open("wb") as file:
        file.truncate(limits.MAX_IMAGE_BYTES + 1)  # sparse: nothing is written or read
    with pytest.raises(ConfigError) as caught:
        images.read_checked(path, name="assets/huge.jpg", file="content/profile.yaml",
                            field="cover.file")
    assert str(caught.value).startswith("content/profile.yaml: cover.file: the picture "
                                        "'assets/huge.jpg' cannot be published: it is 30 MB")


def test_a_planted_cache_entry_is_made_again(tmp_path):
    data = phone_photo(size=(800, 600))
    first = made(data, cache=tmp_path)
    planted = tmp_path / f"{images.cache_key(data, images.POST)}-1x.webp"
    planted.write_bytes(b"<script>alert(1)</script>")
    assert made(data, cache=tmp_path) == first
    assert planted.read_bytes() == first[(1, "webp")]  # and the cache is mended
