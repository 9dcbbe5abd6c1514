"""Synthetic corpora for the benchmarks: plain-language Markdown documents that look like
patient-education pages (front matter, headings, paragraphs, lists, a table, an image).

Deterministic: the same arguments always give the same files.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

WORDS = [
    "your",
    "child",
    "may",
    "feel",
    "tired",
    "after",
    "treatment",
    "the",
    "care",
    "team",
    "will",
    "check",
    "blood",
    "counts",
    "each",
    "week",
    "call",
    "us",
    "if",
    "the",
    "fever",
    "lasts",
    "more",
    "than",
    "2",
    "days",
    "give",
    "5",
    "mL",
    "of",
    "medicine",
    "with",
    "food",
    "keep",
    "a",
    "notebook",
    "of",
    "questions",
    "and",
    "bring",
    "it",
    "to",
    "every",
    "visit",
    "wash",
    "your",
    "hands",
    "before",
    "you",
    "touch",
    "the",
    "central",
    "line",
    "babies",
    "younger",
    "than",
    "6",
    "months",
    "need",
    "extra",
    "care",
    "ask",
    "the",
    "nurse",
    "about",
    "side",
    "effects",
    "such",
    "as",
    "mouth",
    "sores",
    "nausea",
    "or",
    "hair",
    "loss",
    "the",
    "doctor",
    "may",
    "change",
    "the",
    "dose",
    "of",
    "chemotherapy",
]


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(6, 16))]
    words[0] = words[0].capitalize()
    if rng.random() < 0.2:
        words[rng.randrange(len(words))] = f"**{rng.choice(WORDS)}**"
    return " ".join(words) + "."


def paragraph(rng: random.Random) -> str:
    return " ".join(sentence(rng) for _ in range(rng.randint(1, 4)))


def document(n: int, rng: random.Random) -> str:
    parts = [
        "---",
        f"title: Sample page {n}",
        f"summary: {json.dumps(sentence(rng))}",
        f"slug: doc-{n:05d}",
        "reviewed: 2024-01-15",
        "---",
        "",
    ]
    for section in range(rng.randint(3, 6)):
        parts += [f"## {sentence(rng)[:40].rstrip('.')} {section}", ""]
        parts += [paragraph(rng), ""]
        if rng.random() < 0.6:
            parts += [f"- {sentence(rng)}" for _ in range(rng.randint(2, 5))] + [""]
        if rng.random() < 0.3:
            parts += ["| What | When |", "|---|---|"]
            parts += [f"| {sentence(rng)} | {rng.choice(WORDS)} |" for _ in range(3)] + [""]
        if rng.random() < 0.2:
            parts += [f'![{sentence(rng)}](images/fig-{section}.svg "{sentence(rng)}")', ""]
    return "\n".join(parts)


def write_corpus(folder: Path, count: int, seed: int = 1) -> list[Path]:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        path = folder / f"doc-{n:05d}.md"
        path.write_text(document(n, rng), encoding="utf-8")
        paths.append(path)
    return paths
