"""Negative typing tests: misuse of the generated client fails mypy with the expected codes."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from .conftest import REPO

CASES = Path(__file__).parent / "typing_cases"
ERROR = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+): error: .*\[(?P<code>[a-z-]+)\]$")


def mypy(path: Path) -> list[tuple[int, str]]:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir=/dev/null", str(path)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    errors = [ERROR.match(line) for line in result.stdout.splitlines()]
    return sorted((int(m["line"]), m["code"]) for m in errors if m)


def expected(path: Path) -> list[tuple[int, str]]:
    marks = [
        re.search(r"# E: ([a-z-]+)$", line) for line in path.read_text().splitlines()
    ]
    return [(number, m.group(1)) for number, m in enumerate(marks, 1) if m]


def test_misuse_fails_with_the_expected_error_codes() -> None:
    wanted = expected(CASES / "misuse.py")
    assert len(wanted) == 20
    assert mypy(CASES / "misuse.py") == wanted


def test_proper_use_type_checks() -> None:
    assert mypy(CASES / "proper_use.py") == []
