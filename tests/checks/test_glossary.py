"""Glossary: approved target terms per locale, tolerant of case and simple inflection; a
malformed glossary is an input error with file and line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kit.checks.finding import Place
from kit.checks.glossary import (
    Glossary,
    Term,
    any_of,
    gate,
    matcher,
    parse_glossary,
    term_pattern,
)
from kit.checks.translations import entry_findings
from kit.errors import CatalogError

from ._helpers import entry, rules

FIXTURES = Path(__file__).parent.parent / "fixtures" / "checks" / "glossary"


def load(name: str) -> Glossary:
    path = FIXTURES / name
    return parse_glossary(path.read_text(encoding="utf-8"), f"locales/es/{name}")


def test_parse_reads_terms_variants_notes_and_lines() -> None:
    glossary = load("es.csv")
    chemo = next(t for t in glossary.terms if t.source == "chemotherapy")
    assert chemo.targets == ("quimioterapia", "quimio")
    assert chemo.note == "either is fine"
    assert chemo.line == 4
    assert glossary.identical == frozenset({"kmt2a"})


@pytest.mark.parametrize(
    ("name", "line", "words"),
    [
        ("bad-header.csv", 1, "header must be source,target"),
        ("missing-target.csv", 3, "needs both a source and a target"),
        ("too-many-cells.csv", 4, "3 cells"),
    ],
)
def test_malformed_glossary_is_an_error_with_file_and_line(
    name: str, line: int, words: str
) -> None:
    with pytest.raises(CatalogError) as info:
        load(name)
    assert info.value.path == f"locales/es/{name}"
    assert info.value.line == line
    assert words in info.value.message
    assert info.value.exit_code == 2


def test_empty_glossary_is_an_error() -> None:
    with pytest.raises(CatalogError, match="empty"):
        parse_glossary("", "g.csv")


@pytest.mark.parametrize(
    ("term", "language", "text"),
    [
        ("leucemia", "es", "Las leucemias infantiles"),
        ("médula ósea", "es", "la Médula Ósea"),
        ("лейкоз", "ru", "при лейкозе у детей"),
        ("ابيضاض الدم", "ar", "وابيضاض الدم"),
        ("白血病", "zh", "婴儿急性淋巴细胞白血病很少见"),
        ("백혈병", "ko", "백혈병은 드뭅니다"),
        ("bone marrow", "en", "Bone-marrow transplants"),
    ],
)
def test_terms_match_despite_case_and_simple_inflection(
    term: str, language: str, text: str
) -> None:
    assert term_pattern(term, language).search(text)


def test_acronyms_match_only_in_capitals() -> None:
    assert term_pattern("ALL", "en").search("Infant ALL is rare")
    assert not term_pattern("ALL", "en").search("all babies")


def test_missing_approved_term_is_a_glossary_finding() -> None:
    glossary = load("es.csv")
    place = Place("es", "fever", "locales/es/LC_MESSAGES/fever.po")
    good = entry("Bone marrow is inside bones.", "La médula ósea está dentro de los huesos.")
    bad = entry("Bone marrow is inside bones.", "El tuétano está dentro de los huesos.")
    locale = rules("es", glossary=glossary)
    assert list(entry_findings(good, locale, "en", place)) == []
    findings = list(entry_findings(bad, locale, "en", place))
    assert [f.check for f in findings] == ["glossary.term"]
    assert "médula ósea" in findings[0].message
    assert "locales/es/es.csv:2" in findings[0].hint


def test_variants_and_acronyms() -> None:
    m = matcher(load("es.csv"), "en", "es")
    assert list(m.missing("Chemotherapy works.", "La quimio funciona.")) == []
    assert [t.source for t in m.missing("Infant ALL is rare.", "La LLA infantil es rara.")] == []
    assert [t.source for t in m.missing("Infant ALL is rare.", "La leucemia es rara.")] == ["ALL"]
    assert [t.source for t in m.missing("Treat all babies.", "Trate a todos.")] == []


def test_tbx_glossary() -> None:
    from kit.checks.tbx import parse_tbx

    text = (FIXTURES / "terms.tbx").read_text(encoding="utf-8")
    glossary = parse_tbx(text, "locales/es/glossary.tbx", "en", "es")
    assert [(t.source, t.targets) for t in glossary.terms] == [
        ("bone marrow", ("médula ósea",)),
        ("chemotherapy", ("quimioterapia", "quimio")),
    ]
    assert glossary.terms[0].line == 7 and "Soft tissue" in glossary.terms[0].note


def test_tbx3_concept_entries() -> None:
    from kit.checks.tbx import parse_tbx

    text = (
        '<tbx xmlns="urn:iso:std:iso:30042:ed-2" xml:lang="en"><text><body>'
        '<conceptEntry id="1"><langSec xml:lang="en"><termSec><term>fever</term></termSec></langSec>'
        '<langSec xml:lang="es"><termSec><term>fiebre</term></termSec></langSec></conceptEntry>'
        "</body></text></tbx>"
    )
    glossary = parse_tbx(text, "g.tbx", "en", "es")
    assert [(t.source, t.targets) for t in glossary.terms] == [("fever", ("fiebre",))]


def test_malformed_tbx_is_an_error_with_its_line() -> None:
    from kit.checks.tbx import parse_tbx

    with pytest.raises(CatalogError) as info:
        parse_tbx("<martif>\n<text>\n</martif>", "locales/es/glossary.tbx", "en", "es")
    assert info.value.line == 3 and info.value.path == "locales/es/glossary.tbx"


_GATE_TEXT = st.text(alphabet="abé ßİ-(.'\u0307ال", max_size=40)


@settings(max_examples=400, deadline=None)
@given(
    needles=st.lists(
        st.text(alphabet="abéßi\u0307-(ال", min_size=1, max_size=4), min_size=1, max_size=6
    ),
    text=_GATE_TEXT,
)
def test_gate_finds_exactly_the_needles_that_start_a_word(needles: list[str], text: str) -> None:
    """The gate's definition: needle i is a candidate when the casefolded text has it at a
    place a word may start (a non-space character after a non-word character)."""
    folded = text.casefold()
    starts = [
        i
        for i, c in enumerate(folded)
        if not c.isspace() and not (i and re.match(r"\w", folded[i - 1]))
    ]
    expected = tuple(
        i for i, n in enumerate(needles) if any(folded.startswith(n, s) for s in starts)
    )
    assert gate(tuple(needles)).candidates(folded) == expected


def test_arabic_source_terms_after_a_prefix_are_found() -> None:
    """An Arabic source text writes the article and one-letter prefixes onto the word
    ("والسرطان"): the term must still be found there, as the target side finds it."""
    glossary = Glossary((Term("السرطان", ("cancer",), "", 2),), "g.csv")
    m = matcher(glossary, "ar", "en")
    assert [t.source for t in m.missing("والسرطان علاج.", "There is treatment.")] == ["السرطان"]
    assert list(m.missing("والسرطان علاج.", "Cancer has a treatment.")) == []


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["NHS", "médico", "medicine", "blood test", "IV", "医生"]), max_size=3
    ),
    st.text(alphabet="NHSnhsmédicoMEDICINEblood testIV医生 -", max_size=30),
    st.sampled_from(["en", "es", "zh"]),
)
def test_one_search_per_term_finds_what_each_approved_translation_finds(
    targets: list[str], text: str, language: str
) -> None:
    """A term's approved translations are searched as one expression (``any_of``): it must
    match exactly when one of them does, each with its own case rule (acronyms only in
    capitals), and never when a term has none."""
    patterns = [term_pattern(t, language) for t in targets]
    expected = any(p.search(text) for p in patterns)
    assert (any_of(patterns).search(text) is not None) is expected
