"""Candidate F, a floor rather than a codec: the least work any decoder written in Python
must do to build the generated classes from `json.loads` output.

Per message: one call and one `object.__new__`. Per field: one `dict.get` and one slot store,
recursing into nested messages (singular, repeated and map values). Nothing is checked or
converted: hex, enums, int64 strings and timestamps stay as they come, so the objects are
not correct. Its straight-line code is compiled at run time, written as A's is, so F's time
is what A's approach costs before any check or conversion.
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any

from generator.pyir import PackagePlan, PyField, PyMessage

from .compiled import compile_per_message


class FloorDecoder:
    def __init__(self, plan: PackagePlan, modules: dict[str, ModuleType]) -> None:
        namespace = {"new": object.__new__}
        self._namespace = compile_per_message(plan, modules, _decoder_source, namespace)

    def decoder(self, class_name: str) -> Callable[[Any], Any]:
        return self._namespace[f"decode_{class_name}"]  # type: ignore[no-any-return]


def _decoder_source(message: PyMessage) -> str:
    name = message.class_name
    lines = [f"def decode_{name}(data):", f"    o = new({name})"]
    if message.is_tts_wrapper:
        return "\n".join(
            [*lines, f"    o.{message.fields[0].slot} = data", "    return o", ""]
        )
    for field in message.plain_fields:
        lines.append(f"    v = data.get({field.proto_name!r})")
        lines.append(f"    o.{field.slot} = {_value(field)}")
    for oneof in message.oneofs:
        # A oneof's members are read like fields; the slot keeps the last one present.
        for member in oneof.members:
            lines.append(f"    v = data.get({member.proto_name!r})")
            lines.append(
                f"    if v is not None: o.{oneof.slot} = "
                f"({member.proto_name!r}, {_value(member)})"
            )
    lines.append("    return o")
    return "\n".join(lines) + "\n"


def _value(field: PyField) -> str:
    if field.codec.family != "message":
        return "v"
    decode = f"decode_{field.codec.helper}"
    if field.kind == "repeated":
        return f"None if v is None else [{decode}(e) for e in v]"
    if field.kind == "map":
        return f"None if v is None else {{k: {decode}(e) for k, e in v.items()}}"
    return f"None if v is None else {decode}(v)"
