"""Paths typed the Windows way (``public\\kit``, ``assets\\me.svg``) work the same on every system.

A creator on Windows writes backslashes; the same project then builds in CI on Linux, or a guide
written on Windows is followed on a Mac. The build, the fast path and the preview must all use
the one folder Windows would use, and the manifest lists its files with ``/`` everywhere.
"""

from __future__ import annotations

import json
import threading
import urllib.request
from pathlib import Path

import pytest

from mediakit.publish.manifest import MANIFEST
from mediakit.serve.watch import Preview

TODAY = "2026-03-12"
SVG = (b'<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8">'
       b'<rect width="8" height="8"/></svg>')
DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never via a proxy


@pytest.fixture()
def windows_style(small: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The small creator with an avatar written ``assets\\avatar.svg``, run from its folder."""
    (small / "content/assets").mkdir()
    (small / "content/assets/avatar.svg").write_bytes(SVG)
    profile = small / "content/profile.yaml"
    profile.write_text(profile.read_text("utf-8") + "avatar: assets\\avatar.svg\n", "utf-8")
    monkeypatch.chdir(small)
    return small


def test_build_with_a_windows_style_out_path_writes_one_folder_and_a_posix_manifest(
    invoke, windows_style: Path
) -> None:
    outcome = invoke("build", ".", "--out", "public\\kit", "--today", TODAY)
    assert outcome.exit_code == 0, outcome.output
    out = windows_style / "public" / "kit"
    listed = json.loads((out / MANIFEST).read_text("utf-8"))["files"]
    assert "index.html" in listed and "assets/avatar.svg" in listed
    assert not [name for name in listed if "\\" in name]
    assert (out / "assets" / "avatar.svg").read_bytes() == SVG
    assert not [path.name for path in windows_style.iterdir() if "\\" in path.name]

    again = invoke("build", ".", "--out", "public\\kit", "--today", TODAY)
    assert again.exit_code == 0, again.output
    # The fast path finds the record of that same folder: the second build does nothing.
    assert again.output.startswith("public/kit is up to date: nothing changed"), again.output


def test_serve_with_a_windows_style_out_path_serves_what_it_built(windows_style: Path) -> None:
    said: list[tuple[str, bool]] = []
    preview = Preview(Path("."), out_dir=Path("public\\kit"), port=0,
                      echo=lambda text, error: said.append((text, error)))
    preview.rebuild()
    assert said[0][0].startswith("Built "), said
    thread = threading.Thread(target=preview.server.serve_forever, daemon=True)
    thread.start()
    try:
        with DIRECT.open(preview.url, timeout=30) as response:
            assert response.status == 200 and "Test Creator" in response.read().decode("utf-8")
        assert (windows_style / "public" / "kit" / "index.html").is_file()
    finally:
        preview.state.close()
        preview.server.shutdown()
        preview.server.server_close()
        thread.join(timeout=10)
