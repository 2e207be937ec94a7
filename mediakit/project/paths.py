"""Keep every file the build reads inside the project.

A profile, a Markdown page or a template may name a file; none may lead out of the project
(``..``, an absolute path, or a symlink pointing elsewhere): a kit is built from files other
people send, and must never publish ``~/.ssh/id_rsa`` as an "avatar".
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from mediakit.errors import UnsafePathError


def inside(base: Path, relative: str, *, file: str | Path | None = None,
           field: str | None = None, line: int | None = None) -> Path:
    """Resolve ``relative`` under ``base``; refuse anything that ends up outside ``base``."""
    pure = PurePosixPath(relative.replace("\\", "/"))
    drive = bool(pure.parts) and ":" in pure.parts[0]
    if pure.is_absolute() or relative.startswith(("/", "\\")) or drive:
        raise UnsafePathError(
            f"path {relative!r} must be relative to the project",
            file=file, line=line, field=field, hint="write it like assets/avatar.jpg",
        )
    if ".." in pure.parts:
        raise UnsafePathError(
            f"path {relative!r} leads out of the project ('..')",
            file=file, line=line, field=field, hint="copy the file into content/ and point to it",
        )
    root = base.resolve()
    target = (base / Path(*pure.parts)).resolve() if pure.parts else root
    if target != root and root not in target.parents:
        raise UnsafePathError(
            f"path {relative!r} is a link to a file outside the project",
            file=file, line=line, field=field,
            hint="copy the file into content/ instead of linking",
        )
    return target


def package_folder(package: str, marker: str) -> Path | None:
    """The folder of a data-only package (``mediakit.templates``, ``mediakit.demo``).

    These folders have no ``__init__.py`` (they are the repo's templates/ and content/, mapped
    into the package by pyproject.toml), so ``importlib.resources.files`` gives a multiplexed
    path, not a folder; the import system's search locations are real folders.
    """
    import importlib.util

    try:
        spec = importlib.util.find_spec(package)
    except ModuleNotFoundError:
        return None
    for location in (spec.submodule_search_locations or []) if spec else []:
        if (Path(location) / marker).is_file():
            return Path(location)
    return None


def theme_folder() -> Path:
    """The default theme: shipped in the package, or the repo's templates/ in a checkout."""
    shipped = package_folder("mediakit.templates", "base.html")
    return shipped or Path(__file__).resolve().parents[2] / "templates"
