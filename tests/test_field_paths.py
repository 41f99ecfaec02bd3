"""Pass 2 (field paths) on factory-built messages: rules R1-R12 of the conventions, §1."""

from __future__ import annotations

from generator.ir import Cardinality, FieldKind
from generator.passes.field_paths import compute_field_paths

from .factories import by_name, make_field, make_message, message_field


def paths_of(name: str, *messages: object) -> tuple[tuple[str, ...], tuple[str, ...]]:
    result = compute_field_paths(by_name(*messages))  # type: ignore[arg-type]
    return result[name].nested, result[name].top_level


def test_nested_paths_are_sorted_bytewise_and_top_level_has_no_dots() -> None:
    ids = make_message(
        "p.Ids", make_field("device_id"), make_field("dev_eui", FieldKind.BYTES)
    )
    device = make_message(
        "p.Device",
        message_field("ids", "p.Ids"),
        make_field("ids_count", FieldKind.UINT32),
    )
    nested, top = paths_of("p.Device", ids, device)
    # "." (0x2E) sorts before "_": ids.dev_eui comes before ids_count.
    assert nested == ("ids", "ids.dev_eui", "ids.device_id", "ids_count")
    assert top == ("ids", "ids_count")


def test_oneof_members_carry_the_oneof_name_and_the_oneof_is_listed() -> None:
    static = make_message("p.Static", make_field("margin", FieldKind.FLOAT))
    adr = make_message(
        "p.Adr",
        message_field("static", "p.Static", oneof="mode"),
        make_field("disabled", FieldKind.BOOL, oneof="mode"),
        oneofs=("mode",),
    )
    nested, top = paths_of("p.Adr", static, adr)
    assert nested == ("mode", "mode.disabled", "mode.static", "mode.static.margin")
    assert top == ("mode",)  # members are not top level; the oneof is


def test_leaves_repeated_maps_outside_types_and_empty_messages() -> None:
    empty = make_message("p.Empty")
    inner = make_message("p.Inner", make_field("x"))
    outer = make_message(
        "p.Outer",
        message_field("list", "p.Inner", cardinality=Cardinality.REPEATED),
        message_field("map", "p.Inner", cardinality=Cardinality.MAP),
        message_field("created_at", "google.protobuf.Timestamp"),
        message_field("nothing", "p.Empty"),
    )
    nested, _ = paths_of("p.Outer", empty, inner, outer)
    assert nested == ("created_at", "list", "map", "nothing")
    assert paths_of("p.Empty", empty) == ((), ())


def test_cycle_guard_drops_the_rest_of_the_level_like_tts() -> None:
    # Like ErrorDetails: fields after the self-reference vanish inside the recursion only.
    details = make_message(
        "p.Details",
        make_field("name"),
        message_field("cause", "p.Details"),
        make_field("code", FieldKind.UINT32),
        make_field("z_after", FieldKind.STRING, oneof="tail"),
        oneofs=("tail",),
    )
    nested, top = paths_of("p.Details", details)
    assert nested == ("cause", "cause.name", "code", "name", "tail", "tail.z_after")
    assert top == ("cause", "code", "name", "tail")


def test_cycle_guard_deeper_keeps_the_outer_siblings() -> None:
    details = make_message(
        "p.Details",
        message_field("cause", "p.Details"),
        make_field("code", FieldKind.UINT32),
    )
    health = make_message(
        "p.Health",
        message_field("last_error", "p.Details"),
        make_field("attempts", FieldKind.UINT32),
    )
    nested, _ = paths_of("p.Health", details, health)
    assert nested == ("attempts", "last_error", "last_error.cause", "last_error.code")
