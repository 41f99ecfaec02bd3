"""Property-based round trips: decode(encode(m)) == m for over 10,000 generated messages."""

from __future__ import annotations

import json
import sys
import warnings
from collections.abc import Callable
from types import ModuleType
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.build import build_checkout
from generator.checkout import open_checkout
from generator.passes.module_plan import plan_package

from .conftest import REPO
from .strategies import MessageStrategies

EXAMPLE_EXAMPLES = 8_000
END_DEVICE_EXAMPLES = 2_500


def property_settings(examples: int) -> settings:
    return settings(
        max_examples=examples,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )


def example_strategies() -> MessageStrategies:
    from generated.fleet import _runtime, identifiers, tracker, tracker_services

    plan = plan_package(build_checkout(open_checkout(REPO / "protos")), "fleet")
    modules: dict[str, ModuleType] = {
        "_runtime": _runtime,
        "identifiers": identifiers,
        "tracker": tracker,
        "tracker_services": tracker_services,
    }
    return MessageStrategies(plan, modules)


EXAMPLE = example_strategies()
EXAMPLE_MESSAGES = st.sampled_from(sorted(EXAMPLE.messages)).flatmap(
    lambda name: EXAMPLE.message(name, 3)
)


def assert_roundtrip(message: Any) -> None:
    cls = type(message)
    encoded = json.loads(json.dumps(message.to_json()))
    assert cls.from_json(encoded) == message
    # Its text is read through its shadow (see _runtime._shadow), to the same message.
    runtime = sys.modules[cls.__module__]._rt
    if not isinstance(message, runtime.WrapperMessage):  # bare values have none
        assert runtime._read_typed(cls, message.to_json_string()) == message


@property_settings(EXAMPLE_EXAMPLES)
@given(EXAMPLE_MESSAGES)
def test_example_api_messages_roundtrip(message: Any) -> None:
    assert_roundtrip(message)


def assert_for_all(
    messages: st.SearchStrategy[Any],
    examples: int,
    check: Callable[[Any], None] = assert_roundtrip,
) -> None:
    @property_settings(examples)
    @given(messages)
    def holds(message: Any) -> None:
        check(message)

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        holds()


def every_tts_message(tts_strategies: MessageStrategies) -> st.SearchStrategy[Any]:
    names = st.sampled_from(sorted(tts_strategies.messages))
    return names.flatmap(lambda name: tts_strategies.message(name, 3))


def test_end_devices_roundtrip(tts_strategies: MessageStrategies) -> None:
    assert_for_all(tts_strategies.message("EndDevice", 3), END_DEVICE_EXAMPLES)


def test_every_tts_message_roundtrips(tts_strategies: MessageStrategies) -> None:
    """A sweep beside EndDevice: each of TTS's messages a few times."""
    assert_for_all(every_tts_message(tts_strategies), 2_000)


def test_no_value_of_a_valid_message_is_blamed_for_its_type(
    tts_strategies: MessageStrategies, modules: dict[str, ModuleType]
) -> None:
    """The search for a value of the wrong type (run when encoding fails on one) finds
    none in valid messages, unknown enum values and Any of unknown types included."""

    def blames_nothing(wrong_type_error: Callable[[Any], Any]) -> Callable[[Any], None]:
        def check(message: Any) -> None:
            assert wrong_type_error(message) is None, message

        return check

    from generated.fleet import _runtime

    assert_for_all(EXAMPLE_MESSAGES, 400, blames_nothing(_runtime.wrong_type_error))
    assert_for_all(
        every_tts_message(tts_strategies),
        400,
        blames_nothing(modules["_runtime"].wrong_type_error),
    )


def test_at_least_ten_thousand_messages() -> None:
    assert EXAMPLE_EXAMPLES + END_DEVICE_EXAMPLES >= 10_000
