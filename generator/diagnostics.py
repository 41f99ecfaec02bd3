"""Errors in the user's input. They are reported as text, never as tracebacks."""

from __future__ import annotations

from collections.abc import Iterable

from .ir import Diagnostic


class InputError(Exception):
    """One or more problems of one kind in the input; the CLI prints them and exits with 2."""

    def __init__(self, summary: str, diagnostics: Iterable[Diagnostic] = ()) -> None:
        self.summary = summary
        self.diagnostics = tuple(diagnostics)
        super().__init__(self.render())

    def render(self) -> str:
        lines = [f"error: {self.summary}"]
        lines.extend(f"  {diagnostic}" for diagnostic in self.diagnostics)
        return "\n".join(lines)


def fail_if_any(summary: str, diagnostics: list[Diagnostic]) -> None:
    """Raise every collected problem of one kind at once, so the user can fix them together."""
    if diagnostics:
        raise InputError(summary, diagnostics)
