"""Black's layout at a fraction of black's cost.

Black formats about 3,000 lines a second, which made it most of a generation's time. So the
templates write black's layout themselves: one statement per line, with black's blank lines,
spacing and quotes. What they cannot lay out is a statement too long for one line; only those
are split, by black's own rules where their shape is a known one (black_layout.py), else by
black itself, in one batch per indentation depth, spliced back. The tests check that every
generated file is black-stable: black leaves it unchanged.
"""

from __future__ import annotations

import black
from black.mode import TargetVersion

from .black_layout import INDENT, LINE_LENGTH, split_statement

# Without magic trailing commas black joins whatever fits on one line, so its output does not
# depend on how the input was laid out (`black --skip-magic-trailing-comma`).
BLACK_MODE = black.Mode(
    line_length=LINE_LENGTH,  # black's default, and ruff's: the two agree
    target_versions={TargetVersion.PY311},
    magic_trailing_comma=False,
)
# Separates the statements of a batch; never an identifier of the generated code.
_CUT = "_ttn_lw_codegen_cut_"
# Statements that open a block: in a batch, a `pass` body follows them.
_BLOCK_OPENERS = frozenset({"async", "class", "def", "for", "if", "while", "with"})
# Block parts that cannot stand alone: in a batch, the block they continue comes first.
_CONTINUED = {"elif": "if _:", "else": "if _:", "except": "try:", "finally": "try:"}


class _NotBatchable(Exception):
    pass


def format_module(source: str) -> str:
    """The module as black would format it, given that every line is a whole statement
    (or a line of a triple-quoted string) laid out as black lays it out when it fits."""
    lines = source.split("\n")
    long_lines: dict[int, list[int]] = {}  # by depth, the indices of the lines too long
    in_string = unformatted = False
    for index, line in enumerate(lines):
        if line.strip() in ("# fmt: off", "# fmt: on"):  # black leaves what is between
            unformatted = line.strip() == "# fmt: off"
        if not in_string and not unformatted and len(line) > LINE_LENGTH:
            code = line.lstrip(" ")
            if not code.startswith('"""'):  # black never splits a string
                depth, rest = divmod(len(line) - len(code), len(INDENT))
                if rest:
                    raise ValueError(f"line {index + 1} is not indented by fours")
                split = split_statement(code, depth)
                if split is None:
                    long_lines.setdefault(depth, []).append(index)
                else:
                    lines[index] = split
        if line.count('"""') % 2:
            in_string = not in_string
    try:
        for depth, indices in sorted(long_lines.items()):
            statements = _format_batch([lines[i] for i in indices], depth)
            for index, statement in zip(indices, statements, strict=True):
                lines[index] = statement
    except _NotBatchable:
        return black.format_str(source, mode=BLACK_MODE)
    return "\n".join(lines)


def _format_batch(statements: list[str], depth: int) -> list[str]:
    """Each statement (at `depth` indents) as black formats it, in one black call: the
    statements sit inside `depth` dummy blocks, so that black sees their real indentation.
    """
    indent = INDENT * depth
    body = f"{indent}{INDENT}pass"
    batch = [f"{INDENT * level}if _:" for level in range(depth)]
    for statement in statements:
        first_word = statement.lstrip(" ").split(" ", 1)[0].rstrip(":")
        if first_word in _CONTINUED:
            batch += [indent + _CONTINUED[first_word], body]
        elif first_word == "case" or first_word.startswith("@"):
            raise _NotBatchable(statement)
        batch.append(statement)
        if first_word in _BLOCK_OPENERS or first_word in _CONTINUED:
            batch.append(body)
        batch.append(indent + _CUT)
    # One pass: `format_str` formats its own output again to settle magic trailing commas,
    # which are off here. Private API of the pinned black; the tests compare with black.
    formatted = black._format_str_once("\n".join(batch) + "\n", mode=BLACK_MODE)
    pieces: list[str] = []
    current: list[str] = []
    for line in formatted.split("\n")[depth:]:
        if line != indent + _CUT:
            if line:  # black's blank lines around a block belong to the batch
                current.append(line)
            continue
        if current[-1] == body:
            current.pop()
        if current[1:2] == [body]:  # the block that a continuation continues
            current = current[2:]
        pieces.append("\n".join(current))
        current = []
    return pieces
