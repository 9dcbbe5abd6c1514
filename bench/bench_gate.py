"""Benchmark: what the publish gate (``kit.commands.gating``) costs a cold ``kit build``.

The same cold build (empty dist/ and cache, ``--jobs 1``, in this process; CPU seconds, so the
other processes on a shared machine do not count) twice per round:
with the gate, and with ``gate_decision`` replaced by "publish" (the build as it was before
the gate). Best of ``--rounds``. Then the gate alone: every catalog localized with the gate
and without it, outside the build (an upper bound: in the build, the gate and the HTML
renderer share warm caches). Two projects:

* the synthetic one of ``bench_build.py`` (50 documents × 10 locales, HTML only): the worst
  case, as HTML pages are cheap and every pseudo-translation ("[es] ...") holds a Markdown
  character, so the checks parse every message instead of taking their plain-prose fast path;
* the real sample (2 documents × 8 locales), HTML only, then HTML and every PDF handout
  (``kit build``'s default, what a hospital runs).

Target (issue 14): the gate costs at most 10 % of a cold build.

Run: ``.venv/bin/python bench/bench_gate.py [--rounds 3]``.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.bench_build import make_project  # noqa: E402
from kit.catalog.localize import Decision, PublishDecision  # noqa: E402
from kit.commands import gating  # noqa: E402
from kit.commands.build import BuildOptions, run_build  # noqa: E402
from kit.commands.loaders import load_documents, localize_one  # noqa: E402
from kit.config import load_config  # noqa: E402
from kit.locales import LocaleInfo  # noqa: E402
from kit.model import Document  # noqa: E402
from kit.project import Project  # noqa: E402

SAMPLE = ROOT / "bench" / "out" / "gate-sample"


@contextmanager
def no_gate() -> Iterator[None]:
    real = gating.gate_decision
    gating.gate_decision = lambda *_: PublishDecision(Decision.PUBLISH)  # type: ignore[assignment]
    try:
        yield
    finally:
        gating.gate_decision = real  # type: ignore[assignment]


def cold(root: Path, formats: tuple[str, ...]) -> float:
    shutil.rmtree(root / "dist", ignore_errors=True)
    shutil.rmtree(root / ".kit-cache", ignore_errors=True)
    project = Project(load_config(root))
    start = time.process_time()
    report = run_build(project, BuildOptions(formats=formats, jobs=1))
    elapsed = time.process_time() - start
    assert not report.errors, report.errors
    return elapsed


def gate_alone(root: Path, rounds: int) -> float:
    """CPU seconds of the gate itself: every catalog localized with and without it."""
    project = Project(load_config(root))
    docs, _ = load_documents(project)
    pairs = [(doc, loc) for doc in docs for loc in project.locales(())]

    def run(func: Callable[[Project, Document, LocaleInfo], object]) -> float:
        start = time.process_time()
        for doc, locale in pairs:
            func(project, doc, locale)
        return time.process_time() - start

    best = [min(run(f) for _ in range(rounds)) for f in (localize_one, gating.gated_localize)]
    return best[1] - best[0]


def compare(name: str, root: Path, formats: tuple[str, ...], rounds: int) -> None:
    with_gate: list[float] = []
    without: list[float] = []
    for _ in range(rounds):
        with_gate.append(cold(root, formats))
        with no_gate():
            without.append(cold(root, formats))
    a, b = min(with_gate), min(without)
    alone = gate_alone(root, rounds)
    print(f"{name}")
    print(f"  cold build with the gate {a:6.2f} s, without {b:6.2f} s: {100 * (a - b) / b:+5.1f} %")
    print(f"  the gate alone           {alone:6.2f} s: {100 * alone / b:5.1f} % of the cold build")


def copy_sample() -> Path:
    shutil.rmtree(SAMPLE, ignore_errors=True)
    for name in ("source", "locales", "templates"):
        shutil.copytree(ROOT / name, SAMPLE / name)
    shutil.copy(ROOT / "kit.toml", SAMPLE / "kit.toml")
    return SAMPLE


def main() -> None:
    parser = argparse.ArgumentParser(description="publish gate cost on a cold build")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    synthetic, _ = make_project(50, 10)
    compare("synthetic 50 × 10, HTML only", synthetic, ("html",), args.rounds)
    sample = copy_sample()
    compare("sample 2 × 8, HTML only", sample, ("html",), args.rounds)
    compare("sample 2 × 8, HTML + PDF handouts", sample, ("html", "pdf"), args.rounds)


if __name__ == "__main__":
    main()
