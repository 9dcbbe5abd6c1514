"""Compile kit's modules to bytecode before a benchmark times the ``kit`` command.

An installed kit has its ``.pyc`` files (pip compiles them at install time), and a checkout
run without ``PYTHONDONTWRITEBYTECODE`` writes them on its first run. With that variable set
(many CI images set it) a checkout compiles every module it imports on every run: about
70 ms of each ``kit check``, which is not what a user's command costs. The benchmarks time
the installed case; Python still reads ``.pyc`` files with the variable set.
"""

from __future__ import annotations

import compileall
from pathlib import Path

KIT = Path(__file__).resolve().parents[1] / "kit"


def compile_kit() -> None:
    """Write (or refresh) the bytecode of every module under ``kit/``."""
    if not compileall.compile_dir(KIT, quiet=1, force=False):
        raise SystemExit(f"could not compile {KIT}")
