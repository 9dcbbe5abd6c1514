"""Isolate left-to-right runs inside right-to-left text.

In an Arabic sentence, ``500 mg`` displays as ``mg 500`` and ``+1 555 0100`` comes apart
(that is correct Unicode bidi, and wrong for a reader). Each such run is wrapped in
``<bdi dir="ltr">`` so it keeps its own order: Latin-script words (drug names, units, gene
names), URLs and e-mail addresses, phone numbers and numbers with units. A lone number
(``90``, ``80%``, ``2.5``, a range such as ``10-20``) is left alone: it already displays
as a right-to-left reader expects.

Digits joined by dashes are the exception. Next to Arabic letters (Arabic, Persian, Urdu)
every group of digits is a number of its own, so ``555-0142`` displays as ``0142-555`` and
``2018-12-01`` as ``01-12-2018`` (in Hebrew text it stays whole). A dashed run of seven
digits or more, in any of the digits these scripts use, is a phone number or a date and is
isolated; a shorter one (``10-20``) is a range, read right to left as it shows.

This works on plain text and returns escaped HTML, so it can never break markup: the inline
renderer calls it on text tokens only. Sentence punctuation at the end of a run stays
outside it, in the right-to-left flow.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

_RTL = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff"
_LTR_LETTER = rf"(?:(?![{_RTL}])[^\W\d_])"
# a unit may start with a degree sign (38 °C)
_WORD = rf"[(\[+°]?(?:[0-9]|{_LTR_LETTER})[^\s{_RTL}]*"
_NATIVE = "\u0660-\u0669\u06f0-\u06f9"  # Arabic-Indic and Persian digits
_DIGITS = f"0-9{_NATIVE}"
_RUN = re.compile(rf"{_WORD}(?:[ \u00a0]+{_WORD})*")
# Native digits joined by dashes (ASCII ones are in _RUN's runs, which stop at these digits).
_NATIVE_RUN = re.compile(f"[{_NATIVE}]+(?:-[{_NATIVE}]+)+")
_DASHED = re.compile(rf"[{_DIGITS}]-[{_DIGITS}]")
_DIGIT = re.compile(rf"[{_DIGITS}]")
_DIGITS_AND_DASHES = re.compile(rf"[{_DIGITS}][{_DIGITS}().\-]*")
_PHONE_OR_DATE_DIGITS = 7  # 555-0142, 2018-12-01; fewer (10-20, 1-3) is a range
_HAS_LETTER = re.compile(_LTR_LETTER)
_TRAILING = ".,:;!?'\"\u2019\u201d)]"
# Bidi embeddings, overrides and isolates typed into a translation can reverse a dose on
# screen ("Trojan source"); markup provides isolation instead. LRM/RLM/ALM stay.
_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def strip_bidi_controls(text: str) -> str:
    if text.isascii():  # (a flag of the string, read at once: most texts have no control)
        return text
    return _CONTROLS.sub("", text)


def _trim(run: str) -> tuple[int, int]:
    """The run without sentence punctuation at its end and without an unbalanced bracket at
    either end, as (start, end) offsets into ``run``."""
    start, end = 0, len(run)
    while end > start and run[end - 1] in _TRAILING:
        last = run[end - 1]
        body = run[start:end]
        if last == ")" and body.count("(") >= body.count(")"):
            break
        if last == "]" and body.count("[") >= body.count("]"):
            break
        end -= 1
    body = run[start:end]
    if (body[:1] == "(" and body.count("(") > body.count(")")) or (
        body[:1] == "[" and body.count("[") > body.count("]")
    ):
        start += 1
    return start, end


def _needs_isolation(run: str) -> bool:
    return (
        bool(_HAS_LETTER.search(run))
        or " " in run
        or "\u00a0" in run
        or run.startswith("+")
        or (_DASHED.search(run) is not None and len(_DIGIT.findall(run)) >= _PHONE_OR_DATE_DIGITS)
    )


def _runs(text: str) -> Iterable[re.Match[str]]:
    """The candidate runs of ``text``, left to right."""
    if "-" not in text or text.isascii() or _NATIVE_RUN.search(text) is None:
        return _RUN.finditer(text)
    found = [*_RUN.finditer(text), *_NATIVE_RUN.finditer(text)]
    return sorted(found, key=lambda match: match.start())


def isolate_ltr(text: str, lang: str | None = None) -> str:
    """Escape ``text`` for HTML, wrapping left-to-right runs in ``<bdi dir="ltr">``, and a
    run of only digits and dashes (a phone number, a date) in ``<bdo dir="ltr">``: Arabic-
    Indic digits joined by a dash show right to left even inside a left-to-right isolate,
    so their order is set as written.

    ``lang`` (a BCP 47 tag) is added to runs that hold letters, for example the source
    language for drug names left untranslated, so screen readers switch voice.
    """
    out: list[str] = []
    pos = 0
    for match in _runs(text):
        lead, tail = _trim(match.group())
        start, end = match.start() + lead, match.start() + tail
        run = text[start:end]
        if not run or not _needs_isolation(run):
            continue
        out.append(html.escape(text[pos:start], quote=False))
        attrs = ' dir="ltr"'
        if lang and _HAS_LETTER.search(run):
            attrs += f' lang="{html.escape(lang)}"'
        tag = "bdo" if _DIGITS_AND_DASHES.fullmatch(run) else "bdi"
        out.append(f"<{tag}{attrs}>{html.escape(run, quote=False)}</{tag}>")
        pos = end
    out.append(html.escape(text[pos:], quote=False))
    return "".join(out)
