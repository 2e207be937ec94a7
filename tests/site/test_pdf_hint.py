"""The --pdf error tells a creator how to get Pango on the computer they are on."""

from __future__ import annotations

import pytest

from mediakit.errors import OutputError
from mediakit.site import pdf


@pytest.mark.parametrize(("platform", "how"), [
    ("darwin", "`brew install pango`"),
    ("win32", "`pacman -S mingw-w64-x86_64-pango`"),
    ("linux", "`sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0`"),
])
def test_the_hint_names_this_systems_way_to_install_pango(platform, how):
    hint = pdf.install_hint(platform)
    assert hint.startswith('install it with `pip install "creator-mediakit[pdf]"`')
    assert how in hint and hint.endswith("or build without --pdf")
    others = {"darwin": "brew", "win32": "MSYS2", "linux": "apt-get"}
    assert [name for name, word in others.items() if word in hint] == [platform]


def test_windows_is_pointed_at_msys2s_libraries():
    assert "WEASYPRINT_DLL_DIRECTORIES to C:\\msys64\\mingw64\\bin" in pdf.install_hint("win32")


def test_another_system_still_hears_about_pango():
    hint = pdf.install_hint("freebsd14")
    assert "Pango library" in hint and "WeasyPrint's install guide" in hint


def test_the_hint_survives_the_one_line_error_intact():
    """Backslashes of the Windows path and the backticks reach the terminal as written."""
    error = OutputError("cannot make the PDF: WeasyPrint is not available",
                        hint=pdf.install_hint("win32"))
    assert str(error).endswith(f"({pdf.install_hint('win32')})")
    assert "\n" not in str(error)
