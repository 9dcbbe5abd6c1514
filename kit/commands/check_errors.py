"""What ``kit check`` could not read (a translator's PO syntax error), kept apart from what
it found: the report of everything else is still made, and the CLI prints it before the
errors (exit 2); ``kit serve`` uses it for the pages whose files were read."""

from __future__ import annotations

from pathlib import Path

from kit.checks.report import CheckReport, Unread
from kit.errors import KitError, MultipleErrors
from kit.project import Project


class CheckIncomplete(MultipleErrors):
    """Files that could not be read (a translator's syntax error), with the report of all
    the others: ``kit check`` prints the report, then the errors, and exits 2."""

    def __init__(self, report: CheckReport, errors: list[KitError]) -> None:
        super().__init__(errors)
        self.report = report

    def __reduce__(self) -> tuple[object, ...]:
        return (CheckIncomplete, (self.report, self.errors))


def once_each(errors: list[KitError]) -> list[KitError]:
    """Each file's error once (a locale's kit.po is read for its words and for its notice
    line of free language help)."""
    seen: set[tuple[str | None, int | None, str]] = set()
    out = []
    for error in errors:
        key = (error.path, error.line, error.message)
        if key not in seen:
            seen.add(key)
            out.append(error)
    return out


def unread_file(project: Project, error: KitError) -> Unread:
    """A file that could not be read, for the report: its path as the project knows it."""
    path = Path(error.path) if error.path is not None else project.root
    shown = project.rel(path) if path.is_absolute() else str(path)
    return Unread(shown, error.line or 0, error.message, error.hint)
