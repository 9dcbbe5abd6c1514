"""Commands that start a project: new."""

from __future__ import annotations

from pathlib import Path

import click

from kit.cli.common import handles_errors, print_report


@click.command(short_help="Create a new project that builds at once.")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--name", default=None, help="Project name (default: from DIRECTORY).")
@click.option(
    "--templates",
    is_flag=True,
    help="Copy kit's page and handout templates into DIRECTORY/templates to change them.",
)
@handles_errors
def new(directory: Path, name: str | None, templates: bool) -> None:
    """Create DIRECTORY with kit.toml, an example page in source/ and a .gitignore.

    Without --templates the project uses kit's own templates and styles until it has a
    templates/ folder of its own.

    \b
    Example:
      kit new my-leaflets && cd my-leaflets && kit extract && kit build
    """
    from kit.commands.new import run_new

    print_report(run_new(directory, name, templates))
