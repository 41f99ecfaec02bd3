"""Run every benchmark and rewrite bench/RESULTS.md: `python bench/run.py`."""

from __future__ import annotations

import datetime
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import tempfile  # noqa: E402

from bench import (  # noqa: E402
    client,
    codec,
    generation,
    imports,
    inspect_time,
    memory,
    output_size,
)
from bench.harness import DATASET, machine_description  # noqa: E402

BENCHMARKS = (inspect_time, generation, output_size, codec, imports, memory, client)
RESULTS = Path(__file__).resolve().parent / "RESULTS.md"


def main() -> int:
    if not (DATASET / "api").is_dir():
        print(f"TTS dataset not found at {DATASET}; set TTS_DATASET", file=sys.stderr)
        return 2
    sections = []
    with tempfile.TemporaryDirectory(prefix="ttn-lw-bench-") as scratch:
        print("generating the full TTS client ...", file=sys.stderr)
        context = generation.generate_client(Path(scratch))
        for benchmark in BENCHMARKS:
            print(f"running {benchmark.__name__} ...", file=sys.stderr)
            sections.append(benchmark.run(context))
    header = [
        "# Benchmark results",
        "",
        "Written by `python bench/run.py`; every figure below comes from one run, ours and the",
        "peer's side by side.",
        "",
        f"- Machine: {machine_description()}",
        f"- Date: {datetime.date.today().isoformat()}",
        f"- Dataset: {DATASET.name}",
        "",
        "",
    ]
    RESULTS.write_text("\n".join(header) + "\n\n".join(sections) + "\n")
    print(RESULTS.read_text())
    return 0


if __name__ == "__main__":
    sys.exit(main())
