"""Part of pass 5: the classes of field-mask path constants of one module.

A child whose paths equal its message type's own paths reuses that type's class (imported if
need be); other subtrees (oneofs, cycle-truncated ones) get a class of their own.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..ir import FieldKind, Message
from ..naming import Namespace
from ..pyir import PathChild, PathNode
from .member_names import MODULE_ALIASES

if TYPE_CHECKING:
    from .module_plan import _ModuleBuilder
    from .symbols import Symbols

# Names a path class body uses besides its child classes: path constants are str, and
# FieldPath's own members and the module aliases must not be shadowed.
_PATH_RESERVED = frozenset(dir(str)) | MODULE_ALIASES | {"_SEGMENTS", "_child"}


def plan_path_nodes(
    messages: Iterable[Message], builder: _ModuleBuilder, symbols: Symbols
) -> tuple[PathNode, ...]:
    """The path classes of `messages`, and of the subtrees that need their own."""
    nodes: dict[str, PathNode] = {}
    module_names = Namespace(symbols.module_names.get(builder.path, ()))

    def node_for(
        class_name: str, owner: Message | None, paths: tuple[str, ...]
    ) -> None:
        children: list[tuple[str, str | None]] = []
        for segment in dict.fromkeys(p.split(".")[0] for p in paths):
            below = tuple(
                p[len(segment) + 1 :] for p in paths if p.startswith(segment + ".")
            )
            if not below:
                children.append((segment, None))
                continue
            is_oneof = owner is not None and segment in owner.oneofs
            child_type = _child_type(owner, segment) if owner and not is_oneof else None
            child = symbols.messages.get(child_type) if child_type else None
            if child is not None and child.field_paths.nested == below:
                children.append((segment, builder.reference_paths(child.full_name)))
                continue
            child_class = module_names.claim(
                f"{class_name.removesuffix('Paths')}_{segment}Paths"
            )
            # A oneof's members are fields of the same message.
            node_for(child_class, owner if is_oneof else child, below)
            children.append((segment, child_class))
        claim = Namespace(
            {*_PATH_RESERVED, class_name, *(c for _, c in children if c)}
        ).claim
        nodes[class_name] = PathNode(
            class_name,
            tuple(
                PathChild(claim(segment), segment, node) for segment, node in children
            ),
        )

    for message in messages:
        node_for(
            symbols.paths_classes[message.full_name],
            message,
            message.field_paths.nested,
        )
    return tuple(nodes[name] for name in sorted(nodes))


def _child_type(owner: Message, segment: str) -> str | None:
    field = next((f for f in owner.fields if f.name == segment), None)
    if field is None or field.value.kind is not FieldKind.MESSAGE:
        return None
    return field.value.type_name
