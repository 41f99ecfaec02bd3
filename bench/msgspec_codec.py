"""Candidate C for the representation: msgspec Structs with hooks, built from the module plan.

Decoding only, to measure whether a C-level decoder would meet the decode target. It is not
equivalent to the generated client, and says where:
- enums decode through a hook into an `int` subclass (the number), not the enum's members;
- TTS wrappers become their bare value, oneof members plain optional fields;
- durations and field masks stay as their JSON, lowerCamel keys are not accepted.
"""

from __future__ import annotations

import datetime as dt
from types import ModuleType
from typing import Any

import msgspec

from generator.pyir import Codec, PackagePlan, PyField, PyMessage


class MsgspecCodec:
    def __init__(self, plan: PackagePlan, modules: dict[str, ModuleType]) -> None:
        self.rt = modules["_runtime"]
        self.plans: dict[str, PyMessage] = {}
        self.enums: dict[str, Any] = {}
        for module in plan.modules:
            generated = modules[module.path.removesuffix(".py")]
            self.plans.update({m.class_name: m for m in module.messages})
            self.enums.update(
                {e.class_name: getattr(generated, e.class_name) for e in module.enums}
            )
        self.structs: dict[str, Any] = {}
        self.building: set[str] = set()
        self.hooks: dict[type, Any] = {}

    def decoder(self, class_name: str) -> msgspec.json.Decoder[Any]:
        return msgspec.json.Decoder(
            self.struct(class_name), strict=False, dec_hook=self._hook
        )

    def _hook(self, kind: type, value: Any) -> Any:
        return self.hooks[kind](value)

    def struct(self, class_name: str) -> Any:
        if class_name in self.structs:
            return self.structs[class_name]
        if class_name in self.building:
            return Any  # a cycle: left undecoded
        self.building.add(class_name)
        plan = self.plans[class_name]
        if plan.is_tts_wrapper:
            result = self.value_type(plan.fields[0].codec)
        else:
            result = msgspec.defstruct(
                class_name,
                [self.field(f) for f in plan.fields],
                kw_only=True,
                omit_defaults=True,
            )
        self.building.discard(class_name)
        self.structs[class_name] = result
        return result

    def field(self, field: PyField) -> tuple[str, Any, Any]:
        value = self.value_type(field.codec)
        if field.kind == "repeated":
            return field.proto_name, list[value], msgspec.field(default_factory=list)  # type: ignore[valid-type]
        if field.kind == "map":
            assert field.map_key is not None
            key = self.value_type(field.map_key)
            return field.proto_name, dict[key, value], msgspec.field(default_factory=dict)  # type: ignore[valid-type]
        if field.kind == "optional":
            return field.proto_name, value | None, None
        return field.proto_name, value, self.zero(field.codec)

    def value_type(self, codec: Codec) -> Any:
        family, helper = codec.family, codec.helper
        if family in ("scalar", "int64", "google_wrapper"):
            return {
                "string": str,
                "boolean": bool,
                "bool_key": bool,
                "floating": float,
                "b64": bytes,
            }.get(helper, int)
        if family == "float":
            return float
        if family == "bytes":
            return bytes
        if family in ("hex", "devaddr_prefix"):
            return self.custom(
                bytes,
                f"{family}{codec.hex_length}",
                lambda v: (
                    self.rt.hex_bytes(v, codec.hex_length, "")
                    if family == "hex"
                    else self.rt.devaddr_prefix(v, "")
                ),
            )
        if family == "enum":
            enum = self.enums[helper]
            return self.custom(int, helper, lambda v: self.rt.enum_in(enum, v, ""))
        if family == "message":
            return self.struct(helper)
        return {
            "timestamp": dt.datetime,
            "struct": dict[str, Any],
            "any_message": dict[str, Any],
        }.get(helper, Any)

    def custom(self, base: type, name: str, convert: Any) -> type:
        kind = type(f"{name}Value", (base,), {})
        self.hooks[kind] = lambda value: kind(convert(value))
        return kind

    def zero(self, codec: Codec) -> Any:
        if codec.family in ("hex", "devaddr_prefix", "bytes"):
            return b""
        if codec.family == "enum":
            return 0
        return {"string": "", "boolean": False, "floating": 0.0}.get(codec.helper, 0)
