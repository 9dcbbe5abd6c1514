"""Benchmark: HTML pages for 200 synthetic documents × 10 locales (2,000 pages) on one core.

Corpus: ``bench/corpus.py`` documents (headings, paragraphs with bold, lists, tables,
images), parsed once; each locale gets a pseudo-translation that keeps the Markdown (Arabic
and Persian words around the Latin text, so left-to-right isolation runs on every segment;
Chinese, Korean, Russian, Vietnamese, Spanish, Tagalog, French), with 5 % of the messages
untranslated and 2 % fuzzy so fallback marking is exercised. Everything is in memory:
localizing happens before the clock starts, and pages are rendered but not written, so the
numbers measure ``kit.html.render`` (``render_page`` + ``page_assets``), not the disk.

Run: ``.venv/bin/python bench/bench_html.py [--documents 200] [--profile 25]``; with
``--scales 1,4,16``: localizing and rendering 20, 80 and 320 documents × every locale, CPU ms
per page (``bench/scales.py``), one document at a time as the build does. Prints pages per
CPU second (CPU time holds on a shared machine; wall time beside it), the ratio against commit
1021e34, and the top functions by cumulative and own time (cProfile).
Target: ≥ 200 pages/s on one core.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import random
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.corpus import document as corpus_document  # noqa: E402
from bench.scales import Sample, add_scales_option, measure, parse_scales, run_scales  # noqa: E402
from kit.catalog.localize import LocalizedDocument, PublishPolicy, localize, source_localized  # noqa: E402
from kit.config import Config  # noqa: E402
from kit.html.render import document_images, page_assets, render_page  # noqa: E402
from kit.locales import LocaleInfo, parse_locale  # noqa: E402
from kit.model import Document  # noqa: E402
from kit.po.model import PoEntry, PoFile  # noqa: E402
from kit.site import Published, Site  # noqa: E402
from kit.source.parse import parse_document  # noqa: E402

# Rendering alone, one core (the build's 600 pages/s end to end, issue 17, is bench_build's).
TARGET = 200
# Pages/s of this benchmark at commit 1021e34, before handout links, language help and source
# spans were added to every page (a quiet machine, --documents 100); main later did 1,230.
BEFORE = 1390
LOCALES = ("en", "es", "zh_Hans", "vi", "ar", "ko", "ru", "tl", "fr", "fa")
PREFIX = {
    "es": "Su bebé",
    "zh_Hans": "您的孩子",
    "vi": "Con của bạn",
    "ar": "طفلك",
    "ko": "아기",
    "ru": "Ваш ребёнок",
    "tl": "Ang inyong anak",
    "fr": "Votre enfant",
    "fa": "کودک شما",
}


def corpus(count: int) -> list[Document]:
    rng = random.Random(7)
    return [parse_document(corpus_document(n, rng), f"source/doc-{n:05d}.md") for n in range(count)]


def catalog(doc: Document, code: str, rng: random.Random) -> PoFile:
    entries = []
    for seg in doc.segments():
        roll = rng.random()
        text = "" if roll < 0.05 else f"{PREFIX[code]} {seg.text}"
        flags = ("fuzzy",) if 0.05 <= roll < 0.07 else ()
        entries.append(PoEntry(msgid=seg.text, msgctxt=seg.context, msgstr=text, flags=flags))
    header = PoEntry(msgid="", msgstr=f"Language: {code}\nLast-Translator: Bench <b@example.org>\n")
    unique = {e.key: e for e in entries}
    return PoFile(header, tuple(unique.values()))


Catalogs = list[tuple[Document, list[PoFile]]]


def catalogs(docs: list[Document]) -> Catalogs:
    """Each document with its pseudo-translated catalog in every target locale."""
    rng = random.Random(11)
    return [(doc, [catalog(doc, code, rng) for code in LOCALES[1:]]) for doc in docs]


def localize_pages(pos: Catalogs) -> list[tuple[LocalizedDocument, Published]]:
    """What the build's localizing step does for every page (``kit.catalog.localize``)."""
    en = parse_locale("en")
    locales: list[LocaleInfo] = [parse_locale(code) for code in LOCALES]
    policy = PublishPolicy(threshold=0)
    pages = []
    for doc, doc_catalogs in pos:
        ldocs = [source_localized(doc, en)]
        ldocs += [
            localize(doc, po, loc, en, policy)
            for loc, po in zip(locales[1:], doc_catalogs, strict=True)
        ]
        titles = tuple(ld.text(doc.title).text for ld in ldocs)
        published = Published(doc.slug, doc.meta.title, tuple(locales), titles)
        pages += [(ld, published) for ld in ldocs]
    return pages


def localized_pages(docs: list[Document]) -> list[tuple[LocalizedDocument, Published]]:
    return localize_pages(catalogs(docs))


def render_all(pages: list[tuple[LocalizedDocument, Published]], site: Site) -> int:
    size = 0
    for ldoc, published in pages:
        size += len(render_page(ldoc, site, published))
        for asset in page_assets(ldoc, site):
            size += 0 * len(asset.data)  # read, not written
    return size


def scaled_step(scale: int) -> dict[str, Sample]:
    """20 × ``scale`` documents × every benchmark locale rendered to HTML (one core), one
    document at a time as the build does (localize its pages, render them, let them go), each
    phase timed on its own. Holding every localized page until the end instead makes Python's
    cycle collector walk a heap that grows with the corpus: that showed as a localizing cost
    rising 18 % from 4× to 16× that the build, which keeps no page, does not have."""
    docs = corpus(20 * scale)
    pos = catalogs(docs)  # the synthetic catalogs are made before the clock starts
    totals = {"localize": Sample(0, 0.0, 0.0), "render": Sample(0, 0.0, 0.0)}
    with tempfile.TemporaryDirectory() as tmp:
        site = bench_site(Path(tmp), docs)
        render_all(localize_pages(pos[:2]), site)  # warm up: templates compiled
        for item in pos:
            for phase, sample in one_document(item, site).items():
                total = totals[phase]
                totals[phase] = Sample(
                    total.units + sample.units, total.cpu + sample.cpu, total.wall + sample.wall
                )
    return totals


def one_document(item: tuple[Document, list[PoFile]], site: Site) -> dict[str, Sample]:
    """Localize one document's pages, then render them; each phase timed."""
    pages: list[tuple[LocalizedDocument, Published]] = []

    def localize_it() -> int:
        pages.extend(localize_pages([item]))
        return len(pages)

    def render_them() -> int:
        render_all(pages, site)
        return len(pages)

    localized = measure(localize_it)
    return {"localize": localized, "render": measure(render_them)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=200)
    parser.add_argument("--profile", type=int, default=25, help="top functions to show (0: none)")
    add_scales_option(parser, "20 documents x every locale")
    args = parser.parse_args()
    if args.scales:
        run_scales("HTML pages", "page", parse_scales(args.scales), scaled_step)
        return
    docs = corpus(args.documents)
    with tempfile.TemporaryDirectory() as tmp:
        site = bench_site(Path(tmp), docs)
        run(docs, site, args.profile)


def bench_site(root: Path, docs: list[Document]) -> Site:
    """A project folder with the repository's templates and a file for every image."""
    shutil.copytree(ROOT / "templates", root / "templates")
    shutil.copytree(ROOT / "source" / "images", root / "source" / "images")
    for doc in docs:
        for image in document_images(doc.blocks):
            path = root / "source" / image.src
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(b"<svg xmlns='http://www.w3.org/2000/svg'/>")
    return Site(
        Config(root=root), parse_locale("en"), tuple(parse_locale(c) for c in LOCALES), "bench"
    )


def run(docs: list[Document], site: Site, top: int) -> None:
    pages = localized_pages(docs)
    segments = sum(sum(1 for _ in ld.document.segments()) for ld, _ in pages) / len(pages)
    render_all(pages[:20], site)  # warm up: templates compiled, caches filled
    sizes: list[int] = []
    sample = measure(lambda: (sizes.append(render_all(pages, site)), len(pages))[1])
    print(
        f"{len(pages)} pages ({len(docs)} documents × {len(LOCALES)} locales, "
        f"{segments:.0f} segments per page on average), {sizes[0] / len(pages) / 1024:.1f} KiB per page"
    )
    rate, wall_rate = len(pages) / sample.cpu, len(pages) / sample.wall
    print(
        f"{sample.cpu:.2f} CPU s ({sample.wall:.2f} s wall): {rate:,.0f} pages per CPU second "
        f"({wall_rate:,.0f} pages/s wall), {sample.cpu / len(pages) * 1000:.2f} CPU ms per page"
    )
    print(
        f"against commit 1021e34 ({BEFORE:,} pages/s with --documents 100 on a quiet machine): "
        f"{rate / BEFORE:.2f}×; target ≥ {TARGET} pages/s: {'met' if rate >= TARGET else 'NOT met'}"
    )
    sample_rate(site)
    if top:
        profile(pages, site, top)


def sample_rate(site: Site) -> None:
    """The repository's sample page (83 segments) in every benchmark locale."""
    doc = parse_document(
        (ROOT / "source" / "infant-all.md").read_text(encoding="utf-8"), "source/infant-all.md"
    )
    pages = localized_pages([doc]) * 20
    render_all(pages[:10], site)
    sample = measure(lambda: (render_all(pages, site), len(pages))[1])
    print(
        f"sample page source/infant-all.md: {len(pages) / sample.cpu:,.0f} pages per CPU second "
        f"({sample.cpu / len(pages) * 1000:.2f} CPU ms per page)"
    )


def profile(pages: list[tuple[LocalizedDocument, Published]], site: Site, top: int) -> None:
    profiler = cProfile.Profile()
    profiler.enable()
    render_all(pages, site)
    profiler.disable()
    for key in ("cumulative", "tottime"):
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).strip_dirs().sort_stats(key).print_stats(top)
        lines = out.getvalue().splitlines()
        start = next(i for i, line in enumerate(lines) if line.lstrip().startswith("ncalls"))
        print(f"\ntop {top} by {key} time (under cProfile, so slower than above):")
        print("\n".join(lines[start : start + top + 1]))


if __name__ == "__main__":
    main()
