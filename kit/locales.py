"""Locale identifiers: parsed once with Babel, everything else derived from that.

Directory names use gettext/Babel identifiers (``es``, ``zh_Hans``, ``pt_BR``); HTML and
PDF carry the BCP 47 form (``zh-Hans``, ``pt-BR``). Anything Babel does not know, or that is
not shaped like a locale identifier, is rejected here, which also closes path traversal
through a locale argument (``../etc`` never reaches the filesystem).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.core import get_global
from babel.messages.plurals import get_plural

from kit.errors import LocaleError

_SHAPE = re.compile(r"^[A-Za-z]{2,3}(?:[_-](?:[A-Za-z]{4}|[A-Za-z]{2}|[0-9]{3}))*$")
# Scripts written right to left (every right-to-left locale CLDR has is in one of them).
_RTL_SCRIPTS = frozenset({"Arab", "Hebr", "Thaa", "Syrc", "Nkoo", "Adlm", "Rohg"})


@dataclass(frozen=True)
class LocaleInfo:
    """What kit needs to know about one locale."""

    code: str  # gettext/Babel form, as used for folder names: zh_Hans
    bcp47: str  # zh-Hans
    language: str  # zh
    script: str | None
    territory: str | None
    direction: str  # "ltr" or "rtl"
    nplurals: int
    plural_expr: str

    @property
    def native_name(self) -> str:
        """中文 (简体): looked up when first asked for (it loads the locale's CLDR data)."""
        return _display_name(self.code, self.code)

    @property
    def english_name(self) -> str:
        """Chinese (Simplified)."""
        return _display_name(self.code, "en")

    @property
    def plural_forms(self) -> str:
        return f"nplurals={self.nplurals}; plural={self.plural_expr};"

    @property
    def is_rtl(self) -> bool:
        return self.direction == "rtl"

    def __reduce__(self) -> tuple[Callable[[str], LocaleInfo], tuple[str]]:
        """Pickled as its code (``parse_locale`` makes every one): a build's worker sends the
        locales of each page back, and the parent takes its own objects instead of new ones."""
        return parse_locale, (self.code,)

    def name_in(self, other: LocaleInfo) -> str:
        """This locale's name in another locale's language (for example Spanish in English)."""
        return _display_name(self.code, other.code)


def normalize_code(code: str) -> str:
    return code.replace("-", "_")


@lru_cache(maxsize=256)
def parse_locale(code: str) -> LocaleInfo:
    """Parse a locale code into a ``LocaleInfo`` or raise ``LocaleError`` with a hint."""
    if not isinstance(code, str) or not _SHAPE.match(code):
        raise LocaleError(
            f"{code!r} is not a locale code",
            hint="use a gettext/Babel identifier such as es, zh_Hans, pt_BR or ar",
        )
    canonical = normalize_code(code)
    try:
        loc = Locale.parse(canonical)
    except (UnknownLocaleError, ValueError) as exc:
        raise LocaleError(f"unknown locale {code!r}", hint=_unknown_hint(canonical)) from exc
    language = canonical.split("_")[0].lower()
    plural = get_plural(loc)
    parts = canonical.split("_")
    script = next((p for p in parts[1:] if len(p) == 4), None)
    territory = next((p for p in parts[1:] if len(p) in (2, 3)), None)
    return LocaleInfo(
        code=canonical,
        bcp47="-".join(parts),
        language=language,
        script=script,
        territory=territory,
        direction="rtl" if _script(loc) in _RTL_SCRIPTS else "ltr",
        nplurals=plural.num_plurals,
        plural_expr=plural.plural_expr,
    )


# Regional locales whose speakers know them by a language name of their own, which CLDR
# has: Dari ("دری", "Dari"), not "فارسی (افغانستان)" / "Persian (Afghanistan)".
_OWN_NAMES = frozenset({"fa_AF"})
# Languages that CLDR files under another code: what to use instead.
_CLDR_CODES = {
    "hmn": "hnj (Hmong Njua) or mww (Hmong Daw)",
    "prs": "fa_AF (Dari)",
}


def _unknown_hint(canonical: str) -> str:
    """What to do about a code Babel has no locale for: its CLDR code where CLDR files the
    language under another one (Hmong, Dari), else whether CLDR knows the language at all."""
    language = canonical.split("_")[0].lower()
    if language in _CLDR_CODES:
        return f"CLDR has this language as {_CLDR_CODES[language]}: use that code"
    name = Locale("en").languages.get(language)
    if name:
        return (
            f"CLDR names {name} ({language}) but has no locale data for it (plural rules, "
            "dates, the language's own name), which kit needs for its catalogs and pages"
        )
    return "use a code Babel/CLDR knows, such as es, zh_Hans, pt_BR or ar"


def load_cldr(locales: Iterable[LocaleInfo]) -> None:
    """Load these locales' CLDR data now (Babel keeps it for the process): the workers of a
    parallel build, forked after this, share it instead of each loading it again."""
    for locale in locales:
        _display_name(locale.code, locale.code)
        _display_name(locale.code, "en")


def _script(loc: Locale) -> str | None:
    """The locale's script: the one its code names (or Babel resolved, ``az_IR`` → Arab), else
    CLDR's likely script for its language and territory. Whether that script runs right to left
    gives the same direction as the character order in CLDR's data for every locale Babel
    knows (``tests/unit/test_locales.py``), without loading that data: it costs a few
    milliseconds a locale, most of a no-op build's time."""
    if loc.script:
        return str(loc.script)
    if loc.territory:
        return likely_script(f"{loc.language}_{loc.territory}") or likely_script(str(loc.language))
    return likely_script(str(loc.language))


def likely_script(subtags: str) -> str | None:
    """CLDR's likely script for ``language`` or ``language_TERRITORY`` (``fa`` → Arab), if
    CLDR has an entry for exactly that."""
    likely = get_global("likely_subtags").get(subtags, "")
    return next((p for p in likely.split("_")[1:] if len(p) == 4), None)


@lru_cache(maxsize=1024)
def _display_name(code: str, in_code: str) -> str:
    """Name of ``code`` in the language of ``in_code``; honours the requested language even
    where Babel aliases it (``tl`` is Tagalog, not "Filipino (Philippines)")."""
    loc = Locale.parse(code)
    where = Locale.parse(in_code)
    language = code.split("_")[0].lower()
    name: str | None
    if code in _OWN_NAMES and where.languages.get(code):
        name = str(where.languages[code])
    elif loc.language == language:
        name = loc.get_display_name(where)
    else:
        name = where.languages.get(language) or loc.get_display_name(where)
    if name is None:
        return code
    return name[:1].upper() + name[1:] if where.language not in {"ar", "fa", "he"} else name
