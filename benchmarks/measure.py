"""Time one command in a fresh process and read that process's own peak memory.

Each measurement is a subprocess, so interpreter start-up and imports count, as they do for a
creator typing ``mediakit build``. Peak memory comes from ``os.wait4``, which returns the rusage
of exactly that child (``RUSAGE_CHILDREN`` would give the maximum over every child so far).
"""

from __future__ import annotations

import os
import signal
import statistics
import subprocess
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path


class BenchmarkError(RuntimeError):
    """A command under test failed or a check on its output did not hold."""


@dataclass(frozen=True)
class Sample:
    """One timed run."""

    seconds: float
    peak_mib: float
    cpu_seconds: float = float("nan")  # user + system: less sensitive to a busy machine


@dataclass
class Case:
    """All runs of one benchmark case; a case that could not run says why in ``skipped``."""

    name: str
    samples: list[Sample] = field(default_factory=list)
    skipped: str = ""
    unit: str = "s"  # how to print the median: seconds, or milliseconds for serve
    stages: list[float] = field(default_factory=list)  # the page stage's seconds, per run

    @property
    def median(self) -> float:
        return statistics.median(s.seconds for s in self.samples)

    @property
    def low(self) -> float:
        return min(s.seconds for s in self.samples)

    @property
    def high(self) -> float:
        return max(s.seconds for s in self.samples)

    @property
    def cpu_median(self) -> float:
        return statistics.median(s.cpu_seconds for s in self.samples)

    @property
    def peak_mib(self) -> float:
        return max(s.peak_mib for s in self.samples)

    @property
    def ok(self) -> bool:
        return bool(self.samples) and not self.skipped


def run_command(
    argv: Sequence[str], cwd: Path, env: dict[str, str] | None = None, timeout: float = 600
) -> tuple[Sample, str]:
    """Run ``argv`` to completion; return its wall time, its peak RSS and its output.

    Raises BenchmarkError when the command fails, with the end of its output, so a broken build
    is never reported as a fast one.
    """
    with tempfile.TemporaryFile() as log:
        started = time.perf_counter()
        proc = subprocess.Popen(argv, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT)
        killer = threading.Timer(timeout, _kill, args=(proc.pid,))
        killer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            killer.cancel()
        seconds = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)  # Popen must not wait again
        log.seek(0)
        output = log.read().decode("utf-8", "replace")
    if proc.returncode != 0:
        tail = "\n".join(output.splitlines()[-15:])
        raise BenchmarkError(f"{' '.join(argv)} exited {proc.returncode} in {cwd}:\n{tail}")
    cpu = usage.ru_utime + usage.ru_stime
    return Sample(seconds, usage.ru_maxrss / 1024, cpu), output  # ru_maxrss is KiB on Linux


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def ratio(numerator: Case, denominator: Case) -> float | None:
    """Median over median, or None when either side did not run."""
    if not (numerator.ok and denominator.ok) or denominator.median == 0:
        return None
    return numerator.median / denominator.median
