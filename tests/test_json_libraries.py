"""msgspec's C encoder and decoder, which the runtime uses when msgspec is installed,
give json's results: the same values read, the same text written (a float's exponent
aside), and json's own errors (_runtime.py, parse_json and json_text)."""

from __future__ import annotations

import datetime as dt
import json
import math
import subprocess
import sys
from collections import OrderedDict
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generated.fleet import _runtime as rt
from generated.fleet.tracker import Fault, Location, Tracker, Trackers, TrackerSettings

from .conftest import REPO
from .test_roundtrip_properties import EXAMPLE_MESSAGES, property_settings


def outcome(call: Any) -> tuple[str, str]:
    """What a call gave: its result's repr (NaN included), or its error's type and text."""
    try:
        return "returned", repr(call())
    except Exception as error:
        return type(error).__name__, str(error)


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**80), max_value=2**80)
    | st.floats()
    | st.text(),
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=12,
)
# Texts msgspec and json read differently, or where only json reads them.
ODD_TEXTS = [
    b"NaN", b"[-Infinity]", b"1e400", b"-1e400", b'"\\ud800"', b'{"a":"\\udc00x"}',
    b"\xef\xbb\xbf{}", '{"a":"é"}'.encode("utf-16"), b"1" * 5000, b"[1,]", b'"\xff"',
    b"[" * 100_000, b'{"a":1,"a":2}', b"", b" ", b"0.1e-400", b"-0", b"4.35e-5",
]  # fmt: skip


def assert_read_as_json_reads(text: str | bytes) -> None:
    """parse_json gives json.loads's result or error; msgspec gives the same result or
    refuses the text, never another result."""
    rt._load_c_json()
    decode = rt._c_decode
    assert decode is not None, "msgspec is not installed"
    expected = outcome(lambda: json.loads(text))
    assert outcome(lambda: rt.parse_json(text)) == expected
    by_msgspec = outcome(lambda: decode(text))
    assert by_msgspec == expected or by_msgspec[0] != "returned"


@property_settings(2_000)
@given(JSON_VALUES, st.booleans(), st.booleans())
def test_parse_json_reads_what_json_loads_reads(
    value: Any, ascii_only: bool, as_bytes: bool
) -> None:
    text = json.dumps(value, ensure_ascii=ascii_only)
    assert_read_as_json_reads(
        text.encode("utf-8", "surrogatepass") if as_bytes else text
    )


@property_settings(3_000)
@given(
    st.from_regex(r"\A-?(0|[1-9][0-9]{0,30})(\.[0-9]{1,30})?([eE][+-]?[0-9]{1,3})?\Z")
)
def test_numbers_are_read_as_json_reads_them(text: str) -> None:
    """Long mantissas and exponents in any form: msgspec rounds them as json does."""
    assert_read_as_json_reads(text)


@pytest.mark.parametrize("text", ODD_TEXTS, ids=lambda text: repr(text[:12]))
def test_texts_only_json_reads_are_read_by_json(text: bytes) -> None:
    assert_read_as_json_reads(text)


def floats_in(data: Any) -> list[float]:
    if isinstance(data, dict):
        return [f for value in data.values() for f in floats_in(value)]
    if isinstance(data, list):
        return [f for value in data for f in floats_in(value)]
    return [data] if isinstance(data, float) else []


@property_settings(3_000)
@given(EXAMPLE_MESSAGES)
def test_msgspec_writes_the_text_json_writes(message: Any) -> None:
    """The same text, but where json writes a float's exponent as 1e+16 or 1e-07:
    msgspec writes 1e16 and 1e-7, the same number."""
    rt._load_c_json()
    data = message.to_json()
    written = rt._c_written(data, message)
    assert written is not None  # the strategies' free JSON is plain
    text = rt._json_written(data, message)
    if any("e" in repr(number) for number in floats_in(data)):
        assert json.loads(written) == json.loads(text)
    else:
        assert written.decode() == text


class Mapping(dict[str, Any]):
    pass


def cause_with(attributes: dict[str, Any]) -> Fault:
    return Fault(cause=Fault(cause=Fault(attributes=attributes)))


@pytest.mark.parametrize(
    ("message", "plain"),
    [
        (Tracker(metadata={"a": [1, 2.5, None, True, "x", {"b": {}}]}), True),
        (Tracker(metadata={"a": math.nan}), False),
        (Tracker(metadata={"a": [math.inf]}), False),
        (Tracker(metadata={"at": dt.datetime(2026, 1, 1, tzinfo=dt.UTC)}), False),
        (Tracker(metadata={"raw": b"\x01"}), False),
        # Written alike, but not plain: json's way is the one sure to be json's.
        (Tracker(metadata={"a": Mapping()}), False),
        (Tracker(metadata={"a": OrderedDict()}), False),
        (Tracker(metadata={"a": (1, 2)}), False),
        (Tracker(extra={1: "a"}), False),
        (Tracker(extra={1}), False),
        (Tracker(history=[{"a": -math.inf}]), False),
        (Tracker(decoded=rt.AnyMessage("t/x.Y", {"a": 1.5})), True),
        (Tracker(decoded=rt.AnyMessage("t/x.Y", {"a": math.nan})), False),
        # Free JSON deep down: a message that holds itself; a list of messages.
        (Tracker(last_fault=cause_with({"a": 1})), True),
        (Tracker(last_fault=cause_with({"a": math.nan})), False),
        (Trackers(trackers=[Tracker(), Tracker(extra=[math.nan])]), False),
        # A float field's NaN is not free JSON: the encoder writes it as "NaN".
        (Tracker(locations={"home": Location(latitude=math.nan)}), True),
    ],
)
def test_json_writes_the_free_json_msgspec_would_write_otherwise(
    message: Any, plain: bool
) -> None:
    """What a Struct, Value, ListValue or Any holds is Python data, and msgspec writes
    more of it than json does: a NaN as null, a datetime as text. Unless it is plain
    JSON, json writes it, raising EncodeError where it cannot."""
    rt._load_c_json()
    data = message.to_json()
    assert (rt._c_written(data, message) is not None) == plain
    assert outcome(message.to_json_string) == outcome(
        lambda: rt._json_written(data, message)
    )


def slot_names(cls: type[rt.Message]) -> set[str]:
    return {slot for slot, _ in rt._free_json_slots(cls)}


def test_only_fields_on_the_way_to_free_json_are_searched() -> None:
    assert slot_names(Tracker) == {
        "metadata",
        "extra",
        "history",
        "decoded",
        "last_fault",
    }
    assert slot_names(Fault) == {"cause", "attributes"}  # found through itself
    assert slot_names(Trackers) == {"trackers"}
    assert slot_names(TrackerSettings) == set()
    assert slot_names(Location) == set()


def test_a_oneof_is_searched_only_for_its_members_on_the_way(
    modules: dict[str, Any],
) -> None:
    runtime, application_up = modules["_runtime"], modules["messages"].ApplicationUp
    ((slot, members),) = runtime._free_json_slots(application_up)
    assert slot == "_up"
    assert members is not None
    assert {"uplink_message", "service_data"} <= members
    assert "location_solved" not in members  # a Location holds no free JSON
    uplink = modules["messages"].ApplicationUplink(decoded_payload={"t": math.nan})
    with pytest.raises(runtime.EncodeError, match=r"uplink_message\.decoded_payload"):
        application_up(uplink_message=uplink).to_json_string()


def test_without_msgspec_json_does_all_the_work(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "msgspec.json", None)  # its import fails
    monkeypatch.setattr(rt, "_c_encode", rt._UNLOADED)
    monkeypatch.setattr(rt, "_c_decode", rt._UNLOADED)
    tracker = Tracker(name="Zürich", metadata={"a": [1.5e16]})
    text = '{"name":"Zürich","metadata":{"a":[1.5e+16]}}'
    assert tracker.to_json_string() == text
    assert rt.json_bytes(tracker.to_json(), tracker) == text.encode()
    assert Tracker.from_json_string(text) == tracker
    assert rt._c_encode is None and rt._c_decode is None


def test_msgspec_is_loaded_at_the_first_use_not_at_import() -> None:
    """Its import costs more than importing a registry's modules; a package that never
    writes or reads JSON text never pays it."""
    script = (
        "import sys; from generated.fleet.tracker import Tracker; "
        "assert 'msgspec' not in sys.modules; "
        "Tracker.from_json_string('{}'); assert 'msgspec' in sys.modules"
    )
    completed = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True
    )
    assert completed.returncode == 0, completed.stderr
