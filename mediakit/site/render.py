"""Render the site in memory: templates + Report + charts + Markdown pages -> {path: bytes}.

Only ``output`` writes to disk. Templates get plain, already computed values and formatting
filters; user text is always data (autoescaped), never compiled as a template.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    StrictUndefined,
    Template,
    TemplateNotFound,
    TemplateSyntaxError,
    UndefinedError,
    select_autoescape,
)
from markdown_it import MarkdownIt

from mediakit import __version__
from mediakit.analytics.report import Report
from mediakit.errors import MediakitError, UnsafePathError
from mediakit.project import languages
from mediakit.project.limits import check_markdown_size, checked_svg
from mediakit.project.paths import inside, theme_folder
from mediakit.project.profile import Profile
from mediakit.site import casestudies, i18n, onesheet, pitches, typeface, wording
from mediakit.site.chart_svg import Chart
from mediakit.site.filters import benchmark_shown, country_name, meter, signed_percent
from mediakit.site.format import Formatter
from mediakit.site.i18n import N_
from mediakit.site.jinja_cache import bytecode_cache
from mediakit.site.pagetext import markdown, page_slug, page_title  # noqa: F401 (markdown: re-exported)
from mediakit.site.palette import palette
from mediakit.site.pictures import Pictures, avatar_for_preview, profile_pictures
from mediakit.site.preview import settled
from mediakit.site.provenance import data_origin
from mediakit.site.sharing import (  # noqa: F401  (platform_name and PLATFORM_NAMES: re-exported)
    PLATFORM_NAMES,
    describe,
    is_public,
    platform_name,
    preview_png,
    robots_txt,
    sitemap,
)
from mediakit.site.stats import stats_json
from mediakit.tables import Account

COUNTRY_OTHER = "other"
STATIC = ("site.css",)
PREVIEW = "assets/preview.png"
PDF_NAME = "media-kit.pdf"
# Pages the analytics templates provide; rendered (and put in the menu) when the theme has them.
ANALYTICS_PAGES = {"report.html": N_("Full report"), "methodology.html": N_("Methodology")}


@dataclass(frozen=True)
class Page:
    """A Markdown page from content/pages/."""

    slug: str
    title: str
    html: str
    source: str


def default_templates() -> Path:
    """The default theme: shipped in the package, or the repo's templates/ in a checkout."""
    return theme_folder()


#: The Environment's options that shape compiled code (compiled templates are cached by them).
TEMPLATE_SETTINGS = ("autoescape=select(default=True) undefined=strict trim lstrip keep_newline "
                     "i18n=newstyle,trimmed")


def environment(project_dir: Path, formatter: Formatter) -> Environment:
    """Jinja with the user's templates/ first, then the default theme; autoescape always on."""
    loaders = []
    user = project_dir / "templates"
    if user.is_dir():
        for path in (user, *sorted(user.rglob("*"))):  # a theme file linked from elsewhere
            try:
                inside(project_dir, path.relative_to(project_dir).as_posix())
            except UnsafePathError as err:
                raise UnsafePathError(err.message, field="templates",
                                      hint="copy the file into templates/ instead") from None
        loaders.append(FileSystemLoader(str(user)))
    loaders.append(FileSystemLoader(str(default_templates())))
    env = Environment(
        loader=ChoiceLoader(loaders),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=bytecode_cache(TEMPLATE_SETTINGS),
        extensions=["jinja2.ext.i18n"],
    )
    env.policies["ext.i18n.trimmed"] = True  # a msgid's line breaks and indents are not words
    env.install_gettext_translations(formatter.catalog, newstyle=True)  # type: ignore[attr-defined]
    wording.install(env, formatter)
    env.filters.update(formatter.filters())
    env.filters["country"] = lambda code: country_name(code, formatter)
    env.filters["platform_name"] = platform_name
    env.filters["signed_percent"] = lambda value: signed_percent(value, formatter)
    env.filters["paper_text"] = onesheet.paper_text
    env.globals["meter"] = meter
    env.globals["benchmark_shown"] = benchmark_shown
    env.globals["data_origin"] = lambda report: data_origin(report, formatter, platform_name)
    return env


def read_pages(content_dir: Path, md: MarkdownIt, language: str | None = None) -> list[Page]:
    """content/pages/*.md, sorted by file name; the first "# Heading" is the page title.

    Drafts (``_about.md``) and hidden files are never published, as for pitches and case studies.
    ``about.fr.md`` is ``about.md`` in French: read instead of it when ``language`` is fr, and
    never a page of its own (project/languages.py).
    """
    pages = []
    for default in languages.pages(content_dir / "pages"):
        path = languages.page_in(default, language)
        shown = f"content/pages/{path.name}"
        inside(content_dir, path.relative_to(content_dir).as_posix(), file=path)
        check_markdown_size(path, shown_as=shown)
        try:
            text = path.read_text("utf-8")
        except UnicodeDecodeError as exc:
            raise MediakitError("is not UTF-8 text", file=path,
                                hint="save the page as UTF-8") from exc
        pages.append(Page(page_slug(default.stem), page_title(text, default.stem), md.render(text),
                          shown))
    return pages


def assets(profile: Profile, content_dir: Path, profile_file: Path) -> dict[str, bytes]:
    """Files the profile points at (partner logos), copied into site/assets/.

    Photos (the avatar, cover and gallery) are made into pictures by ``profile_pictures``.
    """
    wanted: list[tuple[str, str]] = []
    for index, partner in enumerate(profile.partners):
        if partner.logo:
            wanted.append((partner.logo, f"partners[{index}].logo"))
    files: dict[str, bytes] = {}
    for relative, field in wanted:
        path = inside(content_dir, relative, file=profile_file, field=field)
        if not path.is_file():
            raise MediakitError(f"file {relative!r} not found in content/", file=profile_file,
                                field=field, hint="check the spelling, or remove the line")
        files[asset_path(relative)] = _checked(path, relative, profile_file, field)
    return files


def _checked(path: Path, relative: str, named_in: str | Path, field: str) -> bytes:
    """An asset's bytes; an SVG that could run code or pull other files in is refused."""
    data = path.read_bytes()
    if relative.lower().endswith(".svg"):
        return checked_svg(data, name=relative, file=named_in, field=field)
    return data


def asset_path(relative: str) -> str:
    """Where a content file lands in the site: content/assets/x.svg -> assets/x.svg."""
    relative = relative.replace("\\", "/").lstrip("./")
    return relative if relative.startswith("assets/") else f"assets/{relative}"


def extra_assets(content_dir: Path, items: list[tuple[str, str]]) -> dict[str, bytes]:
    """Logos named by pitches and case studies: (path in content/, the file that names it)."""
    files: dict[str, bytes] = {}
    for relative, named_in in items:
        path = inside(content_dir, relative, file=named_in, field="logo")
        if not path.is_file():
            raise MediakitError(f"file {relative!r} not found in content/", file=named_in,
                                field="logo", hint="check the spelling, or remove the line")
        files[asset_path(relative)] = _checked(path, relative, named_in, "logo")
    return files


def has_template(env: Environment, name: str) -> bool:
    """Whether the theme (or the user's templates/) has ``name``."""
    try:
        _template(env, name)
    except TemplateNotFound:
        return False
    return True


def _template(env: Environment, name: str) -> Template:
    """A template; a mistake in it (often a user's override) is one line naming file and line."""
    try:
        return env.get_template(name)
    except TemplateSyntaxError as exc:
        raise MediakitError(f"template error: {exc.message}", file=exc.filename or name,
                            line=exc.lineno, hint="fix the template, or delete your copy of it "
                            "from templates/ to use the default") from None


def site(
    report: Report,
    charts: dict[str, Chart],
    profile: Profile,
    *,
    project_dir: Path,
    content_dir: Path,
    profile_file: Path,
    account: Account | None = None,
    pdf: bool = False,
    cache_dir: Path | None = None,
    creator_notes: list[str] | None = None,
    language: str | None = None,
    all_languages: Sequence[str] = (),
    chart_maker: Callable[[Formatter], dict[str, Chart]] | None = None,
    with_pitches: bool = True,
    pool: Any = None,  # a chart_pool.ChartPool: draws the share pictures beside the pages
) -> dict[str, bytes]:
    """Every file of the site, in memory.

    ``account`` (the canonical tables) lets case studies look their posts up in the exports;
    ``pdf`` adds media-kit.pdf and a PDF per pitch (onesheet.py) and links them; ``cache_dir`` (the
    project's cache folder) keeps the share pictures drawn, as it keeps the charts;
    ``creator_notes`` receives what the creator could add (said in the terminal, never on a page).
    ``language`` writes the pages in another language than the profile's, as if they were in
    its folder (``fr/``: links go one level up); ``all_languages`` are all the kit is built in (for
    the switcher); ``chart_maker`` draws the charts again for a pitch in another language;
    ``with_pitches=False`` leaves the pitches out (a kit's other languages: a pitch is one page).
    """
    language = language or profile.site.language
    formatter = Formatter(i18n.locale_for(language, profile.locale), language)
    env = environment(project_dir, formatter)
    up = "../" if language != profile.site.language else ""
    pictures = Pictures(content_dir, profile_file, cache_dir)
    env.globals["picture_for"] = pictures.for_post
    md = markdown()
    pages = read_pages(content_dir, md, language)  # about.fr.md for a French kit
    extra = [name for name in ANALYTICS_PAGES if has_template(env, name)
             and (name != "report.html" or profile.site.report)]
    reserved = {"index", "404", *(name.removesuffix(".html") for name in ANALYTICS_PAGES)}
    for page in pages:
        if page.slug in reserved:
            raise MediakitError(f"a page cannot be called {page.slug}.md: the kit uses that name",
                                file=page.source, hint="rename the file")
    posts = account.posts if account is not None else None
    studies = casestudies.read_all(content_dir, md, profile, posts, report.as_of)
    if creator_notes is not None:
        creator_notes.extend(casestudies.gaps(studies))
    offers = pitches.read_all(content_dir, md, profile, report) if with_pitches else []

    def words(fmt: Formatter, lang: str, profile: Profile = profile) -> dict[str, Any]:
        """What changes with the language: the menu, the description, html lang and dir."""
        nav = [("index.html", fmt.gettext("Media kit"))]
        nav += [(name, fmt.gettext(ANALYTICS_PAGES[name])) for name in extra
                if name == "report.html"]
        nav += [(f"{page.slug}.html", page.title) for page in pages]
        nav += [(name, fmt.gettext(ANALYTICS_PAGES[name])) for name in extra
                if name == "methodology.html"]
        rtl = fmt.language_locale.character_order == "right-to-left"
        title = profile.site.title
        if title == f"{profile.name.strip()} — Media kit":  # the profile's default, not words
            title = fmt.gettext("%(name)s — Media kit", name=profile.name.strip())
        return {"nav": nav, "description": describe(report, profile, fmt), "language": lang,
                "direction": "rtl" if rtl else "ltr", "locale": str(fmt.locale),
                "site_title": title}

    context: dict[str, Any] = {
        "profile": profile,
        "report": report,
        "charts": charts,
        "pages": pages,
        "case_studies": studies,
        "bio_html": md.render(profile.bio) if profile.bio else "",
        "version": __version__,
        "asset": lambda relative: up + asset_path(relative),  # files shared by every language
        "root": "",
        "top": up,  # from a language's folder to the site's top
        "path": "index.html",
        "base_url": profile.site.base_url,
        "noindex": profile.site.noindex,
        "preview": PREVIEW if not up else f"{language}/{PREVIEW}",
        "pdf_href": PDF_NAME if pdf else None,
        "palette": palette(profile.colors.primary, profile.colors.accent),
        "kit_sections": profile.site.sections,
        "report_page": "report.html" in extra,
        "show_suggested_rates": profile.site.show_suggested_rates,
        "alternates": [],
        "font_family": typeface.page_family(profile.font),
        "print_font_family": typeface.print_family(profile.font),
        **words(formatter, language),
        **profile_pictures(profile, pictures),
    }

    def page_context(path: str, **more: Any) -> dict[str, Any]:
        shown = [*all_languages] if len(all_languages) > 1 else []
        return {**context, "path": path, **more,
                "alternates": i18n.alternates(shown, language, path) if shown else []}

    files: dict[str, bytes] = {}
    files["index.html"] = _render(env, "index.html", page_context("index.html"))
    for name in extra:
        files[name] = _render(env, name, page_context(name))
    for page in pages:
        path = f"{page.slug}.html"
        files[path] = _render(env, "page.html", page_context(path, page=page))
    logos: list[tuple[str, str]] = []
    for study in studies:
        path = f"{casestudies.FOLDER}/{study.slug}.html"
        files[path] = _render(env, "case-study.html",
                              page_context(path, study=study, root="../"))
        if study.logo:
            logos.append((study.logo, study.source))
    sheets: list[tuple[Any, Any, dict[str, Any]]] = []
    for pitch in offers:
        path = f"{pitches.FOLDER}/{pitch.slug}.html"
        preview = f"assets/preview-{pitch.slug}.png"
        own, pitch_env, pitch_charts, seen = formatter, env, charts, profile
        if (pitch.language, pitch.locale) != (language, str(formatter.locale)):
            own = Formatter(pitch.locale, pitch.language)  # a pitch in the brand's language
            pitch_env = environment(project_dir, own)
            pitch_env.globals["picture_for"] = pictures.for_post
            if chart_maker is not None and "growth" in pitch.header.sections:  # its charts
                pitch_charts = chart_maker(own)
            seen = profile.in_language(pitch.language)  # the creator's words in it, if given
        own_words = {**words(own, pitch.language, seen), "profile": seen, "charts": pitch_charts}
        sheets.append((pitch, functools.partial(_render, pitch_env), own_words))  # for its PDF
        files[path] = _render(pitch_env, "pitch.html", {
            **context, **own_words, "pitch": pitch, "path": path, "root": "../", "noindex": True,
            "preview": f"{language}/{preview}" if up else preview,
            "pdf_href": f"{pitch.slug}.pdf" if pdf else None})
        files[preview] = preview_png(report, seen, own, kicker=own.gettext(
            "Proposal for %(brand)s", brand=pitch.header.brand), cache_dir=cache_dir,
            avatar=avatar_for_preview(context["avatar"], pictures.files), pool=pool)
        if pitch.header.logo:
            logos.append((pitch.header.logo, pitch.source))
    # 404.html, served at any missing address: relative links, right in the site's top folder
    # (deeper ones would need a <base href>, which the hardening tests refuse for now).
    files["404.html"] = _render(env, "404.html", {**context, "path": "404.html"})
    for name in STATIC:
        files[f"assets/{name}"] = _render(env, name, context)
    files.update(typeface.site_files())  # the charts name the shipped font, whatever the pages use
    files.update(assets(profile, content_dir, profile_file))
    files.update(extra_assets(content_dir, logos))
    files[PREVIEW] = preview_png(report, profile, formatter, cache_dir=cache_dir, pool=pool,
                                 avatar=avatar_for_preview(context["avatar"], pictures.files))
    files.update(pictures.files)  # every picture a page asked for, and the photos
    files["stats.json"] = stats_json(report, benchmark_published=lambda bench: benchmark_shown(
        bench, profile.site.benchmark))
    files[".nojekyll"] = b""
    files["robots.txt"] = robots_txt(profile).encode("utf-8")
    if is_public(profile):
        public = ["index.html", *extra, *(f"{page.slug}.html" for page in pages),
                  *(f"{casestudies.FOLDER}/{study.slug}.html" for study in studies)]
        public += [f"{other}/{path}" for other in all_languages[1:] for path in public]
        files["sitemap.xml"] = sitemap(str(profile.site.base_url), public, report.as_of)
    if profile.site.custom_domain:
        files["CNAME"] = (profile.site.custom_domain + "\n").encode("utf-8")
    files = settled(files)  # the share pictures the pool drew meanwhile
    if pdf:
        files.update(onesheet.documents(
            functools.partial(_render, env), context, files, sheets,
            paper=profile.site.paper, cache_dir=cache_dir, pictures=pictures.files,
            base_url=str(profile.site.base_url) if profile.site.base_url else None))
    return files


def _render(env: Environment, name: str, context: dict[str, Any]) -> bytes:
    template = _template(env, name)
    try:
        return template.render(context).encode("utf-8")
    except UndefinedError as exc:
        where, line = _template_frame(exc)
        raise MediakitError(f"template error: {exc.message}",
                            file=where or template.filename or name, line=line,
                            hint="a template uses a value the kit does not have; check its "
                            "spelling, or delete your copy from templates/") from None


def _template_frame(exc: BaseException) -> tuple[str | None, int | None]:
    """The template file and line where rendering failed (the deepest template in the trace).

    Jinja rewrites tracebacks so that template code shows its own file name and line.
    """
    where, line = None, None
    traceback = exc.__traceback__
    while traceback is not None:
        filename = traceback.tb_frame.f_code.co_filename
        if not filename.endswith(".py") and not filename.startswith("<"):
            where, line = filename, traceback.tb_lineno
        traceback = traceback.tb_next
    return where, line
