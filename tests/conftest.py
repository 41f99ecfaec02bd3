"""Shared fixtures: the pinned TTS dataset in ../shared, and running the CLI."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from generator.build import build_checkout
from generator.checkout import open_checkout
from generator.passes.module_plan import plan_package
from generator.pyir import PackagePlan
from generator.resources import RUNTIME_SOURCES

from .strategies import MessageStrategies

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATASET = REPO.parent / "shared" / "tts" / "v3.32.1"
# The rules generated code must pass: ruff's defaults, pycodestyle, bugbear, pyupgrade,
# isort, ruff's own and simplify.
RUFF_RULES = "E,F,W,B,UP,I,RUF,SIM"
# The generator's black mode (generator/formatting.py), as black's command line says it.
BLACK_CHECK = ("black", "--check", "--diff", "--quiet", "--skip-magic-trailing-comma",
               "--target-version", "py311")  # fmt: skip


# Generations in the tests (and their subprocesses) use a cache of their own, empty at the
# start: nothing is written to the user's cache, and every run formats from scratch.
os.environ["TTN_LW_CODEGEN_CACHE"] = tempfile.mkdtemp(prefix="ttn-lw-test-cache-")


def tts_dataset_path() -> Path:
    return Path(os.environ.get("TTS_DATASET", DEFAULT_DATASET))


@pytest.fixture(scope="session")
def tts_dataset() -> Path:
    """The TTS v3.32.1 checkout with its oracle; skipped when absent, but never under CI."""
    path = tts_dataset_path()
    if not (path / "api").is_dir() or not (path / "oracle").is_dir():
        reason = f"TTS dataset not found at {path} (set TTS_DATASET to a dataset with api/ and oracle/)"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    return path


@dataclass(frozen=True)
class CliResult:
    status: int
    stdout: str
    stderr: str


def run_cli(*args: str | Path) -> CliResult:
    """Run `python -m generator` in a subprocess, as a user would run ttn-lw-codegen."""
    completed = subprocess.run(
        [sys.executable, "-m", "generator", *map(str, args)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    return CliResult(completed.returncode, completed.stdout, completed.stderr)


def run_tool(cwd: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    """Run `python -m <tool> ...` (mypy, ruff) on generated code in `cwd`."""
    return subprocess.run(
        [sys.executable, "-m", *argv],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(params=["msgspec", "json"])
def json_library(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> str:
    """The test on msgspec's C encoder and decoder (the test extras install msgspec),
    then on json alone: what the generated runtimes loaded so far use."""
    runtimes = [
        module
        for name, module in list(sys.modules.items())
        if name.endswith("._runtime") and hasattr(module, "_load_c_json")
    ]
    assert runtimes, "no generated runtime is loaded yet"
    for runtime in runtimes:
        runtime._load_c_json()
        assert runtime._c_encode is not None, "msgspec is not installed"
        if request.param == "json":
            monkeypatch.setattr(runtime, "_c_encode", None)
            monkeypatch.setattr(runtime, "_c_decode", None)
    library: str = request.param
    return library


PACKAGE = "ttn_lw"


@pytest.fixture(scope="session")
def client(tts_dataset: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The full TTS client, generated once per test run (it is not committed)."""
    out = tmp_path_factory.mktemp("tts")
    result = run_cli("generate", "--lorawan-stack", tts_dataset, "--out", out)
    assert result.status == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def modules(client: Path) -> dict[str, ModuleType]:
    """Every module of the full client, imported."""
    sys.path.insert(0, str(client))
    try:
        names = sorted(
            p.stem for p in (client / PACKAGE).glob("*.py") if p.stem != "__init__"
        )
        return {name: importlib.import_module(f"{PACKAGE}.{name}") for name in names}
    finally:
        sys.path.remove(str(client))


@pytest.fixture(scope="session")
def tts_plan(tts_dataset: Path) -> PackagePlan:
    """The module plan of the full client, as the generator makes it."""
    return plan_package(build_checkout(open_checkout(tts_dataset)), PACKAGE)


@pytest.fixture(scope="session")
def tts_strategies(
    tts_plan: PackagePlan, modules: dict[str, ModuleType]
) -> MessageStrategies:
    """Hypothesis strategies for the messages of the full client."""
    return MessageStrategies(tts_plan, modules)


def messages_in(value: Any, where: str = "") -> list[tuple[str, Any]]:
    """(position, message) of `value` if a message and of every message its fields hold,
    in lists, maps and oneofs too; reading each slot proves every one is set."""
    if isinstance(value, list):
        return [m for i, e in enumerate(value) for m in messages_in(e, f"{where}[{i}]")]
    if isinstance(value, dict):
        return [m for k, e in value.items() for m in messages_in(e, f"{where}[{k}]")]
    if isinstance(value, tuple):  # a oneof's (member, value)
        return messages_in(value[1], f"{where}.{value[0]}")
    if not hasattr(value, "_SLOTS"):
        return []
    held = (messages_in(getattr(value, s), f"{where}.{s}") for s in value._SLOTS)
    return [(where, value)] + [found for inner in held for found in inner]


def instances_in(modules: dict[str, ModuleType], cls: type) -> list[Any]:
    """Every module-level value of type `cls` in the generated modules."""
    return [
        value
        for module in modules.values()
        for value in vars(module).values()
        if isinstance(value, cls)
    ]


def generated_modules(package: Path) -> list[Path]:
    """The package's rendered modules: not the runtime, which is copied in verbatim."""
    runtime = {source.name for source in RUNTIME_SOURCES}
    return sorted(p for p in package.rglob("*.py") if p.name not in runtime)
