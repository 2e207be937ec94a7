"""The manifest: which files in the output folder mediakit wrote, so it never touches the others.

Every publish writes ``.mediakit-manifest.json`` listing its files. The next publish replaces or
removes only those; every other file (a ``CNAME``, a ``.git`` checkout, the creator's notes) is
the user's. A folder without a manifest is taken over only when it holds nothing but what a fresh
GitHub Pages clone holds (:data:`KEEPABLE`).
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Mapping
from pathlib import Path

from mediakit.errors import OutputError

MANIFEST = ".mediakit-manifest.json"
MANIFEST_FORMAT = 1
#: Entries a fresh clone of a GitHub Pages repository may hold; see ``output.check_out_dir``.
KEEPABLE = frozenset({"CNAME", ".git", ".nojekyll", "README.md"})

_NOT_OURS_HINT = "choose an empty folder with --out, or remove them yourself"
_DAMAGED_HINT = "delete the folder yourself, or choose another folder with --out"


def path_problem(rel: object) -> str | None:
    """What is wrong with a site-relative output path, or None when it is well formed."""
    if not isinstance(rel, str) or not rel:
        return "is empty or not text"
    if "\\" in rel or "\x00" in rel:
        return "contains a backslash or a NUL character"
    if rel.startswith("/"):
        return "is absolute"
    parts = rel.split("/")
    if "" in parts:
        return "has an empty segment"
    if ".." in parts or "." in parts:
        return "has a '.' or '..' segment"
    if rel == MANIFEST:
        return "is the name of mediakit's manifest"
    return None


def owned_files(real: Path, shown: Path) -> frozenset[str]:
    """The files the previous publish wrote; raise OutputError when the folder is not ours."""
    try:
        entries = os.listdir(real)
    except FileNotFoundError:
        return frozenset()
    if MANIFEST in entries:
        owned = read_manifest(real / MANIFEST)
        if owned is None:
            raise OutputError(
                "mediakit's manifest is damaged, so mediakit cannot tell its files from yours",
                file=Path(shown) / MANIFEST,
                hint=_DAMAGED_HINT,
            )
        return owned
    foreign = sorted(set(entries) - KEEPABLE)
    if foreign:
        raise OutputError(
            f"already has files mediakit did not write, such as {foreign[0]!r}",
            file=f"{Path(shown)}/",
            hint=_NOT_OURS_HINT,
        )
    return frozenset()


def read_manifest(path: Path) -> frozenset[str] | None:
    """The manifest's file list, or None when it is missing, not a plain file or malformed."""
    try:
        if not stat.S_ISREG(os.lstat(path).st_mode):
            return None
        data = json.loads(path.read_bytes().decode("utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("format") != MANIFEST_FORMAT:
        return None
    listed = data.get("files")
    if not isinstance(listed, list) or any(path_problem(rel) for rel in listed):
        return None
    return frozenset(listed)


def manifest_bytes(files: Mapping[str, bytes]) -> bytes:
    """The manifest a publish of `files` writes."""
    body = {"files": sorted(files), "format": MANIFEST_FORMAT}
    return (json.dumps(body, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode()
