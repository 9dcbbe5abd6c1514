"""The tools kit is compared with, each in its own virtual environment under ``bench/out/``
(translate-toolkit and mdpo both install a console script called ``md2po``, so they cannot
share one, and neither belongs in kit's ``.venv``). Made with pip on first use."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"


def venv(name: str, package: str) -> Path:
    """The ``bin`` folder of a virtual environment under bench/out/ holding ``package``, made
    on the interpreter that runs the benchmark (so the tools and kit run on the same Python)."""
    folder = OUT / name
    if not (folder / "bin" / "md2po").exists():
        subprocess.run([sys.executable, "-m", "venv", str(folder)], check=True)
        subprocess.run([str(folder / "bin" / "pip"), "install", "-q", package], check=True)
    return folder / "bin"
