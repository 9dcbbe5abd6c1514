"""Sentence splitting: the reference's traps (§1.3, §8), other scripts, and a property test
that no text is lost."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kit.readability import measure, split_sentences


def texts(blocks: list[str], lang: str = "en") -> list[str]:
    return [s.text for s in split_sentences(blocks, lang)]


def test_reference_example_three_sentences() -> None:
    # textstat finds 2 (reference §1.3): "Dr.", "a.m.", "2.5" and "e.g." do not end a
    # sentence, and the short real sentence "Call us." counts.
    text = (
        "Dr. Smith will see your child at 9 a.m. on Monday. "
        "Give 2.5 mL of medicine, e.g. with food. Call us."
    )
    assert texts([text]) == [
        "Dr. Smith will see your child at 9 a.m. on Monday.",
        "Give 2.5 mL of medicine, e.g. with food.",
        "Call us.",
    ]
    assert measure([text], "en").counts.sentences == 3


def test_reference_example_four_sentences() -> None:
    text = (
        "Wash your hands. Call us. Give the medicine at 8 a.m. and 8 p.m. each day. "
        "Do not skip doses."
    )
    assert texts([text]) == [
        "Wash your hands.",
        "Call us.",
        "Give the medicine at 8 a.m. and 8 p.m. each day.",
        "Do not skip doses.",
    ]


def test_us_abbreviation_in_the_coleman_liau_abstract() -> None:
    text = "It is feasible for the U.S. Office of Education to calibrate it. Both agree."
    assert len(texts([text])) == 2


@pytest.mark.parametrize(
    ("blocks", "expected"),
    [
        (["Title without a period", "Next block"], ["Title without a period", "Next block"]),
        (["1. Wash your hands. 2. Dry them."], ["1. Wash your hands.", "2. Dry them."]),
        (["Steps: 1. Wash. 2. Dry."], ["Steps: 1. Wash.", "2. Dry."]),
        (['He said "Stop." Then he left.'], ['He said "Stop."', "Then he left."]),
        (["(See page 2.) Then call us."], ["(See page 2.)", "Then call us."]),
        (
            ["Wait... then call. I feel tired… Call us!"],
            ["Wait... then call.", "I feel tired…", "Call us!"],
        ),
        (["Is it OK?! Yes. No. 5 is the room."], ["Is it OK?!", "Yes.", "No. 5 is the room."]),
        (["Take vitamin D. Call us."], ["Take vitamin D.", "Call us."]),
        (["Hepatitis B. Ask us."], ["Hepatitis B.", "Ask us."]),
        (["J. R. Smith called."], ["J. R. Smith called."]),
        (["Civil. Ill. Mix."], ["Civil.", "Ill.", "Mix."]),
        (["Ask Dr. J. Smith, M.D. Call him."], ["Ask Dr. J. Smith, M.D.", "Call him."]),
        (["Visit www.example.org. Call 555-1234."], ["Visit www.example.org.", "Call 555-1234."]),
        (["Take 1.5 mg/kg at 8:30 a.m. Then rest."], ["Take 1.5 mg/kg at 8:30 a.m.", "Then rest."]),
        (["Rest, eat, etc. Then sleep."], ["Rest, eat, etc.", "Then sleep."]),
        (["Give approx. 5 mL. Then wait."], ["Give approx. 5 mL.", "Then wait."]),
        (["  spaced  out.   Yes.  "], ["spaced  out.", "Yes."]),
    ],
)
def test_english_cases(blocks: list[str], expected: list[str]) -> None:
    assert texts(blocks) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "es",
            "El Dr. García llega a las 9 a. m. Tome 2,5 mL. ¿Tiene fiebre? ¡Llame ya!",
            ["El Dr. García llega a las 9 a. m.", "Tome 2,5 mL.", "¿Tiene fiebre?", "¡Llame ya!"],
        ),
        (
            "fr",
            "M. Dupont arrive. Prenez 2,5 mL, p. ex. avec de l'eau. Appelez-nous.",
            ["M. Dupont arrive.", "Prenez 2,5 mL, p. ex. avec de l'eau.", "Appelez-nous."],
        ),
        (
            "de",
            "Am 3. Mai beginnt die Therapie. Das ist z. B. gut. Dr. Müller kommt.",
            ["Am 3. Mai beginnt die Therapie.", "Das ist z. B. gut.", "Dr. Müller kommt."],
        ),
        (
            "it",
            "Il dott. Rossi arriva. Prenda 2,5 mL, ecc. Poi riposi.",
            ["Il dott. Rossi arriva.", "Prenda 2,5 mL, ecc.", "Poi riposi."],
        ),
        (
            "nl",
            "Dhr. Jansen komt, bijv. morgen. Bel ons.",
            ["Dhr. Jansen komt, bijv. morgen.", "Bel ons."],
        ),
        (
            "pt",
            "A Dra. Silva chega. Tome 2,5 mL. Ligue-nos.",
            ["A Dra. Silva chega.", "Tome 2,5 mL.", "Ligue-nos."],
        ),
        (
            "ru",
            "Врач, т. е. доктор, придёт. Примите лекарство и т. д. Потом отдохните.",
            ["Врач, т. е. доктор, придёт.", "Примите лекарство и т. д.", "Потом отдохните."],
        ),
        (
            "zh_Hans",
            "白血病是一种血液癌症。它很少见！你有问题吗？请打电话。",
            ["白血病是一种血液癌症。", "它很少见！", "你有问题吗？", "请打电话。"],
        ),
        (
            "ja",
            "これはテストです。「はい。」と言った。",
            ["これはテストです。", "「はい。」と言った。"],
        ),
        ("ar", "هل لديك حمى؟ اتصل بنا. شكرا", ["هل لديك حمى؟", "اتصل بنا.", "شكرا"]),
        ("hi", "यह एक परीक्षण है। कृपया हमें कॉल करें।", ["यह एक परीक्षण है।", "कृपया हमें कॉल करें।"]),
        ("ur", "یہ ایک جملہ ہے۔ دوسرا جملہ۔", ["یہ ایک جملہ ہے۔", "دوسرا جملہ۔"]),
        ("km", "នេះជាប្រយោគ។ ប្រយោគទីពីរ។", ["នេះជាប្រយោគ។", "ប្រយោគទីពីរ។"]),
    ],
)
def test_other_languages(lang: str, text: str, expected: list[str]) -> None:
    assert texts([text], lang) == expected


def test_sentences_point_back_into_their_block() -> None:
    blocks = ["First one. Second one.", "", "Third"]
    for sentence in split_sentences(blocks, "en"):
        assert blocks[sentence.block][sentence.start : sentence.end] == sentence.text
    assert [s.block for s in split_sentences(blocks, "en")] == [0, 0, 2]


def test_wordless_fragments_join_a_neighbour() -> None:
    assert texts(["Call us. ... — !"]) == ["Call us. ... — !"]
    assert texts(["... Call us."]) == ["... Call us."]
    assert texts(["—"]) == ["—"]


def test_malformed_locale_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="locale"):
        split_sentences(["x"], "../etc")


# --- Property: the splitter never crashes or loses text ---------------------------------

ALPHABET = st.sampled_from(
    list("abcXYZ019 .!?…,;:'\"()[]-«»“”\n\t")
    + list("。！？؟۔।、「」")
    + ["Dr.", "e.g.", "2.5", "U.S.", "a.m.", "1. ", "中", "ك", "ะ", "й", "\u0301"]
)
BLOCK = st.lists(ALPHABET, max_size=40).map("".join)
LANGS = st.sampled_from(["en", "de", "es", "fr", "zh_Hans", "ja", "ar", "th", "ru", "km"])


def _has_word_character(text: str) -> bool:
    import unicodedata

    return any(unicodedata.category(c)[0] in "LN" for c in text)


@settings(max_examples=300, deadline=None)
@given(blocks=st.lists(BLOCK, max_size=4), lang=LANGS)
def test_splitter_keeps_every_character(blocks: list[str], lang: str) -> None:
    sentences = split_sentences(blocks, lang)
    for index, block in enumerate(blocks):
        spans = [(s.start, s.end) for s in sentences if s.block == index]
        position = 0
        for start, end in spans:
            assert start >= position and end > start
            assert block[position:start].strip() == ""  # only whitespace between sentences
            assert block[start:end] == block[start:end].strip()
            position = end
        assert block[position:].strip() == ""  # nothing lost after the last sentence
        if block.strip():
            assert spans, "a non-blank block gives at least one sentence"


@settings(max_examples=300, deadline=None)
@given(blocks=st.lists(BLOCK, max_size=4), lang=LANGS)
def test_counts_are_positive_for_text_with_words(blocks: list[str], lang: str) -> None:
    result = measure(blocks, lang)
    if any(_has_word_character(block) for block in blocks):
        assert result.counts.words >= 1
        assert result.counts.sentences >= 1
    else:
        assert result.counts.words == 0
        assert result.primary is None


@settings(max_examples=2000, deadline=None)
@given(
    st.text(alphabet=st.sampled_from("ab A.…!?。」) \t\n1'\"«»Dr")),
    st.sampled_from(["en", "de", "ja"]),
)
def test_one_sentence_blocks_take_the_short_path_to_the_same_sentence(text: str, lang: str) -> None:
    from kit.readability._data import abbreviations
    from kit.readability.languages import ORDINAL_DOT_LANGUAGES
    from kit.readability.sentences import _Rules, _split_block, _split_spans

    rules = _Rules(abbreviations(lang), lang in ORDINAL_DOT_LANGUAGES)
    assert _split_block(text, 3, rules) == _split_spans(text, 3, rules)


@settings(max_examples=2000, deadline=None)
@given(
    st.text(alphabet=st.sampled_from("ab A.…!?‼。！؟।」）”\") \t\n\u00a0\u30001'«»Dr")).map(
        lambda text: text.replace("1", "e.g. example.org 2.5 ")
    ),
    st.sampled_from(["en", "de", "ja", "ar", "hi"]),
)
def test_blocks_with_no_possible_end_before_their_end_are_one_sentence(
    text: str, lang: str
) -> None:
    """``_POSSIBLE_END``: periods inside words and numbers, strong terminators at the end."""
    from kit.readability._data import abbreviations
    from kit.readability.languages import ORDINAL_DOT_LANGUAGES
    from kit.readability.sentences import _Rules, _split_block, _split_spans

    rules = _Rules(abbreviations(lang), lang in ORDINAL_DOT_LANGUAGES)
    assert _split_block(text, 0, rules) == _split_spans(text, 0, rules)
