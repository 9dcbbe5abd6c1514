#!/usr/bin/env python3
"""Render page 1 of every PDF handout in dist/ to PNG, for a person to look at.

    kit build --format pdf
    python scripts/render-previews.py                 # dist/**/*.pdf → dist/previews/
    python scripts/render-previews.py --pages 2 --dpi 110 --locale ar --locale zh_Hans

Writes ``<out>/<locale>/<handout>.png`` (``<handout>-<page>.png`` with ``--pages``) with poppler's ``pdftoppm`` (Debian
poppler-utils) and prints one line per image. What to look for: the right font and glyph
forms per script (Chinese SC/TC, not Japanese), Arabic letters joined and right-aligned with
bullets on the right, doses and phone numbers in the right order, nothing cut off, the
footer ("Page 1 of 2", review date), the QR code and its URL, large print clearly larger.
Exit status 2 if pdftoppm is missing or a PDF cannot be rendered.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", type=Path, default=Path("dist"), help="build output folder")
    parser.add_argument("--out", type=Path, default=None, help="default: <dist>/previews")
    parser.add_argument("--dpi", type=int, default=80, help="resolution (default 80)")
    parser.add_argument("--pages", type=int, default=1, help="first N pages (default 1)")
    parser.add_argument("--locale", action="append", default=[], help="only this locale")
    args = parser.parse_args(argv)
    exe = shutil.which("pdftoppm")
    if exe is None:
        print("error: pdftoppm not found; install poppler-utils", file=sys.stderr)
        return 2
    out = args.out or args.dist / "previews"
    pdfs = sorted(
        p for p in args.dist.glob("*/*.pdf") if not args.locale or p.parent.name in args.locale
    )
    if not pdfs:
        print(
            f"error: no PDF handouts in {args.dist}/<locale>/; run kit build --format pdf",
            file=sys.stderr,
        )
        return 2
    failed = 0
    for pdf in pdfs:
        target = out / pdf.parent.name / pdf.stem
        target.parent.mkdir(parents=True, exist_ok=True)
        command = [exe, "-png", "-r", str(args.dpi), "-f", "1", "-l", str(args.pages)]
        if args.pages == 1:
            command.append("-singlefile")  # <target>.png, no page suffix
        command.extend((str(pdf), str(target)))
        result = subprocess.run(command, capture_output=True, text=True)
        if result.returncode != 0:
            failed += 1
            print(f"error: {pdf}: {result.stderr.strip()}", file=sys.stderr)
            continue
        own = re.compile(rf"^{re.escape(pdf.stem)}(-\d+)?\.png$")
        for image in sorted(target.parent.iterdir()):
            if own.match(image.name):
                print(image)
    return 2 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
