"""The README's client snippets (the seeds' four cases as Python) run against a fake TTS."""

from __future__ import annotations

import json
import re
from types import ModuleType

import pytest

from .conftest import REPO
from .fake_tts import FakeTTS, Reply, stream_chunks

DEVICES = "/api/v3/applications/app1/devices"


def client_snippets() -> list[str]:
    """The Python blocks of the README's "REST clients" section, in order."""
    text = (REPO / "README.md").read_text()
    section = text.split("\n## REST clients\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```python\n(.*?)```", section, re.S)


def test_readme_client_snippets_run_and_send_the_seed_requests(
    modules: dict[str, ModuleType], capsys: pytest.CaptureFixture[str]
) -> None:
    snippets = client_snippets()
    assert len(snippets) == 4
    device = {"ids": {"device_id": "dev1", "dev_eui": "46CF72F61862CBB0"},
              "name": "device-name", "locations": {"user": {"latitude": 52.5}}}  # fmt: skip
    start = {"result": {"name": "events.stream.start"}}
    listed = {"end_devices": [{"ids": {"device_id": "listed-1"}}]}
    with FakeTTS() as tts:
        tts.reply("GET", f"{DEVICES}/dev1", Reply(body=device))
        tts.reply("PUT", f"{DEVICES}/dev1", Reply(body=device))
        tts.reply("POST", "/api/v3/events", Reply(chunks=list(stream_chunks([start]))))
        tts.reply("POST", DEVICES, Reply(body={}))
        for component in ("js", "ns", "as"):
            tts.reply(
                "PUT", f"/api/v3/{component}{DEVICES[7:]}/newdev1", Reply(body={})
            )
        tts.reply("GET", DEVICES, Reply(body=listed), Reply(body={}))
        namespace: dict[str, object] = {}
        for number, snippet in enumerate(snippets):
            code = snippet.replace("https://thethings.example.com", tts.url)
            exec(
                compile(code, f"README.md client snippet {number + 1}", "exec"),
                namespace,
            )
    assert [r.line for r in tts.requests] == [
        f"GET {DEVICES}/dev1?field_mask=name,description,locations",
        f"PUT {DEVICES}/dev1",
        "POST /api/v3/events",
        f"POST {DEVICES}",
        "PUT /api/v3/js/applications/app1/devices/newdev1",
        "PUT /api/v3/ns/applications/app1/devices/newdev1",
        "PUT /api/v3/as/applications/app1/devices/newdev1",
        f"GET {DEVICES}?limit=100&page=1",
        f"GET {DEVICES}?limit=100&page=2",
    ]
    assert json.loads(tts.requests[1].body)["field_mask"] == {"paths": ["name"]}
    assert json.loads(tts.requests[5].body)["end_device"]["lorawan_version"] == (
        "MAC_V1_0_2"
    )
    printed = capsys.readouterr().out.splitlines()
    assert printed[0] == "device-name 46cf72f61862cbb0 52.5"
    assert printed[1].startswith("events.stream.start")
    assert printed[2] == "listed-1"
