"""The full TTS v3.32.1 client, generated in the test run: typed, lint-clean, importable, exact."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from .conftest import (
    BLACK_CHECK,
    PACKAGE,
    RUFF_RULES,
    generated_modules,
    instances_in,
    run_tool,
)


def test_mypy_strict_passes(client: Path) -> None:
    result = run_tool(client, "mypy", "--strict", "--cache-dir=/dev/null", PACKAGE)
    assert result.returncode == 0, result.stdout
    assert "Success: no issues found in 58 source files" in result.stdout


def test_ruff_passes(client: Path) -> None:
    result = run_tool(
        client, "ruff", "check", "--isolated", "--select", RUFF_RULES, PACKAGE
    )
    assert result.returncode == 0, result.stdout


def test_black_leaves_every_module_unchanged(client: Path) -> None:
    # Black splits only what the templates cannot lay out (formatting.py): here black
    # itself checks the whole result.
    modules = [str(p.relative_to(client)) for p in generated_modules(client / PACKAGE)]
    assert len(modules) == 56
    result = run_tool(client, *BLACK_CHECK, *modules)
    assert result.returncode == 0, result.stdout[:5000]


def test_every_module_imports(modules: dict[str, ModuleType]) -> None:
    assert len(modules) == 57  # 54 API files, the two runtime modules and clients.py
    assert modules["end_device"].EndDevice.__module__ == f"{PACKAGE}.end_device"


def test_every_enum_without_a_comment_is_documented_by_its_proto_name(
    modules: dict[str, ModuleType],
) -> None:
    """The runtime documents a top-level one; a nested one has its text written."""
    enums = {
        name: value
        for module in modules.values()
        for name, value in vars(module).items()
        if isinstance(value, type)
        and issubclass(value, modules["_runtime"].ProtoEnum)
        and value.__module__ == module.__name__
    }
    assert len(enums) == 53
    assert all(e.__doc__ for e in enums.values())
    assert enums["RxDelay"].__doc__ == "The enum ttn.lorawan.v3.RxDelay."
    nested = enums["TxAcknowledgment_Result"].__doc__
    assert nested == "The enum ttn.lorawan.v3.TxAcknowledgment.Result."
    assert enums["PowerState"].__doc__ == "Power state of the device."


def all_messages(modules: dict[str, ModuleType]) -> dict[str, Any]:
    runtime = modules["_runtime"]
    return {
        name: value
        for module in modules.values()
        for name, value in vars(module).items()
        if isinstance(value, type)
        and issubclass(value, runtime.Message)
        and value.__module__ == module.__name__
    }


def test_every_flat_path_list_equals_the_oracle(
    modules: dict[str, ModuleType], tts_dataset: Path
) -> None:
    oracle = json.loads((tts_dataset / "oracle" / "field-paths.json").read_text())
    messages = all_messages(modules)
    assert len(oracle) == 615
    for go_name, entry in oracle.items():
        cls = messages[
            go_name
        ]  # the Go type name is our class name (nested joined by "_")
        assert list(cls.FIELD_PATHS) == entry["nested"], go_name
        assert list(cls.TOP_LEVEL_FIELD_PATHS) == entry["top_level"], go_name


def test_path_constants_nest_like_the_paths(modules: dict[str, ModuleType]) -> None:
    device = modules["end_device"].EndDevice
    margin = device.PATHS.mac_settings.adr.mode.dynamic.margin
    assert margin == "mac_settings.adr.mode.dynamic.margin"
    assert device.PATHS.ids.dev_eui == "ids.dev_eui"
    assert (
        device.PATHS.mac_settings.rx2_frequency.value
        == "mac_settings.rx2_frequency.value"
    )
    assert margin in device.FIELD_PATHS


def all_masks(modules: dict[str, ModuleType]) -> dict[str, Any]:
    return {
        mask.rpc: mask
        for mask in instances_in(modules, modules["_runtime"].RpcFieldMask)
    }


def test_every_rpc_validator_accepts_exactly_its_allowed_paths(
    modules: dict[str, ModuleType], tts_dataset: Path
) -> None:
    oracle = json.loads((tts_dataset / "oracle/rpc-field-masks.json").read_text())
    expected = {method: entry["allowed"] for method, entry in oracle.items()}
    masks = all_masks(modules)
    assert set(masks) == set(expected)
    runtime = modules["_runtime"]
    for rpc, mask in masks.items():
        allowed = expected[rpc]
        assert mask.validate(allowed) == tuple(allowed), rpc
        others = [p for p in mask.target.FIELD_PATHS if p not in allowed] + [
            "no_such_path"
        ]
        for path in others:
            with pytest.raises(runtime.ForbiddenPathsError):
                mask.validate([path])


def test_end_device_registry_get_in_one_line(modules: dict[str, ModuleType]) -> None:
    services = modules["end_device_services"]
    paths = services.END_DEVICE_REGISTRY_GET_MASK.validate(
        ["name", "description", "locations"]
    )
    assert paths == ("name", "description", "locations")
    with pytest.raises(modules["_runtime"].ForbiddenPathsError) as raised:
        services.END_DEVICE_REGISTRY_UPDATE_MASK.validate(["ids.dev_addr", "nmae"])
    message = str(raised.value)
    assert message.startswith(
        "/ttn.lorawan.v3.EndDeviceRegistry/Update: forbidden path(s) in field mask:"
    )
    assert "'nmae' (did you mean 'name'?)" in message


def test_an_encode_error_in_a_oneof_member_names_the_member(
    modules: dict[str, ModuleType],
) -> None:
    """ApplicationUp's `up` oneof holds the uplink under its own key, as TTS writes it."""
    messages = modules["messages"]
    naive = datetime.datetime(2026, 11, 22, 10)
    up = messages.ApplicationUp(
        uplink_message=messages.ApplicationUplink(received_at=naive)
    )
    with pytest.raises(modules["_runtime"].EncodeError) as raised:
        up.to_json()
    assert raised.value.path == "uplink_message.received_at"


def test_an_events_data_unpacks_to_its_message(modules: dict[str, ModuleType]) -> None:
    events, messages = modules["events"], modules["messages"]
    event = events.Event.from_json(
        {
            "name": "as.up.data.forward",
            "data": {
                "@type": "type.googleapis.com/ttn.lorawan.v3.ApplicationUp",
                "end_device_ids": {"device_id": "dev1", "dev_eui": "70B3D57ED000ABCD"},
                "uplink_message": {"f_port": 1, "frm_payload": "AQI="},
            },
        }
    )
    up = event.data.unpack(messages.ApplicationUp)
    assert up.end_device_ids.dev_eui == bytes.fromhex("70B3D57ED000ABCD")
    assert up.uplink_message.frm_payload == b"\x01\x02"


def test_every_field_checks_the_type_of_a_value_before_it_goes_in_a_query(
    modules: dict[str, ModuleType],
) -> None:
    """The query builder's check reads every field's annotation, oneof members' and
    deprecated fields' from their properties: each takes its own default and refuses a
    value of no field's type, naming the field."""
    runtime = modules["_runtime"]
    checked = 0
    for cls in all_messages(modules).values():
        blank = cls()
        for segment, attribute in cls._PATH_ATTRIBUTES.items():
            default = getattr(blank, attribute)
            if default is not None:
                assert (
                    runtime.wrong_field_value(blank, attribute, default, segment)
                    is None
                )
            wrong = runtime.wrong_field_value(blank, attribute, object(), segment)
            assert wrong is not None and wrong.path == segment
            checked += 1
    assert checked > 2000  # the fields of some 600 messages


def test_a_path_of_another_component_is_named_with_the_rpc_that_allows_it(
    modules: dict[str, ModuleType],
) -> None:
    """An end device is split across TTS's components: a path the Identity Server
    refuses is named with the component RPC that takes it, before any request."""
    runtime = modules["_runtime"]
    registry, v3 = modules["end_device_services"], "/ttn.lorawan.v3."
    cases = [
        (
            registry.END_DEVICE_REGISTRY_GET_MASK,
            {
                "mac_settings.rx1_delay": "NsEndDeviceRegistry/Get",
                "root_keys.app_key": "JsEndDeviceRegistry/Get",
                "formatters": "AsEndDeviceRegistry/Get",
            },
        ),
        (
            registry.END_DEVICE_REGISTRY_UPDATE_MASK,
            {
                "mac_settings.rx1_delay": "NsEndDeviceRegistry/Set",
                "root_keys.app_key": "JsEndDeviceRegistry/Set",
                "formatters": "AsEndDeviceRegistry/Set",
            },
        ),
        (
            modules["networkserver"].NS_END_DEVICE_REGISTRY_SET_MASK,
            {
                "name": "EndDeviceRegistry/Update",
                "formatters": "AsEndDeviceRegistry/Set",
            },
        ),
    ]
    for mask, paths in cases:
        with pytest.raises(runtime.ForbiddenPathsError) as raised:
            mask.validate(list(paths))
        assert raised.value.allowed_elsewhere == {
            path: (v3 + rpc,) for path, rpc in paths.items()
        }
        assert f"'formatters' (allowed in {v3}{paths['formatters']})" in str(
            raised.value
        )
