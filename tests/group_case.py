"""A small collective for tests and docs: three generated members, one older, one broken.

The members are made the way tests/test_roster.py makes creators (scripts/make_demo.py with a
seed each); Cy's data ends two weeks before the others', Dee's export has a bad cell.
"""

from __future__ import annotations

from pathlib import Path

from tests.test_roster import make_creator

LOGO = (b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">'
        b'<rect width="64" height="64" rx="14" fill="#0f766e"/>'
        b'<path d="M16 44V20h8v18h12v6z" fill="#fff"/></svg>')

ROSTER = """\
name: Loft House Management
creators:
  - creators/*
group:
  name: "The Loft House"
  tagline: "Four songwriters, one flat <i>& one following"
  logo: assets/logo.svg
  colors: {primary: "#0f766e", accent: "#f59e0b"}
  base_url: "https://lofthouse.example/"
  links:
    - {label: TikTok, url: "https://www.tiktok.com/@lofthouse"}
    - {label: Instagram, url: "https://www.instagram.com/lofthouse"}
  contact:
    email: bookings@lofthouse.example
  rates:
    - {deliverable: "One TikTok from every member, same week", price: 4800, currency: EUR}
    - {deliverable: "House session video (YouTube + cut-downs)", price: 7500, currency: EUR,
       notes: "filmed in the flat, two songs"}
  about_page: about.md
"""

ABOUT = "We write, film and post from one flat in Dublin. **Four voices**, one brief.\n"


def make_group(root: Path, *, broken: bool = True) -> Path:
    """The group's folder with ROSTER.yaml; returns the roster file."""
    make_creator(root / "creators" / "ada-lane", "Ada Lane", "adalane", 21)
    make_creator(root / "creators" / "bo-stone", "Bo Stone", "bostone", 22)
    older = make_creator(root / "creators" / "cy-moss", "Cy Moss", "cymoss", 23)
    _end(older, "2026-11-02")
    if broken:
        dee = make_creator(root / "creators" / "dee-broken", "Dee Broken", "deebroken", 24)
        overview = dee / "content" / "data" / "tiktok" / "Overview.csv"
        lines = overview.read_bytes().split(b"\n")
        cells = lines[5].split(b",")
        cells[1] = b'"lots"'
        lines[5] = b",".join(cells)
        overview.write_bytes(b"\n".join(lines))
    (root / "assets").mkdir(exist_ok=True)
    (root / "assets" / "logo.svg").write_bytes(LOGO)
    (root / "about.md").write_text(ABOUT, encoding="utf-8")
    (root / "ROSTER.yaml").write_text(ROSTER, encoding="utf-8")
    return root / "ROSTER.yaml"


def _end(folder: Path, day: str) -> None:
    """Regenerate a member's exports so that its data ends on ``day``."""
    import subprocess
    import sys

    from tests.test_roster import REPO

    data = folder / "content" / "data" / "tiktok"
    for old in data.iterdir():
        old.unlink()
    subprocess.run([sys.executable, str(REPO / "scripts" / "make_demo.py"), "--out", str(data),
                    "--days", "60", "--posts", "40", "--seed", "23", "--handle", "cymoss",
                    "--end", day], check=True, capture_output=True)
    profile = folder / "content" / "profile.yaml"
    profile.write_text(profile.read_text("utf-8").replace("2026-11-17", "2026-11-03"), "utf-8")
