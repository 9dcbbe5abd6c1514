"""Command line: thin click commands, one module per group of commands.

- ``common``: errors to exit codes (``Error: path:line: message`` plus a hint, exit 2), the
  project, and the options several commands share (``--jobs``, ``--locale``).
- ``catalogs``: extract, init, update, status, normalize, review.
- ``outputs``: check, build, bundle, report.
- ``exchange``: export and import (XLIFF, TMX, review packets, back-translations).

Exit codes: 0 success, 1 findings at or above the failing severity, 2 usage or input error.
Machine formats go to stdout; progress and logs go to stderr. A new command goes in the
module of its group (or a new one) and is registered in ``COMMANDS`` below.
"""

from __future__ import annotations

import gc
from pathlib import Path

import click

from kit import __version__
from kit.cli import catalogs, exchange, outputs, project, register, serve

# The cyclic garbage collector's first threshold, raised from CPython's 700 allocations: kit
# holds tens of thousands of long-lived objects (parsed documents, catalogs, findings), and
# collecting every 700 allocations spent 5 % of ``kit check`` and ``kit build`` walking them
# (``bench/bench_checks.py``, ``bench/bench_build.py``). The older generations keep their
# ratios (10, 10); memory is unchanged (cycles are rare in kit: reference counting frees
# nearly everything at once).
GC_THRESHOLDS = (20_000, 10, 10)


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
    gc.set_threshold(*GC_THRESHOLDS)
    ctx.ensure_object(dict)
    ctx.obj["project"] = project


COMMANDS: tuple[click.Command, ...] = (
    project.new,
    catalogs.extract,
    catalogs.init,
    catalogs.status,
    catalogs.update,
    catalogs.normalize,
    catalogs.review,
    outputs.build,
    outputs.bundle,
    outputs.report_command,
    outputs.check,
    exchange.export_group,
    exchange.import_group,
    serve.serve,
    register.issue,
    register.reproduce,
)
for _command in COMMANDS:
    main.add_command(_command)
