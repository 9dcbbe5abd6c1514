"""``kit bundle`` and ``kit report``: locale bundles and the coordinators' dashboard.

Reads ``dist/`` (after ``kit build``, or the merged ``dist/`` of sharded CI builds) and the
project; builds nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from kit.bundle.model import BundleState
from kit.commands.report import Action, Outcome
from kit.errors import KitError
from kit.project import Project


@dataclass(frozen=True)
class BundleOutcome:
    locale: str
    state: BundleState
    path: str  # dist/bundles/<locale>.zip, as the user should see it
    action: Action | None  # None: no zip written (omitted, or failed)
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True)
class BundleReport:
    bundles: tuple[BundleOutcome, ...] = ()
    dashboard: Outcome | None = None
    notes: tuple[str, ...] = ()
    errors: tuple[KitError, ...] = ()


def run_bundle(project: Project, selected: tuple[str, ...]) -> BundleReport:
    raise KitError("kit bundle is not implemented yet")


def run_report(project: Project, selected: tuple[str, ...]) -> BundleReport:
    raise KitError("kit report is not implemented yet")


def summary_lines(report: BundleReport) -> tuple[str, ...]:
    return ()
