"""Regenerate ``kit/po/_unidata.py`` from the libunistring that GNU msgcat uses.

GNU ``msgcat`` wraps strings with libunistring's ``ulc_width_linebreaks``: a UAX #14 line
breaker with its own tailored property table, pair table and ``uc_width``. kit reimplements
that algorithm in pure Python (``kit.po.linebreak``); this script extracts the data it needs
by *probing* the installed library through ctypes, so the tables are exactly the ones msgcat
runs with (libunistring 1.0, Unicode 14 on Debian 12) rather than a re-derivation from the
Unicode data files:

* every code point is classified by the break decisions the library makes around it next to
  one representative character of each line-breaking class (a "signature"); code points
  with the same signature behave identically, so they share a class;
* the pair table (direct / indirect / prohibited break between two classes) is read off the
  library with those representatives;
* widths come straight from ``uc_width(cp, "UTF-8")``.

Run (takes about two minutes): ``.venv/bin/python tests/po/gen_unidata.py > kit/po/_unidata.py``
then ``.venv/bin/ruff format kit/po/_unidata.py``. It is a development tool, not a test.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Iterator, Sequence

LIB = ctypes.CDLL("libunistring.so.2")
LIB.u8_possible_linebreaks_v2.argtypes = [
    ctypes.c_char_p,
    ctypes.c_size_t,
    ctypes.c_char_p,
    ctypes.c_char_p,
]
LIB.uc_width.argtypes = [ctypes.c_uint32, ctypes.c_char_p]
LIB.uc_width.restype = ctypes.c_int

POSSIBLE = 2

# One representative per effective class. OPW is an opening bracket of East Asian width
# F/W/H (UAX #14 LB30 lets a break happen before it after letters and digits).
REPRESENTATIVES = {
    "BK": 0x0B, "CR": 0x0D, "SP": 0x20, "ZW": 0x200B, "CM": 0x0301, "ZWJ": 0x200D,
    "WJ": 0x2060, "GL": 0xA0, "B2": 0x2014, "BA": 0x2010, "HY": 0x2D, "BB": 0xB4,
    "CL": 0x7D, "CP": 0x29, "EX": 0x21, "IN": 0x2026, "NS": 0x3005, "OP": 0x28,
    "OPW": 0x3008, "QU": 0x22, "IS": 0x2C, "NU": 0x30, "PO": 0x25, "PR": 0x24, "SY": 0x2F,
    "AL": 0x41, "H2": 0xAC00, "H3": 0xAC01, "ID": 0x4E00, "JL": 0x1100, "JV": 0x1160,
    "JT": 0x11A8, "HL": 0x5D0, "RI": 0x1F1E6, "EB": 0x1F466, "EM": 0x1F3FB,
}  # fmt: skip
MANDATORY = ("BK", "CR")
CONTEXT = [chr(cp) for name, cp in REPRESENTATIVES.items() if name not in MANDATORY]
# Probe shapes: (text with X for the probed character, index of the position looked at).
SHAPES = [
    ("{r}X", 1), ("{r} X", 2), ("X{r}", 1), ("X {r}", 2),
    ("X-{r}", 2), ("X\u200d{r}", 2), ("X\u0301{r}", 2),
]  # fmt: skip
PROBES = [(shape.replace("{r}", r), idx) for r in CONTEXT for shape, idx in SHAPES]


def possible_linebreaks(data: bytes) -> bytes:
    out = ctypes.create_string_buffer(len(data))
    LIB.u8_possible_linebreaks_v2(data, len(data), b"UTF-8", out)
    return out.raw


def signatures(cps: list[int]) -> list[bytes]:
    """Break decisions around each code point, one byte per probe."""
    chunks: list[bytes] = []
    targets: list[int] = []
    pos = 0
    for cp in cps:
        for text, idx in PROBES:
            probe = text.replace("X", chr(cp))
            targets.append(pos + 1 + len(probe[:idx].encode()))
            chunk = ("\n" + probe).encode()
            chunks.append(chunk)
            pos += len(chunk)
    res = possible_linebreaks(b"".join(chunks))
    k = len(PROBES)
    return [bytes(res[t] for t in targets[i * k : (i + 1) * k]) for i in range(len(cps))]


def classify() -> list[str]:
    known: dict[bytes, str] = {}
    reps = list(REPRESENTATIVES.items())
    for (name, _), sig in zip(reps, signatures([cp for _, cp in reps]), strict=True):
        if sig in known:
            raise SystemExit(f"{name} is indistinguishable from {known[sig]}")
        known[sig] = name
    classes = ["AL"] * 0x110000
    cps = [cp for cp in range(0x110000) if not 0xD800 <= cp <= 0xDFFF]
    for start in range(0, len(cps), 4096):
        chunk = cps[start : start + 4096]
        for cp, sig in zip(chunk, signatures(chunk), strict=True):
            if sig not in known:
                raise SystemExit(f"U+{cp:04X} behaves like no known class")
            classes[cp] = known[sig]
    classes[0x0A] = "LF"  # same breaks as BK, except after CR (CR LF is one break)
    return classes


def pair_table(names: list[str]) -> list[str]:
    """D: break, I: break only after a space, P: never; for every (before, after) pair."""
    rows = []
    for a in names:
        row = ""
        for b in names:
            ca, cb = chr(REPRESENTATIVES[a]), chr(REPRESENTATIVES[b])
            direct = possible_linebreaks(f"{ca}{cb}".encode())[len(ca.encode())]
            spaced = possible_linebreaks(f"{ca} {cb}".encode())[len(ca.encode()) + 1]
            row += "D" if direct == POSSIBLE else "I" if spaced == POSSIBLE else "P"
        rows.append(row)
    return rows


def runs(values: Sequence[str | int]) -> Iterator[tuple[int, str | int]]:
    prev: str | int | None = None
    for cp, value in enumerate(values):
        if value != prev and not 0xD800 <= cp <= 0xDFFF:
            yield cp, value
            prev = value


def wrapped(items: list[str], indent: str = "    ") -> str:
    lines, line = [], ""
    for item in items:
        if len(line) + len(item) + 1 > 88:
            lines.append(indent + line.rstrip())
            line = ""
        line += item + " "
    lines.append(indent + line.rstrip())
    return "\n".join(lines)


def main() -> None:
    classes = classify()
    widths = [LIB.uc_width(cp, b"UTF-8") for cp in range(0x110000)]
    table_names = [n for n in REPRESENTATIVES if n not in (*MANDATORY, "SP", "ZW", "CM", "ZWJ")]
    out = sys.stdout
    out.write('"""Generated by tests/po/gen_unidata.py from libunistring 1.0; do not edit.\n\n')
    out.write("Line-breaking classes and display widths exactly as GNU msgcat sees them.\n")
    out.write('"""\n\n')
    out.write("# Classes of the pair table, in its row and column order.\n")
    out.write(f'TABLE_CLASSES = "{" ".join(table_names)}"\n\n')
    out.write("# PAIR_TABLE[before][after]: D direct break, I break only after spaces, P none.\n")
    out.write("PAIR_TABLE = (\n")
    for name, row in zip(table_names, pair_table(table_names), strict=True):
        out.write(f'    "{row}",  # {name}\n')
    out.write(")\n\n")
    out.write("# Code point ranges: '<hex start>:<class>' until the next start.\n")
    items = [f"{cp:X}:{name}" for cp, name in runs(classes)]
    out.write(f'LINE_BREAK = """\n{wrapped(items)}\n"""\n\n')
    out.write("# Code point ranges: '<hex start>:<uc_width>' until the next start.\n")
    items = [f"{cp:X}:{w}" for cp, w in runs(widths)]
    out.write(f'WIDTH = """\n{wrapped(items)}\n"""\n')


if __name__ == "__main__":
    main()
