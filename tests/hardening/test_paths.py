"""No byte from outside the project reaches the site: '..', absolute paths, links out: refused.

Next to each project sits a folder ``outside/`` holding a canary: an SVG, a Markdown page, a
profile, a template and a TikTok export, each carrying the text CANARY. Every way of pointing at
them (profile paths, symlinks in content/, templates/ and history/, Markdown image links) is
tried through the real ``mediakit build``; the build either refuses with one line (exit 2) or
builds a site in which CANARY never appears.
"""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from mediakit.commands.main import main
from tests.hardening.projects import (
    OVERVIEW_HEADER,
    PROFILE,
    TODAY,
    csv_text,
    overview_rows,
    small_project,
    templates_compiled_once,
)

CANARY = "CANARY-outside-the-project"
SVG = (f'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><title>{CANARY}</title>'
       '<rect width="10" height="10"/></svg>').encode()
PITCH = ("---\nbrand: Acme\nlogo: {logo}\ndeliverables: [One TikTok video]\nprice: 500\n"
         "valid_until: 2026-04-30\n---\nHello.\n")
CASE_STUDY = ("---\nbrand: Acme\ndate: 2026-03-05\nlogo: {logo}\nfee: 500\nposts:\n"
              "  - url: https://www.tiktok.com/@testcreator/video/7611889043718342913\n"
              "    views: 1000\n    source: TikTok Studio\n---\nIt went well.\n")


@pytest.fixture()
def outside(tmp_path: Path) -> Path:
    folder = tmp_path / "outside"
    (folder / "tiktok").mkdir(parents=True)
    (folder / "secret.svg").write_bytes(SVG)
    (folder / "secret.md").write_text(f"# {CANARY}\n\n{CANARY}\n", "utf-8")
    (folder / "profile.yaml").write_text(f"name: {CANARY}\n" + PROFILE.split("\n", 1)[1],
                                         "utf-8")
    (folder / "base.html").write_text(f"<p>{CANARY}</p>", "utf-8")
    (folder / "tiktok" / "Overview.csv").write_bytes(csv_text(OVERVIEW_HEADER, overview_rows()))
    (folder / "history").mkdir()
    (folder / "history" / "daily.csv").write_text(f"{CANARY}\n", "utf-8")
    return folder


@pytest.fixture()
def kit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        tmp_path_factory: pytest.TempPathFactory) -> Path:
    with templates_compiled_once(monkeypatch):
        yield small_project(tmp_path / "kit", cache=tmp_path_factory.getbasetemp() / "charts")


def build(project: Path) -> Result:
    return CliRunner().invoke(main, ["build", str(project), "--quiet", "--today", TODAY])


def site_bytes(project: Path) -> bytes:
    site = project / "site"
    return b"".join(path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file())


def assert_refused(result: Result, *words: str) -> str:
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.output
    assert "Traceback" not in result.output and CANARY not in result.output
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


# --- paths written in the profile ----------------------------------------------------------------

PROFILE_PATHS = ["../outside/secret.svg", "/etc/passwd", "~/secret.svg", "file:///etc/passwd",
                 "C:\\Users\\me\\secret.svg", "assets/../../outside/secret.svg",
                 "\\\\server\\share\\secret.svg"]


@pytest.mark.parametrize("path", PROFILE_PATHS)
@pytest.mark.parametrize("field", ["avatar", "partners[0].logo", "platforms.tiktok.data"])
def test_a_path_leaving_the_project_is_a_one_line_error(kit: Path, field: str, path: str) -> None:
    written = f"'{path}'"
    extra = {"avatar": f"avatar: {written}\n",
             "partners[0].logo": f"partners:\n  - name: Acme\n    logo: {written}\n"}
    profile = PROFILE + extra.get(field, "")
    if field == "platforms.tiktok.data":
        profile = PROFILE + f"    data: {written}\n"
    (kit / "content" / "profile.yaml").write_text(profile, "utf-8")
    assert_refused(build(kit), "content/profile.yaml", field)
    assert not (kit / "site").exists()


# --- symlinks leading out ------------------------------------------------------------------------


def _link(link: Path, target: Path) -> None:
    link.parent.mkdir(parents=True, exist_ok=True)
    if link.exists() or link.is_symlink():
        if link.is_dir() and not link.is_symlink():
            import shutil

            shutil.rmtree(link)
        else:
            link.unlink()
    link.symlink_to(target, target_is_directory=target.is_dir())


def _avatar_file(kit: Path, out: Path) -> None:
    _link(kit / "content" / "assets" / "avatar.svg", out / "secret.svg")
    _profile(kit, "avatar: assets/avatar.svg\n")


def _avatar_folder(kit: Path, out: Path) -> None:
    _link(kit / "content" / "assets", out)
    _profile(kit, "avatar: assets/secret.svg\n")


def _partner_logo(kit: Path, out: Path) -> None:
    _link(kit / "content" / "logos" / "acme.svg", out / "secret.svg")
    _profile(kit, "partners:\n  - name: Acme\n    logo: logos/acme.svg\n")


def _pitch_logo(kit: Path, out: Path) -> None:
    _link(kit / "content" / "assets" / "acme.svg", out / "secret.svg")
    (kit / "content" / "pitches").mkdir()
    (kit / "content" / "pitches" / "acme.md").write_text(
        PITCH.format(logo="assets/acme.svg"), "utf-8")


def _case_study_logo(kit: Path, out: Path) -> None:
    _link(kit / "content" / "assets" / "acme.svg", out / "secret.svg")
    (kit / "content" / "case-studies").mkdir()
    (kit / "content" / "case-studies" / "acme.md").write_text(
        CASE_STUDY.format(logo="assets/acme.svg"), "utf-8")


def _page(kit: Path, out: Path) -> None:
    _link(kit / "content" / "pages" / "secret.md", out / "secret.md")


def _pitch_file(kit: Path, out: Path) -> None:
    (out / "pitch.md").write_text(PITCH.format(logo="assets/none.svg").replace(
        "Hello.", CANARY), "utf-8")
    _link(kit / "content" / "pitches" / "acme.md", out / "pitch.md")


def _data_folder(kit: Path, out: Path) -> None:
    _link(kit / "content" / "data" / "tiktok", out / "tiktok")


def _data_file(kit: Path, out: Path) -> None:
    _link(kit / "content" / "data" / "tiktok" / "Overview.csv", out / "tiktok" / "Overview.csv")


def _template_file(kit: Path, out: Path) -> None:
    _link(kit / "templates" / "base.html", out / "base.html")


def _template_folder(kit: Path, out: Path) -> None:
    _link(kit / "templates", out)


def _history_folder(kit: Path, out: Path) -> None:
    _link(kit / "content" / "data" / "history", out / "history")


def _history_file(kit: Path, out: Path) -> None:
    _link(kit / "content" / "data" / "history" / "daily.csv", out / "history" / "daily.csv")


def _profile_file(kit: Path, out: Path) -> None:
    _link(kit / "content" / "profile.yaml", out / "profile.yaml")


def _profile(kit: Path, extra: str) -> None:
    (kit / "content" / "profile.yaml").write_text(PROFILE + extra, "utf-8")


LINKS: dict[str, tuple[Callable[[Path, Path], None], tuple[str, ...]]] = {
    "avatar file": (_avatar_file, ("avatar", "assets/avatar.svg", "outside the project")),
    "avatar's folder": (_avatar_folder, ("avatar", "assets/secret.svg", "outside the project")),
    "partner logo": (_partner_logo, ("partners[0].logo", "outside the project")),
    "pitch logo": (_pitch_logo, ("content/pitches/acme.md", "logo", "outside the project")),
    "case-study logo": (_case_study_logo, ("content/case-studies/acme.md", "logo",
                                          "outside the project")),
    "page": (_page, ("pages/secret.md", "outside the project")),
    "pitch file": (_pitch_file, ("pitches/acme.md", "outside the project")),
    "data folder": (_data_folder, ("platforms.tiktok.data", "data/tiktok",
                                   "outside the project")),
    "data file": (_data_file, ("data/tiktok/Overview.csv", "outside the project")),
    "template file": (_template_file, ("templates", "templates/base.html",
                                       "outside the project")),
    "templates folder": (_template_folder, ("templates", "outside the project")),
    "history folder": (_history_folder, ("history", "data/history", "outside the project")),
    "history file": (_history_file, ("history", "data/history/daily.csv",
                                     "outside the project")),
    "profile": (_profile_file, ("content/profile.yaml", "outside the project")),
}


@pytest.mark.parametrize("case", list(LINKS))
def test_a_symlink_out_of_the_project_is_refused(kit: Path, outside: Path, case: str) -> None:
    make, words = LINKS[case]
    make(kit, outside)
    before = {path: path.read_bytes() for path in outside.rglob("*") if path.is_file()}
    assert_refused(build(kit), *words)
    assert not (kit / "site").exists()
    after = {path: path.read_bytes() for path in outside.rglob("*") if path.is_file()}
    assert after == before  # nothing written through the link either (history!)


def test_symlinks_inside_the_project_are_fine(kit: Path) -> None:
    (kit / "content" / "assets").mkdir()
    (kit / "content" / "assets" / "real.svg").write_bytes(SVG.replace(CANARY.encode(), b"ok"))
    os.symlink("real.svg", kit / "content" / "assets" / "avatar.svg")
    _profile(kit, "avatar: assets/avatar.svg\n")
    result = build(kit)
    assert result.exit_code == 0, result.output
    assert (kit / "site" / "assets" / "avatar.svg").read_bytes().startswith(b"<svg")


# --- Markdown image links: references the browser resolves, never files mediakit reads ----------

HOSTILE_IMAGES = (
    "![a](../../outside/secret.svg) ![b](/etc/passwd) ![c](file:///etc/passwd) "
    "![d](../../../../../../../../etc/passwd) [e](file:///etc/passwd) "
    '<img src="/etc/passwd"> ![f](data:image/svg+xml;base64,PHN2Zz4=) ![g](~/secret.svg)'
)


def test_markdown_images_out_of_the_project_are_inert_references(kit: Path,
                                                                  outside: Path) -> None:
    from tests.hardening.hostile import scan

    (kit / "content" / "pages").mkdir()
    (kit / "content" / "pages" / "images.md").write_text(
        f"# Images\n\n{HOSTILE_IMAGES}\n", "utf-8")
    _profile(kit, f"bio: \"{HOSTILE_IMAGES.replace(chr(34), chr(39))}\"\n")
    result = build(kit)
    assert result.exit_code == 0, result.output
    everything = site_bytes(kit)
    assert CANARY.encode() not in everything
    assert b"root:x:0:" not in everything  # /etc/passwd's first line, on any Linux
    found = scan(kit / "site")
    assert found.findings == []  # no file:, data: or javascript: in any src or href
    page = (kit / "site" / "images.html").read_text("utf-8")
    # the relative and absolute ones stay plain references: nothing behind them in site/
    assert '<img src="../../outside/secret.svg" alt="a"' in page
    assert '<img src="/etc/passwd" alt="b"' in page
    assert "file:///etc/passwd" in page  # shown as text, not as a link or an image
    assert '<img src="file:' not in page and 'href="file:' not in page
    assert "&lt;img src=" in page  # raw HTML is shown as text
    assert not (kit / "site" / "etc").exists()


# --- zip members named to escape -----------------------------------------------------------------


def test_zip_members_named_to_escape_are_read_in_memory_never_extracted(kit: Path) -> None:
    escaped = kit.parent / "escaped"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        # a '..' part is skipped like a hidden file; an absolute name is only a label
        archive.writestr("../../../escaped/Overview.csv",
                         csv_text(OVERVIEW_HEADER, overview_rows((12,))))
        archive.writestr(f"{escaped}/Overview.csv", csv_text(OVERVIEW_HEADER,
                                                             overview_rows((11,))))
    data = kit / "content" / "data" / "tiktok"
    (data / "Overview_2026-03-12.zip").write_bytes(buffer.getvalue())
    result = build(kit)
    assert result.exit_code == 0, result.output
    assert not escaped.exists() and not (kit / "escaped").exists()
    daily = (kit / "content" / "data" / "history" / "daily.csv").read_text("utf-8")
    assert "tiktok,2026-03-11,,1100,11,110,1,0,,,\n" in daily  # the absolute-named member
    assert "2026-03-12" not in daily  # the '..' member


# --- pictures that could run code or pull files in ----------------------------------------------

HOSTILE_SVGS = {
    "script": b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    "handler": b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
    "outside file": b'<svg xmlns="http://www.w3.org/2000/svg"><image href="/etc/passwd"/></svg>',
    "javascript link": (b'<svg xmlns="http://www.w3.org/2000/svg" '
                        b'xmlns:xlink="http://www.w3.org/1999/xlink"><a xlink:href="javascript:'
                        b'alert(1)"><text>x</text></a></svg>'),
    "embedded page": (b'<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><iframe '
                      b'xmlns="http://www.w3.org/1999/xhtml" src="https://evil.example"/>'
                      b"</foreignObject></svg>"),
    "entities": b'<!DOCTYPE s [<!ENTITY x "y">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>',
    "css import": b'<svg xmlns="http://www.w3.org/2000/svg"><style>@import "x.css";</style></svg>',
    "not svg": b"GIF89a",
}


def test_an_avatar_svg_with_a_script_stops_the_build(kit: Path) -> None:
    (kit / "content" / "assets").mkdir()
    (kit / "content" / "assets" / "avatar.svg").write_bytes(HOSTILE_SVGS["script"])
    _profile(kit, "avatar: assets/avatar.svg\n")
    line = assert_refused(build(kit), "content/profile.yaml", "avatar",
                          "the picture 'assets/avatar.svg' is not safe to publish",
                          "it contains a <script> element")
    assert "export it again as a plain SVG" in line


@pytest.mark.parametrize("case", list(HOSTILE_SVGS))
def test_every_kind_of_unsafe_svg_is_refused_as_an_asset(tmp_path: Path, case: str) -> None:
    from mediakit.errors import ConfigError
    from mediakit.project.profile import load_profile
    from mediakit.site import render

    content = tmp_path / "content"
    (content / "logos").mkdir(parents=True)
    (content / "logos" / "acme.svg").write_bytes(HOSTILE_SVGS[case])
    (content / "profile.yaml").write_text(
        PROFILE + "partners:\n  - name: Acme\n    logo: logos/acme.svg\n", "utf-8")
    profile = load_profile(content / "profile.yaml")
    with pytest.raises(ConfigError, match="partners\\[0\\].logo: the picture 'logos/acme.svg'"):
        render.assets(profile, content, content / "profile.yaml")
    with pytest.raises(ConfigError, match="content/pitches/acme.md: logo: the picture"):
        render.extra_assets(content, [("logos/acme.svg", "content/pitches/acme.md")])


def test_a_poisoned_chart_cache_is_never_published(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """The cache sits in the project: a copied project may bring a crafted one along."""
    from datetime import date

    monkeypatch.delenv("MEDIAKIT_CACHE_DIR", raising=False)  # this project's own cache

    from mediakit import build as build_module

    monkeypatch.delenv("MEDIAKIT_CACHE_DIR", raising=False)  # this project's own cache
    project = small_project(tmp_path / "kit")
    with templates_compiled_once(monkeypatch):
        first = build_module.build(project, today=date(2026, 3, 12))
        cached = sorted((project / ".mediakit-cache" / "charts").glob("*.svg"))
        assert cached and first.charts_rendered == len(cached)
        for path in cached:
            path.write_bytes(HOSTILE_SVGS["script"])
        second = build_module.build(project, today=date(2026, 3, 12))
    assert (second.charts_cached, second.charts_rendered) == (0, first.charts_rendered)
    assert b"<script" not in site_bytes(project)
    assert all(b"<script" not in path.read_bytes() for path in cached)  # redrawn, not kept
