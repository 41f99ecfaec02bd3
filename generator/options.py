"""Reading the custom options the IR needs, decoded with the input's own option declarations.

protoc serialises custom options as extension fields. We find each extension we care about *by
its declared name* in the descriptor set (so any release layout works, wherever its option
protos live), and read it with classes built from that same declaration, in a pool of our own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from google.protobuf import descriptor_pb2, descriptor_pool, message, message_factory

HTTP = "google.api.http"
JSON_FIELD = "thethings.json.field"
JSON_ENUM = "thethings.json.enum"
JSON_ENUM_VALUE = "thethings.json.enum_value"
JSON_MESSAGE = "thethings.json.message"
_WANTED = (HTTP, JSON_FIELD, JSON_ENUM, JSON_ENUM_VALUE, JSON_MESSAGE)
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
        # extension name -> (the options class it extends, in this pool; its descriptor)
        self._extensions: dict[str, tuple[type[message.Message], Any]] = {}
        for proto_file in files.file:
            for extension in proto_file.extension:
                full_name = f"{proto_file.package}.{extension.name}".lstrip(".")
                if full_name not in _WANTED:
                    continue
                _add_with_dependencies(pool, by_name, proto_file.name, added)
                options_type = pool.FindMessageTypeByName(
                    extension.extendee.lstrip(".")
                )
                self._extensions[full_name] = (
                    message_factory.GetMessageClass(options_type),
                    pool.FindExtensionByName(full_name),
                )

    def _read(self, options: message.Message, extension: str) -> dict[str, Any] | None:
        """The option's value, re-read with this pool's own options class: protobuf may know
        the extension globally (when a `_pb2` declaring it was imported in this process) or
        not, and either way its bytes are in the serialised options."""
        entry = self._extensions.get(extension)
        if entry is None:
            return None
        options_class, descriptor = entry
        own = options_class.FromString(options.SerializeToString())
        if not own.HasExtension(descriptor):
            return None
        return _as_dict(own.Extensions[descriptor])

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
