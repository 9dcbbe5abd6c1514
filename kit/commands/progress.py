"""Build progress on stderr: a bar on a terminal, plain lines otherwise (CI logs)."""

from __future__ import annotations

import sys
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

    def update(self, done: int, total: int, outcome: Outcome) -> None:
        self.shown += 1
        detail = ""
        if outcome.detail:
            removed = outcome.action is Action.REMOVED
            detail = f" ({outcome.detail})" if removed else f" (banner: {outcome.detail})"
        if self.tty:
            width = 30
            filled = width * done // max(total, 1)
            bar = "#" * filled + "-" * (width - filled)
            click.echo(f"\r[{bar}] {done}/{total} {outcome.path[-40:]:<40}", err=True, nl=False)
        else:
            click.echo(f"[{done}/{total}] {outcome.action.value} {outcome.path}{detail}", err=True)
