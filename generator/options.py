"""Reading the custom options the IR needs, decoded with the input's own option declarations.

protoc serialises custom options as extension fields, which the static `descriptor_pb2` classes
keep as unknown fields. We find each extension we care about *by its declared name* in the
descriptor set (so any release layout works, wherever its option protos live), then decode its
bytes with a message class built from that same declaration.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from google.protobuf import descriptor_pb2, descriptor_pool, message, message_factory
from google.protobuf.unknown_fields import UnknownFieldSet

HTTP = "google.api.http"
JSON_FIELD = "thethings.json.field"
JSON_ENUM = "thethings.json.enum"
JSON_ENUM_VALUE = "thethings.json.enum_value"
JSON_MESSAGE = "thethings.json.message"
_WANTED = (HTTP, JSON_FIELD, JSON_ENUM, JSON_ENUM_VALUE, JSON_MESSAGE)
_LENGTH_DELIMITED = 2
_HTTP_VERBS = ("get", "put", "post", "delete", "patch")


@dataclass(frozen=True, slots=True)
class HttpRuleOption:
    """A `google.api.http` rule as written; verb and path are empty when it has no pattern."""

    verb: str
    path: str
    body: str
    response_body: str
    additional_bindings: tuple[HttpRuleOption, ...]


@dataclass(frozen=True, slots=True)
class JsonFieldOption:
    marshaler_func: str
    unmarshaler_func: str


@dataclass(frozen=True, slots=True)
class JsonEnumOption:
    marshal_as_number: bool
    marshal_as_string: bool
    prefix: str


@dataclass(frozen=True, slots=True)
class JsonEnumValueOption:
    value: str
    aliases: tuple[str, ...]


class OptionReader:
    """Decodes `google.api.http` and `thethings.json.*` options from options messages."""

    def __init__(self, files: descriptor_pb2.FileDescriptorSet) -> None:
        by_name = {f.name: f for f in files.file}
        pool = descriptor_pool.DescriptorPool()
        added: set[str] = set()
        self._decoders: dict[str, tuple[int, type[message.Message]]] = {}
        for proto_file in files.file:
            for extension in proto_file.extension:
                full_name = f"{proto_file.package}.{extension.name}".lstrip(".")
                if full_name not in _WANTED:
                    continue
                _add_with_dependencies(pool, by_name, proto_file.name, added)
                value_type = pool.FindMessageTypeByName(extension.type_name.lstrip("."))
                self._decoders[full_name] = (
                    extension.number,
                    message_factory.GetMessageClass(value_type),
                )

    def _read(self, options: message.Message, extension: str) -> dict[str, Any] | None:
        decoder = self._decoders.get(extension)
        if decoder is None:
            return None
        number, value_class = decoder
        unknown = UnknownFieldSet(options)
        chunks = [
            field.data
            for field in (unknown[i] for i in range(len(unknown)))
            if field.field_number == number and field.wire_type == _LENGTH_DELIMITED
        ]
        if not chunks:
            return None
        value = value_class()
        value.MergeFromString(b"".join(chunks))  # repeated records of one option merge
        return _as_dict(value)

    def http_rule(self, options: descriptor_pb2.MethodOptions) -> HttpRuleOption | None:
        rule = self._read(options, HTTP)
        return None if rule is None else _http_rule(rule)

    def json_field(
        self, options: descriptor_pb2.FieldOptions
    ) -> JsonFieldOption | None:
        option = self._read(options, JSON_FIELD)
        if option is None:
            return None
        return JsonFieldOption(
            marshaler_func=option.get("marshaler_func", ""),
            unmarshaler_func=option.get("unmarshaler_func", ""),
        )

    def json_enum(self, options: descriptor_pb2.EnumOptions) -> JsonEnumOption | None:
        option = self._read(options, JSON_ENUM)
        if option is None:
            return None
        return JsonEnumOption(
            marshal_as_number=option.get("marshal_as_number", False),
            marshal_as_string=option.get("marshal_as_string", False),
            prefix=option.get("prefix", ""),
        )

    def json_enum_value(
        self, options: descriptor_pb2.EnumValueOptions
    ) -> JsonEnumValueOption | None:
        option = self._read(options, JSON_ENUM_VALUE)
        if option is None:
            return None
        return JsonEnumValueOption(
            value=option.get("value", ""), aliases=tuple(option.get("aliases", ()))
        )

    def is_tts_wrapper(self, options: descriptor_pb2.MessageOptions) -> bool:
        option = self._read(options, JSON_MESSAGE)
        return bool(option and option.get("wrapper", False))


def _add_with_dependencies(
    pool: descriptor_pool.DescriptorPool,
    by_name: dict[str, descriptor_pb2.FileDescriptorProto],
    name: str,
    added: set[str],
) -> None:
    if name in added:
        return
    added.add(name)
    proto_file = by_name[name]
    for dependency in proto_file.dependency:
        _add_with_dependencies(pool, by_name, dependency, added)
    pool.Add(proto_file)


def _as_dict(value: message.Message) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for field, field_value in value.ListFields():
        if field.message_type is None:
            result[field.name] = field_value
        elif field.is_repeated:
            result[field.name] = [_as_dict(item) for item in field_value]
        else:
            result[field.name] = _as_dict(field_value)
    return result


def _http_rule(rule: dict[str, Any]) -> HttpRuleOption:
    verb, path = "", ""
    for candidate in _HTTP_VERBS:
        if candidate in rule:
            verb, path = candidate, rule[candidate]
    if "custom" in rule:
        verb, path = rule["custom"].get("kind", ""), rule["custom"].get("path", "")
    return HttpRuleOption(
        verb=verb,
        path=path,
        body=rule.get("body", ""),
        response_body=rule.get("response_body", ""),
        additional_bindings=tuple(
            _http_rule(r) for r in rule.get("additional_bindings", ())
        ),
    )
