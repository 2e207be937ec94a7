"""``mediakit init``: a new project that builds, with every file a creator needs explained.

The files live in ``project/`` beside this module, written exactly as they land in the new
project, except that a leading ``dot-`` stands for ``.`` (``dot-gitignore`` -> ``.gitignore``):
packaging tools skip hidden files. Nothing that already exists is ever overwritten, so ``init``
is safe to run again in a project that has some of the files.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path, PurePosixPath

from mediakit.errors import MediakitError
from mediakit.project.paths import package_folder

#: Folders of the demo creator that are produced by a build, not written by the creator.
DEMO_SKIPPED = ("data/history",)


@dataclass
class InitResult:
    """Which files ``init`` wrote and which it left alone because they already existed."""

    root: Path
    created: list[str] = field(default_factory=list)  # POSIX paths relative to root
    skipped: list[str] = field(default_factory=list)


def init_project(target: Path, *, demo: bool = False) -> InitResult:
    """Write the starter project (and, with ``demo``, the demo creator) into ``target``."""
    target = Path(target)
    if target.exists() and not target.is_dir():
        raise MediakitError("is a file, not a folder", file=target,
                            hint="choose a new folder name: mediakit init my-kit")
    files: dict[str, bytes] = {}
    if demo:
        files.update(demo_files())
    for relative, data in scaffold_files():
        files.setdefault(relative, data)  # the demo's own profile and pages come first
    result = InitResult(target)
    for relative in sorted(files):
        path = target / relative
        if path.exists() or path.is_symlink():
            result.skipped.append(relative)
            continue
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(path, "xb") as handle:  # "x": never replace a file that appeared meanwhile
                handle.write(files[relative])
        except FileExistsError:
            result.skipped.append(relative)
            continue
        except OSError as exc:
            raise MediakitError(f"cannot write this file ({exc.strerror or exc})", file=path,
                                hint="check the folder's permissions") from exc
        result.created.append(relative)
    return result


def scaffold_files() -> Iterator[tuple[str, bytes]]:
    """Every starter file as (path in the new project, bytes)."""
    root = resources.files(__name__) / "project"
    for relative, item in _walk(root, PurePosixPath()):
        parts = [("." + part[4:]) if part.startswith("dot-") else part for part in relative.parts]
        yield PurePosixPath(*parts).as_posix(), item.read_bytes()


Entry = tuple[PurePosixPath, Traversable]


def _walk(folder: Traversable, prefix: PurePosixPath) -> Iterator[Entry]:
    for item in sorted(folder.iterdir(), key=lambda entry: entry.name):
        if item.name.startswith(".") or item.name == "__pycache__":
            continue
        if item.is_dir():
            yield from _walk(item, prefix / item.name)
        else:
            yield prefix / item.name, item


def demo_content() -> Path | None:
    """The demo creator's content/ folder: shipped in the package, or the repository's copy."""
    shipped = package_folder("mediakit.demo", "profile.yaml")
    if shipped is not None:
        return shipped
    checkout = Path(__file__).resolve().parents[3] / "content"
    return checkout if (checkout / "profile.yaml").is_file() else None


def demo_files() -> dict[str, bytes]:
    """The demo creator's files, keyed by their path in a new project (content/...)."""
    source = demo_content()
    if source is None:
        raise MediakitError(
            "the demo creator is not included in this installation of mediakit",
            hint="run mediakit init without --demo, or reinstall mediakit",
        )
    files: dict[str, bytes] = {}
    for path in sorted(source.rglob("*")):
        relative = path.relative_to(source).as_posix()
        skipped = any(relative == s or relative.startswith(s + "/") for s in DEMO_SKIPPED)
        hidden = any(part.startswith(".") or part == "__pycache__"
                     for part in PurePosixPath(relative).parts)
        if skipped or hidden or not path.is_file() or path.suffix == ".py":
            continue
        files[f"content/{relative}"] = path.read_bytes()
    return files

