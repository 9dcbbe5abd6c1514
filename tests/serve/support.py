"""A copy of the sample project in a temporary folder, and a snapshot of its files."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def sample_copy(dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "kit.toml", dest / "kit.toml")
    for folder in ("source", "locales", "templates"):
        shutil.copytree(ROOT / folder, dest / folder)
    return dest


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` and its bytes (to prove nothing was written)."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}
