"""Import time of the generated TTS client, measured in fresh interpreters with warm bytecode."""

from __future__ import annotations

from .harness import Context, run_python

# Lists the modules with os (loaded at startup), not pkgutil, whose own imports (inspect,
# ast, ...) the generated package never makes: about 10 ms here.
MEASURE = """
import os, sys, time
start = time.perf_counter()
import ttn_lw
folder = ttn_lw.__path__[0]
names = sorted(n[:-3] for n in os.listdir(folder) if n.endswith(".py") and n != "__init__.py") if sys.argv[1] == "all" else [sys.argv[1]]
for name in names:
    __import__("ttn_lw." + name)
print(time.perf_counter() - start)
"""


def best_import(context: Context, target: str, runs: int = 7) -> float:
    run_python(MEASURE, target, cwd=context.client)  # fills the bytecode cache
    return min(
        float(run_python(MEASURE, target, cwd=context.client)) for _ in range(runs)
    )


def run(context: Context) -> str:
    everything = best_import(context, "all")
    registry = best_import(context, "end_device_services")
    return "\n".join(
        [
            "## Import time",
            "",
            "Fresh interpreter, bytecode cached, best of 7 (standard-library imports included).",
            "",
            "| import | time | target |",
            "|---|---|---|",
            f"| every generated module | {everything * 1000:.0f} ms | <= 100 ms: {'meets' if everything <= 0.1 else 'MISSES'} |",
            f"| the EndDevice registry (`end_device_services` and what it needs) | {registry * 1000:.0f} ms | <= 50 ms: {'meets' if registry <= 0.05 else 'MISSES'} |",
        ]
    )
