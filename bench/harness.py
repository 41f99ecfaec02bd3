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


def time_commands(
    commands: dict[str, Sequence[str]], *, runs: int = 7
) -> dict[str, Timing]:
    """Wall time of whole commands, run in turns (so machine noise hits them all alike),
    after one warm-up run of each that also fills the bytecode cache."""
    env = bytecode_env()
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for attempt in range(runs + 1):
        for name, argv in commands.items():
            start = time.perf_counter()
            subprocess.run(
                argv,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                check=True,
            )
            if attempt:
                samples[name].append(time.perf_counter() - start)
    return {
        name: Timing(best=min(times), median=statistics.median(times))
        for name, times in samples.items()
    }


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


def best_seconds_per_call(
    calls: dict[str, Callable[[], object]], rounds: int = 15
) -> dict[str, float]:
    """The best time of one call of each, timed in turns: every round runs each call's loop
    once, so a slow spell of the machine slows them all instead of skewing one ratio."""
    timers = {name: timeit.Timer(call) for name, call in calls.items()}
    # Loops of about 50 ms each (autorange aims at 0.2 s).
    loops = {name: max(1, timer.autorange()[0] // 4) for name, timer in timers.items()}
    best = dict.fromkeys(calls, float("inf"))
    for _ in range(rounds):
        for name, timer in timers.items():
            best[name] = min(best[name], timer.timeit(loops[name]) / loops[name])
    return best


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
