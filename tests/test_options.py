"""Custom options are read the same whether or not protobuf already knows their extensions."""

from __future__ import annotations

import subprocess
import sys

from .conftest import REPO

# Imports _pb2 modules that register google.api.http and thethings.json.* globally, as an
# application (or the differential test) may have done, then reads the example API.
PROGRAM = """
import importlib, sys, tempfile
from pathlib import Path
from grpc_tools import protoc
from generator.build import build_checkout
from generator.checkout import bundled_proto_root, open_checkout

out = tempfile.mkdtemp()
third_party = Path("protos/api/third_party")
names = ["google/api/http.proto", "google/api/annotations.proto", "thethings/json/annotations.proto"]
assert protoc.main(["protoc", f"-I{third_party}", f"-I{bundled_proto_root()}", f"--python_out={out}", *names]) == 0
sys.path.insert(0, out)
importlib.import_module("google.api.annotations_pb2")
importlib.import_module("thethings.json.annotations_pb2")
api = build_checkout(open_checkout(Path("protos")))
ids = next(m for m in api.messages if m.name == "TrackerIdentifiers")
registry = next(s for s in api.services if s.name == "TrackerRegistry")
print([f.json_codec.hex_length for f in ids.fields if f.json_codec], [len(r.http) for r in registry.rpcs])
"""


def test_options_are_read_when_their_extensions_are_registered_globally() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROGRAM],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout == "[8, 8, 4] [1, 1, 2, 2, 1, 1, 1, 0]\n"
