"""The module plan: what the templates render, precomputed from the IR.

Templates only read these attributes. Each value's JSON handling is described by a `Codec`
whose `family` selects one macro set in `templates/_macros/`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Codec:
    """How one value (a field's element, a map value, a wrapper's inner value) is (de)coded."""

    family: str  # macro set: scalar, int64, float, bytes, hex, devaddr_prefix, enum, message, wkt
    python_type: str  # annotation of a single value
    zero: str  # the value's zero as a Python expression ("''", "0", "None", ...)
    helper: str = ""  # family detail: scalar check name, enum/message class, WKT name
    hex_length: int = 0
    key_is_string: bool = True  # for map keys: string keys are used as-is


@dataclass(frozen=True, slots=True)
class PyField:
    attribute: str  # Python attribute name (keywords get a trailing underscore)
    proto_name: str  # JSON output key and field-path segment
    json_name: str  # lowerCamel key accepted on input
    # "singular", "optional" (has presence: None when unset), "repeated", "map"
    kind: str
    codec: Codec
    map_key: Codec | None
    annotation: str  # full annotation of the attribute
    default: str  # the attribute's value when unset
    parameter: str  # the __init__ parameter, e.g. "name: str = ''"
    init_value: str  # what __init__ assigns, from the parameter
    oneof: str | None
    deprecated: bool
    doc: str  # escaped for a docstring


@dataclass(frozen=True, slots=True)
class PyOneof:
    name: str
    slot: str  # the slot holding (member name, value)
    members: tuple[PyField, ...]
    # Members whose values encode alike, grouped: (member names, one of them).
    encode_groups: tuple[tuple[tuple[str, ...], PyField], ...]


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
    doc: str
    deprecated: bool
    is_tts_wrapper: bool
    fields: tuple[PyField, ...]  # declaration order, oneof members included
    plain_fields: tuple[PyField, ...]  # fields outside oneofs
    oneofs: tuple[PyOneof, ...]
    slots: tuple[str, ...]  # declaration order (`__slots__` itself is sorted)
    sorted_slots: tuple[str, ...]
    paths_class: str
    nested_paths: tuple[str, ...]
    top_level_paths: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PyEnumValue:
    name: str
    number: int
    json_name: str  # what TTS writes for a string-form enum


@dataclass(frozen=True, slots=True)
class PyEnum:
    class_name: str
    full_name: str
    doc: str
    values: tuple[PyEnumValue, ...]  # canonical (first-declared) names only
    # (alias name, canonical name) from allow_alias
    aliases: tuple[tuple[str, str], ...]
    as_string: bool
    zero_number: int  # the default: 0, or the first value if the enum has no 0
    # Every string accepted on input (names, custom values, aliases, prefix-stripped), sorted.
    inputs: tuple[tuple[str, int], ...]


@dataclass(frozen=True, slots=True)
class PyRpcMask:
    doc: str
    paths_constant: str  # e.g. END_DEVICE_REGISTRY_GET_PATHS, the allowed paths' tuple
    checks_doc: str
    constant: str  # e.g. END_DEVICE_REGISTRY_GET_MASK
    literal_alias: str  # e.g. EndDeviceRegistryGetPath
    full_method: str
    allowed: tuple[str, ...]
    is_set: bool
    target_class: str


@dataclass(frozen=True, slots=True)
class Import:
    module: str  # relative, e.g. ".identifiers"
    names: tuple[str, ...]


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
    exports: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PackagePlan:
    package: str
    modules: tuple[PyModule, ...]
    # sub-package directories needing an __init__.py, e.g. ("", "x/")
    packages: tuple[str, ...]
