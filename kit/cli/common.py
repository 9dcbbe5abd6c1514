"""What every command of the CLI shares: errors to exit codes, the project, shared options.

The one place that turns a ``KitError`` into ``Error: path:line: message`` plus a hint on
stderr and exit code 2.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from kit.commands.outcome import Report
from kit.config import find_root, load_config
from kit.errors import KitError, MultipleErrors
from kit.project import Project

if TYPE_CHECKING:
    pass

F = TypeVar("F", bound=Callable[..., Any])


def fail(errors: tuple[KitError, ...] | list[KitError]) -> None:
    """Print each error once, in order, then exit 2. One broken file can stop many outputs
    (a kit.po every page of its locale reads): its error is printed once, with the count."""
    counts: dict[str, int] = {}
    for err in errors:
        text = _relative(err).format()
        counts[text] = counts.get(text, 0) + 1
    for text, count in counts.items():
        click.echo(text if count == 1 else f"{text}\n  (the same error {count} times)", err=True)
    sys.exit(2)


def _relative(err: KitError) -> KitError:
    """Show paths as the user knows them: relative to the project folder when inside it."""
    ctx = click.get_current_context(silent=True)
    root = (ctx.obj or {}).get("root") if ctx is not None else None
    if err.path is None or not Path(err.path).is_absolute():
        return err
    for base in (root, Path.cwd()):
        if base is None:
            continue
        try:
            err.path = Path(err.path).resolve().relative_to(Path(base).resolve()).as_posix()
            break
        except ValueError:
            continue
    return err


def handles_errors(func: F) -> F:
    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except MultipleErrors as exc:
            fail(exc.errors)
        except KitError as exc:
            fail([exc])

    return wrapper  # type: ignore[return-value]


def project_of(ctx: click.Context) -> Project:
    start = ctx.obj.get("project") or Path.cwd()
    root = find_root(Path(start)) if ctx.obj.get("project") is None else Path(start).resolve()
    ctx.find_root().obj["root"] = root
    return Project(load_config(root))


def print_report(report: Report) -> None:
    for outcome in report.outcomes:
        detail = f" ({outcome.detail})" if outcome.detail else ""
        click.echo(f"{outcome.action.value:>9}  {outcome.path}{detail}", err=True)
    for warning in report.warnings:
        click.echo(f"warning: {warning}", err=True)
    if report.errors:
        fail(report.errors)


def _jobs_default(ctx: click.Context, param: click.Parameter, value: int | None) -> int:
    if value is not None:
        return value
    from kit.commands.pool import default_jobs

    return default_jobs()


# Options several commands share, declared once.
jobs_option = click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    callback=_jobs_default,
    help="Worker processes [default: number of CPUs].",
)
locale_option = click.option(
    "--locale", "locales", multiple=True, help="Only this locale (repeatable)."
)
