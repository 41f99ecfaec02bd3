"""TTS's JSON dialect against canonical proto3 JSON (tts-api-conventions.md §3).

`Deviations.undo` turns the generated client's JSON into what protobuf's `json_format` reads;
`Deviations.apply` turns `json_format`'s output back. Used by the differential test and by the
codec benchmark, which feeds protobuf the same device.
"""

from __future__ import annotations

import base64
import re
from typing import Any

from generator.pyir import Codec, PackagePlan, PyEnum, PyField, PyMessage


def camel(path: str) -> str:
    return ".".join(
        re.sub(r"_([a-z])", lambda m: m.group(1).upper(), s) for s in path.split(".")
    )


def snake(path: str) -> str:
    return re.sub(r"[A-Z]", lambda m: "_" + m.group(0).lower(), path)


def hex_to_b64(text: str) -> str:
    return base64.b64encode(bytes.fromhex(text)).decode()


def enum_names(enum: PyEnum) -> dict[Any, Any]:
    return {v.json_name if enum.as_string else v.number: v.name for v in enum.values}


class Deviations:
    """TTS's JSON vs canonical proto3 JSON, one value family at a time, both directions."""

    def __init__(self, plan: PackagePlan) -> None:
        self.messages = {
            m.class_name: m for module in plan.modules for m in module.messages
        }
        self.enums = {e.class_name: e for module in plan.modules for e in module.enums}

    def undo(self, message: PyMessage, data: Any) -> Any:
        if message.is_tts_wrapper:
            return {"value": self.undo_value(message.fields[0].codec, data)}
        fields = {f.proto_name: f for f in message.fields}
        return {key: self.undo_field(fields[key], value) for key, value in data.items()}

    def undo_field(self, field: PyField, value: Any) -> Any:
        if field.kind == "repeated":
            return [self.undo_value(field.codec, v) for v in value]
        if field.kind == "map":
            return {k: self.undo_value(field.codec, v) for k, v in value.items()}
        return self.undo_value(field.codec, value)

    def undo_value(self, codec: Codec, value: Any) -> Any:
        if codec.family == "hex":
            return hex_to_b64(value)
        if codec.family == "devaddr_prefix":
            return base64.b64encode(
                bytes.fromhex(value[:8]) + bytes([int(value[9:])])
            ).decode()
        if codec.family == "enum":
            return enum_names(self.enums[codec.helper])[value]
        if codec.family == "message":
            return self.undo(self.messages[codec.helper], value)
        if codec.helper == "field_mask":
            return ",".join(camel(p) for p in value["paths"])
        return value

    def apply(self, message: PyMessage, data: Any) -> Any:
        if message.is_tts_wrapper:
            codec = message.fields[0].codec
            return self.apply_value(codec, data.get("value", self.zero(codec)))
        fields = {f.proto_name: f for f in message.fields}
        return {
            key: self.apply_field(fields[key], value) for key, value in data.items()
        }

    def apply_field(self, field: PyField, value: Any) -> Any:
        if field.kind == "repeated":
            return [self.apply_value(field.codec, v) for v in value]
        if field.kind == "map":
            return {k: self.apply_value(field.codec, v) for k, v in value.items()}
        return self.apply_value(field.codec, value)

    def apply_value(self, codec: Codec, value: Any) -> Any:
        if codec.family == "hex":
            return base64.b64decode(value).hex().upper()
        if codec.family == "devaddr_prefix":
            raw = base64.b64decode(value)
            return f"{raw[:4].hex().upper()}/{raw[4]}"
        if codec.family == "enum":
            names = {
                name: out for out, name in enum_names(self.enums[codec.helper]).items()
            }
            return names[value] if isinstance(value, str) else value
        if codec.family == "message":
            return self.apply(self.messages[codec.helper], value)
        if codec.helper == "field_mask":
            return {"paths": [snake(p) for p in value.split(",") if p]}
        return value

    def zero(self, codec: Codec) -> Any:
        """What protobuf leaves out of a wrapper holding a zero value."""
        if codec.family == "enum":
            return self.enums[codec.helper].values[0].name
        return {
            "boolean": False,
            "string": "",
            "int64": "0",
            "uint64": "0",
            "b64": "",
        }.get(codec.helper, 0)
