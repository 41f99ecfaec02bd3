"""Python names, docstrings and orders for generated code."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Collection, Iterable

from .black_layout import LINE_LENGTH

# Python 3.11's keywords and soft keywords, written out: the `keyword` module of a later
# Python adds soft keywords (3.12: `type`), and the output must not depend on the Python
# running the generator. A test checks that this holds every hard keyword of the running one.
KEYWORDS = frozenset({
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
    "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
    "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
    "return", "try", "while", "with", "yield",
    "_", "case", "match",
})  # fmt: skip


def python_name(name: str) -> str:
    """A proto name as a Python identifier: keywords get a trailing underscore."""
    return f"{name}_" if name in KEYWORDS else name


def free_name(name: str, taken: Collection[str]) -> str:
    """`name` as an identifier of a class member that is not in `taken`: a keyword or taken
    name gets trailing underscores; leading double underscores, which Python would mangle,
    become one."""
    if name.startswith("__"):
        name = "_" + name.lstrip("_")
    name = python_name(name)
    while name in taken:
        name += "_"
    return name


class Namespace:
    """The names of one scope (a class, a module, a directory): each claim gets a free one."""

    def __init__(self, taken: Iterable[str] = ()) -> None:
        self.names = set(taken)

    def claim(self, name: str) -> str:
        free = free_name(name, self.names)
        self.names.add(free)
        return free


def escape_doc(text: str, indent: int = 4) -> str:
    """Docstring-safe text: no quote or backslash in a comment can end or alter the string,
    and non-ASCII is escaped (no look-alike characters, such as an en dash, in the code).

    Paragraphs are reflowed to fit black's and ruff's 88 columns at the given indent (proto
    comments are hard-wrapped narrower, which would leave one word on every other line);
    blank lines, indented lines and list or table lines are never joined to others. A long
    line wraps at its own indent, a list item's under its text (a route's path, one word,
    goes on a line of its own however long: ruff allows that).
    """
    escaped = text.replace("\r", "").replace("\\", "\\\\").replace('"', '\\"')
    escaped = escaped.encode("ascii", "backslashreplace").decode("ascii")
    width = LINE_LENGTH - indent - 6  # room for the opening and closing quotes
    lines = []
    for line in _paragraphs(escaped.split("\n")):
        lead = line[: len(line) - len(line.lstrip())]
        hanging = "  " if _LIST_ITEM.match(line.strip()) else ""
        wrapped = textwrap.wrap(
            line.strip(),
            width,
            initial_indent=lead,
            subsequent_indent=lead + hanging,
            break_long_words=False,
            break_on_hyphens=False,
        )
        lines.extend(wrapped or [""])
    doc = "\n".join(line and " " * indent + line for line in lines).lstrip()
    # Black's rule: closing quotes that would not fit after the last line go below it.
    if "\n" in doc and len(lines[-1]) + indent + 3 > LINE_LENGTH:
        doc += "\n" + " " * indent
    return doc


# A line that starts a list item, a table row, a quote or a heading: never joined.
_BLOCK_START = re.compile(r"[-*+|>#]|\d+[.)]\s")
_LIST_ITEM = re.compile(r"[-*+]\s")  # continued under its text when wrapped


def _paragraphs(lines: list[str]) -> list[str]:
    """Each run of prose lines joined into one line."""
    joined: list[str] = []
    for line in lines:
        if joined and _is_prose(joined[-1]) and _is_prose(line):
            joined[-1] += " " + line
        else:
            joined.append(line)
    return joined


def _is_prose(line: str) -> bool:
    return line[:1] not in ("", " ", "\t") and not _BLOCK_START.match(line)


def lower_camel(name: str) -> str:
    """protoc's default JSON name of a field (`last_rj_count_0` -> `lastRjCount0`); the
    runtime derives the same names, so only explicit `json_name`s are written out."""
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def member_kind(name: str) -> int:
    """isort's member types: constants, then classes, then everything else."""
    return 0 if name.isupper() and len(name) > 1 else (1 if name[:1].isupper() else 2)


def natural_key(text: str) -> tuple[tuple[int, int | str], ...]:
    return tuple(
        (1, int(p)) if p.isdigit() else (0, p) for p in re.split(r"(\d+)", text) if p
    )


def import_order(name: str) -> tuple[object, ...]:
    """The order ruff's isort gives imported names: by type, then ignoring case."""
    return member_kind(name), natural_key(name.lower()), name


def all_order(name: str) -> tuple[object, ...]:
    """The order ruff wants for `__all__` (RUF022): by type, then a natural sort."""
    return member_kind(name), natural_key(name)


def upper_snake(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "_", name).upper()


def rpc_constant_prefix(service: str, rpc: str) -> str:
    """The start of an RPC's module constants, e.g. END_DEVICE_REGISTRY_GET."""
    return f"{upper_snake(service)}_{upper_snake(rpc)}"


def item_lines(items: Iterable[str], width: int) -> tuple[str, ...]:
    """Items of a collection literal (each already a literal), each followed by a comma, in
    lines of at most `width` characters; an item too long for one line has its own. Black
    would write one item per line: a long list of names written so, inside `# fmt: off`,
    takes a third of the lines."""
    lines: list[str] = []
    for item in items:
        if lines and len(lines[-1]) + 1 + len(item) + 1 <= width:
            lines[-1] += f" {item},"
        else:
            lines.append(f"{item},")
    return tuple(lines)


def piece_chunks(pieces: Iterable[str], width: int = 78) -> tuple[str, ...]:
    """Pieces of a text, joined into string pieces of at most `width` characters where
    they fit, to be written one per line and joined by implicit concatenation."""
    chunks: list[str] = []
    for piece in pieces:
        if chunks and len(chunks[-1]) + len(piece) <= width:
            chunks[-1] += piece
        else:
            chunks.append(piece)
    return tuple(chunks) or ("",)


def word_chunks(words: Iterable[str], width: int = 78) -> tuple[str, ...]:
    """Space-separated words in string pieces of at most `width` characters, to be written
    one per line and joined by implicit concatenation: long lists take few lines. Pieces end
    before a space (which starts the next piece), or inside a word too long for one piece,
    before a dot."""
    text = " ".join(words)
    chunks = []
    while len(text) > width:
        cut = text.rfind(" ", 1, width + 1)
        if cut <= 0:
            cut = text.rfind(".", 1, width + 1)
        if cut <= 0:
            cut = width
        chunks.append(text[:cut])
        text = text[cut:]
    chunks.append(text)
    return tuple(chunks)
