"""Commands of the issued-version register: issue, reproduce (``kit.commands.register``)."""

from __future__ import annotations

import sys

import click

from kit.cli.common import handles_errors, jobs_option, project_of


@click.command(short_help="Build and register every published output of this commit.")
@jobs_option
@click.pass_context
@handles_errors
def issue(ctx: click.Context, jobs: int) -> None:
    """Build the committed inputs and register every published page and handout.

    Appends one row per (document, locale) to register/issued.jsonl: version, source review
    date, reviewers, git commit, and the sha256 of each file. Commit the register.

    \b
    Example:
      git commit -am "Spanish reviewed" && kit issue && git add register && git commit -m issued
    """
    from kit.bundle.register import REGISTER
    from kit.commands.register import run_issue

    rows = run_issue(project_of(ctx), jobs)
    for row in rows:
        click.echo(
            f"   issued  {row.locale}/{row.document} {row.version} ({len(row.files)} files)",
            err=True,
        )
    click.echo(
        f"summary: {len(rows)} new row(s) in {REGISTER} at {rows[0].commit[:12] if rows else 'no change'}",
        err=True,
    )


@click.command(short_help="Rebuild registered outputs from git and compare bytes.")
@click.option("--document", default=None, help="Only this document (slug).")
@click.option("--locale", default=None, help="Only this locale.")
@jobs_option
@click.pass_context
@handles_errors
def reproduce(ctx: click.Context, document: str | None, locale: str | None, jobs: int) -> None:
    """Rebuild registered versions from git history and prove them byte-identical.

    Exit 0 when every file matches its sha256 in register/issued.jsonl, 1 otherwise.

    \b
    Example:
      kit reproduce --document infant-all --locale es
    """
    from kit.commands.register import run_reproduce

    results = run_reproduce(project_of(ctx), document, locale, jobs)
    for result in results:
        row = result.row
        where = f"{row.locale}/{row.document} {row.version} at {row.commit[:12]}"
        if result.identical:
            click.echo(f"identical  {where} ({len(row.files)} files)", err=True)
        else:
            click.echo(f" DIFFERS  {where}: {', '.join(result.mismatched)}", err=True)
    bad = sum(1 for r in results if not r.identical)
    click.echo(f"summary: {len(results) - bad} identical, {bad} differ", err=True)
    if bad:
        sys.exit(1)
