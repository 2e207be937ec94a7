"""Charts: every chart of the kit and the report, as inline SVG themed from the brand colours.

The kit's charts are specified in :mod:`mediakit.site.kit_charts`, the report's in
:mod:`mediakit.site.report_charts`; :mod:`mediakit.site.chart_svg` draws and caches them.

Building a spec is not free (Altair's import alone takes a second), so Altair is imported only
when charts are built, the data goes in as plain records (``chart_specs.inline_data``), every
encoding channel is a typed object (a "field:Q" string makes Altair search its whole schema for
the class), and specs are not validated against the Vega-Lite schema in a build (the test suite
validates every chart the demo draws).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mediakit.analytics.report import Report
from mediakit.site.chart_specs import theme
from mediakit.site.chart_svg import Chart, Renderer
from mediakit.site.format import Formatter
from mediakit.site.kit_charts import followers_chart, views_chart
from mediakit.site.report_charts import (
    audience_chart,
    benchmark_chart,
    heatmap_chart,
    insights_chart,
    territory_names,
    top_posts_chart,
)

if TYPE_CHECKING:
    from mediakit.project.profile import Profile


def build(report: Report, profile: Profile, renderer: Renderer,
          fmt: Formatter | None = None, *, wait: bool = True,
          kit_only: bool = False) -> dict[str, Chart]:
    """Every chart for every platform, keyed "<platform>-<name>", its words in ``fmt``'s language
    (the profile's by default); with ``kit_only`` only the kit's own two, followers and views
    (all that templates/kit/growth.html shows: a pitch's charts). ``wait=False`` hands back
    the charts a pool is still drawing as placeholders: ``renderer.resolve`` fills them in when
    they are needed.

    Keys: followers, views (the kit), and for the report: engagement-benchmark,
    activity-heatmap, top-posts, insights, gender, age, country, city.
    """
    import altair as alt
    from altair.utils.schemapi import debug_mode

    fmt = fmt or Formatter(profile.locale, profile.site.language)  # as the pages write them
    alt.theme.register("mediakit", enable=True)(lambda: {"config": theme(profile, fmt)})
    charts: dict[str, Chart] = {}
    names = territory_names(fmt.language_locale)
    # Altair's debug mode validates every piece of a spec as it is made; the suite validates
    # the whole specs instead (tests/test_charts.py), so a build does not pay for it.
    with debug_mode(False):
        for data in report.platforms.values():
            made = [followers_chart(data, renderer, fmt), views_chart(data, renderer, fmt)]
            if not kit_only:
                made += [
                    benchmark_chart(data, renderer, fmt),
                    heatmap_chart(data, renderer, fmt),
                    top_posts_chart(data, renderer, fmt),
                    insights_chart(data, renderer, fmt),
                    *(audience_chart(data, dimension, renderer, names, fmt)
                      for dimension in ("gender", "age", "country", "city")),
                ]
            for chart in made:
                if chart is not None:
                    charts[chart.key] = chart
    return renderer.resolve(charts) if wait else charts  # with a pool: wait for the drawings
