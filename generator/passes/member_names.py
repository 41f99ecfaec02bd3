"""Part of pass 5: the Python names of what the generated modules define.

A message's or enum's class is named after it (nested ones joined by `_`), unless that name is
a keyword or a builtin the modules use (`None_`, `str_`).

A field's attribute is its proto name, unless that name would break the class or shadow a
name the class body itself uses: a keyword, `self`, the base class's API and internals, the
module aliases, a builtin or decorator of the class body, or a class its annotations name
(its own, its field types'). Such a name gets trailing underscores (`class_`, `list_`) until
it is free. JSON keys and field-mask paths keep the proto name.

An enum member likewise keeps its proto name unless Python's Enum or int, or the runtime's
ProtoEnum, has a use for it (`None`, `mro`, `real`, a leading underscore). JSON and query
strings keep the proto name.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass

from ..ir import Message
from ..naming import Namespace, free_name

MODULE_ALIASES = frozenset({"_dt", "_typing", "_rt", "_http"})
# The builtins generated code uses (in annotations, `object.__new__`, decorators).
BUILTINS_USED = frozenset({
    "str", "int", "bool", "float", "bytes", "list", "dict", "tuple", "object",
    "property", "staticmethod",
})  # fmt: skip

# Names a message's class body uses besides its classes (see the module docstring).
_MESSAGE_RESERVED = MODULE_ALIASES | BUILTINS_USED | {
    "self",
    "to_json", "from_json", "to_json_string", "from_json_string",
    "PATHS", "FIELD_PATHS", "TOP_LEVEL_FIELD_PATHS",
    "_FIELDS", "_SLOTS", "_KEYS", "_JSON_NAMES", "_PATH_ATTRIBUTES", "_ONEOF_SLOTS",
    "_FULL_NAME",
    "_decode", "_to_json",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class MessageNames:
    """Field name -> attribute (a oneof member's is a property), field name -> slot where
    its value lives, oneof -> slot of (member, value), oneof -> its `which_` method."""

    attributes: Mapping[str, str]
    slots: Mapping[str, str]
    oneof_slots: Mapping[str, str]
    which_methods: Mapping[str, str]


# Enum reserves `mro` and names with a leading underscore; members must not shadow the
# `name` and `value` of every member or the attributes of int (listed, not `dir(int)`, so
# that the output does not depend on the Python running the generator).
_ENUM_RESERVED = frozenset({
    "mro", "name", "value",
    "as_integer_ratio", "bit_count", "bit_length", "conjugate", "denominator",
    "from_bytes", "imag", "is_integer", "numerator", "real", "to_bytes",
})  # fmt: skip


def class_name(nested_name: str) -> str:
    """The class of a message or enum, by its name inside its package (`Outer.Inner`)."""
    return free_name(nested_name.replace(".", "_"), MODULE_ALIASES | BUILTINS_USED)


def enum_member_names(values: Iterable[str]) -> dict[str, str]:
    """Proto value name -> member name, for an enum's values in declaration order."""
    members = Namespace(_ENUM_RESERVED)
    # Enum keeps names with leading underscores for itself (`_missing_`, ...).
    return {value: members.claim(value.lstrip("_") or "VALUE") for value in values}


def message_names(message: Message, class_names: Collection[str]) -> MessageNames:
    """The names of `message`'s members; `class_names` are the module-level names its class
    body refers to. The first field to want a name gets it, so adding a field to a message
    never renames an older one."""
    claim = Namespace({*_MESSAGE_RESERVED, *class_names}).claim
    attributes = {f.name: claim(f.name) for f in message.fields}
    which_methods = {o: claim(f"which_{o}") for o in message.oneofs}
    oneof_slots = {o: claim(f"_{o}") for o in message.oneofs}
    slots = {
        f.name: (
            oneof_slots[f.oneof]
            if f.oneof is not None
            else claim(f"_{attributes[f.name]}") if f.deprecated else attributes[f.name]
        )
        for f in message.fields
    }
    return MessageNames(attributes, slots, oneof_slots, which_methods)
