"""Candidate B for the message representation: the same generated classes, decoded and
encoded by one generic, table-driven codec instead of straight-line code per message.

Built from the module plan at run time. It exists to be measured against the chosen codec.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from operator import attrgetter
from types import ModuleType
from typing import Any

from generator.pyir import Codec, PackagePlan, PyField

Decoder = Callable[[Any, str], Any]
Encoder = Callable[[Any], Any]


class TableCodec:
    def __init__(self, plan: PackagePlan, modules: dict[str, ModuleType]) -> None:
        self.rt = modules["_runtime"]
        self.classes: dict[str, Any] = {}
        self.plans = {}
        for module in plan.modules:
            generated = modules[module.path.removesuffix(".py")]
            for name in [m.class_name for m in module.messages] + [
                e.class_name for e in module.enums
            ]:
                self.classes[name] = getattr(generated, name)
            self.plans.update({m.class_name: m for m in module.messages})
        self.decoders: dict[str, Any] = {}
        self.encoders: dict[str, Any] = {}

    def decode(self, class_name: str, data: Any) -> Any:
        table = self.decoders.get(class_name) or self._decoder_table(class_name)
        cls, wrapper, defaults, fields = table
        if wrapper is not None:
            message = object.__new__(cls)
            message.value = wrapper(data, "")
            return message
        message = object.__new__(cls)
        for attribute, default in defaults:
            setattr(message, attribute, default())
        for key, value in data.items():
            entry = fields.get(key)
            if entry is not None and value is not None:
                attribute, decode, oneof_slot = entry
                decoded = decode(value, key)
                if oneof_slot:
                    setattr(message, oneof_slot, (key, decoded))
                else:
                    setattr(message, attribute, decoded)
        return message

    def encode(self, message: Any) -> Any:
        class_name = type(message).__name__
        table = self.encoders.get(class_name) or self._encoder_table(class_name)
        wrapper, fields, oneofs = table
        if wrapper is not None:
            return wrapper(message.value)
        result = {}
        for key, attribute, encode, optional in fields:
            value = getattr(message, attribute)
            if (value is not None) if optional else value:
                result[key] = encode(value)
        for slot, encoders in oneofs:
            chosen = getattr(message, slot)
            if chosen is not None:
                result[chosen[0]] = encoders[chosen[0]](chosen[1])
        return result

    def _decoder_table(self, class_name: str) -> Any:
        plan = self.plans[class_name]
        cls = self.classes[class_name]
        wrapper = (
            self._decode_value(plan.fields[0].codec) if plan.is_tts_wrapper else None
        )
        defaults = [(f.attribute, self._default(f)) for f in plan.plain_fields]
        defaults += [(o.slot, lambda: None) for o in plan.oneofs]
        fields = {
            f.proto_name: (
                f.attribute,
                self._decode_field(f),
                f"_{f.oneof}" if f.oneof else "",
            )
            for f in plan.fields
        }
        self.decoders[class_name] = (cls, wrapper, defaults, fields)
        return self.decoders[class_name]

    def _default(self, field: PyField) -> Callable[[], Any]:
        if field.kind == "repeated":
            return list
        if field.kind == "map":
            return dict
        if field.kind == "optional":
            return lambda: None
        value = (
            self.classes[field.codec.helper](0)
            if field.codec.family == "enum"
            else ast.literal_eval(field.codec.zero)
        )
        return lambda: value

    def _decode_field(self, field: PyField) -> Decoder:
        decode = self._decode_value(field.codec)
        rt = self.rt
        if field.kind == "repeated":
            return lambda v, k: rt.repeated(decode, v, k)
        if field.kind == "map":
            assert field.map_key is not None
            key_decoder = self._decode_value(field.map_key)
            return lambda v, k: rt.mapping(key_decoder, decode, v, k)
        return decode

    def _decode_value(self, codec: Codec) -> Decoder:
        rt, family, helper = self.rt, codec.family, codec.helper
        if family == "hex":
            return lambda v, k: rt.hex_bytes(v, codec.hex_length, k)
        if family == "devaddr_prefix":
            return rt.devaddr_prefix  # type: ignore[no-any-return]
        if family == "enum":
            enum = self.classes[helper]
            return lambda v, k: rt.enum_in(enum, v, k)
        if family == "message":
            return lambda v, k: self.decode(helper, v)
        if family == "google_wrapper":
            inner = getattr(rt, helper)
            return lambda v, k: rt.wrapped(inner, v, k)
        return getattr(rt, helper)  # type: ignore[no-any-return]

    def _encoder_table(self, class_name: str) -> Any:
        plan = self.plans[class_name]
        wrapper = (
            self._encode_value(plan.fields[0].codec) if plan.is_tts_wrapper else None
        )
        fields = [
            (f.proto_name, f.attribute, self._encode_field(f), f.kind == "optional")
            for f in plan.plain_fields
        ]
        oneofs = [
            (o.slot, {m.proto_name: self._encode_field(m) for m in o.members})
            for o in plan.oneofs
        ]
        self.encoders[class_name] = (wrapper, fields, oneofs)
        return self.encoders[class_name]

    def _encode_field(self, field: PyField) -> Encoder:
        encode = self._encode_value(field.codec)
        if field.kind == "repeated":
            return lambda v: [encode(e) for e in v]
        if field.kind == "map":
            return lambda v: {self.rt.map_key_out(k): encode(e) for k, e in v.items()}
        return encode

    def _encode_value(self, codec: Codec) -> Encoder:
        rt, family, helper = self.rt, codec.family, codec.helper
        simple: dict[str, Encoder] = {
            "int64": str, "float": rt.float_out, "bytes": rt.b64_out,
            "hex": lambda v: rt.hex_out(v, codec.hex_length, ""),
            "devaddr_prefix": lambda v: rt.devaddr_prefix_out(v, ""),
            "enum": attrgetter("_out_"), "message": self.encode,
        }  # fmt: skip
        if family in simple:
            return simple[family]
        if helper in ("timestamp", "duration"):  # checked: they take the JSON key
            checked = getattr(rt, f"{helper}_out")
            return lambda v: checked(v, "")
        if family == "wkt" and helper not in ("struct", "list_value", "json_value"):
            return getattr(rt, {"any_message": "any", "empty": "empty"}.get(helper, helper) + "_out")  # type: ignore[no-any-return]
        if family == "google_wrapper" and helper in (
            "int64",
            "uint64",
            "floating",
            "b64",
        ):
            wrapped: dict[str, Encoder] = {
                "int64": str,
                "uint64": str,
                "floating": rt.float_out,
                "b64": rt.b64_out,
            }
            return wrapped[helper]
        return lambda v: v
