"""Reading `sdk/js/generated/api-definition.json`: the allowed field-mask paths of each RPC.

Its shape is `{<Service>: {<Method>: {"file", "http", "allowedFieldMaskPaths"?}}}`, keyed by
the services' short names. Only the allowed paths are taken from it; the HTTP rules come from
the protos themselves.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from .diagnostics import InputError, fail_if_any
from .ir import Diagnostic

ALLOWED_PATHS_KEY = "allowedFieldMaskPaths"
_FIELD_PATH = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*")


@dataclass(frozen=True, slots=True)
class ApiDefinition:
    display_path: str
    # (service short name, method) of every RPC listed, and the allowed paths of those with them.
    methods: tuple[tuple[str, str], ...]
    allowed_paths: dict[tuple[str, str], tuple[str, ...]]

    def where(self, service: str, method: str, key: str = "") -> str:
        return (
            f"{self.display_path}: {'.'.join(p for p in (service, method, key) if p)}"
        )


def load_api_definition(path: Path, display_path: str) -> ApiDefinition:
    if not path.is_file():
        problem = "not a file" if path.exists() else "missing"
        raise InputError(
            f"{display_path}: {problem}; it lists each RPC's allowed field-mask paths and is part "
            "of every TTS release (check out a full lorawan-stack release, not only api/)"
        )
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as error:
        raise InputError(f"{display_path}: not UTF-8 text ({error.reason})") from None
    except json.JSONDecodeError as error:
        raise InputError(
            f"{display_path}:{error.lineno}: not valid JSON ({error.msg} at column {error.colno}); "
            "restore the file from the TTS release"
        ) from None
    if not isinstance(document, dict):
        raise InputError(
            f"{display_path}: expected a JSON object of services at the top level"
        )
    problems: list[Diagnostic] = []
    methods: list[tuple[str, str]] = []
    allowed: dict[tuple[str, str], tuple[str, ...]] = {}
    for service, service_methods in document.items():
        if not isinstance(service_methods, dict):
            problems.append(
                Diagnostic(
                    f"{display_path}: {service}", "expected an object of methods"
                )
            )
            continue
        for method, definition in service_methods.items():
            key = f"{display_path}: {service}.{method}"
            if not isinstance(definition, dict):
                problems.append(
                    Diagnostic(key, "expected an object describing the method")
                )
                continue
            methods.append((service, method))
            if ALLOWED_PATHS_KEY not in definition:
                continue
            paths = definition[ALLOWED_PATHS_KEY]
            if not isinstance(paths, list) or not all(
                isinstance(p, str) for p in paths
            ):
                problems.append(
                    Diagnostic(
                        f"{key}.{ALLOWED_PATHS_KEY}",
                        f"must be a list of strings (field-mask paths), got {_describe(paths)}",
                    )
                )
                continue
            malformed = [p for p in paths if not _FIELD_PATH.fullmatch(p)]
            if malformed:
                problems.append(
                    Diagnostic(
                        f"{key}.{ALLOWED_PATHS_KEY}",
                        f"{json.dumps(malformed[0])} is not a field-mask path (field names "
                        "joined by dots); restore the file from the TTS release",
                    )
                )
                continue
            allowed[(service, method)] = tuple(paths)
    fail_if_any(f"{display_path} is malformed", problems)
    return ApiDefinition(
        display_path=display_path, methods=tuple(methods), allowed_paths=allowed
    )


def _describe(value: object) -> str:
    if isinstance(value, list):
        bad = next(v for v in value if not isinstance(v, str))
        return f"a list holding {json.dumps(bad)}"
    return json.dumps(value)
