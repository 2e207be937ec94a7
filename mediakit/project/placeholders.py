"""What ``mediakit init`` wrote for the creator to replace, still there: never sent to a brand.

A kit that says "Your Name" or hello@example.com is worse than no kit. Each leftover is a
warning in ``build`` and ``check`` (an error under ``--strict``), naming the file, the line and
the key. Only the scaffold's own example values count: the demo creator's fictional
``*.example`` addresses are not placeholders a creator typed.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from mediakit.project.scaffold import scaffold_files
from mediakit.project.validation_errors import Where, dotted, short
from mediakit.project.yaml_lines import parse_with_lines, read_with_lines

#: Keys whose scaffold value is a stand-in to replace (other scaffold values are fine defaults).
PLACEHOLDER_KEYS: tuple[Where, ...] = (
    ("name",), ("handle",), ("tagline",), ("bio",), ("site", "title"), ("contact", "email"),
)
#: The reserved example domains of RFC 2606 that the scaffold uses in its examples.
EXAMPLE_DOMAIN = re.compile(
    r"(?:^|[@/.])(?:example\.(?:com|org|net)|brand\.example)(?:$|[/:?#])", re.IGNORECASE)
PAGE_FOLDERS = ("pages", "pitches", "case-studies")


def unfinished(profile_file: Path, content_dir: Path,
               read: tuple[dict, dict[Where, int]] | None = None) -> list[str]:
    """One warning per example value or example file the creator has not replaced yet.

    ``read`` is the profile as ``read_with_lines`` gives it, when the caller has it already.
    """
    data, lines = read or read_with_lines(profile_file)
    example, _ = _scaffold_profile()
    warnings: list[str] = []
    for key in PLACEHOLDER_KEYS:
        value, template = _at(data, key), _at(example, key)
        if isinstance(value, str) and value.strip() and value.strip() == str(template).strip():
            warnings.append(_placeholder(profile_file, lines, key, value))
    for key, value in _strings(data, ()):
        if key not in PLACEHOLDER_KEYS and EXAMPLE_DOMAIN.search(value.strip()):
            warnings.append(_placeholder(profile_file, lines, key, value))
        elif key not in PLACEHOLDER_KEYS and value.strip() in ("Your Name", "@yourname"):
            warnings.append(_placeholder(profile_file, lines, key, value))
    warnings.extend(_example_files(content_dir))
    return warnings


def _placeholder(profile_file: Path, lines: dict[Where, int], key: Where, value: str) -> str:
    line = lines.get(key)
    where = f"{profile_file}:{line}" if line else str(profile_file)
    return (f"{where}: {dotted(key)} is still the example from mediakit init "
            f"({short(value.strip())!r}); "
            "put your own before you send the kit")


def _example_files(content_dir: Path) -> list[str]:
    """Published pages, pitches and case studies that are byte for byte a scaffold example."""
    examples = {data for name, data in scaffold_files()
                if name.startswith("content/") and name.endswith(".md")}
    warnings: list[str] = []
    for folder in PAGE_FOLDERS:
        for path in sorted((content_dir / folder).glob("*.md")):
            if path.name.startswith(("_", ".")) or not path.is_file() or path.is_symlink():
                continue
            try:
                if path.read_bytes() in examples:
                    warnings.append(
                        f"{path}: is mediakit init's example, unchanged; rewrite it, or rename it "
                        f"_{path.name} to keep it as a draft that is never published")
            except OSError:
                continue  # the build reports unreadable files in its own words
    return warnings


@functools.cache
def _scaffold_profile() -> tuple[dict, dict[Where, int]]:
    """The profile ``mediakit init`` writes, as plain values: what counts as an example."""
    text = dict(scaffold_files())["content/profile.yaml"].decode("utf-8")
    return parse_with_lines(text, Path("mediakit init's profile.yaml"))


def _at(data: object, key: Where) -> object:
    for part in key:
        if isinstance(data, dict) and isinstance(part, str):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and part < len(data):
            data = data[part]
        else:
            return None
    return data


def _strings(data: object, key: Where) -> list[tuple[Where, str]]:
    if isinstance(data, str):
        return [(key, data)]
    if isinstance(data, dict):
        return [item for name, value in data.items() for item in _strings(value, (*key, name))]
    if isinstance(data, list):
        return [item for index, value in enumerate(data)
                for item in _strings(value, (*key, index))]
    return []

