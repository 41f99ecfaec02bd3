"""Part of pass 5: where each generated module and class goes, and what it is called.

Module paths follow the proto packages (see `module_paths`); `Symbols` records, for every
message and enum, its module and class and the names derived from them (path class, enum
zero, the names inside a message class).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from ..diagnostics import InputError
from ..ir import Api, Enum, Message
from ..naming import Namespace
from ..resources import RUNTIME_SOURCES
from .member_names import MessageNames, class_name, message_names

# The aggregate clients' module: `from <package>.clients import Client` for every API.
CLIENTS_MODULE = "clients"
# Names the package's top level keeps for itself: its __init__, the runtime modules copied
# in verbatim, and the aggregate clients.
TOP_LEVEL_MODULES = frozenset(
    {"__init__", CLIENTS_MODULE, *(source.stem for source in RUNTIME_SOURCES)}
)


def module_paths(api: Api) -> dict[str, str]:
    """Each target file's module path. Directories are the proto packages below their
    common prefix; a directory or module name that is not an identifier, is a keyword or is
    taken (by the top level's own modules, or by another file: `b_x.proto` keeps `b_x.py`
    and `b-x.proto` gets `b_x_.py`) is adjusted. Files whose names are identifiers claim
    theirs first, then the others, each in file-name order."""
    targets = sorted(
        (f for f in api.files if f.is_target),
        key=lambda f: (not _stem(f.name).isidentifier(), f.name),
    )
    prefix = _common_prefix([_package_parts(f.package) for f in targets])
    namespaces = {"": Namespace(TOP_LEVEL_MODULES)}  # directory -> its names
    directories: dict[tuple[str, ...], str] = {(): ""}
    paths = {}

    def claim(directory: str, name: str) -> str:
        namespace = namespaces.setdefault(directory, Namespace({"__init__"}))
        return namespace.claim(_identifier(name))

    for target in targets:
        parts = tuple(_package_parts(target.package)[len(prefix) :])
        for depth in range(1, len(parts) + 1):
            if parts[:depth] not in directories:
                parent = directories[parts[: depth - 1]]
                directories[parts[:depth]] = (
                    f"{parent}{claim(parent, parts[depth - 1])}/"
                )
        directory = directories[parts]
        paths[target.name] = f"{directory}{claim(directory, _stem(target.name))}.py"
    return paths


def _package_parts(package: str) -> list[str]:
    return package.split(".") if package else []  # a file without a package: none


def _stem(file_name: str) -> str:
    return file_name.rpartition("/")[2].removesuffix(".proto")


def _identifier(name: str) -> str:
    """A file or package name as a Python identifier (`b-x` -> `b_x`, `1x` -> `_1x`)."""
    name = re.sub(r"[^A-Za-z0-9_]", "_", name)
    return f"_{name}" if name[:1].isdigit() else name


def _common_prefix(parts: list[list[str]]) -> list[str]:
    if not parts:
        return []
    prefix = parts[0]
    for other in parts[1:]:
        while other[: len(prefix)] != prefix:
            prefix = prefix[:-1]
    return prefix


@dataclass(frozen=True, slots=True)
class Symbols:
    """Where each generated class lives (proto full name -> module path, class name), and
    the names derived from it: a message's path class, an enum's zero constant, the names
    inside a message class; module path -> the names its classes take."""

    messages: dict[str, Message]
    enums: dict[str, Enum]
    where: dict[str, tuple[str, str]]
    paths_classes: dict[str, str]
    zeros: dict[str, str]
    members: dict[str, MessageNames]
    module_names: dict[str, frozenset[str]]

    @classmethod
    def of(cls, api: Api, modules: Mapping[str, str]) -> Symbols:
        where: dict[str, tuple[str, str]] = {}
        taken: dict[tuple[str, str], str] = {}
        items: tuple[Message | Enum, ...] = (*api.messages, *api.enums)
        for item in items:
            module, name = modules[item.file], class_name(item.name)
            clash = taken.get((module, name))
            if clash is not None:
                raise InputError(
                    f"{item.location}: {item.full_name} and {clash} would both be the Python class "
                    f"{name} in {module}; rename one of them"
                )
            taken[(module, name)] = item.full_name
            where[item.full_name] = (module, name)
        namespaces: dict[str, Namespace] = {}
        for module, name in where.values():
            namespaces.setdefault(module, Namespace()).names.add(name)

        def derived(full_name: str, suffix: str) -> str:
            module, name = where[full_name]
            return namespaces[module].claim(name + suffix)

        paths = {m.full_name: derived(m.full_name, "Paths") for m in api.messages}
        zeros = {e.full_name: derived(e.full_name, "_ZERO") for e in api.enums}
        members = {
            m.full_name: message_names(m, _class_body_names(m, where, paths, zeros))
            for m in api.messages
        }
        return cls(
            {m.full_name: m for m in api.messages},
            {e.full_name: e for e in api.enums},
            where,
            paths,
            zeros,
            members,
            {module: frozenset(n.names) for module, n in namespaces.items()},
        )


def _class_body_names(
    message: Message,
    where: Mapping[str, tuple[str, str]],
    paths: Mapping[str, str],
    zeros: Mapping[str, str],
) -> set[str]:
    """The module-level names a message's class body uses: its own class and path class,
    its field types' classes and their enums' zero constants."""
    names = {where[message.full_name][1], paths[message.full_name]}
    for field in message.fields:
        for ref in (field.value, field.map_key):
            if ref is not None and ref.type_name in where:
                names.add(where[ref.type_name][1])
                names.add(zeros.get(ref.type_name, ""))
    return names - {""}
