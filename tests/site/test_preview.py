"""The share picture: a 1200×630 PNG whose text is escaped and whose bytes are reproducible."""

from __future__ import annotations

import struct
import zlib
from dataclasses import replace

import pytest
import vl_convert

from mediakit.site.preview import PNG_SIGNATURE, Card, cache_key, fit, is_png, png, svg
from mediakit.site.sharing import PREVIEWS

CARD = Card(name="Mara Quinn", handle="@maraquinnmusic", tagline="Songs <b>& buses</b>",
            stats=[("48K", "followers"), ("50.5K", "typical views"), ("8.8%", "engagement")],
            footer="Media kit · data as of 16 Nov 2026", primary="#23395b", accent="#d9825b",
            avatar=b"<svg xmlns='http://www.w3.org/2000/svg'/>")


def test_the_preview_is_a_1200_by_630_png_and_the_same_every_time():
    data = png(CARD)
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])  # the IHDR chunk
    assert (width, height) == (1200, 630)
    assert png(CARD) == data


def test_user_text_is_escaped_in_the_svg():
    drawn = svg(CARD)
    assert "Songs &lt;b&gt;&amp; buses&lt;/b&gt;" in drawn
    assert "<b>" not in drawn
    assert 'href="data:image/svg+xml;base64,' in drawn  # the avatar travels inside the file


def test_long_text_is_cut_with_an_ellipsis():
    assert fit("Indie-folk   songs written on the night bus", 20) == "Indie-folk songs wr…"
    assert fit("short", 20) == "short"


# -- the cache of drawn previews --------------------------------------------------------------


def chunk(kind: bytes, data: bytes) -> bytes:
    """One PNG chunk: length, type, data, CRC of type + data."""
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


# A 1×1 RGBA PNG put together by hand: 8-bit colour type 6, one row of (filter 0, r, g, b, a).
IHDR = chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 6, 0, 0, 0))
TINY = (PNG_SIGNATURE + IHDR + chunk(b"IDAT", zlib.compress(b"\x00\x10\x20\x30\xff"))
        + chunk(b"IEND", b""))


def test_is_png_wants_one_whole_png():
    assert is_png(TINY)
    assert not is_png(TINY[:-1])  # cut off inside IEND
    assert not is_png(TINY[:-12])  # no IEND at all
    assert not is_png(TINY + b"<script>")  # something after IEND
    assert not is_png(TINY[:-16] + bytes([TINY[-16] ^ 1]) + TINY[-15:])  # a flipped IDAT byte
    assert not is_png(PNG_SIGNATURE + chunk(b"IDAT", b"") + IHDR + chunk(b"IEND", b""))
    assert not is_png(b"<svg xmlns='http://www.w3.org/2000/svg'/>")
    assert not is_png(b"")


def test_a_cached_preview_has_the_bytes_of_a_fresh_drawing(tmp_path):
    fresh = png(CARD)
    assert png(CARD, tmp_path) == fresh  # drawn, then kept
    kept = tmp_path / f"{cache_key(svg(CARD))}.png"
    assert sorted(tmp_path.iterdir()) == [kept]  # nothing else: no temporary file left behind
    assert kept.read_bytes() == fresh
    assert png(CARD, tmp_path) == fresh  # read back


def test_a_cached_preview_is_not_drawn_again(tmp_path, monkeypatch):
    drawn = png(CARD, tmp_path)

    def refuse(*args, **kwargs):
        raise AssertionError("drawn again")

    monkeypatch.setattr(vl_convert, "svg_to_png", refuse)
    assert png(CARD, tmp_path) == drawn


def test_the_key_changes_with_the_card_and_with_vl_convert(monkeypatch):
    key = cache_key(svg(CARD))
    assert len(key) == 64  # a whole sha256
    assert cache_key(svg(replace(CARD, stats=[("49K", "followers")]))) != key
    other_avatar = b"<svg xmlns='http://www.w3.org/2000/svg'><rect/></svg>"
    # the avatar travels inside the SVG, so a new picture is a new key
    assert cache_key(svg(replace(CARD, avatar=other_avatar))) != key
    monkeypatch.setattr(vl_convert, "__version__", "0.0.1")
    assert cache_key(svg(CARD)) != key


@pytest.mark.parametrize("damage", [
    lambda good: good[: len(good) // 2],  # cut off by a full disk
    lambda good: good[:100] + bytes([good[100] ^ 0xFF]) + good[101:],  # one byte flipped
    lambda good: b"",
    lambda good: b"\x80\x04\x95\x00\x00\x00\x00\x00\x00\x00\x00.",  # a pickle: never loaded
    lambda good: b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>",
], ids=["truncated", "flipped-byte", "empty", "pickle", "svg"])
def test_a_damaged_cache_entry_is_drawn_again_and_replaced(tmp_path, damage):
    fresh = png(CARD)
    entry = tmp_path / f"{cache_key(svg(CARD))}.png"
    entry.write_bytes(damage(fresh))
    assert png(CARD, tmp_path) == fresh
    assert entry.read_bytes() == fresh


def test_a_cache_that_cannot_be_read_or_written_is_not_an_error(tmp_path):
    fresh = png(CARD)
    not_a_folder = tmp_path / "previews"
    not_a_folder.write_bytes(b"a file where the cache folder should be")
    assert png(CARD, not_a_folder) == fresh
    assert not_a_folder.read_bytes() == b"a file where the cache folder should be"
    blocked = tmp_path / "blocked"
    (blocked / f"{cache_key(svg(CARD))}.png").mkdir(parents=True)  # a folder in the entry's place
    assert png(CARD, blocked) == fresh
    assert [p.name for p in blocked.iterdir()] == [f"{cache_key(svg(CARD))}.png"]  # no leftovers


def test_the_site_has_the_same_share_pictures_with_the_cache_cold_or_warm(demo_inputs, tmp_path):
    plain = demo_inputs.render()
    pictures = sorted(name for name in plain if name.endswith(".png"))
    # the kit's own card and one per pitch (the demo has three pitches)
    assert pictures == ["assets/preview-carnet-mauve.png", "assets/preview-harbour-strings.png",
                        "assets/preview-liffey-audio.png", "assets/preview.png"]
    cold = demo_inputs.render(cache_dir=tmp_path)
    assert len(list((tmp_path / PREVIEWS).glob("*.png"))) == 4
    warm = demo_inputs.render(cache_dir=tmp_path)
    for name in pictures:
        assert cold[name] == plain[name] == warm[name], name


def test_a_share_picture_the_pool_could_not_finish_is_drawn_here(tmp_path):
    """A drawing process killed mid-picture (its future broken) still gives the picture, drawn
    in the build's own process, the same bytes, and kept in the cache."""
    from concurrent.futures import Future
    from concurrent.futures.process import BrokenProcessPool

    from mediakit.site.preview import Pending, settled

    broken: Future[bytes] = Future()
    broken.set_exception(BrokenProcessPool("a worker was killed"))
    drawing = svg(CARD)
    path = tmp_path / f"{cache_key(drawing)}.png"
    files = settled({"assets/preview.png": Pending(broken, drawing, path), "index.html": b"<p>"})
    assert files == {"assets/preview.png": png(CARD), "index.html": b"<p>"}
    assert path.read_bytes() == files["assets/preview.png"]
