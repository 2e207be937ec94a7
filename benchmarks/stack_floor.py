"""The stack floor: the least a build on mediakit's stack can cost, to measure mediakit against.

    python benchmarks/stack_floor.py OUT --charts 20 --pages 10

Imports the same libraries a build does (pandas, Altair, vl-convert, Jinja2), draws ``--charts``
Altair charts from pandas frames one after another with vl-convert (as a build on one core does:
vl-convert has one JavaScript worker per process) and writes ``--pages`` pages holding them. No
exports read, no numbers computed, no cache: what is left of a build once mediakit's own work is
taken away. run.py gives it the demo build's chart and page counts and runs it alternately with
the cold demo build.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import altair as alt
import jinja2
import markupsafe
import numpy as np
import pandas as pd
import vl_convert

PAGE = jinja2.Template(
    "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{{ title }}</title>"
    "</head><body><h1>{{ title }}</h1>{% for svg in charts %}<figure>{{ svg }}</figure>"
    "{% endfor %}</body></html>", autoescape=True)


def chart(number: int) -> alt.Chart:
    """One of three kinds the kit draws (a daily series, ranked bars, a week × hour heatmap),
    with data of the demo's size, different for every chart."""
    rng = np.random.default_rng(number)
    kind = number % 3
    if kind == 0:
        days = pd.date_range("2025-11-17", periods=365, freq="D")
        frame = pd.DataFrame({"day": days, "views": rng.integers(500, 50_000, len(days))})
        return alt.Chart(frame).mark_area(line=True, opacity=0.3).encode(
            x=alt.X("day:T", title=None), y=alt.Y("views:Q", title="Views")
        ).properties(width=640, height=220)
    if kind == 1:
        frame = pd.DataFrame({"label": [f"Post {i + 1}" for i in range(10)],
                              "views": rng.integers(1_000, 400_000, 10)})
        return alt.Chart(frame).mark_bar().encode(
            x=alt.X("views:Q", title="Views"), y=alt.Y("label:N", sort="-x", title=None)
        ).properties(width=420)
    cells = [(day, hour) for day in range(7) for hour in range(24)]
    frame = pd.DataFrame({"day": [c[0] for c in cells], "hour": [c[1] for c in cells],
                          "share": rng.random(len(cells))})
    return alt.Chart(frame).mark_rect().encode(
        x=alt.X("hour:O", title="Hour"), y=alt.Y("day:O", title=None),
        color=alt.Color("share:Q", legend=None),
    ).properties(width=480, height=160)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--charts", type=int, required=True)
    parser.add_argument("--pages", type=int, required=True)
    args = parser.parse_args(argv)
    # validate=False as a build does: the floor must not pay for work mediakit skips
    svgs = [vl_convert.vegalite_to_svg(chart(n).to_dict(validate=False))
            for n in range(args.charts)]
    args.out.mkdir(parents=True, exist_ok=True)
    for page in range(args.pages):
        placed = [svg for n, svg in enumerate(svgs) if n % args.pages == page]
        html = PAGE.render(title=f"Page {page + 1}", charts=[markupsafe.Markup(s)
                                                             for s in placed])
        (args.out / f"page-{page + 1}.html").write_text(html, "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
