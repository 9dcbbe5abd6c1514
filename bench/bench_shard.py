"""Benchmark: a sharded CI matrix (``kit build --shard K/N`` and ``kit check --shard K/N`` on
each of N runners, then one bundle job), measured on a small project, projected to a network.

With the real CLI in subprocesses (``SOURCE_DATE_EPOCH`` set, as in CI):

1. For each N in ``--runners`` (default 1,4,16), every shard K/N on a fresh copy of a synthetic
   project (``bench/bench_build.py``'s generator, every catalog pseudo-translated): ``kit build
   --shard K/N --jobs 2`` (HTML and every PDF variant; runners have 2 cores), then ``kit check
   --shard K/N --jobs 2``, which leaves its layouts in ``.kit-cache/overflow.K-of-N.json``.
2. Merges the ``dist/`` parts and the layout fragments into one runner (``download-artifact``
   with ``merge-multiple``) and runs ``kit bundle --jobs 2``. The merged output, zips included,
   must be byte-identical to the one-runner one. ``--main KIT``: the bundle job A/B against
   another checkout's kit (laying out itself), alternated.
3. Costs on fresh runners, the least of ``--repeat`` runs, marginal from two sizes (4×):
   a page, a PDF, a checked (document, locale) pair, a bundled file with and without the
   shards' layouts, the old unsharded check job; and at 16× the size what every runner pays
   whatever it owns (``--shard 1/1000000``: the build decides every page, the check reads
   every source).
4. Projects ``--network 2000x20`` (HTML + standard, large-print and bilingual PDFs) to N = 1,
   4, 16 with kit's own split of the real keys: wall = slowest (build + check) + bundle job;
   beside it the old workflow, max(slowest build, unsharded check) + a bundle laying out.

It assumes the network's documents need as many layouts as the synthetic ones (about 80 %
have a table). Not included: a runner's set-up (``scripts/setup.sh``: minutes, the same for
every N) and moving the artifacts between jobs.

Run: ``.venv/bin/python bench/bench_shard.py [--documents 8] [--locales 3] [--runners 1,4,16]``.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import resource
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
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
FIELDS = ("bundle", "bundle_cpu", "cold", "cold_cpu")
REPEAT = [2]  # runs of each measured cost (--repeat): the least is kept
PDF_VARIANTS_TARGET = 3  # standard, large print, bilingual
PDF_VARIANTS_SOURCE = 2  # no bilingual handout in the source locale


EPOCH = "1714521600"  # SOURCE_DATE_EPOCH, as CI sets it: zips comparable across N
FRAGMENTS = Path(".kit-cache")


@dataclass(frozen=True)
class Run:
    runners: int
    shard: int
    html: int  # HTML pages this shard wrote
    pdf: int  # PDF files this shard wrote
    build: float  # wall seconds of kit build --shard
    check: float  # wall seconds of kit check --shard
    cpu: float  # both

    @property
    def wall(self) -> float:
        return self.build + self.check


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def kit(
    project: Path, *args: str, codes: tuple[int, ...] = (0,), exe: str = KIT
) -> tuple[float, float]:
    """Run ``kit --project PROJECT ARGS``; wall and CPU seconds."""
    cpu, wall = children_cpu(), time.perf_counter()
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH}
    command = [exe, "--project", str(project), *args]
    done = subprocess.run(command, capture_output=True, check=False, env=env)
    if done.returncode not in codes:
        raise SystemExit(f"kit {' '.join(args)}: exit {done.returncode}\n{done.stderr.decode()}")
    return time.perf_counter() - wall, children_cpu() - cpu


def bundle(project: Path, exe: str = KIT) -> tuple[float, float]:
    return kit(project, "bundle", "--jobs", JOBS[0], exe=exe)


def best(step: Callable[[], tuple[float, float]]) -> tuple[float, float]:
    """The least wall and CPU time of REPEAT runs (the machine is shared: less is truer)."""
    times = [step() for _ in range(REPEAT[0])]
    return min(t[0] for t in times), min(t[1] for t in times)


def check(project: Path, *args: str) -> tuple[float, float]:
    """kit check (exit 1 when findings fail the check: still measured)."""
    return kit(project, "check", "--format", "json", "--jobs", JOBS[0], *args, codes=(0, 1))


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


def matrix(project: Path, n: int) -> tuple[list[Run], Path, tuple[float, float]]:
    """Every runner of an N-runner matrix (build, then check), then the bundle job."""
    runs, parts, fragments = [], [], []
    for k in range(1, n + 1):
        runner = fresh_runner(project, f"n{n}-k{k}")
        build_wall, build_cpu = kit(runner, *BUILD, "--shard", f"{k}/{n}")
        check_wall, check_cpu = check(runner, "--shard", f"{k}/{n}")
        html, pdf = outputs(runner / "dist")
        runs.append(Run(n, k, html, pdf, build_wall, check_wall, build_cpu + check_cpu))
        parts.append(runner / "dist")
        fragments.append(runner / FRAGMENTS / f"overflow.{k}-of-{n}.json")
    bundler = fresh_runner(project, f"n{n}-bundle")
    merge(parts, bundler / "dist")
    (bundler / FRAGMENTS).mkdir()
    for fragment in fragments:
        shutil.copy(fragment, bundler / FRAGMENTS / fragment.name)
    return runs, bundler / "dist", bundle(bundler)


def network_shares(documents: int, locales: int, n: int) -> list[tuple[int, int]]:
    """(HTML pages, PDF files) of each shard K/N of the network, from kit's own split; the
    pages are the (document, locale) pairs the shard's check takes too."""
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

    documents: int
    pages: int  # (document, locale) pairs of the project
    decide: float  # start-up and deciding every page: what every shard's build pays
    build_pages: float  # --format html, decide included
    build_pdfs: float  # --format pdf, decide included
    outputs: int  # files of a whole build (pages + PDFs)
    share: float  # kit check --shard 1/1000000: what every shard's check pays
    check: float  # kit check of every pair, layouts included (the old check job)
    bundle: float  # kit bundle on a whole build, the layouts remembered
    bundle_cpu: float
    cold: float  # kit bundle without them (laying every handout out, as before)
    cold_cpu: float


def on_fresh(project: Path, name: str, *args: str) -> tuple[float, float]:
    return best(lambda: kit(fresh_runner(project, name), *args, codes=(0, 1)))


def measure_costs(documents: int, locales: int) -> Costs:
    project, codes = make_project(documents, locales)
    decide, _ = on_fresh(project, "decide", *BUILD, "--shard", "1/1000000")
    pages, _ = on_fresh(project, "pages", *BUILD[:-1], "html")
    pdfs, _ = on_fresh(project, "pdfs", *BUILD[:-1], "pdf")
    share, _ = on_fresh(project, "share", "check", "--jobs", JOBS[0], "--shard", "1/1000000")
    whole = fresh_runner(project, "whole")
    kit(whole, *BUILD)

    def cold_check() -> tuple[float, float]:
        shutil.rmtree(whole / FRAGMENTS, ignore_errors=True)
        return check(whole)  # leaves .kit-cache/overflow.json

    def with_cache(cache: bool) -> tuple[float, float]:
        shutil.rmtree(whole / "dist" / "bundles", ignore_errors=True)
        if not cache:
            shutil.rmtree(whole / FRAGMENTS, ignore_errors=True)
        return bundle(whole)

    check_wall, _ = best(cold_check)
    warm, warm_cpu = best(lambda: with_cache(True))
    cold, cold_cpu = best(lambda: with_cache(False))
    html, pdf = outputs(whole / "dist")
    pairs = documents * (len(codes) + 1)
    return Costs(
        documents, pairs, decide, pages, pdfs, html + pdf, share, check_wall, warm, warm_cpu,
        cold, cold_cpu,
    )  # fmt: skip


@dataclass(frozen=True)
class Shares:
    """What every runner pays whatever it owns, measured at a larger size (cheap: no output)."""

    documents: int
    pages: int
    decide: float
    share: float


def measure_shares(documents: int, locales: int) -> Shares:
    project, codes = make_project(documents, locales)
    decide, _ = on_fresh(project, "decide", *BUILD, "--shard", "1/1000000")
    share, _ = on_fresh(project, "share", "check", "--jobs", JOBS[0], "--shard", "1/1000000")
    return Shares(documents, documents * (len(codes) + 1), decide, share)


def line(small: object, large: object, field: str, unit: str) -> tuple[float, float]:
    """(fixed, per unit) of one measured field, from the two sizes."""
    a, b = getattr(small, field), getattr(large, field)
    per = (b - a) / (getattr(large, unit) - getattr(small, unit))
    return a - getattr(small, unit) * per, per


@dataclass(frozen=True)
class Model:
    """Fixed costs and costs per unit (marginal, from two project sizes)."""

    decide: tuple[float, float]  # per page of the project
    per_page: float
    per_pdf: float
    share: tuple[float, float]  # the check every shard pays, per document of the project
    per_pair: float  # the check of one (document, locale) pair, its layouts included
    whole: tuple[float, float]  # the unsharded check job, per page of the project
    bundle: tuple[float, float]  # per file, layouts remembered
    cold: tuple[float, float]  # per file, laying out

    def build(self, project_pages: int, html: int, pdf: int) -> float:
        fixed, per = self.decide
        return fixed + project_pages * per + html * self.per_page + pdf * self.per_pdf

    def check(self, documents: int, pairs: int) -> float:
        fixed, per = self.share
        return fixed + documents * per + pairs * self.per_pair


def at(pair: tuple[float, float], units: int) -> float:
    return pair[0] + pair[1] * units


def fit(small: Costs, large: Costs, huge: Shares, small_pdfs: int) -> Model:
    own = (large.check - large.share - small.check + small.share) / (large.pages - small.pages)
    return Model(
        decide=line(small, huge, "decide", "pages"),
        per_page=(small.build_pages - small.decide) / small.pages,
        per_pdf=(small.build_pdfs - small.decide) / small_pdfs,
        share=line(small, huge, "share", "documents"),
        per_pair=own,
        whole=line(small, large, "check", "pages"),
        bundle=line(small, large, "bundle", "outputs"),
        cold=line(small, large, "cold", "outputs"),
    )


def against_main(bundler: Path, main_kit: str) -> None:
    """The bundle job A/B, alternated: this kit with the shards' layouts, main's laying out."""
    other = RUNNERS / "main-bundle"
    shutil.rmtree(other, ignore_errors=True)
    shutil.copytree(bundler, other, ignore=shutil.ignore_patterns(".kit-cache", "bundles"))
    for _ in range(2):
        shutil.rmtree(bundler / "dist" / "bundles", ignore_errors=True)
        shutil.rmtree(other / "dist" / "bundles", ignore_errors=True)
        ours, ours_cpu = bundle(bundler)
        theirs, theirs_cpu = bundle(other, exe=main_kit)
        print(
            f"       bundle job A/B: this branch {ours:.1f} s ({ours_cpu:.1f} CPU s), "
            f"main {theirs:.1f} s ({theirs_cpu:.1f} CPU s), load {os.getloadavg()[0]:.1f}"
        )


def run_matrix(project: Path, counts: list[int], main_kit: str | None) -> list[Run]:
    all_runs: list[Run] = []
    reference: Path | None = None
    for n in counts:
        runs, merged, (bundle_wall, bundle_cpu) = matrix(project, n)
        all_runs += runs
        html, pdf = sum(r.html for r in runs), sum(r.pdf for r in runs)
        slowest = max(runs, key=lambda r: r.wall)
        print(
            f"N={n:<3} {html} pages + {pdf} PDFs; slowest runner {slowest.wall:.1f} s (build "
            f"{slowest.build:.1f} + check {slowest.check:.1f}), CPU {sum(r.cpu for r in runs):.1f} s "
            f"in all; bundle {bundle_wall:.1f} s ({bundle_cpu:.1f} CPU s) with the merged layouts"
        )
        if reference is None:
            reference = merged
        elif not same_tree(reference, merged):
            raise SystemExit(f"N={n}: the merged shards differ from the one-runner build")
        else:
            print(f"       merged dist/ and bundles byte-identical to N={counts[0]}")
        if main_kit and n == counts[-1]:
            against_main(merged.parent, main_kit)
    return all_runs


def main() -> None:
    parser = argparse.ArgumentParser(description="sharded CI build benchmark")
    parser.add_argument("--documents", type=int, default=8)
    parser.add_argument("--locales", type=int, default=3)
    parser.add_argument("--runners", default="1,4,16")
    parser.add_argument("--network", default="2000x20", help="DOCUMENTSxLOCALES to project")
    parser.add_argument("--bundle-jobs", default="2", help="kit check/bundle --jobs (default 2)")
    parser.add_argument("--repeat", type=int, default=2, help="runs of each cost (the least)")
    parser.add_argument("--main", help="another checkout's kit (…/.venv/bin/kit): bundle A/B")
    args = parser.parse_args()
    JOBS[0], REPEAT[0] = args.bundle_jobs, args.repeat
    counts = [int(x) for x in args.runners.split(",")]
    net_docs, net_locales = (int(x) for x in args.network.split("x"))

    print(f"load average at start: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    project, codes = make_project(args.documents, args.locales)
    pairs = args.documents * (len(codes) + 1)
    print(f"project: {args.documents} documents × {len(codes) + 1} locales ({pairs} pages)")
    all_runs = run_matrix(project, counts, args.main)

    small_pdfs = sum(r.pdf for r in all_runs if r.runners == counts[0])
    small = measure_costs(args.documents, args.locales)
    large = measure_costs(args.documents * 4, args.locales)
    m = fit(small, large, measure_shares(args.documents * 16, args.locales), small_pdfs)
    print(
        f"\nper runner (2 cores, --jobs 2), marginal: the build {m.decide[0]:.2f} s + "
        f"{m.decide[1] * 1000:.1f} ms per page of the project (deciding it) + "
        f"{m.per_page * 1000:.1f} ms a page and {m.per_pdf * 1000:.0f} ms a PDF it builds; "
        f"the check {m.share[0]:.2f} s + {m.share[1] * 1000:.1f} ms per document of the "
        f"project + {m.per_pair * 1000:.0f} ms per (document, locale) it checks, layouts included"
    )
    print(
        "bundle job per file: {:.1f} ms wall, {:.1f} ms CPU with the shards' layouts; {:.1f} ms "
        "wall, {:.1f} ms CPU laying out (before); the unsharded check job {:.0f} ms per page".format(
            *(1000 * line(small, large, f, "outputs")[1] for f in FIELDS), m.whole[1] * 1000
        )
    )
    worst = max(
        abs(m.build(pairs, r.html, r.pdf) + m.check(args.documents, r.html) - r.wall) / r.wall
        for r in all_runs
    )
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"that model against every measured runner: within {worst:.0%}; load now {load}")
    project_network(m, net_docs, net_locales)


def project_network(m: Model, docs: int, locales: int) -> None:
    pairs = docs * locales
    print(f"\nprojected: {docs} documents × {locales} locales, 2-core runners (minutes)")
    print(
        f"  {'runners':>7} {'pages':>7} {'PDFs':>7} {'build':>7} {'check':>7} {'runner':>7} "
        f"{'bundle':>7} {'wall':>7}   before: {'check':>5} {'bundle':>6} {'wall':>6}"
    )
    check_job = at(m.whole, pairs)
    for n in (1, 4, 16):
        shares = network_shares(docs, locales, n)
        pages, pdfs = sum(h for h, _ in shares), sum(p for _, p in shares)
        builds = [m.build(pairs, h, p) for h, p in shares]
        runners = [b + m.check(docs, h) for b, (h, _) in zip(builds, shares, strict=True)]
        slowest = max(range(n), key=lambda i: runners[i])
        bundle_job, cold = at(m.bundle, pages + pdfs), at(m.cold, pages + pdfs)
        before = max(max(builds), check_job) + cold
        print(
            f"  {n:>7} {pages:>7} {pdfs:>7} {builds[slowest] / 60:>7.1f} "
            f"{(runners[slowest] - builds[slowest]) / 60:>7.1f} {runners[slowest] / 60:>7.1f} "
            f"{bundle_job / 60:>7.1f} {(runners[slowest] + bundle_job) / 60:>7.1f}   "
            f"        {check_job / 60:>5.1f} {cold / 60:>6.1f} {before / 60:>6.1f}"
        )


if __name__ == "__main__":
    main()
