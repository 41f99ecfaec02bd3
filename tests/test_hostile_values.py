"""The codec never fails with anything but its own errors.

- Decoding: the JSON of a valid message with one value replaced by something hostile
  (malformed numbers, durations, timestamps and base64, thousands of digits, the wrong
  container) decodes, or raises DecodeError (test_codec.py checks the paths it names).
- Encoding: a valid message with one field, at any depth, set to a value of any type (what
  mypy would refuse) encodes, or raises EncodeError.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import warnings
from collections.abc import Callable
from types import ModuleType
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from .conftest import messages_in
from .strategies import JSON_VALUES, MessageStrategies
from .test_roundtrip_properties import (
    EXAMPLE_MESSAGES,
    every_tts_message,
    property_settings,
)

HOSTILE_TEXT = st.sampled_from(
    [
        *("--5", "+", "-", "", " 5", "1_0", "\u0663", "5.0", "1e400", "0x10"),
        *("9" * 25, "1" * 5000, "-" + "1" * 5000),
        *("1" * 5000 + "s", "1" * 16 + "s", "1.s", ".5s", "5", "1m-1s", "NaNs"),
        *("NaN", "Infinity", "-Infinity", "1" * 400),
        *("2024-13-45T99:99:99Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:60Z"),
        *("2024-01-01T00:00:00+25:00", "2024-01-01T00:00:00.1234567891Z"),
        *("=", "AA===", "A", "-_", "\x00", "\udcff", "\u00ff" * 9),
        *("26000000/7", "26000000/99", "2600000/7", "zz000000/7"),
        *("a,,b", "@type", "type.googleapis.com/", "type.googleapis.com/x.Y"),
    ]
)
HOSTILE = (
    HOSTILE_TEXT
    | JSON_VALUES
    | st.integers()
    | st.sampled_from([10**400, -(10**4000)])  # past a float; past 64 bits
    | st.floats()
    | st.builds(lambda text: {"value": text}, HOSTILE_TEXT)
    | st.builds(lambda text: {"paths": [text]}, HOSTILE_TEXT)
    | st.builds(lambda text: {"@type": text}, HOSTILE_TEXT)
)


def positions(value: Any, at: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a JSON tree that holds a value: dict keys and list indices."""
    found = [at]
    if isinstance(value, dict):
        for key, item in value.items():
            found += positions(item, (*at, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += positions(item, (*at, index))
    return found


def replaced(tree: Any, at: tuple[Any, ...], value: Any) -> Any:
    if not at:
        return value
    copy = tree.copy()
    copy[at[0]] = replaced(tree[at[0]], at[1:], value)
    return copy


def assert_decodes_or_names_the_error(
    message: Any, data: st.DataObject, decode_error: type[Exception]
) -> None:
    tree = json.loads(json.dumps(message.to_json()))
    at = data.draw(st.sampled_from(positions(tree)))
    hostile = replaced(tree, at, data.draw(HOSTILE))

    def outcome(decode: Callable[[], Any]) -> str:
        try:
            return repr(decode())
        except decode_error as error:
            return f"{type(error).__name__}: {error}"

    cls = type(message)
    decoded = outcome(lambda: cls.from_json(hostile))
    # As text, it may go through msgspec's typed decoder (see _runtime._shadow) first.
    text = json.dumps(hostile)
    assert outcome(lambda: cls.from_json_string(text)) == decoded


def test_tts_messages_decode_hostile_values_or_raise_decode_error(
    tts_strategies: MessageStrategies, modules: dict[str, ModuleType]
) -> None:
    decode_error = modules["_runtime"].DecodeError

    @property_settings(2_000)
    @given(every_tts_message(tts_strategies), st.data())
    def holds(message: Any, data: st.DataObject) -> None:
        assert_decodes_or_names_the_error(message, data, decode_error)

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        holds()


class NoOffset(dt.tzinfo):
    """A time zone with no offset: the datetimes it makes are naive."""

    def utcoffset(self, moment: dt.datetime | None) -> None:
        return None

    def dst(self, moment: dt.datetime | None) -> None:
        return None

    def tzname(self, moment: dt.datetime | None) -> str:
        return "nowhere"


EAST, WEST = dt.timezone(dt.timedelta(hours=1)), dt.timezone(dt.timedelta(hours=-1))
NO_OFFSET = NoOffset()

HOSTILE_PYTHON = st.sampled_from(
    [
        *(None, 0, -1, 2**70, -(2**70), 10**400, -(10**5000), 1.5, math.nan, True),
        1j,
        *("x", "", "--5", b"x", b"", bytearray(b"ab"), memoryview(b"abcd")),
        *([], [None], [1, "x"], {}, {"a": None}, {1: 2}, {None: 1}, (1, 2), {1}),
        *(object(), dt.datetime(2024, 1, 1), dt.datetime.max.replace(tzinfo=dt.UTC)),
        *(dt.timedelta.max, dt.timedelta.min, dt.date(2024, 1, 1), dt.UTC),
        *(dt.datetime.min.replace(tzinfo=EAST), dt.datetime.max.replace(tzinfo=WEST)),
        dt.datetime(2024, 1, 1, tzinfo=NO_OFFSET),
    ]
)


def assert_encodes_or_names_the_error(
    message: Any, data: st.DataObject, encode_error: type[Exception]
) -> None:
    target = data.draw(st.sampled_from([found for _, found in messages_in(message)]))
    fields = sorted(target._PATH_ATTRIBUTES.values())
    if fields:
        setattr(target, data.draw(st.sampled_from(fields)), data.draw(HOSTILE_PYTHON))
    try:
        message.to_json_string()
    except encode_error:
        pass


@property_settings(3_000)
@given(EXAMPLE_MESSAGES, st.data())
def test_example_api_messages_take_hostile_values_or_raise_codec_errors(
    message: Any, data: st.DataObject
) -> None:
    from generated.fleet._runtime import DecodeError, EncodeError

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        assert_decodes_or_names_the_error(message, data, DecodeError)
        assert_encodes_or_names_the_error(message, data, EncodeError)
