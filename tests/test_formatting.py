"""Formatting without black where black's split is known: the result must be black's own.

Each shape the templates write is generated at every name length from short to very long,
so that the statements cross each threshold of black's decisions (fits on one line, fits
inside the brackets, head too long, ...); every module is compared with black's output.
"""

from __future__ import annotations

import ast
from collections import Counter
from collections.abc import Callable

import black
import pytest

from generator.black_layout import INDENT, split_statement
from generator.formatting import BLACK_MODE, format_module
from generator.render import python_literal


def name(stem: str, length: int) -> str:
    return (stem + "x" * length)[: max(length, len(stem))]


def items(stem: str, length: int, count: int) -> list[str]:
    return [name(f"{stem}{index}", length) for index in range(count)]


def quoted(words: list[str]) -> str:
    return ", ".join(f'"{word}"' for word in words)


# Statement shapes of the generated code, by the name length `n` and an item count `m`.
SHAPES: dict[str, Callable[[int, int], str]] = {
    "method": lambda n, m: (
        f"def {name('m', n)}(self, request: {name('R', n)} | None = None, /, "
        f"**fields: _typing.Unpack[{name('F', n)}]) -> _http.Pages[{name('T', n)}]:"
    ),
    "init": lambda n, m: "def __init__(self, *, "
    + ", ".join(f"{f}: list[{name('C', n)}] | None = None" for f in items("f", n, m))
    + ") -> None:",
    "lone parameter": lambda n, m: f"async def {name('p', n)}(self) -> {name('T', n)}:",
    "import": lambda n, m: f"from .{name('m', n)} import "
    + ", ".join(items("I", n, m)),
    "list": lambda n, m: f"__all__ = [{quoted(items('E', n, m + 1))}]",
    "return": lambda n, m: (
        f"return await self._caller.unary({name('_S', n)}, request, fields)"
    ),
    "raise": lambda n, m: (
        f"raise _rt.DecodeError(k, \"another member of oneof '{name('o', n)}' is set\")"
    ),
    "bare call": lambda n, m: f"{name('E', n)}._index({{"
    + ", ".join(f'"{key}": {number}' for number, key in enumerate(items("A", n, m)))
    + f'}}, {{0: "{name("A", n)}"}})',
    "strings": lambda n, m: "_SLOTS, _KEYS = _rt.field_table("
    + " ".join(f'"{word} {word}"' for word in items("w", n, m + 1))
    + ")",
    "annotated call": lambda n, m: (
        f'PATHS: _typing.ClassVar[{name("P", n)}] = {name("P", n)}("")'
    ),
    "no arguments": lambda n, m: f'd["{name("k", n)}"] = self.{name("a", n)}.to_json()',
    "ternary": lambda n, m: (
        f"o.{name('a', n)} = None if v is None else {name('C', n)}._decode(v, k)"
    ),
    "ternary with lambda": lambda n, m: (
        f"o.{name('a', n)} = [] if v is None else "
        f"_rt.repeated((lambda v, k: _rt.enum_in({name('E', n)}, v, k)), v, k)"
    ),
    "subscript": lambda n, m: (
        f"{name('A', n)}: _typing.TypeAlias = "
        f"_typing.Literal[{quoted(items('p', n, m + 1))}]"
    ),
    "condition": lambda n, m: (
        f"if self._{name('o', n)} is not None and "
        f'self._{name("o", n)}[0] == "{name("m", n)}":'
    ),
    "class": lambda n, m: f"class {name('F', n)}(_typing.TypedDict, total=False):",
    "class with one base": lambda n, m: f"class {name('F', n)}({name('B', n)}):",
    "long strings": lambda n, m: f"{name('x', n)} = _rt.field_table("
    + ", ".join(f'"{word * 3}"' for word in items("w", n, m))
    + ")",
    "tuple": lambda n, m: f"{name('x', n)} = ({quoted(items('a', n, m))}"
    + ("," if m == 1 else "")
    + ")",
    "union annotation": lambda n, m: (
        f"field_mask: _typing.Iterable[{name('P', n)} | _rt.FieldPath] | _rt.AllPaths"
    ),
    "strings in a tuple": lambda n, m: (
        f'{name("_R", n)} = _http.Rpc("/x.{name("S", n)}/Get", {name("Q", n)}, '
        f'routes=({" ".join(f"{chr(34)}/{w}{chr(34)}" for w in items("p", n, m))},), '
        f'leaf_arguments="{name("a", n)}=b.c" " d=e.f")'
    ),
    "nested items": lambda n, m: (
        f'{name("_R", n)} = _http.Rpc("/x.{name("S", n)}/Get", {name("Q", n)}, '
        f'{name("A", n)}.from_json, routes=(_http.Route("GET", "/{name("a", n)}/{{}}", '
        f'("{name("a", n)}.id",)),), path_fields=(("{name("a", n)}.id", '
        f'(("{name("a", n)}", {name("I", n)}), ("id", None))),), mask_field="mask")'
    ),
}


def module_around(statement: str, depth: int) -> str:
    """`statement` at `depth` inside dummy blocks, with a body if it opens one. (Class
    bodies, where black adds no blank line before a first `def`.)"""
    lines = [INDENT * level + "class _:" for level in range(depth)]
    lines.append(INDENT * depth + statement)
    if statement.endswith(":"):
        lines.append(INDENT * (depth + 1) + "pass")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_each_shape_is_split_as_black_splits_it(shape: str) -> None:
    outcomes: Counter[str] = Counter()
    for length in range(1, 80):
        for count in (1, 3):
            depth = length % 4
            statement = SHAPES[shape](length, count)
            source = module_around(statement, depth)
            assert format_module(source) == black.format_str(source, mode=BLACK_MODE), (
                shape,
                length,
                count,
            )
            if len(INDENT * depth + statement) > 88:
                split = split_statement(statement, depth)
                outcomes["split here" if split else "left to black"] += 1
    # Every shape is long enough often enough for its own rule to be tested.
    assert outcomes["split here"] >= 20, outcomes


def test_statements_black_alone_can_split_are_left_to_it() -> None:
    comprehension = "d[k] = {_rt.map_key_out(k): e.to_json() for k, e in " + (
        "self.data_rates_of_a_very_long_name.items()}"
    )
    assert split_statement(comprehension, 3) is None
    tuple_target = f"x: tuple[int, ...] = ({', '.join(['1'] * 40)})"
    assert split_statement(tuple_target, 0) is None


def module(*lines: str) -> str:
    return "\n".join(lines) + "\n"


def test_continued_blocks_and_fallbacks_match_black() -> None:
    # A conditional expression as the condition: no rule here, so black splits it.
    long_condition = (
        "first_value_with_a_long_name if second_value_with_a_long_name else "
        + ("third_value_with_a_long_name")
    )
    source = module(
        '"""A module docstring with a line longer than eighty-eight characters, which black never splits."""',
        "",
        "if a:",
        "    pass",
        f"elif {long_condition}:",
        "    pass",
        "try:",
        "    pass",
        "except (ValueError, TypeError, KeyError, IndexError, AttributeError, LookupError, OSError):",
        "    pass",
        "result = {key: value for key, value in zip(range(100), range(100, 200)) if key % 3 == value % 7}",
    )
    for statement in (f"elif {long_condition}:", "result = {key: value for"):
        line = next(line for line in source.splitlines() if line.startswith(statement))
        assert split_statement(line, 0) is None  # what is tested is the batch
    assert format_module(source) == black.format_str(source, mode=BLACK_MODE)


def test_a_long_decorator_sends_the_whole_module_to_black() -> None:
    source = module(
        "@decorator_with_a_long_name(argument_number_one, argument_number_two, argument_three)",
        "def f():",
        "    pass",
    )
    assert format_module(source) == black.format_str(source, mode=BLACK_MODE)


def test_what_fmt_off_holds_is_left_as_black_leaves_it() -> None:
    opening = "    AVeryLongAliasNameForTheAllowedPathsOfAnRpc: _typing.TypeAlias = _typing.Literal["
    source = module(
        "if _typing.TYPE_CHECKING:",
        "    # fmt: off",
        opening,
        '        "a", "b",',
        "    ]",
        "    # fmt: on",
        "x = " + " + ".join(["1"] * 40),
    )
    formatted = format_module(source)
    assert opening in formatted.splitlines()  # too long, and kept
    assert formatted == black.format_str(source, mode=BLACK_MODE)


def test_lines_must_be_indented_by_fours() -> None:
    with pytest.raises(ValueError, match="line 2 is not indented by fours"):
        format_module("if a:\n  x = " + "1 + " * 30 + "1\n")


@pytest.mark.parametrize(
    "value",
    [
        "plain",
        'say "hi"',
        "it's",
        'it\'s "x"',
        'a\\"b',
        '"\'"',
        "tab\tline\n\x1b",
        "é",
        5,
    ],
)
def test_literals_are_quoted_as_black_quotes_them(value: object) -> None:
    literal = python_literal(value)
    assert ast.literal_eval(literal) == value
    source = f"x = {literal}\n"
    assert black.format_str(source, mode=BLACK_MODE) == source
