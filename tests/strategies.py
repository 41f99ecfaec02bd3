"""Hypothesis strategies for generated messages, derived from the module plan.

Every field of every message gets values of its family: all integer widths at their limits,
float32 values, hex bytes of the right length, known and unknown enum values, nested and
self-referencing messages (to a depth), oneofs with at most one member, maps, and each
well-known type.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import cache
from types import ModuleType
from typing import Any

from hypothesis import strategies as st

from generator.pyir import Codec, PackagePlan, PyField, PyMessage

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**53), 2**53) | st.text(max_size=5)
    | st.floats(allow_nan=False, allow_infinity=False),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6,
)  # fmt: skip
# Field-mask paths as protobuf's own JSON can also write them (snake_case segments).
PATH = st.from_regex(r"\A[a-z]{1,6}(_[a-z]{1,4})?(\.[a-z]{1,6}(_[a-z]{1,4})?){0,2}\Z")
INTEGER_RANGES = {
    "int32": (-(2**31), 2**31 - 1),
    "uint32": (0, 2**32 - 1),
    "int64": (-(2**63), 2**63 - 1),
    "uint64": (0, 2**64 - 1),
}


def keyed(attribute: str) -> Callable[[Any], dict[str, Any]]:
    """A value as the keyword arguments that set `attribute` to it."""
    return lambda value: {attribute: value}


class MessageStrategies:
    def __init__(
        self,
        plan: PackagePlan,
        modules: dict[str, ModuleType],
        *,
        portable: bool = False,
    ):
        """`portable` leaves out what only this client can express (unknown enum values,
        Any of unknown types), for comparing with protobuf's own JSON."""
        self.portable = portable
        self.runtime = modules["_runtime"]
        self.messages: dict[str, tuple[PyMessage, type]] = {}
        self.enums: dict[str, Any] = {}
        for module in plan.modules:
            generated = modules[module.path.removesuffix(".py").replace("/", ".")]
            for message in module.messages:
                self.messages[message.class_name] = (
                    message,
                    getattr(generated, message.class_name),
                )
            for enum in module.enums:
                self.enums[enum.class_name] = getattr(generated, enum.class_name)
        self.message = cache(self._message)

    def _message(self, class_name: str, depth: int) -> st.SearchStrategy[Any]:
        plan, cls = self.messages[class_name]
        fields = {
            f.attribute: self.field(f, depth)
            for f in plan.plain_fields
            if not (
                f.deprecated or self._too_deep(f.codec, depth) and f.kind == "singular"
            )
        }
        choices = [
            st.one_of(
                st.just({}),
                *(self.value(m.codec, depth).map(keyed(m.attribute)) for m in o.members
                  if not (m.deprecated or self._too_deep(m.codec, depth))),
            )  # fmt: skip
            for o in plan.oneofs
        ]
        return st.tuples(st.fixed_dictionaries(fields), *choices).map(
            lambda parts: cls(**{k: v for part in parts for k, v in part.items()})
        )

    def _too_deep(self, codec: Codec, depth: int) -> bool:
        return codec.family == "message" and depth <= 0

    def field(self, field: PyField, depth: int) -> st.SearchStrategy[Any]:
        if (
            self._too_deep(field.codec, depth)
            or self.value(field.codec, depth).is_empty
        ):
            return (
                st.none()
                if field.kind == "optional"
                else st.builds(list) if field.kind == "repeated" else st.builds(dict)
            )
        value = self.value(field.codec, depth)
        if field.kind == "optional":
            return st.none() | value
        if field.kind == "repeated":
            return st.lists(value, max_size=2)
        if field.kind == "map":
            assert field.map_key is not None
            return st.dictionaries(self.value(field.map_key, depth), value, max_size=2)
        return value

    def value(self, codec: Codec, depth: int) -> st.SearchStrategy[Any]:
        family, helper = codec.family, codec.helper
        if family in ("scalar", "int64", "float", "bytes", "google_wrapper"):
            return self.scalar(helper)
        if family == "hex":
            return st.binary(min_size=codec.hex_length, max_size=codec.hex_length)
        if family == "devaddr_prefix":
            return st.tuples(st.binary(min_size=4, max_size=4), st.integers(0, 32)).map(
                lambda parts: parts[0] + bytes([parts[1]])
            )
        if family == "enum":
            enum = self.enums[helper]
            known = st.sampled_from(list(enum))
            return known if self.portable else known | st.integers(1000, 1005).map(enum)
        if family == "message":
            return self.message(helper, depth - 1)
        return self.well_known(helper)

    def scalar(self, helper: str) -> st.SearchStrategy[Any]:
        if helper in INTEGER_RANGES:
            return st.integers(*INTEGER_RANGES[helper])
        return {
            "string": st.text(max_size=6),
            "boolean": st.booleans(),
            "bool_key": st.booleans(),
            "floating": st.floats(width=32, allow_nan=False),
            "b64": st.binary(max_size=6),
        }[helper]

    def well_known(self, helper: str) -> st.SearchStrategy[Any]:
        runtime = self.runtime
        any_message = st.builds(
            runtime.AnyMessage,
            st.text(min_size=1, max_size=8),
            st.dictionaries(
                st.text(max_size=4).filter(lambda k: k != "@type"),
                JSON_VALUES,
                max_size=2,
            ),
        )
        return {
            "timestamp": st.datetimes(
                min_value=dt.datetime(1000, 1, 1), timezones=st.just(dt.UTC)
            ),
            "duration": st.timedeltas(
                min_value=dt.timedelta(days=-9999), max_value=dt.timedelta(days=9999)
            ),
            "field_mask": st.lists(PATH, max_size=3),
            "struct": st.dictionaries(st.text(max_size=4), JSON_VALUES, max_size=3),
            "list_value": st.lists(JSON_VALUES, max_size=3),
            "json_value": JSON_VALUES.filter(lambda v: v is not None),
            "any_message": st.nothing() if self.portable else any_message,
            "empty": st.builds(runtime.Empty),
        }[helper]
