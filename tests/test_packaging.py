"""The wheel carries everything `generate` needs, so a plain `pip install` works too."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from .conftest import REPO


def test_the_wheel_carries_every_template(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--wheel-dir",
            str(tmp_path),
            str(REPO),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("ttn_lw_codegen-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    templates = {
        f"generator/templates/{p.relative_to(REPO / 'templates').as_posix()}"
        for p in (REPO / "templates").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    assert len(templates) == 9
    assert templates <= names
    assert "generator/passes/module_plan.py" in names
