"""Finding the API inside a lorawan-stack checkout, whichever release layout it has."""

from __future__ import annotations

import enum
import importlib.resources
from dataclasses import dataclass
from pathlib import Path

from .diagnostics import InputError

API_DEFINITION = Path("sdk/js/generated/api-definition.json")
THIRD_PARTY = "third_party"
# Up to v3.24 the API files import each other under this prefix (the checkout mounted as
# `lorawan-stack/` beside its parent include root).
LEGACY_IMPORT_PREFIX = "lorawan-stack/api"


class Layout(enum.Enum):
    MODERN = "modern"  # v3.25 on: api/ttn/lorawan/v3/*.proto, imported as "ttn/lorawan/v3/x.proto"
    LEGACY = "legacy"  # before: api/*.proto, imported as "lorawan-stack/api/x.proto"


@dataclass(frozen=True, slots=True)
class IncludeRoot:
    """One protoc include root; `prefix` is the import-name prefix it serves ("" for none)."""

    prefix: str
    directory: Path

    def protoc_flag(self) -> str:
        return (
            f"-I{self.prefix}={self.directory}"
            if self.prefix
            else f"-I{self.directory}"
        )


@dataclass(frozen=True, slots=True)
class Checkout:
    root: Path
    layout: Layout
    include_roots: tuple[IncludeRoot, ...]
    target_files: tuple[str, ...]  # import names of the API's own files, sorted
    api_definition: Path

    def display_path(self, import_name: str) -> str:
        """The path a user recognises for an import name: relative to the checkout if inside it."""
        for root in self.include_roots:
            relative = _strip_prefix(import_name, root.prefix)
            if relative is not None and (root.directory / relative).is_file():
                return _relative_to(root.directory / relative, self.root)
        return import_name

    def display_disk_path(self, disk_path: str) -> str:
        return _relative_to(Path(disk_path), self.root)


def _strip_prefix(import_name: str, prefix: str) -> str | None:
    if not prefix:
        return import_name
    if import_name.startswith(prefix + "/"):
        return import_name[len(prefix) + 1 :]
    return None


def _relative_to(path: Path, root: Path) -> str:
    try:
        return str(path.resolve().relative_to(root.resolve()))
    except ValueError:
        return str(path)


def bundled_proto_root() -> Path:
    """grpcio-tools ships the google/protobuf/*.proto well-known types."""
    return Path(str(importlib.resources.files("grpc_tools") / "_proto"))


def open_checkout(root: Path) -> Checkout:
    """Detect the layout of a lorawan-stack checkout and where its API files are."""
    if not root.is_dir():
        raise InputError(
            f"{root}: {'not a' if root.exists() else 'no such'} directory; "
            "pass --lorawan-stack the root of a lorawan-stack checkout"
        )
    api = root / "api"
    if not api.is_dir():
        raise InputError(
            f"{root}: not a lorawan-stack checkout (there is no api/ directory); "
            "pass --lorawan-stack the directory that holds api/ and sdk/"
        )
    third_party = api / THIRD_PARTY
    legacy = sorted(p.name for p in api.glob("*.proto"))
    modern = sorted(
        p.relative_to(api).as_posix()
        for p in api.rglob("*.proto")
        if p.parent != api and p.relative_to(api).parts[0] != THIRD_PARTY
    )
    if legacy and modern:
        raise InputError(
            f"{api}: both api/*.proto (the layout before v3.25) and api/<package>/*.proto "
            "(v3.25 on) exist; remove the stale set of files"
        )
    if not legacy and not modern:
        raise InputError(
            f"{root}: not a lorawan-stack checkout (no .proto files under api/ outside "
            f"api/{THIRD_PARTY}); pass --lorawan-stack the directory that holds api/ and sdk/"
        )
    extra_roots = [IncludeRoot("", third_party)] if third_party.is_dir() else []
    extra_roots.append(IncludeRoot("", bundled_proto_root()))
    if legacy:
        return Checkout(
            root=root,
            layout=Layout.LEGACY,
            include_roots=(IncludeRoot(LEGACY_IMPORT_PREFIX, api), *extra_roots),
            target_files=tuple(f"{LEGACY_IMPORT_PREFIX}/{name}" for name in legacy),
            api_definition=root / API_DEFINITION,
        )
    return Checkout(
        root=root,
        layout=Layout.MODERN,
        include_roots=(IncludeRoot("", api), *extra_roots),
        target_files=tuple(modern),
        api_definition=root / API_DEFINITION,
    )
