"""Syllable rules for languages where a hyphenation dictionary undercounts.

Pyphen never cuts a single letter off a word edge (``a-é-re-o`` stays ``aé-reo``) and never
splits a hiatus (``dí-a`` stays ``día``), so these languages count vowel nuclei instead:

- **Spanish**: vowel groups; strong vowels ``a e o`` and accented ``á é ó í ú`` side by side
  are a hiatus (two syllables: ``dí-a``, ``a-é-re-o``, ``pa-ís``); a weak vowel ``i u ü``
  next to any vowel is a diphthong (``cien``, ``cui-da``); ``u`` in ``que qui gue gui`` is
  silent; ``y`` is a vowel only at the end of a word after a vowel (``hoy``, ``muy``) or
  alone. ``h`` separates groups (``pro-hi-bir``).
- **Italian**: the same strong/weak rule (accents ``à è é ì í ò ó ù ú`` make a vowel
  strong); an ``i`` between two vowels opens a syllable (``a-iu-to``, ``gio-ia``); and the
  unwritten stressed ``-ìa`` of the medical suffixes ``-logia -grafia -patia -terapia -emia
  -scopia -tomia -algia -penia -cardia -ragia -plegia -ergia -iatria -metria -fobia -filia
  -trofia -plasia -uria`` (and plural ``-ie``) is a hiatus (``leu-ce-mì-a``). Other stressed
  ``-ìa`` words (``malattia``, ``farmacia``) are in ``data/syllables-it.txt``.
- **Portuguese**: dictionary syllabification (Houaiss style), where a rising ``i``/``u`` +
  vowel is a hiatus (``pa-ci-en-te``, ``fa-mí-li-a``, ``qui-mi-o-te-ra-pi-a``); a falling
  pair ending in unaccented ``i``/``u`` is a diphthong (``pai``, ``mui-to``, ``leu-ce-mi-a``)
  unless the ``i``/``u`` is followed by ``nh`` or closes the syllable with ``r l z m n``
  (``ra-i-nha``, ``ca-ir``, ``a-in-da``); ``ão ãe õe`` are diphthongs; ``u`` after ``q g`` is
  a glide (``qua``, ``á-gua``); accented ``í ú`` are a hiatus (``sa-ú-de``, ``pa-ís``).
- **French**: spoken syllables. Vowel groups (``eau``, ``oi``, ``ou``, ``ai``, ``ie``...) are
  one syllable; ``é`` before a vowel other than ``e``, a vowel before ``é è ê ë``, and
  ``ï ü`` start a new syllable (``a-é-ro-port``, ``po-ème``, ``na-ïf``); ``i``/``ou``
  after a consonant + ``l``/``r`` is a hiatus (``cli-ent``, ``cri-er``); ``y`` between
  vowels adds one (``voy-age``); a final unaccented ``-e``/``-es`` after a consonant is mute
  (``ma-lade``, ``fièvre`` = 1). Known limit: verb endings ``-ent`` are counted.
- **German**: ``aa ee oo ie ei ai au eu äu ey ay`` are one vowel, other adjacent vowels are
  two (``In-fek-ti-on``, ``Ei-er``); ``-ien``/``-ient`` after ``t z l r p k g m n`` is two
  (``Fe-ri-en``, ``Pa-ti-ent``); ``u`` after ``q`` is a glide.
- **Dutch**: ``ij`` is a vowel; ``eeu ieu aai ooi oei`` and ``aa ee oo uu ie ei ij ui ou au eu
  oe`` are one vowel; a diaeresis starts a new syllable (``Bel-gi-ë``).
- **Russian, Ukrainian, Belarusian, Bulgarian**: one syllable per vowel letter.
- **Korean**: one syllable per Hangul syllable block.
"""

from __future__ import annotations

import itertools
import re

_ES_STRONG = frozenset("aeoáéóíú")
_IT_STRONG = frozenset("aeoàèéìíòóùú")
_IT_STRESSED_IA = re.compile(
    r"(?:logi|grafi|pati|terapi|emi|scopi|tomi|algi|peni|cardi|ragi|plegi|ergi|iatri"
    r"|metri|fobi|fili|trofi|plasi|uri)[ae]$"
)
_PT_GLIDE_CLOSERS = re.compile(r"^(?:nh|[rlz](?![aeiouáéíóúâêôãõ])|[mn](?![aeiouáéíóúâêôãõh]))")
_FR_VOWELS = "aeiouyàâäéèêëîïôöùûüœæ"
_FR_OPENERS = frozenset("éèêë")
_DE_VOWELS = "aeiouyäöü"
_DE_UNITS = ("aa", "ee", "oo", "ie", "ei", "ai", "au", "eu", "äu", "ey", "ay")
_DE_IEN = re.compile(r"(?<=[tzlrpkgmn])ie(?=n(?:$|[^aeiouyäöü]))")
_NL_UNITS = (
    *("eeu", "ieu", "aai", "ooi", "oei"),
    *("aa", "ee", "oo", "uu", "ie", "ei", "ÿ", "ui", "ou", "au", "eu", "oe"),
)
_NL_VOWELS = "aeiouyÿáéíóúàèâêîôûäëïöü"
_NL_DIAERESIS = frozenset("äëïöü")
CYRILLIC_VOWELS = {
    "ru": "аеёиоуыэюя",
    "uk": "аеєиіїоуюя",
    "be": "аеёіоуыэюя",
    "bg": "аеиоуъюя",
}


def _groups(word: str, vowels: str) -> list[tuple[int, str]]:
    """(start, text) of each maximal run of ``vowels`` in ``word``."""
    return [(m.start(), m.group()) for m in re.finditer(f"[{vowels}]+", word)]


def _strong_pairs(group: str, strong: frozenset[str]) -> int:
    return sum(1 for a, b in itertools.pairwise(group) if a in strong and b in strong)


def count_spanish(word: str) -> int:
    word = re.sub(r"(?<=[qg])u(?=[eiéí])", "", word)
    word = re.sub(r"(?<=[aeiouáéíóú])y$", "i", word)
    if word == "y":
        return 1
    groups = _groups(word, "aeiouáéíóúü")
    return max(1, sum(1 + _strong_pairs(g, _ES_STRONG) for _, g in groups))


def count_italian(word: str) -> int:
    groups = _groups(word, "aeiouàèéìíòóùúy")
    total = 0
    for _, group in groups:
        total += 1 + _strong_pairs(group, _IT_STRONG)
        total += sum(1 for i in range(1, len(group) - 1) if group[i] == "i")
    if _IT_STRESSED_IA.search(word) and len(groups) > 1:
        total += 1
    return max(1, total)


def _pt_hiatus(previous: str, a: str, b: str, after: str) -> bool:
    if a == "u" and previous in "qg":
        return False
    if a in "ãõ" and b in "eo":
        return False
    if b in "iu":
        return a == b or bool(_PT_GLIDE_CLOSERS.match(after))
    return True


def count_portuguese(word: str) -> int:
    total = 0
    for start, group in _groups(word, "aeiouáéíóúâêôãõàü"):
        total += 1
        for i in range(1, len(group)):
            previous = word[start + i - 2] if start + i >= 2 else ""
            after = word[start + i + 1 :]
            if _pt_hiatus(previous, group[i - 1], group[i], after):
                total += 1
    return max(1, total)


def _fr_splits(word: str, start: int, group: str) -> int:
    splits = 0
    for i in range(1, len(group)):
        a, b = group[i - 1], group[i]
        if (a == "é" and b not in "e") or b in "ïü" or (b in _FR_OPENERS and a != "i"):
            splits += 1
    before = word[max(0, start - 2) : start]
    cluster = len(before) == 2 and before[1] in "lr" and before[0] not in _FR_VOWELS
    glide = (group[0] == "i" and len(group) > 1) or (group.startswith("ou") and len(group) > 2)
    return splits + (1 if cluster and glide else 0)


def count_french(word: str) -> int:
    word = re.sub(r"(?<=[qg])u(?=[aeioéèêy])", "", word)
    groups = _groups(word, _FR_VOWELS)
    total = sum(1 + _fr_splits(word, start, group) for start, group in groups)
    total += len(re.findall(f"[{_FR_VOWELS}]y[{_FR_VOWELS}]", word))
    if len(groups) > 1 and re.search(f"[^{_FR_VOWELS}]es?$", word):
        total -= 1
    return max(1, total)


def _units(group: str, units: tuple[str, ...]) -> int:
    count, i = 0, 0
    while i < len(group):
        match = next((u for u in units if group.startswith(u, i)), group[i])
        count += 1
        i += len(match)
    return count


def count_german(word: str) -> int:
    word = re.sub(r"(?<=q)u", "", word)
    groups = _groups(word, _DE_VOWELS)
    total = sum(_units(group, _DE_UNITS) for _, group in groups)
    first = groups[0][0] if groups else 0
    total += sum(1 for m in _DE_IEN.finditer(word) if m.start() > first)
    return max(1, total)


def count_dutch(word: str) -> int:
    word = word.replace("ij", "ÿ")
    total = 0
    for _, group in _groups(word, _NL_VOWELS):
        pieces = re.split(f"(?=[{''.join(_NL_DIAERESIS)}])", group)
        total += sum(_units(piece, _NL_UNITS) for piece in pieces if piece)
    return max(1, total)


def count_cyrillic(word: str, vowels: str) -> int:
    return max(1, sum(1 for char in word if char in vowels))


def count_korean(word: str) -> int:
    return max(1, sum(1 for char in word if "\uac00" <= char <= "\ud7a3"))
