"""Both release layouts are detected with no flags and give the same model."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.build import build_checkout
from generator.checkout import Layout, open_checkout
from generator.ir_json import api_to_json

from .tiny_api import write_legacy, write_modern

# File names and line numbers differ between the layouts by design; warnings quote them.
LAYOUT_SPECIFIC = {"file", "files", "location", "warnings"}


def without_layout_specifics(value: Any) -> Any:
    if isinstance(value, dict):
        return {
            k: without_layout_specifics(v)
            for k, v in value.items()
            if k not in LAYOUT_SPECIFIC
        }
    if isinstance(value, list):
        return [without_layout_specifics(v) for v in value]
    return value


def test_modern_layout_is_detected(tmp_path: Path) -> None:
    checkout = open_checkout(write_modern(tmp_path))
    assert checkout.layout is Layout.MODERN
    assert checkout.target_files == (
        "ttn/lorawan/v3/devices.proto",
        "ttn/lorawan/v3/identifiers.proto",
    )


def test_legacy_layout_is_detected_and_reported_by_disk_path(tmp_path: Path) -> None:
    checkout = open_checkout(write_legacy(tmp_path))
    assert checkout.layout is Layout.LEGACY
    assert checkout.target_files == (
        "lorawan-stack/api/devices.proto",
        "lorawan-stack/api/identifiers.proto",
    )
    api = build_checkout(checkout)
    assert {m.location.file for m in api.messages} == {
        "api/devices.proto",
        "api/identifiers.proto",
    }


def test_both_layouts_give_the_same_model(tmp_path: Path) -> None:
    modern = api_to_json(
        build_checkout(open_checkout(write_modern(tmp_path / "modern")))
    )
    legacy = api_to_json(
        build_checkout(open_checkout(write_legacy(tmp_path / "legacy")))
    )
    assert len(modern["messages"]) == 9 and len(modern["services"]) == 1
    assert without_layout_specifics(legacy) == without_layout_specifics(modern)
