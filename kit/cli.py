"""Command line: thin click commands. The one place that turns a ``KitError`` into
``Error: path:line: message`` plus a hint on stderr and exit code 2.

Exit codes: 0 success, 1 findings at or above the failing severity, 2 usage or input error.
Machine formats go to stdout; progress and logs go to stderr.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from kit import __version__
from kit.commands.outcome import Action, Report
from kit.config import find_root, load_config
from kit.errors import KitError, MultipleErrors
from kit.project import Project

if TYPE_CHECKING:
    from kit.commands.bundle import BundleReport

F = TypeVar("F", bound=Callable[..., Any])


def _fail(errors: tuple[KitError, ...] | list[KitError]) -> None:
    for err in errors:
        click.echo(_relative(err).format(), err=True)
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
            _fail(exc.errors)
        except KitError as exc:
            _fail([exc])

    return wrapper  # type: ignore[return-value]


def _project(ctx: click.Context) -> Project:
    start = ctx.obj.get("project") or Path.cwd()
    root = find_root(Path(start)) if ctx.obj.get("project") is None else Path(start).resolve()
    ctx.find_root().obj["root"] = root
    return Project(load_config(root))


def _print_report(report: Report) -> None:
    for outcome in report.outcomes:
        detail = f" ({outcome.detail})" if outcome.detail else ""
        click.echo(f"{outcome.action.value:>9}  {outcome.path}{detail}", err=True)
    if report.errors:
        _fail(report.errors)


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


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--project",
    type=click.Path(file_okay=False, path_type=Path),
    help="Project folder (holds kit.toml).",
)
@click.version_option(__version__, prog_name="kit")
@click.pass_context
def main(ctx: click.Context, project: Path | None) -> None:
    """kit: accessible multilingual patient-education content from Markdown and gettext.

    \b
    Example:
      kit extract && kit update && kit status
    """
    ctx.ensure_object(dict)
    ctx.obj["project"] = project


@main.command()
@jobs_option
@click.pass_context
@handles_errors
def extract(ctx: click.Context, jobs: int) -> None:
    """Extract source/*.md into locales/<slug>.pot (only rewritten when messages change).

    \b
    Example:
      kit extract
    """
    from kit.commands.extract import run_extract

    _print_report(run_extract(_project(ctx), jobs))


@main.command()
@click.argument("locales", nargs=-1, required=True)
@click.pass_context
@handles_errors
def init(ctx: click.Context, locales: tuple[str, ...]) -> None:
    """Start catalogs for new LOCALES (never overwrites an existing PO).

    \b
    Example:
      kit init es zh_Hans ar
    """
    from kit.commands.init import run_init

    project = _project(ctx)
    report = run_init(project, locales)
    configured = {loc.code for loc in project.config.target_locales}
    for code in locales:
        if code.replace("-", "_") not in configured:
            click.echo(f"note: add {code!r} to project.locales in kit.toml to build it", err=True)
    _print_report(report)


@main.command()
@locale_option
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
@click.pass_context
@handles_errors
def status(ctx: click.Context, locales: tuple[str, ...], fmt: str) -> None:
    """Show translated, fuzzy, must-retranslate, untranslated and obsolete counts.

    \b
    Example:
      kit status --format json > status.json
    """
    from kit.commands.status import run_status, status_json
    from kit.commands.status_table import format_status_table

    report = run_status(_project(ctx), locales)
    if fmt == "json":
        click.echo(json.dumps(status_json(report), indent=2, ensure_ascii=False))
    else:
        click.echo(format_status_table(report.rows))
    if report.errors:
        _fail(report.errors)


@main.command()
@locale_option
@click.option(
    "--prune-obsolete",
    is_flag=True,
    help="Drop obsolete (#~) entries. Their translations are lost.",
)
@jobs_option
@click.pass_context
@handles_errors
def update(ctx: click.Context, locales: tuple[str, ...], prune_obsolete: bool, jobs: int) -> None:
    """Merge each template into each locale's catalog; never loses a translation.

    A changed source sentence keeps its old translation as a fuzzy suggestion; if the change
    touches a number, unit, negation, phone number, URL, e-mail or glossary term, the
    suggestion is marked must-retranslate and is never published.

    \b
    Example:
      kit extract && kit update --locale es
    """
    from kit.commands.update import run_update

    _print_report(run_update(_project(ctx), locales, prune_obsolete, jobs))


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--check", is_flag=True, help="Change nothing; exit 1 if a file is not in canonical form."
)
@click.pass_context
@handles_errors
def normalize(ctx: click.Context, paths: tuple[Path, ...], check: bool) -> None:
    """Rewrite PO/POT files an editor reformatted into GNU gettext's canonical form.

    Content is never changed: only line wrapping, header layout and the like. With no PATHS,
    every catalog of the project.

    \b
    Example:
      kit normalize locales/es/LC_MESSAGES/infant-all.po
    """
    from kit.commands.normalize import run_normalize

    project = _project(ctx) if not paths else None
    report = run_normalize(project, paths, check)
    _print_report(report)
    if check and report.count(Action.WRITTEN):
        sys.exit(1)


@main.command()
@click.option(
    "--locale", "locale", required=True, help="The locale whose translations were reviewed."
)
@click.option("--reviewer", required=True, help="Reviewer's name as it should appear on handouts.")
@click.option(
    "--role", required=True, help="For example 'clinical reviewer' or 'medical translator'."
)
@click.option("--method", default="", help="TEP, back-translation, bilingual clinician review, ...")
@click.option(
    "--document", "documents", multiple=True, help="Only this document slug (repeatable)."
)
@click.option("--date", "date", default=None, help="Review date, YYYY-MM-DD (default: today).")
@click.pass_context
@handles_errors
def review(
    ctx: click.Context,
    locale: str,
    reviewer: str,
    role: str,
    method: str,
    documents: tuple[str, ...],
    date: str | None,
) -> None:
    """Record that the translations now in a locale's catalogs were reviewed.

    Editing a translation or its source afterwards makes that entry unreviewed again.

    \b
    Example:
      kit review --locale es --reviewer "Dr. Ana Ruiz" --role "clinical reviewer" --method TEP
    """
    from kit.commands.review import run_review

    _print_report(run_review(_project(ctx), locale, reviewer, role, method, documents, date))


@main.command()
@locale_option
@click.option(
    "--format", "formats", default="html,pdf", show_default=True, help="html, pdf or html,pdf"
)
@jobs_option
@click.option(
    "--shard",
    default=None,
    metavar="K/N",
    help="Build only the K-th of N deterministic parts (CI matrix).",
)
@click.pass_context
@handles_errors
def build(
    ctx: click.Context, locales: tuple[str, ...], formats: str, jobs: int, shard: str | None
) -> None:
    """Build HTML pages and PDF handouts into dist/, redoing only what changed.

    \b
    Example:
      kit build --format html --locale es --jobs 2
    """
    from kit.build.plan import parse_shard
    from kit.commands.build import FORMATS, BuildOptions, run_build
    from kit.commands.progress import Reporter

    chosen = tuple(f.strip() for f in formats.split(",") if f.strip())
    bad = [f for f in chosen if f not in FORMATS]
    if bad or not chosen:
        raise KitError(
            f"unknown format {', '.join(bad) or formats!r}", hint="use html, pdf or html,pdf"
        )
    options = BuildOptions(locales, chosen, jobs, parse_shard(shard))
    project = _project(ctx)
    with Reporter() as reporter:
        report = run_build(project, options, reporter.update)
    for item in report.withheld:
        click.echo(f" withheld  {item.path}: {'; '.join(item.reasons)}", err=True)
    written = sum(1 for o in report.outcomes if o.action is Action.WRITTEN)
    click.echo(
        f"summary: {written} built, {report.skipped} up to date, "
        f"{len(report.withheld)} withheld, {len(report.errors)} failed",
        err=True,
    )
    if report.errors:
        _fail(report.errors)


@main.command()
@locale_option
@click.pass_context
@handles_errors
def bundle(ctx: click.Context, locales: tuple[str, ...]) -> None:
    """Pack each locale's built pages, assets and handouts into dist/bundles/<locale>.zip.

    Reads dist/ (after kit build, or the merged dist/ of sharded builds) and builds nothing.
    Each zip is byte-reproducible and holds a manifest.json; dist/report.html is the dashboard.

    \b
    Example:
      kit build && kit bundle --locale es --locale ar
    """
    from kit.commands.bundle import run_bundle

    _print_bundle_report(run_bundle(_project(ctx), locales))


@main.command("report")
@locale_option
@click.pass_context
@handles_errors
def report_command(ctx: click.Context, locales: tuple[str, ...]) -> None:
    """Write the coordinators' dashboard dist/report.html from dist/ (no bundles).

    \b
    Example:
      kit build --format html && kit report
    """
    from kit.commands.bundle import run_report

    _print_bundle_report(run_report(_project(ctx), locales))


def _print_bundle_report(report: BundleReport) -> None:
    from kit.commands.bundle import summary_lines

    for line in summary_lines(report):
        click.echo(line, err=True)
    if report.errors:
        _fail(report.errors)


@main.command()
@locale_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "sarif", "junit", "github"]),
    default="text",
    show_default=True,
    help="Report format (all go to stdout).",
)
@click.option(
    "--strict", is_flag=True, help="Fail on warnings too (default: kit.toml checks.fail_on)."
)
@click.pass_context
@handles_errors
def check(ctx: click.Context, locales: tuple[str, ...], fmt: str, strict: bool) -> None:
    """Check the source and every locale: translations, markup, numbers, glossary, alt text,
    reading level, review dates. Exit 1 when a finding reaches the failing severity.

    \b
    Example:
      kit check --locale es --format sarif > kit.sarif
    """
    from kit.checks.formats import render
    from kit.commands.check import run_check

    report = run_check(_project(ctx), locales, strict=strict)
    click.echo(render(report, fmt), nl=False)
    if report.failed:
        sys.exit(1)
