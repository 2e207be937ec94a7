"""Skip the work of a rebuild whose inputs did not change (or changed only in a page's text).

A full build imports pandas and Altair, reads every export and draws every chart: seconds. A
creator who runs ``mediakit build`` twice, or fixes a typo in content/pages/about.md, should wait
a blink. So the next ``mediakit build`` compares the build record (``record``) with the project
before it imports anything heavy:

- nothing changed and site/ still holds exactly what was published: done (no file is touched);
- only the text of Markdown pages changed (same files, same titles, mediakit's own theme): those
  pages are re-rendered into the page shell the record kept (the page's HTML around its Markdown
  body), and published with every other file as it is;
- anything else, or any doubt: the full build.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from mediakit.analytics.stale import freshness
from mediakit.publish.manifest import MANIFEST
from mediakit.publish.record import (
    environment,
    hash_bytes,
    identity,
    inputs,
    options,
    published,
    read_record,
    record_path,
    write_json,
)
from mediakit.publish.safety import user_folder


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
    notes: list[str] = field(default_factory=list)  # "demo data" instead of the stale warning


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
        return _try_skip(Path(project_root), user_folder(out_dir), Path(cache_dir), as_of_option,
                         pdf, strict, today or date.today(), started)
    except (OSError, ValueError, KeyError, TypeError, UnicodeDecodeError):
        return None


#: content/ folders only the pages read (mediakit.build.PAGE_FOLDERS, which a test keeps equal).
PAGE_FOLDERS = ("pages", "pitches", "case-studies")


def charts_unchanged(project_root: Path, out_dir: Path, cache_dir: Path, *,
                     as_of_option: date | None, pdf: bool) -> bool:
    """Whether a build would take every chart from the cache: the last build's record shows the
    same options, mediakit and libraries, and no file of content/ outside the pages folders
    changed since (charts are made of the profile and the data only). ``mediakit build`` starts
    no drawing processes then. Any doubt (no record, no chart cache, a damaged one) is False."""
    try:
        body = read_record(record_path(cache_dir, user_folder(out_dir)))
        if body is None or not (cache_dir / "charts").is_dir():
            return False
        if body["options"] != options(as_of_option, pdf) or body["environment"] != environment(pdf):
            return False
        read, recorded = inputs(project_root), body["inputs"]
    except (OSError, ValueError, KeyError, TypeError, UnicodeDecodeError):
        return False
    pages = tuple(f"content/{folder}/" for folder in PAGE_FOLDERS)
    return not any(read.get(name) != recorded.get(name) for name in set(read) | set(recorded)
                   if name.startswith("content/") and not name.startswith(pages))


def _try_skip(project_root: Path, out_dir: Path, cache_dir: Path, as_of_option: date | None,
              pdf: bool, strict: bool, today: date, started: float) -> Skipped | None:
    path = record_path(cache_dir, out_dir)
    body = read_record(path)
    if body is None or body["options"] != options(as_of_option, pdf):
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
    if any(name in text for name in changed for text in body["warnings"]):
        return None  # a warning about a page that changed: the full build says it anew
    as_of = date.fromisoformat(body["as_of"])
    stale, notes = freshness(as_of, today, demo=body.get("demo") is True)
    warnings = [*body["warnings"], *stale]
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
        if hash_bytes(data) != digest:
            return None  # edited or removed by hand: build it again
        current[name] = data
    skipped = Skipped(out_dir, as_of, warnings, files=int(body["files"]),
                      pages=int(body["pages"]), patched=changed, notes=notes)
    if changed:
        files = _patched(project_root, changed, shells, current, read)
        if files is None:
            return None
        from mediakit.publish.output import publish

        publish(files, out_dir, project_dir=project_root)
        body["inputs"] = read
        fresh = published(out_dir, files)
        if fresh is None:
            path.unlink(missing_ok=True)
        else:
            body["site"], body["identity"] = fresh, identity(out_dir)
            write_json(path, body)
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
    from mediakit.site.pagetext import markdown, page_title

    md = markdown()
    files = {name: data for name, data in current.items() if name != MANIFEST}
    for name in changed:
        shell = shells[name]
        data = (project_root / name).read_bytes()
        if len(data) > MAX_MARKDOWN_BYTES or hash_bytes(data) != read[name]:
            return None  # a link hashes as "link:..." and never matches its target's bytes
        text = data.decode("utf-8")  # not UTF-8: the full build says so
        stem = name.rpartition("/")[2][:-3]
        body = md.render(text)
        if page_title(text, stem) != shell["title"] or not body:
            return None
        files[shell["output"]] = (shell["before"] + body + shell["after"]).encode("utf-8")
    return files
