"""The output-size benchmark counts every line once, under the construct that holds it."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from bench.output_size import breakdown, field_count, line_kinds

GOLDEN = Path(__file__).resolve().parent.parent / "generated" / "fleet"

MODULE = '''\
# @generated
from . import _runtime as _rt

__all__ = [
    "Thing",
]


class ThingPaths(_rt.FieldPath):
    name: _rt.FieldPath


class Thing(_rt.Message):
    """A thing."""

    _FIELDS = _rt.field_table(
        "name:string kind.a:string"
    )
    PATHS: _typing.ClassVar[ThingPaths] = ThingPaths("")
    name: str = ""
    """Its name."""
    a: str | None = None
    _kind: tuple[str, _typing.Any] | None = _rt.private_slot()

    def which_kind(self) -> str | None:
        return None


ThingGetPath: _typing.TypeAlias = _typing.Literal["name"]
if _typing.TYPE_CHECKING:

    class ThingGetFields(_typing.TypedDict, total=False):
        name: str
THING_GET_PATHS: tuple[ThingGetPath, ...] = _typing.get_args(ThingGetPath)
"""Allowed paths."""
_THING_GET = _http.Rpc("/Things/Get")


class ThingClient(_http.ServiceClient[_http.Caller]):
    def get(self):
        pass
'''


def test_each_line_is_counted_under_the_construct_that_holds_it() -> None:
    counts = Counter(line_kinds(MODULE))
    assert counts == {
        "other": 2,  # the module's comment and `if _typing.TYPE_CHECKING:`
        "imports": 1,
        "`__all__`": 3,
        "blank lines": 12,
        "field-mask path classes": 2,
        "message class headers": 3,
        "message field annotations": 4,
        "message field tables (`_FIELDS`)": 3,
        "message `which_` methods (oneofs)": 2,
        "allowed paths: `Literal` types": 1,
        "request keyword types (`TypedDict`)": 2,
        "allowed paths: tuples and checks": 2,
        "RPC tables (`_http.Rpc`)": 1,
        "service clients, sync": 3,
    }
    assert sum(counts.values()) == len(MODULE.splitlines())


def test_the_golden_package_is_counted_whole_with_its_runtime_verbatim() -> None:
    files = sorted(GOLDEN.glob("*.py"))
    counts = breakdown(files)
    assert sum(counts.values()) == sum(len(p.read_text().splitlines()) for p in files)
    runtime = counts["runtime, copied verbatim (`_runtime.py`, `_http.py`)"]
    assert runtime == sum(
        len((GOLDEN / name).read_text().splitlines())
        for name in ("_runtime.py", "_http.py")
    )
    messages, fields = field_count(files)
    # Tracker alone has 51 fields.
    assert messages > 10 and fields > 51
    assert counts["message field annotations"] >= fields
    assert counts["message field tables (`_FIELDS`)"] >= messages
