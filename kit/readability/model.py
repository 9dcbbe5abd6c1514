"""The frozen dataclasses that cross the boundaries of ``kit.readability``.

``Counts`` are what the formulas are pure functions of; ``Score`` is one formula's result;
``Readability`` is what :func:`kit.readability.measure` returns; ``Target`` is a
health-literacy threshold for one formula.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Protocol

Direction = Literal["max", "min"]


@dataclass(frozen=True)
class Sentence:
    """One sentence: ``text`` is ``blocks[block][start:end]`` of the input."""

    block: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Counts:
    """What the formulas count, for one sentence or a whole text.

    ``words`` counts space-separated words and numbers; for Chinese and Japanese every Han or
    kana character counts as one unit (Latin words and numbers inside such text still count
    as one each). ``letters`` counts letters and digits inside words (combining marks are not
    counted, so Arabic tashkeel and Indic vowel signs add nothing). ``syllables``,
    ``monosyllables``, ``polysyllables`` (three or more syllables) and ``complex_words``
    (Gunning's definition, see ``kit.readability.counting``) are ``None`` for languages
    with no syllable counter. ``long_words`` counts words with more than
    ``long_word_letters`` letters (6 for LIX and the Wiener Sachtextformel; 5 for
    Arabic-script languages). ``characters`` counts letters of scripts written without word
    spaces (Thai, Lao, Khmer, Myanmar, Tibetan) and Han/kana characters; ``han`` and
    ``kana`` split the latter for the Japanese kanji share.
    """

    sentences: int = 0
    words: int = 0
    letters: int = 0
    syllables: int | None = None
    monosyllables: int | None = None
    polysyllables: int | None = None
    complex_words: int | None = None
    long_words: int = 0
    long_word_letters: int = 6
    characters: int = 0
    han: int = 0
    kana: int = 0


class CountsView(Protocol):
    """What a formula reads: ``Counts``, or a sentence's ``kit.readability.counting.
    SentenceCounts`` (a tuple: one is built for every sentence measured)."""

    @property
    def sentences(self) -> int: ...
    @property
    def words(self) -> int: ...
    @property
    def letters(self) -> int: ...
    @property
    def syllables(self) -> int | None: ...
    @property
    def monosyllables(self) -> int | None: ...
    @property
    def polysyllables(self) -> int | None: ...
    @property
    def complex_words(self) -> int | None: ...
    @property
    def long_words(self) -> int: ...
    @property
    def characters(self) -> int: ...
    @property
    def han(self) -> int: ...
    @property
    def kana(self) -> int: ...


@dataclass(frozen=True)
class Score:
    """One formula's result.

    ``grade`` is set when the formula's value is a school grade (Flesch-Kincaid, SMOG,
    Wiener Sachtextformel...); ``band`` is the published verbal band when there is one.
    ``is_proxy`` marks a stand-in measure for a language with no established formula: it
    must never be read as a grade. ``higher_is_easier`` tells how to read ``value``.
    """

    formula: str
    value: float
    grade: float | None = None
    band: str | None = None
    is_proxy: bool = False
    higher_is_easier: bool = False


@dataclass(frozen=True)
class SentenceScore:
    """One sentence scored alone with the primary formula, so an author knows what to rewrite."""

    text: str
    block: int
    start: int
    end: int
    words: int
    formula: str
    value: float


@dataclass(frozen=True)
class Readability:
    """The reading level of a text in one language.

    ``primary`` is the score that per-locale targets apply to; it is ``None`` when the text
    is "not measured", and ``notes`` then says why. ``notes`` also carries caveats (for
    example SMOG on fewer than 30 sentences).
    """

    lang: str
    language: str
    counts: Counts
    scores: tuple[Score, ...]
    primary: Score | None
    hardest: tuple[SentenceScore, ...]
    notes: tuple[str, ...] = ()

    @property
    def measured(self) -> bool:
        return self.primary is not None


@dataclass(frozen=True)
class Target:
    """A health-literacy threshold for one formula.

    ``direction`` "max": the score passes when ``value <= limit``; "min": when
    ``value >= limit``. ``ideal`` is the better level to aim for; ``basis`` names the
    source; ``provisional`` marks thresholds not validated for this language.
    """

    formula: str
    limit: float
    direction: Direction
    ideal: float | None
    basis: str
    provisional: bool = False
