"""The notice of free language help (Section 1557, 45 CFR 92.11; CLAS Standards 5–8).

``[language_help]`` in kit.toml lists languages; each gets one line, in that language and its
own script, saying that language help is free and which number to call. The wording is kit's
word ``language_help`` (kit.po), translated, checked and reviewed like every other word. A
language whose line is not translated is left out here (an English line would tell nobody
anything) and reported by ``kit check`` (``language-help.missing``). So is a language whose
project ``kit.po`` cannot be read (a translator's syntax error): its line is left out of other
languages' pages, which still build, and the error is reported at its file and line
(``set_unreadable``; ``kit.commands.loaders.load_words``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from markupsafe import Markup

from kit.config import BrandingSection, Config
from kit.locales import LocaleInfo, parse_locale
from kit.site import brand
from kit.words.lookup import lookup, ui_html, words_generation

KEY = "language_help"
_UNREADABLE: set[str] = set()  # languages whose project kit.po cannot be read now


@dataclass(frozen=True)
class HelpLine:
    lang: str  # BCP 47
    dir: str
    html: Markup


def set_unreadable(code: str, unreadable: bool) -> None:
    """Whether the project's ``kit.po`` of the language ``code`` could not be read when its
    words were last loaded: its line is left out until it can."""
    if unreadable:
        _UNREADABLE.add(code)
    else:
        _UNREADABLE.discard(code)


def help_lines(
    languages: tuple[LocaleInfo, ...], phone: Markup | str, unreadable: frozenset[str] = frozenset()
) -> tuple[HelpLine, ...]:
    """One line per language whose notice is translated, in the configured order (none for
    a language in ``unreadable``)."""
    out = []
    for locale in languages:
        if not phone or locale.code in unreadable or lookup(locale, KEY)[1]:
            continue
        out.append(HelpLine(locale.bcp47, locale.direction, ui_html(locale, KEY, phone=phone)))
    return tuple(out)


def is_translated(locale: LocaleInfo) -> bool:
    return not lookup(locale, KEY)[1]


def notice_for(config: Config) -> tuple[HelpLine, ...]:
    """The notice ``[language_help]`` asks for (empty without languages or a phone number)."""
    section = config.language_help
    phone = section.phone or config.branding.phone
    unreadable = frozenset(_UNREADABLE)
    return _notice(section.languages, phone, config.branding, words_generation(), unreadable)


@lru_cache(maxsize=16)
def _notice(
    languages: tuple[str, ...],
    phone: str,
    branding: BrandingSection,
    generation: int,
    unreadable: frozenset[str],
) -> tuple[HelpLine, ...]:
    """Made once per build, not once per page: the same settings and words (``generation``
    changes with the project's words) give the same lines."""
    link = brand(replace(branding, phone=phone), "").phone_link
    return help_lines(tuple(parse_locale(code) for code in languages), link, unreadable)
