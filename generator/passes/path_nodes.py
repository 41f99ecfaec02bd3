"""Part of pass 5: the classes of field-mask path constants of one module.

A child whose paths equal its message type's own paths reuses that type's class (imported if
need be); other subtrees (oneofs, cycle-truncated ones) get a class of their own.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..ir import FieldKind, Message
from ..naming import python_name
from ..pyir import PathChild, PathNode

if TYPE_CHECKING:
    from .module_plan import _ModuleBuilder, _Symbols

_STR_ATTRIBUTES = set(
    dir(str)
)  # path constants are str: their attributes must not clash


def plan_path_nodes(
    messages: Iterable[Message], builder: _ModuleBuilder, symbols: _Symbols
) -> tuple[PathNode, ...]:
    """Classes of path constants. A child whose paths equal its message type's own paths reuses
    that type's class; other subtrees (oneofs, cycle-truncated ones) get a class of their own.
    """
    own_class = {
        m.full_name: (m.field_paths.nested, symbols.where[m.full_name])
        for m in symbols.messages.values()
    }
    nodes: dict[str, PathNode] = {}

    def node_for(
        class_name: str, owner: Message | None, paths: tuple[str, ...]
    ) -> None:
        children = []
        for segment in dict.fromkeys(p.split(".")[0] for p in paths):
            below = tuple(
                p[len(segment) + 1 :] for p in paths if p.startswith(segment + ".")
            )
            attribute = python_name(segment)
            if attribute in _STR_ATTRIBUTES:
                attribute += "_"
            if not below:
                children.append(PathChild(attribute, segment, None))
                continue
            is_oneof = owner is not None and segment in owner.oneofs
            child_type = _child_type(owner, segment) if owner and not is_oneof else None
            reusable = (
                child_type is not None and own_class.get(child_type, ((),))[0] == below
            )
            if reusable and child_type is not None:
                child_class = builder.reference(child_type, "Paths")
            else:
                child_class = f"{class_name.removesuffix('Paths')}_{segment}Paths"
                # A oneof's members are fields of the same message.
                child_owner = (
                    owner if is_oneof else _message_or_none(symbols, child_type)
                )
                if child_class not in nodes:
                    node_for(child_class, child_owner, below)
            children.append(PathChild(attribute, segment, child_class))
        nodes[class_name] = PathNode(class_name, tuple(children))

    for message in messages:
        node_for(
            f"{message.name.replace('.', '_')}Paths",
            message,
            message.field_paths.nested,
        )
    return tuple(nodes[name] for name in sorted(nodes))


def _child_type(owner: Message, segment: str) -> str | None:
    field = next((f for f in owner.fields if f.name == segment), None)
    if field is None or field.value.kind is not FieldKind.MESSAGE:
        return None
    return field.value.type_name


def _message_or_none(symbols: _Symbols, full_name: str | None) -> Message | None:
    return symbols.messages.get(full_name) if full_name else None
