"""Shared test helpers.

Tools kit relies on (GNU gettext, chromium, fonts) are installed by scripts/setup.sh. In CI
(CI=true) a missing tool fails the test; on a developer machine it skips with the reason.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def require_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        message = f"{name} is not installed (run scripts/setup.sh)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(reason=message)
    return path
