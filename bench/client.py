"""The REST client against a local server: requests per second of the sync client next to
raw httpx (a hand-built request and json parsing), and events per second from a stream.

The server runs in its own process (an asyncio loop answering keep-alive requests with a
canned reply), so it does not share the GIL with the clients being measured.
"""

from __future__ import annotations

import json
import subprocess
import sys

from .harness import REPO, Context, bytecode_env

# The reply to a Get with field_mask=name,description,locations.
DEVICE = {
    "ids": {
        "device_id": "dev1",
        "application_ids": {"application_id": "app1"},
        "dev_eui": "70B3D57ED000ABCD",
        "join_eui": "0000000000000001",
    },
    "created_at": "2026-01-02T03:04:05.678Z",
    "updated_at": "2026-11-22T10:00:00.123Z",
    "name": "pump-station-4",
    "description": "Pressure sensor at the north pump",
    "locations": {
        "user": {
            "latitude": 52.37,
            "longitude": 4.89,
            "altitude": 2,
            "source": "SOURCE_REGISTRY",
        }
    },
}

SERVER = r"""
import asyncio, json, sys

device = json.loads(sys.argv[1])
body = json.dumps(device).encode()
reply = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body)
event = {"name": "as.up.data.forward", "time": "2026-11-22T10:00:00.123Z",
         "identifiers": [{"device_ids": {"device_id": "dev1", "application_ids": {"application_id": "app1"}}}],
         "correlation_ids": ["as:up:01J0000000000000000000000"], "unique_id": "01J0000000000000000000000"}
chunk = json.dumps({"result": event}).encode() + b"\n"
events = int(sys.argv[2])
stream_body = chunk * events
stream_head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n" % len(stream_body)

class Server(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport, self.buffer = transport, b""
    def data_received(self, data):
        self.buffer += data
        while b"\r\n\r\n" in self.buffer:
            head, _, rest = self.buffer.partition(b"\r\n\r\n")
            length = 0
            for line in head.split(b"\r\n"):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            if len(rest) < length:
                return
            self.buffer = rest[length:]
            if head.startswith(b"POST /api/v3/events"):
                self.transport.write(stream_head)
                self.transport.write(stream_body)
            else:
                self.transport.write(reply)

async def main():
    server = await asyncio.get_running_loop().create_server(Server, "127.0.0.1", 0)
    print(server.sockets[0].getsockname()[1], flush=True)
    await server.serve_forever()

asyncio.run(main())
"""

MEASURE = r"""
import json, sys, time
import httpx
sys.path.insert(0, ".")
from bench.harness import best_seconds_per_call
from ttn_lw.clients import Client
from ttn_lw.end_device import EndDevice

url, events = sys.argv[1], int(sys.argv[2])
key = "NNSXS.BENCHMARK"
target = url + "/api/v3/applications/app1/devices/dev1?field_mask=name,description,locations"
raw = httpx.Client()
client = Client(url, api_key=key)
paths = EndDevice.PATHS
mask = [paths.name, paths.description, paths.locations]

def raw_httpx():
    return raw.get(target, headers={"Authorization": f"Bearer {key}"}).json()

def generated():
    return client.end_device_registry.get(application_id="app1", device_id="dev1", field_mask=mask)

assert generated().name == raw_httpx()["name"]
times = best_seconds_per_call({"raw": raw_httpx, "client": generated})
stream_best = float("inf")
for _ in range(5):
    start = time.perf_counter()
    received = sum(1 for _ in client.events.stream())
    stream_best = min(stream_best, time.perf_counter() - start)
assert received == events
print(json.dumps({"raw": times["raw"], "client": times["client"], "stream": stream_best}))
"""

EVENTS = 20_000


def measure(context: Context) -> dict[str, float]:
    server = subprocess.Popen(
        [sys.executable, "-c", SERVER, json.dumps(DEVICE), str(EVENTS)],
        stdout=subprocess.PIPE,
        text=True,
        env=bytecode_env(),
    )
    try:
        assert server.stdout is not None
        port = server.stdout.readline().strip()
        result = subprocess.run(
            [sys.executable, "-c", MEASURE, f"http://127.0.0.1:{port}", str(EVENTS)],
            cwd=context.client,
            env={**bytecode_env(), "PYTHONPATH": str(REPO)},
            capture_output=True,
            text=True,
            check=True,
        )
    finally:
        server.terminate()
        server.wait()
    values: dict[str, float] = json.loads(result.stdout)
    return values


SESSIONS = 3  # this 2-core machine's noise hits the server and the caller unevenly


def run(context: Context) -> str:
    sessions = [measure(context) for _ in range(SESSIONS)]
    times = {key: min(s[key] for s in sessions) for key in sessions[0]}
    raw_rps, client_rps = 1 / times["raw"], 1 / times["client"]
    ratio = client_rps / raw_rps
    events_per_second = EVENTS / times["stream"]
    return "\n".join(
        [
            "## REST client: EndDevice Get and an event stream",
            "",
            "A local server in its own process (canned replies, keep-alive); the seed's GET with",
            f"its field mask, timed in turns over 15 rounds, in {SESSIONS} sessions with a fresh",
            "server and caller each (best of each).",
            "",
            "| client | requests/s | ratio |",
            "|---|---|---|",
            f"| raw httpx: hand-built URL, `response.json()` (peer) | {raw_rps:,.0f} | 1.00x |",
            f"| generated sync client: typed call, validated mask, typed EndDevice | {client_rps:,.0f} | {ratio:.2f}x |",
            "",
            f"Target >= 0.8x raw httpx: **{'meets' if ratio >= 0.8 else 'misses'}**.",
            "",
            f'Events: {EVENTS:,} small events (`{{"result": ...}}` lines, ~330 bytes each) from',
            f"`client.events.stream()`, typed: **{events_per_second:,.0f} events/s** "
            f"(best of {5 * SESSIONS});",
            f"target >= 50,000/s: **{'meets' if events_per_second >= 50_000 else 'misses'}**.",
        ]
    )
