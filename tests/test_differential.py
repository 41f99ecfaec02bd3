"""Differential test: our TTS JSON against protobuf's `json_format` on the same protos.

Messages built by Hypothesis are encoded by the generated client; that JSON, with TTS's
documented deviations undone (tts-api-conventions.md §3: hex bytes, enum custom values, bare
TTS wrappers, the `{"paths": [...]}` field mask), must parse into grpcio-tools' `_pb2` class,
and protobuf's own JSON of it, with the deviations applied again, must equal ours.
"""

from __future__ import annotations

import importlib
import json
import math
import sys
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest
from google.protobuf import json_format
from grpc_tools import protoc
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.build import build_checkout
from generator.checkout import bundled_proto_root, open_checkout
from generator.passes.module_plan import plan_package

from .canonical_json import Deviations
from .conftest import REPO
from .strategies import MessageStrategies

API = REPO / "protos" / "api"
PLAN = plan_package(build_checkout(open_checkout(REPO / "protos")), "fleet")
MESSAGES = {m.class_name: m for module in PLAN.modules for m in module.messages}
ENUMS = {e.class_name: e for module in PLAN.modules for e in module.enums}


@pytest.fixture(scope="module")
def pb2(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, ModuleType]]:
    out = tmp_path_factory.mktemp("pb2")
    protos = [p.relative_to(API).as_posix() for p in API.rglob("*.proto")]
    third_party = [
        p.relative_to(API / "third_party").as_posix()
        for p in (API / "third_party").rglob("*.proto")
    ]
    names = [p for p in protos if not p.startswith("third_party/")] + third_party
    args = [
        "protoc",
        f"-I{API}",
        f"-I{API / 'third_party'}",
        f"-I{bundled_proto_root()}",
        f"--python_out={out}",
        *names,
    ]
    assert protoc.main(args) == 0
    sys.path.insert(0, str(out))
    try:
        yield {
            stem: importlib.import_module(f"acme.fleet.v1.{stem}_pb2")
            for stem in ("identifiers", "tracker", "tracker_services")
        }
    finally:
        sys.path.remove(str(out))
        for name in [
            m for m in sys.modules if m.split(".")[0] in ("acme", "thethings")
        ]:
            del sys.modules[name]


def close(ours: Any, theirs: Any) -> bool:
    """Equal, with float32 values compared to float32 precision."""
    if isinstance(ours, dict) and isinstance(theirs, dict):
        return ours.keys() == theirs.keys() and all(
            close(ours[k], theirs[k]) for k in ours
        )
    if isinstance(ours, list) and isinstance(theirs, list):
        return len(ours) == len(theirs) and all(map(close, ours, theirs))
    if isinstance(ours, float) or isinstance(theirs, float):
        if isinstance(ours, str) or isinstance(theirs, str):
            return ours == theirs  # "Infinity"
        return math.isclose(ours, theirs, rel_tol=1e-6, abs_tol=1e-30)
    return bool(ours == theirs)


def test_our_json_matches_protobufs_with_the_tts_deviations(
    pb2: dict[str, ModuleType],
) -> None:
    from generated.fleet import _runtime, identifiers, tracker, tracker_services

    generated = {
        "_runtime": _runtime,
        "identifiers": identifiers,
        "tracker": tracker,
        "tracker_services": tracker_services,
    }
    strategies = MessageStrategies(PLAN, generated, portable=True)
    deviations = Deviations(PLAN)

    def pb_class(class_name: str) -> Any:
        message = MESSAGES[class_name]
        module = pb2[
            next(m.path for m in PLAN.modules if message in m.messages).removesuffix(
                ".py"
            )
        ]
        node: Any = module
        for part in message.full_name.removeprefix("acme.fleet.v1.").split("."):
            node = getattr(node, part)
        return node

    @settings(
        max_examples=1500,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(
        st.sampled_from(sorted(MESSAGES)).flatmap(lambda n: strategies.message(n, 3))
    )
    def compare(message: Any) -> None:
        plan = MESSAGES[type(message).__name__]
        ours = json.loads(json.dumps(message.to_json()))
        canonical = deviations.undo(plan, ours)
        parsed = json_format.Parse(json.dumps(canonical), pb_class(plan.class_name)())
        theirs = json_format.MessageToDict(parsed, preserving_proto_field_name=True)
        assert close(ours, deviations.apply(plan, theirs)), (ours, theirs)

    compare()
