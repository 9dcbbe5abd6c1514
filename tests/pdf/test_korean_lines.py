"""Korean handouts end a line between words, never between two syllables of a word.

Korean puts spaces between words, and its readers expect lines to break there: the pages ask
browsers for that (``word-break: keep-all``), which WeasyPrint does not support. Before this,
the bilingual handout's Korean column printed "알려 줍" on one line and "니다." on the next.
``kit.pdf.korean`` puts word joiners inside Korean words before rendering; they must not
reach the text a reader copies or a screen reader reads.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from kit.pdf.korean import WORD_JOINER, keep_korean_words
from tests.pdf.helpers import build_handouts, pdftotext

SOURCE = """---
title: "Washing your hands"
summary: "Clean hands keep germs away from your child. This page shows when and how to wash them."
slug: hand-washing
reviewed: 2026-01-01
---

## When to wash your hands

Wash your hands before you touch your child's **central line**.

Wash your hands after you change a diaper.

## How to wash your hands

1. Wet your hands with warm water.
2. Rub them with soap for 20 seconds.
3. Rinse them and dry them with a clean towel.
"""
KOREAN = {
    "Washing your hands": "손 씻기",
    "Clean hands keep germs away from your child. This page shows when and how to wash them.": (
        "깨끗한 손은 자녀에게서 세균을 멀리합니다. "
        "이 페이지는 언제, 어떻게 손을 씻는지 알려 줍니다."
    ),
    "When to wash your hands": "손을 씻어야 할 때",
    "Wash your hands before you touch your child's **central line**.": (
        "자녀의 **중심정맥관**을 만지기 전에 손을 씻으세요."
    ),
    "Wash your hands after you change a diaper.": "기저귀를 간 후에 손을 씻으세요.",
    "How to wash your hands": "손 씻는 방법",
    "Wet your hands with warm water.": "따뜻한 물로 손을 적시세요.",
    "Rub them with soap for 20 seconds.": "비누로 20초 동안 문지르세요.",
    "Rinse them and dry them with a clean towel.": "헹군 후 깨끗한 수건으로 말리세요.",
}
WORDS = {word for text in KOREAN.values() for word in text.replace("**", "").split()}


def broken_words(pdf: Path) -> list[str]:
    """The translation's words that are not whole on one line of ``pdf``'s text: each was
    cut at a line's end."""
    text = pdftotext(pdf.read_bytes())
    pieces = {piece for line in text.splitlines() for piece in line.split()}
    return sorted(WORDS - pieces)


def test_korean_lines_end_between_words(tmp_path: Path) -> None:
    dist = build_handouts(tmp_path, "hand-washing", SOURCE, "ko", KOREAN)
    for name in ("hand-washing.bilingual.pdf", "hand-washing.pdf"):
        pdf = dist / "ko" / name
        assert broken_words(pdf) == [], name
        text = pdftotext(pdf.read_bytes())
        assert WORD_JOINER not in text  # copied or read aloud: the words as written


def test_joiners_go_inside_words_only_in_the_body() -> None:
    html = (
        "<!doctype html><html><head><title>손 씻기</title><style>p{}</style></head>"
        '<body><h1>손 씻기</h1><p>비누로 20초 <strong>중요</strong>합니다 &amp; <img alt="손을">'
        "Rx 손<br>씻기</p></body></html>"
    )
    j = WORD_JOINER
    assert keep_korean_words(html) == (
        "<!doctype html><html><head><title>손 씻기</title><style>p{}</style></head>"
        f"<body><h1>손 씻{j}기</h1><p>비{j}누{j}로 20{j}초 <strong>중{j}요</strong>{j}합{j}니{j}다 "
        '&amp; <img alt="손을">'
        f"Rx 손<br>씻{j}기</p></body></html>"
    )


def test_html_without_hangul_is_returned_as_it_is() -> None:
    html = "<html><body><p>Wash <em>your</em> hands 20 times &amp; more.</p></body></html>"
    assert keep_korean_words(html) is html


@given(st.text(alphabet=st.sampled_from("손씻기 20a.<>&;/!\"'=b\n-tiel")))
def test_only_word_joiners_are_added(text: str) -> None:
    html = f"<html><body><p>{text}</p></body></html>"
    assert keep_korean_words(html).replace(WORD_JOINER, "") == html
