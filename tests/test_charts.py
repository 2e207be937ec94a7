import json
import subprocess
import sys

import numpy as np
import vl_convert

from mediakit.site.chart_specs import inline_data
from mediakit.site.chart_svg import Renderer, renumbered, responsive
from mediakit.site.kit_charts import _monthly_table
from mediakit.site.report_charts import _by_lift


def test_ids_get_a_per_chart_prefix_so_inline_svgs_do_not_collide():
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" width="300" height="200" viewBox="0 0 300 200">'
           '<clipPath id="clip1"><rect/></clipPath><g clip-path="url(#clip1)"></g></svg>')
    out = responsive(svg, "tiktok-views")
    assert 'id="tiktok-views-clip1"' in out
    assert "url(#tiktok-views-clip1)" in out
    assert 'width="300"' not in out and 'viewBox="0 0 300 200"' in out  # scales with the page
    assert out.startswith('<svg role="img" aria-hidden="true"')


def test_the_monthly_table_keeps_a_months_last_count_or_adds_its_days_up():
    followers = [("2026-01-30", 100), ("2026-01-31", 120), ("2026-02-01", 125),
                 ("2026-02-28", 140), ("2026-03-01", 141)]
    assert _monthly_table(followers, "last") == [
        ("Jan 2026", "120"), ("Feb 2026", "140"), ("Mar 2026", "141")]
    views = [("2026-01-31", 1000), ("2026-02-01", 2500), ("2026-02-02", 500)]
    # January 1,000; February 2,500 + 500 = 3,000
    assert _monthly_table(views, "sum") == [("Jan 2026", "1,000"), ("Feb 2026", "3,000")]


def test_chart_data_goes_in_as_plain_json_records():
    rows = [{"day": "2026-03-01", "views": np.int64(3), "rate": np.float64(0.25),
             "gap": float("nan"), "far": float("-inf"), "count": 7}]
    data = inline_data(rows)
    assert data == {"values": [{"day": "2026-03-01", "views": 3, "rate": 0.25, "gap": None,
                                "far": None, "count": 7}]}
    assert type(data["values"][0]["views"]) is int  # not a NumPy scalar
    json.dumps(data, allow_nan=False)  # what vl-convert and the cache key are given


def test_insights_are_ordered_by_lift_ties_as_analysed_and_a_missing_lift_last():
    rows = [{"label": "a", "lift": 0.1}, {"label": "b", "lift": float("nan")},
            {"label": "c", "lift": 0.4}, {"label": "d", "lift": 0.1}, {"label": "e", "lift": -0.2}]
    assert [row["label"] for row in sorted(rows, key=_by_lift)] == ["c", "a", "d", "e", "b"]


class Spec:
    """Stands in for an Altair chart: the renderer only asks it for its spec."""

    def __init__(self, spec: dict) -> None:
        self.spec = spec

    def to_dict(self, validate: bool = True) -> dict:
        return self.spec


def test_the_chart_cache_is_keyed_by_the_spec_and_the_vl_convert_version(tmp_path, monkeypatch):
    drawn: list[dict] = []

    def draw(spec: dict) -> str:
        drawn.append(spec)
        return ('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" '
                'viewBox="0 0 10 10"><rect id="r" width="10" height="10"/></svg>')

    monkeypatch.setattr(vl_convert, "vegalite_to_svg", draw)
    renderer = Renderer(tmp_path)
    spec = {"mark": "bar", "data": {"values": [{"x": 1}]}}
    first = renderer.svg(Spec(spec), "k")
    assert renderer.svg(Spec(dict(spec)), "k") == first  # an equal spec: from the cache
    assert (renderer.rendered, renderer.cached, len(drawn)) == (1, 1, 1)
    renderer.svg(Spec({**spec, "mark": "line"}), "k")  # another spec: drawn
    monkeypatch.setattr(vl_convert, "__version__", "0.0.1")
    renderer.svg(Spec(spec), "k")  # the same spec, another vl-convert: drawn again
    assert (renderer.rendered, renderer.cached) == (3, 1)
    assert len(list(tmp_path.glob("*.svg"))) == 3


def test_importing_the_charts_module_does_not_import_altair():
    """Altair takes about a second to import; pages that only show charts should not pay it."""
    code = "import sys, mediakit.site.charts; print('altair' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=120)
    assert out.stdout.strip() == "False"


def test_gradients_and_clip_paths_are_numbered_as_in_a_first_drawing():
    """vl-convert's counters run over the process: the 3rd gradient drawn is "gradient_2"."""
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 9 9"><defs>'
           '<linearGradient id="gradient_2"/><clipPath id="clip7"><rect/></clipPath>'
           '<clipPath id="clip9"><rect/></clipPath></defs>'
           '<g clip-path="url(#clip9)"><path fill="url(#gradient_2)"/></g>'
           '<g clip-path="url(#clip7)"><text>clip7 gradient_2</text></g></svg>')
    assert renumbered(svg) == (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 9 9"><defs>'
        '<linearGradient id="gradient_0"/><clipPath id="clip1"><rect/></clipPath>'
        '<clipPath id="clip2"><rect/></clipPath></defs>'
        '<g clip-path="url(#clip2)"><path fill="url(#gradient_0)"/></g>'
        '<g clip-path="url(#clip1)"><text>clip7 gradient_2</text></g></svg>')  # text untouched
    first = renumbered(svg)
    assert renumbered(first) == first


def test_a_chart_drawn_twice_in_one_process_has_the_same_bytes():
    """A colour legend is a gradient: the second drawing would otherwise say "gradient_1"."""
    spec = {"data": {"values": [{"x": 1, "y": 2}, {"x": 2, "y": 5}]}, "mark": "rect",
            "encoding": {"x": {"field": "x", "type": "ordinal"},
                         "color": {"field": "y", "type": "quantitative"}}}
    drawings = [Renderer(None).svg(Spec(spec), "tiktok-activity-heatmap") for _ in range(2)]
    assert drawings[0] == drawings[1]
    assert 'id="tiktok-activity-heatmap-gradient_0"' in drawings[0]
    assert "url(#tiktok-activity-heatmap-gradient_0)" in drawings[0]
