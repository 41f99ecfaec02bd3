"""Where the lines of the generated TTS client go: every line is counted once, under the
construct that holds it, so the output-size target can be weighed construct by construct.
"""

from __future__ import annotations

import ast
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from .harness import Context

RUNTIME_FILES = ("_runtime.py", "_http.py")
# The fewest lines a field takes in this design: its annotation with its default (the
# runtime writes `__init__`, the decoder and the encoder from these and `_FIELDS`).
LINES_PER_FIELD = 1


def line_kinds(source: str) -> list[str]:
    """The construct of each line of a generated module (not the verbatim runtime)."""
    lines = source.splitlines()
    kinds = ["other"] * len(lines)
    previous = "other"
    for node in ast.parse(source).body:
        kind = previous if _is_docstring(node) else _top_level_kind(node)
        _mark(kinds, node, kind)
        if isinstance(node, ast.If) and ast.unparse(node.test).endswith(
            "TYPE_CHECKING"
        ):
            for child in node.body:
                _mark(kinds, child, _type_checking_kind(child))
        if isinstance(node, ast.ClassDef) and kind == "message classes":
            _mark_message(kinds, node)
        previous = kind
    return [
        "blank lines" if not line.strip() else kind
        for line, kind in zip(lines, kinds, strict=True)
    ]


def breakdown(files: Iterable[Path]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for path in files:
        source = path.read_text()
        if path.name in RUNTIME_FILES:
            counts["runtime, copied verbatim (`_runtime.py`, `_http.py`)"] += len(
                source.splitlines()
            )
        else:
            counts.update(line_kinds(source))
    return counts


def field_count(files: Iterable[Path]) -> tuple[int, int]:
    """Message classes and their fields (each oneof member counts)."""
    messages = fields = 0
    for path in files:
        if path.name in RUNTIME_FILES:
            continue
        for node in ast.parse(path.read_text()).body:
            if _top_level_kind(node) == "message classes":
                assert isinstance(node, ast.ClassDef)
                messages += 1
                fields += sum(_is_field(item) for item in node.body)
    return messages, fields


def _mark(kinds: list[str], node: ast.stmt, kind: str) -> None:
    first = min([node.lineno, *(d.lineno for d in getattr(node, "decorator_list", ()))])
    assert node.end_lineno is not None
    kinds[first - 1 : node.end_lineno] = [kind] * (node.end_lineno - first + 1)


def _is_docstring(node: ast.stmt) -> bool:
    """A string statement documents the statement before it."""
    return isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)


def _top_level_kind(node: ast.stmt) -> str:
    if isinstance(node, ast.Import | ast.ImportFrom):
        return "imports"
    if isinstance(node, ast.ClassDef):
        bases = " ".join(ast.unparse(base) for base in node.bases)
        if "ProtoEnum" in bases:
            return "enums"
        if "FieldPath" in bases:
            return "field-mask path classes"
        if "Message" in bases:
            return "message classes"
        if "ServiceClient" in bases:
            asynchronous = "AsyncCaller" in bases
            return f"service clients, {'async' if asynchronous else 'sync'}"
        if "ClientBase" in bases:
            return "`Client` and `AsyncClient`, a property per service"
    if isinstance(node, ast.Assign | ast.AnnAssign):
        target = ast.unparse(
            node.targets[0] if isinstance(node, ast.Assign) else node.target
        )
        value = ast.unparse(node.value) if node.value is not None else ""
        if target == "__all__":
            return "`__all__`"
        if value.startswith(("_typing.Literal[", "_typing.Never")) or (
            isinstance(node, ast.AnnAssign) and target.endswith("Path")
        ):
            return "allowed paths: `Literal` types"
        if value.startswith("_http.Rpc("):
            return "RPC tables (`_http.Rpc`)"
        if value.startswith("_rt.RpcFieldMask(") or target.endswith("_PATHS"):
            return "allowed paths: tuples and checks"
    return "other"


def _type_checking_kind(node: ast.stmt) -> str:
    if isinstance(node, ast.ClassDef):
        return "request keyword types (`TypedDict`)"
    if isinstance(node, ast.AnnAssign):
        return "allowed paths: `Literal` types"
    return _top_level_kind(node)


def _mark_message(kinds: list[str], cls: ast.ClassDef) -> None:
    for item in cls.body:
        if isinstance(item, ast.FunctionDef):
            _mark(kinds, item, "message `which_` methods (oneofs)")
        elif isinstance(item, ast.Assign) and ast.unparse(item.targets[0]) == "_FIELDS":
            _mark(kinds, item, "message field tables (`_FIELDS`)")
    for item, following in zip(cls.body, [*cls.body[1:], None], strict=True):
        if _is_declared(item):
            _mark(kinds, item, "message field annotations")
            if following is not None and _is_docstring(following):
                _mark(kinds, following, "message field annotations")
    # What is left of the class is its header: name, docstring, full name, PATHS.
    header = range(cls.lineno - 1, cls.end_lineno or cls.lineno)
    for index in header:
        if kinds[index] == "message classes":
            kinds[index] = "message class headers"


def _is_declared(item: ast.stmt) -> bool:
    """A field, or a slot behind a property (`_rt.private_slot()`)."""
    return isinstance(item, ast.AnnAssign) and "ClassVar" not in ast.unparse(
        item.annotation
    )


def _is_field(item: ast.stmt) -> bool:
    return (
        _is_declared(item)
        and isinstance(item, ast.AnnAssign)
        and item.value is not None
        and ast.unparse(item.value) != "_rt.private_slot()"
    )


def run(context: Context) -> str:
    files = sorted((context.client / "ttn_lw").glob("*.py"))
    counts = breakdown(files)
    total = sum(counts.values())
    messages, fields = field_count(files)
    services = sum(
        lines
        for kind, lines in counts.items()
        if kind.startswith(
            ("service clients", "RPC tables", "allowed paths", "request")
        )
    )
    floor = LINES_PER_FIELD * fields + services + counts["field-mask path classes"]
    rows = [
        f"| {kind} | {lines:,} | {lines / total:.0%} |"
        for kind, lines in sorted(counts.items(), key=lambda item: -item[1])
    ]
    return "\n".join(
        [
            "## Output size by construct",
            "",
            f"The {total:,} lines of the full TTS client, each counted once under the",
            f"construct that holds it ({messages:,} message classes with {fields:,} fields).",
            "",
            "| construct | lines | share |",
            "|---|---|---|",
            *rows,
            "",
            "A field takes at least one line in this design: its annotation with its",
            "default. The runtime writes `__init__`, the decoder and the encoder from these",
            "and the class's field table, at first use. At that floor the fields take"
            f" {LINES_PER_FIELD * fields:,} lines; with the",
            f"services ({services:,}: clients, RPC tables, allowed paths, keyword types) and",
            f"the path classes that is {floor:,}, before any class header or blank line.",
        ]
    )
