"""Part of pass 5: the REST clients of one module's services.

For each RPC: its keyword arguments, its path values and routes (in the order the client
tries them, conventions section 4.2), its field-mask checks, and whether it pages or
streams. RPCs without an HTTP binding, or streaming from the client, are gRPC-only.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from ..diagnostics import InputError
from ..ir import (
    BodyKind,
    Cardinality,
    FieldKind,
    HttpBinding,
    Message,
    PathLiteral,
    Rpc,
    Service,
    TypeRef,
)
from ..naming import (
    escape_doc,
    free_name,
    piece_chunks,
    python_name,
    rpc_constant_prefix,
    word_chunks,
)
from ..pyir import (
    PyArgument,
    PyField,
    PyPathValue,
    PyRoute,
    PyRpcClient,
    PyRpcMask,
    PyServiceClient,
)

if TYPE_CHECKING:
    from .module_plan import _ModuleBuilder

FIELD_MASK = "google.protobuf.FieldMask"
EMPTY = "google.protobuf.Empty"
_PAGE_FIELDS = {"limit", "page"}
# The aggregate clients' own methods, which a service's property must not shadow.
_AGGREGATE_METHODS = frozenset({"close", "aclose"})


# Words of a CamelCase name; an acronym's plural stays one word (`EUIs`, `IDs`).
_WORDS = re.compile(
    r"[A-Z]+s(?=[A-Z0-9]|$)|[A-Z]?[a-z]+[0-9]*|[A-Z]+[0-9]*(?=[A-Z][a-z]|$)|[0-9]+"
)


def method_name(name: str) -> str:
    """`GetIdentifiersForEUIs` -> `get_identifiers_for_euis`; keywords get an underscore."""
    return python_name("_".join(w.lower() for w in _WORDS.findall(name)) or name)


def plan_service_client(
    service: Service,
    messages: Mapping[str, Message],
    builder: _ModuleBuilder,
    plan_fields: Callable[[Message], tuple[PyField, ...]],
    masks: Mapping[str, PyRpcMask],
) -> PyServiceClient:
    """`masks`: the module's planned field-mask constants, by full method name."""
    rpcs = tuple(
        _plan_rpc(service, rpc, messages, builder, plan_fields, masks)
        for rpc in service.rpcs
    )
    taken: dict[str, str] = {}
    for rpc, planned in zip(service.rpcs, rpcs, strict=True):
        for name in filter(None, (planned.method, planned.pages_method)):
            if name in taken:
                raise InputError(
                    f"{rpc.location}: {service.name}.{rpc.name} and {taken[name]} would both "
                    f"be the client method {name}(); rename one of them"
                )
            taken[name] = f"{service.name}.{rpc.name}"
    return PyServiceClient(
        class_name=f"{service.name}Client",
        async_class_name=f"Async{service.name}Client",
        attribute=free_name(method_name(service.name), _AGGREGATE_METHODS),
        module="." + builder.path.removesuffix(".py").replace("/", "."),
        doc=escape_doc(
            service.comment or f"The {service.full_name} service over REST.", indent=4
        ),
        rpcs=rpcs,
    )


def _plan_rpc(
    service: Service,
    rpc: Rpc,
    messages: Mapping[str, Message],
    builder: _ModuleBuilder,
    plan_fields: Callable[[Message], tuple[PyField, ...]],
    masks: Mapping[str, PyRpcMask],
) -> PyRpcClient:
    request = messages.get(rpc.input_type)
    request_class = _class_of(rpc.input_type, builder)
    response_class = _class_of(rpc.output_type, builder)
    prefix = rpc_constant_prefix(service.name, rpc.name)
    grpc_only = rpc.client_streaming or not rpc.http
    # Only RPCs with a route take keyword arguments: their annotations need imports.
    fields = plan_fields(request) if request and not grpc_only else ()
    path_values = _path_values(rpc, request, messages, builder) if not grpc_only else ()
    by_field = {v.field: v for v in path_values}
    routes = _reachable(
        tuple(
            _route(binding, by_field, request, messages, rpc)
            for binding in sorted(rpc.http, key=lambda b: -len(b.variables))
        )
        if not grpc_only
        else ()
    )
    leaves = _leaf_arguments(path_values, fields)
    # Only a request with a FieldMask field has a mask to check.
    mask_field = rpc.field_mask.request_field if rpc.field_mask else None
    mask = masks.get(rpc.full_method) if mask_field else None
    leaf_types = {v.dotted: v.leaf for b in rpc.http for v in b.variables}
    arguments = tuple(
        PyArgument(
            f.attribute,
            (
                f"_typing.Iterable[{mask.literal_alias} | _rt.FieldPath] | _rt.AllPaths"
                if mask and f.proto_name == mask_field
                else f.annotation.removesuffix(" | None")
            ),
        )
        for f in fields
    ) + tuple(
        PyArgument(name, _leaf_annotation(leaf_types[field], builder))
        for name, field in leaves
    )
    items, item_class = _page_items(request, messages.get(rpc.output_type), builder)
    method = method_name(rpc.name)
    return PyRpcClient(
        method=method,
        full_method=rpc.full_method,
        doc=_doc(rpc, mask, grpc_only),
        spec=f"_{prefix}",
        request_class=request_class,
        response_class=response_class,
        fields_type=f"{service.name}{rpc.name}Fields",
        arguments=arguments,
        leaf_arguments=leaves,
        # Each piece fits its line: 88 less the indent, `leaf_arguments=` and the quotes.
        leaf_arguments_words=(
            word_chunks((f"{name}={field}" for name, field in leaves), width=66)
            if leaves
            else ()
        ),
        path_values=path_values,
        routes=routes,
        mask_constant=mask.constant if mask else "",
        mask_field=(
            _attribute(request, mask_field, builder)
            if mask and request and mask_field
            else ""
        ),
        mask_target=_mask_target(rpc, request, builder) if mask else "",
        pages_method=f"{method.rstrip('_')}_all" if items and not grpc_only else "",
        items=items,
        item_class=item_class,
        streaming=rpc.server_streaming and not grpc_only,
    )


def _attribute(message: Message, field: str, builder: _ModuleBuilder) -> str:
    return builder.symbols.members[message.full_name].attributes[field]


def _class_of(type_name: str, builder: _ModuleBuilder) -> str:
    if type_name == EMPTY:
        return "_rt.Empty"
    if type_name not in builder.symbols.messages:
        raise InputError(
            f"RPC type {type_name} is neither part of the API's own files nor "
            "google.protobuf.Empty; generating its client is not supported"
        )
    return builder.reference(type_name)


def _path_values(
    rpc: Rpc,
    request: Message | None,
    messages: Mapping[str, Message],
    builder: _ModuleBuilder,
) -> tuple[PyPathValue, ...]:
    """Every distinct path variable of the RPC's routes."""
    variables = dict.fromkeys(v.dotted for b in rpc.http for v in b.variables)
    result = []
    for dotted in variables:
        if request is None:
            raise InputError(
                f"{rpc.location}: {rpc.full_method} has path values but no request fields"
            )
        mask_segments: list[str] = []
        current = request
        parts = dotted.split(".")
        for index, part in enumerate(parts):
            field = next(f for f in current.fields if f.name == part)
            if field.oneof is not None:
                mask_segments.append(field.oneof)
            mask_segments.append(part)
            if index + 1 < len(parts):
                current = messages[field.value.type_name]
        leaf = _attribute(current, parts[-1], builder)
        result.append(PyPathValue(dotted, ".".join(mask_segments), leaf))
    return tuple(result)


def _route(
    binding: HttpBinding,
    by_field: Mapping[str, PyPathValue],
    request: Message | None,
    messages: Mapping[str, Message],
    rpc: Rpc,
) -> PyRoute:
    parts = []  # of the path, with `{}` for each value
    written = []  # of the path as the route's text has it, with each value named
    for segment in binding.segments:
        if isinstance(segment, PathLiteral):
            if not _LITERAL.fullmatch(segment.text):
                raise InputError(
                    f"{rpc.location}: {rpc.full_method}: the path segment "
                    f"{segment.text!r} has a space or brace, which the REST client "
                    "does not support (TTS has none)"
                )
            parts.append(segment.text)
            written.append(segment.text)
        elif segment.pattern != ("*",):
            raise InputError(
                f"{rpc.location}: {rpc.full_method}: the variable "
                f"{{{segment.dotted}={'/'.join(segment.pattern)}}} spans segments, which "
                "the REST client does not support (TTS has none)"
            )
        else:
            value = by_field[segment.dotted]
            parts.append("{}")
            if value.mask_path == value.field:
                written.append(f"{{{value.mask_path}}}")
            else:  # a oneof on the way: the field path differs
                written.append(f"{{{value.mask_path}={value.field}}}")
    verb = f":{binding.verb_suffix}" if binding.verb_suffix else ""
    # In the path's order: the values fill its `{}`s.
    needs = [
        by_field[s.dotted] for s in binding.segments if not isinstance(s, PathLiteral)
    ]
    whole = binding.body_kind is BodyKind.WHOLE_REQUEST
    values = tuple(v.mask_path for v in needs)
    fields = tuple(v.field for v in needs)
    body = "*" if whole else binding.body_field or ""
    field_masks = () if whole else _field_masks(request, messages)
    response_field = binding.response_body or ""
    # The route's text, in pieces to cut long lines at: each path segment, each option.
    path_pieces = [f"/{part}" for part in written] or ["/"]
    path_pieces[0] = f" {path_pieces[0]}"
    path_pieces[-1] += verb
    text = [binding.verb.upper(), *path_pieces]
    text += [f" body={body}"] if body else []
    text += [f" masks={','.join(field_masks)}"] if field_masks else []
    text += [f" response={response_field}"] if response_field else []
    return PyRoute(
        method=binding.verb.upper(),
        path="/" + "/".join(parts) + verb,
        values=values,
        fields=fields if fields != values else (),
        body=body,
        field_masks=field_masks,
        response_field=response_field,
        # Each piece fits its line in `routes=(...)`: 88 less the indent, quotes, comma.
        text_words=piece_chunks(text, width=77),
    )


# A path segment the route's text can carry (see _http.Route.parse).
_LITERAL = re.compile(r"[^\s{}]*")


def _field_masks(
    request: Message | None, messages: Mapping[str, Message]
) -> tuple[str, ...]:
    """Dotted names of the FieldMask fields a query may carry (each message type once)."""
    found: list[str] = []

    def visit(message: Message, prefix: str, seen: frozenset[str]) -> None:
        for field in message.fields:
            if field.cardinality is not Cardinality.SINGULAR:
                continue
            if field.value.type_name == FIELD_MASK:
                found.append(prefix + field.name)
            elif (
                field.value.kind is FieldKind.MESSAGE
                and field.value.type_name in messages
            ):
                if field.value.type_name not in seen:
                    visit(
                        messages[field.value.type_name],
                        f"{prefix}{field.name}.",
                        seen | {field.value.type_name},
                    )

    if request is not None:
        visit(request, "", frozenset({request.full_name}))
    return tuple(sorted(found))


def _leaf_arguments(
    path_values: tuple[PyPathValue, ...], fields: tuple[PyField, ...]
) -> tuple[tuple[str, str], ...]:
    """Path values by leaf name (`device_id=`), where the name is unambiguous."""
    names: dict[str, list[str]] = {}
    for value in path_values:
        names.setdefault(value.leaf_attribute, []).append(value.field)
    taken = {f.attribute for f in fields}
    return tuple(
        (name, dotted[0])
        for name, dotted in names.items()
        if len(dotted) == 1 and name not in taken and "." in dotted[0]
    )


def _leaf_annotation(ref: TypeRef, builder: _ModuleBuilder) -> str:
    """A path value's type, as the binding resolved it: a string, a number or an enum."""
    if ref.kind is FieldKind.ENUM:
        return builder.reference(ref.type_name)
    return "str" if ref.kind is FieldKind.STRING else "int"


def _mask_target(rpc: Rpc, request: Message | None, builder: _ModuleBuilder) -> str:
    """For Set RPCs, the request field holding the message the mask addresses."""
    if request is None or rpc.field_mask is None or not rpc.field_mask.is_set:
        return ""
    return next(
        (
            _attribute(request, f.name, builder)
            for f in request.fields
            if f.value.type_name == rpc.field_mask.target_message
            and f.cardinality is Cardinality.SINGULAR
        ),
        "",
    )


def _page_items(
    request: Message | None, response: Message | None, builder: _ModuleBuilder
) -> tuple[str, str]:
    """A List or Search RPC: the request has `limit` and `page`, the response one list."""
    if request is None or response is None:
        return "", ""
    if not _PAGE_FIELDS <= {f.name for f in request.fields}:
        return "", ""
    lists = [
        f
        for f in response.fields
        if f.cardinality is Cardinality.REPEATED and f.value.kind is FieldKind.MESSAGE
    ]
    if len(lists) != 1 or lists[0].value.type_name not in builder.symbols.messages:
        return "", ""
    return (
        _attribute(response, lists[0].name, builder),
        builder.reference(lists[0].value.type_name),
    )


def _reachable(routes: tuple[PyRoute, ...]) -> tuple[PyRoute, ...]:
    """The routes the client can pick: the first of each set of path values, and
    nothing after a route that needs none."""
    kept: list[PyRoute] = []
    for route in routes:
        if set(route.values) in (set(r.values) for r in kept):
            continue
        kept.append(route)
        if not route.values:
            break
    return tuple(kept)


def _doc(rpc: Rpc, mask: PyRpcMask | None, grpc_only: bool) -> str:
    lines = [rpc.comment.strip() or f"Call {rpc.full_method}.", ""]
    if grpc_only:
        lines.append(
            "gRPC only: TTS gives this RPC no HTTP binding (or it streams from the "
            "client); calling it raises GrpcOnlyError."
        )
    else:
        lines += [f"- `{b.verb.upper()} /api/v3{b.pattern}`" for b in rpc.http]
    if mask is not None:
        allowed = mask.allowed
        shown = ", ".join(allowed) if len(allowed) <= 8 else f"{len(allowed)} paths"
        lines += ["", f"Field mask: {shown} (`{mask.paths_constant}`)."]
    return escape_doc("\n".join(lines), indent=8)
