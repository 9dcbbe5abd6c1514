"""Benchmark: a sharded CI build (``kit build --shard K/N`` on N runners, then one bundle job),
measured on a small real project and projected to a hospital network.

What it does, with the real CLI in subprocesses:

1. Builds a synthetic project (``bench/bench_build.py``'s generator: ``--documents`` ×
   ``--locales`` + the source locale, every catalog pseudo-translated so every output is
   published) as a CI matrix would, for each N in ``--runners`` (default 1,4,16): every shard
   K/N in its own copy of the project with an empty ``dist/`` and cache (a fresh runner), HTML
   and every PDF variant, ``--jobs 2`` (runners have 2 cores). Each shard's wall time, CPU time
   and number of outputs are recorded.
2. Merges the N ``dist/`` parts into one folder (what ``download-artifact`` with
   ``merge-multiple`` does) and runs ``kit bundle --jobs 2`` on it. The merged output must be
   byte-identical to the one-runner build: the benchmark fails otherwise.
3. Measures the cost of each part on one fresh runner: start-up (``kit --help``), deciding
   every page of the project (``--shard 1/1000000`` owns almost nothing but decides
   everything, as every shard does), a page (``--format html``) and a PDF (``--format pdf``),
   and prints how far that model is from every measured shard. Also the two other jobs: the
   check job (``kit check --jobs 2``, which the bundle job waits for) and the bundle job
   (``kit bundle --jobs 2``), each at two project sizes, and the bundle job once more with
   ``render.overflow`` disabled, which shows what its layouts cost (``--bundle-jobs`` sets
   the bundle's and the check's workers, to compare).
4. Projects a hospital network (``--network 2000x20``: 2,000 documents × 20 locales, HTML +
   standard, large-print and bilingual PDFs) to N = 1, 4 and 16 runners: each shard's exact
   share of the network's outputs (kit's own CRC-32 split of the real output keys), its
   build time from the measured costs, the slowest shard; the check job runs beside the
   shards; the bundle job starts when both are done: wall = max(slowest shard, check) + bundle.

Not included: a runner's set-up (``scripts/setup.sh`` on a fresh Debian container: apt and
pip, minutes, the same for every N) and moving the artifacts between jobs.

Run: ``.venv/bin/python bench/bench_shard.py [--documents 8] [--locales 3] [--runners 1,4,16]``.
"""

from __future__ import annotations

import argparse
import filecmp
import resource
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.bench_build import make_project  # noqa: E402
from kit.build.plan import Shard, Task  # noqa: E402

KIT = str(ROOT / ".venv" / "bin" / "kit")
RUNNERS = ROOT / "bench" / "out" / "shard-runners"
BUILD = ("build", "--jobs", "2", "--format", "html,pdf")
JOBS = ["2"]  # workers of kit check and kit bundle (--bundle-jobs)
PDF_VARIANTS_TARGET = 3  # standard, large print, bilingual
PDF_VARIANTS_SOURCE = 2  # no bilingual handout in the source locale


@dataclass(frozen=True)
class Run:
    runners: int
    shard: int
    html: int  # HTML pages this shard wrote
    pdf: int  # PDF files this shard wrote
    wall: float
    cpu: float


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def kit(project: Path, *args: str, codes: tuple[int, ...] = (0,)) -> tuple[float, float]:
    """Run ``kit --project PROJECT ARGS``; wall and CPU seconds."""
    cpu, wall = children_cpu(), time.perf_counter()
    done = subprocess.run([KIT, "--project", str(project), *args], capture_output=True, check=False)
    if done.returncode not in codes:
        raise SystemExit(f"kit {' '.join(args)}: exit {done.returncode}\n{done.stderr.decode()}")
    return time.perf_counter() - wall, children_cpu() - cpu


def bundle(project: Path) -> tuple[float, float]:
    return kit(project, "bundle", "--jobs", JOBS[0])


def check(project: Path) -> tuple[float, float]:
    """The CI check job (exit 1 when findings fail the check: still measured)."""
    return kit(project, "check", "--format", "json", "--jobs", JOBS[0], codes=(0, 1))


def fresh_runner(project: Path, name: str) -> Path:
    """A copy of the project as a CI runner checks it out: no dist/, no cache."""
    runner = RUNNERS / name
    shutil.rmtree(runner, ignore_errors=True)
    shutil.copytree(project, runner, ignore=shutil.ignore_patterns("dist", ".kit-cache"))
    return runner


def outputs(dist: Path) -> tuple[int, int]:
    pages = [p for p in dist.rglob("*.html") if p.parent != dist]  # not dist/index.html
    return len(pages), len(list(dist.rglob("*.pdf")))


def merge(parts: list[Path], into: Path) -> None:
    for part in parts:
        if part.is_dir():  # a shard of a small project may own nothing
            shutil.copytree(part, into, dirs_exist_ok=True)


def same_tree(a: Path, b: Path) -> bool:
    files_a = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    if files_a != files_b:
        return False
    _, mismatch, errors = filecmp.cmpfiles(a, b, [str(p) for p in files_a], shallow=False)
    return not mismatch and not errors


def matrix(project: Path, n: int) -> tuple[list[Run], Path, float]:
    """Every shard of an N-runner matrix, then the merge and the bundle job."""
    runs, parts = [], []
    for k in range(1, n + 1):
        runner = fresh_runner(project, f"n{n}-k{k}")
        wall, cpu = kit(runner, *BUILD, "--shard", f"{k}/{n}")
        html, pdf = outputs(runner / "dist")
        runs.append(Run(n, k, html, pdf, wall, cpu))
        parts.append(runner / "dist")
    bundler = fresh_runner(project, f"n{n}-bundle")
    merge(parts, bundler / "dist")
    bundle_wall, _ = bundle(bundler)
    return runs, bundler / "dist", bundle_wall


def network_shares(documents: int, locales: int, n: int) -> list[tuple[int, int]]:
    """(HTML pages, PDF files) of each shard K/N of the network, from kit's own split."""
    codes = ["en"] + [f"l{i:02d}" for i in range(1, locales)]
    shares = [[0, 0] for _ in range(n)]
    for d in range(documents):
        for code in codes:
            key = Task(f"doc-{d:05d}", code, "html").shard_key
            k = next(i for i in range(n) if Shard(i + 1, n).owns(key))
            shares[k][0] += 1
            shares[k][1] += PDF_VARIANTS_SOURCE if code == "en" else PDF_VARIANTS_TARGET
    return [(h, p) for h, p in shares]


@dataclass(frozen=True)
class Costs:
    """Wall seconds on a 2-core runner, each part measured on its own fresh runner."""

    pages: int  # (document, locale) pairs of the project
    decide: float  # start-up and deciding every page: what every shard pays
    build_pages: float  # --format html, decide included
    build_pdfs: float  # --format pdf, decide included
    outputs: int  # files of a whole build (pages + PDFs)
    bundle: float  # kit bundle on a whole build
    bundle_cpu: float
    plain: float  # the same without render.overflow (the check's layouts) in the summaries
    plain_cpu: float
    check: float  # the CI check job: kit check on the project


def measure_costs(documents: int, locales: int) -> Costs:
    project, codes = make_project(documents, locales)
    decide, _ = kit(fresh_runner(project, "decide"), *BUILD, "--shard", "1/1000000")
    pages, _ = kit(fresh_runner(project, "pages"), *BUILD[:-1], "html")
    pdfs, _ = kit(fresh_runner(project, "pdfs"), *BUILD[:-1], "pdf")
    whole = fresh_runner(project, "whole")
    kit(whole, *BUILD)
    check_wall, _ = check(whole)
    bundle_wall, bundle_cpu = bundle(whole)
    shutil.rmtree(whole / "dist" / "bundles")
    with (whole / "kit.toml").open("a", encoding="utf-8") as toml:
        toml.write('\n[checks]\ndisable = ["render.overflow"]\n')
    plain, plain_cpu = bundle(whole)
    html, pdf = outputs(whole / "dist")
    pairs = documents * (len(codes) + 1)
    return Costs(
        pairs,
        decide,
        pages,
        pdfs,
        html + pdf,
        bundle_wall,
        bundle_cpu,
        plain,
        plain_cpu,
        check_wall,
    )


@dataclass(frozen=True)
class Model:
    """Fixed costs and costs per unit, from two project sizes (marginal, so start-up is out)."""

    decide0: float
    per_pair: float
    per_page: float
    per_pdf: float
    bundle0: float
    per_output: float
    check0: float
    per_check_pair: float

    def shard(self, project_pages: int, html: int, pdf: int) -> float:
        return (
            self.decide0 + project_pages * self.per_pair + html * self.per_page + pdf * self.per_pdf
        )

    def bundle(self, files: int) -> float:
        return self.bundle0 + files * self.per_output

    def check(self, project_pages: int) -> float:
        return self.check0 + project_pages * self.per_check_pair


def fit(small: Costs, large: Costs, small_pdfs: int) -> Model:
    per_pair = (large.decide - small.decide) / (large.pages - small.pages)
    per_output = (large.bundle - small.bundle) / (large.outputs - small.outputs)
    per_check_pair = (large.check - small.check) / (large.pages - small.pages)
    return Model(
        decide0=small.decide - small.pages * per_pair,
        per_pair=per_pair,
        per_page=(small.build_pages - small.decide) / small.pages,
        per_pdf=(small.build_pdfs - small.decide) / small_pdfs,
        bundle0=small.bundle - small.outputs * per_output,
        per_output=per_output,
        check0=small.check - small.pages * per_check_pair,
        per_check_pair=per_check_pair,
    )


def per_file(small: Costs, large: Costs, field: str) -> float:
    """Marginal milliseconds per output file of one measured field."""
    grown = getattr(large, field) - getattr(small, field)
    return 1000 * grown / (large.outputs - small.outputs)


def main() -> None:
    parser = argparse.ArgumentParser(description="sharded CI build benchmark")
    parser.add_argument("--documents", type=int, default=8)
    parser.add_argument("--locales", type=int, default=3)
    parser.add_argument("--runners", default="1,4,16")
    parser.add_argument("--network", default="2000x20", help="DOCUMENTSxLOCALES to project")
    parser.add_argument("--bundle-jobs", default="2", help="kit check/bundle --jobs (default 2)")
    args = parser.parse_args()
    JOBS[0] = args.bundle_jobs
    counts = [int(x) for x in args.runners.split(",")]
    net_docs, net_locales = (int(x) for x in args.network.split("x"))

    project, codes = make_project(args.documents, args.locales)
    pairs = args.documents * (len(codes) + 1)
    print(f"project: {args.documents} documents × {len(codes) + 1} locales ({pairs} pages)")
    all_runs: list[Run] = []
    reference: Path | None = None
    for n in counts:
        runs, merged, bundle_wall = matrix(project, n)
        all_runs += runs
        html, pdf = sum(r.html for r in runs), sum(r.pdf for r in runs)
        print(
            f"N={n:<3} {html} pages + {pdf} PDFs; shards wall {min(r.wall for r in runs):.1f}–"
            f"{max(r.wall for r in runs):.1f} s, CPU {sum(r.cpu for r in runs):.1f} s in all; "
            f"bundle {bundle_wall:.1f} s"
        )
        if reference is None:
            reference = merged
        elif not same_tree(reference, merged):
            raise SystemExit(f"N={n}: the merged shards differ from the one-runner build")
        else:
            print(f"       merged dist/ byte-identical to N={counts[0]}")

    small_pdfs = sum(r.pdf for r in all_runs if r.runners == counts[0])
    small = measure_costs(args.documents, args.locales)
    large = measure_costs(args.documents * 3, args.locales)
    m = fit(small, large, small_pdfs)
    print(
        f"\nmeasured on one 2-core runner (--jobs 2): every shard pays {m.decide0:.2f} s of "
        f"start-up plus {m.per_pair * 1000:.1f} ms per page of the project (deciding it); "
        f"then {m.per_page * 1000:.1f} ms a page and {m.per_pdf * 1000:.0f} ms a PDF it builds. "
        f"kit bundle --jobs {JOBS[0]}: {m.bundle0:.2f} s plus {m.per_output * 1000:.1f} ms per file; "
        f"kit check --jobs {JOBS[0]} (the check job): {m.check0:.2f} s plus "
        f"{m.per_check_pair * 1000:.1f} ms per page of the project"
    )
    print(
        f"kit bundle per file, marginal: {per_file(small, large, 'bundle'):.1f} ms wall, "
        f"{per_file(small, large, 'bundle_cpu'):.1f} ms CPU; without render.overflow's layouts "
        f"{per_file(small, large, 'plain'):.1f} ms wall, {per_file(small, large, 'plain_cpu'):.1f} "
        f"ms CPU (hashing, zipping, localizing, the other checks, index and dashboard)"
    )
    worst = max(abs(m.shard(pairs, r.html, r.pdf) - r.wall) / r.wall for r in all_runs)
    print(f"that model against every measured shard above: within {worst:.0%} of its wall time")

    net_pairs = net_docs * net_locales
    print(f"\nprojected: {net_docs} documents × {net_locales} locales, 2-core runners")
    print(
        f"  {'runners':>7} {'pages':>7} {'PDFs':>7} {'slowest shard':>14} {'check':>9} "
        f"{'bundle':>9} {'wall':>9}"
    )
    check_job = m.check(net_pairs)
    for n in (1, 4, 16):
        shares = network_shares(net_docs, net_locales, n)
        pages, pdfs = sum(h for h, _ in shares), sum(p for _, p in shares)
        slowest = max(m.shard(net_pairs, h, p) for h, p in shares)
        bundle_job = m.bundle(pages + pdfs)
        wall = max(slowest, check_job) + bundle_job
        print(
            f"  {n:>7} {pages:>7} {pdfs:>7} {slowest / 60:>10.1f} min {check_job / 60:>5.1f} min "
            f"{bundle_job / 60:>5.1f} min {wall / 60:>5.1f} min"
        )


if __name__ == "__main__":
    main()
