"""Render the site in memory: templates + Report + charts + Markdown pages -> {path: bytes}.

Only ``output`` writes to disk. Templates get plain, already computed values and formatting
filters; user text is always data (autoescaped), never compiled as a template.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markdown_it import MarkdownIt

from mediakit import __version__
from mediakit.analytics.report import Report
from mediakit.charts import Chart
from mediakit.config import Profile
from mediakit.errors import MediakitError
from mediakit.format import Formatter
from mediakit.paths import inside
from mediakit.stats import stats_json

COUNTRY_OTHER = "other"
STATIC = ("site.css",)


@dataclass(frozen=True)
class Page:
    """A Markdown page from content/pages/."""

    slug: str
    title: str
    html: str
    source: str


def default_templates() -> Path:
    """The default theme: shipped in the package, or the repo's templates/ in a checkout."""
    try:
        folder = Path(str(resources.files("mediakit.templates")))
        if (folder / "base.html").is_file():
            return folder
    except ModuleNotFoundError:
        pass
    return Path(__file__).resolve().parent.parent / "templates"


def environment(project_dir: Path, formatter: Formatter) -> Environment:
    """Jinja with the user's templates/ first, then the default theme; autoescape always on."""
    loaders = []
    user = project_dir / "templates"
    if user.is_dir():
        loaders.append(FileSystemLoader(str(user)))
    loaders.append(FileSystemLoader(str(default_templates())))
    env = Environment(
        loader=ChoiceLoader(loaders),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(formatter.filters())
    env.filters["country"] = lambda code: country_name(code, formatter)
    env.filters["platform_name"] = platform_name
    return env


def markdown() -> MarkdownIt:
    """CommonMark with raw HTML off and unsafe link schemes refused (markdown-it's js-default)."""
    return MarkdownIt("js-default", {"typographer": True}).enable(["table", "strikethrough"])


PLATFORM_NAMES = {"tiktok": "TikTok", "instagram": "Instagram", "youtube": "YouTube"}


def platform_name(key: str) -> str:
    """tiktok -> TikTok: the platform as its owner spells it."""
    return PLATFORM_NAMES.get(key, key.title())


def country_name(code: str, formatter: Formatter) -> str:
    """ISO alpha-2 -> the country's name in the profile's language ("IE" -> "Ireland")."""
    if code.lower() in ("other", "others"):
        return "Other countries"
    return formatter.locale.territories.get(code.upper(), code)


def read_pages(content_dir: Path, md: MarkdownIt) -> list[Page]:
    """content/pages/*.md, sorted by file name; the first "# Heading" is the page title."""
    folder = content_dir / "pages"
    if not folder.is_dir():
        return []
    pages = []
    for path in sorted(folder.glob("*.md")):
        inside(content_dir, path.relative_to(content_dir).as_posix(), file=path)
        try:
            text = path.read_text("utf-8")
        except UnicodeDecodeError as exc:
            raise MediakitError("is not UTF-8 text", file=path,
                                hint="save the page as UTF-8") from exc
        slug = re.sub(r"[^a-z0-9-]+", "-", path.stem.lower()).strip("-") or "page"
        match = re.search(r"^#\s+(.+?)\s*#*\s*$", text, flags=re.MULTILINE)
        title = match.group(1) if match else path.stem.replace("-", " ").title()
        pages.append(Page(slug, title, md.render(text), f"content/pages/{path.name}"))
    return pages


def assets(profile: Profile, content_dir: Path, profile_file: Path) -> dict[str, bytes]:
    """Files the profile points at (avatar, partner logos), copied into site/assets/."""
    wanted: list[tuple[str, str]] = []
    if profile.avatar:
        wanted.append((profile.avatar, "avatar"))
    for index, partner in enumerate(profile.partners):
        if partner.logo:
            wanted.append((partner.logo, f"partners[{index}].logo"))
    files: dict[str, bytes] = {}
    for relative, field in wanted:
        path = inside(content_dir, relative, file=profile_file, field=field)
        if not path.is_file():
            raise MediakitError(f"file {relative!r} not found in content/", file=profile_file,
                                field=field, hint="check the spelling, or remove the line")
        files[asset_path(relative)] = path.read_bytes()
    return files


def asset_path(relative: str) -> str:
    """Where a content file lands in the site: content/assets/x.svg -> assets/x.svg."""
    relative = relative.replace("\\", "/").lstrip("./")
    return relative if relative.startswith("assets/") else f"assets/{relative}"


def site(
    report: Report,
    charts: dict[str, Chart],
    profile: Profile,
    *,
    project_dir: Path,
    content_dir: Path,
    profile_file: Path,
) -> dict[str, bytes]:
    """Every file of the site, in memory."""
    formatter = Formatter(profile.locale)
    env = environment(project_dir, formatter)
    md = markdown()
    pages = read_pages(content_dir, md)
    context: dict[str, Any] = {
        "profile": profile,
        "report": report,
        "charts": charts,
        "pages": pages,
        "bio_html": md.render(profile.bio) if profile.bio else "",
        "version": __version__,
        "asset": asset_path,
        "root": "",
    }
    files: dict[str, bytes] = {}
    files["index.html"] = _render(env, "index.html", context)
    for page in pages:
        files[f"{page.slug}.html"] = _render(env, "page.html", {**context, "page": page})
    files["404.html"] = _render(env, "404.html", context)
    for name in STATIC:
        files[f"assets/{name}"] = _render(env, name, context)
    files.update(assets(profile, content_dir, profile_file))
    files["stats.json"] = stats_json(report)
    files[".nojekyll"] = b""
    robots = "User-agent: *\nDisallow: /\n" if profile.site.noindex else "User-agent: *\nAllow: /\n"
    files["robots.txt"] = robots.encode("utf-8")
    if profile.site.custom_domain:
        files["CNAME"] = (profile.site.custom_domain + "\n").encode("utf-8")
    return files


def _render(env: Environment, name: str, context: dict[str, Any]) -> bytes:
    return env.get_template(name).render(context).encode("utf-8")
