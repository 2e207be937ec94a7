"""Refuse an output folder or an output path that mediakit must never write to.

``--out`` is the user's choice, and the renderer (or a theme plugin) names the files: a typo in
one or a bug in the other must not let a publish take over the home folder or the project, or
write outside the site. Both are checked before anything is written.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from mediakit.errors import OutputError
from mediakit.publish.manifest import path_problem


def check_paths(files: Mapping[str, bytes]) -> None:
    """Refuse malformed paths from the renderer: a bug there must not write outside the site."""
    for rel, data in files.items():
        problem = path_problem(rel)
        if problem is None and not isinstance(data, bytes | bytearray):
            problem = "has content that is not bytes"
        if problem:
            raise OutputError(
                f"output path {rel!r} {problem}",
                field="files",
                hint="this is a bug in mediakit or a theme plugin; please report it",
            )
    for rel in files:
        parent = rel.rpartition("/")[0]
        while parent:
            if parent in files:
                raise OutputError(
                    f"output path {parent!r} is both a file and the folder of {rel!r}",
                    field="files",
                    hint="this is a bug in mediakit or a theme plugin; please report it",
                )
            parent = parent.rpartition("/")[0]


def user_folder(out_dir: Path | str) -> Path:
    """The folder ``--out`` names, with ``\\`` read as a folder separator on every system.

    Windows reads ``site\\public`` as ``site/public``; Linux and macOS would make one folder
    named ``site\\public``. A command copied from a Windows guide or CI file must publish to
    the same place everywhere, as the profile's paths already do (``project.paths.inside``).
    """
    text = os.fspath(out_dir)
    return Path(text.replace("\\", "/")) if os.sep == "/" and "\\" in text else Path(text)


def _within(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def check_location(out_dir: Path, project_dir: Path) -> Path:
    """Return out_dir's real (symlink-free) path, or raise OutputError when it is unsafe."""
    out_dir = user_folder(out_dir)
    real = Path(os.path.realpath(out_dir))
    lexical = Path(os.path.abspath(out_dir))
    project = Path(os.path.realpath(project_dir))
    try:
        home: Path | None = Path(os.path.realpath(Path.home()))
    except RuntimeError:  # no HOME and no password entry
        home = None

    def refuse(message: str, hint: str = "choose a folder such as site/ with --out") -> None:
        raise OutputError(message, file=out_dir, hint=hint)

    if real == Path(real.anchor):
        refuse("is the root of the file system")
    if home is not None and _within(home, real):
        refuse("is your home folder or contains it")
    if _within(project, real):
        refuse("is the project folder or contains it")
    if _within(real, project / "content"):
        refuse("is inside content/, where your own files live")
    inside_by_name = _within(lexical, Path(os.path.abspath(project_dir))) or _within(
        lexical, project
    )
    if inside_by_name and not _within(real, project):
        refuse(f"leads through a symlink to {real}, outside the project", "remove the symlink")
    if os.path.lexists(real) and not real.is_dir():
        refuse("is a file, not a folder", "remove the file or choose another folder with --out")
    return real
