"""Build progress on stderr: a bar on a terminal, plain lines otherwise (CI logs)."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from types import TracebackType

import click

from kit.commands.outcome import Action, Outcome


class Reporter:
    def __init__(self) -> None:
        self.tty = sys.stderr.isatty()
        self.shown = 0

    def __enter__(self) -> Reporter:
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        if self.tty and self.shown:
            click.echo("", err=True)

    def update(self, done: int, total: int, outcomes: Sequence[Outcome]) -> None:
        """One step (a document's pages in every locale, or the index): on a terminal the bar,
        otherwise its lines in one write (a CI runner reading the log wakes once a step)."""
        if not outcomes:
            return
        self.shown += len(outcomes)
        if self.tty:
            width = 30
            filled = width * done // max(total, 1)
            bar = "#" * filled + "-" * (width - filled)
            path = outcomes[-1].path
            click.echo(f"\r[{bar}] {done}/{total} {path[-40:]:<40}", err=True, nl=False)
            return
        lines = (f"[{done}/{total}] {o.action.value} {o.path}{_detail(o)}\n" for o in outcomes)
        click.echo("".join(lines), err=True, nl=False)


def _detail(outcome: Outcome) -> str:
    if not outcome.detail:
        return ""
    removed = outcome.action is Action.REMOVED
    return f" ({outcome.detail})" if removed else f" (banner: {outcome.detail})"
