"""Skip the work of a rebuild whose inputs did not change (or changed only in a page's text).

A full build imports pandas and Altair, reads every export and draws every chart: seconds. A
creator who runs ``mediakit build`` twice, or fixes a typo in content/pages/about.md, should wait
a blink. So every successful build leaves a *record*: a hash of each file it read (content/ and
the project's templates/), of mediakit's own code and theme and the versions of the libraries that
shape the output, the options that change the output, a hash of each file it published, and the
numbers the terminal summary needs. The next ``mediakit build`` compares before it imports
anything heavy:

- nothing changed and site/ still holds exactly what was published: done (no file is touched);
- only the text of Markdown pages changed (same files, same titles, mediakit's own theme): those
  pages are re-rendered into the page shell the record kept (the page's HTML around its Markdown
  body), and published with every other file as it is;
- anything else, or any doubt: the full build.

The record is JSON, never pickle: a project folder copied from someone else must not be able to run
code through its cache. It lives in the chart cache folder (``.mediakit-cache/`` or
``MEDIAKIT_CACHE_DIR``), one file per output folder. Today's date is not an input: the freshness
warning is computed again from the recorded "data as of".
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from mediakit import __version__
from mediakit.analytics.stale import stale_warnings
from mediakit.project.layout import HISTORY_DIR

FORMAT = 1
RECORDS = "builds"
PAGES_DIR = "content/pages"

#: Libraries whose version can change the bytes of the site (drawing, formatting, parsing).
LIBRARIES = (
    "altair", "vl-convert-python", "vega-datasets", "pandas", "numpy", "jinja2", "markdown-it-py",
    "markupsafe", "pydantic", "babel", "pyyaml", "openpyxl", "defusedxml", "weasyprint",
)


@dataclass
class Skipped:
    """What the terminal says about a build that was skipped or patched."""

    out_dir: Path
    as_of: date
    warnings: list[str]
    files: int
    pages: int
    patched: list[str] = field(default_factory=list)  # content/pages/*.md re-rendered
    seconds: float = 0.0


# -- what goes in --------------------------------------------------------------------------------


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _tree(root: Path, folder: Path, skip_caches: bool = False) -> Iterable[tuple[str, Path]]:
    """(path relative to root, path) of every file and link under folder, sorted; no following."""
    if not folder.is_dir() or folder.is_symlink():
        return
    for directory, dirs, files in os.walk(folder):
        dirs.sort()
        if skip_caches:
            dirs[:] = [d for d in dirs if d != "__pycache__"]
        for name in sorted(files + [d for d in dirs if (Path(directory) / d).is_symlink()]):
            if skip_caches and name.endswith((".pyc", ".pyo")):
                continue
            path = Path(directory) / name
            yield path.relative_to(root).as_posix(), path


def _hash_file(path: Path) -> str:
    """A file's hash; a link hashes as its target's name (the build decides whether to follow)."""
    if path.is_symlink():
        return "link:" + os.readlink(path)
    return _digest(path.read_bytes())


def inputs(project_root: Path) -> dict[str, str]:
    """Hash of every file a build may read: content/ (exports, history, pages, assets) and the
    project's templates/, keyed by path relative to the project."""
    found: dict[str, str] = {}
    for name in ("content", "templates"):
        folder = project_root / name
        if folder.is_symlink():
            found[name] = "link:" + os.readlink(folder)
            continue
        for relative, path in _tree(project_root, folder):
            found[relative] = _hash_file(path)
    return found


def environment(pdf: bool) -> str:
    """One hash for everything outside the project that shapes the output: mediakit's code and
    default theme, the libraries' versions, the Python version and the options."""
    from mediakit.project.paths import theme_folder

    digest = hashlib.sha256()
    digest.update(f"{FORMAT} {__version__} {sys.version} pdf={pdf}\n".encode())
    for installed in installed_versions():
        digest.update(f"{installed}\n".encode())
    package = Path(__file__).resolve().parents[1]  # all of mediakit
    for root in (package, theme_folder().resolve()):
        for relative, path in _tree(root, root, skip_caches=True):
            digest.update(f"{root.name}/{relative} {_hash_file(path)}\n".encode())
    return digest.hexdigest()


def installed_versions() -> list[str]:
    """The installed distributions of LIBRARIES as "name-version" (their .dist-info folders).

    Read from the folder names on sys.path: importlib.metadata would cost more than the rest of a
    skipped build (it parses every distribution's metadata).
    """
    wanted = {_normalized(name) for name in LIBRARIES}
    found: list[str] = []
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for name in sorted(names):
            if name.endswith(".dist-info") and _normalized(name.partition("-")[0]) in wanted:
                found.append(name.removesuffix(".dist-info"))
    return found


def _normalized(name: str) -> str:
    return name.lower().replace("-", "_").replace(".", "_")


def record_path(cache_dir: Path, out_dir: Path) -> Path:
    """Where the record for one output folder lives (several projects may share a cache)."""
    key = _digest(str(Path(out_dir).resolve()).encode())[:24]
    return Path(cache_dir) / RECORDS / f"{key}.json"


# -- the record ----------------------------------------------------------------------------------


def write_record(
    cache_dir: Path,
    out_dir: Path,
    *,
    project_root: Path,
    read_before: Mapping[str, str],
    as_of_option: date | None,
    pdf: bool,
    as_of: date,
    warnings: list[str],
    files: Mapping[str, bytes],
) -> dict[str, str] | None:
    """Remember a build that just published ``files``.

    ``read_before`` is ``inputs()`` taken before the build read anything; ``warnings`` are the
    build's warnings without the freshness one (that depends on the day, not on the inputs).
    Returns the inputs as they are now, or None when one changed while the build ran (the site
    may hold either version: no record then). A record that cannot be written is no error.
    """
    path = record_path(cache_dir, out_dir)
    try:
        read_after = inputs(project_root)
    except OSError:
        return None
    saved = f"content/{HISTORY_DIR.as_posix()}/"
    moved = {name for name in set(read_before) | set(read_after)
             if read_before.get(name) != read_after.get(name) and not name.startswith(saved)}
    try:
        site = None if moved else _published(Path(out_dir), files)
        if site is None:
            path.unlink(missing_ok=True)
        else:
            _write_json(path, {
                "format": FORMAT,
                "identity": identity(Path(out_dir)),
                "environment": environment(pdf),
                "options": _options(as_of_option, pdf),
                "inputs": read_after,
                "site": site,
                "as_of": as_of.isoformat(),
                "warnings": list(warnings),
                "pages": sum(1 for name in files if name.endswith(".html")),
                "files": len(files),
                "shells": {} if pdf else _shells(project_root, read_after, files),
            })
    except (OSError, UnicodeDecodeError):
        pass
    return None if moved else read_after


def _options(as_of_option: date | None, pdf: bool) -> dict[str, object]:
    return {"as_of": as_of_option.isoformat() if as_of_option else None, "pdf": pdf}


def _published(out_dir: Path, files: Mapping[str, bytes]) -> dict[str, str] | None:
    """Hash of each published file as it is on disk now (with the output manifest), or None when
    one is not what the build wrote."""
    from mediakit.publish.output import MANIFEST

    site = {name: _digest(data) for name, data in files.items()}
    for name, digest in site.items():
        if _hash_file(out_dir / name) != digest:
            return None
    site[MANIFEST] = _hash_file(out_dir / MANIFEST)
    return site


def identity(out_dir: Path) -> list[int]:
    """Device, inode, size and change time of the site's manifest as this build left it.

    A record is only believed for the very folder it was written for: a project copied, cloned
    or unpacked elsewhere (records included) has new inodes, so a forged record and site/ sent
    along with someone's project can never stand in for building it.
    """
    from mediakit.publish.output import MANIFEST

    info = (out_dir / MANIFEST).lstat()
    return [info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns]


def _shells(project_root: Path, read: Mapping[str, str], files: Mapping[str, bytes]
            ) -> dict[str, dict[str, str]]:
    """For each Markdown page: its HTML before and after its rendered body, when that body is in
    its own page exactly once and nowhere else, and the theme is mediakit's own (a theme of the
    creator's could use a page's text anywhere)."""
    if not _own_theme(read):
        return {}
    from mediakit.site.pagetext import markdown, page_slug, page_title

    md = markdown()
    others = {name: data.decode("utf-8", "replace") for name, data in files.items()
              if name.endswith(".html")}
    shells: dict[str, dict[str, str]] = {}
    for name, digest in read.items():
        parent, _, file_name = name.rpartition("/")
        if parent != PAGES_DIR or not file_name.endswith(".md"):
            continue
        data = (project_root / name).read_bytes()
        if _digest(data) != digest:
            continue
        stem = file_name[:-3]
        text = data.decode("utf-8")
        body, output = md.render(text), f"{page_slug(stem)}.html"
        page = others.get(output)
        if not body or page is None or page.count(body) != 1:
            continue
        if any(body in html for other, html in others.items() if other != output):
            continue
        before, _, after = page.partition(body)
        shells[name] = {"output": output, "title": page_title(text, stem),
                        "before": before, "after": after}
    return shells


def _own_theme(read: Mapping[str, str]) -> bool:
    """Whether the project's templates/ (if any) holds only unchanged copies of mediakit's own
    theme: true of the mediakit repository itself, whose templates/ *is* the theme."""
    from mediakit.project.paths import theme_folder

    theme = theme_folder().resolve()
    for name, digest in read.items():
        if name.startswith("templates/"):
            copy = theme / name.removeprefix("templates/")
            if not copy.is_file() or copy.is_symlink() or _hash_file(copy) != digest:
                return False
    return True


def _write_json(path: Path, body: dict) -> None:
    """Write the record whole or not at all (a record that cannot be written is no error)."""
    from mediakit.site.cachefile import store

    store(path, json.dumps(body, sort_keys=True, ensure_ascii=False).encode("utf-8"))


def _read_record(path: Path) -> dict | None:
    try:
        body = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(body, dict) or body.get("format") != FORMAT:
        return None
    return body


# -- the next build ------------------------------------------------------------------------------


def try_skip(
    project_root: Path,
    out_dir: Path,
    cache_dir: Path,
    *,
    as_of_option: date | None = None,
    pdf: bool = False,
    strict: bool = False,
    today: date | None = None,
) -> Skipped | None:
    """Finish the build without the pipeline when the record allows it; None means "build".

    Never raises for a damaged record, a changed file or a site edited by hand: any doubt is a
    full build, which reports problems in its own words.
    """
    started = time.perf_counter()
    try:
        return _try_skip(Path(project_root), Path(out_dir), Path(cache_dir), as_of_option, pdf,
                         strict, today or date.today(), started)
    except (OSError, ValueError, KeyError, TypeError, UnicodeDecodeError):
        return None


def _try_skip(project_root: Path, out_dir: Path, cache_dir: Path, as_of_option: date | None,
              pdf: bool, strict: bool, today: date, started: float) -> Skipped | None:
    path = record_path(cache_dir, out_dir)
    body = _read_record(path)
    if body is None or body["options"] != _options(as_of_option, pdf):
        return None
    if out_dir.is_symlink() or not out_dir.is_dir() or body["identity"] != identity(out_dir):
        return None
    read = inputs(project_root)
    recorded: dict[str, str] = body["inputs"]
    changed = sorted(name for name in set(read) | set(recorded)
                     if read.get(name) != recorded.get(name))
    shells: dict[str, dict[str, str]] = body["shells"]
    if any(name not in shells or name not in read for name in changed):
        return None
    as_of = date.fromisoformat(body["as_of"])
    warnings = [*body["warnings"], *stale_warnings(as_of, today)]
    if strict and warnings:
        return None  # the full build refuses with the whole story
    if body["environment"] != environment(pdf):
        return None
    site: dict[str, str] = body["site"]
    outputs = [*site, *(shell["output"] for shell in shells.values())]
    if not all(_plain(name) for name in outputs):
        return None
    current: dict[str, bytes] = {}
    for name, digest in site.items():
        data = (out_dir / name).read_bytes() if not (out_dir / name).is_symlink() else b""
        if _digest(data) != digest:
            return None  # edited or removed by hand: build it again
        current[name] = data
    skipped = Skipped(out_dir, as_of, warnings, files=int(body["files"]),
                      pages=int(body["pages"]), patched=changed)
    if changed:
        files = _patched(project_root, changed, shells, current, read)
        if files is None:
            return None
        from mediakit.publish.output import publish

        publish(files, out_dir, project_dir=project_root)
        body["inputs"] = read
        fresh = _published(out_dir, files)
        if fresh is None:
            path.unlink(missing_ok=True)
        else:
            body["site"], body["identity"] = fresh, identity(out_dir)
            _write_json(path, body)
    skipped.seconds = time.perf_counter() - started
    return skipped


def _plain(name: str) -> bool:
    """A path inside the site: relative, no "..", no backslash (a record is data, not trust)."""
    parts = name.split("/")
    return bool(name) and not name.startswith("/") and "\\" not in name and all(
        part not in ("", ".", "..") for part in parts)


def _patched(project_root: Path, changed: list[str], shells: dict[str, dict[str, str]],
             current: dict[str, bytes], read: Mapping[str, str]) -> dict[str, bytes] | None:
    """The site with the changed pages re-rendered into their shells; None when a page's title
    changed (every page's navigation shows it), its text is not a page mediakit would accept,
    or it changed again since ``read`` hashed it (the record must say what was rendered)."""
    from mediakit.project.limits import MAX_MARKDOWN_BYTES
    from mediakit.publish.output import MANIFEST
    from mediakit.site.pagetext import markdown, page_title

    md = markdown()
    files = {name: data for name, data in current.items() if name != MANIFEST}
    for name in changed:
        shell = shells[name]
        data = (project_root / name).read_bytes()
        if len(data) > MAX_MARKDOWN_BYTES or _digest(data) != read[name]:
            return None  # a link hashes as "link:..." and never matches its target's bytes
        text = data.decode("utf-8")  # not UTF-8: the full build says so
        stem = name.rpartition("/")[2][:-3]
        body = md.render(text)
        if page_title(text, stem) != shell["title"] or not body:
            return None
        files[shell["output"]] = (shell["before"] + body + shell["after"]).encode("utf-8")
    return files
