"""Benchmark: ``kit check`` with a large glossary stays linear in the number of rows.

Copies the sample project into a temporary folder, gives its ``es`` locale a synthetic
glossary of N rows (made-up multi-word terms, some sharing first words, plus the sample's
own terms so that real matches happen), and times ``kit check --locale es`` as a user runs
it (a subprocess: start-up, loading, matching). Runs 5,000, 20,000 and 80,000 rows so the
growth is visible: linear means 80,000 rows cost about four times what 20,000 add.

Before the fix, 20,000 rows took 12.9 s (a quadratic prefix table and 40,000 regular
expressions compiled up front); target: under 3 s.

Run: ``.venv/bin/python bench/bench_glossary.py [--rows 5000 10000 20000]``.
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SYLLABLES = "ka lo mi na pe ri su to va ze bo cu da fe gi".split()


def glossary(rows: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    seen: set[str] = set()
    lines = ["source,target,note"]
    own = (ROOT / "locales" / "es" / "glossary.csv").read_text(encoding="utf-8").splitlines()[1:]
    lines += [line for line in own if line.strip() and not line.startswith("#")]
    while len(lines) < rows + 1:
        words = [
            "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
            for _ in range(rng.randint(1, 3))
        ]
        term = " ".join(words)
        if term not in seen:
            seen.add(term)
            lines.append(f"{term},{term}o,")
    return "\n".join(lines) + "\n"


def time_check(project: Path) -> float:
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "kit", "--project", str(project), "check", "--locale", "es"],
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - start
    if result.returncode not in (0, 1):
        raise SystemExit(f"kit check failed:\n{result.stdout}\n{result.stderr}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, nargs="+", default=[5_000, 20_000, 80_000])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "p"
        for name in ("source", "locales", "templates"):
            shutil.copytree(ROOT / name, project / name)
        shutil.copy(ROOT / "kit.toml", project / "kit.toml")
        path = project / "locales" / "es" / "glossary.csv"
        base = time_check(project)
        print(f"sample glossary: {base:.2f} s")
        for rows in args.rows:
            path.write_text(glossary(rows), encoding="utf-8")
            elapsed = time_check(project)
            print(f"{rows:>6,} rows: {elapsed:.2f} s")


if __name__ == "__main__":
    main()
