"""The source revision a bundle was made from: ``git rev-parse HEAD`` and a dirty flag.

Dirty means the project's inputs (``kit.toml``, the source, locales and templates folders)
differ from that commit, untracked files included; ``dist/`` and other folders do not count,
so merging CI build artifacts into ``dist/`` does not make a checkout dirty. Outside git, or
without a git program, there is no revision and the manifest says ``null``.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from kit.bundle.model import Revision
from kit.config import Config

TIMEOUT = 30  # seconds; git status on a large checkout is still far below this


def _git(root: Path, *args: str) -> str | None:
    git = shutil.which("git")
    if git is None:
        return None
    try:
        done = subprocess.run(
            [git, "-C", str(root), *args],
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def inputs(config: Config) -> tuple[str, ...]:
    """The project's inputs as git pathspecs relative to the project root."""
    names = (
        config.path.name,
        config.project.source_dir,
        config.project.locales_dir,
        config.project.templates_dir,
    )
    return tuple(dict.fromkeys(names))


def source_revision(config: Config) -> Revision | None:
    head = _git(config.root, "rev-parse", "--verify", "HEAD")
    if not head or not head.strip():
        return None
    status = _git(config.root, "status", "--porcelain", "--", *inputs(config))
    return Revision(head.strip(), dirty=status is None or bool(status.strip()))
