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

import atexit
import gc
import os
import sys
from pathlib import Path
from typing import NoReturn

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


def run() -> NoReturn:
    """The ``kit`` console command: ``main``, then a quick exit.

    When a command is done, CPython's own shutdown frees every object one by one: after a
    ``kit check`` of 62,000 entries that was about 0.2 CPU-seconds (5 % of the run), for
    memory the operating system takes back at once. So, as mypy does, kit runs the exit
    handlers (``atexit``: worker pools, temporary folders, logging), flushes its output and
    leaves with ``os._exit``. Every file kit writes is complete and closed before ``main``
    returns (``kit.files`` writes atomically); an exception that escapes ``main`` (a bug) still
    ends the usual way, with its traceback."""
    try:
        main()  # click's standalone mode: always ends with SystemExit
    except SystemExit as stop:
        code = _exit_status(stop.code)
    else:  # pragma: no cover - standalone click never returns
        code = 0
    atexit._run_exitfuncs()
    os._exit(_flushed(code))


def _exit_status(code: object) -> int:
    """``sys.exit``'s rule: None is 0, an int is itself, anything else is printed and is 1."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1


def _flushed(code: int) -> int:
    """Flush stdout and stderr; a reader that went away (``kit check | head``) makes the exit
    status 120, as CPython's own shutdown does when it cannot flush."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            code = code or 120
    return code
