"""Every chart the demo draws is valid Vega-Lite.

A build hashes and draws each spec without validating it against the Vega-Lite JSON schema
(``to_dict(validate=False)``: the validation cost 13 % of a cold build); this is where it is
validated instead, with Altair's full checks.
"""

from __future__ import annotations

import altair as alt
from altair.utils import schemapi

from mediakit import build as build_module
from mediakit.site import charts as charts_module
from mediakit.site.chart_svg import Renderer


class Recording(Renderer):
    """The build's renderer (same cache), keeping each Altair chart it is given."""

    def __init__(self, cache_dir) -> None:
        super().__init__(cache_dir)
        self.made: dict[str, alt.TopLevelMixin] = {}

    def svg(self, chart, key: str) -> str:
        self.made[key] = chart
        return super().svg(chart, key)


def test_every_chart_the_demo_draws_validates_against_the_vega_lite_schema(demo_inputs):
    renderer = Recording(build_module.Project(demo_inputs.project).cache_dir / "charts")
    charts = charts_module.build(demo_inputs.report, demo_inputs.profile, renderer)
    assert set(renderer.made) == set(charts) == set(demo_inputs.charts)
    kinds = {key.split("-", 1)[1] for key in charts}
    assert kinds == {"followers", "views", "engagement-benchmark", "activity-heatmap",
                     "top-posts", "insights", "gender", "age", "country", "city"}
    for key, chart in renderer.made.items():
        validated = chart.to_dict()  # raises on any spec the schema refuses
        assert chart.to_dict(validate=False) == validated, key  # what the cache key hashes
        assert charts[key].svg == demo_inputs.charts[key].svg, key


def test_building_charts_leaves_altairs_debug_mode_as_it_was(demo_inputs):
    assert schemapi.DEBUG_MODE
    charts_module.build(demo_inputs.report, demo_inputs.profile, Renderer(
        build_module.Project(demo_inputs.project).cache_dir / "charts"))
    assert schemapi.DEBUG_MODE
