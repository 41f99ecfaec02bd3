"""Decoding never fails with anything but DecodeError: the JSON of a valid message with one
value replaced by something hostile (malformed numbers, durations, timestamps and base64,
thousands of digits, the wrong container) decodes, or raises DecodeError naming a path.
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.build import build_checkout
from generator.checkout import open_checkout
from generator.passes.module_plan import plan_package

from .conftest import PACKAGE
from .strategies import JSON_VALUES, MessageStrategies
from .test_roundtrip_properties import EXAMPLE_MESSAGES, property_settings

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
    try:
        type(message).from_json(hostile)
    except decode_error:
        pass


@property_settings(3_000)
@given(EXAMPLE_MESSAGES, st.data())
def test_example_api_messages_decode_hostile_values_or_raise_decode_error(
    message: Any, data: st.DataObject
) -> None:
    from generated.fleet._runtime import DecodeError

    assert_decodes_or_names_the_error(message, data, DecodeError)


@pytest.fixture(scope="module")
def tts_strategies(
    tts_dataset: Path, modules: dict[str, ModuleType]
) -> MessageStrategies:
    plan = plan_package(build_checkout(open_checkout(tts_dataset)), PACKAGE)
    return MessageStrategies(plan, modules)


def test_tts_messages_decode_hostile_values_or_raise_decode_error(
    tts_strategies: MessageStrategies, modules: dict[str, ModuleType]
) -> None:
    names = st.sampled_from(sorted(tts_strategies.messages))
    messages = names.flatmap(lambda name: tts_strategies.message(name, 3))
    decode_error = modules["_runtime"].DecodeError

    @property_settings(2_000)
    @given(messages, st.data())
    def holds(message: Any, data: st.DataObject) -> None:
        assert_decodes_or_names_the_error(message, data, decode_error)

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        holds()
