"""The benchmark's other representation, B (bench/table_codec.py), still agrees with the
generated codec on the benchmark's EndDevice: a change to the runtime cannot break it unseen.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

from bench.samples import END_DEVICE
from bench.table_codec import TableCodec
from generator.build import build_checkout
from generator.checkout import open_checkout
from generator.passes.module_plan import plan_package

from .conftest import PACKAGE


def test_the_table_driven_codec_agrees_with_the_generated_one(
    tts_dataset: Path, modules: dict[str, ModuleType]
) -> None:
    plan = plan_package(build_checkout(open_checkout(tts_dataset)), PACKAGE)
    table = TableCodec(plan, modules)
    device = modules["end_device"].EndDevice.from_json(END_DEVICE)
    assert table.decode("EndDevice", END_DEVICE) == device
    assert table.encode(device) == device.to_json() == END_DEVICE
