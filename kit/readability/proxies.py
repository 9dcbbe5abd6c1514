"""Proxy measures for languages with no established readability formula.

A proxy is never a grade and never an English formula in disguise: every proxy ``Score``
has ``is_proxy=True`` and a name starting with ``"proxy: "``. Following reference §6 (the
"fallback layer"), the measures are sentence length and the share of long words or
characters:

=====================  ===================================================================
languages              proxies (primary first)
=====================  ===================================================================
zh, yue (Chinese)      mean sentence length in characters (each Han character, and each
                       Latin word or number, is one unit). Reference §6 proposes also the
                       share of characters outside the 2,500 common ones and of words
                       outside HSK 1-3: not implemented (no bundled lists, no segmenter).
ja                     mean sentence length in characters; kanji share, % of kanji among
                       kanji + kana, with the bands < 20 % children's, 20-30 casual,
                       30-40 newspaper, 40-50 technical, > 50 specialist (§6, after
                       Tateishi 1988, secondary source)
km, my                 mean sentence length in characters (no word spaces; ``។``/``။`` end
                       sentences)
vi                     mean sentence length in syllables (each space-separated token is a
                       syllable, §6); no word segmentation (pyvi/underthesea not bundled)
ar                     mean sentence length in words; % words over 5 letters after
                       stripping tashkeel (§6, textstat ``count_arabic_long_words``)
any other language     mean sentence length in words; % words over 6 letters (the LIX
                       definition of a long word)
=====================  ===================================================================

Thai, Lao, Tibetan and Dzongkha are "not measured" (see ``languages.NOT_MEASURED``).
"""

from __future__ import annotations

from kit.readability.languages import CHARACTER_LANGUAGES, UNSEGMENTED_LANGUAGES
from kit.readability.model import CountsView
from kit.readability.scales import Bands, Scale

MEAN_SENTENCE_WORDS = "proxy: mean sentence length (words)"
MEAN_SENTENCE_CHARACTERS = "proxy: mean sentence length (characters)"
MEAN_SENTENCE_SYLLABLES = "proxy: mean sentence length (syllables)"
KANJI_SHARE = "proxy: kanji share (%)"

KANJI_BANDS: Bands = (
    (float("-inf"), "children's"),
    (20, "casual"),
    (30, "newspaper"),
    (40, "technical"),
    (50, "specialist"),
)


def long_word_proxy_name(letters: int) -> str:
    return f"proxy: words over {letters} letters (%)"


def _ratio(part: int, whole: int, what: str) -> float:
    if whole <= 0:
        raise ValueError(f"needs at least one {what}")
    return part / whole


def mean_sentence_length(units: int, sentences: int) -> float:
    """Words (or characters, or syllables) per sentence."""
    return _ratio(units, sentences, "sentence")


def share_percent(part: int, whole: int) -> float:
    return 100 * _ratio(part, whole, "unit")


def proxy_scales(language: str, long_word_letters: int) -> tuple[Scale, ...]:
    """The proxies for a language without a formula; the first is the primary."""
    if language in CHARACTER_LANGUAGES:
        # ``Counts.words`` already counts each Han/kana character as one unit.
        length = _simple(MEAN_SENTENCE_CHARACTERS, "words")
        if language != "ja":
            return (length,)
        kanji = Scale(
            KANJI_SHARE,
            lambda c: share_percent(c.han, c.han + c.kana),
            higher_is_easier=False,
            bands=KANJI_BANDS,
            is_proxy=True,
            applies=lambda c: c.han + c.kana > 0,
        )
        return (length, kanji)
    if language in UNSEGMENTED_LANGUAGES:
        return (_simple(MEAN_SENTENCE_CHARACTERS, "characters"),)
    if language == "vi":
        return (_simple(MEAN_SENTENCE_SYLLABLES, "words"),)
    long_words = Scale(
        long_word_proxy_name(long_word_letters),
        lambda c: share_percent(c.long_words, c.words),
        higher_is_easier=False,
        is_proxy=True,
    )
    return (_simple(MEAN_SENTENCE_WORDS, "words"), long_words)


def _simple(name: str, field: str) -> Scale:
    def compute(c: CountsView) -> float:
        return mean_sentence_length(getattr(c, field), c.sentences)

    return Scale(name, compute, higher_is_easier=False, is_proxy=True)
