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
   ``merge-multiple`` does) and runs ``kit bundle`` on it. The merged output must be
   byte-identical to the one-runner build: the benchmark fails otherwise.
3. Fits the shard runs to ``wall = fixed + html × a + pdf × b`` (least squares over every
   shard of every N) and measures the fixed cost that grows with the project (deciding every
   page: ``--shard 1/1000000`` owns almost nothing but still decides everything).
4. Projects a hospital network (``--network 2000x20``: 2,000 documents × 20 locales, HTML +
   standard, large-print and bilingual PDFs) to N = 1, 4 and 16 runners: each shard's exact
   share of the network's outputs (kit's own CRC-32 split of the real output keys), its
   build time from the measured costs, the slowest shard, plus the bundle job.

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


def kit(project: Path, *args: str) -> tuple[float, float]:
    """Run ``kit --project PROJECT ARGS``; wall and CPU seconds."""
    cpu, wall = children_cpu(), time.perf_counter()
    subprocess.run([KIT, "--project", str(project), *args], check=True, capture_output=True)
    return time.perf_counter() - wall, children_cpu() - cpu


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
        wall, cpu = kit(
            runner, "build", "--format", "html,pdf", "--jobs", "2", "--shard", f"{k}/{n}"
        )
        html, pdf = outputs(runner / "dist")
        runs.append(Run(n, k, html, pdf, wall, cpu))
        parts.append(runner / "dist")
    bundler = fresh_runner(project, f"n{n}-bundle")
    merge(parts, bundler / "dist")
    bundle_wall, _ = kit(bundler, "bundle")
    return runs, bundler / "dist", bundle_wall


def fit(runs: list[Run]) -> tuple[float, float, float]:
    """Least squares ``wall = fixed + html·a + pdf·b`` (three unknowns, normal equations)."""
    rows = [(1.0, float(r.html), float(r.pdf), r.wall) for r in runs]
    m = [[sum(x[i] * x[j] for x in rows) for j in range(3)] for i in range(3)]
    v = [sum(x[i] * x[3] for x in rows) for i in range(3)]
    return tuple(solve(m, v))  # type: ignore[return-value]


def solve(m: list[list[float]], v: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting (3×3)."""
    a = [[*row, v[i]] for i, row in enumerate(m)]
    size = len(a)
    for col in range(size):
        pivot = max(range(col, size), key=lambda r: abs(a[r][col]))
        a[col], a[pivot] = a[pivot], a[col]
        for r in range(col + 1, size):
            f = a[r][col] / a[col][col]
            a[r] = [x - f * y for x, y in zip(a[r], a[col], strict=True)]
    out = [0.0] * size
    for r in reversed(range(size)):
        out[r] = (a[r][size] - sum(a[r][c] * out[c] for c in range(r + 1, size))) / a[r][r]
    return out


def network_shares(documents: int, locales: int, n: int) -> list[tuple[int, int]]:
    """(HTML pages, PDF files) of each shard K/N of the network, from kit's own split."""
    codes = ["en"] + [f"l{i:02d}" for i in range(1, locales)]
    shares = [[0, 0] for _ in range(n)]
    for d in range(documents):
        slug = f"doc-{d:05d}"
        for code in codes:
            for fmt in ("html", "pdf"):
                key = Task(slug, code, fmt).key
                k = next(i for i in range(n) if Shard(i + 1, n).owns(key))
                if fmt == "html":
                    shares[k][0] += 1
                else:
                    shares[k][1] += PDF_VARIANTS_SOURCE if code == "en" else PDF_VARIANTS_TARGET
    return [(h, p) for h, p in shares]


def main() -> None:
    parser = argparse.ArgumentParser(description="sharded CI build benchmark")
    parser.add_argument("--documents", type=int, default=8)
    parser.add_argument("--locales", type=int, default=3)
    parser.add_argument("--runners", default="1,4,16")
    parser.add_argument("--network", default="2000x20", help="DOCUMENTSxLOCALES to project")
    args = parser.parse_args()
    counts = [int(x) for x in args.runners.split(",")]
    net_docs, net_locales = (int(x) for x in args.network.split("x"))

    project, codes = make_project(args.documents, args.locales)
    pairs = args.documents * (len(codes) + 1)
    print(f"project: {args.documents} documents × {len(codes) + 1} locales ({pairs} pages)")
    all_runs: list[Run] = []
    reference: Path | None = None
    bundle_per_output = 0.0
    for n in counts:
        runs, merged, bundle_wall = matrix(project, n)
        all_runs += runs
        html, pdf = sum(r.html for r in runs), sum(r.pdf for r in runs)
        slowest = max(r.wall for r in runs)
        print(
            f"N={n:<3} {html} pages + {pdf} PDFs; shards wall {min(r.wall for r in runs):.1f}–"
            f"{slowest:.1f} s, CPU {sum(r.cpu for r in runs):.1f} s in all; bundle {bundle_wall:.1f} s"
        )
        if reference is None:
            reference = merged
            bundle_per_output = bundle_wall / (html + pdf)
        elif not same_tree(reference, merged):
            raise SystemExit(f"N={n}: the merged shards differ from the one-runner build")
        else:
            print(f"       merged dist/ byte-identical to N={counts[0]}")

    fixed, per_page, per_pdf = fit(all_runs)
    decide_wall, _ = kit(
        fresh_runner(project, "decide"), "build", "--format", "html,pdf", "--shard", "1/1000000"
    )
    start_wall, _ = kit(project, "--help")
    per_pair = max(decide_wall - start_wall, 0.0) / pairs
    print(
        f"\nmeasured, --jobs 2 on this machine: {per_page * 1000:.1f} ms a page, "
        f"{per_pdf * 1000:.0f} ms a PDF; fixed {fixed:.2f} s a shard (start-up, reading the "
        f"project); deciding {per_pair * 1000:.2f} ms per page of the project; "
        f"bundle {bundle_per_output * 1000:.2f} ms per output"
    )

    net_pairs = net_docs * net_locales
    print(f"\nprojected: {net_docs} documents × {net_locales} locales, 2-core runners")
    print(
        f"  {'runners':>7} {'pages':>8} {'PDFs':>8} {'slowest shard':>14} {'bundle':>8} {'wall':>8}"
    )
    for n in (1, 4, 16):
        shares = network_shares(net_docs, net_locales, n)
        costs = [start_wall + net_pairs * per_pair + h * per_page + p * per_pdf for h, p in shares]
        pages = sum(h for h, _ in shares)
        pdfs = sum(p for _, p in shares)
        bundle = (pages + pdfs) * bundle_per_output
        slowest = max(costs)
        print(
            f"  {n:>7} {pages:>8} {pdfs:>8} {slowest / 60:>11.1f} min {bundle / 60:>5.1f} min "
            f"{(slowest + bundle) / 60:>5.1f} min"
        )


if __name__ == "__main__":
    main()
