"""``kit serve`` as a process: another host only with a warning, the address printed, a clean
stop on Ctrl-C (exit 0, the project untouched); a bad ``--locale`` is an input error."""

from __future__ import annotations

import re
import signal
import subprocess
import sys
import urllib.request
from pathlib import Path

from tests.serve.support import sample_copy, snapshot


def kit(*args: str) -> list[str]:
    return [sys.executable, "-m", "kit", *args]


def test_other_host_warns_and_stops_cleanly(tmp_path: Path) -> None:
    root = sample_copy(tmp_path / "project")
    before = snapshot(root)
    process = subprocess.Popen(
        kit(
            "--project", str(root), "serve", "--host", "127.0.0.2", "--port", "0", "--locale", "es"
        ),
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stderr is not None
    lines = [process.stderr.readline(), process.stderr.readline()]
    assert lines[0].startswith("Warning: listening on 127.0.0.2"), lines
    match = re.search(r"http://127\.0\.0\.2:(\d+)/", lines[1])
    assert match, lines
    with urllib.request.urlopen(match[0] + "es/infant-all.html", timeout=10) as response:
        assert response.status == 200
    process.send_signal(signal.SIGINT)
    rest = process.stderr.read()
    process.stderr.close()
    assert process.wait(15) == 0
    assert rest.rstrip().endswith("kit serve: stopped")
    assert snapshot(root) == before


def test_unknown_locale_is_an_input_error(tmp_path: Path) -> None:
    root = sample_copy(tmp_path / "project")
    done = subprocess.run(
        kit("--project", str(root), "serve", "--locale", "fr"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "Error: kit.toml: locale fr is not one of the project's locales" in done.stderr
