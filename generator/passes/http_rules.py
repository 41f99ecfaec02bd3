"""HTTP bindings of an RPC from its `google.api.http` option (tts-api-conventions.md §4.2).

Path templates follow the google.api.http grammar:

    Template = "/" Segments [ ":" Verb ]
    Segments = Segment { "/" Segment }
    Segment  = LITERAL | "{" FieldPath [ "=" Segments ] "}"

Bare `*` / `**` segments outside a variable bind nothing, so a client could not fill them;
they are reported as errors, as is any variable that does not name a scalar request field.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from ..ir import (
    BodyKind,
    Cardinality,
    Field,
    FieldKind,
    HttpBinding,
    Message,
    PathLiteral,
    PathSegment,
    PathVariable,
    TypeRef,
)
from ..options import HttpRuleOption

_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


_METHOD = re.compile(r"[A-Za-z]+")


class BindingError(Exception):
    """A rule that cannot be turned into a binding; the message says why."""


def http_bindings(
    rule: HttpRuleOption, request: Message, messages: Mapping[str, Message]
) -> tuple[tuple[HttpBinding, ...], list[str]]:
    """The effective bindings (primary first, pattern-less rules skipped) and the problems found."""
    bindings, problems = [], []
    for candidate in (rule, *rule.additional_bindings):
        if not candidate.path:
            continue  # grpc-gateway skips a rule without a pattern (only additional_bindings)
        try:
            bindings.append(_binding(candidate, request, messages))
        except BindingError as error:
            shown = f'{candidate.verb.upper()} "{candidate.path}"'.lstrip()
            problems.append(f"{shown}: {error}")
    return tuple(bindings), problems


def _binding(
    rule: HttpRuleOption, request: Message, messages: Mapping[str, Message]
) -> HttpBinding:
    if not _METHOD.fullmatch(rule.verb):  # only a custom rule's kind can be anything
        raise BindingError(
            f"custom kind {rule.verb!r} is not an HTTP method; set it, as in "
            'custom: {kind: "HEAD", path: "..."}'
        )
    segments, verb_suffix = parse_path_template(rule.path)
    resolved = tuple(
        _resolve(s, request, messages) if isinstance(s, PathVariable) else s
        for s in segments
    )
    fields = {f.name: f for f in request.fields}
    if rule.body == "*":
        body_kind, body_field = BodyKind.WHOLE_REQUEST, None
    elif rule.body:
        if rule.body not in fields:
            raise BindingError(
                f'body "{rule.body}" is not a field of {request.full_name}'
            )
        body_kind, body_field = BodyKind.FIELD, rule.body
    else:
        body_kind, body_field = BodyKind.NONE, None
    fully_bound = {
        v.field_path[0]
        for v in resolved
        if isinstance(v, PathVariable) and len(v.field_path) == 1
    }
    query_fields: tuple[str, ...] = ()
    if body_kind is not BodyKind.WHOLE_REQUEST:
        query_fields = tuple(
            f.name
            for f in request.fields
            if f.name not in fully_bound and f.name != body_field
        )
    return HttpBinding(
        verb=rule.verb.lower(),
        pattern=rule.path,
        segments=resolved,
        verb_suffix=verb_suffix,
        body_kind=body_kind,
        body_field=body_field,
        response_body=rule.response_body or None,
        query_fields=query_fields,
    )


def parse_path_template(template: str) -> tuple[tuple[PathSegment, ...], str | None]:
    """Split a template into literal and variable segments (variables not yet type-checked)."""
    if not template.startswith("/"):
        raise BindingError("a path template must start with '/'")
    body, verb_suffix = template[1:], None
    if ":" in body and "}" not in body[body.rindex(":") :]:
        body, verb_suffix = body[: body.rindex(":")], body[body.rindex(":") + 1 :]
        if not verb_suffix:
            raise BindingError("empty custom verb after ':'")
    segments: list[PathSegment] = []
    for raw in _split_segments(body):
        if raw.startswith("{"):
            segments.append(_parse_variable(raw))
        elif raw in ("*", "**"):
            raise BindingError(
                f"wildcard segment '{raw}' outside a variable is not supported"
            )
        elif not raw or "{" in raw or "}" in raw:
            raise BindingError(f"malformed segment '{raw}'")
        else:
            segments.append(PathLiteral(raw))
    variables = [s.field_path for s in segments if isinstance(s, PathVariable)]
    for index, field_path in enumerate(variables):
        if field_path in variables[:index]:
            name = ".".join(field_path)
            raise BindingError(f"variable '{name}' appears twice; bind a field once")
    return tuple(segments), verb_suffix


def _split_segments(body: str) -> list[str]:
    """Split on '/' outside braces, since a variable's own pattern may contain '/'."""
    parts: list[str] = []
    current: list[str] = []
    depth = 0
    for char in body:
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth < 0:
                raise BindingError("unbalanced '}'")
        if char == "/" and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    if depth:
        raise BindingError("unbalanced '{'")
    parts.append("".join(current))
    return parts


def _parse_variable(raw: str) -> PathVariable:
    if not raw.endswith("}"):
        raise BindingError(f"malformed variable '{raw}'")
    inner = raw[1:-1]
    dotted, _, sub_pattern = inner.partition("=")
    field_path = tuple(dotted.split("."))
    if not all(_IDENTIFIER.match(part) for part in field_path):
        raise BindingError(f"malformed variable '{raw}'")
    pattern = tuple(sub_pattern.split("/")) if sub_pattern else ("*",)
    return PathVariable(
        field_path=field_path, leaf=TypeRef(FieldKind.STRING), pattern=pattern
    )


def _resolve(
    variable: PathVariable, request: Message, messages: Mapping[str, Message]
) -> PathVariable:
    """Check that the variable names a singular scalar or enum field; record the leaf's type."""
    message = request
    parent_count = len(variable.field_path) - 1
    for depth in range(parent_count):
        field = _singular_field(variable, depth, message, request)
        child = (
            messages.get(field.value.type_name)
            if field.value.kind is FieldKind.MESSAGE
            else None
        )
        if child is None:
            where = ".".join(variable.field_path[: depth + 1])
            raise BindingError(
                f"path variable {{{variable.dotted}}}: '{where}' is not a message of this API"
            )
        message = child
    leaf = _singular_field(variable, parent_count, message, request)
    if leaf.value.kind is FieldKind.MESSAGE:
        raise BindingError(
            f"path variable {{{variable.dotted}}} names a message, not a value"
        )
    return PathVariable(variable.field_path, leaf.value, variable.pattern)


def _singular_field(
    variable: PathVariable, depth: int, message: Message, request: Message
) -> Field:
    name = variable.field_path[depth]
    field = next((f for f in message.fields if f.name == name), None)
    if field is None:
        raise BindingError(
            f"path variable {{{variable.dotted}}} is not a field of {request.full_name} "
            f"({message.full_name} has no field '{name}')"
        )
    if field.cardinality is not Cardinality.SINGULAR:
        where = ".".join(variable.field_path[: depth + 1])
        raise BindingError(
            f"path variable {{{variable.dotted}}}: '{where}' is {field.cardinality.value}"
        )
    return field
