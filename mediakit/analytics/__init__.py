"""The analytics core: pure functions from canonical tables to a Report (see analyze.py).

One module per subject (reach, engagement, benchmarks, growth, audience, posts, timing, content,
retention, cadence, compare, rates, freshness, combined). This file imports nothing, so that the
light modules (``report``, ``stale``) load without pandas, as a skipped build needs.
"""
