"""The build record: what a successful build read, ran with and published, bound to its site.

Every successful build leaves a record so the next ``mediakit build`` can tell, before it imports
anything heavy, whether anything changed (``fastpath`` decides what to do with it). The record
holds a hash of each file the build read (content/ and the project's templates/), one hash of
mediakit's own code and theme, the versions of the libraries that shape the output and the Python
version, the options that change the output, a hash of each file it published, the numbers the
terminal summary needs, and for each Markdown page its *shell* (the page's HTML around its Markdown
body). Today's date is not an input: the freshness warning is computed again from the recorded
"data as of".

The record is JSON, never pickle: a project folder copied from someone else must not be able to run
code through its cache. It lives in the chart cache folder (``.mediakit-cache/`` or
``MEDIAKIT_CACHE_DIR``), one file per output folder, and is believed only for the very folder it
was written for (:func:`identity`).
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path

from mediakit import __version__
from mediakit.project.layout import HISTORY_DIR
from mediakit.publish.manifest import MANIFEST
from mediakit.publish.safety import user_folder

FORMAT = 1
RECORDS = "builds"
PAGES_DIR = "content/pages"

#: Libraries whose version can change the bytes of the site (drawing, formatting, parsing).
LIBRARIES = (
    "altair", "vl-convert-python", "vega-datasets", "pandas", "numpy", "jinja2", "markdown-it-py",
    "markupsafe", "pydantic", "babel", "pyyaml", "openpyxl", "defusedxml", "weasyprint",
)


# -- what goes in --------------------------------------------------------------------------------


def hash_bytes(data: bytes) -> str:
    """The SHA-256 of `data`, in hex: how the record names every file's content."""
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
    return hash_bytes(path.read_bytes())


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
    key = hash_bytes(str(user_folder(out_dir).resolve()).encode())[:24]
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
    demo: bool = False,
) -> dict[str, str] | None:
    """Remember a build that just published ``files``.

    ``read_before`` is ``inputs()`` taken before the build read anything; ``warnings`` are the
    build's warnings without the freshness one (that depends on the day, not on the inputs);
    ``demo`` says the profile is the demo creator's, so a skipped build notes demo data instead.
    Returns the inputs as they are now, or None when one changed while the build ran (the site
    may hold either version: no record then). A record that cannot be written is no error.
    """
    out_dir = user_folder(out_dir)
    path = record_path(cache_dir, out_dir)
    try:
        read_after = inputs(project_root)
    except OSError:
        return None
    saved = f"content/{HISTORY_DIR.as_posix()}/"
    moved = {name for name in set(read_before) | set(read_after)
             if read_before.get(name) != read_after.get(name) and not name.startswith(saved)}
    try:
        site = None if moved else published(Path(out_dir), files)
        if site is None:
            path.unlink(missing_ok=True)
        else:
            write_json(path, {
                "format": FORMAT,
                "identity": identity(Path(out_dir)),
                "environment": environment(pdf),
                "options": options(as_of_option, pdf),
                "inputs": read_after,
                "site": site,
                "as_of": as_of.isoformat(),
                "warnings": list(warnings),
                "demo": demo,
                "pages": sum(1 for name in files if name.endswith(".html")),
                "files": len(files),
                "shells": {} if pdf else _shells(project_root, read_after, files),
            })
    except (OSError, UnicodeDecodeError):
        pass
    return None if moved else read_after


def options(as_of_option: date | None, pdf: bool) -> dict[str, object]:
    """The build options that change the output, as the record keeps them."""
    return {"as_of": as_of_option.isoformat() if as_of_option else None, "pdf": pdf}


def published(out_dir: Path, files: Mapping[str, bytes]) -> dict[str, str] | None:
    """Hash of each published file as it is on disk now (with the output manifest), or None when
    one is not what the build wrote."""
    site = {name: hash_bytes(data) for name, data in files.items()}
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
        if file_name.startswith(("_", ".")):
            continue  # a draft is never published, so it has no shell to patch
        data = (project_root / name).read_bytes()
        if hash_bytes(data) != digest:
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


def write_json(path: Path, body: dict) -> None:
    """Write the record whole or not at all (a record that cannot be written is no error)."""
    from mediakit.site.cachefile import store

    store(path, json.dumps(body, sort_keys=True, ensure_ascii=False).encode("utf-8"))


def read_record(path: Path) -> dict | None:
    """The record at `path`, or None when it is missing, unreadable or of another format."""
    try:
        body = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(body, dict) or body.get("format") != FORMAT:
        return None
    return body
