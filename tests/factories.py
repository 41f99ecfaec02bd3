"""Small builders for tests: IR nodes in one line, and tiny lorawan-stack checkouts on disk."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from generator.ir import (
    Cardinality,
    Field,
    FieldKind,
    FieldPaths,
    Message,
    SourceLocation,
    TypeRef,
)

REPO = Path(__file__).resolve().parent.parent
OPTION_PROTOS = REPO / "protos" / "api" / "third_party"
HERE = SourceLocation("test.proto", 1)


def make_field(
    name: str,
    kind: FieldKind = FieldKind.STRING,
    type_name: str = "",
    *,
    number: int = 1,
    cardinality: Cardinality = Cardinality.SINGULAR,
    oneof: str | None = None,
) -> Field:
    return Field(
        name=name,
        number=number,
        json_name=name,
        cardinality=cardinality,
        value=TypeRef(kind, type_name),
        map_key=TypeRef(FieldKind.STRING) if cardinality is Cardinality.MAP else None,
        oneof=oneof,
        proto3_optional=False,
        deprecated=False,
        comment="",
        json_codec=None,
        location=HERE,
    )


def message_field(name: str, type_name: str, **kwargs: Any) -> Field:
    return make_field(name, FieldKind.MESSAGE, type_name, **kwargs)


def make_message(
    full_name: str, *fields: Field, oneofs: tuple[str, ...] = ()
) -> Message:
    return Message(
        full_name=full_name,
        name=full_name.rpartition(".")[2],
        file="test.proto",
        fields=fields,
        oneofs=oneofs,
        is_tts_wrapper=False,
        deprecated=False,
        comment="",
        location=HERE,
        field_paths=FieldPaths((), ()),
    )


def by_name(*messages: Message) -> dict[str, Message]:
    return {m.full_name: m for m in messages}


def write_checkout(
    root: Path,
    protos: dict[str, str],
    api_definition: dict[str, Any] | str | None = None,
    *,
    option_protos: bool = True,
) -> Path:
    """Write `protos` (paths relative to api/) and api-definition.json as a checkout at `root`.

    `api_definition` is a JSON document, raw text, or None for an empty `{}`.
    """
    for name, text in protos.items():
        path = root / "api" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    if option_protos:
        shutil.copytree(OPTION_PROTOS, root / "api" / "third_party", dirs_exist_ok=True)
    definition = root / "sdk" / "js" / "generated" / "api-definition.json"
    definition.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(api_definition, str):
        definition.write_text(api_definition)
    else:
        definition.write_text(json.dumps(api_definition or {}))
    return root
