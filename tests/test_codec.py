"""TTS's JSON dialect (tts-api-conventions.md §3), on the example API's generated client."""

from __future__ import annotations

import datetime as dt
import inspect
import json
import math
import pickle
import subprocess
import sys
import traceback
import warnings
from typing import Any

import pytest

from generated.fleet import _http as http
from generated.fleet import _runtime as rt
from generated.fleet import tracker as tracker_module
from generated.fleet.identifiers import TrackerIdentifiers
from generated.fleet.tracker import (
    Band,
    BandValue,
    BoolValue,
    EUIValue,
    Fault,
    FrequencyValue,
    Health,
    KeyCustody,
    Keys,
    Location,
    Priority,
    Tracker,
    Trackers,
    TrackerSettings,
    TrackerSettings_DynamicMode,
    TrackerSettings_StaticMode,
)
from generated.fleet.tracker_services import CreateTrackerRequest
from generator import naming

from .conftest import REPO

# Every test here runs on msgspec's encoder and decoder, then on json's alone.
pytestmark = pytest.mark.usefixtures("json_library")

EUI = bytes.fromhex("70B3D57ED000ABCD")


SHARED = "70B3D57ED000ABCD"


def roundtrip(message: Any) -> Any:
    return type(message).from_json(json.loads(json.dumps(message.to_json())))


def test_zero_values_are_omitted_and_snake_case_is_written() -> None:
    tracker = Tracker(
        name="", uplinks=0, band=Band.BAND_UNKNOWN, attributes={}, clock_drift=5
    )
    assert tracker.to_json() == {"clock_drift": "5"}
    assert Tracker().to_json() == {}


def test_64_bit_integers_are_strings_out_and_numbers_or_strings_in() -> None:
    tracker = Tracker(
        uplinks=2**64 - 1, clock_drift=-3, offset=7, serial=9, snr_total=-1
    )
    assert tracker.to_json() == {
        "uplinks": "18446744073709551615",
        "clock_drift": "-3",
        "offset": "7",
        "serial": "9",
        "snr_total": "-1",
    }
    decoded = Tracker.from_json(
        {"uplinks": 12, "clock_drift": "-3", "temperature": "-4"}
    )
    assert (decoded.uplinks, decoded.clock_drift, decoded.temperature) == (12, -3, -4)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("9223372036854775807", 2**63 - 1),
        ("-9223372036854775808", -(2**63)),
        ("+5", 5),
        ("007", 7),
        ("0" * 30 + "5", 5),
    ],
)
def test_integer_strings_read_as_go_reads_them(text: str, number: int) -> None:
    assert Tracker.from_json({"clock_drift": text}).clock_drift == number


@pytest.mark.parametrize("text", ["--5", " 5", "1_0", "\u0663", "5.0", ""])
def test_integer_strings_go_refuses_are_decode_errors(text: str) -> None:
    # Python's int() takes some of these (an Arabic-Indic digit three, for one).
    for field in ("clock_drift", "uplinks", "temperature"):
        with pytest.raises(rt.DecodeError) as raised:
            Tracker.from_json({field: text})
        assert str(raised.value).startswith(
            f"{field}: expected an integer, got a string"
        )


@pytest.mark.parametrize("field", ["uplinks", "serial", "battery_percent", "checksum"])
@pytest.mark.parametrize("text", ["+5", "-0", "-5"])
def test_unsigned_integer_strings_take_no_sign(field: str, text: str) -> None:
    # Go's strconv.ParseUint refuses a sign, where ParseInt takes one.
    with pytest.raises(rt.DecodeError) as raised:
        Tracker.from_json({field: text})
    assert str(raised.value) == f'{field}: expected an integer, got a string "{text}"'


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("9223372036854775808", "9223372036854775808 is out of range"),
        # More digits than int() reads without raising ValueError.
        ("1" * 5000, "a number of 5000 digits is out of range"),
    ],
)
def test_integer_strings_out_of_range_are_decode_errors(
    text: str, message: str
) -> None:
    with pytest.raises(rt.DecodeError) as raised:
        Tracker.from_json({"clock_drift": text})
    assert str(raised.value).startswith(f"clock_drift: {message}")


@pytest.mark.parametrize("number", [2**64, -(10**5000)], ids=["2**64", "-10**5000"])
def test_integers_of_any_size_out_of_range_are_decode_errors(number: int) -> None:
    # str() refuses an int of over 4,300 digits: the error must not need it.
    with pytest.raises(rt.DecodeError, match="uplinks: .* is out of range"):
        Tracker.from_json({"uplinks": number})


@pytest.mark.parametrize(
    ("text", "number"),
    [("1.5", 1.5), ("1_0.5", 10.5), (".5", 0.5), ("1e-400", 0.0), ("INF", math.inf)],
)
def test_float_strings_read_as_go_reads_them(text: str, number: float) -> None:
    assert Location.from_json({"latitude": text}).latitude == number
    assert math.isnan(Location.from_json({"latitude": "nan"}).latitude)


# float() also takes spaces around the number, other scripts' digits and a signed NaN.
@pytest.mark.parametrize("text", [" 1.5", "1.5 ", "\u0661", "-nan", "", "1.5f"])
def test_float_strings_go_refuses_are_decode_errors(text: str) -> None:
    with pytest.raises(rt.DecodeError, match="latitude: expected a number, got a"):
        Location.from_json({"latitude": text})


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("1e400", 'a string "1e400" is out of range'),
        ("-1e400", 'a string "-1e400" is out of range'),
        (10**400, "a number of over 40 digits is out of range"),
    ],
    ids=["1e400", "-1e400", "10**400"],
)
def test_numbers_past_a_floats_range_are_decode_errors(
    value: object, message: str
) -> None:
    with pytest.raises(rt.DecodeError) as raised:
        Location.from_json({"latitude": value})
    assert str(raised.value) == f"latitude: {message}"


HUGE = 10**5000  # str() refuses an int of over 4,300 digits


@pytest.mark.parametrize(
    ("message", "error"),
    [
        (Location(latitude=10**400), "latitude: an int of 1329 bits is past a float's"),
        (Tracker(scores=[1.0, -(2**1100)]), "scores[1]: an int of 1101 bits is past a"),
        (Tracker(clock_drift=HUGE), "clock_drift: an int of 16610 bits is past the"),
        (Tracker(uplinks=HUGE), "uplinks: an int of 16610 bits is past the digits"),
        (Tracker(counters_by_port={1: HUGE}), "counters_by_port[1]: an int of 16610"),
        (
            Tracker(counters_by_port={HUGE: 1}),
            "counters_by_port[<an int of 16610 bits>]: an int of 16610 bits",
        ),
        (Tracker(flags={HUGE: "x"}),  # type: ignore[dict-item]
         "flags[<an int of 16610 bits>]: expected bool"),
        (Tracker(metadata={"a": HUGE}), 'metadata["a"]: an int of 16610 bits is past'),
    ],
    ids=["float", "float list", "int64", "uint32", "map value", "map key", "bool key",
         "Struct"],
)  # fmt: skip
def test_ints_json_cannot_write_are_encode_errors(message: Any, error: str) -> None:
    """Not OverflowError from float() or ValueError from str(), without the field."""
    with pytest.raises(rt.EncodeError) as raised:
        message.to_json_string()
    assert str(raised.value).startswith(error)


@pytest.mark.parametrize(
    ("message", "error"),
    [
        (Tracker(uplinks=-1), "uplinks: -1 is out of range for uint64 [0, 1844674407"),
        (
            Tracker(clock_drift=2**63),
            "clock_drift: 9223372036854775808 is out of range",
        ),
        (Tracker(battery_percent=2**32), "battery_percent: 4294967296 is out of range"),
        (
            Tracker(counters_by_port={2**32: 1}),
            "counters_by_port[4294967296]: 4294967296",
        ),
        (Tracker(counters_by_port={1: -1}), "counters_by_port[1]: -1 is out of range"),
        (Tracker(last_fault=Fault(code=2**32)), "last_fault.code: 4294967296 is out"),
    ],
    ids=["uint32", "int64", "UInt32Value", "map key", "map value", "nested"],
)
def test_integers_out_of_range_are_named_by_the_clients_search(
    message: Any, error: str
) -> None:
    """What a client checks before sending; to_json() itself writes them as they are
    (the server refuses them), since checking each would cost every encode."""
    message.to_json()
    found = rt.wrong_type_error(message)
    assert found is not None and str(found).startswith(error)
    assert rt.wrong_type_error(Tracker(uplinks=2**64 - 1, clock_drift=-(2**63))) is None


def test_hex_bytes_are_upper_case_and_accept_either_case_or_base64() -> None:
    ids = TrackerIdentifiers(dev_eui=EUI, dev_addr=bytes.fromhex("26000001"))
    assert ids.to_json() == {"dev_eui": "70B3D57ED000ABCD", "dev_addr": "26000001"}
    assert TrackerIdentifiers.from_json({"dev_eui": "70b3d57ed000abcd"}).dev_eui == EUI
    assert TrackerIdentifiers.from_json({"dev_eui": "cLPVftAAq80="}).dev_eui == EUI
    assert TrackerIdentifiers.from_json({"dev_eui": "cLPVftAAq80"}).dev_eui == EUI
    assert TrackerIdentifiers.from_json({"dev_eui": ""}).dev_eui == b""
    keys = Keys(app_key=bytes(range(16)), encrypted_key=b"\xff\x00")
    assert keys.to_json() == {
        "app_key": "000102030405060708090A0B0C0D0E0F",
        "encrypted_key": "/wA=",
    }
    tracker = Tracker(net_id=b"\x00\x00\x13", last_nonce=b"\x01\x02")
    assert tracker.to_json() == {"net_id": "000013", "last_nonce": "0102"}


def test_hex_with_spaces_or_bad_digits_is_rejected() -> None:
    for text in ("70B3 D57ED000ABC", "70B3D57ED000ABCG"):
        with pytest.raises(rt.DecodeError, match="ids.dev_eui: invalid hex"):
            Tracker.from_json({"ids": {"dev_eui": text}})


def test_a_hex_field_of_the_wrong_length_names_its_path() -> None:
    with pytest.raises(rt.DecodeError) as raised:
        Tracker.from_json({"ids": {"dev_eui": "70B3D5"}})
    assert raised.value.path == "ids.dev_eui"
    assert "invalid length: want 8 bytes, got 6 characters" in str(raised.value)


@pytest.mark.parametrize(
    ("message", "path", "problem"),
    [
        (TrackerIdentifiers(dev_eui=EUI[:7]), "dev_eui", "7 bytes where 8 belong"),
        (
            Tracker(ids=TrackerIdentifiers(dev_eui="70B3D57ED000ABCD")),  # type: ignore[arg-type]
            "ids.dev_eui",
            "a str where 8 bytes belong; use bytes.fromhex('70B3D57ED000ABCD')",
        ),
        (Keys(app_key=42), "app_key", "an int where 16 bytes belong"),  # type: ignore[arg-type]
        (  # the same str in a string field declared earlier is not the bad value
            TrackerIdentifiers(tracker_id=SHARED, dev_eui=SHARED),  # type: ignore[arg-type]
            "dev_eui",
            "a str where 8 bytes belong",
        ),
        (
            Trackers(trackers=[Tracker(), Tracker(net_id=b"\x00\x13")]),
            "trackers[1].net_id",
            "2 bytes where 3 belong (hex 0013)",
        ),
        (
            Tracker(locations={"home": Location(fixed_at=dt.datetime(2024, 1, 1))}),
            'locations["home"].fixed_at',
            "datetime.datetime(2024, 1, 1, 0, 0) has no time zone",
        ),
        (
            Tracker(address_prefixes=[bytes.fromhex("2600000007"), b"\x26"]),
            "address_prefixes[1]",
            "b'&' is not a DevAddr prefix",
        ),
        (
            Tracker(address_prefixes=[bytes.fromhex("2600000021")]),
            "address_prefixes[0]",
            "prefix length (0 to 32)",
        ),
        (Tracker(gateway_eui=EUIValue(value=b"\x01")), "gateway_eui", "1 byte where 8"),
        (EUIValue(value=b"\x01"), "<root>", "1 byte where 8 belong"),
    ],
)
def test_values_tts_json_cannot_carry_raise_naming_their_path(
    message: Any, path: str, problem: str
) -> None:
    """The server would refuse them; the error says where, from the message encoded."""
    with pytest.raises(rt.EncodeError) as raised:
        message.to_json()
    assert raised.value.path == path.replace("<root>", "")
    assert str(raised.value).startswith(f"{path}: ")
    assert problem in raised.value.problem
    with pytest.raises(rt.EncodeError):
        message.to_json_string()


@pytest.mark.parametrize(
    ("message", "path", "problem"),
    [
        # mypy refuses each of these; callers without types meet this check instead.
        (Tracker(band=2), "band", "expected Band, got int 2"),  # type: ignore[arg-type]
        (
            Tracker(bands=[Band.BAND_EU868, 3]),  # type: ignore[list-item]
            "bands[1]",
            "expected Band, got int 3",
        ),
        (
            Trackers(trackers=[Tracker(), Tracker(keys={"app_key": ""})]),  # type: ignore[arg-type]
            "trackers[1].keys",
            "expected Keys, got dict {'app_key': ''}",
        ),
        (
            Tracker(locations={"home": Location(fixed_at=1700000000)}),  # type: ignore[arg-type]
            'locations["home"].fixed_at',
            "expected datetime, got int 1700000000",
        ),
        (  # a oneof member, by its own key
            Tracker(firmware_image="x"),  # type: ignore[arg-type]
            "firmware_image",
            "expected bytes, got str 'x'",
        ),
        (  # the message refers to itself
            Fault(cause=Fault(cause=Fault(cause="root cause"))),  # type: ignore[arg-type]
            "cause.cause.cause",
            "expected Fault, got str 'root cause'",
        ),
        (BandValue(value=1), "", "expected Band, got int 1"),  # type: ignore[arg-type]
    ],
)
def test_values_of_the_wrong_type_raise_naming_their_path(
    message: Any, path: str, problem: str
) -> None:
    """Encoding fails on them (an int has no enum name): the error names the field."""
    with pytest.raises(rt.EncodeError) as raised:
        message.to_json()
    assert (raised.value.path, raised.value.problem) == (path, problem)
    with pytest.raises(rt.EncodeError):
        message.to_json_string()


@pytest.mark.parametrize(
    ("message", "path", "problem"),
    [
        (
            Tracker(metadata={"at": dt.datetime(2026, 1, 1)}),
            'metadata["at"]',
            "expected a JSON value, got datetime",
        ),
        (
            Tracker(metadata={"levels": [1.0, float("nan")]}),
            'metadata["levels"][1]',
            "nan cannot be written in JSON",
        ),
        (Tracker(extra={("a", 1): 2}), 'extra[["a", 1]]', "a tuple key cannot be"),
        (Tracker(history=[{"raw": b"\x01"}]), 'history[0]["raw"]', "got bytes"),
    ],
)
def test_values_json_cannot_write_in_a_struct_raise_naming_their_path(
    message: Any, path: str, problem: str
) -> None:
    """Struct, Value and ListValue hold any Python data; the text encoder names where."""
    with pytest.raises(rt.EncodeError) as raised:
        message.to_json_string()
    assert raised.value.path == path
    assert problem in raised.value.problem


def test_json_text_is_compact_utf8() -> None:
    text = Tracker(name="Zürich", metadata={"a": [1, None]}).to_json_string()
    assert text == '{"name":"Zürich","metadata":{"a":[1,null]}}'


def test_an_encoding_failure_no_field_explains_is_raised_unchanged() -> None:
    class Failing(rt.Message):
        __slots__ = ()

        def _to_json(self) -> Any:
            raise AttributeError("not the fault of a value")

    with pytest.raises(AttributeError, match="not the fault of a value"):
        Failing().to_json()
    assert rt.wrong_type_error(Tracker(name="n", band=Band.BAND_EU868)) is None


def test_empty_hex_and_any_bytes_like_value_encode() -> None:
    assert Tracker(gateway_eui=EUIValue()).to_json() == {"gateway_eui": ""}
    ids = TrackerIdentifiers(dev_eui=bytearray(EUI), join_eui=memoryview(EUI))  # type: ignore[arg-type]
    assert ids.to_json() == {
        "dev_eui": "70B3D57ED000ABCD",
        "join_eui": "70B3D57ED000ABCD",
    }


def test_plain_bytes_are_base64_in_either_alphabet() -> None:
    assert Tracker(last_payload=b"\xfb\xff").to_json() == {"last_payload": "+/8="}
    for text in ("+/8=", "-_8=", "-_8", "+/8"):
        assert Tracker.from_json({"last_payload": text}).last_payload == b"\xfb\xff"
    with pytest.raises(rt.DecodeError, match="last_payload: invalid base64"):
        Tracker.from_json({"last_payload": "not base64!"})


def test_devaddr_prefixes() -> None:
    tracker = Tracker(address_prefixes=[bytes.fromhex("26000000") + bytes([7])])
    assert tracker.to_json() == {"address_prefixes": ["26000000/7"]}
    assert roundtrip(tracker) == tracker
    assert Tracker.from_json(
        {"address_prefixes": ["2600000a/32"]}
    ).address_prefixes == [bytes.fromhex("2600000A20")]


# fromhex skips spaces and int() reads signs and other scripts' digits; a length past 32
# could not be written back.
@pytest.mark.parametrize(
    "text",
    [
        "26 00 00/7",
        "2600 000/7",
        "26000000/+7",
        "26000000/ 7",
        "26000000/\u0667",
        "26000000/33",
    ],
)
def test_devaddr_prefixes_go_refuses_are_decode_errors(text: str) -> None:
    with pytest.raises(rt.DecodeError, match=r"address_prefixes\[0\]: invalid DevAddr"):
        Tracker.from_json({"address_prefixes": [text]})


def test_enum_output_forms() -> None:
    tracker = Tracker(
        band=Band.BAND_EU868, health=Health.HEALTH_OK, bands=[Band.BAND_US]
    )
    tracker.keys = Keys(custody=KeyCustody.KEY_CUSTODY_JOIN_SERVER)
    tracker.settings = TrackerSettings(priority=Priority.PRIORITY_HIGH)
    assert tracker.to_json() == {
        "band": "eu868",  # the custom value
        "health": 1,  # no JSON option: a number
        "settings": {"priority": 2},  # marshal_as_number
        "keys": {"custody": "join server"},
        "bands": ["BAND_US915"],  # an alias is written by its first-declared name
    }


@pytest.mark.parametrize(
    ("text", "band"),
    [
        ("BAND_EU868", Band.BAND_EU868),
        ("eu868", Band.BAND_EU868),  # custom value
        ("EU_863_870", Band.BAND_EU868),  # alias
        ("EU868", Band.BAND_EU868),  # prefix stripped
        ("BAND_US", Band.BAND_US915),  # allow_alias name
        (2, Band.BAND_US915),
        ("2", Band.BAND_US915),
    ],
)
def test_enum_inputs_are_as_lenient_as_the_server(text: object, band: Band) -> None:
    assert Tracker.from_json({"band": text}).band is band


@pytest.mark.parametrize(
    ("number", "band"), [("+2", Band.BAND_US915), (2.0, Band.BAND_US915)]
)
def test_enum_numbers_read_as_go_reads_them(number: object, band: Band) -> None:
    assert Tracker.from_json({"band": number}).band is band


# Not numbers to strconv.ParseInt(s, 10, 32): kept as names, like any unknown name.
@pytest.mark.parametrize(
    "text",
    [" 2", "2_0", "\u0662", "2147483648", "9" * 5000],
    ids=[" 2", "2_0", "arabic-indic 2", "2**31", "5000 nines"],
)
def test_enum_strings_go_reads_as_no_number_are_kept_as_names(text: str) -> None:
    tracker = Tracker.from_json({"band": text})
    assert tracker.band.name == text and tracker.to_json() == {"band": text}


@pytest.mark.parametrize(
    "number",
    [2**31, -(2**31) - 1, 10**5000, 2.5],
    ids=["2**31", "-2**31-1", "10**5000", "2.5"],
)
def test_enum_numbers_outside_int32_are_decode_errors(number: float) -> None:
    with pytest.raises(rt.DecodeError, match="band: "):
        Tracker.from_json({"band": number})


def test_enum_values_are_int32_as_in_proto() -> None:
    assert Tracker(band=Band(2**31 - 1)).to_json() == {"band": 2**31 - 1}
    for number in (2**31, -(2**31) - 1):
        with pytest.raises(ValueError, match="is not a valid Band"):
            Band(number)


def test_unknown_enum_values_decode_and_reencode_unchanged() -> None:
    for value in (9, "BAND_MARS"):
        tracker = Tracker.from_json({"band": value, "bands": [value]})
        assert tracker.to_json() == {"band": value, "bands": [value]}
        assert roundtrip(tracker) == tracker
        # Pickled (a cache, another process) and back, the value is still the same.
        unpickled = pickle.loads(pickle.dumps(tracker))
        assert unpickled == tracker and unpickled.band.name == tracker.band.name
        assert unpickled.to_json() == {"band": value, "bands": [value]}


def test_unknown_enum_names_are_equal_by_text_and_do_not_pile_up() -> None:
    rt._UNKNOWN_NAMES.clear()  # as a fresh process has it
    assert Band._unknown_name("US915") is Band.BAND_US915  # not unknown after all
    future = Band._unknown_name("BAND_FUTURE")
    assert future == Band._unknown_name("BAND_FUTURE") != Band._unknown_name("BAND_X")
    # A server can send any number of names: the cache stays bounded, and a name past
    # it still equals itself, keeps its text and is written back unchanged.
    names = [f"BAND_{n}" for n in range(5000)]
    first = [Tracker.from_json({"band": name}).band for name in names]
    again = [Tracker.from_json({"band": name}).band for name in names]
    assert len(rt._UNKNOWN_NAMES[Band]) <= rt._UNKNOWN_NAMES_CACHED < len(names)
    assert first == again and len(set(first)) == len(names)
    assert first[-1] is not again[-1] and first[-1].name == again[-1].name
    assert Tracker(band=first[-1]).to_json() == {"band": names[-1]}
    # The number comes from the text alone, not from what this process saw first.
    rt._UNKNOWN_NAMES.clear()
    assert int(Band._unknown_name("BAND_4999")) == int(first[-1])
    assert int(Band._unknown_name("BAND_FUTURE")) == int(future)


def test_tts_wrappers_are_bare_values_and_reject_the_value_object() -> None:
    settings = TrackerSettings(
        adaptive=BoolValue(value=False),
        rx_frequency=FrequencyValue(value=869525000),
        band=BandValue(value=Band.BAND_EU868),
    )
    assert settings.to_json() == {
        "adaptive": False,
        "rx_frequency": "869525000",
        "band": "eu868",
    }
    assert roundtrip(settings) == settings
    with pytest.raises(rt.DecodeError, match="adaptive: expected a boolean"):
        TrackerSettings.from_json({"adaptive": {"value": True}})


def test_google_wrappers_are_bare_values_and_accept_the_value_object() -> None:
    tracker = Tracker(
        voltage=0.0, delta=-5, uptime=7, online=False, nickname="", token=b"\x01"
    )
    assert tracker.to_json() == {
        "voltage": 0.0,
        "delta": "-5",
        "uptime": "7",
        "online": False,
        "nickname": "",
        "token": "AQ==",
    }
    decoded = Tracker.from_json(
        {"voltage": {"value": 3.5}, "delta": {"value": "2"}, "online": True}
    )
    assert (decoded.voltage, decoded.delta, decoded.online) == (3.5, 2, True)
    with pytest.raises(rt.DecodeError, match="""online: .* only "value", not 'x'"""):
        Tracker.from_json({"online": {"value": True, "x": 1}})


def test_oneof_members_use_their_own_names_and_only_one_is_set() -> None:
    settings = TrackerSettings(static=TrackerSettings_StaticMode(spreading_factor=7))
    assert settings.to_json() == {"static": {"spreading_factor": 7}}
    assert settings.which_mode() == "static"
    settings.dynamic = TrackerSettings_DynamicMode()
    assert (settings.static, settings.which_mode()) == (None, "dynamic")
    assert settings.to_json() == {
        "dynamic": {}
    }  # a set member is written even when empty
    with pytest.raises(ValueError, match="only one member of oneof 'mode' may be set"):
        TrackerSettings(
            static=TrackerSettings_StaticMode(), dynamic=TrackerSettings_DynamicMode()
        )
    with pytest.raises(
        rt.DecodeError, match="another member of oneof 'mode' is already set"
    ):
        TrackerSettings.from_json({"static": {}, "dynamic": {}})
    assert Tracker(firmware_url="").to_json() == {"firmware_url": ""}


def test_timestamps_are_utc_with_z() -> None:
    moment = dt.datetime(2024, 1, 2, 3, 4, 5, 123000, tzinfo=dt.UTC)
    assert Tracker(created_at=moment).to_json() == {
        "created_at": "2024-01-02T03:04:05.123Z"
    }
    offset = dt.datetime(2024, 1, 2, 4, 4, 5, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    assert Tracker(created_at=offset).to_json() == {
        "created_at": "2024-01-02T03:04:05Z"
    }
    decoded = Tracker.from_json({"created_at": "2020-07-31T12:17:51.645123456Z"})
    assert decoded.created_at == dt.datetime(
        2020, 7, 31, 12, 17, 51, 645123, tzinfo=dt.UTC
    )
    with pytest.raises(rt.EncodeError, match="created_at: .* has no time zone"):
        Tracker(created_at=dt.datetime(2024, 1, 1)).to_json()
    # In UTC, these fall outside the years a datetime (and a proto Timestamp) holds.
    for hours, moment in ((1, dt.datetime.min), (-1, dt.datetime.max)):
        zone = dt.timezone(dt.timedelta(hours=hours))
        with pytest.raises(rt.EncodeError, match="outside the years 1 to 9999 in UTC"):
            Tracker(created_at=moment.replace(tzinfo=zone)).to_json()


@pytest.mark.parametrize(
    ("text", "moment"),
    [
        ("2024-01-02T03:04:05Z", dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.UTC)),
        ("2024-01-02T03:04:05.1Z", dt.datetime(2024, 1, 2, 3, 4, 5, 100000, tzinfo=dt.UTC)),
        ("2024-01-02T03:04:05,123Z", dt.datetime(2024, 1, 2, 3, 4, 5, 123000, tzinfo=dt.UTC)),
        # Since Go 1.20, digits past nanoseconds are dropped, not refused.
        ("2024-01-02T03:04:05.1234567891Z", dt.datetime(2024, 1, 2, 3, 4, 5, 123456, tzinfo=dt.UTC)),
    ],
)  # fmt: skip
def test_timestamps_read_as_go_reads_ttss_layout(
    text: str, moment: dt.datetime
) -> None:
    assert Tracker.from_json({"created_at": text}).created_at == moment


# TTS's layout has a literal T and Z; fromisoformat reads most of these.
@pytest.mark.parametrize(
    "text",
    [
        "2024-01-02T03:04:05+01:00",
        "2024-01-02T03:04:05+00:00",
        "2024-01-02T03:04:05z",
        "2024-01-02t03:04:05Z",
        "2024-01-02 03:04:05Z",
        "2024-01-02x03:04:05Z",
        "20240102T030405.123Z",
        "2024-01-02T030405.1Z",
        "2024-W01-2T03:04:05Z",
        "\uff12\uff10\uff12\uff14-01-02T03:04:05Z",
        "2024-01-02T03:04:05.Z",
        "2024-01-02T03:04Z",
    ],
)
def test_timestamps_ttss_layout_refuses_are_decode_errors(text: str) -> None:
    expected = 'created_at: expected a timestamp in UTC with a Z, such as "2024-01-'
    with pytest.raises(rt.DecodeError, match=expected):
        Tracker.from_json({"created_at": text})


def test_timestamps_of_no_calendar_day_are_decode_errors() -> None:
    with pytest.raises(
        rt.DecodeError,
        match='created_at: a string "2024-02-30T03:04:05Z" is not a valid timestamp: day',
    ):
        Tracker.from_json({"created_at": "2024-02-30T03:04:05Z"})


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("1.500s", 1.5),
        ("3s", 3),
        ("0.100s", 0.1),
        ("1m30s", 90),
        ("100ms", 0.1),
        ("-1.5h", -5400),
        ("1.000001s", 1.000001),
        ("0.0000005s", 0),  # Go syntax: nanoseconds, truncated to microseconds
        ("86400s", 86400),
    ],
)
def test_durations(text: str, seconds: float) -> None:
    settings = TrackerSettings.from_json({"report_interval": text})
    assert settings.report_interval == dt.timedelta(seconds=seconds)


@pytest.mark.parametrize(
    ("text", "micros"),
    [
        ("2562047h47m16.854775807s", 2**63 // 1000),  # Go's longest, read exactly
        ("-2562047h47m16.854775808s", -(2**63 // 1000)),
        ("-1.0000015s", -1_000_001),  # nanoseconds dropped, toward zero
        ("1.999999999999999999999999999999h", 7_199_999_999),
        ("5.s", 5_000_000),
        (".5m", 30_000_000),
    ],
)
def test_go_durations_are_read_in_whole_nanoseconds(text: str, micros: int) -> None:
    settings = TrackerSettings.from_json({"report_interval": text})
    assert settings.report_interval == dt.timedelta(microseconds=micros)


@pytest.mark.parametrize(
    "text", ["2562047h47m16.854775808s", "1" * 21 + "ns", "1" * 5000 + "h"]
)
def test_go_durations_past_int64_nanoseconds_are_decode_errors(text: str) -> None:
    with pytest.raises(rt.DecodeError, match="report_interval: duration out of range"):
        TrackerSettings.from_json({"report_interval": text})


def test_durations_tts_cannot_read_are_encode_errors() -> None:
    longest = dt.timedelta(hours=2562047)
    assert TrackerSettings(report_interval=longest).to_json() == {
        "report_interval": "9223369200s"
    }
    for too_long in (dt.timedelta(hours=2562048), -dt.timedelta(days=10**8)):
        settings = TrackerSettings(report_interval=too_long)
        with pytest.raises(rt.EncodeError, match="report_interval: .* 292 years"):
            settings.to_json()
        # Held deeper, the error's path still names the field from the top.
        with pytest.raises(rt.EncodeError, match="^settings.report_interval: "):
            Tracker(settings=settings).to_json()
        # A query string takes the same text: the same check.
        with pytest.raises(rt.EncodeError, match="interval: .* 292 years"):
            http._text_of(too_long, "interval")


def test_duration_output() -> None:
    def out(seconds: float) -> Any:
        return TrackerSettings(report_interval=dt.timedelta(seconds=seconds)).to_json()

    assert [out(s)["report_interval"] for s in (1.5, 90, 0.1, 0.000001)] == [
        "1.500s", "90s", "0.100s", "0.000001s"
    ]  # fmt: skip
    expected = 'report_interval: expected a duration such as "1.500s", "1m30s" or "100'
    for text in ("3", "1.5 s", 90):
        with pytest.raises(rt.DecodeError, match=expected):
            TrackerSettings.from_json({"report_interval": text})


def test_durations_reach_as_far_as_gos_int64_nanoseconds() -> None:
    longest = TrackerSettings.from_json({"report_interval": "2562047h"})
    assert longest.report_interval == dt.timedelta(hours=2562047)


# Past timedelta's range, or past Go's (int64 nanoseconds, about 292 years).
@pytest.mark.parametrize(
    "text",
    ["1" * 16 + "s", "1" * 5000 + "s", "-1" + "0" * 400 + "h"]
    + ["2562048h", "9223372037s", "-9223372037s", "153722868m"],
)
def test_durations_past_timedeltas_range_are_decode_errors(text: str) -> None:
    with pytest.raises(rt.DecodeError, match="report_interval: duration out of range"):
        TrackerSettings.from_json({"report_interval": text})


def test_field_masks_structs_any_and_values() -> None:
    tracker = Tracker(
        visible_paths=["ids.dev_eui", "name"],
        metadata={"a": [1, {"b": None}]},
        extra="text",
        history=[1, "two"],
        decoded=rt.AnyMessage(
            "type.googleapis.com/acme.fleet.v1.Location", {"latitude": 1.5}
        ),
    )
    encoded = tracker.to_json()
    assert encoded["visible_paths"] == {"paths": ["ids.dev_eui", "name"]}
    assert list(encoded["decoded"]) == ["@type", "latitude"]  # @type first
    assert roundtrip(tracker) == tracker
    assert Tracker.from_json({"visible_paths": "a,b"}).visible_paths == ["a", "b"]


@pytest.mark.parametrize("mask", [{}, {"paths": ["a"], "path": ["b"]}, {"paths": "a"}])
def test_field_mask_objects_have_their_paths_and_nothing_else(mask: object) -> None:
    with pytest.raises(rt.DecodeError, match="visible_paths: expected a field mask"):
        Tracker.from_json({"visible_paths": mask})


def test_any_packs_and_unpacks_a_message_of_the_api() -> None:
    location = Location(latitude=1.5, source_name="gps")
    packed = rt.AnyMessage.of(location)
    assert packed == rt.AnyMessage(
        "type.googleapis.com/acme.fleet.v1.Location",
        {"latitude": 1.5, "source_name": "gps"},
    )
    assert packed.unpack(Location) == location
    assert roundtrip(Tracker(decoded=packed)).decoded.unpack(Location) == location
    # A message written bare (a TTS wrapper) sits under "value", as in protobuf's JSON.
    flag = BoolValue(value=True)
    assert rt.AnyMessage.of(flag).fields == {"value": True}
    assert rt.AnyMessage.of(flag).unpack(BoolValue) == flag


def test_unpacking_an_any_checks_its_type_and_content() -> None:
    with pytest.raises(rt.DecodeError) as raised:
        rt.AnyMessage.of(Location()).unpack(Keys)
    assert str(raised.value) == (
        "@type: holds acme.fleet.v1.Location, not acme.fleet.v1.Keys"
    )
    bad = rt.AnyMessage("type.googleapis.com/acme.fleet.v1.Location", {"latitude": "x"})
    with pytest.raises(rt.DecodeError, match="^latitude: "):
        bad.unpack(Location)
    # Without mypy: not an AttributeError about `to_json` or `_FULL_NAME`.
    with pytest.raises(
        TypeError, match=r"^AnyMessage.of: expected a message, got dict"
    ):
        rt.AnyMessage.of({"latitude": 1.5})  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^unpack: expected a message class, got str"):
        bad.unpack("Location")  # type: ignore[arg-type]


def test_maps_with_non_string_keys() -> None:
    tracker = Tracker(counters_by_port={1: 2**40}, flags={True: "yes"})
    assert tracker.to_json() == {
        "counters_by_port": {"1": "1099511627776"},
        "flags": {"true": "yes"},
    }
    assert roundtrip(tracker) == tracker
    # Boolean keys as Go's strconv.ParseBool reads them.
    for boolean, texts in (
        (True, ("1", "t", "T", "TRUE", "true", "True")),
        (False, ("0", "f", "F", "FALSE", "false", "False")),
    ):
        for text in texts:
            assert Tracker.from_json({"flags": {text: "x"}}).flags == {boolean: "x"}
    for text in ("yes", "TrUe", " true", ""):
        with pytest.raises(rt.DecodeError, match="expected a boolean map key"):
            Tracker.from_json({"flags": {text: "x"}})


def test_camel_case_keys_unknown_keys_and_nulls() -> None:
    decoded = Tracker.from_json(
        {
            "ids": {"trackerId": "t1", "devEui": "70B3D57ED000ABCD"},
            "clockDrift": 4,
            "new": 1,
            "name": None,
        }
    )
    assert decoded.ids == TrackerIdentifiers(tracker_id="t1", dev_eui=EUI)
    assert (decoded.clock_drift, decoded.name) == (4, "")
    # An explicit json_name is accepted; the output key is the proto name.
    location = Location.from_json({"origin": "gps", "latitude": 1})
    assert location == Location(source_name="gps", latitude=1.0)
    assert location.to_json() == {"latitude": 1.0, "source_name": "gps"}
    # A field under both its names: the later key wins, null included, as in TTS.
    at, moment = "2024-01-02T03:04:05Z", dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.UTC)
    assert Location.from_json({"fixedAt": None, "fixed_at": at}).fixed_at == moment
    assert Location.from_json({"fixed_at": at, "fixedAt": None}).fixed_at is None
    assert Location.from_json({"source_name": "a", "origin": "b"}).source_name == "b"
    # Wrong values under both kinds of key: the error is the first field's in
    # declaration order, whatever name its key has.
    with pytest.raises(rt.DecodeError, match="^created_at: expected a timestamp"):
        Tracker.from_json({"name": 2, "createdAt": 1})
    with pytest.raises(rt.DecodeError, match="^ids.tracker_id: expected a string"):
        Tracker.from_json({"ids": {"dev_eui": "x", "trackerId": 1}, "name": 2})


def test_json_text_read_through_shadows_gives_what_from_json_gives() -> None:
    """With msgspec, text goes through msgspec's typed decoder into a shadow Struct per
    message; what that path does not take, from_json reads: either way, same result."""
    plain = json.dumps(
        {
            "ids": {"tracker_id": "t1", "dev_eui": "70B3D57ED000ABCD"},
            "name": "n",
            "uplinks": "5",
            "bands": ["BAND_EU868", 2],
            "locations": {"home": {"latitude": 1.5}},
            "firmware_url": "u",
            "flags": {"true": "yes"},
            "class": True,
        }
    )
    refused = [
        '{"ids": {"trackerId": "t1"}}',  # a lowerCamel key
        '{"name": null}',
        '{"future": 1}',  # a key of no field
        '{"name": 5}',  # the wrong type: from_json's error
        '{"uplinks": "x"}',  # refused by a conversion: from_json's error
        '{"ids": {"dev_eui": "nothex"}}',
        '{"firmware_url": "u", "firmware_ftp": "f"}',  # two members of a oneof
        "[]",
    ]

    def outcome(read: Any, text: str) -> str:
        try:
            return repr(read(text))
        except rt.DecodeError as error:
            return f"DecodeError: {error}"

    for text in [plain, *refused]:
        assert outcome(Tracker.from_json_string, text) == outcome(
            lambda t: Tracker.from_json(json.loads(t)), text
        )
    typed = rt._read_typed(Tracker, plain)
    assert repr(typed) == (
        "None" if rt._c_decode is None else outcome(Tracker.from_json_string, plain)
    )
    assert [rt._read_typed(Tracker, text) for text in refused] == [None] * len(refused)


@pytest.mark.parametrize(
    "name", ["last_rj_count_0", "f_nwk_s_int_key", "a__b", "x_", "_x", "ids", "class"]
)
def test_the_runtime_derives_json_names_as_protoc_does(name: str) -> None:
    assert rt.lower_camel(name) == naming.lower_camel(name)


def test_wrong_types_raise_with_the_json_path_and_nothing_partial() -> None:
    cases: list[tuple[Any, str]] = [
        ({"ids": "t1"}, "ids: expected an object, got a string"),
        (
            {"locations": {"home": {"latitude": "north"}}},
            'locations["home"].latitude: expected a number',
        ),
        ({"bands": ["BAND_EU868", 1.5]}, "bands[1]: expected a Band name or number"),
        # Equal to the number 1 as a dict key, but not a number of an enum.
        ({"bands": [True]}, "bands[0]: expected a Band name or number"),
        (
            {"settings": {"static": {"channels": [1, "x"]}}},
            "settings.static.channels[1]: expected an integer",
        ),
        ({"name": 5}, "name: expected a string, got a number 5"),
        (
            {"last_fault": {"cause": {"cause": {"code": -1}}}},
            "last_fault.cause.cause.code: -1 is out of range",
        ),
        ([], "<root>: expected an object, got an array"),
    ]
    for data, message in cases:
        with pytest.raises(rt.DecodeError) as raised:
            Tracker.from_json(data)
        assert message in str(raised.value)


def test_self_referencing_messages_nest() -> None:
    fault = Fault(message="a", cause=Fault(message="b", cause=Fault(code=3)))
    assert fault.to_json() == {
        "message": "a",
        "cause": {"message": "b", "cause": {"code": 3}},
    }
    assert roundtrip(fault) == fault


def test_deprecated_fields_warn_when_the_caller_sets_them() -> None:
    label = r"acme\.fleet\.v1\.Tracker\.label is deprecated"
    firmware_ftp = r"acme\.fleet\.v1\.Tracker\.firmware_ftp is deprecated"
    with pytest.warns(DeprecationWarning, match=label):
        Tracker(label="old")
    with pytest.warns(DeprecationWarning, match=firmware_ftp):
        Tracker(firmware_ftp="ftp://old")
    tracker = Tracker()
    with pytest.warns(DeprecationWarning, match=label) as caught:
        tracker.label = "old"
    assert caught[0].filename == __file__  # the warning points at the caller's line
    with pytest.warns(DeprecationWarning, match=firmware_ftp):
        tracker.firmware_ftp = "ftp://old"
    assert tracker.label == "old" and tracker.firmware_ftp == "ftp://old"
    assert tracker.to_json() == {"label": "old", "firmware_ftp": "ftp://old"}


def test_deprecated_fields_are_silent_when_unset_or_decoded() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        tracker = Tracker.from_json({"label": "old", "firmwareFtp": "ftp://old"})
        assert tracker.label == "old" and tracker.firmware_ftp == "ftp://old"
        assert roundtrip(tracker) == tracker
        tracker.label = ""  # the zero value: the field is unset
        tracker.firmware_ftp = None
        assert Tracker(label="", firmware_ftp=None) == tracker == Tracker()


def test_messages_init_is_written_from_the_fields_the_body_declares() -> None:
    signature = inspect.signature(Tracker)
    assert list(signature.parameters)[:5] == [
        "ids", "created_at", "updated_at", "name", "label"
    ]  # fmt: skip
    assert {p.kind for p in signature.parameters.values()} == {
        inspect.Parameter.KEYWORD_ONLY
    }
    assert signature.parameters["uplinks"].annotation == "_rt.UInt64"
    assert signature.parameters["uplinks"].default == 0
    with pytest.raises(TypeError, match=r"Tracker\.__init__\(\) got an unexpected"):
        Tracker(uplink=1)  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="positional"):
        Location(1.0)  # type: ignore[call-arg]
    # Containers are fresh per message; they and enums take None for their default.
    first, second = Tracker(), Tracker(scores=None, band=None)  # type: ignore[arg-type]
    first.scores.append(1.0)
    first.attributes["a"] = "b"
    assert (second.scores, second.attributes, second.band) == ([], {}, Band(0))
    with pytest.warns(DeprecationWarning) as caught:
        Tracker(label="old")
    assert caught[0].filename == __file__  # from the written __init__ too


def test_a_written_inits_globals_are_not_hidden_by_its_parameters() -> None:
    """The enum zero `__init__` reads is a global named after it: a field of that name,
    a parameter, must not hide it."""

    class Clash(rt.Message):
        _FIELDS = rt.field_table("band:enum _Band_ZERO:string")
        _FULL_NAME = "x.Clash"
        band: Band = Band(0)
        _Band_ZERO: str = ""

    clash = Clash(_Band_ZERO="z")
    assert (clash.band, clash._Band_ZERO) == (Band(0), "z")


def test_oneof_members_are_properties_over_their_oneofs_slot() -> None:
    tracker = Tracker(firmware_url="https://x")
    tracker.firmware_image = None  # not the member that is set: nothing changes
    assert (tracker.firmware_url, tracker.which_firmware()) == (
        "https://x",
        "firmware_url",
    )
    tracker.firmware_image = b"\x01"
    assert (tracker.firmware_url, tracker.firmware_image) == (None, b"\x01")
    tracker.firmware_image = None
    assert tracker.which_firmware() is None and tracker == Tracker()


def test_decoders_encoders_and_inits_are_written_at_first_use() -> None:
    """Importing writes none of them (that would cost more than the import); each is
    written once, the first time it is used, and then is a plain member."""
    script = """
from generated.fleet import tracker
members = ("__init__", "_decode", "_to_json")
before = [type(tracker.Tracker.__dict__[m]).__name__ for m in members]
tracker.Tracker.from_json({"settings": {}}).to_json()
after = [type(tracker.Tracker.__dict__[m]).__name__ for m in members]
settings = type(tracker.TrackerSettings.__dict__["_decode"]).__name__
keys = type(tracker.Keys.__dict__["_decode"]).__name__
print(before, after, settings, keys)
"""
    completed = subprocess.run(
        [sys.executable, "-c", script],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    waiting, decoder = "_WrittenAtFirstUse", "staticmethod"
    assert completed.stdout.split() == [
        f"['{waiting}',", f"'{waiting}',", f"'{waiting}']",
        f"['{waiting}',", f"'{decoder}',", "'function']",
        decoder,  # reached by the decoder: written
        waiting,  # not reached
    ]  # fmt: skip


def test_tracebacks_show_the_lines_of_written_code() -> None:
    with pytest.raises(rt.DecodeError) as caught:
        Tracker.from_json({"ids": {"dev_eui": "nothex"}})
    shown = "".join(traceback.format_exception(caught.value))
    assert 'File "<generated.fleet.tracker.Tracker._decode>"' in shown
    assert "raise error.under(key) from None" in shown


def test_proto_names_and_docstrings_the_output_leaves_out_are_made() -> None:
    """A top-level message's proto name is its module's package and its class name; a
    message without a comment is documented by its proto name."""
    assert CreateTrackerRequest._FULL_NAME == "acme.fleet.v1.CreateTrackerRequest"
    assert CreateTrackerRequest.__doc__ == (
        "The message acme.fleet.v1.CreateTrackerRequest."
    )
    nested = TrackerSettings_DynamicMode._FULL_NAME
    assert nested == "acme.fleet.v1.TrackerSettings.DynamicMode"  # written out
    assert Tracker.__doc__ is not None and Tracker.__doc__.startswith("A tracker.")


def test_routes_are_read_from_the_http_rules_own_form() -> None:
    route = http.Route.parse(
        "POST /a/{ids.app.id}/b/{kind.x=x}:run body=thing masks=m,n.m response=out"
    )
    assert (route.method, route.path) == ("POST", "/a/{}/b/{}:run")
    assert (route.values, route.fields) == (
        ("ids.app.id", "kind.x"),
        ("ids.app.id", "x"),
    )
    assert (route.body, route.field_masks, route.response_field) == (
        "thing",
        frozenset({"m", "n.m"}),
        "out",
    )
    bare = http.Route.parse("GET /things")
    assert (bare.values, bare.body, bare.field_masks) == ((), "", frozenset())


def test_keywords_and_reprs() -> None:
    tracker = Tracker(class_=True, locations={"home": Location(latitude=1.0)})
    assert tracker.to_json() == {
        "locations": {"home": {"latitude": 1.0}},
        "class": True,
    }
    assert (
        repr(tracker)
        == "Tracker(locations={'home': Location(latitude=1.0)}, class_=True)"
    )
    assert tracker != Tracker() and tracker == roundtrip(tracker)


def test_reprs_show_what_is_set_and_evaluate_back() -> None:
    tracker = Tracker(
        firmware_url="https://fw",  # a oneof, shown by its member
        ids=TrackerIdentifiers(dev_eui=bytes.fromhex("70b3d57ed000abcd")),
        last_payload=b"\x00\xff",
        battery_percent=0,  # set, to zero: a field with presence shows it
        band=Band.BAND_US915,
        # Values a newer server sends: a number and a name this client does not know.
        bands=[Band(7), Band._unknown_name("BAND_FUTURE")],
        temperature=0,  # the zero of a field without presence: unset, not shown
    )
    text = repr(tracker)
    assert "firmware_url='https://fw'" in text and "firmware=" not in text
    assert "dev_eui=bytes.fromhex('70B3D57ED000ABCD')" in text
    assert "last_payload=bytes.fromhex('00FF')" in text
    assert "battery_percent=0" in text and "temperature" not in text
    assert "band=Band.BAND_US915" in text
    assert "bands=[Band(7), Band._unknown_name('BAND_FUTURE')]" in text
    assert eval(text, vars(tracker_module)) == tracker


def test_json_strings() -> None:
    tracker = Tracker.from_json_string(b'{"name": "x", "band": "US915"}')
    assert tracker.to_json_string() == '{"name":"x","band":"BAND_US915"}'
    with pytest.raises(rt.DecodeError, match="not JSON"):
        Tracker.from_json_string("{")


def test_path_constants_are_made_from_their_annotations() -> None:
    paths = Tracker.PATHS
    assert paths.class_ == "class"  # a keyword's segment
    assert paths.ids.tracker_id == "ids.tracker_id"  # a class from another module
    assert paths.settings.mode.dynamic.limits.max == "settings.mode.dynamic.limits.max"
    assert paths.firmware.firmware_url == "firmware.firmware_url"  # a oneof
    assert isinstance(paths.ids, rt.FieldPath) and paths.ids == "ids"
    assert {"class_", "ids", "settings"} <= set(dir(paths))
    with pytest.raises(AttributeError, match="TrackerPaths has no path 'nmae'"):
        paths.nmae  # type: ignore[attr-defined]  # noqa: B018
    assert paths.name.upper() == "NAME"  # still a str


def test_path_lists_are_made_from_the_path_classes_once() -> None:
    nested = Tracker.FIELD_PATHS
    assert "settings.mode.dynamic.limits.max" in nested and "class" in nested
    assert list(nested) == sorted(nested)
    assert Tracker.TOP_LEVEL_FIELD_PATHS == tuple(p for p in nested if "." not in p)
    # Kept on the class after the first read; the base class still has none.
    assert Tracker.__dict__["FIELD_PATHS"] is nested is Tracker.FIELD_PATHS
    assert rt.Message.FIELD_PATHS == ()  # and other classes' lists are still made:
    assert Location.FIELD_PATHS[:2] == ("accuracy", "altitude")
