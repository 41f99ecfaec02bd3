"""Generation is byte-identical whatever the hash seed and the order of the input files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from .conftest import REPO, tts_dataset_path

# Generates the example API with the checkout's files in a shuffled order, then prints a digest
# of the full TTS API's module plan (built the same way) when the dataset is there.
DRIVER = """
import dataclasses, hashlib, random, sys
from pathlib import Path
from generator.build import build_checkout
from generator.checkout import open_checkout
from generator.passes.module_plan import plan_package
from generator.output import write_package
from generator.render import render_package

def shuffled(root, seed):
    checkout = open_checkout(Path(root))
    files = list(checkout.target_files)
    random.Random(seed).shuffle(files)
    return dataclasses.replace(checkout, target_files=tuple(files))

seed, out, tts = int(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
plan = plan_package(build_checkout(shuffled("protos", seed)), "fleet")
write_package(render_package(plan), out / "fleet")
if Path(tts).is_dir():
    tts_plan = plan_package(build_checkout(shuffled(tts, seed)), "ttn_lw")
    print(hashlib.sha256(repr(tts_plan).encode()).hexdigest())
"""


def generate(seed: int, hash_seed: str, out: Path) -> str:
    # No cache: each generation must run black itself.
    env = {**os.environ, "PYTHONHASHSEED": hash_seed, "TTN_LW_CODEGEN_CACHE": "off"}
    result = subprocess.run(
        [sys.executable, "-c", DRIVER, str(seed), str(out), str(tts_dataset_path())],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


def tree(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_generation_is_byte_identical_across_hash_seeds_and_input_orders(
    tmp_path: Path,
) -> None:
    first = generate(1, "0", tmp_path / "a")
    second = generate(7, "4242", tmp_path / "b")
    assert tree(tmp_path / "a") == tree(tmp_path / "b")
    assert tree(tmp_path / "a" / "fleet") == {
        k: v
        for k, v in tree(REPO / "generated" / "fleet").items()
        if "__pycache__" not in k
    }  # and equal to the golden
    assert first == second
