"""Building the IR of a checkout: load the inputs, then run the passes in order."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from google.protobuf import descriptor_pb2

from .api_definition import ApiDefinition, load_api_definition
from .checkout import Checkout
from .ir import Api
from .options import OptionReader
from .passes.field_masks import attach_field_masks
from .passes.field_paths import compute_field_paths
from .passes.index import index_types
from .passes.services import index_services
from .passes.source_info import read_source_info
from .protoc import compile_checkout


def build_checkout(checkout: Checkout) -> Api:
    definition = load_api_definition(
        checkout.api_definition,
        checkout.display_disk_path(str(checkout.api_definition)),
    )
    descriptor_set = compile_checkout(checkout)
    return build_api(
        descriptor_set,
        frozenset(checkout.target_files),
        definition,
        checkout.display_path,
    )


def build_api(
    descriptor_set: descriptor_pb2.FileDescriptorSet,
    target_files: frozenset[str],
    definition: ApiDefinition,
    display_path: Callable[[str], str],
) -> Api:
    """The IR from parsed inputs. Raises InputError for inconsistent input."""
    options = OptionReader(descriptor_set)
    sources = {
        f.name: read_source_info(f, display_path(f.name))
        for f in descriptor_set.file
        if f.name in target_files
    }
    index = index_types(descriptor_set, sources, options)
    paths = compute_field_paths(index.messages)
    messages = {
        name: dataclasses.replace(message, field_paths=paths[name])
        for name, message in index.messages.items()
    }
    services = index_services(descriptor_set, sources, options, messages)
    services, warnings = attach_field_masks(services, messages, definition)
    return Api(
        files=index.files,
        messages=tuple(messages[name] for name in sorted(messages)),
        enums=tuple(index.enums[name] for name in sorted(index.enums)),
        services=services,
        warnings=warnings,
    )
