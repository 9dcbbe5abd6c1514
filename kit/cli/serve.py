"""``kit serve``: a live preview for translators and reviewers."""

from __future__ import annotations

import click

from kit.cli.common import handles_errors, locale_option, project_of


@click.command(short_help="Preview pages and handouts live while you translate.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="Port to listen on (0: any free port).")  # fmt: skip
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Anything but loopback shares your drafts.")  # fmt: skip
@locale_option
@click.pass_context
@handles_errors
def serve(ctx: click.Context, port: int, host: str, locales: tuple[str, ...]) -> None:
    """Preview pages and handouts as you save: every page updates by itself in the browser.

    Watches source/, locales/, templates/ and kit.toml, redoes only what a save touched and
    writes nothing into the project or dist/. Stop it with Ctrl-C.

    \b
    Example:
      kit serve --locale es --port 8000
    """
    from kit.commands.serve_run import ServeOptions, run_serve

    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(
            f"Warning: listening on {host}: anyone who can reach this machine can read the "
            "unpublished drafts. Use the default 127.0.0.1 unless you mean it.",
            err=True,
        )
    project = project_of(ctx)
    run_serve(project, ServeOptions(host, port, locales), lambda line: click.echo(line, err=True))
