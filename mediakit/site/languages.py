"""A kit in several languages: ``site.languages: [fr, de]`` builds every page again per language.

The kit's own language stays at the site's top; each other language gets its pages under its
code (``fr/index.html``, ``fr/report.html``…), with the share picture and the PDF in its words.
What has no words is written once: stats.json (language-neutral), the stylesheet, fonts, logos,
robots.txt and the sitemap (which lists every language's pages); a pitch stays one page in one
language (its header's, else the kit's). Only the page stage runs again,
so a kit in n languages costs about n times the pages, not n times the build; the charts are
drawn in each language (their spec's cache makes an unchanged one a file read).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mediakit.analytics.report import Report
from mediakit.errors import MediakitError
from mediakit.project.profile import Profile
from mediakit.site import charts as charts_module
from mediakit.site import i18n, pitches, render
from mediakit.site.chart_svg import Chart, Renderer
from mediakit.site.format import Formatter

if TYPE_CHECKING:
    from mediakit.site.chart_pool import ChartPool

#: The files a language's pass adds: everything else is the same in every language.
PER_LANGUAGE = (".html", ".png", ".pdf")


def kit_languages(profile: Profile, profile_file: Path | str) -> list[str]:
    """The kit's language first, then every other one of ``site.languages`` (each checked)."""
    found = [profile.site.language]
    for index, language in enumerate(profile.site.languages):
        if why := i18n.unknown_language(language):
            raise MediakitError(why, file=profile_file, field=f"site.languages[{index}]",
                                hint="write one of those, or remove the line")
        if language.lower() not in (known.lower() for known in found):
            found.append(language)
    return found


def in_language(profile: Profile, language: str) -> Profile:
    """The profile with the creator's words in ``language`` when it gives them per language."""
    pick = getattr(profile, "in_language", None)  # per-language taglines and bios, when known
    return pick(language) if callable(pick) else profile


def site(report: Report, charts: dict[str, Chart], profile: Profile, *,
         chart_cache: Path | None = None, pool: ChartPool | None = None,
         **options: Any) -> dict[str, bytes]:
    """Every file of the site in every language of the kit (``options`` go to render.site);
    charts in another language are drawn with ``chart_cache`` (the project's chart cache) by
    ``pool`` (the build's drawing processes), else in this process."""
    languages = kit_languages(profile, options["profile_file"])

    def drawing(fmt: Formatter, kit_only: bool = False) -> Callable[[], dict[str, Chart]]:
        """Hand the charts in ``fmt``'s language to the pool now; the call waits for them."""
        renderer = Renderer(chart_cache, pool)
        made = charts_module.build(report, profile, renderer, fmt, wait=False, kit_only=kit_only)
        return lambda: renderer.resolve(made)

    def chart_maker(fmt: Formatter) -> dict[str, Chart]:
        """A pitch's charts in its own language: a pitch shows the kit's, not the report's."""
        return drawing(fmt, kit_only=True)()

    later = {language: drawing(Formatter(i18n.locale_for(language, profile.locale), language))
             for language in languages[1:]}
    files = render.site(report, charts, in_language(profile, languages[0]), pool=pool,
                        all_languages=languages, chart_maker=chart_maker, **options)
    for language in languages[1:]:
        drawn = later[language]()
        # the creator notes were said once, and the pitches written, by the first pass
        options_once = {**options, "creator_notes": None}
        pages = render.site(report, drawn, in_language(profile, language), language=language,
                            all_languages=languages, with_pitches=False, pool=pool,
                            **options_once)
        for path, data in pages.items():
            if _per_language(path):
                files[f"{language}/{path}"] = data
    return files


def _per_language(path: str) -> bool:
    """Pages, the share picture and the PDF are written again in each language; a pitch is
    not: it is for one brand, in its header's language (or the kit's), at one address."""
    if path == "404.html" or path.startswith(f"{pitches.FOLDER}/"):
        return False
    if path.startswith("assets/"):
        return path == render.PREVIEW
    return path.endswith(PER_LANGUAGE)
