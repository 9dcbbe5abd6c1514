"""Commands that exchange files with translation agencies and reviewers: ``kit export`` and
``kit import`` (XLIFF for CAT tools)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from kit.cli.common import fail, handles_errors, locale_option, print_report, project_of
from kit.commands.outcome import Report

F = TypeVar("F", bound=Callable[..., Any])

# Options the export and import commands share, declared once.
files_argument = click.argument(
    "files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path)
)


def output_option(what: str, default: str) -> Callable[[F], F]:
    return click.option(
        "--output",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        help=f"Folder for the {what} [default: {default}].",
    )


@click.group("export", short_help="Write XLIFF, TMX, review packets for agencies and reviewers.")
def export_group() -> None:
    """Write files for translation agencies and reviewers.

    \b
    Example:
      kit export xliff --locale es
    """


@click.group("import", short_help="Read back XLIFF, TMX, review decisions, back-translations.")
def import_group() -> None:
    """Read back what agencies and reviewers return.

    \b
    Example:
      kit import xliff returned/infant-all.xlf
    """


@export_group.command("xliff")
@locale_option
@click.option(
    "--version",
    "version",
    type=click.Choice(["2.1", "1.2"]),
    default="2.1",
    show_default=True,
    help="XLIFF version (1.2 for older CAT tools).",
)
@output_option("files", "dist/xliff")
@click.pass_context
@handles_errors
def export_xliff(
    ctx: click.Context, locales: tuple[str, ...], version: str, output: Path | None
) -> None:
    """One XLIFF file per document and locale, for a CAT tool: dist/xliff/<ll>/<slug>.xlf.

    Obsolete entries are left out; notes carry the translator guidance; states say which
    entries are untranslated, fuzzy, must be translated again (with the reason), translated
    or reviewed; links, emphasis and code are inline codes the CAT tool protects.

    \b
    Example:
      kit export xliff --locale es --version 1.2
    """
    from kit.commands.exchange import run_export_xliff

    outcomes, errors = run_export_xliff(project_of(ctx), locales, version, output)
    print_report(Report(outcomes, errors))


@import_group.command("xliff")
@files_argument
@click.pass_context
@handles_errors
def import_xliff(ctx: click.Context, files: tuple[Path, ...]) -> None:
    """Apply the translations of returned XLIFF files to their catalogs.

    A unit whose source no longer equals the current message is reported and skipped. The
    translation checks run on what is imported; findings point at the XLIFF file's line, and
    a target failing an error-level check is imported as fuzzy. Exit code 1 when anything
    was refused or demoted.

    \b
    Example:
      kit import xliff returned/*.xlf
    """
    from kit.commands.exchange import run_import_xliff

    result = run_import_xliff(project_of(ctx), files)
    for finding in sorted(result.findings, key=lambda f: f.sort_key):
        click.echo(
            f"{finding.path}:{finding.line}: {finding.severity.value}: {finding.message} [{finding.check}]",
            err=True,
        )
    print_report(Report(result.outcomes, result.errors))
    if result.errors:
        fail(result.errors)
    if any(f.severity.rank >= 1 for f in result.findings):
        sys.exit(1)


@export_group.command("tmx")
@locale_option
@click.option(
    "--unreviewed",
    is_flag=True,
    help="Also current translations no 'kit review' sign-off covers yet.",
)
@output_option("files", "dist/tmx")
@click.pass_context
@handles_errors
def export_tmx(
    ctx: click.Context, locales: tuple[str, ...], unreviewed: bool, output: Path | None
) -> None:
    """A TMX 1.4b translation memory per locale pair, of the reviewed current translations of
    every document: dist/tmx/<source>-<target>.tmx, for agencies to seed their memory.

    \b
    Example:
      kit export tmx --locale es
    """
    from kit.commands.tmx import run_export_tmx

    print_report(run_export_tmx(project_of(ctx), locales, output, unreviewed))


@import_group.command("tmx")
@files_argument
@click.pass_context
@handles_errors
def import_tmx(ctx: click.Context, files: tuple[Path, ...]) -> None:
    """Store an agency's translation memory in locales/memory/ for 'kit update'.

    'kit update' then pre-fills a new message whose source the memory has exactly, as fuzzy,
    with a comment naming the memory; never as a finished translation, and never in place of
    a translation whose source changed in meaning.

    \b
    Example:
      kit import tmx agency/acme-en-es.tmx && kit update
    """
    from kit.commands.tmx import run_import_tmx

    print_report(run_import_tmx(project_of(ctx), files))


@export_group.command("review")
@click.option("--locale", "locale", required=True, help="The locale to review.")
@click.option("--document", "documents", multiple=True, help="Only this document (repeatable).")
@output_option("packets", "dist/review")
@click.pass_context
@handles_errors
def export_review(
    ctx: click.Context, locale: str, documents: tuple[str, ...], output: Path | None
) -> None:
    """Review packets for clinical reviewers: dist/review/<ll>/<slug>.docx and .html.

    One row per message: its id, source, translation, back-translation, what the checks
    found, and empty Decision and Comment columns for the reviewer.

    \b
    Example:
      kit export review --locale es --document infant-all
    """
    from kit.commands.review_packet import run_export_review

    result = run_export_review(project_of(ctx), locale, documents, output)
    print_report(Report(result.outcomes, result.errors))


@import_group.command("review")
@files_argument
@click.option("--reviewer", default=None, help="Reviewer's name [default: as in the packet].")
@click.option("--role", default=None, help="Reviewer's role [default: as in the packet].")
@click.option("--method", default=None, help="Review method [default: as in the packet].")
@click.option("--date", default=None, help="Review date YYYY-MM-DD [default: as in the packet].")
@click.pass_context
@handles_errors
def import_review(
    ctx: click.Context,
    files: tuple[Path, ...],
    reviewer: str | None,
    role: str | None,
    method: str | None,
    date: str | None,
) -> None:
    """Read a reviewer's decisions back from returned Word packets.

    Approvals become a review sign-off (as 'kit review' writes, for the approved entries
    only); "change" marks the entry fuzzy; comments become translator comments. A row whose
    text changed since the export is refused and reported; exit code 1 when any was.

    \b
    Example:
      kit import review returned/infant-all.docx
    """
    from kit.commands.review_packet import run_import_review

    who = {"reviewer": reviewer, "role": role, "method": method, "date": date}
    result = run_import_review(project_of(ctx), files, who)
    for line in result.refused:
        click.echo(line, err=True)
    print_report(Report(result.outcomes, result.errors))
    if result.refused:
        sys.exit(1)


@export_group.command("back-translation")
@click.option("--locale", "locale", required=True, help="The locale to back-translate.")
@click.option("--document", "documents", multiple=True, help="Only this document (repeatable).")
@output_option("files", "dist/back-translation")
@click.pass_context
@handles_errors
def export_back(
    ctx: click.Context, locale: str, documents: tuple[str, ...], output: Path | None
) -> None:
    """CSV files for an independent back-translator: the translations, no source text.

    \b
    Example:
      kit export back-translation --locale es
    """
    from kit.commands.back_translation import run_export_back

    result = run_export_back(project_of(ctx), locale, documents, output)
    print_report(Report(result.outcomes, result.errors))


@import_group.command("back-translation")
@files_argument
@click.option("--locale", "locale", required=True, help="The locale the CSV belongs to.")
@click.pass_context
@handles_errors
def import_back(ctx: click.Context, files: tuple[Path, ...], locale: str) -> None:
    """Store back-translations beside the catalogs (<slug>.back.json) for kit check and the
    review packets. A row whose translation changed since the export is refused.

    \b
    Example:
      kit import back-translation --locale es returned/infant-all.csv
    """
    from kit.commands.back_translation import run_import_back

    result = run_import_back(project_of(ctx), locale, files)
    for line in result.refused:
        click.echo(line, err=True)
    print_report(Report(result.outcomes, result.errors))
    if result.refused:
        sys.exit(1)
