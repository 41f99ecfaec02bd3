"""Passes 1, 3 and 4 (types, services, field masks) on the tiny API compiled by protoc."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from generator.build import build_checkout
from generator.checkout import open_checkout
from generator.ir import Api, Cardinality, EnumJsonForm, FieldKind, Message, Rpc
from generator.passes import field_masks
from generator.passes.mask_siblings import mask_siblings
from generator.passes.symbols import module_paths

from .factories import write_checkout
from .tiny_api import API_DEFINITION, modern_protos, write_modern

PACKAGE = "ttn.lorawan.v3"


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory) -> Api:
    return build_checkout(
        open_checkout(write_modern(tmp_path_factory.mktemp("modern")))
    )


def message(api: Api, name: str) -> Message:
    return next(m for m in api.messages if m.full_name == f"{PACKAGE}.{name}")


def rpc(api: Api, name: str) -> Rpc:
    (service,) = api.services
    return next(r for r in service.rpcs if r.name == name)


def test_only_the_api_files_are_targets(api: Api) -> None:
    targets = {f.name for f in api.files if f.is_target}
    assert targets == {
        "ttn/lorawan/v3/identifiers.proto",
        "ttn/lorawan/v3/devices.proto",
    }
    assert "google/protobuf/timestamp.proto" in {f.name for f in api.files}
    assert all(m.full_name.startswith(PACKAGE) for m in api.messages)


def test_fields_record_types_cardinality_oneofs_and_presence(api: Api) -> None:
    device = message(api, "Device")
    fields = {f.name: f for f in device.fields}
    assert fields["created_at"].value.type_name == "google.protobuf.Timestamp"
    assert fields["attributes"].cardinality is Cardinality.MAP
    assert (
        fields["attributes"].map_key is not None
        and fields["attributes"].map_key.kind is FieldKind.STRING
    )
    assert fields["lorawan_version"].value.kind is FieldKind.ENUM
    assert (fields["provisioner_id"].oneof, fields["data"].oneof) == (
        "provisioning",
        "provisioning",
    )
    # proto3 `optional` is presence, not a oneof: it must not show up in field paths.
    assert fields["hint"].oneof is None and fields["hint"].proto3_optional
    assert device.oneofs == ("provisioning",)
    assert (
        "hint" in device.field_paths.top_level
        and "_hint" not in device.field_paths.nested
    )
    assert fields["name"].deprecated and fields["name"].comment == "Friendly name."
    assert fields["name"].location.file == "api/ttn/lorawan/v3/devices.proto"
    assert fields["name"].location.line == 28
    assert device.comment == "A device."
    assert [m.name for m in api.messages if m.name.startswith("Device.")] == [
        "Device.Nested"
    ]


def test_json_facts_from_the_tts_options(api: Api) -> None:
    dev_eui = next(
        f for f in message(api, "EndDeviceIdentifiers").fields if f.name == "dev_eui"
    )
    assert dev_eui.json_codec is not None and dev_eui.json_codec.hex_length == 8
    assert (
        message(api, "BoolValue").is_tts_wrapper
        and not message(api, "Device").is_tts_wrapper
    )
    enums = {e.full_name: e for e in api.enums}
    mac = enums[f"{PACKAGE}.MACVersion"]
    assert (mac.json_form, mac.json_prefix) == (EnumJsonForm.STRING, "MAC")
    assert (mac.values[1].json_value, mac.values[1].aliases) == ("1.0", ("1.0.0",))
    assert enums[f"{PACKAGE}.Device.Nested.Kind"].json_form is EnumJsonForm.NUMBER


def test_tts_wrappers_have_value_paths_and_outside_types_are_leaves(api: Api) -> None:
    paths = message(api, "Device").field_paths.nested
    assert "resets.value" in paths
    assert "created_at" in paths and not any(p.startswith("created_at.") for p in paths)
    assert (
        "provisioning.data" in paths and "ids.application_ids.application_id" in paths
    )


def test_services_carry_methods_streaming_and_comments(api: Api) -> None:
    (service,) = api.services
    assert (service.full_name, service.comment) == (
        f"{PACKAGE}.DeviceRegistry",
        "Manages devices.",
    )
    get = rpc(api, "Get")
    assert get.full_method == f"/{PACKAGE}.DeviceRegistry/Get"
    assert (get.input_type, get.output_type) == (
        f"{PACKAGE}.GetDeviceRequest",
        f"{PACKAGE}.Device",
    )
    assert get.comment == "Get a device."
    watch = rpc(api, "Watch")
    assert watch.server_streaming and not watch.client_streaming and watch.http == ()


def test_bindings_are_primary_first_with_typed_variables(api: Api) -> None:
    bindings = rpc(api, "Set").http
    assert [(b.verb, b.body) for b in bindings] == [("put", "*"), ("post", "*")]
    assert [v.dotted for v in bindings[1].variables] == [
        "device.ids.application_ids.application_id"
    ]
    delete = rpc(api, "Delete").http[0]
    assert delete.query_fields == ("application_ids", "dev_eui")


def test_field_mask_rules(api: Api) -> None:
    get, set_, listing = (rpc(api, n).field_mask for n in ("Get", "Set", "List"))
    assert get is not None and set_ is not None and listing is not None
    assert (get.request_field, get.target_message, get.is_set) == (
        "field_mask",
        f"{PACKAGE}.Device",
        False,
    )
    assert get.allowed == (
        "name",
        "ids",
        "ids.dev_eui",
        "lorawan_version",
    )  # TTS's order, kept
    assert set_.is_set and not listing.is_set
    assert (
        listing.target_message == f"{PACKAGE}.Device"
    )  # the element of the Devices list
    assert set_.unknown_paths == ("legacy_path",)
    assert rpc(api, "Delete").field_mask is None  # no mask field, no allowed paths


def test_mask_siblings_share_target_and_kind_but_not_paths(api: Api) -> None:
    """Get and List read Devices with different paths: each names the other's mask.
    Set is the only Set RPC; Watch, listed without allowed paths, allows nothing."""
    (registry,) = api.services
    siblings = mask_siblings(api, module_paths(api))
    module = module_paths(api)[registry.file].removesuffix(".py")
    method = f"/{PACKAGE}.DeviceRegistry/"
    assert siblings[method + "Get"] == (f"{module}.DEVICE_REGISTRY_LIST_MASK",)
    assert siblings[method + "List"] == (f"{module}.DEVICE_REGISTRY_GET_MASK",)
    assert siblings[method + "Set"] == ()
    assert siblings[method + "Watch"] == (
        f"{module}.DEVICE_REGISTRY_GET_MASK",
        f"{module}.DEVICE_REGISTRY_LIST_MASK",
    )
    assert set(siblings) == {
        r.full_method for r in registry.rpcs if r.field_mask is not None
    }


def test_masks_with_the_same_paths_are_not_siblings(tmp_path: Path) -> None:
    definition = copy.deepcopy(API_DEFINITION)
    registry = definition["DeviceRegistry"]
    registry["List"]["allowedFieldMaskPaths"] = list(
        reversed(registry["Get"]["allowedFieldMaskPaths"])
    )
    api = build_checkout(open_checkout(write_modern(tmp_path, definition)))
    siblings = mask_siblings(api, module_paths(api))
    assert {m.rpartition("/")[2]: len(s) for m, s in siblings.items()} == {
        "Get": 0,
        "List": 0,
        "Set": 0,
        "Watch": 2,
    }


def test_warnings_name_the_legacy_path_and_the_unlisted_rpc(api: Api) -> None:
    texts = [str(w) for w in api.warnings]
    assert (
        "sdk/js/generated/api-definition.json: DeviceRegistry.Set.allowedFieldMaskPaths: "
        "'legacy_path' is not a field path of ttn.lorawan.v3.Device; kept as TTS lists it"
    ) in texts
    assert any("DeviceRegistry.Watch has a field mask but no" in t for t in texts)


def test_set_rule_needs_a_field_mask(tmp_path: Path) -> None:
    # H1: a Set RPC is one whose name starts with Set/Update *and* whose request has a mask.
    protos = modern_protos()
    protos["ttn/lorawan/v3/devices.proto"] = protos[
        "ttn/lorawan/v3/devices.proto"
    ].replace(
        "  google.protobuf.FieldMask field_mask = 2;\n}\n\nmessage Devices",
        "}\n\nmessage Devices",
    )
    api = build_checkout(
        open_checkout(write_checkout(tmp_path, protos, API_DEFINITION))
    )
    set_rule = rpc(api, "Set").field_mask
    assert (
        set_rule is not None and set_rule.request_field is None and not set_rule.is_set
    )


@pytest.mark.parametrize(
    ("listed_elsewhere", "restored"),
    [
        # No other RPC lists the paths: the target's own order.
        (
            None,
            ("ids", "ids.application_ids", "ids.application_ids.application_id",
             "ids.dev_eui", "ids.device_id"),
        ),
        # Another RPC lists them: its (hand-written) order.
        (
            ["ids", "ids.device_id", "ids.dev_eui", "ids.application_ids",
             "ids.application_ids.application_id"],
            ("ids", "ids.device_id", "ids.dev_eui", "ids.application_ids",
             "ids.application_ids.application_id"),
        ),
    ],
)  # fmt: skip
def test_paths_the_js_sdk_build_removes_are_put_back_where_tts_lists_them(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    listed_elsewhere: list[str] | None,
    restored: tuple[str, ...],
) -> None:
    # As TTS's build drops claim_authentication_code from JsEndDeviceRegistry Get and Set.
    monkeypatch.setitem(
        field_masks.JS_SDK_REMOVALS, f"/{PACKAGE}.DeviceRegistry/Get", "ids"
    )
    definition = copy.deepcopy(API_DEFINITION)
    registry = definition["DeviceRegistry"]
    registry["Get"]["allowedFieldMaskPaths"] = ["lorawan_version", "name"]
    if listed_elsewhere:
        registry["List"]["allowedFieldMaskPaths"] = listed_elsewhere
    api = build_checkout(open_checkout(write_modern(tmp_path, definition)))
    get = rpc(api, "Get").field_mask
    assert get is not None and get.allowed == (*restored, "lorawan_version", "name")
    # Other RPCs keep their lists as they are.
    set_ = rpc(api, "Set").field_mask
    assert set_ is not None and set_.allowed == tuple(
        registry["Set"]["allowedFieldMaskPaths"]
    )
