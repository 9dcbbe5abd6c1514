"""Shared test helpers.

Tools kit relies on (GNU gettext, chromium, fonts) are installed by scripts/setup.sh. In CI
(CI=true) a missing tool fails the test; on a developer machine it skips with the reason.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import NoReturn

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def unavailable(message: str) -> NoReturn:
    """Something a test needs is missing: a failure in CI, a skip with the reason elsewhere."""
    if os.environ.get("CI"):
        pytest.fail(f"{message}; it must be installed in CI")
    pytest.skip(reason=message)


def require_tool(name: str, package: str = "") -> str:
    path = shutil.which(name)
    if path is None:
        unavailable(f"{name} is not installed ({package or 'run scripts/setup.sh'})")
    return path
