"""Whole generations, cached by the content of everything they read.

The key is a hash of the checkout's `api/` tree and `api-definition.json`, the package name,
the generator's own files (code and templates) and the versions of the tools it runs. When
nothing changed, `generate` writes the cached files instead of compiling and rendering again.
The cache directory is the format cache's (see format_cache.py); the newest few generations
are kept.
"""

from __future__ import annotations

import hashlib
import json
from importlib.metadata import version
from pathlib import Path

from .checkout import API_DEFINITION
from .output import write_whole
from .resources import GENERATOR, TEMPLATES

_TOOLS = ("black", "grpcio-tools", "jinja2", "protobuf")
KEEP = 4


def _tree(root: Path) -> list[Path]:
    return sorted(
        p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts
    )


def input_key(root: Path, package: str) -> str:
    digest = hashlib.sha256()

    def add(label: str, data: bytes) -> None:
        digest.update(f"{label}\0{len(data)}\0".encode() + data)

    add("package", package.encode())
    add("checkout", str(root.resolve()).encode())  # warnings name its paths
    for tool in _TOOLS:
        add(tool, version(tool).encode())
    for label, base in (("generator", GENERATOR), ("templates", TEMPLATES),
                        ("api", root / "api")):  # fmt: skip
        for path in _tree(base):
            add(f"{label}/{path.relative_to(base).as_posix()}", path.read_bytes())
    definition = root / API_DEFINITION
    add("api-definition", definition.read_bytes() if definition.is_file() else b"")
    return digest.hexdigest()


class OutputCache:
    def __init__(self, directory: Path | None) -> None:
        self._directory = None if directory is None else directory / "outputs"

    def get(self, key: str) -> tuple[dict[str, str], list[str]] | None:
        """The files and warnings of a generation with this key, if cached."""
        if self._directory is None:
            return None
        try:
            entry = json.loads((self._directory / f"{key}.json").read_text("utf-8"))
            return dict(entry["files"]), list(entry["warnings"])
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, key: str, files: dict[str, str], warnings: list[str]) -> None:
        if self._directory is None:
            return
        try:
            entry = json.dumps({"files": files, "warnings": warnings})
            write_whole(self._directory / f"{key}.json", entry)
            entries = sorted(
                self._directory.glob("*.json"), key=lambda p: p.stat().st_mtime
            )
            for old in entries[:-KEEP]:
                old.unlink()
        except OSError:
            pass  # a cache that cannot be written is not used
