"""Writing the generated package, or comparing it with what is on disk (`--check`)."""

from __future__ import annotations

import difflib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

IGNORED_DIRECTORIES = {"__pycache__"}


def write_whole(path: Path, text: str) -> None:
    """Write `path` by a temporary file and a rename: a reader sees all of it or none."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_package(files: dict[str, str], target: Path) -> None:
    """Replace `target` with exactly `files`, atomically: nothing is half-written on failure."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    try:
        for relative, text in files.items():
            path = staging / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        if target.exists():
            retired = target.with_name(f".{target.name}-old-{os.getpid()}")
            target.rename(retired)
            staging.rename(target)
            shutil.rmtree(retired)
        else:
            staging.rename(target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def existing_files(target: Path) -> dict[str, str]:
    if not target.is_dir():
        return {}
    result = {}
    for path in sorted(target.rglob("*")):
        if path.is_file() and not IGNORED_DIRECTORIES & set(
            path.relative_to(target).parts
        ):
            result[path.relative_to(target).as_posix()] = path.read_text(
                encoding="utf-8", errors="replace"
            )
    return result


def diff_package(files: dict[str, str], target: Path) -> Iterator[str]:
    """A unified diff from what is on disk to what generation gives; empty when they agree."""
    current = existing_files(target)
    for relative in sorted(set(files) | set(current)):
        before, after = current.get(relative), files.get(relative)
        if before == after:
            continue
        yield from difflib.unified_diff(
            [] if before is None else before.splitlines(keepends=True),
            [] if after is None else after.splitlines(keepends=True),
            fromfile=f"a/{relative}" if before is not None else "/dev/null",
            tofile=f"b/{relative}" if after is not None else "/dev/null",
        )
