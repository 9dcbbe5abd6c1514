"""The ``kit`` console command leaves with ``os._exit`` once a command is done
(``kit.cli.run``): its exit status, its output and its exit handlers must be what CPython's
own shutdown would have given."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from kit.cli import _exit_status

JSON = ("--format", "json")


def kit(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "kit", *args], cwd=cwd, capture_output=True, check=False
    )


def test_statuses_and_messages_survive_the_quick_exit(tmp_path: Path) -> None:
    version = kit("--version")
    assert version.returncode == 0
    assert version.stdout.startswith(b"kit, version ")
    usage = kit("no-such-command")
    assert usage.returncode == 2
    assert b"No such command 'no-such-command'" in usage.stderr
    missing = kit("--project", str(tmp_path / "nowhere"), "check")
    assert missing.returncode == 2
    assert missing.stderr.startswith(b"Error: ")


def test_a_long_report_reaches_a_file_whole(tmp_path: Path) -> None:
    """Buffered output is flushed before the process ends: the JSON report parses."""
    assert kit("new", "clinic", cwd=tmp_path).returncode == 0
    project = tmp_path / "clinic"
    assert kit("--project", str(project), "extract").returncode == 0
    assert kit("--project", str(project), "init", "so").returncode == 0
    words = project / "locales" / "so" / "LC_MESSAGES" / "kit.po"  # one word translated:
    text = words.read_text(encoding="utf-8")  # each of the others is a finding of its own
    words.write_text(text.replace('"Languages"\nmsgstr ""', '"Languages"\nmsgstr "Luqadaha"'))
    out = tmp_path / "report.json"
    with out.open("wb") as sink:
        done = subprocess.run(
            [sys.executable, "-m", "kit", "--project", str(project), "check", "--strict", *JSON],
            stdout=sink,
            stderr=subprocess.PIPE,
            check=False,
        )
    assert done.returncode == 1  # --strict: the untranslated Somali catalogs fail the check
    assert out.stat().st_size > 8192  # more than one buffer of output
    report = json.loads(out.read_text(encoding="utf-8"))
    assert any(f["check"] == "translation.not-started" for f in report["findings"])


def test_exit_handlers_still_run(tmp_path: Path) -> None:
    """``atexit`` handlers (worker pools, temporary folders, logging) run before the exit."""
    marker = tmp_path / "ran"
    script = textwrap.dedent(
        f"""
        import atexit, pathlib, sys
        atexit.register(pathlib.Path({str(marker)!r}).write_text, "yes")
        sys.argv = ["kit", "--version"]
        from kit.cli import run
        run()
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, check=False)
    assert done.returncode == 0
    assert marker.read_text() == "yes"


@pytest.mark.parametrize(("code", "status"), [(None, 0), (0, 0), (1, 1), (2, 2), ("bye", 1)])
def test_exit_status_follows_sys_exit(code: object, status: int) -> None:
    assert _exit_status(code) == status
