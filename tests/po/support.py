"""GNU gettext as the test oracle: run msgcat/msgfmt, or load libunistring.

In CI (the CI environment variable is set) a missing tool fails the test; on a developer
machine without gettext the test is skipped with the reason.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import subprocess
import tempfile
from dataclasses import replace
from pathlib import Path

from kit.po import PoFile
from tests.conftest import unavailable

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "po"


def require(what: str, found: object) -> None:
    if found:
        return
    unavailable(f"{what} is needed for this test (GNU gettext; run scripts/setup.sh)")


def tool(name: str) -> str:
    path = shutil.which(name)
    require(name, path)
    assert path is not None
    return path


def msgcat(data: bytes, *args: str, suffix: str = ".po") -> bytes:
    """What ``msgcat`` writes for a PO (or, with ``suffix=".pot"``, POT) file of ``data``."""
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / f"in{suffix}"
        source.write_bytes(data)
        return msgcat_file(source, *args)


def msgcat_file(path: Path, *args: str) -> bytes:
    result = subprocess.run(
        [tool("msgcat"), *args, str(path)], capture_output=True, check=False, timeout=60
    )
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout


def msgfmt_check(data: bytes, *, template: bool = False) -> None:
    """Fail unless ``msgfmt --check`` accepts ``data`` (a POT only gets its formats checked)."""
    checks = ["--check-format", "--check-domain"] if template else ["--check"]
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / ("in.pot" if template else "in.po")
        source.write_bytes(data)
        result = subprocess.run(
            [tool("msgfmt"), *checks, "-o", os.devnull, str(source)],
            capture_output=True,
            check=False,
            timeout=60,
        )
    assert result.returncode == 0, result.stderr.decode()


def libunistring() -> ctypes.CDLL:
    """The C library msgcat wraps with (it comes with gettext)."""
    name = ctypes.util.find_library("unistring")
    require("libunistring", name)
    lib = ctypes.CDLL(name)
    lib.u8_possible_linebreaks_v2.argtypes = [
        ctypes.c_char_p,
        ctypes.c_size_t,
        ctypes.c_char_p,
        ctypes.c_char_p,
    ]
    lib.u8_width_linebreaks_v2.argtypes = [
        ctypes.c_char_p,
        ctypes.c_size_t,
        ctypes.c_int,
        ctypes.c_int,
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_char_p,
        ctypes.c_char_p,
    ]
    lib.u8_width_linebreaks_v2.restype = ctypes.c_int
    lib.uc_width.argtypes = [ctypes.c_uint32, ctypes.c_char_p]
    lib.uc_width.restype = ctypes.c_int
    return lib


def without_lines(po: PoFile) -> PoFile:
    """``po`` with every ``PoEntry.line`` set to 0, to compare content only."""
    return PoFile(
        header=replace(po.header, line=0),
        entries=tuple(replace(e, line=0) for e in po.entries),
    )
