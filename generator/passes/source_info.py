"""Comments and line numbers from a file's SourceCodeInfo, addressed by descriptor path."""

from __future__ import annotations

from dataclasses import dataclass

from google.protobuf import descriptor_pb2

from ..ir import SourceLocation

# Field numbers inside descriptor.proto that make up SourceCodeInfo paths.
FILE_MESSAGE = 4
FILE_ENUM = 5
FILE_SERVICE = 6
MESSAGE_FIELD = 2
MESSAGE_NESTED = 3
MESSAGE_ENUM = 4
ENUM_VALUE = 2
SERVICE_METHOD = 2

Path = tuple[int, ...]


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """Lookup of the declaration line and doc comment of each element of one file."""

    display_path: str
    lines: dict[Path, int]
    comments: dict[Path, str]

    def location(self, path: Path) -> SourceLocation:
        return SourceLocation(self.display_path, self.lines.get(path, 0))

    def comment(self, path: Path) -> str:
        return self.comments.get(path, "")


def read_source_info(
    proto_file: descriptor_pb2.FileDescriptorProto, display_path: str
) -> SourceInfo:
    lines: dict[Path, int] = {}
    comments: dict[Path, str] = {}
    for location in proto_file.source_code_info.location:
        path = tuple(location.path)
        if (
            not path
            or path[0] not in (FILE_MESSAGE, FILE_ENUM, FILE_SERVICE)
            or len(path) % 2
        ):
            continue  # only declarations of messages, enums, services and their members
        lines.setdefault(path, location.span[0] + 1)
        text = location.leading_comments or location.trailing_comments
        if text and path not in comments:
            comments[path] = clean_comment(text)
    return SourceInfo(display_path, lines, comments)


def clean_comment(text: str) -> str:
    """Drop the one space after `//` and surrounding blank lines, keeping the author's layout."""
    lines = [line[1:] if line.startswith(" ") else line for line in text.split("\n")]
    return "\n".join(lines).strip("\n").rstrip()
