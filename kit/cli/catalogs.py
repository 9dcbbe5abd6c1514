"""Commands on catalogs: extract, init, update, status, normalize, review."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from kit.cli.common import (
    fail,
    handles_errors,
    jobs_option,
    locale_option,
    print_report,
    project_of,
)
from kit.commands.outcome import Action


@click.command(short_help="Extract source/*.md into locales/<slug>.pot.")
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

    print_report(run_extract(project_of(ctx), jobs))


@click.command(short_help="Start catalogs for new locales (adds them to kit.toml).")
@click.argument("locales", nargs=-1, required=True)
@click.pass_context
@handles_errors
def init(ctx: click.Context, locales: tuple[str, ...]) -> None:
    """Start catalogs for new LOCALES (never overwrites an existing PO) and add them to
    project.locales in kit.toml, keeping its comments and layout.

    A regional variant starts from its parent's translations (es_MX from es), each one
    fuzzy until a person reviews it for the region. The source locale is refused.

    \b
    Example:
      kit init es zh_Hans ar
      kit init es_MX
    """
    from kit.commands.init import run_init

    print_report(run_init(project_of(ctx), locales))


@click.command(short_help="Show how far each locale's translation is.")
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

    report = run_status(project_of(ctx), locales)
    if fmt == "json":
        click.echo(json.dumps(status_json(report), indent=2, ensure_ascii=False))
    else:
        click.echo(format_status_table(report.rows))
    for row in report.rows:
        if row.unflagged:
            click.echo(
                f"warning: {row.path}: {row.unflagged} must-retranslate entr"
                f"{'y has' if row.unflagged == 1 else 'ies have'} no fuzzy flag (cleared by hand);"
                " msgfmt and translators' tools count them as done until `kit update` or"
                " `kit normalize` flags them again",
                err=True,
            )
    if report.errors:
        fail(report.errors)


@click.command(short_help="Merge templates into catalogs; never loses a translation.")
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

    print_report(run_update(project_of(ctx), locales, prune_obsolete, jobs))


@click.command(short_help="Put catalogs another tool rewrote back in kit's form.")
@click.argument("paths", nargs=-1, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--check", is_flag=True, help="Change nothing; exit 1 if a file is not in canonical form."
)
@click.pass_context
@handles_errors
def normalize(ctx: click.Context, paths: tuple[Path, ...], check: bool) -> None:
    """Rewrite PO/POT files another tool (polib, Babel, Poedit, msgcat) reformatted into
    kit's form: GNU gettext's wrapping, one line per comment, kit's header order, and every
    must-retranslate entry flagged fuzzy.

    Translations are never changed. What the tool dropped and the file cannot give back (a
    machine-draft record, `#|` previous texts) is reported as a warning. With no PATHS, every
    catalog of the project; `--check` writes nothing and exits 1 if a file would change.

    \b
    Example:
      kit normalize locales/es/LC_MESSAGES/infant-all.po
    """
    from kit.commands.normalize import run_normalize

    project = project_of(ctx) if not paths else None
    report = run_normalize(project, paths, check)
    print_report(report)
    if check and report.count(Action.WOULD_WRITE):
        sys.exit(1)


@click.command(short_help="Record a reviewer's sign-off for a locale.")
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
@click.option(
    "--stage",
    type=click.Choice(["translation", "revision", "clinical"]),
    default=None,
    help="Review stage; revision and clinical skip entries the reviewer translated.",
)
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
    stage: str | None,
) -> None:
    """Record that the translations now in a locale's catalogs were reviewed.

    Editing a translation or its source afterwards makes that entry unreviewed again. With
    --stage revision or clinical, entries the reviewer translated (git blame of the msgstr
    lines, else Last-Translator) are left unsigned: a second person must review them.

    \b
    Example:
      kit review --locale es --reviewer "Dr. Ana Ruiz" --role "clinical reviewer" --stage clinical
    """
    from kit.commands.review import run_review

    project = project_of(ctx)
    print_report(run_review(project, locale, reviewer, role, method, documents, date, stage or ""))
