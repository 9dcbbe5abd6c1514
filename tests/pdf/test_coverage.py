"""What the installed fonts can draw (``kit.pdf.coverage``), as fontconfig reports it."""

from __future__ import annotations

import subprocess

from kit.pdf.coverage import installed_coverage, merge_ranges, parse_charsets
from tests.conftest import require_tool


def test_charsets_are_read_as_inclusive_hex_ranges_and_merged() -> None:
    ranges = parse_charsets("20-7e a0-377\n41-5a 37a\nnot-hex 378-37f\n")
    assert merge_ranges(ranges) == ((0x20, 0x7E), (0xA0, 0x37F))


def test_installed_coverage_is_the_union_of_every_fonts_charset() -> None:
    """Fonts sharing a charset are read once: the union is the same as reading every line."""
    exe = require_tool("fc-list", "fontconfig")
    out = subprocess.run(
        [exe, "--format", "%{charset}\n"], capture_output=True, text=True, check=True
    ).stdout
    assert installed_coverage() == merge_ranges(parse_charsets(out))
