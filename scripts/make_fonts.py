"""Make the fonts mediakit ships (mediakit/site/fonts/) from Debian's Inter, deterministically.

Why ship fonts at all: the charts' SVG, the share preview PNG and the PDF are drawn with whatever
fonts the machine has, so a kit built on a new laptop differed from the committed one. With the
fonts inside the package every machine draws the same bytes (``mediakit/site/typeface.py`` says
how they are used).

Why rename the family ("Inter" -> "Inter Mediakit"): vl-convert and fontconfig prefer a font
installed on the machine over one registered later when both have the same family name, so a
laptop with its own (other) version of Inter would still draw different bytes. Inter's licence
(SIL OFL 1.1) declares no Reserved Font Name, so a renamed, converted copy is a permitted
Modified Version; it stays under the OFL, whose text goes beside the files.

Run once at development time, when the font should change (needs fontTools and brotli, both
installed with the test extras through WeasyPrint):

    apt-get install fonts-inter                 # Debian's Inter (OTF, OFL 1.1)
    python scripts/make_fonts.py                # writes mediakit/site/fonts/
    apt-get remove fonts-inter                  # optional: keep the machine as it was

Writes, for weights 400 and 700 only (the theme's 500-750 map to these two, as browsers do):
``InterMediakit-Regular.otf`` / ``-Bold.otf`` for vl-convert and ``.woff2`` copies of the same
for the pages and WeasyPrint (less than half the size). ``LICENSE.txt`` beside them (the OFL
and what was changed) is kept by hand.
"""

from __future__ import annotations

import argparse
import io
from pathlib import Path

from fontTools.ttLib import TTFont

SOURCE = Path("/usr/share/fonts/opentype/inter")
TARGET = Path(__file__).resolve().parent.parent / "mediakit" / "site" / "fonts"
FAMILY = "Inter Mediakit"
POSTSCRIPT = "InterMediakit"
STYLES = {"Regular": "Inter-Regular.otf", "Bold": "Inter-Bold.otf"}


def renamed(font: TTFont, style: str) -> TTFont:
    """The font with its family called FAMILY in the name table and in the CFF table."""
    postscript = f"{POSTSCRIPT}-{style}"
    names = font["name"]
    version = names.getDebugName(5) or ""
    for record in list(names.names):
        if record.nameID in (16, 17, 21, 22):  # typographic names: the plain ones are enough
            names.removeNames(nameID=record.nameID)
    names.setName(FAMILY, 1, 3, 1, 0x409)
    names.setName(style, 2, 3, 1, 0x409)
    names.setName(f"{postscript};{version}", 3, 3, 1, 0x409)
    names.setName(f"{FAMILY} {style}", 4, 3, 1, 0x409)
    names.setName(f"{version}; renamed from Inter for mediakit", 5, 3, 1, 0x409)
    names.setName(postscript, 6, 3, 1, 0x409)
    names.removeNames(platformID=1)  # the old Macintosh records still say "Inter"
    if "CFF " in font:
        cff = font["CFF "].cff
        top = cff[cff.fontNames[0]]
        cff.fontNames = [postscript]
        top.FamilyName = FAMILY
        top.FullName = f"{FAMILY} {style}"
    return font


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=SOURCE)
    parser.add_argument("--out", type=Path, default=TARGET)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for style, name in STYLES.items():
        font = renamed(TTFont(args.source / name, recalcTimestamp=False), style)
        stem = args.out / f"{POSTSCRIPT}-{style}"
        buffer = io.BytesIO()
        font.save(buffer, reorderTables=True)
        stem.with_suffix(".otf").write_bytes(buffer.getvalue())
        web = TTFont(io.BytesIO(buffer.getvalue()), recalcTimestamp=False)
        web.flavor = "woff2"
        web.save(stem.with_suffix(".woff2"))


if __name__ == "__main__":
    main()
