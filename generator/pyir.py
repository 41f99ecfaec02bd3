"""The module plan: what the templates render, precomputed from the IR.

Templates only read these attributes. Each value's JSON handling is described by a `Codec`;
the runtime, which writes the decoders and encoders, knows it by its `runtime_codec` name.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Codec:
    """How one value (a field's element, a map value, a wrapper's inner value) is (de)coded."""

    family: (
        str  # scalar, int64, float, bytes, hex, devaddr_prefix, enum, message, wkt, ...
    )
    python_type: str  # annotation of a single value
    # The value's zero as a Python expression ("''", "0", "None", ...); "" for an enum,
    # whose zero constant a field imports where it uses it.
    zero: str
    helper: str = ""  # family detail: scalar check name, enum/message class, WKT name
    hex_length: int = 0


@dataclass(frozen=True, slots=True)
class PyField:
    attribute: str  # Python attribute name (see passes/member_names.py)
    # Where the value lives: the attribute itself; for a deprecated field, `_attribute`
    # behind a property that warns when set; for a oneof member, the oneof's slot.
    slot: str
    proto_name: str  # JSON output key and field-path segment
    json_name: str  # lowerCamel key accepted on input
    # "singular", "optional" (has presence: None when unset), "repeated", "map"
    kind: str
    codec: Codec
    map_key: Codec | None
    runtime_codec: str  # its codec as the runtime's `field_table` names it
    annotation: str  # full annotation of the attribute
    default: str  # the attribute's value when unset
    # What the class body gives the field: its default, or the runtime's marker of a
    # fresh container (the runtime's metaclass writes __init__ from these).
    class_default: str
    oneof: str | None
    deprecated: bool
    doc: str  # escaped for a docstring


@dataclass(frozen=True, slots=True)
class PyOneof:
    name: str
    slot: str  # the slot holding (member name, value)
    which_method: str  # the method naming the member that is set
    members: tuple[PyField, ...]


@dataclass(frozen=True, slots=True)
class PathNode:
    """A class of field-mask path constants: one attribute per child path segment."""

    class_name: str
    children: tuple[PathChild, ...]


@dataclass(frozen=True, slots=True)
class PathChild:
    attribute: str
    segment: str
    # None for a leaf; else the class for this child's own children
    node_class: str | None


@dataclass(frozen=True, slots=True)
class PyMessage:
    class_name: str
    full_name: str
    # Whether its body says its full name: the runtime makes it `<package>.<class>`
    # otherwise (not for a nested message, or one renamed for a keyword).
    full_name_written: bool
    doc: str  # "Deprecated." last if the message is; "" for no docstring
    is_tts_wrapper: bool
    fields: tuple[PyField, ...]  # declaration order, oneof members included
    plain_fields: tuple[PyField, ...]  # fields outside oneofs
    oneofs: tuple[PyOneof, ...]
    # Long name lists as string pieces for the runtime to split (see naming.word_chunks).
    # Each field as `segment:codec`, in declaration order: its path segment (`oneof.member`
    # for oneof members) and its codec (see codecs.field_codec). The runtime's
    # `field_table` derives slots, JSON keys and attributes from them, and its decoder and
    # encoder are written from them.
    fields_words: tuple[str, ...]
    # (proto name, attribute) where the two differ: a keyword, or the base class's API.
    renamed: tuple[tuple[str, str], ...]
    # (path segment, property) of each deprecated field: the property warns when set.
    deprecated: tuple[tuple[str, str], ...]
    # (JSON name, proto name) where an explicit json_name differs from lowerCamel.
    json_names: tuple[tuple[str, str], ...]
    paths_class: str


@dataclass(frozen=True, slots=True)
class PyEnumValue:
    name: str  # the proto name
    attribute: str  # the member's Python name (see passes/member_names.py)
    number: int
    json_name: str  # what TTS writes for a string-form enum


@dataclass(frozen=True, slots=True)
class PyEnum:
    class_name: str
    full_name: str
    doc: str
    values: tuple[PyEnumValue, ...]  # canonical (first-declared) names only
    # (alias member, canonical member) from allow_alias
    aliases: tuple[tuple[str, str], ...]
    # (member, proto name) where the two differ: queries carry the proto name.
    renamed: tuple[tuple[str, str], ...]
    as_string: bool
    zero_number: int  # the default: 0, or the first value if the enum has no 0
    zero_constant: str  # the module constant holding it, e.g. MACVersion_ZERO
    # Every string accepted on input (names, custom values, aliases, prefix-stripped), sorted.
    inputs: tuple[tuple[str, int], ...]
    # For a string-form enum, number -> what TTS writes; else empty.
    outputs: tuple[tuple[int, str], ...]


@dataclass(frozen=True, slots=True)
class PyRpcMask:
    doc: str
    paths_constant: str  # e.g. END_DEVICE_REGISTRY_GET_PATHS, the allowed paths' tuple
    constant: str  # e.g. END_DEVICE_REGISTRY_GET_MASK
    literal_alias: str  # e.g. EndDeviceRegistryGetPath
    full_method: str
    allowed: tuple[str, ...]
    is_set: bool
    target_class: str
    # The RPCs to look in for a forbidden path, `module.CONSTANT` (see mask_siblings), in
    # pieces for the runtime to split; () for none.
    siblings_words: tuple[str, ...]
    # An earlier RPC of the module with the same allowed paths, whose Literal and tuple
    # this one reuses.
    same_as: PyRpcMask | None


@dataclass(frozen=True, slots=True)
class PyPathValue:
    """A path variable of an RPC's routes, read from the request."""

    field: str  # dotted proto field path, as in the route (`end_device_ids.device_id`)
    mask_path: str  # the same as a field-mask path (oneof names included), for value_at
    leaf_attribute: str  # the field's attribute on its message


@dataclass(frozen=True, slots=True)
class PyRoute:
    """One HTTP binding (a runtime `_http.Route`), in the order the client tries them
    (most path values first)."""

    method: str  # upper case
    # The route below /api/v3 with a `{}` for each path value, e.g. "/applications/{}".
    path: str
    values: tuple[str, ...]  # the path values' mask paths, in order; all must be set
    # The same as proto field paths, where a oneof makes them differ; else ().
    fields: tuple[str, ...]
    body: str  # "*" (the whole request as TTS JSON), a field's name, or "" for none
    field_masks: tuple[str, ...]  # dotted FieldMask fields, written comma-separated
    response_field: str  # `response_body`: the reply is this field of the response
    # All of the above as `_http.Route.parse` reads it, in pieces (naming.word_chunks):
    # "GET /applications/{application_ids.application_id}/devices masks=field_mask".
    text_words: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PyArgument:
    """A keyword argument of an RPC method (a key of its TypedDict)."""

    name: str
    annotation: str


@dataclass(frozen=True, slots=True)
class PyRpcClient:
    method: str  # the Python method name, e.g. "get"
    full_method: str
    doc: str
    spec: str  # the module constant describing the RPC, e.g. _END_DEVICE_REGISTRY_GET
    request_class: str
    response_class: str
    fields_type: str  # the TypedDict of its keyword arguments
    arguments: tuple[PyArgument, ...]
    leaf_arguments: tuple[tuple[str, str], ...]  # argument -> dotted path field
    # The same as `argument=field` words, in pieces (naming.word_chunks); () for none.
    leaf_arguments_words: tuple[str, ...]
    path_values: tuple[PyPathValue, ...]
    routes: tuple[PyRoute, ...]  # none when the RPC is gRPC-only
    mask_constant: str  # "" without field-mask rule
    mask_field: str
    mask_target: str
    pages_method: str  # "list_all" for List and Search RPCs, else ""
    items: str  # the response's repeated field that pages walk
    item_class: str
    streaming: bool


@dataclass(frozen=True, slots=True)
class PyServiceClient:
    class_name: str  # e.g. EndDeviceRegistryClient
    async_class_name: str
    attribute: str  # its property on the aggregate client, e.g. end_device_registry
    module: (
        str  # where it lives, relative to the package top, e.g. ".end_device_services"
    )
    doc: str
    rpcs: tuple[PyRpcClient, ...]


@dataclass(frozen=True, slots=True)
class Import:
    module: str  # relative, e.g. ".identifiers"
    names: tuple[str, ...]
    # Set for one name imported under another, as the module uses the name already:
    # `from module import name as alias`.
    alias: str = ""

    @property
    def defined(self) -> tuple[str, ...]:
        """The names the import statement defines in the module."""
        return (self.alias,) if self.alias else self.names

    @property
    def imported(self) -> str:
        """What follows `import` in the statement."""
        return (
            f"{self.names[0]} as {self.alias}" if self.alias else ", ".join(self.names)
        )


@dataclass(frozen=True, slots=True)
class PyModule:
    path: str  # output path inside the package, e.g. "end_device.py"
    source_file: str  # proto import name
    doc: str
    imports: tuple[Import, ...]
    uses_datetime: bool
    uses_typing: bool
    uses_runtime: bool
    enums: tuple[PyEnum, ...]
    # annotations are lazy, so no order by dependency is needed
    messages: tuple[PyMessage, ...]
    path_nodes: tuple[PathNode, ...]
    rpc_masks: tuple[PyRpcMask, ...]
    clients: tuple[PyServiceClient, ...]
    rpcs_with_routes: tuple[
        PyRpcClient, ...
    ]  # those whose methods take keyword arguments
    exports: tuple[str, ...]
    # The proto package of its messages (`_PROTO_PACKAGE`); "" for a module without.
    proto_package: str


@dataclass(frozen=True, slots=True)
class PackagePlan:
    package: str
    modules: tuple[PyModule, ...]
    # sub-package directories needing an __init__.py, e.g. ("", "x/")
    packages: tuple[str, ...]
    clients_module: str  # the aggregate clients' module, e.g. "clients.py"
    clients: tuple[PyServiceClient, ...]
    client_imports: tuple[Import, ...]  # the aggregate's, for type checking only
    # Each route's first segment ("ns", "applications"), sorted: the keys the aggregate
    # clients' `component_urls` may use.
    route_prefixes: tuple[str, ...]
