"""Formatted modules, cached by content.

Formatting is a large part of a generation's time, and a regeneration (the same release
again, or an upgrade that changes a few files) renders mostly the same modules: each module's
formatted text is kept under the hash of black's version and mode, the formatter's own code
and the unformatted source.

The cache lives in `$TTN_LW_CODEGEN_CACHE` (`off` disables it), else in
`$XDG_CACHE_HOME/ttn-lw-codegen` or `~/.cache/ttn-lw-codegen`. Entries are written whole
(a temporary file, then a rename), so a reader never sees half of one; a cache that cannot be
written is simply not used.
"""

from __future__ import annotations

import hashlib
import os
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING

from .output import write_whole

if TYPE_CHECKING:
    import black

CACHE_ENV = "TTN_LW_CODEGEN_CACHE"
_FORMATTER = tuple(
    Path(__file__).with_name(name) for name in ("formatting.py", "black_layout.py")
)


def default_directory() -> Path | None:
    configured = os.environ.get(CACHE_ENV)
    if configured == "off":
        return None
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "ttn-lw-codegen"


class FormatCache:
    def __init__(self, directory: Path | None, mode: black.Mode) -> None:
        self._directory = directory
        self._salt = f"black {version('black')}\0{mode!r}\0".encode()
        for formatter in _FORMATTER:  # what black leaves to us, we format ourselves
            self._salt += formatter.read_bytes()

    def _path(self, source: str) -> Path | None:
        if self._directory is None:
            return None
        digest = hashlib.sha256(self._salt + source.encode()).hexdigest()
        return self._directory / digest[:2] / f"{digest[2:]}.py"

    def get(self, source: str) -> str | None:
        path = self._path(source)
        try:
            return None if path is None else path.read_text(encoding="utf-8")
        except OSError:
            return None

    def put(self, source: str, formatted: str) -> None:
        path = self._path(source)
        if path is None:
            return
        try:
            write_whole(path, formatted)
        except OSError:
            self._directory = None  # read-only or full: generate without the cache
