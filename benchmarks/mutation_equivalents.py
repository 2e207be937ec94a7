"""Surviving mutants that change no behaviour (equivalent mutants), and why.

Keyed by (mutmut's function name, the mutated line as mutmut writes it); benchmarks/mutation.py
matches each survivor of a run to an entry here and prints the reason beside its diff in
MUTATION.md. A survivor that is *not* equivalent gets a test instead, never an entry here.
"""

from __future__ import annotations

EXPLAINED: dict[tuple[str, str], str] = {
}
