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

# Path constants are str: a child's attribute must not shadow a str method.
_STR_ATTRIBUTES = set(dir(str))


def plan_path_nodes(
    messages: Iterable[Message], builder: _ModuleBuilder, symbols: _Symbols
) -> tuple[PathNode, ...]:
    """The path classes of `messages`, and of the subtrees that need their own."""
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
            child = symbols.messages.get(child_type) if child_type else None
            if child is not None and child.field_paths.nested == below:
                child_class = builder.reference(child.full_name, "Paths")
            else:
                child_class = f"{class_name.removesuffix('Paths')}_{segment}Paths"
                if child_class not in nodes:
                    # A oneof's members are fields of the same message.
                    node_for(child_class, owner if is_oneof else child, below)
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
