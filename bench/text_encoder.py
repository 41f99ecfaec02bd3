"""Candidate G: A's encoder, writing JSON text itself instead of a dict for `json.dumps`.

It measures how far `to_json_string()` could get without a C encoder. Per message, it makes
one call and one list of parts, joined once. Per set field, it appends one part: the key's
text, which is precomputed, and the value's text. That text comes from A's runtime helpers
(hex, base64, timestamps, durations), from the `json` module's C string escaper, or from
`int.__repr__`. Its straight-line code is compiled at run time, written the way A's is, and
its output is the same text as `to_json_string()`. It skips A's error handling, which costs
nothing unless an error is raised.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from json.encoder import c_encode_basestring  # type: ignore[attr-defined]
from types import ModuleType
from typing import Any

from generator.pyir import Codec, PackagePlan, PyField, PyMessage

from .compiled import compile_per_message

_WKT_QUOTED = {
    "timestamp": "rt.timestamp_out({}, '')",
    "duration": "rt.duration_out({}, '')",
}
_WKT_BARE = ("struct", "list_value", "json_value")


class TextEncoder:
    def __init__(self, plan: PackagePlan, modules: dict[str, ModuleType]) -> None:
        runtime = modules["_runtime"]
        namespace: dict[str, Any] = {
            "rt": runtime,
            "esc": c_encode_basestring,
            "J": runtime._JSON_TEXT.encode,
        }
        self._namespace = compile_per_message(plan, modules, _encoder_source, namespace)

    def encoder(self, class_name: str) -> Callable[[Any], str]:
        return self._namespace[f"text_{class_name}"]  # type: ignore[no-any-return]


def _encoder_source(message: PyMessage) -> str:
    lines = [f"def text_{message.class_name}(self):"]
    if message.is_tts_wrapper:
        bare = _value(message.fields[0].codec, f"self.{message.fields[0].slot}")
        return "\n".join([*lines, f"    return {bare}", ""])
    lines.append("    p = []")
    for field in message.plain_fields:
        x = f"self.{field.slot}"
        is_set = f"{x} is not None" if field.kind == "optional" else x
        key = json.dumps(json.dumps(field.proto_name) + ":")
        lines.append(f"    if {is_set}: p.append({key} + {_field(field, x)})")
    for oneof in message.oneofs:
        lines.append(f"    if self.{oneof.slot} is not None:")
        lines.append(f"        member, x = self.{oneof.slot}")
        # By member, not by A's groups that encode alike: a message member's text
        # function is its own class's.
        for index, member in enumerate(oneof.members):
            test = "if" if index == 0 else "elif"
            lines.append(f"        {test} member == {member.proto_name!r}:")
            lines.append(
                f"            p.append(esc(member) + ':' + {_field(member, 'x')})"
            )
    lines.append("    return '{' + ','.join(p) + '}'")
    return "\n".join(lines) + "\n"


def _field(field: PyField, x: str) -> str:
    if field.kind == "repeated":
        return f"'[' + ','.join([{_value(field.codec, 'e')} for e in {x}]) + ']'"
    if field.kind == "map":
        assert field.map_key is not None
        key = (
            "esc(k)" if field.map_key.python_type == "str" else "esc(rt.map_key_out(k))"
        )
        entry = f"{key} + ':' + {_value(field.codec, 'e')}"
        return f"'{{' + ','.join([{entry} for k, e in {x}.items()]) + '}}'"
    return _value(field.codec, x)


def _value(codec: Codec, x: str) -> str:
    family, helper = codec.family, codec.helper
    if family == "bytes":  # base64, hex and the rest quoted: nothing in them to escape
        return _quoted(f"rt.b64_out({x})")
    if family == "hex":
        return _quoted(f"rt.hex_out({x}, {codec.hex_length}, '')")
    if family == "devaddr_prefix":
        return _quoted(f"rt.devaddr_prefix_out({x}, '')")
    if family == "wkt" and helper in _WKT_QUOTED:
        return _quoted(_WKT_QUOTED[helper].format(x))
    if family == "message":
        return f"text_{helper}({x})"
    if family == "enum":  # a name, a custom value or a number, per the enum's options
        return f"(esc(o) if (o := {x}._out_).__class__ is str else int.__repr__(o))"
    if family == "int64" or (
        family == "google_wrapper" and helper in ("int64", "uint64")
    ):
        return _quoted(f"int.__repr__({x})")
    if family == "scalar" and helper == "string":
        return f"esc({x})"
    if family == "scalar" and helper == "boolean":
        return f"('true' if {x} else 'false')"
    if family == "scalar":
        return f"int.__repr__({x})"
    # The rest, rare: floats (NaN as a string), Google wrappers' bare values and the
    # remaining well-known types, by the C encoder.
    if family == "float" or (family == "google_wrapper" and helper == "floating"):
        return f"J(rt.float_out({x}))"
    if family == "google_wrapper":
        return _quoted(f"rt.b64_out({x})") if helper == "b64" else f"J({x})"
    if helper in _WKT_BARE:
        return f"J({x})"
    out = {"any_message": "any_out", "empty": "empty_out"}.get(helper, f"{helper}_out")
    return f"J(rt.{out}({x}))"


def _quoted(text: str) -> str:
    return f"'\"' + {text} + '\"'"
