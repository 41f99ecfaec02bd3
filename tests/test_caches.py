"""Generation is cached by content: a repeat comes from the cache, any change of input
misses it, and formatting is cached per module."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator import build, cli, render
from generator.build import build_checkout
from generator.checkout import open_checkout
from generator.passes.module_plan import plan_package
from generator.render import render_package

from .conftest import REPO


def fail(*args: object, **kwargs: object) -> None:
    raise AssertionError("called although the result was cached")


def generate(root: Path, out: Path) -> int:
    return cli.main(["generate", "--lorawan-stack", str(root), "--out", str(out),
                     "--package", "fleet"])  # fmt: skip


def test_a_repeated_generation_comes_from_the_cache_and_a_change_misses_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TTN_LW_CODEGEN_CACHE", str(tmp_path / "cache"))
    root = tmp_path / "protos"
    shutil.copytree(REPO / "protos", root)
    assert generate(root, tmp_path / "first") == 0
    monkeypatch.setattr(build, "build_checkout", fail)
    assert generate(root, tmp_path / "second") == 0  # neither compiled nor rendered
    first = sorted(p.read_bytes() for p in (tmp_path / "first").rglob("*.py"))
    second = sorted(p.read_bytes() for p in (tmp_path / "second").rglob("*.py"))
    assert first == second and len(first) == 7
    proto = root / "api" / "acme" / "fleet" / "v1" / "tracker.proto"
    proto.write_text(proto.read_text() + "\n// One more comment.\n")
    with pytest.raises(AssertionError, match="cached"):
        generate(root, tmp_path / "third")


def test_formatting_is_cached_per_module(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = plan_package(build_checkout(open_checkout(REPO / "protos")), "fleet")
    monkeypatch.setenv("TTN_LW_CODEGEN_CACHE", str(tmp_path / "cache"))
    formatted = render_package(plan)
    monkeypatch.setattr(render, "format_module", fail)
    assert render_package(plan) == formatted  # every module from the cache
    monkeypatch.setenv("TTN_LW_CODEGEN_CACHE", "off")
    with pytest.raises(AssertionError, match="cached"):
        render_package(plan)


def test_a_cache_that_cannot_be_written_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("TTN_LW_CODEGEN_CACHE", str(blocker / "cache"))
    assert generate(REPO / "protos", tmp_path / "out") == 0
    assert (tmp_path / "out" / "fleet" / "tracker.py").is_file()
