"""The benchmark's other candidates still match the generated codec, so that a change to
the runtime cannot break them unseen: on the benchmark's EndDevice, B (bench/table_codec.py)
agrees with it and the floor F (bench/floor_codec.py) builds the same objects; on generated
TTS messages too, G (bench/text_encoder.py) writes the same text.
"""

from __future__ import annotations

from types import ModuleType
from typing import Any

from hypothesis import given

from bench.floor_codec import FloorDecoder
from bench.samples import END_DEVICE
from bench.table_codec import TableCodec
from bench.text_encoder import TextEncoder
from generator.pyir import PackagePlan

from .conftest import messages_in
from .strategies import MessageStrategies
from .test_roundtrip_properties import every_tts_message, property_settings


def test_the_table_driven_codec_agrees_with_the_generated_one(
    tts_plan: PackagePlan, modules: dict[str, ModuleType]
) -> None:
    table = TableCodec(tts_plan, modules)
    device = modules["end_device"].EndDevice.from_json(END_DEVICE)
    assert table.decode("EndDevice", END_DEVICE) == device
    assert table.encode(device) == device.to_json() == END_DEVICE


def test_the_floor_builds_every_object_and_slot_the_generated_codec_does(
    tts_plan: PackagePlan, modules: dict[str, ModuleType]
) -> None:
    floor = FloorDecoder(tts_plan, modules).decoder("EndDevice")
    device = modules["end_device"].EndDevice.from_json(END_DEVICE)
    built = [(where, type(m)) for where, m in messages_in(floor(END_DEVICE))]
    assert built == [(where, type(m)) for where, m in messages_in(device)]
    assert len(built) > 30


def test_the_text_encoder_writes_the_text_json_writes_for_to_json_string(
    tts_plan: PackagePlan,
    modules: dict[str, ModuleType],
    tts_strategies: MessageStrategies,
) -> None:
    """json's text, not msgspec's: G sizes a Python text writer against json's."""
    encoder = TextEncoder(tts_plan, modules)

    def json_text(message: Any) -> str:
        text: str = modules["_runtime"]._json_written(message.to_json(), message)
        return text

    device = modules["end_device"].EndDevice.from_json(END_DEVICE)
    assert encoder.encoder("EndDevice")(device) == json_text(device)

    @property_settings(500)
    @given(every_tts_message(tts_strategies))
    def writes_the_same_text(message: Any) -> None:
        text = encoder.encoder(type(message).__name__)(message)
        assert text == json_text(message)

    writes_the_same_text()
