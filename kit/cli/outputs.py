"""Commands that check and publish: check, build, bundle, report."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from kit.commands.build import BuildReport
    from kit.commands.bundle import BundleReport
    from kit.project import Project

from kit.cli.common import (
    fail,
    handles_errors,
    jobs_option,
    locale_option,
    project_of,
)
from kit.commands.outcome import Action
from kit.errors import KitError


@click.command(short_help="Build HTML pages and PDF handouts into dist/.")
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
    project = project_of(ctx)
    with Reporter() as reporter:
        report = run_build(project, options, reporter.update)
    for item in report.withheld:
        click.echo(f" withheld  {item.path}: {'; '.join(item.reasons)}", err=True)
    for outcome in (o for o in report.outcomes if o.action is Action.REMOVED):
        click.echo(f"  removed  {outcome.path}: {outcome.detail}", err=True)
    errors = [*report.errors, *_serve_registered(project, report, jobs)]
    written = sum(1 for o in report.outcomes if o.action is Action.WRITTEN)
    click.echo(
        f"summary: {written} built, {report.skipped} up to date, "
        f"{len(report.withheld)} withheld, {len(report.errors)} failed",
        err=True,
    )
    if errors:
        fail(errors)


def _serve_registered(project: Project, report: BuildReport, jobs: int) -> list[KitError]:
    """The last registered version of each withheld page, published instead (issue 14)."""
    if not report.withheld or not (project.root / "register").is_dir():
        return []  # nothing to restore (and a no-op build need not load the register's code)
    from kit.commands.fallback import serve_registered

    try:
        restored = serve_registered(project, report, jobs)
    except KitError as exc:
        return [exc]
    for item in restored:
        row = item.row
        click.echo(
            f" restored  {row.locale}/{row.document}: the issued version {row.version} "
            f"(source reviewed {row.source_reviewed}, issued {row.issued}, "
            f"commit {row.commit[:12]}) is published instead",
            err=True,
        )
    return []


@click.command(short_help="Pack each locale's outputs into a zip bundle.")
@locale_option
@jobs_option
@click.pass_context
@handles_errors
def bundle(ctx: click.Context, locales: tuple[str, ...], jobs: int) -> None:
    """Pack each locale's built pages, assets and handouts into dist/bundles/<locale>.zip.

    Reads dist/ (after kit build, or the merged dist/ of sharded builds) and renders no page
    or handout. Each zip is byte-reproducible and holds a manifest.json; dist/report.html is
    the dashboard, and dist/index.html lists every page and handout of the merged dist/.

    \b
    Example:
      kit build && kit bundle --locale es --locale ar --jobs 2
    """
    from kit.commands.bundle import run_bundle

    _print_bundle_report(run_bundle(project_of(ctx), locales, jobs=jobs))


@click.command("report", short_help="Write the coordinators' dashboard dist/report.html.")
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

    _print_bundle_report(run_report(project_of(ctx), locales))


def _print_bundle_report(report: BundleReport) -> None:
    from kit.commands.bundle import summary_lines

    for line in summary_lines(report):
        click.echo(line, err=True)
    if report.errors:
        fail(report.errors)


@click.command(short_help="Check sources and translations; exit 1 on findings.")
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
@click.option(
    "--pdf",
    is_flag=True,
    help="Also check the built PDF handouts in dist/ for PDF/UA (tags, tables, links, fonts).",
)
@jobs_option
@click.option(
    "--shard",
    default=None,
    metavar="K/N",
    help="Check only the (document, locale) pairs kit build --shard K/N builds; each finding "
    "is reported by one shard (the project's own by 1/N). Layouts go to "
    ".kit-cache/overflow.K-of-N.json for kit bundle.",
)
@click.pass_context
@handles_errors
def check(
    ctx: click.Context,
    locales: tuple[str, ...],
    fmt: str,
    strict: bool,
    pdf: bool,
    jobs: int,
    shard: str | None,
) -> None:
    """Check the source and every locale: translations, markup, numbers, glossary, alt text,
    reading level, review dates. Exit 1 when a finding reaches the failing severity.

    render.overflow's layouts are remembered in .kit-cache/ (safe to delete). In a CI matrix,
    run kit check --shard K/N beside kit build --shard K/N and hand the bundle job each
    shard's .kit-cache/overflow.K-of-N.json: kit bundle reads them and lays nothing out.

    \b
    Example:
      kit check --locale es --format sarif > kit.sarif
      kit build && kit check --pdf --format junit > pdf.xml
      kit check --shard 2/4 --format github
    """
    from kit.commands.heap import heap_set_aside

    with heap_set_aside():  # the collector's walks: 56 ms of a check of 62,500 entries
        from kit.build.plan import parse_shard
        from kit.checks.formats import render
        from kit.commands.check import run_check
        from kit.commands.check_errors import CheckIncomplete

        part = parse_shard(shard) if shard else None
        try:
            report = run_check(
                project_of(ctx),
                locales,
                strict=strict,
                pdf=pdf,
                remember=True,
                jobs=jobs,
                shard=part,
            )
        except CheckIncomplete as incomplete:  # the others' report, then what was not read
            click.echo(render(incomplete.report, fmt), nl=False)
            unread = len(incomplete.errors)
            click.echo(f"not checked: {unread} file(s) could not be read (exit 2)", err=True)
            fail(incomplete.errors)
    click.echo(render(report, fmt), nl=False)
    if report.failed:
        sys.exit(1)
