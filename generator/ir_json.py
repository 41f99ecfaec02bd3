"""The IR as plain JSON data, for `ttn-lw-codegen inspect` and for tests that read it."""

from __future__ import annotations

from typing import Any

from .ir import (
    Api,
    Enum,
    Field,
    HttpBinding,
    Message,
    PathVariable,
    Rpc,
    Service,
    TypeRef,
)

Json = dict[str, Any]


def api_to_json(api: Api) -> Json:
    return {
        "files": [
            {
                "name": f.name,
                "package": f.package,
                "dependencies": list(f.dependencies),
                "target": f.is_target,
            }
            for f in api.files
        ],
        "messages": {m.full_name: _message(m) for m in api.messages},
        "enums": {e.full_name: _enum(e) for e in api.enums},
        "services": {s.full_name: _service(s) for s in api.services},
        "warnings": [str(w) for w in api.warnings],
    }


def _type(ref: TypeRef) -> Json:
    return {"kind": ref.kind.value, "type_name": ref.type_name or None}


def _field(field: Field) -> Json:
    codec = field.json_codec
    return {
        "name": field.name,
        "number": field.number,
        "json_name": field.json_name,
        "cardinality": field.cardinality.value,
        "type": _type(field.value),
        "map_key": _type(field.map_key) if field.map_key else None,
        "oneof": field.oneof,
        "proto3_optional": field.proto3_optional,
        "deprecated": field.deprecated,
        "comment": field.comment,
        "json_codec": (
            None
            if codec is None
            else {
                "marshaler_func": codec.marshaler_func,
                "unmarshaler_func": codec.unmarshaler_func,
                "hex_length": codec.hex_length,
            }
        ),
        "location": str(field.location),
    }


def _message(message: Message) -> Json:
    return {
        "name": message.name,
        "file": message.file,
        "fields": [_field(f) for f in message.fields],
        "oneofs": list(message.oneofs),
        "tts_wrapper": message.is_tts_wrapper,
        "deprecated": message.deprecated,
        "comment": message.comment,
        "location": str(message.location),
        "field_paths": {
            "nested": list(message.field_paths.nested),
            "top_level": list(message.field_paths.top_level),
        },
    }


def _enum(enum: Enum) -> Json:
    return {
        "name": enum.name,
        "file": enum.file,
        "allow_alias": enum.allow_alias,
        "json_form": enum.json_form.value,
        "json_prefix": enum.json_prefix,
        "deprecated": enum.deprecated,
        "comment": enum.comment,
        "location": str(enum.location),
        "values": [
            {
                "name": v.name,
                "number": v.number,
                "json_value": v.json_value,
                "aliases": list(v.aliases),
                "deprecated": v.deprecated,
                "comment": v.comment,
            }
            for v in enum.values
        ],
    }


def _variable(variable: PathVariable) -> Json:
    return {
        "field_path": variable.dotted,
        "type": _type(variable.leaf),
        "pattern": "/".join(variable.pattern),
    }


def _binding(binding: HttpBinding) -> Json:
    return {
        "method": binding.verb,
        "pattern": binding.pattern,
        "body": binding.body,
        "response_body": binding.response_body,
        "parameters": [v.dotted for v in binding.variables],
        "variables": [_variable(v) for v in binding.variables],
        "verb_suffix": binding.verb_suffix,
        "query": list(binding.query_fields),
    }


def _rpc(rpc: Rpc) -> Json:
    mask = rpc.field_mask
    return {
        "full_method": rpc.full_method,
        "input_type": rpc.input_type,
        "output_type": rpc.output_type,
        "client_streaming": rpc.client_streaming,
        "server_streaming": rpc.server_streaming,
        "deprecated": rpc.deprecated,
        "comment": rpc.comment,
        "location": str(rpc.location),
        "http": [_binding(b) for b in rpc.http],
        "field_mask": (
            None
            if mask is None
            else {
                "request_field": mask.request_field,
                "target": mask.target_message,
                "allowed": list(mask.allowed),
                "set": mask.is_set,
                "unknown_paths": list(mask.unknown_paths),
            }
        ),
    }


def _service(service: Service) -> Json:
    return {
        "name": service.name,
        "file": service.file,
        "comment": service.comment,
        "location": str(service.location),
        "methods": {rpc.name: _rpc(rpc) for rpc in service.rpcs},
    }
