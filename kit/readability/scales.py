"""Which formulas each language gets, their bands, and scoring ``Counts`` into a ``Score``.

The first scale of a language is its primary (what per-locale targets apply to):

=========  =========================================================================
language   scales (primary first)
=========  =========================================================================
en         Flesch-Kincaid grade, Flesch reading ease, SMOG, Gunning fog, Coleman-Liau, ARI
es         INFLESZ (the Szigriszt-Pazos score, Barrio-Cantalejo 2008 bands),
           Szigriszt-Pazos (its own bands), Fernández-Huerta
fr         Kandel-Moles, LIX
de         Wiener Sachtextformel 1 (a school grade), Amstad
it         Gulpease, Flesch-Vacca (1986)
nl         Flesch-Douma, Brouwer
ru         Oborneva
pt         Martins (Flesch adapted to Brazilian Portuguese; also used for pt_PT)
sv         LIX, RIX
no nb nn   LIX
da         LIX
=========  =========================================================================

Bands are half-open ``[low, next low)`` intervals, quoted from reference §2: Flesch's 1948
labels for Flesch reading ease (60-70 is "standard", which the reference calls "plain
English"), and by analogy, unverified, for Kandel-Moles, Oborneva and Martins; Amstad and
Flesch-Douma publish the same seven intervals. INFLESZ, Szigriszt-Pazos, Fernández-Huerta,
Gulpease, Flesch-Vacca and LIX have their own. Grade formulas and Brouwer have no bands
here (Brouwer's inner cut points are not in the reference).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from kit.readability import formulas as f
from kit.readability.model import Counts, CountsView, Score

FLESCH_KINCAID = "Flesch-Kincaid grade"
SMOG = "SMOG"
GUNNING_FOG = "Gunning fog"
COLEMAN_LIAU = "Coleman-Liau"
ARI = "ARI"
WSTF1 = "Wiener Sachtextformel 1"
GULPEASE = "Gulpease"
LIX = "LIX"
RIX = "RIX"
BROUWER = "Brouwer"

Bands = tuple[tuple[float, str], ...]
_LOW = float("-inf")

FLESCH_BANDS: Bands = (
    (_LOW, "very confusing"),
    (30, "difficult"),
    (50, "fairly difficult"),
    (60, "standard"),
    (70, "fairly easy"),
    (80, "easy"),
    (90, "very easy"),
)
FERNANDEZ_HUERTA_BANDS: Bands = (
    (_LOW, "very difficult (muy difícil)"),
    (30, "difficult (difícil)"),
    (50, "somewhat difficult (algo difícil)"),
    (60, "normal, grades 7-8 (normal)"),
    (70, "somewhat easy, grade 6 (algo fácil)"),
    (80, "easy, grade 5 (fácil)"),
    (90, "very easy, grade 4 (muy fácil)"),
)
SZIGRISZT_BANDS: Bands = (
    (_LOW, "very difficult (muy difícil)"),
    (16, "arid (árido)"),
    (36, "quite difficult (bastante difícil)"),
    (51, "normal (normal)"),
    (66, "quite easy (bastante fácil)"),
    (76, "easy (fácil)"),
    (86, "very easy (muy fácil)"),
)
INFLESZ_BANDS: Bands = (
    (_LOW, "very difficult (muy difícil)"),
    (40, "somewhat difficult (algo difícil)"),
    (55, "normal (normal)"),
    (65, "quite easy (bastante fácil)"),
    (80, "very easy (muy fácil)"),
)
GULPEASE_BANDS: Bands = (
    (_LOW, "hard even with a secondary-school diploma"),
    (40, "hard with middle school only"),
    (60, "hard with primary school only"),
    (80, "easy with primary school"),
)
FLESCH_VACCA_BANDS: Bands = ((_LOW, "low"), (50, "medium"), (60, "high"))
LIX_BANDS: Bands = (
    (_LOW, "children's books"),
    (25, "simple"),
    (30, "normal"),
    (40, "factual"),
    (50, "specialist"),
    (60, "hard"),
)


@dataclass(frozen=True)
class Scale:
    """A formula or proxy, ready to score ``Counts``."""

    name: str
    compute: Callable[[CountsView], float]
    higher_is_easier: bool
    is_grade: bool = False
    bands: Bands = ()
    needs_syllables: bool = False
    is_proxy: bool = False
    applies: Callable[[CountsView], bool] = lambda c: True


def applicable(scale: Scale, counts: Counts) -> bool:
    """Whether the counts hold what the scale divides by (beyond words and sentences)."""
    if scale.needs_syllables and counts.syllables is None:
        return False
    return counts.words > 0 and counts.sentences > 0 and scale.applies(counts)


def band_for(value: float, bands: Bands) -> str | None:
    label = None
    for low, name in bands:
        if value >= low:
            label = name
    return label


def score(scale: Scale, counts: Counts) -> Score:
    value = scale.compute(counts)
    return Score(
        formula=scale.name,
        value=value,
        grade=value if scale.is_grade else None,
        band=band_for(value, scale.bands),
        is_proxy=scale.is_proxy,
        higher_is_easier=scale.higher_is_easier,
    )


def _syllables(c: CountsView) -> int:
    if c.syllables is None:
        raise ValueError("this formula needs syllable counts")
    return c.syllables


def _flesch_scale(name: str, label: str | None = None, bands: Bands = FLESCH_BANDS) -> Scale:
    def compute(c: CountsView) -> float:
        return f.flesch_type(name, c.words, c.sentences, _syllables(c))

    return Scale(label or name, compute, True, bands=bands, needs_syllables=True)


def _grade(name: str, compute: Callable[[CountsView], float], syllables: bool = True) -> Scale:
    return Scale(name, compute, False, is_grade=True, needs_syllables=syllables)


def _lix(c: CountsView) -> float:
    return f.lix(c.words, c.sentences, c.long_words)


_EN = (
    _grade(FLESCH_KINCAID, lambda c: f.flesch_kincaid_grade(c.words, c.sentences, _syllables(c))),
    _flesch_scale(f.FLESCH_READING_EASE),
    _grade(SMOG, lambda c: f.smog_grade(c.polysyllables or 0, c.sentences)),
    _grade(GUNNING_FOG, lambda c: f.gunning_fog(c.words, c.sentences, c.complex_words or 0)),
    _grade(COLEMAN_LIAU, lambda c: f.coleman_liau(c.letters, c.words, c.sentences), False),
    _grade(ARI, lambda c: f.automated_readability_index(c.letters, c.words, c.sentences), False),
)
_LIX_SCALE = Scale(LIX, _lix, False, bands=LIX_BANDS)
_WSTF = _grade(
    WSTF1,
    lambda c: f.wiener_sachtextformel_1(
        c.words, c.sentences, c.polysyllables or 0, c.long_words, c.monosyllables or 0
    ),
)
_BROUWER = Scale(
    BROUWER,
    lambda c: f.brouwer(c.words, c.sentences, _syllables(c)),
    True,
    needs_syllables=True,
)

LANGUAGE_SCALES: dict[str, tuple[Scale, ...]] = {
    "en": _EN,
    "es": (
        _flesch_scale(f.SZIGRISZT_PAZOS, f.INFLESZ, INFLESZ_BANDS),
        _flesch_scale(f.SZIGRISZT_PAZOS, bands=SZIGRISZT_BANDS),
        _flesch_scale(f.FERNANDEZ_HUERTA, bands=FERNANDEZ_HUERTA_BANDS),
    ),
    "fr": (_flesch_scale(f.KANDEL_MOLES), _LIX_SCALE),
    "de": (_WSTF, _flesch_scale(f.AMSTAD)),
    "it": (
        Scale(
            GULPEASE,
            lambda c: f.gulpease(c.letters, c.words, c.sentences),
            True,
            bands=GULPEASE_BANDS,
        ),
        _flesch_scale(f.FLESCH_VACCA, bands=FLESCH_VACCA_BANDS),
    ),
    "nl": (_flesch_scale(f.FLESCH_DOUMA), _BROUWER),
    "ru": (_flesch_scale(f.OBORNEVA),),
    "pt": (_flesch_scale(f.MARTINS),),
    "sv": (_LIX_SCALE, Scale(RIX, lambda c: f.rix(c.long_words, c.sentences), False)),
    "no": (_LIX_SCALE,),
    "nb": (_LIX_SCALE,),
    "nn": (_LIX_SCALE,),
    "da": (_LIX_SCALE,),
}
