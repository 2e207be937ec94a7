"""Where start-up time goes: each heavy import, and vl-convert's first and second chart, alone.

Each row runs in a fresh interpreter and times only its own step inside that process, so the
numbers say what a build pays for that step when nothing else has loaded it yet. Libraries
share dependencies (altair and pandas both load numpy), so the rows do not add up to a build.
"""

from __future__ import annotations

import json
import statistics
import sys
from dataclasses import dataclass
from pathlib import Path

from measure import run_command

# A chart like the demo's follower chart: a year of daily points, rendered to SVG.
_SPEC = (
    '{"$schema": "https://vega.github.io/schema/vega-lite/v5.json", "width": 560, "height": 220,'
    ' "data": {"values": [{"date": "2026-01-01", "n": 1}]}, "mark": "line",'
    ' "encoding": {"x": {"field": "date", "type": "temporal"},'
    ' "y": {"field": "n", "type": "quantitative"}}}'
)
_YEAR = (
    "import datetime\n"
    "spec = json.loads(SPEC)\n"
    "spec['data']['values'] = [{'date': str(datetime.date(2026, 1, 1)"
    " + datetime.timedelta(days=i)), 'n': 30000 + 50 * i} for i in range(365)]\n"
)

# A share-preview card like mediakit.site.preview's:
# 1200x630, gradient background, five lines of text.
_CARD = """\
font = "Liberation Sans, DejaVu Sans, Arial, Helvetica, sans-serif"
card = ('<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630">'
        '<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">'
        '<stop offset="0" stop-color="#1e293b"/><stop offset="1" stop-color="#1e293b" '
        'stop-opacity="0.82"/></linearGradient></defs>'
        '<rect width="1200" height="630" fill="#2563eb"/>'
        '<rect width="1200" height="630" fill="url(#bg)"/>'
        + "".join(f'<text x="80" y="{120 + 90 * i}" font-family="{font}" '
                  f'font-size="{64 - 8 * i}" fill="#fff">Mara Quinn {i}</text>'
                  for i in range(5))
        + '</svg>')
"""

# (label, code run before the clock starts, code timed)
STEPS: list[tuple[str, str, str]] = [
    ("Python start-up, nothing imported", "", "pass"),
    ("import mediakit.commands.main (click)", "", "import mediakit.commands.main"),
    ("import pandas (numpy)", "", "import pandas"),
    ("import altair", "", "import altair"),
    ("import pydantic + mediakit.project.profile", "", "import mediakit.project.profile"),
    ("import jinja2 + markdown_it", "", "import jinja2, markdown_it"),
    ("import vl_convert", "", "import vl_convert"),
    ("vl-convert: first SVG (engine warm-up)", "import vl_convert\n" + _YEAR,
     "vl_convert.vegalite_to_svg(spec)"),
    ("vl-convert: a second SVG", "import vl_convert\n" + _YEAR
     + "vl_convert.vegalite_to_svg(spec)\n", "vl_convert.vegalite_to_svg(spec)"),
    ("vl-convert: first 1200×630 PNG from SVG (share preview)", "import vl_convert\n" + _CARD,
     "vl_convert.svg_to_png(card)"),
    ("vl-convert: a second PNG from SVG", "import vl_convert\n" + _CARD
     + "vl_convert.svg_to_png(card)\n", "vl_convert.svg_to_png(card)"),
    ("import mediakit.build (every pipeline import)", "", "import mediakit.build"),
]

_HARNESS = """\
import json, time
SPEC = {spec!r}
{setup}
_t = time.perf_counter()
{timed}
print("BENCH " + json.dumps(time.perf_counter() - _t))
"""


@dataclass(frozen=True)
class Cost:
    label: str
    step_seconds: float  # the step alone, inside the process
    process_seconds: float  # the whole process, start-up included
    peak_mib: float
    runs: int


def measure_costs(root: Path, env: dict[str, str], runs: int) -> list[Cost]:
    costs = []
    for label, setup, timed in STEPS:
        code = _HARNESS.format(spec=_SPEC, setup=setup, timed=timed)
        steps, walls, peaks = [], [], []
        for _ in range(runs):
            sample, output = run_command([sys.executable, "-c", code], cwd=root, env=env)
            line = next(x for x in output.splitlines() if x.startswith("BENCH "))
            steps.append(json.loads(line[6:]))
            walls.append(sample.seconds)
            peaks.append(sample.peak_mib)
        costs.append(Cost(label, statistics.median(steps), statistics.median(walls),
                          max(peaks), runs))
    return costs
