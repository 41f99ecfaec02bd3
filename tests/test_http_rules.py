"""HTTP rule parsing and binding resolution (pass 3) on factory-built request messages."""

from __future__ import annotations

import pytest

from generator.ir import BodyKind, Cardinality, FieldKind, PathLiteral, PathVariable
from generator.options import HttpRuleOption
from generator.passes.http_rules import BindingError, http_bindings, parse_path_template

from .factories import by_name, make_field, make_message, message_field

APP_IDS = make_message("p.AppIds", make_field("application_id"))
DEVICE_IDS = make_message(
    "p.DeviceIds",
    make_field("device_id"),
    message_field("application_ids", "p.AppIds"),
    make_field("dev_eui", FieldKind.BYTES),
)
GET_REQUEST = make_message(
    "p.GetRequest",
    message_field("device_ids", "p.DeviceIds"),
    message_field("field_mask", "google.protobuf.FieldMask"),
    make_field("f_port", FieldKind.UINT32),
    make_field("tags", cardinality=Cardinality.REPEATED),
)
MESSAGES = by_name(APP_IDS, DEVICE_IDS, GET_REQUEST)


def rule(verb: str, path: str, body: str = "", *more: HttpRuleOption) -> HttpRuleOption:
    return HttpRuleOption(
        verb=verb, path=path, body=body, response_body="", additional_bindings=more
    )


def test_template_is_split_into_literals_and_variables() -> None:
    segments, suffix = parse_path_template(
        "/applications/{device_ids.application_ids.application_id}/devices/{device_ids.device_id}"
    )
    assert segments[0] == PathLiteral("applications")
    assert isinstance(segments[1], PathVariable)
    assert segments[1].field_path == ("device_ids", "application_ids", "application_id")
    assert [type(s).__name__ for s in segments] == [
        "PathLiteral",
        "PathVariable",
        "PathLiteral",
        "PathVariable",
    ]
    assert suffix is None


def test_variable_sub_patterns_and_custom_verbs() -> None:
    segments, suffix = parse_path_template("/v1/{name=projects/*/things/*}:undelete")
    assert isinstance(segments[1], PathVariable)
    assert segments[1].pattern == ("projects", "*", "things", "*")
    assert suffix == "undelete"


@pytest.mark.parametrize(
    ("template", "problem"),
    [
        ("applications/{id}", "must start with '/'"),
        ("/applications/{id", "unbalanced '{'"),
        ("/applications/id}", "unbalanced '}'"),
        ("/applications/*", "wildcard segment"),
        ("/applications//x", "malformed segment ''"),
        ("/applications/{a-b}", "malformed variable"),
        ("/x:", "empty custom verb"),
        ("/a/{ids.id}/b/{ids.id}", "variable 'ids.id' appears twice"),
    ],
)
def test_malformed_templates_are_rejected(template: str, problem: str) -> None:
    with pytest.raises(BindingError, match=problem):
        parse_path_template(template)


def test_bindings_resolve_leaf_types_and_query_fields() -> None:
    bindings, problems = http_bindings(
        rule(
            "get",
            "/apps/{device_ids.application_ids.application_id}/devices/{device_ids.device_id}/{f_port}",
        ),
        GET_REQUEST,
        MESSAGES,
    )
    assert problems == []
    (binding,) = bindings
    assert [v.leaf.kind for v in binding.variables] == [
        FieldKind.STRING,
        FieldKind.STRING,
        FieldKind.UINT32,
    ]
    # device_ids is only partly bound, so its other fields (dev_eui) may still go in the query.
    assert binding.query_fields == ("device_ids", "field_mask", "tags")
    assert binding.body_kind is BodyKind.NONE and binding.body is None


def test_additional_bindings_follow_the_primary_and_patternless_rules_are_skipped() -> (
    None
):
    primary = rule(
        "",
        "",
        "",
        rule("put", "/devices/{device_ids.device_id}", "*"),
        rule("post", "/devices", "device_ids"),
    )
    bindings, problems = http_bindings(primary, GET_REQUEST, MESSAGES)
    assert problems == []
    assert [(b.verb, b.pattern, b.body) for b in bindings] == [
        ("put", "/devices/{device_ids.device_id}", "*"),
        ("post", "/devices", "device_ids"),
    ]
    assert bindings[0].query_fields == ()  # body "*" carries everything
    assert bindings[1].body_kind is BodyKind.FIELD
    assert bindings[1].query_fields == ("field_mask", "f_port", "tags")


@pytest.mark.parametrize(
    ("path", "problem"),
    [
        (
            "/x/{device_ids.nope}",
            "path variable {device_ids.nope} is not a field of p.GetRequest (p.DeviceIds has no field 'nope')",
        ),
        ("/x/{tags}", "path variable {tags}: 'tags' is repeated"),
        ("/x/{device_ids}", "path variable {device_ids} names a message, not a value"),
        (
            "/x/{f_port.y}",
            "path variable {f_port.y}: 'f_port' is not a message of this API",
        ),
        (
            "/x/{field_mask.paths}",
            "path variable {field_mask.paths}: 'field_mask' is not a message of this API",
        ),
    ],
)
def test_variables_that_do_not_name_a_request_value_are_reported(
    path: str, problem: str
) -> None:
    bindings, problems = http_bindings(rule("get", path), GET_REQUEST, MESSAGES)
    assert bindings == ()
    assert problems == [f'GET "{path}": {problem}']


def test_body_must_name_a_request_field() -> None:
    _, problems = http_bindings(rule("post", "/x", "nope"), GET_REQUEST, MESSAGES)
    assert problems == ['POST "/x": body "nope" is not a field of p.GetRequest']
