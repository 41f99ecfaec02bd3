"""Straight-line functions per message, compiled at run time from the plan: how the
benchmark's F and G candidates are built, written the way the runtime writes A's."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any

from generator.pyir import PackagePlan, PyMessage


def compile_per_message(
    plan: PackagePlan,
    modules: dict[str, ModuleType],
    source_of: Callable[[PyMessage], str],
    namespace: dict[str, Any],
) -> dict[str, Any]:
    """`namespace` with every message class of the plan and the functions that
    `source_of` writes for each message, compiled there."""
    sources = []
    for module in plan.modules:
        generated = modules[module.path.removesuffix(".py")]
        for message in module.messages:
            namespace[message.class_name] = getattr(generated, message.class_name)
            sources.append(source_of(message))
    exec("\n".join(sources), namespace)
    return namespace
