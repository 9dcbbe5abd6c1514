"""``kit check`` on kit's own words: ``locales/<ll>/LC_MESSAGES/kit.po`` of each locale.

Each frame string (banner, notices, labels, "Page X of Y") that is untranslated is reported
at its PO line, saying what pages show instead: kit's unreviewed draft of the word when kit
ships one for the language, else the English, marked ``lang="en"``. A catalog with nothing
translated yet gets one finding at its header, not one per word, as a page's catalog does. A
word whose English kit changed (fuzzy or must-retranslate after ``kit update``) must be
translated again; a translation whose ``%(name)s`` placeholders differ from kit's is never
used; translated words nobody signed off with ``kit review`` are unreviewed. A locale without
the catalog gets one finding on the file it should have.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from kit.catalog.new import SEED_PREFIX
from kit.catalog.review import ReviewStatus
from kit.catalog.states import State, state
from kit.checks.finding import Finding, Place, Severity
from kit.po import PoEntry, PoFile

DOCUMENT = "kit"  # the "document" of words findings: kit's own frame
_PLACEHOLDER = re.compile(r"%\((\w+)\)s")


Fallbacks = Mapping[str, tuple[str, str]]  # kit.words.lookup.fallbacks


def check_words(
    po: PoFile | None, place: Place, review: ReviewStatus | None, fallbacks: Fallbacks
) -> list[Finding]:
    """Findings on one locale's ``kit.po``; ``fallbacks`` is what pages show for a word it
    leaves untranslated (``kit.words.lookup.fallbacks``)."""
    if po is None:
        return [_absent(place, fallbacks)]
    if po.active and all(
        state(e) is State.UNTRANSLATED or _seeded_from(e) for e in po.active
    ):  # nothing translated, or only seeded from the parent locale and not yet reviewed
        return [_not_started(po, place, fallbacks)]
    out: list[Finding] = []
    for entry in po.active:
        found = state(entry)
        if found is State.UNTRANSLATED:
            out.append(_missing(entry, place, fallbacks))
        elif found in (State.FUZZY, State.MUST_RETRANSLATE):
            out.append(_fuzzy(entry, place))
        elif sorted(_PLACEHOLDER.findall(entry.msgstr)) != sorted(
            _PLACEHOLDER.findall(entry.msgid)
        ):
            out.append(
                _f(
                    place,
                    "words.placeholders",
                    entry.line,
                    f"placeholders differ from {_q(entry.msgid)}",
                )
            )
    if review is not None and review.unreviewed:
        out.append(
            _f(
                place,
                "words.unreviewed",
                po.header.line,
                f"{review.unreviewed} translated word(s) not signed off",
            )
        )
    return out


def _absent(place: Place, fallbacks: Fallbacks) -> Finding:
    message = f"no words catalog for {place.locale}: {_instead(fallbacks)}"
    return _f(place, "words.not-started", 0, message)


def _not_started(po: PoFile, place: Place, fallbacks: Fallbacks) -> Finding:
    parents = sorted({p for e in po.active if (p := _seeded_from(e))})
    if parents:
        seeded = sum(1 for e in po.active if _seeded_from(e))
        message = (
            f"nothing reviewed for {place.locale} yet ({seeded} of {len(po.active)} words "
            f"seeded from {', '.join(parents)}, fuzzy): {_instead(fallbacks)}"
        )
        hint = "keep or change each seeded word for {code} and clear its fuzzy flag"
    else:
        message = f"nothing translated yet ({len(po.active)} words): {_instead(fallbacks)}"
        hint = "translate this catalog, have it reviewed, then run `kit review --locale {code}`"
    return _f(place, "words.not-started", po.header.line, message, hint)


def _fuzzy(entry: PoEntry, place: Place) -> Finding:
    parent = _seeded_from(entry)
    if parent:  # kit init of a regional variant: the parent's word, not yet reviewed
        message = f"seeded from {parent}, not reviewed for {place.locale}: {_q(entry.msgid)}"
        hint = "keep or change it for {code} and clear the fuzzy flag"
        return _f(place, "words.must-retranslate", entry.line, message, hint)
    message = f"kit's wording changed: translate {_q(entry.msgid)} again"
    return _f(place, "words.must-retranslate", entry.line, message)


def _seeded_from(entry: PoEntry) -> str:
    """The parent locale a fuzzy word was seeded from (``kit.catalog.new.seeded``), or ""."""
    if "fuzzy" not in entry.flags:
        return ""
    for comment in entry.translator_comments:
        if comment.startswith(SEED_PREFIX):
            return comment.removeprefix(SEED_PREFIX).split(":", 1)[0].strip()
    return ""


def _instead(fallbacks: Fallbacks) -> str:
    origins = dict.fromkeys(origin for _, origin in fallbacks.values())
    if not origins:
        return "pages show kit's words in English (marked)"
    return f"pages show words from {' and '.join(origins)}, else English (marked)"


def _missing(entry: PoEntry, place: Place, fallbacks: Fallbacks) -> Finding:
    found = fallbacks.get(_key(entry))
    if found is None:
        shown = "pages show it in English, marked"
    else:  # a plural word holds its forms joined by NUL: the first stands for them
        text, origin = found
        shown = f"pages show {_q(text.split(chr(0))[0])} from {origin}"
    message = f"frame text not translated: {_q(entry.msgid)}; {shown}"
    return _f(place, "words.missing", entry.line, message)


def _key(entry: PoEntry) -> str:
    """The entry's key in ``kit.words.lookup.translations``."""
    if entry.msgid_plural is None:
        return entry.msgid
    return f"{entry.msgid}\0{entry.msgid_plural}"


_HINTS = {
    "words.not-started": "run `kit init {code}`, then translate and review its kit.po",
    "words.missing": "translate it here (msgstr), then have it reviewed",
    "words.must-retranslate": "translate it again from the new msgid and clear the fuzzy flag",
    "words.placeholders": "use exactly the msgid's %(name)s placeholders",
    "words.unreviewed": "have a qualified translator review it, then `kit review --locale {code}`",
}


def _f(place: Place, check: str, line: int, message: str, hint: str = "") -> Finding:
    severity = Severity.ERROR if check == "words.placeholders" else Severity.WARNING
    text = (hint or _HINTS[check]).replace("{code}", place.locale)
    return place.finding(check, severity, line, message, text)


def _q(text: str) -> str:
    return f"\u201c{text[:60]}{'…' if len(text) > 60 else ''}\u201d"
