"""The committed golden equals a fresh generation; --check reports every difference."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator import cli, output
from generator.output import write_package

from .conftest import (
    BLACK_CHECK,
    REPO,
    RUFF_RULES,
    CliResult,
    generated_modules,
    run_cli,
    run_tool,
)

GOLDEN = REPO / "generated" / "fleet"
EXAMPLE_API = REPO / "protos"


def generate(out: Path, package: str, *options: str) -> CliResult:
    """`generate` of the example API into `out/package`."""
    return run_cli(
        "generate",
        "--lorawan-stack",
        EXAMPLE_API,
        "--out",
        out,
        "--package",
        package,
        *options,
    )


def check(out: Path) -> tuple[int, str]:
    result = generate(out, "fleet", "--check")
    return result.status, result.stdout


def test_committed_golden_is_current() -> None:
    status, diff = check(GOLDEN.parent)
    assert (status, diff) == (0, ""), "regenerate with: bash dev/goldens"


@pytest.fixture()
def copy_of_golden(tmp_path: Path) -> Path:
    shutil.copytree(GOLDEN, tmp_path / "fleet")
    return tmp_path / "fleet"


def test_a_changed_file_fails_with_a_unified_diff(copy_of_golden: Path) -> None:
    module = copy_of_golden / "tracker.py"
    module.write_text(module.read_text().replace("class Tracker(", "class Trackr(", 1))
    status, diff = check(copy_of_golden.parent)
    assert status == 1
    assert "--- a/tracker.py\n+++ b/tracker.py\n" in diff
    assert "-class Trackr(_rt.Message):\n+class Tracker(_rt.Message):\n" in diff


def test_missing_and_stale_files_fail(copy_of_golden: Path) -> None:
    (copy_of_golden / "identifiers.py").unlink()
    (copy_of_golden / "leftover.py").write_text("x = 1\n")
    (copy_of_golden / "__pycache__").mkdir()
    (copy_of_golden / "__pycache__" / "tracker.cpython-311.pyc").write_bytes(b"\0")
    status, diff = check(copy_of_golden.parent)
    assert status == 1
    assert "--- /dev/null\n+++ b/identifiers.py\n" in diff
    assert "--- a/leftover.py\n+++ /dev/null\n" in diff
    assert "pycache" not in diff  # bytecode caches are not part of the package


def test_generate_replaces_the_whole_package(copy_of_golden: Path) -> None:
    (copy_of_golden / "leftover.py").write_text("x = 1\n")
    result = generate(copy_of_golden.parent, "fleet")
    assert result.status == 0, result.stderr
    assert not (copy_of_golden / "leftover.py").exists()
    assert check(copy_of_golden.parent) == (0, "")


def test_an_interrupted_generation_exits_130_and_keeps_the_package(
    copy_of_golden: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setenv("TTN_LW_CODEGEN_CACHE", "off")
    monkeypatch.setattr(cli, "_render", interrupted)
    (copy_of_golden / "tracker.py").write_text("before\n")
    argv = ["generate", "--lorawan-stack", str(EXAMPLE_API), "--out"]
    try:
        status = cli.main([*argv, str(copy_of_golden.parent), "--package", "fleet"])
    except KeyboardInterrupt:
        pytest.fail("the interrupt reached the user as a traceback")
    assert status == 130
    assert capsys.readouterr().err == "interrupted\n"  # and no traceback
    assert (copy_of_golden / "tracker.py").read_text() == "before\n"


def test_an_output_directory_that_cannot_be_written_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def refused(files: object, target: Path) -> None:
        raise PermissionError(13, "Permission denied", str(target.parent))

    monkeypatch.setattr(output, "write_package", refused)
    argv = ["generate", "--lorawan-stack", str(EXAMPLE_API), "--out", str(tmp_path)]
    assert cli.main(argv) == 2
    assert capsys.readouterr().err.endswith(
        f"error: --out {tmp_path}: cannot write {tmp_path}: Permission denied; choose a "
        "directory you can write to\n"
    )


def test_a_failure_in_the_last_rename_restores_the_old_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "pkg"
    write_package({"__init__.py": "old\n"}, target)
    rename = Path.rename

    def interrupted_into_target(self: Path, destination: Path) -> Path:
        if Path(destination) == target and self.name.startswith(".pkg-"):
            if "-old-" not in self.name:  # staging, not the retired package
                raise KeyboardInterrupt
        return rename(self, destination)

    monkeypatch.setattr(Path, "rename", interrupted_into_target)
    with pytest.raises(KeyboardInterrupt):
        write_package({"__init__.py": "new\n"}, target)
    # No staging directory and no retired copy are left beside it.
    assert [p.name for p in tmp_path.iterdir()] == ["pkg"]
    assert (target / "__init__.py").read_text() == "old\n"


def test_bad_input_writes_nothing(tmp_path: Path) -> None:
    result = run_cli(
        "generate",
        "--lorawan-stack",
        tmp_path / "missing",
        "--out",
        tmp_path,
        "--package",
        "x",
    )
    assert result.status == 2 and "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("package", "complaint"),
    [
        ("my-client", "not a valid Python package name"),
        ("class", "not a valid Python package name"),
    ],
)
def test_package_name_must_be_importable(
    tmp_path: Path, package: str, complaint: str
) -> None:
    result = generate(tmp_path, package)
    assert result.status == 2
    assert result.stderr.startswith(f"error: --package {package!r}: {complaint}")
    assert list(tmp_path.iterdir()) == []


def test_a_standard_library_name_is_warned_about(tmp_path: Path) -> None:
    result = generate(tmp_path, "json")
    assert result.status == 0, result.stderr
    assert result.stderr.startswith(
        "warning: --package 'json' is the name of a standard library module;"
    )
    assert (tmp_path / "json" / "__init__.py").is_file()


def test_generate_replaces_only_what_it_wrote(tmp_path: Path) -> None:
    own_code = tmp_path / "mine"
    own_code.mkdir()
    (own_code / "__init__.py").write_text("# my own package\n")
    (tmp_path / "afile").write_text("keep me\n")
    for out, package, complaint in [
        (
            tmp_path,
            "mine",
            f"error: {own_code} holds files ttn-lw-codegen did not write",
        ),
        (
            tmp_path,
            "afile",
            f"error: {tmp_path / 'afile'} exists and is not a directory",
        ),
        (
            tmp_path / "afile",
            "x",
            f"error: --out {tmp_path / 'afile'}: not a directory",
        ),
    ]:
        result = generate(out, package)
        assert result.status == 2, result.stderr
        assert result.stderr.startswith(complaint), result.stderr
    assert (own_code / "__init__.py").read_text() == "# my own package\n"
    assert (tmp_path / "afile").read_text() == "keep me\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["afile", "mine"]


def test_output_has_a_generated_header_and_relative_imports_only() -> None:
    for path in GOLDEN.rglob("*.py"):
        text = path.read_text()
        assert text.startswith("# @generated by ttn-lw-codegen"), path
        assert "from fleet" not in text and "import fleet" not in text, path
    assert (GOLDEN / "py.typed").read_text() == ""


def test_golden_passes_mypy_strict_ruff_and_black() -> None:
    modules = [
        str(path.relative_to(GOLDEN.parent)) for path in generated_modules(GOLDEN)
    ]
    for argv in (
        ["mypy", "--strict", "--cache-dir=/dev/null", "fleet"],
        ["ruff", "check", "--isolated", "--select", RUFF_RULES, "fleet"],
        [*BLACK_CHECK, *modules],  # the templates write black's layout (formatting.py)
    ):
        result = run_tool(GOLDEN.parent, *argv)
        assert result.returncode == 0, result.stdout
