"""Sentence splitting for readability counts.

Input is a sequence of text blocks (a paragraph, a list item, a heading, a table cell each
is one block, markup already stripped). A block always ends a sentence, with or without
final punctuation. Inside a block a sentence ends at:

- ``。｡！？`` (CJK), ``؟`` (Arabic), ``۔`` (Urdu), ``।॥`` (Devanagari, Bengali...),
  ``።፧`` (Ethiopic), ``။`` (Myanmar), ``។៕`` (Khmer), ``։`` (Armenian): with or without a
  following space, except inside a quotation that the sentence goes on after
  (``「はい。」と言った。`` is one sentence);
- ``! ? ‼ ⁇ ⁈ ⁉`` followed by a space;
- ``.``, ``...`` and ``…`` followed by a space, unless the next word starts with a lower-case
  letter (an unknown abbreviation, or an ellipsis inside a sentence), and unless the word
  before the period is:

  - a known abbreviation of the language (``data/abbreviations-<lang>.txt`` plus
    ``abbreviations-common.txt``): kind ``mid`` (Dr., e.g., U.S.) never ends a sentence;
    kind ``any`` (a.m., etc.) ends one only before a capitalised word; kind ``num`` (No.,
    p.) is an abbreviation only before a number;
  - a dotted initialism not in the list (M.D., Q.A.): like kind ``any``;
  - a list marker (``1.``, ``a.``, ``iv.``) at the start of a sentence or after a colon;
  - a number of 1-3 digits in a language that writes ordinals with a period (German
    ``am 3. Mai``) before a word;
  - an initial (a single capital letter after an abbreviation or another initial,
    ``Dr. J. Smith``, ``J. R. Smith``) before a capitalised word; after a plain word a
    capital and a period end the sentence (``hepatitis B.``), so ``John F. Kennedy`` splits.

Closing quotes and brackets after the punctuation stay with the sentence they close.
Decimals (``2.5``, ``2,5``), times (``8.30``) and URLs never split: a period needs a space
after it. Spans that hold no letter or digit are merged into a neighbour, so no text is
lost: every non-space character of a block lies in exactly one returned sentence.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from kit.readability._data import abbreviations, fold
from kit.readability.languages import ORDINAL_DOT_LANGUAGES, base_language
from kit.readability.model import Sentence

STRONG_TERMINATORS = "。｡！？؟۔।॥።፧။។៕։"
_EXCLAIM = "!?‼⁇⁈⁉"
_CLOSERS = "\"')]}\u201d\u2019\u00bb\u203a」』）】〕〉》〗〙〛"
_OPENERS = "\"'([{\u201c\u2018\u201e\u00ab\u2039¿¡「『（【〔〈《—–-"
_TERMINATOR = f"[.…{re.escape(_EXCLAIM)}{STRONG_TERMINATORS}]"
_CANDIDATE = re.compile(f"{_TERMINATOR}{_TERMINATOR}*[{re.escape(_CLOSERS)}]*")  # X+ as XX*
# Where ``_is_boundary`` can be true before the end of a block: a strong terminator, unless
# only terminators and closers follow it (possessive: no backtracking to a shorter run), or
# another terminator and its closers followed by a space. Searched up to the block's end
# without its trailing spaces, so the last candidate never matches. Written as one character
# class first (the lookbehind then says which kind it was), so that the regex engine scans
# for that class in C instead of trying two branches at every position (3x faster).
_POSSIBLE_END = re.compile(
    f"{_TERMINATOR}(?:(?<=[{STRONG_TERMINATORS}]){_TERMINATOR}*+"
    f"[{re.escape(_CLOSERS)}]*+(?!\\Z)"
    f"|(?<=[.…{re.escape(_EXCLAIM)}])[{re.escape(_CLOSERS)}]*+(?=\\s))"
)
_DOTTED = re.compile(r"^(?:[^\W\d_]\.)+[^\W\d_]$")
_ENUMERATOR = re.compile(r"^(?:\d{1,3}|[^\W\d_]|[ivx]{1,5}|[IVX]{1,5})$")
_ORDINAL = re.compile(r"^\d{1,3}$")


@dataclass(frozen=True)
class _Rules:
    abbreviations: Mapping[str, str]
    ordinal_dot: bool


# A sentence as ``sentence_spans`` gives it: (block, start, end, text), as in ``Sentence``.
Span = tuple[int, int, int, str]


def split_sentences(blocks: Sequence[str], lang: str) -> tuple[Sentence, ...]:
    """Split every block into sentences; ``lang`` is a Babel-style locale id."""
    return tuple(_sentence(*span) for span in sentence_spans(blocks, lang))


def sentence_spans(blocks: Sequence[str], lang: str) -> list[Span]:
    """``split_sentences`` as plain tuples: ``measure`` makes a ``Sentence`` only of the
    hardest few (one tuple is made for every sentence of every text measured)."""
    language = base_language(lang)
    rules = _Rules(abbreviations(language), language in ORDINAL_DOT_LANGUAGES)
    spans: list[Span] = []
    for index, block in enumerate(blocks):
        spans.extend(_split_block(block, index, rules))
    return spans


def has_word_character(text: str) -> bool:
    return any(unicodedata.category(c)[0] in "LN" for c in text)


def _split_block(text: str, index: int, rules: _Rules) -> list[Span]:
    """The sentences of one block. Most blocks are one sentence: no punctuation before their
    end can end a sentence (``_POSSIBLE_END``; a period inside "2.5" or "example.org" cannot).
    Then the block is that sentence (``_split_spans`` would find the same one span;
    ``tests/readability/test_sentences.py`` holds the two together)."""
    end = len(text.rstrip())
    if _POSSIBLE_END.search(text, 0, end) is None:
        start = _skip_space(text, 0)
        return [(index, start, end, text[start:end])] if start < end else []
    return _split_spans(text, index, rules)


def _split_spans(text: str, index: int, rules: _Rules) -> list[Span]:
    spans: list[tuple[int, int]] = []
    start = _skip_space(text, 0)
    for match in _CANDIDATE.finditer(text):
        if match.end() <= start or not _is_boundary(text, match, start, rules):
            continue
        spans.append((start, match.end()))
        start = _skip_space(text, match.end())
    end = len(text.rstrip())
    if start < end:
        spans.append((start, end))
    return [(index, a, b, text[a:b]) for a, b in _merge_wordless(text, spans)]


def _sentence(block: int, start: int, end: int, text: str) -> Sentence:
    """``Sentence(block, start, end, text)`` without the frozen dataclass's ``__init__``
    (one ``object.__setattr__`` per field; nothing in it checks a value)."""
    sentence: Sentence = object.__new__(Sentence)
    sentence.__dict__.update({"block": block, "start": start, "end": end, "text": text})
    return sentence


def _merge_wordless(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join spans without a letter or digit to the previous span (or the next one)."""
    merged: list[tuple[int, int]] = []
    pending: int | None = None
    for start, end in spans:
        if pending is not None:
            start, pending = pending, None
        if has_word_character(text[start:end]):
            merged.append((start, end))
        elif merged:
            merged[-1] = (merged[-1][0], end)
        else:
            pending = start
    if pending is not None:
        merged.append((pending, spans[-1][1]))
    return merged


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position].isspace():
        position += 1
    return position


def _is_boundary(text: str, match: re.Match[str], start: int, rules: _Rules) -> bool:
    after = match.end()
    if not text[after:].strip():
        return True
    punctuation = match.group().rstrip(_CLOSERS)
    if any(c in STRONG_TERMINATORS for c in punctuation):
        quoted = len(punctuation) < len(match.group())
        return not (quoted and text[after].isalpha())
    if not text[after].isspace():
        return False
    following = _next_word(text, after)
    if any(c in _EXCLAIM for c in punctuation):
        return True
    if punctuation != ".":
        return not _starts_lower(following)
    before = text[start : match.start()].split()
    return _period_ends_sentence(before, following, match.group() != ".", rules)


def _next_word(text: str, position: int) -> str:
    rest = text[position:].split(maxsplit=1)
    return rest[0].lstrip(_OPENERS) if rest else ""


def _starts_lower(word: str) -> bool:
    return bool(word) and word[0].islower()


def _starts_capital(word: str) -> bool:
    """Starts with a letter that is not lower case (capitals and letters of caseless scripts)."""
    return bool(word) and word[0].isalpha() and not word[0].islower()


def _period_ends_sentence(before: list[str], following: str, closed: bool, rules: _Rules) -> bool:
    """Decide for a single period (``closed``: a quote or bracket follows it)."""
    if not before:
        return not _starts_lower(following)
    word = before[-1].strip(_OPENERS + _CLOSERS)
    kind = None if closed else rules.abbreviations.get(fold(word))
    if kind == "mid":
        return False
    if kind == "any" or (kind is None and not closed and _DOTTED.match(word)):
        return _starts_capital(following)
    if kind == "num" and following[:1].isdigit():
        return False
    if closed:
        return not _starts_lower(following)
    if _ENUMERATOR.match(word) and (len(before) == 1 or before[-2].endswith(":")):
        return False
    if rules.ordinal_dot and _ORDINAL.match(word) and following[:1].isalpha():
        return False
    if _is_initial(word, before[:-1]) and _starts_capital(following):
        return False
    return not _starts_lower(following)


def _is_initial(word: str, earlier: list[str]) -> bool:
    """``Dr. J.``, ``J. R.``: a capital after an abbreviation or another initial.

    A capital after a plain word ends the sentence: ``vitamin D.``, ``hepatitis B.`` are more
    common in patient texts than middle initials (``John F. Kennedy`` is split: a known limit).
    """
    return len(word) == 1 and word.isupper() and bool(earlier) and earlier[-1].endswith(".")
