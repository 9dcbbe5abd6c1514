"""The fast tokenizer (one regular expression over character codes) against the plain
character loop it replaced, which stays here as the specification."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kit.readability.counting import count_sentence
from kit.readability.model import Counts
from kit.readability.syllables import syllable_counter
from kit.readability.words import (
    _INNER_JOINERS,
    _NUMBER_JOINERS,
    Token,
    TokenKind,
    char_class,
    letter_count,
    tokenize,
)


def reference_tokenize(text: str) -> tuple[Token, ...]:
    tokens: list[Token] = []
    position = 0
    while position < len(text):
        cls = char_class(text[position])
        if cls in ("han", "kana"):
            tokens.append(Token(text[position], "char", position))
            position += 1
        elif cls == "unsegmented":
            end = position
            while end < len(text) and char_class(text[end]) in ("unsegmented", "mark"):
                end += 1
            tokens.append(Token(text[position:end], "run", position))
            position = end
        elif cls in ("letter", "digit", "mark"):
            end = _word_end(text, position)
            word = text[position:end]
            if letter_count(word):
                tokens.append(Token(word, _word_kind(word), position))
            position = end
        else:
            position += 1
    return tuple(tokens)


def _word_char(char: str) -> bool:
    return char_class(char) in ("letter", "digit", "mark")


def _word_end(text: str, position: int) -> int:
    end = position
    while end < len(text):
        char = text[end]
        if _word_char(char):
            end += 1
        elif end + 1 < len(text) and _joins(text[end - 1], char, text[end + 1]):
            end += 2
        else:
            break
    return end


def _joins(before: str, char: str, after: str) -> bool:
    if not (_word_char(before) and _word_char(after)):
        return False
    if char in _INNER_JOINERS:
        return True
    if char == "." and before.isalpha() and after.isalpha():
        return True
    return char in _NUMBER_JOINERS and before.isdigit() and after.isdigit()


def _word_kind(word: str) -> TokenKind:
    if word[0].isdigit() and all(c.isdigit() or c in _NUMBER_JOINERS for c in word):
        return "number"
    return "word"


# Characters where the rules differ: every joiner, digits of several kinds (², Ⅻ, ٣, ３),
# marks (Latin, Arabic, Devanagari, Thai), Han, kana, Thai, Khmer, capitals.
TRICKY = (
    "aZé.,:/-'’ʼ‐‑\u00ad\u200c\u200d·09²Ⅻ٣３\u0301\u064e\u093fिกขั\u0e31ក្\u17d2"
    "漢字ひらカナー\u30fb。 \t!?()"
)
TEXT = st.text(
    alphabet=st.one_of(st.sampled_from(TRICKY), st.characters(codec="utf-8")), max_size=40
)


@settings(max_examples=3000, deadline=None)
@given(TEXT)
def test_tokenize_is_the_character_loop(text: str) -> None:
    assert tokenize(text) == reference_tokenize(text)


def reference_count(text: str, language: str) -> Counts:
    """``count_sentence`` as written before the fast tokenizer."""
    import re

    counter = syllable_counter(language)
    tokens = list(reference_tokenize(text))
    if (
        len(tokens) > 1
        and tokens[0].start == 0
        and re.match(r"\s*(?:\d{1,3}|[^\W\d_])[.)]\s", text)
    ):
        tokens = tokens[1:]
    spaced = [t for t in tokens if t.kind in ("word", "number")]
    cased = [t.text for t in spaced if sum(c.isalpha() for c in t.text) >= 2]
    shouted = len(cased) >= 3 and sum(1 for w in cased if w.isupper()) * 2 > len(cased)
    syllables = long_words = mono = poly = complex_words = 0
    for index, token in enumerate(spaced):
        long_words += letter_count(token.text) > 6
        if counter is None:
            continue
        count = counter(token.text.lower() if shouted else token.text)
        syllables += count
        mono += count == 1
        poly += count >= 3
        word = token.text
        capitalised = index > 0 and word[:1].isupper()
        if count >= 3 and token.kind != "number" and "-" not in word and not capitalised:
            complex_words += 1
            if language == "en":
                for suffix in ("es", "ed", "ing"):
                    if word.lower().endswith(suffix) and len(word) > len(suffix) + 2:
                        complex_words -= counter(word[: -len(suffix)]) < 3
                        break
    cjk = [t for t in tokens if t.kind == "char"]
    run_letters = sum(letter_count(t.text) for t in tokens if t.kind == "run")
    known = counter is not None
    return Counts(
        sentences=1 if tokens else 0,
        words=len(tokens),
        letters=sum(letter_count(t.text) for t in spaced) + len(cjk) + run_letters,
        syllables=syllables if known else None,
        monosyllables=mono if known else None,
        polysyllables=poly if known else None,
        complex_words=complex_words if known else None,
        long_words=long_words,
        long_word_letters=6,
        characters=len(cjk) + run_letters,
        han=sum(1 for t in cjk if char_class(t.text) == "han"),
        kana=sum(1 for t in cjk if char_class(t.text) == "kana"),
    )


@settings(max_examples=1500, deadline=None)
@given(TEXT, st.sampled_from(["en", "es", "ru", "ar", "ja", "km"]))
def test_count_sentence_is_unchanged(text: str, language: str) -> None:
    assert count_sentence(text, language, syllable_counter(language)) == reference_count(
        text, language
    )


# Mostly letters, digits, joiners and spaces: the texts ``count_sentence`` counts without
# building tokens or by pieces, with now and then a mark that sends it down the full path.
PROSE = st.text(
    alphabet=st.sampled_from(
        "aeiouyrtnslAEIOURTNSLéжДиعل  \t.,:/!?()-'’ʼ·\u200d\u00ad12٣²\u0301漢字ひらカナ。"
    )
)


@settings(max_examples=3000, deadline=None)
@given(PROSE, st.sampled_from(["en", "es", "ru", "ar", "vi", "de", "zh", "ja"]))
def test_count_sentence_of_letters_only_is_unchanged(text: str, language: str) -> None:
    assert count_sentence(text, language, syllable_counter(language)) == reference_count(
        text, language
    )


# Words that change the whole-sentence rules: list markers, capitals (shouting), words of
# three or more syllables capitalised or not (Gunning's rule spares the first word only).
SENTENCE_PIECES = st.sampled_from(
    [
        "1.", "a)", "iv.", "文.", "MRI", "NICU", "HOSPITAL", "Hospitalization", "hospitalization",
        "medication", "Medicated", "follow-up", "don't", "2.5", "8:30", "care4@example.org",
        "e.g.", "漢字", "カナ", "ひら", "ក្ខ", "عَلَى", "مستشفى", "больница", "Больница", "día",
        "\u0301", "—", "(", ")", ",", ".", "W", "ok",
    ]
)  # fmt: skip
SEPARATORS = st.sampled_from([" ", "  ", "\t", "\n", "\u00a0", "\u3000", ""])
SENTENCE = st.lists(st.tuples(SENTENCE_PIECES, SEPARATORS), max_size=12).map(
    lambda pairs: "".join(piece + space for piece, space in pairs)
)


@settings(max_examples=2000, deadline=None)
@given(
    st.lists(st.one_of(SENTENCE, TEXT), max_size=6),
    st.sampled_from(["en", "es", "ru", "ar", "vi", "de", "zh", "ja", "km", "sv"]),
)
def test_counting_by_chunks_is_counting_by_tokens(texts: list[str], language: str) -> None:
    """The remembered chunks (``count_sentences``) against the sentence's own tokens."""
    from kit.readability.counting import count_sentences, count_tokens
    from kit.readability.languages import long_word_letters

    counter, letters = syllable_counter(language), long_word_letters(language)
    expected = [count_tokens(text, language, counter, letters) for text in texts]
    assert count_sentences(texts, language, counter, letters) == expected


@settings(max_examples=1000, deadline=None)
@given(
    st.lists(st.one_of(SENTENCE, TEXT), max_size=6),
    st.sampled_from(["en", "es", "ar", "zh", "ja", "km"]),
)
def test_a_texts_counts_are_the_sum_of_its_packed_sentences(
    texts: list[str], language: str
) -> None:
    """``measure`` adds the sentences' packed integers in one ``sum``: the total must be the
    field-by-field sum of each sentence counted alone, and each sentence's tuple
    (``sentence_counts``, what the hardest sentences are scored on) its own counts."""
    from dataclasses import asdict

    from kit.readability.counting import count_tokens, packed_sentences
    from kit.readability.languages import long_word_letters
    from kit.readability.packed import SentenceCounts, sentence_counts, unpacked

    counter, letters = syllable_counter(language), long_word_letters(language)
    alone = [count_tokens(text, language, counter, letters) for text in texts]
    packed = packed_sentences(texts, language, counter, letters)
    total = asdict(unpacked(sum(packed), counter is not None, letters))
    for name, value in total.items():
        values = [getattr(c, name) for c in alone]
        if name == "long_word_letters":
            assert value == letters
        elif None in values or (counter is None and name in SYLLABLE_FIELDS):
            assert value is None
        else:
            assert value == sum(values), name
    shared = [name for name in total if name in SentenceCounts._fields]
    for counts, row in zip(alone, map(sentence_counts, packed), strict=True):
        # where syllables are not counted, a sentence's tuple holds 0 for them, not None
        assert {name: getattr(row, name) for name in shared} == {
            name: getattr(counts, name) or 0 for name in shared
        }


SYLLABLE_FIELDS = ("syllables", "monosyllables", "polysyllables", "complex_words")


def test_chunk_tables_start_again_when_full() -> None:
    from unittest import mock

    from kit.readability import counting

    texts = [f"Word{n} and hospitalization {n}" for n in range(50)]
    counter = syllable_counter("en")
    expected = [counting.count_tokens(text, "en", counter) for text in texts]
    with mock.patch.object(counting, "_CHUNKS_PER_TABLE", 8):
        assert counting.count_sentences(texts, "en", counter) == expected
        assert len(counting._chunks("en", counter, 6)) <= 8


def test_no_token_spans_a_space() -> None:
    """What counting by chunks rests on: ``str.split`` cuts only at characters that are
    never part of a token (code O)."""
    from kit.readability.words import CODES

    spaces = [chr(code) for code in range(0x110000) if chr(code).isspace()]
    assert {CODES[ord(char)] for char in spaces} == {"O"}
