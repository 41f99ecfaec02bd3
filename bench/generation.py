"""Generation time of the full TTS client, cold (fresh process, empty output) and warm."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

from .harness import DATASET, Context, bytecode_env


def generate_client(scratch: Path) -> Context:
    out = scratch / "client"
    timings = []
    for _ in range(2):
        shutil.rmtree(out, ignore_errors=True)
        start = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "generator",
                "generate",
                "--lorawan-stack",
                str(DATASET),
                "--out",
                str(out),
            ],
            env=bytecode_env(),
            check=True,
            capture_output=True,
        )
        timings.append(time.perf_counter() - start)
    return Context(
        scratch=scratch,
        client=out,
        cold_generation=timings[0],
        warm_generation=timings[1],
    )


def run(context: Context) -> str:
    files = sorted((context.client / "ttn_lw").glob("*.py"))
    lines = sum(len(p.read_text().splitlines()) for p in files)
    return "\n".join(
        [
            "## Generation of the full TTS client",
            "",
            f"`ttn-lw-codegen generate` on v3.32.1: {len(files)} modules, {lines:,} lines.",
            "",
            "| run | wall time |",
            "|---|---|",
            f"| cold (first run: fresh process and bytecode, empty output) | {context.cold_generation:.1f} s |",
            f"| warm (second run) | {context.warm_generation:.1f} s |",
            "",
            "Most of it is black formatting the output in-process, on worker processes (2 cores here).",
        ]
    )
