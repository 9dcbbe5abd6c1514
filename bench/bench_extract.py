"""Benchmark: extraction of 2,000 Markdown documents into gettext templates (issue 17, item 3).

Measures, in one run and alternating the tools round by round (so a burst of load on the
shared machine falls on all of them):

- ``kit extract --jobs 1`` and ``kit extract --jobs 2`` (a fresh ``locales/`` each time);
- translate-toolkit ``md2po`` (one POT per document, directory in, directory out);
- mdpo used as a library in one process (``markdown_to_pofile`` for each file, saving each
  POT: ``bench/extract_mdpo_library.py``), so its start-up is paid once as kit's is.

Each tool is installed in the benchmark's own virtual environment under ``bench/out/``
(translate-toolkit and mdpo both install a console script called ``md2po``, so they cannot
share one). Every figure is CPU seconds (user + system, child processes included, via
``getrusage``) and wall seconds; the best (lowest) of ``--rounds`` rounds is kept. The
ratios are printed next to the issue's targets: kit at least 3x faster than translate-toolkit
and faster than mdpo's library. On a shared machine compare CPU time; wall time with
``--jobs 2`` is what a user waits for, and needs the two cores free.

Run: ``.venv/bin/python bench/bench_extract.py [--count 2000] [--rounds 3]``; with
``--scales 1,4,16`` only ``kit extract --jobs 1`` at 25, 100 and 400 documents, CPU ms per
document (``bench/scales.py``). The first run creates ``bench/out/venv-tt`` and
``bench/out/venv-mdpo`` with pip.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from corpus import write_corpus

from bench.bytecode import compile_kit
from bench.scales import Sample, add_scales_option, measure, parse_scales, run_scales
from bench.trash import empty_trash, set_aside
from bench.venvs import venv

OUT = Path(__file__).resolve().parent / "out"
ROOT = Path(__file__).resolve().parent.parent
KIT = ROOT / ".venv" / "bin" / "kit"
TARGET_TT = 3.0  # kit at least 3x faster than translate-toolkit's md2po
TARGET_MDPO = 1.0  # and faster than mdpo's library API in one process


def run(command: list[str], fresh: Path, count: int) -> Callable[[], int]:
    """A measurable step: empty ``fresh`` (the output folder), run ``command``, check that it
    wrote ``count`` templates."""

    def work() -> int:
        set_aside(fresh)  # not deleted while tools are timed (bench/trash.py)
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        written = len(list(fresh.glob("*.pot")))
        if written != count:
            raise SystemExit(f"{command[0]}: {written} templates, expected {count}")
        return count

    return work


def scaled(scale: int) -> dict[str, Sample]:
    """``kit extract --jobs 1`` on 25 × ``scale`` documents, from a fresh project."""
    project = OUT / "extract-scaled"
    set_aside(project)
    docs = write_corpus(project / "source", 25 * scale)
    (project / "kit.toml").write_text('[project]\nname = "bench"\n', encoding="utf-8")
    kit = [str(KIT), "--project", str(project), "extract", "--jobs", "1"]
    return {"kit extract": measure(run(kit, project / "locales", len(docs)))}


def tools(project: Path, count: int) -> dict[str, Callable[[], int]]:
    tt = venv("venv-tt", "translate-toolkit[markdown]")
    mdpo = venv("venv-mdpo", "mdpo")
    source = str(project / "source")
    kit = [str(KIT), "--project", str(project), "extract", "--jobs"]
    library = [str(mdpo / "python"), str(ROOT / "bench" / "extract_mdpo_library.py")]
    return {
        "kit extract --jobs 1": run([*kit, "1"], project / "locales", count),
        "kit extract --jobs 2": run([*kit, "2"], project / "locales", count),
        "translate-toolkit md2po": run(
            [str(tt / "md2po"), "--pot", "-i", source, "-o", str(OUT / "tt-pot")],
            OUT / "tt-pot",
            count,
        ),
        "mdpo library, one process": run(
            [*library, source, str(OUT / "mdpo-pot")], OUT / "mdpo-pot", count
        ),
    }


def ratio_line(label: str, slower: float, kit: float, target: float, how: str) -> str:
    ratio = slower / kit
    met = ratio > target if how == ">" else ratio >= target
    verdict = "met" if met else "NOT met"
    return f"  {label:<44} {ratio:6.2f}x   target {how} {target:.0f}x: {verdict}"


def main() -> None:
    compile_kit()  # time kit as installed (bench/bytecode.py)
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=3)
    add_scales_option(parser, "25 documents")
    args = parser.parse_args()
    try:
        compare(args)
    finally:
        empty_trash()


def compare(args: argparse.Namespace) -> None:
    if args.scales:
        run_scales("kit extract --jobs 1", "document", parse_scales(args.scales), scaled)
        return
    project = OUT / "extract-project"
    set_aside(project)
    docs = write_corpus(project / "source", args.count)
    (project / "kit.toml").write_text('[project]\nname = "bench"\n', encoding="utf-8")
    print(f"corpus: {len(docs)} documents, {sum(p.stat().st_size for p in docs) / 1e6:.1f} MB")
    steps = tools(project, len(docs))
    best: dict[str, Sample] = {}
    for round_ in range(1, args.rounds + 1):
        for name, work in steps.items():
            sample = measure(work)
            print(
                f"  round {round_}  {name:<28} CPU {sample.cpu:6.2f} s   wall {sample.wall:6.2f} s"
            )
            if name not in best or sample.cpu < best[name].cpu:
                best[name] = sample
    kit1, kit2 = best["kit extract --jobs 1"], best["kit extract --jobs 2"]
    tt, mdpo = best["translate-toolkit md2po"], best["mdpo library, one process"]
    print(f"\nbest of {args.rounds} (CPU s / wall s):")
    for name, sample in best.items():
        per = sample.cpu / len(docs) * 1000
        print(f"  {name:<28} {sample.cpu:6.2f} / {sample.wall:6.2f}   {per:.2f} CPU ms a document")
    print("ratios (how many times kit is faster):")
    print(ratio_line("translate-toolkit / kit --jobs 1, CPU", tt.cpu, kit1.cpu, TARGET_TT, ">="))
    print(ratio_line("translate-toolkit / kit --jobs 2, wall", tt.wall, kit2.wall, TARGET_TT, ">="))
    print(ratio_line("mdpo library / kit --jobs 1, CPU", mdpo.cpu, kit1.cpu, TARGET_MDPO, ">"))
    print(ratio_line("mdpo library / kit --jobs 2, wall", mdpo.wall, kit2.wall, TARGET_MDPO, ">"))
    print(f"  {'kit --jobs 1 / --jobs 2, wall':<44} {kit1.wall / kit2.wall:6.2f}x")


if __name__ == "__main__":
    main()
