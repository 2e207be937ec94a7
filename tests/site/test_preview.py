"""The share picture: a 1200×630 PNG whose text is escaped and whose bytes are reproducible."""

from __future__ import annotations

import struct

from mediakit.preview import Card, fit, png, svg

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
