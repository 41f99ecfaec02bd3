"""The intermediate model (IR) of a TTS API.

Everything the templates and `inspect` need is precomputed here, in frozen dataclasses holding
tuples, by the passes in `generator/passes/`. Nothing in this module reads descriptors; nothing
that consumes it mutates it.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SourceLocation:
    """Where an element is declared: a path as the user sees it, and a 1-based line."""

    file: str
    line: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


class FieldKind(enum.Enum):
    """The proto type of a field, with all integer encodings kept apart (JSON differs by width)."""

    DOUBLE = "double"
    FLOAT = "float"
    INT32 = "int32"
    INT64 = "int64"
    UINT32 = "uint32"
    UINT64 = "uint64"
    SINT32 = "sint32"
    SINT64 = "sint64"
    FIXED32 = "fixed32"
    FIXED64 = "fixed64"
    SFIXED32 = "sfixed32"
    SFIXED64 = "sfixed64"
    BOOL = "bool"
    STRING = "string"
    BYTES = "bytes"
    ENUM = "enum"
    MESSAGE = "message"


class Cardinality(enum.Enum):
    SINGULAR = "singular"
    REPEATED = "repeated"
    MAP = "map"


@dataclass(frozen=True, slots=True)
class TypeRef:
    """A value type: a scalar kind, or an enum/message kind with the type's full proto name."""

    kind: FieldKind
    type_name: str = ""  # full proto name without the leading dot; empty for scalars


@dataclass(frozen=True, slots=True)
class JsonFieldCodec:
    """A `thethings.json.field` option: TTS's own marshaler for a bytes field."""

    marshaler_func: str
    unmarshaler_func: str
    # fixed byte length for hex-encoded bytes, from `Unmarshal<N>Bytes`
    hex_length: int | None


@dataclass(frozen=True, slots=True)
class Field:
    name: str
    number: int
    json_name: str
    cardinality: Cardinality
    value: TypeRef  # element type for repeated fields, value type for maps
    map_key: TypeRef | None  # only for maps
    # the real oneof this field belongs to (never a proto3 `optional` one)
    oneof: str | None
    proto3_optional: bool
    deprecated: bool
    comment: str
    json_codec: JsonFieldCodec | None
    location: SourceLocation


@dataclass(frozen=True, slots=True)
class FieldPaths:
    """Field-mask paths of a message, as TTS's protoc-gen-fieldmask computes them."""

    nested: tuple[str, ...]
    top_level: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Message:
    full_name: str
    name: str  # the name inside its file, nested names joined with "." (e.g. "MACSettings.Foo")
    file: str
    fields: tuple[Field, ...]
    oneofs: tuple[str, ...]  # real oneofs in declaration order
    # `(thethings.json.message) = {wrapper: true}`: JSON is the bare value
    is_tts_wrapper: bool
    deprecated: bool
    comment: str
    location: SourceLocation
    field_paths: FieldPaths


class EnumJsonForm(enum.Enum):
    """How TTS writes an enum in REST JSON (tts-api-conventions.md §3.6)."""

    STRING = "string"  # the name, or the value's custom `value` when it has one
    NUMBER = "number"


@dataclass(frozen=True, slots=True)
class EnumValue:
    name: str
    number: int
    # custom output string from `(thethings.json.enum_value).value`
    json_value: str | None
    aliases: tuple[str, ...]
    deprecated: bool
    comment: str


@dataclass(frozen=True, slots=True)
class Enum:
    full_name: str
    name: str
    file: str
    values: tuple[EnumValue, ...]
    allow_alias: bool
    json_form: EnumJsonForm
    json_prefix: str | None  # accepted prefix-stripped names on input
    deprecated: bool
    comment: str
    location: SourceLocation


@dataclass(frozen=True, slots=True)
class PathLiteral:
    text: str


@dataclass(frozen=True, slots=True)
class PathVariable:
    """`{a.b.c}` in a path template: a dotted field path into the request, and its leaf's type."""

    field_path: tuple[str, ...]
    leaf: TypeRef
    # The variable's own segments after `=` (e.g. `projects/*`); ("*",) when absent.
    pattern: tuple[str, ...]

    @property
    def dotted(self) -> str:
        return ".".join(self.field_path)


PathSegment = PathLiteral | PathVariable


class BodyKind(enum.Enum):
    NONE = "none"
    WHOLE_REQUEST = "*"
    FIELD = "field"


@dataclass(frozen=True, slots=True)
class HttpBinding:
    """One effective `google.api.http` rule (primary or additional) of an RPC."""

    verb: str  # lower case: get, put, post, delete, patch, or a custom verb
    pattern: str  # as written in the annotation
    segments: tuple[PathSegment, ...]
    verb_suffix: str | None  # the `:verb` at the end of a template, if any
    body_kind: BodyKind
    body_field: str | None  # set when body_kind is FIELD
    response_body: str | None
    # Top-level request fields that may travel in the query string, in declaration order.
    query_fields: tuple[str, ...]

    @property
    def variables(self) -> tuple[PathVariable, ...]:
        return tuple(s for s in self.segments if isinstance(s, PathVariable))

    @property
    def body(self) -> str | None:
        """The annotation's `body` as written: "*", a field name, or None."""
        if self.body_kind is BodyKind.WHOLE_REQUEST:
            return "*"
        return self.body_field


@dataclass(frozen=True, slots=True)
class FieldMaskRule:
    """Which paths an RPC's field mask may name (from `api-definition.json`)."""

    # the request's FieldMask field; None if the request has none
    request_field: str | None
    target_message: str  # full name of the message the paths address
    allowed: tuple[str, ...]  # in the order TTS lists them
    # rule H1: name starts with Set/Update and the request has a field mask
    is_set: bool
    # Allowed paths that are not field paths of the target (TTS keeps some legacy paths).
    unknown_paths: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Rpc:
    name: str
    full_method: str  # "/pkg.Service/Method", as gRPC names it
    input_type: str
    output_type: str
    client_streaming: bool
    server_streaming: bool
    deprecated: bool
    comment: str
    location: SourceLocation
    # annotation order, primary first; pattern-less rules skipped
    http: tuple[HttpBinding, ...]
    field_mask: FieldMaskRule | None


@dataclass(frozen=True, slots=True)
class Service:
    full_name: str
    name: str
    file: str
    comment: str
    location: SourceLocation
    rpcs: tuple[Rpc, ...]


@dataclass(frozen=True, slots=True)
class ProtoFile:
    name: str  # import name, e.g. "ttn/lorawan/v3/end_device.proto"
    package: str
    dependencies: tuple[str, ...]
    # one of the API's own files, as opposed to an imported third-party file
    is_target: bool


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A problem found in the input, with where it is and what to do about it."""

    where: str  # "file:line", or "api-definition.json: Key.Path"
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass(frozen=True, slots=True)
class Api:
    """The whole API: only the target files' messages, enums and services, sorted by name."""

    files: tuple[ProtoFile, ...]
    messages: tuple[Message, ...]
    enums: tuple[Enum, ...]
    services: tuple[Service, ...]
    warnings: tuple[Diagnostic, ...]
