"""Benchmark: extraction of 2,000 Markdown documents into gettext templates.

Compares ``kit extract`` with the tools a team would otherwise use, each installed in the
benchmark's own virtual environment (translate-toolkit and mdpo both install a console script
called ``md2po``, so they cannot share one):

- translate-toolkit ``md2po`` (one POT per document, directory in, directory out)
- mdpo ``md2po`` (one call per document; mdpo has no directory mode)

Run: ``.venv/bin/python bench/bench_extract.py [--count 2000]``; with ``--scales 1,4,16``
only ``kit extract --jobs 1`` at 25, 100 and 400 documents, CPU ms per document (``bench/scales.py``). The first run creates
``bench/out/venv-tt`` and ``bench/out/venv-mdpo`` with pip. Prints wall times and ratios.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from corpus import write_corpus

from bench.scales import Sample, add_scales_option, measure, parse_scales, run_scales

OUT = Path(__file__).resolve().parent / "out"
ROOT = Path(__file__).resolve().parent.parent


def venv(name: str, package: str) -> Path:
    folder = OUT / name
    if not (folder / "bin" / "md2po").exists():
        subprocess.run([sys.executable, "-m", "venv", str(folder)], check=True)
        subprocess.run([str(folder / "bin" / "pip"), "install", "-q", package], check=True)
    return folder / "bin" / "md2po"


def timed(
    label: str, command: list[str] | None = None, calls: list[list[str]] | None = None
) -> float:
    start = time.perf_counter()
    for cmd in calls or [command or []]:
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
    print(f"{label:<28} {elapsed:8.2f} s")
    return elapsed


def scaled(scale: int) -> dict[str, Sample]:
    """``kit extract --jobs 1`` on 25 × ``scale`` documents, from a fresh project."""
    project = OUT / "extract-scaled"
    shutil.rmtree(project, ignore_errors=True)
    docs = write_corpus(project / "source", 25 * scale)
    (project / "kit.toml").write_text('[project]\nname = "bench"\n', encoding="utf-8")
    kit = [str(ROOT / ".venv" / "bin" / "kit"), "--project", str(project), "extract", "--jobs", "1"]

    def work() -> int:
        subprocess.run(kit, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return len(docs)

    return {"kit extract": measure(work)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=2000)
    add_scales_option(parser, "25 documents")
    args = parser.parse_args()
    if args.scales:
        run_scales("kit extract --jobs 1", "document", parse_scales(args.scales), scaled)
        return
    project = OUT / "extract-project"
    shutil.rmtree(project, ignore_errors=True)
    docs = write_corpus(project / "source", args.count)
    (project / "kit.toml").write_text('[project]\nname = "bench"\n', encoding="utf-8")
    print(f"corpus: {len(docs)} documents, {sum(p.stat().st_size for p in docs) / 1e6:.1f} MB")

    kit = timed(
        "kit extract", [str(ROOT / ".venv" / "bin" / "kit"), "--project", str(project), "extract"]
    )
    tt_md2po = venv("venv-tt", "translate-toolkit[markdown]")
    tt = timed(
        "translate-toolkit md2po",
        [str(tt_md2po), "--pot", "-i", str(project / "source"), "-o", str(OUT / "tt-pot")],
    )
    mdpo_md2po = venv("venv-mdpo", "mdpo")
    mdpo_out = OUT / "mdpo-pot"
    mdpo_out.mkdir(exist_ok=True)
    mdpo = timed(
        "mdpo md2po (per file)",
        calls=[
            [str(mdpo_md2po), str(p), "--save", "--po-filepath", str(mdpo_out / f"{p.stem}.pot")]
            for p in docs
        ],
    )
    print(f"ratio translate-toolkit / kit: {tt / kit:5.2f}x")
    print(f"ratio mdpo / kit:              {mdpo / kit:5.2f}x")


if __name__ == "__main__":
    main()
