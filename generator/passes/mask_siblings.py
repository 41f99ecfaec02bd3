"""Where else a forbidden field-mask path is allowed.

TTS splits an end device across its components: a path that the Identity Server's Get
forbids may be one that the Network Server's Get allows. An RPC's siblings are the other
RPCs whose masks target the same message, are of the same kind (read or Set) and allow a
different, non-empty set of paths. ForbiddenPathsError names the siblings that allow a
forbidden path.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..ir import Api, Rpc, Service
from ..naming import rpc_constant_prefix


def mask_siblings(api: Api, modules: Mapping[str, str]) -> dict[str, tuple[str, ...]]:
    """Full method -> its siblings, in full-method order, each as `module.CONSTANT`: the
    module dotted and relative to the package (`modules` maps files to module paths), and
    the sibling's mask constant."""
    # (full method, reference, (target, is Set), allowed paths as a set), in method order
    masked = sorted(
        (
            rpc.full_method,
            _reference(service, rpc, modules),
            (rpc.field_mask.target_message, rpc.field_mask.is_set),
            frozenset(rpc.field_mask.allowed),
        )
        for service in api.services
        for rpc in service.rpcs
        if rpc.field_mask is not None
    )
    return {
        method: tuple(
            reference
            for _, reference, other_kind, other_allowed in masked
            # an RPC that allows nothing has nothing to offer
            if other_kind == kind and other_allowed not in (allowed, frozenset())
        )
        for method, _, kind, allowed in masked
    }


def _reference(service: Service, rpc: Rpc, modules: Mapping[str, str]) -> str:
    module = modules[service.file].removesuffix(".py").replace("/", ".")
    return f"{module}.{rpc_constant_prefix(service.name, rpc.name)}_MASK"
