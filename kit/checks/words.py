"""``kit check`` on kit's own words: ``locales/<ll>/LC_MESSAGES/kit.po`` of each locale.

Each frame string (banner, notices, labels, "Page X of Y") that is untranslated is reported
at its PO line (pages show it in English, marked ``lang="en"``); a word whose English kit
changed (fuzzy or must-retranslate after ``kit update``) must be translated again; a
translation whose ``%(name)s`` placeholders differ from kit's is never used; translated words
nobody signed off with ``kit review`` are unreviewed. A locale without the catalog gets one
finding on the file it should have.
"""

from __future__ import annotations

import re

from kit.catalog.review import ReviewStatus
from kit.catalog.states import State, state
from kit.checks.finding import Finding, Place, Severity
from kit.po import PoFile

DOCUMENT = "kit"  # the "document" of words findings: kit's own frame
_PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def check_words(
    po: PoFile | None, place: Place, review: ReviewStatus | None, ships_drafts: bool
) -> list[Finding]:
    if po is None:
        return [_absent(place, ships_drafts)]
    out: list[Finding] = []
    for entry in po.active:
        found = state(entry)
        if found is State.UNTRANSLATED:
            out.append(
                _f(
                    place,
                    "words.missing",
                    entry.line,
                    f"frame text not translated: {_q(entry.msgid)}",
                )
            )
        elif found in (State.FUZZY, State.MUST_RETRANSLATE):
            out.append(
                _f(
                    place,
                    "words.must-retranslate",
                    entry.line,
                    f"kit's wording changed: translate {_q(entry.msgid)} again",
                )
            )
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


def _absent(place: Place, ships_drafts: bool) -> Finding:
    code = place.locale
    if ships_drafts:
        message = f"no words catalog: pages use kit's unreviewed draft words for {code}"
    else:
        message = f"no words catalog: pages show kit's words in English (marked) for {code}"
    return _f(place, "words.not-started", 0, message)


_HINTS = {
    "words.not-started": "run `kit init {code}`, then translate and review its kit.po",
    "words.missing": "translate it here; until then pages show it in English, marked",
    "words.must-retranslate": "translate it again from the new msgid and clear the fuzzy flag",
    "words.placeholders": "use exactly the msgid's %(name)s placeholders",
    "words.unreviewed": "have a qualified translator review it, then `kit review --locale {code}`",
}


def _f(place: Place, check: str, line: int, message: str) -> Finding:
    severity = Severity.ERROR if check == "words.placeholders" else Severity.WARNING
    hint = _HINTS[check].replace("{code}", place.locale)
    return place.finding(check, severity, line, message, hint)


def _q(text: str) -> str:
    return f"\u201c{text[:60]}{'…' if len(text) > 60 else ''}\u201d"
