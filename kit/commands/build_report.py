"""What ``kit build`` is asked and what it answers: options, report, withheld outputs.

Kept apart (and light to import) so that a no-op build (``kit.commands.build_noop``) can
answer without loading the renderers.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from kit.build.plan import ALL, Shard
from kit.commands.outcome import Outcome
from kit.errors import KitError

FORMATS = ("html", "pdf")

# A build's progress: (done, total, the outcomes of the step that just ended), one call per
# document (its pages in every locale) and one for the index: a CI log gets one write each.
Progress = Callable[[int, int, Sequence[Outcome]], None]


@dataclass(frozen=True)
class Withheld:
    path: str
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class BuildReport:
    outcomes: tuple[Outcome, ...]
    withheld: tuple[Withheld, ...]
    errors: tuple[KitError, ...]
    skipped: int = 0  # outputs already up to date


@dataclass(frozen=True)
class BuildOptions:
    locales: tuple[str, ...] = ()
    formats: tuple[str, ...] = FORMATS
    jobs: int = 1
    shard: Shard = ALL
