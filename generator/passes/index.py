"""Pass 1: index the target files' messages and enums, with fields, comments and JSON facts.

Field paths are derived later (`field_paths.py`); here every message gets empty ones.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from google.protobuf import descriptor_pb2

from ..diagnostics import InputError
from ..ir import (
    Cardinality,
    Enum,
    EnumJsonForm,
    EnumValue,
    Field,
    FieldKind,
    FieldPaths,
    JsonFieldCodec,
    Message,
    ProtoFile,
    TypeRef,
)
from ..options import OptionReader
from .source_info import (
    ENUM_VALUE,
    FILE_ENUM,
    FILE_MESSAGE,
    MESSAGE_ENUM,
    MESSAGE_FIELD,
    MESSAGE_NESTED,
    SourceInfo,
)

_FDP = descriptor_pb2.FieldDescriptorProto
_KINDS = {
    _FDP.TYPE_DOUBLE: FieldKind.DOUBLE,
    _FDP.TYPE_FLOAT: FieldKind.FLOAT,
    _FDP.TYPE_INT32: FieldKind.INT32,
    _FDP.TYPE_INT64: FieldKind.INT64,
    _FDP.TYPE_UINT32: FieldKind.UINT32,
    _FDP.TYPE_UINT64: FieldKind.UINT64,
    _FDP.TYPE_SINT32: FieldKind.SINT32,
    _FDP.TYPE_SINT64: FieldKind.SINT64,
    _FDP.TYPE_FIXED32: FieldKind.FIXED32,
    _FDP.TYPE_FIXED64: FieldKind.FIXED64,
    _FDP.TYPE_SFIXED32: FieldKind.SFIXED32,
    _FDP.TYPE_SFIXED64: FieldKind.SFIXED64,
    _FDP.TYPE_BOOL: FieldKind.BOOL,
    _FDP.TYPE_STRING: FieldKind.STRING,
    _FDP.TYPE_BYTES: FieldKind.BYTES,
    _FDP.TYPE_ENUM: FieldKind.ENUM,
    _FDP.TYPE_MESSAGE: FieldKind.MESSAGE,
    _FDP.TYPE_GROUP: FieldKind.MESSAGE,
}
_HEX_MARSHALER = re.compile(r"\.MarshalHEXBytes$")
_FIXED_LENGTH_UNMARSHALER = re.compile(r"\.Unmarshal(\d+)Bytes$")
NO_FIELD_PATHS = FieldPaths(nested=(), top_level=())


@dataclass(frozen=True, slots=True)
class TypeIndex:
    files: tuple[ProtoFile, ...]
    # by full name; map entries are folded into their map fields
    messages: dict[str, Message]
    enums: dict[str, Enum]


def index_types(
    descriptor_set: descriptor_pb2.FileDescriptorSet,
    sources: Mapping[str, SourceInfo],
    options: OptionReader,
) -> TypeIndex:
    """`sources` holds the API's own (target) files; other files are only listed."""
    files = []
    messages: dict[str, Message] = {}
    enums: dict[str, Enum] = {}
    for proto_file in descriptor_set.file:
        source = sources.get(proto_file.name)
        files.append(
            ProtoFile(
                name=proto_file.name,
                package=proto_file.package,
                dependencies=tuple(proto_file.dependency),
                is_target=source is not None,
            )
        )
        if source is None:
            continue
        if proto_file.syntax != "proto3":
            # proto2 (presence and defaults everywhere, groups, extensions) and editions
            # are outside what TTS's API uses and what the generated code implements.
            syntax = proto_file.syntax or "proto2"
            raise InputError(
                f'{source.display_path}: syntax "{syntax}" is not supported; write the '
                'file as syntax = "proto3", as TTS\'s API files are'
            )
        reader = _FileReader(proto_file, source, options)
        messages.update((m.full_name, m) for m in reader.messages())
        enums.update((e.full_name, e) for e in reader.enums())
    return TypeIndex(
        files=tuple(sorted(files, key=lambda f: f.name)), messages=messages, enums=enums
    )


@dataclass(frozen=True, slots=True)
class _FileReader:
    proto_file: descriptor_pb2.FileDescriptorProto
    source: SourceInfo
    options: OptionReader

    def _full_name(self, name: str) -> str:
        return f"{self.proto_file.package}.{name}" if self.proto_file.package else name

    def messages(self) -> Iterator[Message]:
        for i, descriptor in enumerate(self.proto_file.message_type):
            yield from self._messages(descriptor, "", (FILE_MESSAGE, i))

    def enums(self) -> Iterator[Enum]:
        for i, enum_descriptor in enumerate(self.proto_file.enum_type):
            yield self._enum(enum_descriptor, enum_descriptor.name, (FILE_ENUM, i))
        for i, descriptor in enumerate(self.proto_file.message_type):
            yield from self._nested_enums(
                descriptor, descriptor.name, (FILE_MESSAGE, i)
            )

    def _nested_enums(
        self,
        descriptor: descriptor_pb2.DescriptorProto,
        name: str,
        path: tuple[int, ...],
    ) -> Iterator[Enum]:
        for i, enum_descriptor in enumerate(descriptor.enum_type):
            yield self._enum(
                enum_descriptor,
                f"{name}.{enum_descriptor.name}",
                (*path, MESSAGE_ENUM, i),
            )
        for i, nested in enumerate(descriptor.nested_type):
            yield from self._nested_enums(
                nested, f"{name}.{nested.name}", (*path, MESSAGE_NESTED, i)
            )

    def _messages(
        self,
        descriptor: descriptor_pb2.DescriptorProto,
        outer: str,
        path: tuple[int, ...],
    ) -> Iterator[Message]:
        name = f"{outer}.{descriptor.name}" if outer else descriptor.name
        nested_types = {
            self._full_name(f"{name}.{n.name}"): n for n in descriptor.nested_type
        }
        oneof_names = [oneof.name for oneof in descriptor.oneof_decl]
        real_oneofs = sorted(
            {
                f.oneof_index
                for f in descriptor.field
                if f.HasField("oneof_index") and not f.proto3_optional
            }
        )
        if descriptor.options.map_entry:
            return  # a map field's key and value types are recorded on the field itself
        yield Message(
            full_name=self._full_name(name),
            name=name,
            file=self.proto_file.name,
            fields=tuple(
                self._field(field, oneof_names, nested_types, (*path, MESSAGE_FIELD, i))
                for i, field in enumerate(descriptor.field)
            ),
            oneofs=tuple(oneof_names[i] for i in real_oneofs),
            is_tts_wrapper=self.options.is_tts_wrapper(descriptor.options),
            deprecated=descriptor.options.deprecated,
            comment=self.source.comment(path),
            location=self.source.location(path),
            field_paths=NO_FIELD_PATHS,
        )
        for i, nested in enumerate(descriptor.nested_type):
            yield from self._messages(nested, name, (*path, MESSAGE_NESTED, i))

    def _field(
        self,
        field: descriptor_pb2.FieldDescriptorProto,
        oneof_names: list[str],
        nested_types: dict[str, descriptor_pb2.DescriptorProto],
        path: tuple[int, ...],
    ) -> Field:
        value = _type_ref(field)
        map_key = None
        cardinality = (
            Cardinality.REPEATED
            if field.label == _FDP.LABEL_REPEATED
            else Cardinality.SINGULAR
        )
        entry = nested_types.get(value.type_name)
        if (
            cardinality is Cardinality.REPEATED
            and entry is not None
            and entry.options.map_entry
        ):
            cardinality = Cardinality.MAP
            map_key, value = _type_ref(entry.field[0]), _type_ref(entry.field[1])
        in_real_oneof = field.HasField("oneof_index") and not field.proto3_optional
        return Field(
            name=field.name,
            number=field.number,
            json_name=field.json_name,
            cardinality=cardinality,
            value=value,
            map_key=map_key,
            oneof=oneof_names[field.oneof_index] if in_real_oneof else None,
            proto3_optional=field.proto3_optional,
            deprecated=field.options.deprecated,
            comment=self.source.comment(path),
            json_codec=self._json_codec(field),
            location=self.source.location(path),
        )

    def _json_codec(
        self, field: descriptor_pb2.FieldDescriptorProto
    ) -> JsonFieldCodec | None:
        if not field.HasField("options"):
            return None
        option = self.options.json_field(field.options)
        if option is None:
            return None
        fixed = _FIXED_LENGTH_UNMARSHALER.search(option.unmarshaler_func)
        is_hex = _HEX_MARSHALER.search(option.marshaler_func) is not None
        return JsonFieldCodec(
            marshaler_func=option.marshaler_func,
            unmarshaler_func=option.unmarshaler_func,
            hex_length=int(fixed.group(1)) if is_hex and fixed else None,
        )

    def _enum(
        self,
        descriptor: descriptor_pb2.EnumDescriptorProto,
        name: str,
        path: tuple[int, ...],
    ) -> Enum:
        option = self.options.json_enum(descriptor.options)
        as_string = (
            option is not None
            and option.marshal_as_string
            and not option.marshal_as_number
        )
        values = []
        for i, value in enumerate(descriptor.value):
            value_option = self.options.json_enum_value(value.options)
            values.append(
                EnumValue(
                    name=value.name,
                    number=value.number,
                    json_value=(value_option.value or None) if value_option else None,
                    aliases=value_option.aliases if value_option else (),
                    deprecated=value.options.deprecated,
                    comment=self.source.comment((*path, ENUM_VALUE, i)),
                )
            )
        return Enum(
            full_name=self._full_name(name),
            name=name,
            file=self.proto_file.name,
            values=tuple(values),
            allow_alias=descriptor.options.allow_alias,
            json_form=EnumJsonForm.STRING if as_string else EnumJsonForm.NUMBER,
            json_prefix=(option.prefix or None) if option else None,
            deprecated=descriptor.options.deprecated,
            comment=self.source.comment(path),
            location=self.source.location(path),
        )


def _type_ref(field: descriptor_pb2.FieldDescriptorProto) -> TypeRef:
    return TypeRef(kind=_KINDS[field.type], type_name=field.type_name.lstrip("."))
