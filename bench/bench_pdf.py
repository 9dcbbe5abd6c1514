"""Benchmark: PDF handouts, kit against a bare WeasyPrint render of the same HTML.

Corpus: ``--count`` synthetic documents from ``bench/corpus.py`` (default 200) × 5 locales:
en, es, vi, zh_Hans (CJK) and ar (Arabic), standard profile, Letter. Each target locale gets
a deterministic pseudo-translation that keeps the Markdown and swaps every English word for
a word of that language, so CJK and Arabic pages are mostly CJK and Arabic text (fonts,
shaping, bidi and line breaking all work for real). Everything is localized before the clock
starts; nothing is written to disk.

For every handout a worker times

* **kit**: ``kit.pdf.render.render_handout`` (template, QR code, stylesheet, font check,
  restricted fetcher, log guard, time limit, overflow and size checks, PDF/UA-1 output), and
* **bare**: ``weasyprint.HTML(string=html, base_url=...).write_pdf(pdf_variant="pdf/ua-1")``
  on the very HTML kit produced (default fetcher, no checks): the practical floor as
  WeasyPrint ships, and
* **post**: ``kit.pdf.postprocess`` alone (pikepdf: artifacts, link flags) on WeasyPrint's
  bytes for the same HTML, reported as a share of kit's render time (target at most 10 %);
* **bare + shared fonts**: the same with one ``FontConfiguration`` shared by all renders of the worker,
  as kit does (``kit.pdf.engine``): the floor for kit's own way of calling WeasyPrint, so the
  cost of kit's checks is visible apart from the gain of reusing fonts.

The three rotate (a different one first on each item) so warm caches favour none.

Two phases. **Scaling**: for each ``--jobs`` value (a comma-separated list), that many
processes render every handout with kit alone; it prints handouts per second (wall time of
the slowest worker, warm-up excluded), the speed-up over one process and each worker's peak
RSS (``resource.getrusage``, ``ru_maxrss``), which is kit's own. **Comparison**: workers
(``--compare-jobs``, default 1) render every handout the three ways above and print seconds
per handout (mean, median, p95), kit's overhead and the same per locale.

Run:
    .venv/bin/python bench/bench_pdf.py                      # 200 × 5 = 1000 handouts, --jobs 1,2
    .venv/bin/python bench/bench_pdf.py --count 20 --jobs 1  # quick: 100 handouts, ~1 min

A full run renders the 1,000 handouts five times (kit on 1 and on 2 processes, then kit, bare
and bare + shared fonts): about 15 minutes on 2 cores. ``--count`` scales it down.

Targets: kit's overhead at most 15 % over bare WeasyPrint; peak RSS under 350 MB per worker
(with CJK). Needs fonts-noto-core, fonts-noto-cjk and libharfbuzz-subset0 (scripts/setup.sh).
"""

from __future__ import annotations

import argparse
import io
import multiprocessing
import random
import re
import resource
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import weasyprint  # noqa: E402
from weasyprint.text.fonts import FontConfiguration  # noqa: E402

from bench.corpus import document as corpus_document  # noqa: E402
from bench.scales import Sample, add_scales_option, measure, parse_scales, run_scales  # noqa: E402
from kit.catalog.localize import LocalizedDocument, PublishPolicy, localize, source_localized  # noqa: E402
from kit.config import BrandingSection, Config  # noqa: E402
from kit.locales import parse_locale  # noqa: E402
from kit.model import Document  # noqa: E402
from kit.pdf.postprocess import postprocess  # noqa: E402
from kit.pdf.profiles import STANDARD  # noqa: E402
from kit.pdf.render import handout_html, render_handout  # noqa: E402
from kit.pdf.view import Renderers, default_renderers  # noqa: E402
from kit.po.model import PoEntry, PoFile  # noqa: E402
from kit.source.parse import parse_document  # noqa: E402

LOCALES = ("en", "es", "vi", "zh_Hans", "ar")
VOCABULARY = {
    "es": "su bebé puede sentirse cansado después del tratamiento equipo revisará sangre cada semana"
    " llame fiebre dura más días medicina agua descanso médico enfermera hospital",
    "vi": "con của bạn có thể mệt sau khi điều trị nhóm chăm sóc sẽ kiểm tra máu mỗi tuần gọi"
    " sốt kéo dài hơn ngày thuốc nước nghỉ ngơi bác sĩ y tá bệnh viện",
    "zh_Hans": "您的 孩子 可能 会 感到 疲倦 治疗 之后 医护 团队 将 检查 血液 每周 如果 发烧"
    " 持续 超过 天 请 打电话 药物 喝水 休息 医生 护士 医院",
    "ar": "طفلك قد يشعر بالتعب بعد العلاج فريق الرعاية سيفحص الدم كل أسبوع اتصل إذا استمرت"
    " الحمى أكثر من يومين الدواء الماء الراحة الطبيب الممرضة المستشفى",
}
_WORD = re.compile(r"[A-Za-z]+")


def translate(text: str, code: str) -> str:
    words = VOCABULARY[code].split()
    out = _WORD.sub(lambda m: words[sum(map(ord, m[0])) % len(words)], text)
    return out.replace(" ", "") if code == "zh_Hans" else out  # Chinese has no spaces


def catalog(doc: Document, code: str) -> PoFile:
    entries = {}
    for seg in doc.segments():
        entries[seg.key] = PoEntry(
            msgid=seg.text, msgctxt=seg.context, msgstr=translate(seg.text, code)
        )
    header = PoEntry(msgid="", msgstr=f"Language: {code}\nLast-Translator: Bench <b@example.org>\n")
    return PoFile(header, tuple(entries.values()))


def corpus(count: int) -> list[Document]:
    rng = random.Random(7)
    return [parse_document(corpus_document(n, rng), f"source/doc-{n:05d}.md") for n in range(count)]


def bench_config(root: Path) -> Config:
    branding = BrandingSection(
        organization="Example Children's Hospital",
        phone="+1 555 0100",
        base_url="https://example.org/pe",
    )
    return Config(root=root, branding=branding)


def write_project(root: Path) -> None:
    """The repository's templates and one small SVG per figure the corpus can reference."""
    shutil.copytree(ROOT / "templates", root / "templates")
    images = root / "source" / "images"
    images.mkdir(parents=True)
    for section in range(8):
        (images / f"fig-{section}.svg").write_text(
            "<svg xmlns='http://www.w3.org/2000/svg' width='300' height='80'>"
            f"<rect width='300' height='80' fill='#ddd'/><circle cx='{20 + section * 30}' cy='40' r='20'/></svg>"
        )


@dataclass(frozen=True)
class WorkerResult:
    times: dict[str, tuple[tuple[str, float], ...]]  # kind → (locale, seconds) per handout
    peak_mib: float
    seconds: float  # this worker's wall time, warm-up excluded


def localized(doc: Document, code: str) -> LocalizedDocument:
    en = parse_locale("en")
    if code == "en":
        return source_localized(doc, en)
    return localize(doc, catalog(doc, code), parse_locale(code), en, PublishPolicy(threshold=0))


def worker(args: tuple[Path, int, list[tuple[int, str]], tuple[str, ...]]) -> WorkerResult:
    """Render ``items`` with each of ``kinds`` (kit, bare, shared), rotating their order."""
    root, count, items, kinds = args
    config, docs = bench_config(root), corpus(count)
    renderers = default_renderers()
    for code in LOCALES:  # warm up: imports, fonts, templates
        render_handout(localized(docs[0], code), config, STANDARD, renderers)
    timers = tuple((kind, TIMERS[kind]) for kind in kinds)
    times: dict[str, list[tuple[str, float]]] = {kind: [] for kind in kinds}
    start = time.perf_counter()
    for n, (index, code) in enumerate(items):
        ldoc = localized(docs[index], code)
        html = handout_html(ldoc, config, STANDARD, renderers)
        base = (config.root / ldoc.document.path).parent.absolute().as_uri() + "/"
        shift = n % len(timers)
        for kind, fn in timers[shift:] + timers[:shift]:
            times[kind].append((code, fn(ldoc, config, renderers, html, base)))
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    return WorkerResult({k: tuple(v) for k, v in times.items()}, peak, seconds)


def _time_kit(
    ldoc: LocalizedDocument, config: Config, renderers: Renderers, html: str, base: str
) -> float:
    start = time.perf_counter()
    render_handout(ldoc, config, STANDARD, renderers)
    return time.perf_counter() - start


_SHARED: list[FontConfiguration] = []


def _time_shared(
    ldoc: LocalizedDocument, config: Config, renderers: Renderers, html: str, base: str
) -> float:
    if not _SHARED:
        _SHARED.append(FontConfiguration())
    start = time.perf_counter()
    weasyprint.HTML(string=html, base_url=base).write_pdf(
        io.BytesIO(), pdf_variant="pdf/ua-1", font_config=_SHARED[0]
    )
    return time.perf_counter() - start


def _time_bare(
    ldoc: LocalizedDocument, config: Config, renderers: Renderers, html: str, base: str
) -> float:
    start = time.perf_counter()
    weasyprint.HTML(string=html, base_url=base).write_pdf(io.BytesIO(), pdf_variant="pdf/ua-1")
    return time.perf_counter() - start


def _time_post(
    ldoc: LocalizedDocument, config: Config, renderers: Renderers, html: str, base: str
) -> float:
    """kit.pdf.postprocess alone, on WeasyPrint's bytes for the same HTML (issue 18)."""
    if not _SHARED:
        _SHARED.append(FontConfiguration())
    out = io.BytesIO()
    weasyprint.HTML(string=html, base_url=base).write_pdf(
        out, pdf_variant="pdf/ua-1", font_config=_SHARED[0]
    )
    start = time.perf_counter()
    postprocess(out.getvalue())
    return time.perf_counter() - start


TIMERS = {"kit": _time_kit, "bare": _time_bare, "shared": _time_shared, "post": _time_post}


def run(root: Path, count: int, jobs: int, kinds: tuple[str, ...]) -> list[WorkerResult]:
    items = [(i, code) for i in range(count) for code in LOCALES]
    chunks = [items[k::jobs] for k in range(jobs)]
    context = multiprocessing.get_context("spawn")  # clean workers: nothing inherited
    with context.Pool(jobs, maxtasksperchild=1) as pool:
        return pool.map(worker, [(root, count, chunk, kinds) for chunk in chunks])


def _all(results: list[WorkerResult], kind: str, code: str = "") -> list[float]:
    return [s for r in results for c, s in r.times[kind] if not code or c == code]


def report_scaling(results: list[WorkerResult], jobs: int, single: float | None) -> float:
    handouts = len(_all(results, "kit"))
    wall = max(r.seconds for r in results)
    rate = handouts / wall
    speedup = f", {rate / single:.2f}× one process" if single else ""
    peaks = ", ".join(f"{r.peak_mib:.0f}" for r in results)
    print(
        f"  --jobs {jobs}: {handouts} handouts in {wall:.1f} s = {rate:.2f} handouts/s{speedup};"
        f" peak RSS per worker {peaks} MiB"
    )
    return rate


def report_compare(results: list[WorkerResult]) -> None:
    kit, bare, shared = (_all(results, k) for k in ("kit", "bare", "shared"))
    print(f"  {len(kit)} handouts, each rendered three ways (seconds per handout):")
    for name, values in (("kit", kit), ("bare WeasyPrint", bare), ("bare + shared fonts", shared)):
        print(
            f"    {name:20} mean {statistics.mean(values):.3f}  median {statistics.median(values):.3f}"
            f"  p95 {_p95(values):.3f}"
        )
    print(f"  kit vs bare WeasyPrint: {_pct(kit, bare):+.1f} % (target <= +15 %)")
    print(f"  kit vs bare + shared fonts (the cost of kit's own work): {_pct(kit, shared):+.1f} %")
    post = _all(results, "post")
    print(
        f"  of which kit.pdf.postprocess (pikepdf): mean {statistics.mean(post):.4f} s ="
        f" {sum(post) / sum(kit) * 100:.1f} % of kit's render time (target <= 10 %)"
    )
    for code in LOCALES:
        k, b, f = (_all(results, kind, code) for kind in ("kit", "bare", "shared"))
        print(
            f"    {code:8} median kit {statistics.median(k):.3f}  bare {statistics.median(b):.3f}"
            f"  bare+fonts {statistics.median(f):.3f}   kit vs bare {_pct(k, b):+.1f} %"
        )


def _pct(a: list[float], b: list[float]) -> float:
    return (sum(a) - sum(b)) / sum(b) * 100


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]


def scaled_step(scale: int) -> dict[str, Sample]:
    """``scale`` documents × 5 locales of handouts, rendered by kit in one worker process."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        write_project(root)
        handouts = scale * len(LOCALES)
        sample = measure(lambda: (run(root, scale, 1, ("kit",)), handouts)[1])
    return {"kit handouts": sample}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=200, help="documents (× 5 locales)")
    parser.add_argument("--jobs", default="1,2", help="worker processes; a list runs each: 1,2")
    parser.add_argument("--compare-jobs", type=int, default=1, help="processes for the comparison")
    add_scales_option(parser, "1 document x 5 locales")
    args = parser.parse_args()
    if args.scales:
        run_scales("PDF handouts", "handout", parse_scales(args.scales), scaled_step)
        return
    jobs_list = [int(j) for j in args.jobs.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        write_project(root)
        total = args.count * len(LOCALES)
        print(
            f"{args.count} documents × {len(LOCALES)} locales ({', '.join(LOCALES)}) = {total}"
            f" handouts, standard profile; WeasyPrint {weasyprint.__version__};"
            f" {multiprocessing.cpu_count()} CPUs"
        )
        print("\nkit alone, scaling with --jobs (peak RSS is kit's own):")
        single = None
        for jobs in jobs_list:
            rate = report_scaling(run(root, args.count, jobs, ("kit",)), jobs, single)
            single = single or (rate if jobs == 1 else None)
        print(f"\nkit against bare WeasyPrint on the same HTML ({args.compare_jobs} process(es)):")
        report_compare(run(root, args.count, args.compare_jobs, ("kit", "bare", "shared", "post")))


if __name__ == "__main__":
    main()
