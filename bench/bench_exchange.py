"""Benchmark: XLIFF export and import of one large catalog (the pure conversion, no disk).

Builds a catalog of ``--entries`` messages (a fifth with links or emphasis, a tenth fuzzy),
then times ``to_units`` + ``write_xliff`` (export) and ``read_xliff`` + ``plan_import``
(import of the unchanged file, which must change nothing), for XLIFF 2.1 and 1.2.

Run: ``.venv/bin/python bench/bench_exchange.py [--entries 20000]``.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kit.catalog.review import ReviewLog  # noqa: E402
from kit.exchange.apply import plan_import  # noqa: E402
from kit.exchange.units import ExchangeFile, to_units  # noqa: E402
from kit.exchange.xliff_read import read_xliff  # noqa: E402
from kit.exchange.xliff_write import write_xliff  # noqa: E402
from kit.po.model import PoEntry, PoFile  # noqa: E402

WORDS = "your child may feel tired after the treatment and the care team will check the blood counts each week".split()


def catalog(n: int, rng: random.Random) -> PoFile:
    entries = []
    for i in range(n):
        text = " ".join(rng.choice(WORDS) for _ in range(12)) + f" {i}."
        if i % 5 == 0:
            text = f"Call [the ward](tel:+1555{i:07d}) if **{text}**"
        fuzzy = ("fuzzy",) if i % 10 == 0 else ()
        entries.append(PoEntry(text, text.upper(), flags=fuzzy))
    return PoFile(PoEntry(""), tuple(entries))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=20000)
    args = parser.parse_args()
    po = catalog(args.entries, random.Random(1))
    for version in ("2.1", "1.2"):
        start = time.perf_counter()
        doc = ExchangeFile(
            "doc", "locales/es/LC_MESSAGES/doc.po", "en", "es", to_units(po, ReviewLog(), 2)
        )
        data = write_xliff(doc, version)
        exported = time.perf_counter() - start
        start = time.perf_counter()
        (returned,) = read_xliff(data, "doc.xlf")
        plan = plan_import(po, returned.units)
        imported = time.perf_counter() - start
        assert not plan.changes and not plan.notices
        print(
            f"XLIFF {version}: {args.entries} entries, {len(data) / 1e6:.1f} MB; "
            f"export {exported:.2f} s ({args.entries / exported:,.0f}/s), "
            f"import {imported:.2f} s ({args.entries / imported:,.0f}/s)"
        )


if __name__ == "__main__":
    main()
