"""Pass 4: each RPC's field-mask rule: its mask field, target message, allowed paths, `Set`.

Allowed paths come from api-definition.json (they are hand-written Go in TTS and cannot be
derived), with what TTS's JS SDK build takes out of them put back (§2.3, §2.6 option A of
tts-api-conventions.md). `Set` follows rule H1 of §2.5: the method name starts with `Set` or
`Update` and the request has a field mask.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from ..api_definition import ApiDefinition
from ..diagnostics import InputError, fail_if_any
from ..ir import (
    Cardinality,
    Diagnostic,
    FieldKind,
    FieldMaskRule,
    Message,
    Rpc,
    Service,
)

FIELD_MASK_TYPE = "google.protobuf.FieldMask"
SET_PREFIXES = ("Set", "Update")
# The JS SDK's build removes a field and its sub-paths from these RPCs' lists, which the
# server allows (TTS tools/generate_allowed_field_mask_paths.go): RPC -> field.
JS_SDK_REMOVALS = {
    "/ttn.lorawan.v3.JsEndDeviceRegistry/Get": "claim_authentication_code",
    "/ttn.lorawan.v3.JsEndDeviceRegistry/Set": "claim_authentication_code",
}


def attach_field_masks(
    services: tuple[Service, ...],
    messages: Mapping[str, Message],
    definition: ApiDefinition,
) -> tuple[tuple[Service, ...], tuple[Diagnostic, ...]]:
    """Services with field-mask rules filled in, and warnings about suspicious allowed paths."""
    _check_methods_exist(services, definition)
    warnings: list[Diagnostic] = []
    result = []
    for service in services:
        rpcs = []
        for rpc in service.rpcs:
            rule = _rule(service, rpc, messages, definition, warnings)
            rpcs.append(dataclasses.replace(rpc, field_mask=rule))
        result.append(dataclasses.replace(service, rpcs=tuple(rpcs)))
    return tuple(result), tuple(warnings)


def _check_methods_exist(
    services: tuple[Service, ...], definition: ApiDefinition
) -> None:
    known = {(s.name, rpc.name) for s in services for rpc in s.rpcs}
    fail_if_any(
        f"{definition.display_path} names RPCs that the protos do not declare "
        "(is it from the same TTS release as api/?)",
        [
            Diagnostic(definition.where(service, method), "no such RPC in the protos")
            for service, method in definition.methods
            if (service, method) not in known
        ],
    )


def _rule(
    service: Service,
    rpc: Rpc,
    messages: Mapping[str, Message],
    definition: ApiDefinition,
    warnings: list[Diagnostic],
) -> FieldMaskRule | None:
    request = messages.get(rpc.input_type)
    mask_field = next(
        (
            f.name
            for f in (request.fields if request else ())
            if f.cardinality is Cardinality.SINGULAR
            and f.value.type_name == FIELD_MASK_TYPE
        ),
        None,
    )
    allowed = definition.allowed_paths.get((service.name, rpc.name))
    if mask_field is None and allowed is None:
        return None
    if allowed is None:
        warnings.append(
            Diagnostic(
                str(rpc.location),
                f"{service.name}.{rpc.name} has a field mask but no {definition.display_path} "
                "entry; the server allows no paths for it",
            )
        )
        allowed = ()
    target = _target_message(rpc, request, allowed, messages)
    if target is None:
        raise InputError(
            f"{definition.where(service.name, rpc.name)}: allowed field-mask paths are listed, "
            f"but neither {rpc.input_type} nor {rpc.output_type} is a message of this API"
        )
    allowed = _with_js_sdk_removals_restored(rpc, allowed, target, definition)
    known = set(target.field_paths.nested)
    unknown = tuple(p for p in allowed if p not in known)
    for path in unknown:
        warnings.append(
            Diagnostic(
                definition.where(service.name, rpc.name, "allowedFieldMaskPaths"),
                f"'{path}' is not a field path of {target.full_name}; kept as TTS lists it",
            )
        )
    return FieldMaskRule(
        request_field=mask_field,
        target_message=target.full_name,
        allowed=allowed,
        is_set=mask_field is not None and rpc.name.startswith(SET_PREFIXES),
        unknown_paths=unknown,
    )


def _with_js_sdk_removals_restored(
    rpc: Rpc, allowed: tuple[str, ...], target: Message, definition: ApiDefinition
) -> tuple[str, ...]:
    """The paths the JS SDK's build took out, back where TTS lists them: before the first
    listed path that sorts after them, in the order another RPC lists them (TTS's lists are
    hand-written), else in the target's."""
    field = JS_SDK_REMOVALS.get(rpc.full_method)
    if field is None:
        return allowed

    def below_field(paths: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(p for p in paths if p == field or p.startswith(f"{field}."))

    listed = (below_field(paths) for paths in definition.allowed_paths.values())
    removed = next((paths for paths in listed if paths), None)
    if removed is None or set(removed) != set(below_field(target.field_paths.nested)):
        removed = below_field(target.field_paths.nested)
    if not removed or any(p in allowed for p in removed):
        return allowed
    at = next((i for i, p in enumerate(allowed) if p > field), len(allowed))
    return (*allowed[:at], *removed, *allowed[at:])


def _target_message(
    rpc: Rpc,
    request: Message | None,
    allowed: tuple[str, ...],
    messages: Mapping[str, Message],
) -> Message | None:
    """The message whose paths the mask names: the one covering most allowed paths.

    Preferred, in this order on ties: the response, the message types inside the response (lists
    and maps of the entity), the request's message fields, the request itself. Only when none of
    them covers every path (a request without a mask, a legacy path) are all messages searched.
    """
    names = [rpc.output_type]
    for holder in (messages.get(rpc.output_type), request):
        names.extend(
            f.value.type_name
            for f in (holder.fields if holder else ())
            if f.value.kind is FieldKind.MESSAGE
        )
    names.append(rpc.input_type)
    preferred = [messages[n] for n in dict.fromkeys(names) if n in messages]
    if not preferred:
        return None

    def coverage(message: Message) -> int:
        paths = set(message.field_paths.nested)
        return sum(p in paths for p in allowed)

    best = max(preferred, key=coverage)  # the first of equals wins
    if coverage(best) < len(allowed):
        best = max([best, *messages.values()], key=coverage)
    return best
