"""Shared measuring helpers: timing subprocesses fairly and describing the machine."""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import time
import timeit
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATASET = Path(
    os.environ.get("TTS_DATASET", REPO.parent / "shared" / "tts" / "v3.32.1")
)


@dataclass(frozen=True)
class Timing:
    best: float
    median: float


def bytecode_env() -> dict[str, str]:
    """These machines set PYTHONDONTWRITEBYTECODE=1; with it every import recompiles."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def time_command(argv: Sequence[str], *, runs: int = 7) -> Timing:
    """Wall time of a whole command, after one warm-up run that also fills the bytecode cache."""
    env = bytecode_env()
    samples = []
    for attempt in range(runs + 1):
        start = time.perf_counter()
        subprocess.run(
            argv,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=True,
        )
        if attempt:
            samples.append(time.perf_counter() - start)
    return Timing(best=min(samples), median=statistics.median(samples))


def machine_description() -> str:
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return (
        f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()} ({sys.implementation.name})"
    )


def best_seconds_per_call(call: Callable[[], object], repeat: int = 5) -> float:
    """The best time of one call, from `repeat` timeit runs of an auto-sized loop."""
    timer = timeit.Timer(call)
    number, _ = timer.autorange()
    return min(timer.repeat(repeat=repeat, number=number)) / number


def run_python(code: str, *args: str, cwd: Path | None = None) -> str:
    """Run a snippet in a fresh interpreter (bytecode caching on); its stdout."""
    result = subprocess.run(
        [sys.executable, "-c", code, *args],
        env=bytecode_env(),
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


@dataclass(frozen=True)
class Context:
    """What the benchmarks share in one run: a scratch directory and the full TTS client."""

    scratch: Path
    client: Path  # holds the generated package ttn_lw
    cold_generation: float
    warm_generation: float
