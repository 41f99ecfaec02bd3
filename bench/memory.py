"""Peak memory decoding a list response of 10,000 EndDevices, against json.loads alone."""

from __future__ import annotations

import json

from .harness import Context, run_python
from .samples import END_DEVICE

DEVICES = 10_000
MEASURE = """
import json, sys, tracemalloc
text = open(sys.argv[2], "rb").read()
tracemalloc.start()
if sys.argv[1] == "json":
    result = json.loads(text)
elif sys.argv[1] == "ours":
    from ttn_lw.end_device import EndDevices
    result = EndDevices.from_json(json.loads(text))
else:  # from the text: by msgspec's typed decoder when it is installed
    from ttn_lw.end_device import EndDevices
    result = EndDevices.from_json_string(text)
print(tracemalloc.get_traced_memory()[1])
"""


def run(context: Context) -> str:
    devices = []
    for index in range(DEVICES):
        device = json.loads(json.dumps(END_DEVICE))
        device["ids"]["device_id"] = f"device-{index}"
        devices.append(device)
    path = context.scratch / "devices.json"
    path.write_text(json.dumps({"end_devices": devices}))
    peer = int(run_python(MEASURE, "json", str(path), cwd=context.client))
    ours = int(run_python(MEASURE, "ours", str(path), cwd=context.client))
    from_text = int(run_python(MEASURE, "text", str(path), cwd=context.client))
    ratio = max(ours, from_text) / peer
    return "\n".join(
        [
            "## Memory: a list response of 10,000 EndDevices",
            "",
            f"{path.stat().st_size / 1e6:.1f} MB of JSON; peak traced memory (tracemalloc), fresh interpreters.",
            "",
            "| decode | peak | ratio |",
            "|---|---|---|",
            f"| json.loads (peer) | {peer / 1e6:.0f} MB | 1.00x |",
            f"| json.loads + EndDevices.from_json | {ours / 1e6:.0f} MB | {ours / peer:.2f}x |",
            f"| EndDevices.from_json_string (msgspec's typed decoder) | {from_text / 1e6:.0f} MB | {from_text / peer:.2f}x |",
            "",
            f"Target <= 2x, for the larger: **{'meets' if ratio <= 2 else 'misses'}**.",
        ]
    )
