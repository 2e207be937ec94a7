"""How much the property tests fuzz: enough random examples in every run to find something.

Every run draws new examples from a fresh seed (printed in pytest's header and again after a
failure, see tests/conftest.py), so CI explores a little more each time instead of replaying the
same dozen cases. ``MEDIAKIT_FUZZ=1`` runs the long version; ``--hypothesis-seed=N`` (or
``MEDIAKIT_FUZZ_SEED=N``) replays a run.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

LONG = os.environ.get("MEDIAKIT_FUZZ") == "1"


def fuzz(examples: int, long_examples: int) -> settings:
    """Settings for a property test: ``examples`` in the normal suite, more with MEDIAKIT_FUZZ=1."""
    return settings(max_examples=long_examples if LONG else examples, deadline=None,
                    derandomize=False, print_blob=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
