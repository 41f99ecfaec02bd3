"""Running protoc (from grpcio-tools, in-process) to get a FileDescriptorSet with comments."""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

from google.protobuf import descriptor_pb2
from grpc_tools import protoc

from .checkout import Checkout
from .diagnostics import InputError
from .ir import Diagnostic

# protoc's error lines: "<file>:<line>:<column>: <message>" or "<file>: <message>".
_LOCATED_ERROR = re.compile(
    r"^(?P<file>[^:]+):(?P<line>\d+):(?P<column>\d+): (?P<message>.*)$"
)
_FILE_ERROR = re.compile(r"^(?P<file>[^:]+): (?P<message>.*)$")
_IMPORT_HINT = (
    " (add the file under api/third_party, or correct the import path; "
    "imports resolve against api/, api/third_party and the bundled google/protobuf types)"
)


def compile_checkout(checkout: Checkout) -> descriptor_pb2.FileDescriptorSet:
    """Parse all target files and their imports; raise InputError with every protoc error."""
    status, data, errors = _run_protoc(checkout, checkout.target_files)
    if status != 0:
        if len(checkout.target_files) > 1:
            # protoc stops at the first broken file; ask about each file to report them all.
            errors = _unique(
                e for name in checkout.target_files for e in _errors_of(checkout, name)
            )
        raise InputError(
            "protoc could not parse the API files", _diagnostics(checkout, errors)
        )
    return descriptor_pb2.FileDescriptorSet.FromString(data)


def _errors_of(checkout: Checkout, import_name: str) -> list[str]:
    return _run_protoc(checkout, (import_name,))[2]


def _run_protoc(
    checkout: Checkout, files: Sequence[str]
) -> tuple[int, bytes, list[str]]:
    with tempfile.TemporaryDirectory(prefix="ttn-lw-codegen-") as scratch:
        out = Path(scratch) / "descriptors.pb"
        args = [
            "protoc",
            *(root.protoc_flag() for root in checkout.include_roots),
            "--include_imports",
            "--include_source_info",
            f"--descriptor_set_out={out}",
            *files,
        ]
        status, stderr = _call_capturing_stderr(args)
        data = out.read_bytes() if status == 0 else b""
    errors = [
        line for line in stderr.splitlines() if line and not line.startswith("warning:")
    ]
    return status, data, errors


def _call_capturing_stderr(args: list[str]) -> tuple[int, str]:
    """protoc writes its errors from C++ to file descriptor 2, so capture at the fd level."""
    with tempfile.TemporaryFile() as captured:
        saved = os.dup(2)
        os.dup2(captured.fileno(), 2)
        try:
            status = protoc.main(args)
        finally:
            os.dup2(saved, 2)
            os.close(saved)
        captured.seek(0)
        return int(status), captured.read().decode("utf-8", "replace")


def _unique(lines: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(lines))


def _diagnostics(checkout: Checkout, errors: list[str]) -> list[Diagnostic]:
    diagnostics = []
    for line in errors:
        located = _LOCATED_ERROR.match(line)
        if located:
            where = f"{checkout.display_disk_path(located['file'])}:{located['line']}"
            message = located["message"]
            if message.startswith("Import ") and "was not found" in message:
                message += _IMPORT_HINT
            diagnostics.append(
                Diagnostic(where, f"{message} (column {located['column']})")
            )
            continue
        plain = _FILE_ERROR.match(line)
        if plain:
            diagnostics.append(Diagnostic(plain["file"], plain["message"]))
        else:
            diagnostics.append(Diagnostic("protoc", line))
    return diagnostics
