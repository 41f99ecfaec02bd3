"""Pass 3: services and RPCs of the target files, with their HTTP bindings.

Field-mask rules are attached afterwards by `field_masks.py`; here every RPC has none.
"""

from __future__ import annotations

from collections.abc import Mapping

from google.protobuf import descriptor_pb2

from ..diagnostics import fail_if_any
from ..ir import Diagnostic, HttpBinding, Message, Rpc, Service, SourceLocation
from ..options import OptionReader
from .http_rules import http_bindings
from .index import NO_FIELD_PATHS
from .source_info import FILE_SERVICE, SERVICE_METHOD, SourceInfo


def index_services(
    descriptor_set: descriptor_pb2.FileDescriptorSet,
    sources: Mapping[str, SourceInfo],
    options: OptionReader,
    messages: Mapping[str, Message],
) -> tuple[Service, ...]:
    """All services, sorted by full name; raises InputError listing every bad HTTP binding."""
    services: list[Service] = []
    problems: list[Diagnostic] = []
    for proto_file in descriptor_set.file:
        source = sources.get(proto_file.name)
        if source is None:
            continue  # not one of the API's own files
        package = f"{proto_file.package}." if proto_file.package else ""
        for i, service in enumerate(proto_file.service):
            full_name = package + service.name
            rpcs = []
            for j, method in enumerate(service.method):
                path = (FILE_SERVICE, i, SERVICE_METHOD, j)
                request = messages.get(
                    method.input_type.lstrip(".")
                ) or _outside_message(
                    method.input_type.lstrip("."), source.location(path)
                )
                bindings: tuple[HttpBinding, ...] = ()
                rule = (
                    options.http_rule(method.options)
                    if method.HasField("options")
                    else None
                )
                if rule is not None:
                    bindings, errors = http_bindings(rule, request, messages)
                    problems.extend(
                        Diagnostic(
                            str(source.location(path)),
                            f"{full_name}.{method.name}: {e}",
                        )
                        for e in errors
                    )
                rpcs.append(
                    Rpc(
                        name=method.name,
                        full_method=f"/{full_name}/{method.name}",
                        input_type=method.input_type.lstrip("."),
                        output_type=method.output_type.lstrip("."),
                        client_streaming=method.client_streaming,
                        server_streaming=method.server_streaming,
                        deprecated=method.options.deprecated,
                        comment=source.comment(path),
                        location=source.location(path),
                        http=bindings,
                        field_mask=None,
                    )
                )
            services.append(
                Service(
                    full_name=full_name,
                    name=service.name,
                    file=proto_file.name,
                    comment=source.comment((FILE_SERVICE, i)),
                    location=source.location((FILE_SERVICE, i)),
                    rpcs=tuple(rpcs),
                )
            )
    fail_if_any("invalid HTTP bindings (fix the google.api.http options)", problems)
    return tuple(sorted(services, key=lambda s: s.full_name))


def _outside_message(full_name: str, location: SourceLocation) -> Message:
    """A request type from outside the API (google.protobuf.Empty): nothing in it can be bound."""
    return Message(
        full_name=full_name,
        name=full_name.rpartition(".")[2],
        file="",
        fields=(),
        oneofs=(),
        is_tts_wrapper=False,
        deprecated=False,
        comment="",
        location=location,
        field_paths=NO_FIELD_PATHS,
    )
