"""``mediakit import``: put downloaded exports where the build looks for them, then say what's new.

A creator's Downloads folder holds zips and CSVs with names that don't say which platform they
came from. Each file is recognised by its content: it is offered to every platform's reader (the
same code the build runs), alone in a scratch folder, and the reader that accepts it owns it. A
zip no reader accepts as a whole is opened, and the members a reader accepts are copied out.

Nothing is ever overwritten: a file already there with the same bytes is skipped, a different
file with the same name is kept beside it with a suffix (``Overview-2.csv``). The copied exports
are then merged into ``content/data/history/``; if that fails, the copies are removed again.
What is reported as new is what the history and the exports already in the project did not have.
"""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path, PurePosixPath

import pandas as pd

from mediakit import history
from mediakit.build import Project, read_exports, read_history
from mediakit.errors import MediakitError, SourceError
from mediakit.project.paths import inside
from mediakit.project.profile import Profile, load_profile
from mediakit.site.render import platform_name
from mediakit.sources import READERS
from mediakit.sources.files import DATA_SUFFIXES, UNSUPPORTED_SUFFIXES
from mediakit.tables import Account

#: A member bigger than this is not extracted from a zip to be looked at.
MAX_MEMBER_BYTES = 256 * 1024 * 1024


@dataclass(frozen=True)
class Detected:
    """Which platform's reader accepted a file, and what it found in it."""

    platform: str
    kinds: tuple[str, ...]  # e.g. ("tiktok.overview",)
    rows: int


@dataclass(frozen=True)
class Copied:
    origin: str  # where it came from, as shown to the user
    target: str  # where it went, relative to the project folder (POSIX)
    platform: str
    kinds: tuple[str, ...]
    renamed: bool = False  # a different file had the name: kept both


@dataclass
class ImportResult:
    copied: list[Copied] = field(default_factory=list)
    unchanged: list[tuple[str, str]] = field(default_factory=list)  # (origin, existing target)
    unrecognised: list[tuple[str, str]] = field(default_factory=list)  # (origin, why)
    unconfigured: list[str] = field(default_factory=list)  # platforms not in profile.yaml
    news: dict[str, list[str]] = field(default_factory=dict)  # platform -> what history gained

    @property
    def exit_code(self) -> int:
        """0 everything imported (or already there), 1 some files were not recognised."""
        return 1 if self.unrecognised else 0


@dataclass(frozen=True)
class _Candidate:
    """One file to import: its bytes, where it came from and where it would go."""

    origin: str
    relative: PurePosixPath  # path under the platform's data folder
    data: bytes
    modified: float  # seconds since the epoch, kept on the copy (TikTok dates lean on it)


def import_exports(project_dir: Path, paths: list[Path]) -> ImportResult:
    """Copy the exports found in ``paths`` into the project and merge them into its history."""
    project = Project(Path(project_dir))
    inside(project.content, "profile.yaml", file=project.profile_file)  # not a link out
    profile = load_profile(project.profile_file)
    before = history.merge(read_history(project), read_exports(project, profile))
    result = ImportResult()
    placed: list[Path] = []
    known: dict[Path, dict[str, Path]] = {}  # data folder -> {sha256 of a file there: the file}
    for path in paths:
        for candidate, detected in _recognised(Path(path), project, result):
            folder = _platform_folder(project, profile, detected.platform)
            if folder not in known:
                known[folder] = _fingerprints(folder)
            if detected.platform not in profile.platforms and (
                detected.platform not in result.unconfigured
            ):
                result.unconfigured.append(detected.platform)
            _place(candidate, detected, folder, project, result, placed, known[folder])
    if not placed:
        return result
    try:
        merged = history.merge(read_history(project), read_exports(project, profile))
        history.write(merged, project.history_dir)
    except MediakitError as error:
        for target in placed:
            target.unlink(missing_ok=True)
        raise MediakitError(
            f"nothing was imported: with the new files the exports cannot be read ({error})"
        ) from error
    result.news = news(before, merged)
    return result


def detect(path: Path) -> Detected | None:
    """The platform whose reader accepts the file at ``path`` on its own, or None."""
    candidate = _Candidate(path.name, PurePosixPath(path.name), path.read_bytes(),
                           path.stat().st_mtime)
    found, _ = _detect(candidate)
    return found


Found = Iterator[tuple[_Candidate, Detected]]


def _recognised(path: Path, project: Project, result: ImportResult) -> Found:
    """(candidate, detected) for every export under ``path``; the rest goes to unrecognised."""
    if not path.exists():
        raise MediakitError("not found", file=path, hint="check the path of the download")
    if _within(path, project.content):
        result.unrecognised.append((str(path), "already inside the project's content/ folder"))
        return
    if path.is_dir():
        for file in _files_under(path):
            relative = PurePosixPath(path.name, *file.relative_to(path).parts)
            yield from _file(file, relative, result, explicit=False)
        return
    yield from _file(path, PurePosixPath(path.name), result, explicit=True)


def _file(path: Path, relative: PurePosixPath, result: ImportResult, *, explicit: bool) -> Found:
    suffix = path.suffix.lower()
    if suffix in UNSUPPORTED_SUFFIXES:
        result.unrecognised.append((str(path), f"mediakit cannot read {suffix} files; save it "
                                               "as CSV (UTF-8) or use the file as downloaded"))
        return
    if suffix not in DATA_SUFFIXES:
        if explicit:
            result.unrecognised.append((str(path), "not an export file (.csv, .xlsx, .json "
                                                   "or .zip)"))
        return
    try:
        candidate = _Candidate(str(path), relative, path.read_bytes(), path.stat().st_mtime)
    except OSError as exc:
        raise MediakitError(f"cannot read this file ({exc.strerror or exc})", file=path) from exc
    found, why = _detect(candidate)
    if found is not None:
        yield candidate, found
        return
    if suffix == ".zip":
        members = list(_zip_members(candidate, result))
        if members:
            yield from members
            return
    result.unrecognised.append((str(path), why))


def _zip_members(zipped: _Candidate, result: ImportResult) -> Found:
    """The members of a zip that a reader accepts, each as its own candidate."""
    folder = zipped.relative.parent / PurePosixPath(zipped.relative.name).stem
    try:
        with zipfile.ZipFile(io.BytesIO(zipped.data)) as archive:
            for info in sorted(archive.infolist(), key=lambda item: item.filename):
                inner = PurePosixPath(info.filename.replace("\\", "/"))
                unsafe = inner.is_absolute() or ".." in inner.parts or ":" in info.filename
                hidden = any(part.startswith(".") or part == "__MACOSX" for part in inner.parts)
                suffix = inner.suffix.lower()
                if info.is_dir() or (hidden and not unsafe) or (
                        suffix not in DATA_SUFFIXES | UNSUPPORTED_SUFFIXES):
                    continue
                origin = f"{zipped.origin}/{inner.as_posix()}"
                if unsafe or info.file_size > MAX_MEMBER_BYTES:
                    result.unrecognised.append((origin, "unsafe or too large to extract"))
                    continue
                if suffix in UNSUPPORTED_SUFFIXES:
                    result.unrecognised.append((origin, f"mediakit cannot read {suffix} files"))
                    continue
                stamp = datetime(*info.date_time, tzinfo=UTC).timestamp()
                member = _Candidate(origin, folder / inner, archive.read(info), stamp)
                found, why = _detect(member)
                if found is None:
                    result.unrecognised.append((origin, why))
                else:
                    yield member, found
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, ValueError) as exc:
        raise SourceError("this zip file is damaged, encrypted or not really a zip",
                          file=zipped.origin, hint="download the export again") from exc


def _detect(candidate: _Candidate) -> tuple[Detected | None, str]:
    """Offer the file to every reader, alone in a scratch folder laid out as it would be."""
    accepted: list[tuple[str, Account]] = []
    reasons: list[str] = []
    with tempfile.TemporaryDirectory(prefix="mediakit-import-") as scratch:
        content = Path(scratch) / "content"
        folder = content / "probe"
        target = folder.joinpath(*candidate.relative.parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(candidate.data)
        os.utime(target, (candidate.modified, candidate.modified))
        for platform, loader in READERS.items():
            try:
                account = loader(folder, content_dir=content)
            except MediakitError as error:
                reasons.append(f"{platform_name(platform)}: {error.message}")
                continue
            if account.files:
                accepted.append((platform, account))
    if len(accepted) > 1:
        names = " and ".join(platform_name(platform) for platform, _ in accepted)
        return None, f"could be from {names}; copy it into the right data folder yourself"
    if not accepted:
        return None, "not recognised as an export (" + "; ".join(reasons) + ")"
    platform, account = accepted[0]
    kinds = tuple(sorted({source.kind for source in account.files}))
    return Detected(platform, kinds, sum(source.rows for source in account.files)), ""


def _place(candidate: _Candidate, detected: Detected, folder: Path, project: Project,
           result: ImportResult, placed: list[Path], known: dict[str, Path]) -> None:
    """Copy next to what is there, never over it; the same bytes anywhere there are enough."""
    digest = hashlib.sha256(candidate.data).hexdigest()
    if digest in known:
        result.unchanged.append((candidate.origin, _shown(known[digest], project)))
        return
    target = folder.joinpath(*candidate.relative.parts)
    renamed = False
    number = 1
    while target.exists() or target.is_symlink():
        number += 1
        renamed = True
        stem, suffix = candidate.relative.stem, candidate.relative.suffix
        target = target.with_name(f"{stem}-{number}{suffix}")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(target, "xb") as handle:
            handle.write(candidate.data)
        os.utime(target, (candidate.modified, candidate.modified))
    except OSError as exc:
        raise MediakitError(f"cannot copy the export here ({exc.strerror or exc})", file=target,
                            hint="check the folder's permissions and free disk space") from exc
    placed.append(target)
    known[digest] = target
    result.copied.append(Copied(candidate.origin, _shown(target, project), detected.platform,
                                detected.kinds, renamed))


def _platform_folder(project: Project, profile: Profile, platform: str) -> Path:
    relative = profile.platform_data_dir(platform)
    return inside(project.content, relative, file=project.profile_file,
                  field=f"platforms.{platform}.data")


def _fingerprints(folder: Path) -> dict[str, Path]:
    """sha256 -> path of every file already in a platform's data folder."""
    if not folder.is_dir():
        return {}
    found: dict[str, Path] = {}
    for path in _files_under(folder):
        try:
            found.setdefault(hashlib.sha256(path.read_bytes()).hexdigest(), path)
        except OSError:
            continue  # unreadable: the build will name it
    return found


def _files_under(folder: Path) -> list[Path]:
    """Regular files under ``folder``, sorted; hidden files and links are left alone."""
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "__MACOSX"
                         and not Path(root, d).is_symlink())
        for name in sorted(files):
            path = Path(root, name)
            if not name.startswith((".", "~$")) and not path.is_symlink():
                found.append(path)
    return found


def _within(path: Path, folder: Path) -> bool:
    real, base = path.resolve(), folder.resolve()
    return real == base or base in real.parents


def _shown(path: Path, project: Project) -> str:
    try:
        return path.resolve().relative_to(project.root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def news(old: Account, new: Account) -> dict[str, list[str]]:
    """What ``new`` knows that ``old`` did not, per platform, in words: days, posts, snapshots."""
    found: dict[str, list[str]] = {}
    for platform in new.platforms():
        items = []
        days = _new_values(old.daily, new.daily, platform, "date")
        if days:
            items.append(f"{_count(len(days), 'new day')} of daily numbers ({_span(days)})")
        posts = _new_values(old.posts, new.posts, platform, "post_id")
        if posts:
            items.append(_count(len(posts), "new post"))
        snapshots = _new_values(old.audience, new.audience, platform, "as_of")
        if snapshots:
            items.append(f"{_count(len(snapshots), 'new audience snapshot')} "
                         f"({', '.join(day.isoformat() for day in snapshots)})")
        active = _new_values(old.activity, new.activity, platform, "date")
        if active:
            items.append(f"{_count(len(active), 'new day')} of follower activity")
        found[platform] = items
    return found


def _new_values(old: pd.DataFrame, new: pd.DataFrame, platform: str, column: str) -> list:
    before = set(old.loc[old["platform"] == platform, column].dropna().tolist())
    after = set(new.loc[new["platform"] == platform, column].dropna().tolist())
    values = sorted(after - before)
    return [value.date() if isinstance(value, pd.Timestamp) else value for value in values]


def _span(days: list[date]) -> str:
    first, last = min(days), max(days)
    return first.isoformat() if first == last else f"{first.isoformat()} to {last.isoformat()}"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'s' if number != 1 else ''}"
