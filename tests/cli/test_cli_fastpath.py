"""`mediakit build` skips work whose inputs did not change (mediakit.publish.fastpath, .record).

The promise under test: a skipped or patched build leaves exactly the bytes a full build would,
and any doubt (data, titles, a theme, a hand-edited site, a damaged or copied record) means the
full build.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from mediakit import build as build_module
from mediakit.project.layout import Project
from mediakit.publish import fastpath, record
from tests.cli.conftest import TODAY

ABOUT = "content/pages/about.md"
SMALL_TODAY = "2026-03-20"  # the small creator's data runs to 2026-03-10


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


def stamps(root: Path) -> dict[str, tuple[int, int]]:
    """Inode and modification time of every file: a skipped build must not touch any."""
    return {p.relative_to(root).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns)
            for p in sorted(root.rglob("*")) if p.is_file()}


def full_build_of(project: Path, tmp_path: Path) -> dict[str, bytes]:
    """The site a full build of the project's current files writes (in a copy, records apart)."""
    copy = tmp_path / "reference"
    shutil.copytree(project / "content", copy / "content")
    if (project / "templates").is_dir():
        shutil.copytree(project / "templates", copy / "templates")
    build_module.build(copy, today=build_module.date.fromisoformat(TODAY))
    return tree(copy / "site")


@pytest.fixture()
def built(invoke, demo: Path) -> Path:
    """The demo creator, built once (its real pages, charts, pitches and case studies)."""
    outcome = invoke("build", demo, "--today", TODAY)
    assert outcome.exit_code == 0, outcome.output
    assert outcome.stdout.startswith("Built ")
    return demo


@pytest.fixture()
def kit(invoke, small: Path) -> Path:
    """The small hand-made creator with two pages, built once: a build takes a second."""
    pages = small / "content/pages"
    pages.mkdir()
    (pages / "about.md").write_text("# About Test\n\nI film *small* things.\n", "utf-8")
    (pages / "press.md").write_text("# Press\n\nNone yet.\n", "utf-8")
    outcome = invoke("build", small, "--today", SMALL_TODAY)
    assert outcome.exit_code == 0, outcome.output
    assert outcome.stdout.startswith("Built ")
    return small


def skips(project: Path, today: str = SMALL_TODAY, **options: object) -> bool:
    """Whether the next build of ``project`` would be skipped or patched (and then does it)."""
    return fastpath.try_skip(project, project / "site", Project(project).cache_dir,
                             today=build_module.date.fromisoformat(today), **options) is not None


def test_nothing_changed_is_done_without_touching_a_file(invoke, built: Path):
    site, history = stamps(built / "site"), stamps(built / "content/data/history")
    outcome = invoke("build", built, "--today", TODAY)
    assert outcome.exit_code == 0, outcome.output
    lines = outcome.stdout.splitlines()
    assert lines[0] == (f"{built / 'site'} is up to date: nothing changed since the last build "
                        f"(11 pages, {len(site) - 1} files).")  # the manifest is not counted
    assert "  warnings:   none" in lines and "  data as of: 2026-11-16" in lines
    assert stamps(built / "site") == site
    assert stamps(built / "content/data/history") == history


def test_page_text_edit_is_patched_into_the_same_bytes_as_a_full_build(invoke, built: Path,
                                                                        tmp_path: Path):
    page = built / ABOUT
    page.write_text(page.read_text("utf-8") + "\nNew *tour* dates & <b>soon</b> -- \"live\".\n",
                    "utf-8")
    before = tree(built / "site")
    outcome = invoke("build", built, "--today", TODAY)
    assert outcome.exit_code == 0, outcome.output
    assert outcome.stdout.startswith(f"Updated 1 page in {built / 'site'} in ")
    assert f"only {ABOUT} changed" in outcome.stdout
    after = tree(built / "site")
    changed = {name for name in after if after[name] != before.get(name)}
    assert changed - {".mediakit-manifest.json"} == {"about.html"}
    html = after["about.html"].decode()
    # Markdown rendered as the full build does: emphasis, typographer quotes, raw HTML escaped.
    assert "New <em>tour</em> dates &amp; &lt;b&gt;soon&lt;/b&gt; – “live”." in html
    reference = full_build_of(built, tmp_path)
    reference.pop(".mediakit-manifest.json"), after.pop(".mediakit-manifest.json")
    assert after == reference


def test_patches_build_on_each_other(invoke, kit: Path, tmp_path: Path):
    page = kit / ABOUT
    for line in ("First added line.", "Second added line."):
        page.write_text(page.read_text("utf-8") + f"\n{line}\n", "utf-8")
        outcome = invoke("build", kit, "--today", SMALL_TODAY)
        assert outcome.stdout.startswith("Updated 1 page"), outcome.output
    assert "is up to date" in invoke("build", kit, "--today", SMALL_TODAY).stdout
    copy = tmp_path / "reference"
    shutil.copytree(kit / "content", copy / "content")
    build_module.build(copy, today=build_module.date.fromisoformat(SMALL_TODAY))
    visible = {k: v for k, v in tree(kit / "site").items() if not k.startswith(".")}
    assert visible == {k: v for k, v in tree(copy / "site").items() if not k.startswith(".")}
    assert "Second added line." in visible["about.html"].decode()


def test_a_new_title_rebuilds_every_page(invoke, kit: Path):
    page = kit / ABOUT
    page.write_text(page.read_text("utf-8").replace("# About Test", "# Meet Test", 1), "utf-8")
    assert not skips(kit)
    outcome = invoke("build", kit, "--today", SMALL_TODAY)
    assert outcome.stdout.startswith("Built "), outcome.output
    assert "Meet Test" in (kit / "site/index.html").read_text("utf-8")  # the navigation


@pytest.mark.parametrize("edit", ["profile", "new page", "removed page", "export", "template"])
def test_any_other_change_means_a_full_build(kit: Path, edit: str):
    content = kit / "content"
    if edit == "profile":
        profile = content / "profile.yaml"
        profile.write_text(profile.read_text("utf-8") + "\n# a comment\n", "utf-8")
    elif edit == "new page":
        (content / "pages/tour.md").write_text("# Tour\n\nDates soon.\n", "utf-8")
    elif edit == "removed page":
        (content / "pages/press.md").unlink()
    elif edit == "export":
        export = content / "data/tiktok/Overview.csv"
        export.write_bytes(export.read_bytes() + b"\n")
    else:
        (kit / "templates").mkdir()
        (kit / "templates/404.html").write_text("Lost.\n", "utf-8")
    site = tree(kit / "site")
    assert not skips(kit)
    assert tree(kit / "site") == site  # deciding to build touched nothing


def test_mediakits_own_code_or_options_changing_means_a_full_build(kit: Path, monkeypatch):
    assert skips(kit)
    assert not skips(kit, pdf=True)
    assert not skips(kit, as_of_option=build_module.date(2026, 3, 9))
    monkeypatch.setattr(record, "LIBRARIES", (*record.LIBRARIES, "click"))  # a new version
    assert not skips(kit)


def test_a_hand_edited_or_deleted_site_file_is_built_again(invoke, kit: Path):
    original = tree(kit / "site")
    (kit / "site/index.html").write_text("<p>edited by hand</p>", "utf-8")
    assert not skips(kit)
    (kit / "site/index.html").write_bytes(original["index.html"])
    (kit / "site/stats.json").unlink()
    assert not skips(kit)
    outcome = invoke("build", kit, "--today", SMALL_TODAY)
    assert outcome.stdout.startswith("Built "), outcome.output
    assert tree(kit / "site") == original


def test_a_damaged_record_means_a_full_build(kit: Path):
    record_file = record.record_path(Project(kit).cache_dir, kit / "site")
    assert json.loads(record_file.read_text("utf-8"))["format"] == record.FORMAT
    for damage in ('{"format": 1, "inputs": [', '{"format": 1}', "[]", "\x00\xff"):
        record_file.write_text(damage, "utf-8")
        assert not skips(kit)


def test_a_site_copied_back_in_place_is_not_trusted(kit: Path, tmp_path: Path):
    """Same bytes, same path, same modification times, but not the folder the build wrote (a
    project handed over with its cache): its record cannot vouch for it."""
    assert skips(kit)
    shutil.copytree(kit / "site", tmp_path / "moved", copy_function=shutil.copy2)
    shutil.rmtree(kit / "site")
    shutil.copytree(tmp_path / "moved", kit / "site", copy_function=shutil.copy2)
    assert not skips(kit)


def test_a_record_naming_files_outside_the_site_is_ignored(kit: Path):
    record_file = record.record_path(Project(kit).cache_dir, kit / "site")
    body = json.loads(record_file.read_text("utf-8"))
    body["shells"][ABOUT]["output"] = "../content/profile.yaml"
    record_file.write_text(json.dumps(body), "utf-8")
    profile = (kit / "content/profile.yaml").read_bytes()
    page = kit / ABOUT
    page.write_text(page.read_text("utf-8") + "\nMore.\n", "utf-8")
    assert not skips(kit)
    assert (kit / "content/profile.yaml").read_bytes() == profile


def test_stale_data_is_still_told_and_strict_still_refuses(invoke, kit: Path):
    late = "2026-05-24"  # 75 days after the small creator's last day of data, 2026-03-10
    outcome = invoke("build", kit, "--today", late)
    assert outcome.exit_code == 0, outcome.output
    assert "is up to date" in outcome.stdout
    assert "the newest data is from 2026-03-10, 75 days ago" in outcome.stderr
    strict = invoke("build", kit, "--today", late, "--strict")
    assert strict.exit_code == 1
    assert "--strict is on, so the site was not written" in strict.stderr


def test_force_runs_every_stage(invoke, kit: Path):
    outcome = invoke("build", kit, "--today", SMALL_TODAY, "--force")
    assert outcome.stdout.startswith("Built "), outcome.output


def test_the_creators_own_theme_turns_page_patching_off(invoke, kit: Path):
    """A theme of the creator's may show a page's text anywhere (a word count, an excerpt)."""
    (kit / "templates").mkdir()
    (kit / "templates/page.html").write_text(
        '{% extends "base.html" %}{% block body %}<main id="main">{{ page.html | safe }}'
        "<p>{{ page.html | striptags | wordcount }} words</p></main>{% endblock %}\n", "utf-8")
    assert invoke("build", kit, "--today", SMALL_TODAY).stdout.startswith("Built ")
    page = kit / ABOUT
    page.write_text(page.read_text("utf-8") + "\nThree more words.\n", "utf-8")
    assert not skips(kit)
    outcome = invoke("build", kit, "--today", SMALL_TODAY)
    assert outcome.stdout.startswith("Built "), outcome.output
    # "About Test" + "I film small things." + "Three more words." = 2 + 4 + 3 words
    assert "<p>9 words</p>" in (kit / "site/about.html").read_text("utf-8")


def test_a_page_that_is_no_longer_utf8_gets_the_full_builds_error(invoke, kit: Path):
    (kit / ABOUT).write_bytes("# About Test\n\nCaf\xe9\n".encode("latin-1"))
    outcome = invoke("build", kit, "--today", SMALL_TODAY)
    assert outcome.exit_code == 2
    assert "about.md" in outcome.stderr and "is not UTF-8 text" in outcome.stderr


def test_a_page_edited_while_the_build_runs_leaves_no_record(small: Path, monkeypatch):
    real = build_module.render_project
    (small / "content/pages").mkdir()
    page = small / ABOUT
    page.write_text("# About\n\nHello.\n", "utf-8")

    def render_while_typing(*args, **kwargs):
        rendered = real(*args, **kwargs)
        page.write_text(page.read_text("utf-8") + "\nTyped during the build.\n", "utf-8")
        return rendered

    monkeypatch.setattr(build_module, "render_project", render_while_typing)
    build_module.build(small, today=build_module.date.fromisoformat(SMALL_TODAY))
    assert not record.record_path(Project(small).cache_dir, small / "site").exists()
    assert not skips(small)


def test_installed_versions_name_the_libraries_that_shape_the_site():
    import pandas

    assert f"pandas-{pandas.__version__}" in record.installed_versions()


def test_unchanged_copies_of_the_theme_keep_page_patching(invoke, kit: Path):
    """The mediakit repository's own demo has templates/ (it *is* the theme); a creator may copy
    a template without changing it yet. Neither is a theme of their own."""
    from mediakit.project.paths import theme_folder

    (kit / "templates/kit").mkdir(parents=True)
    for name in ("page.html", "base.html", "kit/hero.html"):
        shutil.copyfile(theme_folder() / name, kit / "templates" / name)
    assert invoke("build", kit, "--today", SMALL_TODAY).stdout.startswith("Built ")
    page = kit / ABOUT
    page.write_text(page.read_text("utf-8") + "\nStill patched.\n", "utf-8")
    outcome = invoke("build", kit, "--today", SMALL_TODAY)
    assert outcome.stdout.startswith("Updated 1 page"), outcome.output
    assert "Still patched." in (kit / "site/about.html").read_text("utf-8")
    # ... until one of them is changed: then it is the creator's theme
    base = kit / "templates/base.html"
    base.write_text(base.read_text("utf-8").replace("</footer>", "<p>Mine.</p></footer>"), "utf-8")
    assert invoke("build", kit, "--today", SMALL_TODAY).stdout.startswith("Built ")
    page.write_text(page.read_text("utf-8") + "\nNow a full build.\n", "utf-8")
    assert invoke("build", kit, "--today", SMALL_TODAY).stdout.startswith("Built ")
