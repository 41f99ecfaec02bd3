"""`ttn-lw-codegen inspect` on the full TTS API against protoc's own descriptor-set run."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from generator.checkout import open_checkout

from .harness import DATASET, Context, time_commands

TARGET_RATIO = 2.0


def run(context: Context) -> str:
    checkout = open_checkout(DATASET)
    with tempfile.TemporaryDirectory() as scratch:
        protoc = [
            sys.executable,
            "-m",
            "grpc_tools.protoc",
            *(root.protoc_flag() for root in checkout.include_roots),
            "--include_imports",
            "--include_source_info",
            f"--descriptor_set_out={Path(scratch) / 'api.pb'}",
            *checkout.target_files,
        ]
        inspect = [
            sys.executable,
            "-m",
            "generator",
            "inspect",
            "--lorawan-stack",
            str(DATASET),
        ]
        timings = time_commands({"protoc": protoc, "inspect": inspect})
    peer, ours = timings["protoc"], timings["inspect"]
    ratio = ours.best / peer.best
    verdict = "meets" if ratio <= TARGET_RATIO else "MISSES"
    return "\n".join(
        [
            "## inspect: the full TTS v3.32.1 API",
            "",
            f"Wall time of whole commands run in turns, best (median) of 7 after a warm-up; {len(checkout.target_files)} API files.",
            "",
            "| command | best | median |",
            "|---|---|---|",
            f"| protoc descriptor set (grpcio-tools, peer) | {peer.best:.3f} s | {peer.median:.3f} s |",
            f"| `ttn-lw-codegen inspect` | {ours.best:.3f} s | {ours.median:.3f} s |",
            "",
            f"Ratio {ratio:.2f}x protoc; target <= {TARGET_RATIO:.1f}x: **{verdict}**.",
        ]
    )
