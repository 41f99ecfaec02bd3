"""Black's split of a too-long statement, for the statement shapes the templates write.

Each rule below is black's own decision for that shape (black 26, magic trailing commas
off; the names are black's functions). A `def` splits at its parameters (`left_hand_split`).
Other statements split at a bracket pair: `right_hand_split` chooses between the invisible
parentheses around a value and the value's own brackets (`_maybe_split_omitting_optional_parens`).
The part inside goes on one line if it fits, else one item per line with a trailing comma
(`delimiter_split`), an item still too long being split the same way; a collection
literal's items always go one per line (`should_split_line`). Any other shape, or a part
that still does not fit, gives None: black itself decides then. The tests check the
result against black on the example API and the whole TTS client.
"""

from __future__ import annotations

import functools
import re

LINE_LENGTH = 88
INDENT = "    "

_IMPORT = re.compile(r"from [\w.]+ import ")
_RETURN_OR_RAISE = re.compile(r"(?:return (?:await )?|raise )")
_CONDITION = re.compile(r"(if|elif|while) (.+):")
_ANNOTATED = re.compile(r"[A-Za-z_]\w*: ")
_DELIMITERS = (" and ", " or ", " | ", " == ", " != ", " <= ", " >= ", " < ", " > ", " is ",
               " in ")  # fmt: skip
# A call or subscript of a dotted name, or a collection literal; as an item, maybe a
# keyword's value.
_BRACKETED = re.compile(r"(?:[A-Za-z_][\w.]*)?[(\[{]")
# What may come before a bracketed item: a keyword, or a parameter's name.
_ITEM_PREFIX = re.compile(r"[A-Za-z_]\w*=(?!=)|\*{0,2}[A-Za-z_]\w*: ")
# Code that would bring delimiters of other kinds into black's decision.
_UNSURE = re.compile(r"\blambda\b| for |\*|#")


def split_statement(code: str, depth: int) -> str | None:
    """`code`, a statement at `depth` indents too long for one line, as black splits it;
    None when its shape is not one of those known here."""
    if not code.isascii():  # black measures width, not length
        return None
    if code.startswith(("def ", "async def ")):
        return _split_def(code, depth)
    if code.startswith("class ") and code.endswith("):"):
        return _split_bracketed(depth, "class ", code[len("class ") : -1], ":")
    if match := _CONDITION.fullmatch(code):
        return _split_condition(depth, match[1], match[2])
    if match := _IMPORT.match(code):
        if "(" in code:
            return None
        names = _items(code[match.end() :])
        return _layout(depth, match[0] + "(", [f"{name}," for name in names], ")")
    target, value = _assignment(code)
    if value is None and (match := _ANNOTATED.match(code)):
        return _split_annotation(depth, match[0], code[match.end() :])
    if value is None:
        prefix = match[0] if (match := _RETURN_OR_RAISE.match(code)) else ""
        return _split_bracketed(depth, prefix, code[len(prefix) :], "")
    return _split_assignment(depth, target, value)


def _split_assignment(depth: int, target: str, value: str) -> str | None:
    if (parts := _ternary(value)) is not None:
        # Two delimiters of a kind: black keeps the parentheses around the value, and
        # splits before `if` and `else` what does not fit.
        body = [value] if _fits(depth + 1, value) else parts
        return _layout(depth, f"{target} = (", body, ")")
    call = _is_call(value)
    if call and value.endswith("()"):
        # No arguments to split at: black keeps the parentheses around the value.
        return _layout(depth, f"{target} = (", [value], ")")
    if "[" not in target and "(" not in target:
        return _split_bracketed(depth, f"{target} = ", value, "")
    if not call:
        return None  # after a target with brackets, only calls are modelled here
    # After a target with brackets, black splits at the call's parentheses only if the
    # line up to them fits (`_prefer_split_rhs_oop_over_rhs`).
    call_head = INDENT * depth + f"{target} = " + value[: value.index("(") + 1]
    if len(call_head) <= LINE_LENGTH:
        return _split_bracketed(depth, f"{target} = ", value, "")
    return _layout(depth, f"{target} = (", [value], ")")


def _split_condition(depth: int, keyword: str, condition: str) -> str | None:
    """`if`, `elif` or `while` with a condition of delimiters black would split at: black
    keeps the invisible parentheses around it (`can_omit_invisible_parens` is false) and
    splits the condition before its `and`s and `or`s if it does not fit."""
    if not _has_delimiters(condition) or " if " in (top := _top_level(condition)):
        return None
    body = [condition]
    if not _fits(depth + 1, condition):  # split before each `and` and `or`
        body = _split_before(condition, top, re.compile(r" (?=(?:and|or) )"))
    return _layout(depth, f"{keyword} (", body, "):")


def _split_annotation(depth: int, name: str, annotation: str) -> str | None:
    """A declaration whose annotation is a union: in parentheses, one member a line if
    they do not fit on one."""
    if " | " not in (top := _top_level(annotation)) or not _has_delimiters(annotation):
        return None
    body = [annotation]
    if not _fits(depth + 1, annotation):
        body = _split_before(annotation, top, re.compile(r" (?=\| )"))
    return _layout(depth, f"{name}(", body, ")")


def _split_before(code: str, top: str, delimiter: re.Pattern[str]) -> list[str]:
    """`code` split before each `delimiter` of its top level `top` (see `_top_level`)."""
    parts, start = [], 0
    for match in delimiter.finditer(top):
        parts.append(code[start : match.start()])
        start = match.end()
    return [*parts, code[start:]]


def _has_delimiters(code: str) -> bool:
    """Whether black would keep invisible parentheses around `code` for the delimiters it
    has outside brackets (not starting or ending with a bracket, which would let it omit
    them)."""
    top = _top_level(code)
    return (
        any(delimiter in top for delimiter in _DELIMITERS)
        and code[:1] not in ("(", "[", "{")
        and code[-1:] not in (")", "]", "}")
        and not _UNSURE.search(top)
    )


def _split_def(code: str, depth: int) -> str | None:
    opening = code.index("(") + 1
    closing = opening - 1 + _closing_bracket(code[opening - 1 :])
    inner = code[opening:closing]
    parameters = _items(inner)
    if len(parameters) == 1:
        body = [inner + ","]  # black gives a lone parameter a trailing comma
    elif _fits(depth + 1, inner):
        body = [inner]
    else:
        body = [f"{parameter}," for parameter in parameters]
    return _layout(depth, code[:opening], body, code[closing:])


def _opening(code: str) -> int | None:
    """Where the brackets start in `code`, a call or subscript of a dotted name or a
    collection literal that ends where those brackets close, with nothing in it that black
    splits otherwise; None for any other code."""
    match = _BRACKETED.match(code)
    if (
        match is None
        or code[-1:] not in (")", "]", "}")
        or _UNSURE.search(_STRING.sub('""', code))
    ):
        return None
    opening = match.end()
    return (
        opening
        if opening + _closing_bracket(code[opening - 1 :]) == len(code)
        else None
    )


def _is_call(code: str) -> bool:
    opening = _opening(code)
    return opening is not None and opening > 1 and code[opening - 1] == "("


def _split_bracketed(depth: int, prefix: str, code: str, suffix: str) -> str | None:
    """`prefix` + `code` + `suffix` split at `code`'s brackets, `code` being as `_opening`
    describes."""
    opening = _opening(code)
    if opening is None:
        return None
    inner = code[opening:-1]
    if not inner:
        return None
    items = _items(inner)
    if opening == 1:  # a literal
        if len(items) > 1:
            body = [f"{item}," for item in items]
        else:
            body = [inner]  # one item (a one-item tuple keeps its own comma)
    elif _fits(depth + 1, inner):
        body = [inner]
    elif len(items) > 1:
        body = [f"{item}," for item in items]
    else:  # a lone implicit string concatenation splits between its strings
        body = _string_pieces(inner) or [inner]
    return _layout(depth, prefix + code[:opening], body, code[-1] + suffix)


def _layout(depth: int, head: str, body: list[str], tail: str) -> str | None:
    """`head`, the body lines and `tail` on lines of their own; a body line too long is
    split again (`_split_item`), except a lone string, which nothing can split."""
    lines = [INDENT * depth + head]
    for line in body:
        if _fits(depth + 1, line) or _STRING.fullmatch(line.removesuffix(",")):
            lines.append(INDENT * (depth + 1) + line)
        elif (split := _split_item(line, depth + 1)) is not None:
            lines.append(split)
        else:
            return None
    lines.append(INDENT * depth + tail)
    too_long = len(lines[0]) > LINE_LENGTH or len(lines[-1]) > LINE_LENGTH
    return None if too_long else "\n".join(lines)


def _split_item(line: str, depth: int) -> str | None:
    """An item inside brackets (maybe after `keyword=` or `parameter: `, maybe ending
    with its comma) split at its own brackets."""
    code, suffix = (line[:-1], ",") if line.endswith(",") else (line, "")
    prefix = match[0] if (match := _ITEM_PREFIX.match(code)) else ""
    return _split_bracketed(depth, prefix, code[len(prefix) :], suffix)


def _fits(depth: int, code: str) -> bool:
    return len(INDENT) * depth + len(code) <= LINE_LENGTH


def _assignment(code: str) -> tuple[str, str | None]:
    """An assignment's target (with any annotation) and value; (code, None) for any other
    statement."""
    index = _top_level(code).find(" = ")
    return (code, None) if index < 0 else (code[:index], code[index + 3 :])


def _ternary(code: str) -> list[str] | None:
    """`a if b else c` as ["a", "if b", "else c"], if `code` is that with nothing else
    outside brackets."""
    top = _top_level(code)
    condition, alternative = top.find(" if "), top.find(" else ")
    if (
        top.count(" if ") != 1
        or top.count(" else ") != 1
        or not 0 < condition < alternative
        or "," in top
        or _UNSURE.search(top)
    ):
        return None
    return [
        code[:condition],
        code[condition + 1 : alternative],
        code[alternative + 1 :],
    ]


def _items(code: str) -> list[str]:
    """`code` split at its commas outside brackets and strings."""
    items, start = [], 0
    for comma in _COMMA.finditer(_top_level(code)):
        items.append(code[start : comma.start()].strip())
        start = comma.end()
    last = code[start:].strip()
    return [*items, last] if last else items


def _closing_bracket(code: str) -> int:
    """The index of the bracket that closes the one `code` starts with."""
    closing = _CLOSING.search(_top_level(code))
    if closing is None:
        raise ValueError(f"unbalanced brackets in {code!r}")
    return closing.start()


def _string_pieces(code: str) -> list[str] | None:
    """The literals of an implicit string concatenation, or None if `code` is not one."""
    pieces, start = [], 0
    for space in _SPACE.finditer(_top_level(code)):
        pieces.append(code[start : space.start()])
        start = space.end()
    pieces.append(code[start:])
    strings = len(pieces) > 1 and all(_STRING.fullmatch(piece) for piece in pieces)
    return pieces if strings else None


_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|\'[^\'\\]*(?:\\.[^\'\\]*)*\'')
_BRACKET = re.compile(r"[()\[\]{}]")
_CLOSING = re.compile(r"[)\]}]")
_COMMA = re.compile(",")
_SPACE = re.compile(" ")


@functools.lru_cache(maxsize=256)  # the splits ask again about the same code
def _top_level(code: str) -> str:
    """`code` with what is inside its strings and brackets blanked (to `_`), so that what
    is left of the same length is its top level: quotes and brackets themselves stay."""
    masked = _STRING.sub(lambda string: f"{string[0][0]}{'_' * (len(string[0]) - 2)}"
                         f"{string[0][0]}", code)  # fmt: skip
    pieces, start, depth = [], 0, 0
    for bracket in _BRACKET.finditer(masked):
        index = bracket.start()
        if bracket[0] in "([{":
            if depth == 0:
                pieces.append(masked[start : index + 1])
                start = index + 1
            depth += 1
        else:
            depth -= 1
            if depth == 0:
                pieces.append("_" * (index - start))
                start = index
    pieces.append(masked[start:] if depth == 0 else "_" * (len(masked) - start))
    return "".join(pieces)
