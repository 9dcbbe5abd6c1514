"""What a command did to each file, for the CLI to print."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from kit.errors import KitError


class Action(StrEnum):
    WRITTEN = "written"
    WOULD_WRITE = "would write"  # --check: the file is not in kit's form; nothing was written
    UNCHANGED = "unchanged"
    EXISTS = "exists"
    FAILED = "failed"
    REMOVED = "removed"  # an output its inputs would no longer make (``kit build``)

    @classmethod
    def saved(cls, written: bool) -> Action:
        """WRITTEN when the bytes on disk changed, UNCHANGED when the file already held them."""
        return cls.WRITTEN if written else cls.UNCHANGED


@dataclass(frozen=True)
class Outcome:
    path: str
    action: Action
    detail: str = ""


@dataclass(frozen=True)
class Report:
    outcomes: tuple[Outcome, ...] = ()
    errors: tuple[KitError, ...] = field(default_factory=tuple)
    warnings: tuple[str, ...] = ()  # "path:line: message", printed without failing

    @property
    def ok(self) -> bool:
        return not self.errors

    def count(self, action: Action) -> int:
        return sum(1 for o in self.outcomes if o.action is action)


def collect(
    outcomes: list[Outcome], errors: list[KitError], warnings: list[str] | None = None
) -> Report:
    return Report(tuple(outcomes), tuple(errors), tuple(warnings or ()))
