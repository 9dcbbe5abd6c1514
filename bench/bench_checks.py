"""Benchmark: ``kit check`` over 200 synthetic catalogs of 500 entries each (100,000 entries),
on one core, plus ``kit check`` on the repository's sample project.

Corpus: 40 source documents × 5 locales (es, zh_Hans, ar, ru, vi). Each document has 500
messages that look like patient-education text: numbers and decimals, bold, links, inline
code, phone numbers and e-mail addresses, images with alt text and captions. Translations
are pseudo-translations that keep the markup and numbers (with native digits for ar and
decimal commas for es/ru/vi), 2 % of them broken on purpose, 3 % fuzzy and 2 % untranslated;
each locale has a 40-term glossary. Everything is built in memory: the numbers measure the
checks, not the disk.

Run: ``.venv/bin/python bench/bench_checks.py [--documents 40] [--entries 500]``. Prints
entries per second for the translation checks alone and for all checks (translation,
glossary, alt text, freshness, reading level, suppressions), peak memory (tracemalloc) and
the wall time of ``kit check`` on the sample. With ``--scales 1,4,16``: the checks on 5,000,
20,000 and 80,000 entries, CPU ms per entry (``bench/scales.py``). Target: ≥ 20,000 entries/s for the translation
checks; the sample checked in < 2 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import resource
import subprocess
import sys
import time
import tracemalloc
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.scales import Sample, add_scales_option, measure, parse_scales, run_scales
from kit.catalog.states import State, state
from kit.checks import alt_text, freshness, reading_level, translations
from kit.checks.finding import Finding, Place
from kit.checks.glossary import Glossary, Term
from kit.checks.inputs import CatalogUnit, LocaleRules, Options, SourceUnit
from kit.checks.markdown import analyze
from kit.checks.numbers import critical
from kit.checks.scan import scan
from kit.checks.suppressions import finalize
from kit.po.model import PoEntry, PoFile
from kit.source.parse import parse_document

ROOT = Path(__file__).resolve().parent.parent
LOCALES = (
    ("es", "Latn", ","),
    ("zh_Hans", "Hans", "."),
    ("ar", "Arab", "٫"),
    ("ru", "Cyrl", ","),
    ("vi", "Latn", ","),
)
WORDS = (
    "your baby may feel tired after the medicine so give small meals and plenty of water call "
    "the care team if it does not go down or if you see a change on the skin each day keep a "
    "notebook write down any questions you have bring it to every visit most children get better "
    "with rest some need more tests ask us about what to expect this week the next month wash your "
    "hands before you touch the line at home at school sleep play eat drink stay safe warm clean "
    "bone marrow blood cells infection treatment fever rash nurse doctor"
).split()
TERMS = (
    "bone marrow",
    "blood cells",
    "infection",
    "treatment",
    "fever",
    "rash",
    "medicine",
    "nurse",
    "chemotherapy",
    "platelets",
    "neutropenia",
    "central line",
    "port",
    "biopsy",
    "lumbar puncture",
    "relapse",
    "remission",
    "transfusion",
    "antibiotic",
    "steroid",
    "nausea",
    "vomiting",
    "mouth sores",
    "hair loss",
    "fatigue",
    "anemia",
    "bruising",
    "bleeding",
    "catheter",
    "dose",
    "tablet",
    "syringe",
    "oncologist",
    "hematologist",
    "clinical trial",
    "consent",
    "side effect",
    "immune system",
    "white blood cells",
    "red blood cells",
)


def sentence(rng: random.Random, i: int) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(6, 18))]
    kind = i % 10
    if kind == 0:
        words.insert(2, f"**{rng.choice(WORDS)}**")
    elif kind == 1:
        words.append(f"[the clinic page](https://example.org/p/{i})")
    elif kind == 2:
        words.insert(3, f"{rng.randint(1, 9)}.{rng.randint(1, 9)} mL")
    elif kind == 3:
        words.append(f"call 555-01{i % 100:02d}")
    elif kind == 4:
        words.append(f"or write to care{i}@example.org")
    elif kind == 5:
        words.insert(1, f"{rng.randint(2, 90)}")
    elif kind == 6:
        words.insert(4, "`kit`")
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def document(n: int, entries: int) -> SourceUnit:
    rng = random.Random(n)
    lines = [
        "---",
        f'title: "Document {n}"',
        'summary: "A synthetic page."',
        f"slug: doc-{n}",
        "reviewed: 2024-01-15",
        "---",
        "",
    ]
    count = 2
    while count < entries:
        if count % 50 == 2:
            lines += [f"## Section {count} of document {n}", ""]
        elif count % 100 == 5:
            lines += [
                f'![A nurse showing step {count} to a parent.](img/s{count}.png "Step {count}.")',
                "",
            ]
            count += 1
        else:
            lines += [sentence(rng, count), ""]
        count += 1
    text = "\n".join(lines)
    doc = parse_document(text, f"source/doc-{n}.md")
    found = scan(text, doc.path, "en", doc.slug)
    return SourceUnit(
        doc,
        found.images,
        found.raw_html,
        found.suppressions,
        found.reviewed_line,
        inline_html=found.inline_html,
    )


def pseudo(msgid: str, locale: str, decimal: str, rng: random.Random) -> str:
    """Keep markup, links and numbers; change the words; break 2 % on purpose."""
    out = []
    for word in msgid.split(" "):
        if any(ch in word for ch in "*[]()`@:/") or any(ch.isdigit() for ch in word):
            if decimal != "." and "." in word and word[0].isdigit():
                word = word.replace(".", decimal, 1)
            if locale == "ar":
                word = "".join(
                    chr(0x0660 + int(c))
                    if c.isdigit() and "//" not in word and "@" not in word and "-" not in word
                    else c
                    for c in word
                )
            out.append(word)
        else:
            out.append(word[::-1])
    text = " ".join(out)
    if locale in ("zh_Hans", "ar", "ru"):
        text = {"zh_Hans": "文", "ar": "ن", "ru": "д"}[locale] + text
    if rng.random() < 0.02:
        text = text.replace("**", "*", 1) if "**" in text else text + " 7"
    return text


def glossary(locale: str) -> Glossary:
    return Glossary(
        tuple(
            Term(t, (" ".join(w[::-1] for w in t.split()),), "", i + 2) for i, t in enumerate(TERMS)
        ),
        f"locales/{locale}/glossary.csv",
    )


def catalogs(sources: list[SourceUnit]) -> list[CatalogUnit]:
    units = []
    for code, script, decimal in LOCALES:
        rules = LocaleRules(
            code=code, language=code.split("_")[0], script=script, glossary=glossary(code)
        )
        for unit in sources:
            rng = random.Random(zlib.crc32(f"{code}:{unit.document.slug}".encode()))
            entries = []
            seen = set()
            for seg in unit.document.segments():
                if seg.key in seen:
                    continue
                seen.add(seg.key)
                roll = rng.random()
                msgstr = "" if roll < 0.02 else pseudo(seg.text, code, decimal, rng)
                flags = ("fuzzy",) if 0.02 <= roll < 0.05 else ()
                entries.append(
                    PoEntry(msgid=seg.text, msgstr=msgstr, flags=flags, line=10 + 4 * len(entries))
                )
            po = PoFile(PoEntry(msgid="", msgstr=f"Language: {code}\n", line=1), tuple(entries))
            units.append(
                CatalogUnit(unit, rules, po, f"locales/{code}/LC_MESSAGES/{unit.document.slug}.po")
            )
    return units


def run_translation_checks(units: list[CatalogUnit], options: Options) -> list[Finding]:
    found: list[Finding] = []
    for unit in units:
        found.extend(translations.check_catalog(unit, options))
    return found


def run_all_checks(
    sources: list[SourceUnit], units: list[CatalogUnit], options: Options
) -> tuple[list[Finding], int]:
    found: list[Finding] = []
    rows = 0
    for unit in sources:
        found.extend(alt_text.check_source(unit, "en", "en"))
        found.extend(freshness.check_source(unit, options))
    for cat in units:
        found.extend(translations.check_catalog(cat, options))
        found.extend(alt_text.check_catalog(cat))
        found.extend(freshness.check_catalog(cat, options))
        assert cat.po is not None
        done = {e.key: e.msgstr for e in cat.po.active if state(e) is State.TRANSLATED}
        target = reading_level.target_for(cat.rules.code, None, None)
        place = Place(cat.rules.code, cat.document.slug, cat.po_path)
        result = reading_level.assess(cat.document, done, cat.rules.code, target, place, 1)
        found.extend(result.findings)
        rows += result.row is not None
    return list(finalize(found, [], frozenset(), {})), rows


def timed(label: str, entries: int, func):  # type: ignore[no-untyped-def]
    """Wall time and CPU time: on a shared machine the CPU rate is the one-core number."""
    start, cpu = time.perf_counter(), time.process_time()
    result = func()
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu
    print(
        f"{label:<36} {seconds:6.2f} s wall {entries / seconds:8,.0f} entries/s | "
        f"{cpu_seconds:6.2f} s CPU {entries / cpu_seconds:8,.0f} entries/CPU-s"
    )
    return result


def peak_memory(func) -> float:  # type: ignore[no-untyped-def]
    """Peak Python allocation (MiB) while ``func`` runs, measured in a separate run because
    tracemalloc slows allocation-heavy code several times over."""
    tracemalloc.start()
    func()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def sample_wall_time() -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run(
            [
                str(ROOT / ".venv" / "bin" / "kit"),
                "--project",
                str(ROOT),
                "check",
                "--format",
                "json",
            ],
            check=False,
            capture_output=True,
        )
        best = min(best, time.perf_counter() - start)
    return best


def scaled_step(scale: int) -> dict[str, Sample]:
    """2 × ``scale`` documents of 500 entries × 5 locales, checked in memory."""
    sources = [document(n, 500) for n in range(2 * scale)]
    units = catalogs(sources)
    total = sum(len(u.po.entries) for u in units if u.po is not None)
    options = Options(today=dt.date(2025, 6, 1))
    analyze.cache_clear()
    critical.cache_clear()
    translation = measure(lambda: (run_translation_checks(units, options), total)[1])
    analyze.cache_clear()
    critical.cache_clear()
    everything = measure(lambda: (run_all_checks(sources, units, options), total)[1])
    return {"translation checks": translation, "all checks": everything}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--documents", type=int, default=40)
    parser.add_argument("--entries", type=int, default=500)
    add_scales_option(parser, "2 documents x 500 entries x 5 locales")
    args = parser.parse_args()
    if args.scales:
        run_scales("checks, in memory", "entry", parse_scales(args.scales), scaled_step)
        return
    build = time.perf_counter()
    sources = [document(n, args.entries) for n in range(args.documents)]
    units = catalogs(sources)
    total = sum(len(u.po.entries) for u in units if u.po is not None)
    print(
        f"corpus: {len(units)} catalogs, {total:,} entries (built in {time.perf_counter() - build:.1f} s)"
    )
    options = Options(today=dt.date(2025, 6, 1))

    def cold() -> None:
        analyze.cache_clear()
        critical.cache_clear()

    cold()
    findings = timed(
        "translation checks (cold caches)", total, lambda: run_translation_checks(units, options)
    )
    timed("translation checks (warm caches)", total, lambda: run_translation_checks(units, options))
    cold()
    everything, rows = timed(
        "all checks incl. reading level", total, lambda: run_all_checks(sources, units, options)
    )
    print(
        f"findings: {len(findings):,} from translation checks, {len(everything):,} from all checks; "
        f"{rows} reading-level rows"
    )
    cold()
    print(
        f"peak traced memory, all checks: {peak_memory(lambda: run_all_checks(sources, units, options)):.1f} MiB "
        f"(the corpus itself is built before)"
    )
    print(
        f"max RSS of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB"
    )
    print(
        f"kit check on the sample project (wall, best of 3, incl. interpreter start): {sample_wall_time():.2f} s"
    )


if __name__ == "__main__":
    sys.exit(main())
