"""`inspect` on TTS v3.32.1 agrees exactly with TTS's own tables in oracle/."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from generator.naming import lower_camel

from .conftest import run_cli

BINDING_KEYS = ("method", "pattern", "body", "parameters")


@pytest.fixture(scope="module")
def inspected(tts_dataset: Path) -> dict[str, Any]:
    result = run_cli("inspect", "--lorawan-stack", tts_dataset)
    assert result.status == 0, result.stderr
    document: dict[str, Any] = json.loads(result.stdout)
    return document


def load(tts_dataset: Path, name: str) -> Any:
    return json.loads((tts_dataset / name).read_text())


def test_field_paths_of_all_messages_equal_the_oracle(
    inspected: dict[str, Any], tts_dataset: Path
) -> None:
    oracle = load(tts_dataset, "oracle/field-paths.json")
    assert len(oracle) == 615
    expected = {
        e["proto"]: {"nested": e["nested"], "top_level": e["top_level"]}
        for e in oracle.values()
    }
    actual = {name: m["field_paths"] for name, m in inspected["messages"].items()}
    assert (
        actual == expected
    )  # same 615 messages (no map entries), lists in the same order


def test_http_bindings_of_every_rpc_equal_the_oracle(
    inspected: dict[str, Any], tts_dataset: Path
) -> None:
    oracle = load(tts_dataset, "oracle/http-bindings.json")
    expected = {
        e["full_method"]: [
            {k: b[k] for k in BINDING_KEYS} for b in e["bindings"] if b["pattern"]
        ]
        for e in oracle
    }
    actual = {
        rpc["full_method"]: [{k: b[k] for k in BINDING_KEYS} for b in rpc["http"]]
        for service in inspected["services"].values()
        for rpc in service["methods"].values()
    }
    assert len(actual) == 282
    assert actual == expected


def all_rpcs(inspected: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    return {
        (service["name"], name): rpc
        for service in inspected["services"].values()
        for name, rpc in service["methods"].items()
    }


def mask_facts(inspected: dict[str, Any], fact: str) -> dict[str, Any]:
    """One fact of each field-mask rule (`allowed`, `set`), by full method name."""
    return {
        rpc["full_method"]: rpc["field_mask"][fact]
        for rpc in all_rpcs(inspected).values()
        if rpc["field_mask"] is not None
    }


def test_allowed_paths_equal_the_oracle_in_tts_order(
    inspected: dict[str, Any], tts_dataset: Path
) -> None:
    oracle = load(tts_dataset, "oracle/rpc-field-masks.json")
    actual = mask_facts(inspected, "allowed")
    assert len(oracle) == 79
    assert actual == {method: entry["allowed"] for method, entry in oracle.items()}


def test_api_definition_differs_only_by_what_the_js_sdk_build_removes(
    inspected: dict[str, Any], tts_dataset: Path
) -> None:
    definition = load(tts_dataset, "sdk/js/generated/api-definition.json")
    listed = {
        (service, method): entry["allowedFieldMaskPaths"]
        for service, methods in definition.items()
        for method, entry in methods.items()
        if "allowedFieldMaskPaths" in entry
    }
    added = {
        key: [p for p in rpc["field_mask"]["allowed"] if p not in listed[key]]
        for key, rpc in all_rpcs(inspected).items()
        if rpc["field_mask"] is not None
    }
    claim = [
        "claim_authentication_code",
        "claim_authentication_code.value",
        "claim_authentication_code.valid_to",
        "claim_authentication_code.valid_from",
    ]
    assert {key: paths for key, paths in added.items() if paths} == {
        ("JsEndDeviceRegistry", "Get"): claim,
        ("JsEndDeviceRegistry", "Set"): claim,
    }


def test_set_flags_equal_the_oracle(
    inspected: dict[str, Any], tts_dataset: Path
) -> None:
    oracle = load(tts_dataset, "oracle/rpc-field-masks.json")
    actual = mask_facts(inspected, "set")
    assert actual == {method: entry["set"] for method, entry in oracle.items()}
    assert sum(actual.values()) == 25


def test_legacy_allowed_paths_are_kept_with_warnings(inspected: dict[str, Any]) -> None:
    get_link = inspected["services"]["ttn.lorawan.v3.As"]["methods"]["GetLink"][
        "field_mask"
    ]
    assert get_link["target"] == "ttn.lorawan.v3.ApplicationLink"
    assert get_link["unknown_paths"] == ["api_key", "network_server_address", "tls"]
    assert any(
        "As.GetLink.allowedFieldMaskPaths: 'tls'" in w for w in inspected["warnings"]
    )


def test_json_facts_match_the_hex_field_oracle(
    inspected: dict[str, Any], tts_dataset: Path
) -> None:
    oracle = load(tts_dataset, "oracle/json-hex-fields.json")
    actual = {}
    for name, message in inspected["messages"].items():
        for field in message["fields"]:
            if field["json_codec"]:
                actual[f"{name}.{field['name']}"] = field["json_codec"]
    assert set(actual) == set(oracle["fields"])
    for key, codec in actual.items():
        assert (
            codec["unmarshaler_func"] == oracle["fields"][key]["unmarshaler_func"]
        ), key
    assert actual["ttn.lorawan.v3.EndDeviceIdentifiers.dev_eui"]["hex_length"] == 8
    assert actual["ttn.lorawan.v3.Session.dev_addr"]["hex_length"] == 4
    wrappers = {n for n, m in inspected["messages"].items() if m["tts_wrapper"]}
    assert wrappers == set(oracle["messages"])


def test_enum_json_forms(inspected: dict[str, Any]) -> None:
    enums = inspected["enums"]
    assert enums["ttn.lorawan.v3.MACVersion"]["json_form"] == "string"
    assert enums["ttn.lorawan.v3.MACVersion"]["json_prefix"] == "MAC"
    assert enums["ttn.lorawan.v3.DataRateIndex"]["json_form"] == "number"
    assert enums["ttn.lorawan.v3.ClusterRole"]["json_form"] == "number"
    values = {v["name"]: v for v in enums["ttn.lorawan.v3.KeyProvisioning"]["values"]}
    assert values["KEY_PROVISIONING_JOIN_SERVER"]["json_value"] == "join server"
    phy = {v["name"]: v for v in enums["ttn.lorawan.v3.PHYVersion"]["values"]}
    assert "1.0.2-b" in phy["PHY_V1_0_2_REV_B"]["aliases"]


def test_rpcs_carry_what_a_grpc_client_needs(inspected: dict[str, Any]) -> None:
    stream = inspected["services"]["ttn.lorawan.v3.Events"]["methods"]["Stream"]
    assert stream["full_method"] == "/ttn.lorawan.v3.Events/Stream"
    assert (stream["client_streaming"], stream["server_streaming"]) == (False, True)
    assert stream["input_type"] == "ttn.lorawan.v3.StreamEventsRequest"
    assert stream["comment"]


def test_every_json_name_is_the_default_lower_camel(inspected: dict[str, Any]) -> None:
    """TTS sets no explicit json_name: the client derives every lowerCamel key at run time
    and writes no JSON-name table."""
    fields = [f for m in inspected["messages"].values() for f in m["fields"]]
    assert len(fields) > 2000
    assert [f["json_name"] for f in fields] == [lower_camel(f["name"]) for f in fields]
