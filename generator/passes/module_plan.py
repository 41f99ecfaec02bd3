"""Pass 5: the module plan. Decides, for the generated package, every module, name, import,
annotation, codec family and field-mask constant, so that templates only read attributes.

One module per target proto file, at the path `symbols.module_paths` gives it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ..diagnostics import InputError
from ..ir import (
    Api,
    Cardinality,
    Enum,
    EnumJsonForm,
    Field,
    FieldKind,
    Message,
    Service,
    TypeRef,
)
from ..naming import (
    Namespace,
    all_order,
    escape_doc,
    import_order,
    lower_camel,
    rpc_constant_prefix,
    word_chunks,
)
from ..pyir import (
    Codec,
    Import,
    PackagePlan,
    PyEnum,
    PyEnumValue,
    PyField,
    PyMessage,
    PyModule,
    PyOneof,
    PyRpcMask,
    PyServiceClient,
)
from .clients import plan_service_client
from .codecs import builtin_codec, field_codec
from .mask_siblings import mask_siblings
from .member_names import (
    MODULE_ALIASES,
    MessageNames,
    enum_member_names,
)
from .path_nodes import plan_path_nodes
from .symbols import CLIENTS_MODULE, Symbols, module_paths


def plan_package(api: Api, package: str) -> PackagePlan:
    modules = module_paths(api)
    symbols = Symbols.of(api, modules)
    siblings = mask_siblings(api, modules)
    planned = tuple(
        _plan_module(api, file_name, path, symbols, siblings)
        for file_name, path in sorted(modules.items(), key=lambda item: item[1])
    )
    packages: set[str] = set()
    for path in modules.values():
        parts = path.split("/")[:-1]
        packages.update(
            "".join(f"{part}/" for part in parts[:depth])
            for depth in range(len(parts) + 1)
        )
    clients = _unique_attributes(
        tuple(client for module in planned for client in module.clients)
    )
    return PackagePlan(
        package=package,
        modules=planned,
        packages=tuple(sorted(packages)),
        clients_module=f"{CLIENTS_MODULE}.py",  # kept free by module_paths
        clients=clients,
        client_imports=_client_imports(clients),
        route_prefixes=route_prefixes(clients),
    )


def route_prefixes(clients: tuple[PyServiceClient, ...]) -> tuple[str, ...]:
    """The first segment of every route, as the runtime picks a component's URL by."""
    return tuple(
        sorted(
            {
                route.path.split("/", 2)[1]
                for client in clients
                for rpc in client.rpcs
                for route in rpc.routes
            }
        )
    )


def _client_imports(clients: tuple[PyServiceClient, ...]) -> tuple[Import, ...]:
    names: dict[str, list[str]] = {}
    for client in clients:
        names.setdefault(client.module, []).extend(
            (client.class_name, client.async_class_name)
        )
    return tuple(
        Import(module, tuple(sorted(names[module], key=import_order)))
        for module in sorted(names)
    )


def _unique_attributes(
    clients: tuple[PyServiceClient, ...],
) -> tuple[PyServiceClient, ...]:
    seen: dict[str, str] = {}
    for client in clients:
        if client.attribute in seen:
            raise InputError(
                f"services {seen[client.attribute]} and {client.module}.{client.class_name} "
                f"would both be the client property `{client.attribute}`; rename one of them"
            )
        seen[client.attribute] = f"{client.module}.{client.class_name}"
    return tuple(sorted(clients, key=lambda c: c.attribute))


class _ModuleBuilder:
    """Collects the names one module needs from others while its contents are planned.
    A class whose name the module already uses (its own class of that name, from another
    proto package, or an earlier import) is imported under an alias with underscores."""

    def __init__(self, path: str, symbols: Symbols) -> None:
        self.path = path
        self.symbols = symbols
        # module -> imported name -> its name here
        self.needed: dict[str, dict[str, str]] = {}
        self._names = Namespace(symbols.module_names.get(path, frozenset()))
        self._names.names.update(MODULE_ALIASES)
        self.uses_datetime = False

    def reference(self, full_name: str) -> str:
        """The class of a message or enum, imported if it lives in another module."""
        return self._use(*self.symbols.where[full_name])

    def reference_paths(self, full_name: str) -> str:
        """A message's path class, imported if need be."""
        module = self.symbols.where[full_name][0]
        return self._use(module, self.symbols.paths_classes[full_name])

    def reference_zero(self, full_name: str) -> str:
        """An enum's zero constant, imported if need be."""
        module = self.symbols.where[full_name][0]
        return self._use(module, self.symbols.zeros[full_name])

    def _use(self, module: str, name: str) -> str:
        if module == self.path:
            return name
        imported = self.needed.setdefault(module, {})
        if name not in imported:
            imported[name] = self._names.claim(name)
        return imported[name]

    def imports(self) -> tuple[Import, ...]:
        """Per module, the plain names in one statement, then each alias in its own (as
        ruff's isort writes them)."""
        depth = self.path.count("/")
        result = []
        for module in sorted(self.needed):
            relative = "." * (depth + 1) + module.removesuffix(".py").replace("/", ".")
            names = sorted(
                self.needed[module].items(), key=lambda n: import_order(n[0])
            )
            plain = tuple(name for name, local in names if name == local)
            if plain:
                result.append(Import(relative, plain))
            result += [
                Import(relative, (name,), local)
                for name, local in names
                if name != local
            ]
        return tuple(result)

    def codec(self, ref: TypeRef, field: Field) -> Codec:
        """The codec of a value of `field` (its element or map value, or its map key)."""
        builtin = builtin_codec(ref, field)
        if builtin is not None:
            self.uses_datetime |= builtin.python_type.startswith("_dt.")
            return builtin
        known = (
            self.symbols.enums if ref.kind is FieldKind.ENUM else self.symbols.messages
        )
        if ref.type_name not in known:
            raise InputError(
                f"{field.location}: field {field.name} has the type {ref.type_name}, which is "
                "neither part of the API's own files nor a google.protobuf well-known type; "
                "generating it is not supported (move the type into the API's files)"
            )
        name = self.reference(ref.type_name)
        if ref.kind is FieldKind.ENUM:
            # The zero constant is imported only where a field uses it (`_plan_field`).
            return Codec("enum", name, "", helper=name)
        return Codec("message", name, "None", helper=name)


def _plan_module(
    api: Api,
    file_name: str,
    path: str,
    symbols: Symbols,
    siblings: Mapping[str, tuple[str, ...]],
) -> PyModule:
    builder = _ModuleBuilder(path, symbols)
    enums = tuple(_plan_enum(e, symbols) for e in api.enums if e.file == file_name)
    messages = tuple(
        _plan_message(m, builder) for m in api.messages if m.file == file_name
    )
    path_nodes = plan_path_nodes(
        [m for m in api.messages if m.file == file_name], builder, symbols
    )
    services = [s for s in api.services if s.file == file_name]
    masks = _plan_masks(services, builder, siblings)
    masks_by_method = {mask.full_method: mask for mask in masks}
    clients = tuple(
        plan_service_client(
            service,
            symbols.messages,
            builder,
            lambda message: _plan_fields(message, builder),
            masks_by_method,
        )
        for service in api.services
        if service.file == file_name and service.rpcs
    )
    imports = builder.imports()
    _check_module_names(
        path,
        [(alias, "a module alias") for alias in MODULE_ALIASES]
        + [(n, f"a name imported from {i.module}") for i in imports for n in i.defined]
        + [(e.class_name, f"the enum {e.full_name}") for e in enums]
        + [(e.zero_constant, f"the zero of {e.full_name}") for e in enums]
        + [(m.class_name, f"the message {m.full_name}") for m in messages]
        + ([("_PROTO_PACKAGE", "the proto package")] if messages or enums else [])
        + [(n.class_name, "a field-mask path class") for n in path_nodes]
        + [
            (name, f"a constant of {mask.full_method}")
            for mask in masks
            for name in (mask.constant, mask.paths_constant, mask.literal_alias)
        ]
        + [
            (name, f"the client of {c.class_name.removesuffix('Client')}")
            for c in clients
            for name in (c.class_name, c.async_class_name)
        ]
        + [
            (r.spec, f"the description of {r.full_method}")
            for c in clients
            for r in c.rpcs
        ]
        + [
            (r.fields_type, f"the keyword arguments of {r.full_method}")
            for c in clients
            for r in c.rpcs
            if r.routes
        ],
    )
    exports = sorted(
        {e.class_name for e in enums}
        | {m.class_name for m in messages}
        | {m.paths_class for m in messages}
        | {mask.constant for mask in masks}
        | {mask.paths_constant for mask in masks}
        | {c.class_name for c in clients}
        | {c.async_class_name for c in clients},
        key=all_order,
    )
    return PyModule(
        path=path,
        source_file=file_name,
        doc=escape_doc(f"Messages and enums of {file_name}.", indent=0),
        imports=imports,
        uses_datetime=builder.uses_datetime,
        uses_typing=bool(messages or masks or clients),
        uses_runtime=bool(messages or enums or masks or clients),
        enums=enums,
        messages=messages,
        path_nodes=path_nodes,
        rpc_masks=masks,
        clients=clients,
        rpcs_with_routes=tuple(r for c in clients for r in c.rpcs if r.routes),
        exports=tuple(exports),
        proto_package=(
            next(f.package for f in api.files if f.name == file_name)
            if messages or enums
            else ""
        ),
    )


def _check_module_names(path: str, definitions: list[tuple[str, str]]) -> None:
    """Each module-level name is defined once: a clash the renaming rules did not foresee
    is an error rather than a module that silently overwrites one of the two."""
    seen: dict[str, str] = {}
    for name, what in definitions:
        if name in seen:
            raise InputError(
                f"{path}: {seen[name]} and {what} would both be the name {name}; rename "
                "one of them if the API is yours, or report it to ttn-lw-codegen"
            )
        seen[name] = what


def _plan_enum(enum: Enum, symbols: Symbols) -> PyEnum:
    canonical: dict[int, str] = {}
    aliases = []
    inputs: dict[str, int] = {}
    for value in enum.values:
        if value.number in canonical:
            aliases.append((value.name, canonical[value.number]))
        else:
            canonical[value.number] = value.name
        accepted = [value.name, *value.aliases]
        if value.json_value:
            accepted.append(value.json_value)
        if enum.json_prefix and value.name.startswith(enum.json_prefix + "_"):
            accepted.append(value.name[len(enum.json_prefix) + 1 :])
        for text in accepted:
            inputs.setdefault(text, value.number)
    json_names = {v.number: v.json_value for v in enum.values if v.json_value}
    members = enum_member_names(v.name for v in enum.values)
    class_name = symbols.where[enum.full_name][1]
    return PyEnum(
        class_name=class_name,
        full_name=enum.full_name,
        # Without a comment, none where the runtime can tell the proto name from the
        # module's package and the class name: it gives the class "The enum <name>."
        doc=escape_doc(
            enum.comment
            or (f"The enum {enum.full_name}." if class_name != enum.name else "")
        ),
        values=tuple(
            PyEnumValue(name, members[name], number, json_names.get(number) or name)
            for number, name in canonical.items()
        ),
        aliases=tuple((members[alias], members[name]) for alias, name in aliases),
        renamed=tuple(
            (members[name], name)
            for name in canonical.values()
            if members[name] != name
        ),
        as_string=enum.json_form is EnumJsonForm.STRING,
        zero_number=0 if 0 in canonical else enum.values[0].number,
        zero_constant=symbols.zeros[enum.full_name],
        inputs=tuple(sorted(inputs.items())),
        outputs=tuple(
            (number, json_names.get(number) or name)
            for number, name in canonical.items()
            if enum.json_form is EnumJsonForm.STRING
        ),
    )


def _plan_fields(message: Message, builder: _ModuleBuilder) -> tuple[PyField, ...]:
    names = builder.symbols.members[message.full_name]
    return tuple(_plan_field(f, names, builder) for f in message.fields)


def _plan_field(field: Field, names: MessageNames, builder: _ModuleBuilder) -> PyField:
    codec = builder.codec(field.value, field)
    map_key = builder.codec(field.map_key, field) if field.map_key else None
    has_presence = (
        field.oneof is not None
        or field.proto3_optional
        or codec.family in ("message", "wkt", "google_wrapper")
    )
    if field.cardinality is Cardinality.MAP and map_key is not None:
        kind, annotation = "map", f"dict[{map_key.python_type}, {codec.python_type}]"
    elif field.cardinality is Cardinality.REPEATED:
        kind, annotation = "repeated", f"list[{codec.python_type}]"
    elif has_presence:
        kind, annotation = "optional", f"{codec.python_type} | None"
    else:
        kind, annotation = "singular", codec.python_type
    attribute = names.attributes[field.name]
    if kind == "singular" and codec.family == "enum":
        default = builder.reference_zero(field.value.type_name)
    else:
        default = {"repeated": "[]", "map": "{}", "optional": "None"}.get(
            kind, codec.zero
        )
    return PyField(
        attribute=attribute,
        slot=names.slots[field.name],
        proto_name=field.name,
        json_name=field.json_name,
        kind=kind,
        codec=codec,
        map_key=map_key,
        runtime_codec=field_codec(codec, map_key),
        annotation=annotation,
        default=default,
        # Containers are fresh per message: the runtime makes them.
        class_default={"repeated": "_rt.EMPTY_LIST", "map": "_rt.EMPTY_DICT"}.get(
            kind, default
        ),
        oneof=field.oneof,
        deprecated=field.deprecated,
        doc=escape_doc(_noting_deprecation(field.comment, field.deprecated)),
    )


def _noting_deprecation(comment: str, deprecated: bool) -> str:
    """A docstring's text: the comment, with "Deprecated." as its last paragraph if it is."""
    if not deprecated:
        return comment
    return f"{comment}\n\nDeprecated." if comment else "Deprecated."


def _plan_message(message: Message, builder: _ModuleBuilder) -> PyMessage:
    fields = _plan_fields(message, builder)
    names = builder.symbols.members[message.full_name]
    oneofs = tuple(_plan_oneof(name, fields, names) for name in message.oneofs)
    plain = tuple(f for f in fields if f.oneof is None)
    class_name = builder.reference(message.full_name)
    return PyMessage(
        class_name=class_name,
        full_name=message.full_name,
        full_name_written=class_name != message.name,
        # Without a comment, none: the runtime gives the class "The message <name>."
        doc=escape_doc(_noting_deprecation(message.comment, message.deprecated)),
        is_tts_wrapper=message.is_tts_wrapper and len(fields) == 1,
        fields=fields,
        plain_fields=plain,
        oneofs=oneofs,
        fields_words=word_chunks(
            (
                f"{f.oneof}.{f.proto_name}:{f.runtime_codec}"
                if f.oneof
                else f"{f.proto_name}:{f.runtime_codec}"
            )
            for f in fields
        ),
        # field_table's name for each field (a oneof member's property, else its slot)
        # and for each oneof (its slot), where it is not the default.
        renamed=tuple(
            (f.proto_name, name)
            for f in fields
            if (name := f.attribute if f.oneof else f.slot) != f.proto_name
        )
        + tuple((o.name, o.slot) for o in oneofs if o.slot != f"_{o.name}"),
        deprecated=tuple(
            (f"{f.oneof}.{f.proto_name}" if f.oneof else f.proto_name, f.attribute)
            for f in fields
            if f.deprecated
        ),
        json_names=tuple(
            (f.json_name, f.proto_name)
            for f in fields
            if f.json_name != lower_camel(f.proto_name)
        ),
        paths_class=builder.symbols.paths_classes[message.full_name],
    )


def _plan_oneof(name: str, fields: tuple[PyField, ...], names: MessageNames) -> PyOneof:
    return PyOneof(
        name=name,
        slot=names.oneof_slots[name],
        which_method=names.which_methods[name],
        members=tuple(f for f in fields if f.oneof == name),
    )


def _plan_masks(
    services: Iterable[Service],
    builder: _ModuleBuilder,
    siblings: Mapping[str, tuple[str, ...]],
) -> tuple[PyRpcMask, ...]:
    """The RPCs' allowed paths; an RPC whose list equals an earlier one's in the module
    (Get and List often do) reuses that one's Literal and tuple. `siblings` are the
    RPCs the runtime looks in for a forbidden path (see mask_siblings)."""
    masks: list[PyRpcMask] = []
    first_with: dict[tuple[str, ...], PyRpcMask] = {}
    for service, rpc in ((s, r) for s in services for r in s.rpcs):
        if rpc.field_mask is None:
            continue
        prefix = rpc_constant_prefix(service.name, rpc.name)
        kind = ", a Set RPC" if rpc.field_mask.is_set else ""
        count = len(rpc.field_mask.allowed)
        mask = PyRpcMask(
            doc=escape_doc(
                f"Allowed field-mask paths of {rpc.full_method} ({count}){kind}.",
                indent=0,
            ),
            paths_constant=f"{prefix}_PATHS",
            constant=f"{prefix}_MASK",
            literal_alias=f"{service.name}{rpc.name}Path",
            full_method=rpc.full_method,
            allowed=rpc.field_mask.allowed,
            is_set=rpc.field_mask.is_set,
            target_class=builder.reference(rpc.field_mask.target_message),
            # Narrower pieces than the paths': the first follows `siblings=`.
            siblings_words=(
                word_chunks(siblings[rpc.full_method], width=70)
                if siblings[rpc.full_method]
                else ()
            ),
            same_as=first_with.get(rpc.field_mask.allowed),
        )
        first_with.setdefault(mask.allowed, mask)
        masks.append(mask)
    return tuple(masks)
