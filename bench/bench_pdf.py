"""Benchmark: PDF handouts, kit against a bare WeasyPrint render of the same HTML.

Corpus: ``--count`` synthetic documents from ``bench/corpus.py`` (default 200) × 5 locales:
en, es, vi, zh_Hans (CJK) and ar (Arabic), standard profile, Letter. Each target locale gets
a deterministic pseudo-translation that keeps the Markdown and swaps every English word for
a word of that language, so CJK and Arabic pages are mostly CJK and Arabic text (fonts,
shaping, bidi and line breaking all work for real). Everything is localized before the clock
starts; nothing is written to disk.

For every handout a worker times

* **kit**: ``kit.render_pdf.render_handout`` (template, QR code, stylesheet, font check,
  restricted fetcher, log guard, time limit, overflow and size checks, PDF/UA-1 output), and
* **bare**: ``weasyprint.HTML(string=html, base_url=...).write_pdf(pdf_variant="pdf/ua-1")``
  on the very HTML kit produced (default fetcher, no checks): the practical floor.

The two alternate (kit first on even items, bare first on odd ones) so warm caches favour
neither. Workers are processes (``--jobs``; a comma-separated list runs each value in turn
for a scaling table); each reports its peak RSS (``resource.getrusage``, ``ru_maxrss``).
"kit handouts/s" for N workers is the number of handouts divided by the slowest worker's
summed kit time: what a kit-only run on N processes would take on this machine.

Run:
    .venv/bin/python bench/bench_pdf.py                    # 200 × 5 = 1000 handouts, --jobs 1,2
    .venv/bin/python bench/bench_pdf.py --count 20 --jobs 1   # quick: 100 handouts, ~1 min

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

from bench.corpus import document as corpus_document  # noqa: E402
from kit.config import BrandingSection, Config  # noqa: E402
from kit.locales import parse_locale  # noqa: E402
from kit.localize import LocalizedDocument, PublishPolicy, localize, source_localized  # noqa: E402
from kit.model import Document  # noqa: E402
from kit.pdf.profiles import STANDARD  # noqa: E402
from kit.pdf.view import Renderers, default_renderers  # noqa: E402
from kit.po.model import PoEntry, PoFile  # noqa: E402
from kit.render_pdf import handout_html, render_handout  # noqa: E402
from kit.source import parse_document  # noqa: E402

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
    kit: tuple[tuple[str, float], ...]  # (locale, seconds) per handout
    bare: tuple[tuple[str, float], ...]
    peak_mib: float


def localized(doc: Document, code: str) -> LocalizedDocument:
    en = parse_locale("en")
    if code == "en":
        return source_localized(doc, en)
    return localize(doc, catalog(doc, code), parse_locale(code), en, PublishPolicy(threshold=0))


def worker(args: tuple[Path, int, list[tuple[int, str]]]) -> WorkerResult:
    root, count, items = args
    config, docs = bench_config(root), corpus(count)
    renderers = default_renderers()
    for code in LOCALES:  # warm up: imports, fonts, templates
        render_handout(localized(docs[0], code), config, STANDARD, renderers)
    kit: list[tuple[str, float]] = []
    bare: list[tuple[str, float]] = []
    for n, (index, code) in enumerate(items):
        ldoc = localized(docs[index], code)
        html = handout_html(ldoc, config, STANDARD, renderers)
        base = (config.root / ldoc.document.path).parent.absolute().as_uri() + "/"
        order = (_time_kit, _time_bare) if n % 2 == 0 else (_time_bare, _time_kit)
        for fn in order:
            seconds = fn(ldoc, config, renderers, html, base)
            (kit if fn is _time_kit else bare).append((code, seconds))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    return WorkerResult(tuple(kit), tuple(bare), peak)


def _time_kit(
    ldoc: LocalizedDocument, config: Config, renderers: Renderers, html: str, base: str
) -> float:
    start = time.perf_counter()
    render_handout(ldoc, config, STANDARD, renderers)
    return time.perf_counter() - start


def _time_bare(
    ldoc: LocalizedDocument, config: Config, renderers: Renderers, html: str, base: str
) -> float:
    start = time.perf_counter()
    weasyprint.HTML(string=html, base_url=base).write_pdf(io.BytesIO(), pdf_variant="pdf/ua-1")
    return time.perf_counter() - start


def run(root: Path, count: int, jobs: int) -> tuple[list[WorkerResult], float]:
    items = [(i, code) for i in range(count) for code in LOCALES]
    chunks = [items[k::jobs] for k in range(jobs)]
    start = time.perf_counter()
    context = multiprocessing.get_context("spawn")  # clean workers: nothing inherited
    with context.Pool(jobs, maxtasksperchild=1) as pool:
        results = pool.map(worker, [(root, count, chunk) for chunk in chunks])
    return results, time.perf_counter() - start


def report(results: list[WorkerResult], wall: float, jobs: int) -> None:
    kit = [s for r in results for _, s in r.kit]
    bare = [s for r in results for _, s in r.bare]
    overhead = (sum(kit) - sum(bare)) / sum(bare) * 100
    slowest = max(sum(s for _, s in r.kit) for r in results)
    print(
        f"\n--jobs {jobs}: {len(kit)} handouts, wall {wall:.1f} s (kit and bare, warm-up included)"
    )
    print(
        f"  per handout  kit  mean {statistics.mean(kit):.3f} s  median {statistics.median(kit):.3f} s"
        f"  p95 {_p95(kit):.3f} s"
    )
    print(
        f"               bare mean {statistics.mean(bare):.3f} s  median {statistics.median(bare):.3f} s"
        f"  p95 {_p95(bare):.3f} s"
    )
    print(f"  kit overhead over bare WeasyPrint: {overhead:+.1f} % (target <= 15 %)")
    print(f"  kit handouts/s on {jobs} process(es): {len(kit) / slowest:.2f}")
    for code in LOCALES:
        k = [s for r in results for c, s in r.kit if c == code]
        b = [s for r in results for c, s in r.bare if c == code]
        print(
            f"    {code:8} kit median {statistics.median(k):.3f} s  bare median {statistics.median(b):.3f} s"
            f"  ({(sum(k) - sum(b)) / sum(b) * 100:+.1f} %)"
        )
    peaks = ", ".join(f"{r.peak_mib:.0f}" for r in results)
    print(f"  peak RSS per worker: {peaks} MiB (target < 350 MB)")


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=200, help="documents (× 5 locales)")
    parser.add_argument("--jobs", default="1,2", help="worker processes; a list runs each: 1,2")
    args = parser.parse_args()
    jobs_list = [int(j) for j in args.jobs.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        write_project(root)
        print(
            f"{args.count} documents × {len(LOCALES)} locales ({', '.join(LOCALES)}), standard profile"
        )
        print(f"WeasyPrint {weasyprint.__version__}; {multiprocessing.cpu_count()} CPUs")
        for jobs in jobs_list:
            results, wall = run(root, args.count, jobs)
            report(results, wall, jobs)


if __name__ == "__main__":
    main()
