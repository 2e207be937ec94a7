"""Draw the demo creator's pictures: a cover for each post the demo kit shows, a hero cover and
press photos, so a fresh clone shows the visual kit.

Abstract gradients and shapes with the post's topic word, in the shipped font: no third-party
image, no randomness (colours and shapes come from a hash of the post id), so running this again
gives the same bytes (tests/test_demo_pictures.py checks that it reproduces content/assets/).

    python scripts/make_demo_pictures.py            # writes into content/assets/
"""

from __future__ import annotations

import hashlib
import io
import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[1]
FONT = ROOT / "mediakit" / "site" / "fonts" / "InterMediakit-Bold.otf"
#: The posts the demo kit shows (its best three per platform, and the case studies' posts):
#: (post id, topic word). tests/test_demo_pictures.py checks the list against the kit.
POSTS = (
    ("7661732316709023528", "night bus"),
    ("7618696672677628085", "new song"),
    ("7647991308011437794", "fast car"),
    ("DGasUIrQqsl", "night bus"),
    ("Dr9PzymZNua", "cover"),
    ("DZTQTTutV5_", "live"),
    ("3KqtFg8UXH2", "live"),
    ("0zXEx5-6Hgp", "session"),
    ("Ki4yaUsmu8f", "session"),
    ("7611889043718342913", "strings"),
    ("7631236870961474834", "studio"),
    ("7703154876532190475", "home studio"),
    ("7686577150342672526", "kitchen"),
)
GALLERY = (("press-1", "on stage"), ("press-2", "studio"), ("press-3", "maeve"))
#: Night-bus colours: the demo's navy and terracotta, with a few neighbours.
PALETTE = ((35, 57, 91), (217, 130, 91), (94, 129, 172), (46, 92, 84), (140, 76, 104),
           (228, 184, 112), (24, 30, 48))


def _numbers(key: str) -> bytes:
    return hashlib.sha256(key.encode("utf-8")).digest()


def draw(key: str, word: str, size: tuple[int, int], baseline: float = 0.86) -> Image.Image:
    """A gradient, three soft discs and the word: different for every key, the same every run."""
    width, height = size
    seed = _numbers(key)
    top, bottom = PALETTE[seed[0] % len(PALETTE)], PALETTE[(seed[1] % (len(PALETTE) - 1) + 1
                                                            + seed[0]) % len(PALETTE)]
    gradient = Image.linear_gradient("L").resize(size)
    image = Image.composite(Image.new("RGB", size, bottom), Image.new("RGB", size, top), gradient)
    layer = Image.new("RGBA", size, (0, 0, 0, 0))
    pen = ImageDraw.Draw(layer)
    for index in range(3):
        x = seed[2 + index] / 255 * width
        y = seed[5 + index] / 255 * height
        radius = (0.18 + seed[8 + index] / 255 * 0.3) * min(size)
        colour = PALETTE[seed[11 + index] % len(PALETTE)]
        pen.ellipse((x - radius, y - radius, x + radius, y + radius), fill=(*colour, 110))
    pen.line((0, height * 0.72, width, height * (0.55 + seed[14] / 255 * 0.3)),
             fill=(255, 255, 255, 70), width=max(2, width // 160))
    image = Image.alpha_composite(image.convert("RGBA"), layer)
    font = ImageFont.truetype(str(FONT), size=max(28, min(width // 9, height // 7)))
    text = ImageDraw.Draw(image)
    text.text((width * 0.08, height * baseline), word, font=font, fill=(255, 255, 255, 235),
              anchor="ls")
    return image.convert("RGB")


def jpeg(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=82, optimize=True)
    return buffer.getvalue()


def pictures() -> dict[str, bytes]:
    """{path in content/: bytes} of every demo picture."""
    files = {f"assets/posts/{key}.jpg": jpeg(draw(key, word, (640, 800))) for key, word in POSTS}
    # the cover's words in its middle band: wide screens show it as a 4:1 strip
    files["assets/cover.jpg"] = jpeg(draw("cover", "night bus home", (1920, 800), baseline=0.62))
    for key, word in GALLERY:
        files[f"assets/{key}.jpg"] = jpeg(draw(key, word, (480, 600)))
    return files


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    content = Path(args[0]) if args else ROOT / "content"
    for name, data in pictures().items():
        path = content / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    print(f"wrote {len(pictures())} pictures into {content / 'assets'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
