"""Part of pass 5: how each kind of value is written and read (its `Codec`), for the values
that need no class of the API: scalars, TTS's bytes, well-known types and Google wrappers.
Enums and messages of the API are resolved by the module plan, which knows their classes.
"""

from __future__ import annotations

import re

from ..ir import Field, FieldKind, TypeRef
from ..pyir import Codec

SCALARS: dict[FieldKind, Codec] = {
    FieldKind.STRING: Codec("scalar", "str", '""', helper="string"),
    FieldKind.BOOL: Codec("scalar", "bool", "False", helper="boolean"),
    FieldKind.INT32: Codec("scalar", "_rt.Int32", "0", helper="int32"),
    FieldKind.SINT32: Codec("scalar", "_rt.Int32", "0", helper="int32"),
    FieldKind.SFIXED32: Codec("scalar", "_rt.Int32", "0", helper="int32"),
    FieldKind.UINT32: Codec("scalar", "_rt.UInt32", "0", helper="uint32"),
    FieldKind.FIXED32: Codec("scalar", "_rt.UInt32", "0", helper="uint32"),
    FieldKind.INT64: Codec("int64", "_rt.Int64", "0", helper="int64"),
    FieldKind.SINT64: Codec("int64", "_rt.Int64", "0", helper="int64"),
    FieldKind.SFIXED64: Codec("int64", "_rt.Int64", "0", helper="int64"),
    FieldKind.UINT64: Codec("int64", "_rt.UInt64", "0", helper="uint64"),
    FieldKind.FIXED64: Codec("int64", "_rt.UInt64", "0", helper="uint64"),
    FieldKind.FLOAT: Codec("float", "float", "0.0", helper="floating"),
    FieldKind.DOUBLE: Codec("float", "float", "0.0", helper="floating"),
    FieldKind.BYTES: Codec("bytes", "bytes", 'b""', helper="b64"),
}
# Well-known types as natural Python values; `helper` names the runtime decoder.
WELL_KNOWN: dict[str, Codec] = {
    "google.protobuf.Timestamp": Codec(
        "wkt", "_dt.datetime", "None", helper="timestamp"
    ),
    "google.protobuf.Duration": Codec(
        "wkt", "_dt.timedelta", "None", helper="duration"
    ),
    "google.protobuf.FieldMask": Codec("wkt", "list[str]", "None", helper="field_mask"),
    "google.protobuf.Struct": Codec(
        "wkt", "dict[str, _typing.Any]", "None", helper="struct"
    ),
    "google.protobuf.ListValue": Codec(
        "wkt", "list[_typing.Any]", "None", helper="list_value"
    ),
    "google.protobuf.Value": Codec("wkt", "_typing.Any", "None", helper="json_value"),
    "google.protobuf.Any": Codec("wkt", "_rt.AnyMessage", "None", helper="any_message"),
    "google.protobuf.Empty": Codec("wkt", "_rt.Empty", "None", helper="empty"),
}
GOOGLE_WRAPPERS = {
    "google.protobuf.DoubleValue": FieldKind.DOUBLE,
    "google.protobuf.FloatValue": FieldKind.FLOAT,
    "google.protobuf.Int64Value": FieldKind.INT64,
    "google.protobuf.UInt64Value": FieldKind.UINT64,
    "google.protobuf.Int32Value": FieldKind.INT32,
    "google.protobuf.UInt32Value": FieldKind.UINT32,
    "google.protobuf.BoolValue": FieldKind.BOOL,
    "google.protobuf.StringValue": FieldKind.STRING,
    "google.protobuf.BytesValue": FieldKind.BYTES,
}
DEVADDR_PREFIX_MARSHALER = re.compile(r"\.MarshalDevAddrPrefixSlice$")


def builtin_codec(ref: TypeRef, field: Field) -> Codec | None:
    """The codec of a value of this kind, or None for an enum or message of the API."""
    if ref.kind is FieldKind.ENUM:
        return None
    if ref.kind is FieldKind.MESSAGE:
        if ref.type_name in WELL_KNOWN:
            return WELL_KNOWN[ref.type_name]
        if ref.type_name in GOOGLE_WRAPPERS:
            inner = SCALARS[GOOGLE_WRAPPERS[ref.type_name]]
            return Codec(
                "google_wrapper", inner.python_type, "None", helper=inner.helper
            )
        return None
    if ref.kind is FieldKind.BYTES and field.json_codec is not None:
        if field.json_codec.hex_length:
            return Codec("hex", "bytes", 'b""', hex_length=field.json_codec.hex_length)
        if DEVADDR_PREFIX_MARSHALER.search(field.json_codec.marshaler_func):
            return Codec("devaddr_prefix", "bytes", 'b""')
    return SCALARS[ref.kind]


def runtime_codec(codec: Codec) -> str:
    """The name the runtime's `field_table` knows this codec by: its helper's for a
    scalar or well-known type, `wrapped_<helper>` for a Google wrapper, `hex<length>`,
    `devaddr_prefix`, `enum` or `message` (whose class the field's annotation names)."""
    if codec.family in ("enum", "message", "devaddr_prefix"):
        return codec.family
    if codec.family == "hex":
        return f"hex{codec.hex_length}"
    if codec.family == "google_wrapper":
        return f"wrapped_{codec.helper}"
    return codec.helper


def field_codec(codec: Codec, map_key: Codec | None) -> str:
    """A field's codec for `field_table`: a map's is `key,value`."""
    value = runtime_codec(codec)
    return value if map_key is None else f"{runtime_codec(map_key)},{value}"
