"""Compiled templates kept between builds, in the user's own cache folder.

Compiling the theme is a tenth of a build, in every process, for templates that rarely change.
Jinja's bytecode cache keeps the compiled code, checked against the template's source on every
load. It is executable code, so it never lives in the project (a project folder copied from
someone else must not run code): it lives in ``$XDG_CACHE_HOME/mediakit/templates`` (by default
``~/.cache/mediakit/templates``), used only when that folder belongs to this user and no one
else can write to it. Anything doubtful means no cache, never an error.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

from jinja2 import FileSystemBytecodeCache

ENV_VARIABLE = "MEDIAKIT_TEMPLATE_CACHE"  # "off" turns the cache off; a path moves it


def bytecode_cache(settings: str) -> FileSystemBytecodeCache | None:
    """A cache for templates compiled with ``settings`` (the Environment's options: code
    compiled with other options is another file), or None when no safe folder is at hand."""
    chosen = os.environ.get(ENV_VARIABLE, "")
    if chosen.lower() == "off":
        return None
    folder = Path(chosen) if chosen else _default_folder()
    if folder is None or not _private(folder):
        return None
    tag = hashlib.sha256(settings.encode()).hexdigest()[:12]
    return FileSystemBytecodeCache(str(folder), pattern=f"mediakit-{tag}-%s.cache")


def _default_folder() -> Path | None:
    base = os.environ.get("XDG_CACHE_HOME") or (
        str(Path.home() / ".cache") if Path.home() != Path("/") else "")
    return Path(base) / "mediakit" / "templates" if base else None


def _private(folder: Path) -> bool:
    """Create the folder (0700) when missing; True only for a real folder of this user's that
    no one else can write to."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = folder.lstat()
    except OSError:
        return False
    if not stat.S_ISDIR(info.st_mode) or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return False
    return not hasattr(os, "getuid") or info.st_uid == os.getuid()
