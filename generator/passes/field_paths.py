"""Pass 2: field-mask paths per message, exactly as TTS's protoc-gen-fieldmask lists them.

Rules R1-R12 of docs/tts-api-conventions.md §1. In short: walk fields in declaration order,
name oneof members `<oneof>.<field>`, recurse only into singular fields whose message is one of
the API's own (build-target) messages and has fields, list each oneof itself after the fields,
then sort. The cycle guard (R4) is reproduced with its quirk: on meeting a field already on the
descent path, the *rest of that level* is dropped too.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..ir import Cardinality, FieldKind, FieldPaths, Message


def compute_field_paths(messages: Mapping[str, Message]) -> dict[str, FieldPaths]:
    """Field paths of every message in `messages`, which must hold all build-target messages."""
    result = {}
    for full_name, message in messages.items():
        paths: list[str] = []
        _append_paths(paths, "", message, set(), messages)
        nested = tuple(sorted(paths))
        result[full_name] = FieldPaths(
            nested=nested, top_level=tuple(p for p in nested if "." not in p)
        )
    return result


def _append_paths(
    paths: list[str],
    prefix: str,
    message: Message,
    descent: set[str],
    messages: Mapping[str, Message],
) -> None:
    for field in message.fields:
        name = f"{field.oneof}.{field.name}" if field.oneof else field.name
        path = f"{prefix}.{name}" if prefix else name
        field_id = f"{message.full_name}.{field.name}"
        if field_id in descent:
            return  # R4: skips this field, its later siblings and this level's oneof names
        paths.append(path)
        if (
            field.cardinality is not Cardinality.SINGULAR
            or field.value.kind is not FieldKind.MESSAGE
        ):
            continue
        child = messages.get(field.value.type_name)
        if child is None or not child.fields:
            continue  # R7: types outside the API (google.protobuf.*) and empty messages are leaves
        descent.add(field_id)
        _append_paths(paths, path, child, descent, messages)
        descent.discard(field_id)
    for oneof in message.oneofs:
        paths.append(f"{prefix}.{oneof}" if prefix else oneof)
