"""Same inputs, same bytes: two separate processes render byte-identical handouts."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

from kit.config import Config
from tests.pdf.conftest import Render
from tests.pdf.helpers import REPO

CASES = (("en", "standard"), ("zh_Hans", "standard"), ("ar", "large-print"), ("es", "bilingual"))

SCRIPT = """
import hashlib, json, sys
from pathlib import Path
from kit.pdf.view import default_renderers
from kit.pdf.render import render_handout
from tests.pdf.conftest import PROFILES
from tests.pdf.helpers import localized, make_config
config = make_config(Path(sys.argv[1]))
out = {}
for code, profile in json.loads(sys.argv[2]):
    data = render_handout(localized(config, code), config, PROFILES[profile], default_renderers())
    out[code + "/" + profile] = hashlib.sha256(data).hexdigest()
print(json.dumps(out, sort_keys=True))
"""


def _in_new_process(root: Path) -> dict[str, str]:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(root), json.dumps(CASES)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
        env={"PATH": "/usr/bin:/bin", "PYTHONHASHSEED": "random", "LANG": "C.UTF-8"},
    )
    return dict(json.loads(result.stdout))


def test_two_processes_give_identical_bytes(config: Config, render: Render) -> None:
    first = _in_new_process(config.root)
    second = _in_new_process(config.root)
    assert first == second
    here = {f"{c}/{p}": hashlib.sha256(render(c, p)).hexdigest() for c, p in CASES}
    assert here == first  # and the same as this process, after many other renders
