"""The JSON of the two TTS documentation pages in ../shared/seeds decodes and re-encodes."""

from __future__ import annotations

import json
import re
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from .conftest import tts_dataset_path

SEEDS = tts_dataset_path().parent.parent / "seeds"


@pytest.fixture(scope="module")
def seeds(tts_dataset: Path) -> dict[str, str]:
    return {p.name: p.read_text() for p in sorted(SEEDS.glob("*.md"))}


def lenient_json(text: str) -> Any:
    """The pages' JSON, less the trailing commas one example has."""
    return json.loads(re.sub(r",(\s*[}\]])", r"\1", text))


def request_bodies(text: str) -> list[Any]:
    """The JSON after each curl `--data-raw '`."""
    return [
        lenient_json(body) for body in re.findall(r"--data-raw '(.*?)'", text, re.S)
    ]


def response_bodies(text: str) -> list[Any]:
    """The JSON after each "Show JSON API response" (one token a line; trailing commas)."""
    bodies = []
    for chunk in text.split("Show JSON API response\n")[1:]:
        lines, depth = [], 0
        for line in chunk.splitlines():
            lines.append(line)
            depth += line.count("{") - line.count("}")
            if depth == 0:
                break
        bodies.append(lenient_json("".join(lines)))
    return bodies


def roundtrip(cls: Any, data: Any) -> Any:
    return json.loads(json.dumps(cls.from_json(data).to_json()))


def test_get_responses_decode_and_reencode_unchanged(
    seeds: dict[str, str], modules: dict[str, ModuleType]
) -> None:
    end_device = modules["end_device"].EndDevice
    responses = response_bodies(seeds["field-masks.md"])
    assert len(responses) == 4
    for response in responses:
        assert roundtrip(end_device, response) == response
    device = end_device.from_json(responses[0])
    assert device.ids.dev_eui == bytes.fromhex("46CF72F61862CBB0")  # hex EUIs
    assert device.created_at.isoformat() == "2020-07-31T12:17:51.645000+00:00"
    user = device.locations["user"]
    assert (user.latitude, user.source.name) == (52.51622086393074, "SOURCE_REGISTRY")


def test_event_stream_request(
    seeds: dict[str, str], modules: dict[str, ModuleType]
) -> None:
    stream_request = modules["events"].StreamEventsRequest
    body = request_bodies(seeds["using-the-api.md"])[0]
    assert roundtrip(stream_request, body) == body


def test_registration_requests_are_normalised_the_documented_way(
    seeds: dict[str, str], modules: dict[str, ModuleType]
) -> None:
    services = modules["end_device"]
    runtime = modules["_runtime"]
    create, js, ns, as_ = request_bodies(seeds["using-the-api.md"])[1:]
    # CreateEndDeviceRequest has no field_mask field: like the server, the client drops it.
    create_request = modules["end_device"].CreateEndDeviceRequest
    assert roundtrip(create_request, create) == {"end_device": create["end_device"]}
    set_request = services.SetEndDeviceRequest
    assert roundtrip(set_request, as_) == as_
    # The seed's app key is a placeholder, not 16 bytes of hex: the error names its path.
    with pytest.raises(runtime.DecodeError) as raised:
        set_request.from_json(js)
    assert raised.value.path == "end_device.root_keys.app_key.key"
    js["end_device"]["root_keys"]["app_key"]["key"] = "0123456789ABCDEF0123456789ABCDEF"
    expected = json.loads(json.dumps(js))
    for zero in (
        "network_server_kek_label",
        "application_server_kek_label",
        "application_server_id",
        "net_id",
    ):
        del expected["end_device"][zero]  # "" and null are zero: TTS omits them too
    assert roundtrip(set_request, js) == expected
    # Aliases are accepted and TTS's canonical names come back; false is omitted.
    expected = json.loads(json.dumps(ns))
    expected["end_device"]["lorawan_version"] = "MAC_V1_0_2"
    expected["end_device"]["lorawan_phy_version"] = "PHY_V1_0_2_REV_B"
    del expected["end_device"]["supports_class_c"]
    assert roundtrip(set_request, ns) == expected


def test_update_requests(seeds: dict[str, str], modules: dict[str, ModuleType]) -> None:
    update = modules["end_device"].UpdateEndDeviceRequest
    name_only, name_and_description, _events = request_bodies(seeds["field-masks.md"])
    for body in (name_only, name_and_description):
        assert roundtrip(update, body) == body
    assert update.from_json(name_only).field_mask == ["name"]
