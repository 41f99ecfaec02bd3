"""Per-RPC allowed paths at run time: validation, ALL, masks from set fields, must-be-zero."""

from __future__ import annotations

from typing import Any

import pytest

from generated.fleet import _runtime as rt
from generated.fleet.identifiers import TrackerIdentifiers
from generated.fleet.tracker import (
    Band,
    BoolValue,
    Keys,
    Tracker,
    TrackerSettings,
    TrackerSettings_DynamicMode,
    TrackerSettings_DynamicMode_Limits,
    TrackerSettings_StaticMode,
)
from generated.fleet.tracker_services import (
    TRACKER_REGISTRY_GET_MASK,
    TRACKER_REGISTRY_LIST_MASK,
    TRACKER_REGISTRY_LIST_PATHS,
    TRACKER_REGISTRY_SET_MASK,
)


def test_allowed_paths_keep_tts_order_and_kind() -> None:
    assert TRACKER_REGISTRY_LIST_PATHS == ("ids", "created_at", "name", "band")
    assert TRACKER_REGISTRY_LIST_MASK.allowed is TRACKER_REGISTRY_LIST_PATHS
    assert TRACKER_REGISTRY_LIST_MASK.rpc == "/acme.fleet.v1.TrackerRegistry/List"
    assert TRACKER_REGISTRY_SET_MASK.is_set and not TRACKER_REGISTRY_GET_MASK.is_set
    assert TRACKER_REGISTRY_SET_MASK.target is Tracker


def test_forbidden_paths_are_all_named_with_suggestions() -> None:
    with pytest.raises(rt.ForbiddenPathsError) as raised:
        TRACKER_REGISTRY_LIST_MASK.validate(["name", "nam", "creatd", "zzz"])  # type: ignore[list-item]
    error = raised.value
    assert error.forbidden_paths == ("nam", "creatd", "zzz")
    assert error.suggestions == {"nam": "name", "creatd": "created_at"}
    assert error.allowed_elsewhere == {}
    assert str(error) == (
        "/acme.fleet.v1.TrackerRegistry/List: forbidden path(s) in field mask: "
        "'nam' (did you mean 'name'?), 'creatd' (did you mean 'created_at'?), 'zzz'"
    )
    with pytest.raises(TypeError, match="not the single string 'name'"):
        TRACKER_REGISTRY_LIST_MASK.validate("name")  # type: ignore[arg-type]


def test_a_forbidden_path_another_rpc_of_the_target_allows_is_named_with_it() -> None:
    """As TTS's Network Server's Get allows what its Identity Server's refuses: the
    error says where the path is allowed, not what it is close to (`updated_at` is
    close to `created_at`)."""
    with pytest.raises(rt.ForbiddenPathsError) as raised:
        TRACKER_REGISTRY_LIST_MASK.validate(["updated_at", "locations", "nam"])  # type: ignore[list-item]
    error = raised.value
    get = "/acme.fleet.v1.TrackerRegistry/Get"
    assert error.allowed_elsewhere == {"updated_at": (get,), "locations": (get,)}
    assert error.suggestions == {"nam": "name"}
    assert str(error) == (
        "/acme.fleet.v1.TrackerRegistry/List: forbidden path(s) in field mask: "
        f"'updated_at' (allowed in {get}), 'locations' (allowed in {get}), "
        "'nam' (did you mean 'name'?)"
    )
    with pytest.raises(rt.ForbiddenPathsError) as raised:
        TRACKER_REGISTRY_SET_MASK.validate(["created_at"])  # type: ignore[list-item]
    assert raised.value.allowed_elsewhere == {}  # Get reads it; no Set RPC sets it


def test_all_expands_to_every_allowed_path_of_a_read_rpc_only() -> None:
    assert (
        TRACKER_REGISTRY_GET_MASK.validate(rt.ALL) == TRACKER_REGISTRY_GET_MASK.allowed
    )
    with pytest.raises(rt.FieldMaskError, match="ALL is for read RPCs"):
        TRACKER_REGISTRY_SET_MASK.validate(rt.ALL)


def test_set_masks_come_from_the_fields_actually_set() -> None:
    tracker = Tracker(
        ids=TrackerIdentifiers(tracker_id="t1", dev_eui=b"\x01" * 8),
        name="n",
        band=Band.BAND_UNKNOWN,  # zero: not set
        uplinks=5,  # set, but not allowed for Set: dropped
        settings=TrackerSettings(
            adaptive=BoolValue(
                value=False
            ),  # a set wrapper counts, even with a zero value
            static=TrackerSettings_StaticMode(spreading_factor=9, channels=[1]),
        ),
        keys=Keys(),  # a set, empty message counts
        firmware_url="",  # a set oneof member counts, even when zero
    )
    assert TRACKER_REGISTRY_SET_MASK.paths_from(tracker) == (
        "name",
        "settings.adaptive",
        "settings.mode.static",  # channels is not allowed on its own: its parent covers it
        "settings.mode.static.spreading_factor",
        "keys",
        "ids.dev_eui",
        "firmware.firmware_url",
    )


def test_a_google_wrapper_set_to_zero_is_set() -> None:
    dynamic = TrackerSettings(dynamic=TrackerSettings_DynamicMode(margin=0.0))
    assert TRACKER_REGISTRY_SET_MASK.paths_from(Tracker(settings=dynamic)) == (
        "settings.mode.dynamic.margin",
    )
    assert rt.set_paths(Tracker(online=False, battery_percent=0, uplinks=0)) == [
        "battery_percent",  # proto3 optional: presence too
        "online",
    ]


def test_must_be_zero_rejects_set_descendants_that_may_not_be_set() -> None:
    mask = TRACKER_REGISTRY_SET_MASK
    clean = Tracker(
        settings=TrackerSettings(dynamic=TrackerSettings_DynamicMode(margin=1.5))
    )
    mask.check_zero(clean, ["settings"])
    dirty_tracker = Tracker(
        settings=TrackerSettings(
            dynamic=TrackerSettings_DynamicMode(
                limits=TrackerSettings_DynamicMode_Limits(max=3)
            )
        )
    )
    with pytest.raises(rt.NonZeroPathError) as raised:
        mask.check_zero(dirty_tracker, ["settings"])
    assert raised.value.path == "settings.mode.dynamic.limits"
    assert "path `settings.mode.dynamic.limits` is not zero" in str(raised.value)
    mask.check_zero(
        dirty_tracker, ["name"]
    )  # only descendants of requested paths matter


def test_value_at_follows_oneofs_and_unset_messages() -> None:
    tracker = Tracker(
        settings=TrackerSettings(static=TrackerSettings_StaticMode(spreading_factor=7))
    )
    assert rt.value_at(tracker, "settings.mode.static.spreading_factor") == 7
    assert rt.value_at(tracker, "settings.mode") == (
        "static",
        TrackerSettings_StaticMode(spreading_factor=7),
    )
    assert rt.value_at(tracker, "settings.mode.dynamic.margin") is None
    assert rt.value_at(tracker, "keys.app_key") is None
    assert rt.value_at(tracker, "settings.nothing") is None
    assert rt.value_at(tracker, "name.more") is None  # past a leaf


def test_wrong_value_at_checks_the_field_a_path_names() -> None:
    tracker = Tracker(
        name=5,  # type: ignore[arg-type]
        settings=TrackerSettings(
            static=TrackerSettings_StaticMode(spreading_factor="7")  # type: ignore[arg-type]
        ),
    )
    wrong = rt.wrong_value_at(tracker, "name")
    assert wrong is not None and str(wrong) == "name: expected str, got int 5"
    wrong = rt.wrong_value_at(tracker, "settings.mode.static.spreading_factor")
    assert wrong is not None
    assert str(wrong) == (
        "settings.mode.static.spreading_factor: expected int, got str '7'"
    )
    for unchecked in ("settings.mode", "keys.app_key", "settings.nothing", "serial"):
        assert rt.wrong_value_at(tracker, unchecked) is None  # a oneof, unset or fine


GET, SET = TRACKER_REGISTRY_GET_MASK, TRACKER_REGISTRY_SET_MASK
NOT_STR = "a field-mask path is a str (as the PATHS constants are), not"


@pytest.mark.parametrize(
    ("mask", "method", "arguments", "message"),
    [
        (GET, "validate", (None,), "pass a list of paths, not NoneType"),
        (GET, "validate", (b"name",), "pass a list of paths, not bytes"),
        (GET, "validate", (["name", 5],), f"{NOT_STR} int 5"),
        (GET, "validate", ([["name"]],), f"{NOT_STR} list ['name']"),
        (
            SET,
            "paths_from",
            ({"name": "n"},),
            "expected Tracker, got dict {'name': 'n'}",
        ),
        (SET, "check_zero", (Tracker(), 5), "pass a list of paths, not int"),
        (SET, "check_zero", (Tracker(), [None]), f"{NOT_STR} NoneType None"),
        (SET, "check_zero", ("t", ["name"]), "expected Tracker, got str 't'"),
    ],
)
def test_arguments_of_the_wrong_type_are_named(
    mask: rt.RpcFieldMask[Any], method: str, arguments: tuple[Any, ...], message: str
) -> None:
    """Called directly, without mypy: not `'int' object is not iterable`."""
    with pytest.raises(TypeError) as raised:
        getattr(mask, method)(*arguments)
    assert str(raised.value) == f"{mask.rpc}: {message}"
