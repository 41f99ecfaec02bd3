"""Differential test: our TTS JSON against protobuf's `json_format` on the same protos.

Messages built by Hypothesis are encoded by the generated client; that JSON, with TTS's
documented deviations undone (tts-api-conventions.md §3: hex bytes, enum custom values, bare
TTS wrappers, the `{"paths": [...]}` field mask), must parse into protobuf's class of the
message, built from grpcio-tools' compilation of the same files, and protobuf's own JSON of it,
with the deviations applied again, must equal ours. For the example API, and for TTS: EndDevice
in depth, and a sweep over every message.
"""

from __future__ import annotations

import json
import math
import warnings
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

from google.protobuf import descriptor_pool, json_format, message_factory
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.build import build_checkout
from generator.checkout import open_checkout
from generator.passes.module_plan import plan_package
from generator.protoc import compile_checkout
from generator.pyir import PackagePlan

from .canonical_json import Deviations
from .conftest import REPO
from .strategies import MessageStrategies

EXAMPLE_ROOT = REPO / "protos"


def protobuf_classes(root: Path) -> Callable[[str], Any]:
    """protobuf's message class of each full name, from the checkout's files compiled by
    grpcio-tools' protoc (what a `_pb2` module builds at import, without writing one).
    """
    pool = descriptor_pool.DescriptorPool()
    for file in compile_checkout(open_checkout(root)).file:  # imports come first
        pool.Add(file)
    return lambda full_name: message_factory.GetMessageClass(
        pool.FindMessageTypeByName(full_name)
    )


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
            return bool(ours == theirs)  # "Infinity"
        return math.isclose(ours, theirs, rel_tol=1e-6, abs_tol=1e-30)
    return bool(ours == theirs)


def compare_with_protobuf(
    root: Path,
    plan: PackagePlan,
    modules: dict[str, ModuleType],
    messages: st.SearchStrategy[str],
    examples: int,
) -> None:
    """For generated messages of the sampled classes: our JSON, deviations undone, parses
    into protobuf's class, and protobuf's JSON of it, deviations applied, equals ours.
    """
    planned = {m.class_name: m for module in plan.modules for m in module.messages}
    strategies = MessageStrategies(plan, modules, portable=True)
    deviations = Deviations(plan)
    protobuf_class = protobuf_classes(root)

    @settings(
        max_examples=examples,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(messages.flatmap(lambda name: strategies.message(name, 3)))
    def compare(message: Any) -> None:
        message_plan = planned[type(message).__name__]
        ours = json.loads(json.dumps(message.to_json()))
        canonical = deviations.undo(message_plan, ours)
        parsed = json_format.Parse(
            json.dumps(canonical), protobuf_class(message_plan.full_name)()
        )
        theirs = json_format.MessageToDict(parsed, preserving_proto_field_name=True)
        assert close(ours, deviations.apply(message_plan, theirs)), (ours, theirs)

    compare()


def test_our_json_matches_protobufs_with_the_tts_deviations() -> None:
    from generated.fleet import _runtime, identifiers, tracker, tracker_services

    plan = plan_package(build_checkout(open_checkout(EXAMPLE_ROOT)), "fleet")
    modules = {
        "_runtime": _runtime,
        "identifiers": identifiers,
        "tracker": tracker,
        "tracker_services": tracker_services,
    }
    names = sorted(m.class_name for module in plan.modules for m in module.messages)
    compare_with_protobuf(EXAMPLE_ROOT, plan, modules, st.sampled_from(names), 1500)


def test_end_device_json_matches_protobufs(
    tts_dataset: Path, tts_plan: PackagePlan, modules: dict[str, ModuleType]
) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        compare_with_protobuf(tts_dataset, tts_plan, modules, st.just("EndDevice"), 500)


def test_every_tts_message_json_matches_protobufs(
    tts_dataset: Path, tts_plan: PackagePlan, modules: dict[str, ModuleType]
) -> None:
    names = sorted(m.class_name for module in tts_plan.modules for m in module.messages)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        compare_with_protobuf(
            tts_dataset, tts_plan, modules, st.sampled_from(names), 2000
        )
