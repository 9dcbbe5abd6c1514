"""What ``kit build`` refuses to render, found by ``kit check`` first (one rule, two users).

``refusals(text)`` is the single definition: ``kit build`` runs it on every text of an
output before rendering (``kit.commands.preflight``) and ``kit check`` runs it on every
source message and translation, so check names each refusal at its PO or source line before a
build ever meets it. The rules:

* **characters**: C0 and C1 control characters (tab and line feed aside), DEL, and the line
  and paragraph separators U+2028/U+2029. They are invisible in an editor, mean nothing on a
  page, and some of them crash the PDF engine (a space before U+2029 fails WeasyPrint's line
  breaking with an ``AssertionError``).
* **size**: a message longer than ``MAX_RENDER_CHARS`` or a run of more than
  ``MAX_COMBINING_RUN`` combining marks on one letter ("Zalgo" text): either makes layout
  slow enough to reach the render time limit. Real scripts stack a handful of marks at most
  (Tibetan and Vietnamese up to 4). Measured (two handouts, one core, shared machine): a
  45,000-character paragraph 6.7 s; 3,000 marks on one letter 0.7 s, 20,000 marks 27.6 s
  (layout grows faster than linearly with the run), so a long run is what reaches the 60 s
  limit; 1,000 letters with 30 marks each 10.9 s.
* **fonts**: a character no installed font can draw (``coverage`` comes from fontconfig,
  read by the command; ``None`` when it cannot be read, and then nothing is said).

Image files that are missing or lie outside the source folder are found by the command (it
does the IO) and reported here as ``ImageProblem`` values.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from kit.checks.finding import Finding, Place, Severity
from kit.checks.inputs import CatalogUnit, SourceUnit

MAX_RENDER_CHARS = 50_000  # the source limit too (kit.source.parse.MAX_MESSAGE_CHARS)
MAX_COMBINING_RUN = 16  # combining marks on one base character

# C0 and C1 controls (tab and line feed aside), DEL, and the line and paragraph separators.
_FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
_SEPARATORS = {"\u2028": "LINE SEPARATOR", "\u2029": "PARAGRAPH SEPARATOR"}

Coverage = Sequence[tuple[int, int]]  # sorted, non-overlapping inclusive code point ranges


@dataclass(frozen=True)
class Refusal:
    check: str  # a check id of the registry: render.control-character, ...
    message: str
    hint: str


def refusals(text: str, coverage: Coverage | None = None) -> Iterator[Refusal]:
    """Every reason the build would refuse to render ``text`` (at most one per rule)."""
    forbidden = _FORBIDDEN.search(text)
    if forbidden is not None:
        bad = forbidden.group()
        yield Refusal(
            "render.control-character",
            f"the text holds {describe(bad)}, which is never published",
            "delete the invisible character (in Poedit: retype the text around it); "
            "use a new message for a new paragraph",
        )
    if len(text) > MAX_RENDER_CHARS:
        yield Refusal(
            "render.too-heavy",
            f"the text has {len(text):,} characters; kit renders up to {MAX_RENDER_CHARS:,} "
            "in one message",
            "split the text into several paragraphs in the source",
        )
    elif (run := longest_combining_run(text)) > MAX_COMBINING_RUN:
        yield Refusal(
            "render.too-heavy",
            f"{run} combining marks on one letter; kit renders up to {MAX_COMBINING_RUN}",
            "remove the stacked marks: no language writes more than a few on one letter",
        )
    if coverage is not None:
        missing = _undrawable(text, coverage)
        if missing:
            shown = ", ".join(describe(c) for c in missing[:5])
            yield Refusal(
                "render.no-font",
                f"no installed font can draw {shown}",
                "replace the character, or install a font that has it (scripts/setup.sh "
                "lists the Debian font packages)",
            )


def describe(char: str) -> str:
    """``U+2029 PARAGRAPH SEPARATOR``: a character as a person can look it up."""
    name = _SEPARATORS.get(char) or unicodedata.name(char, "")
    if not name and unicodedata.category(char) == "Cc":
        name = "control character"
    return f"U+{ord(char):04X} {name}".rstrip()


def longest_combining_run(text: str) -> int:
    if text.isascii() or not any(map(_combining, set(text))):
        return 0  # the usual case, decided without a loop over every character
    best = run = 0
    for char in text:
        if _combining(char):
            run += 1
            best = max(best, run)
        else:
            run = 0
    return best


@cache
def _combining(char: str) -> bool:
    return bool(unicodedata.combining(char)) or unicodedata.category(char) in ("Mn", "Me")


class _Known:
    """The characters already found drawable with one coverage table (an immutable tuple,
    held here, so the identity it is looked up by stays its own)."""

    def __init__(self, coverage: tuple[tuple[int, int], ...]) -> None:
        self.coverage = coverage
        self.drawable: set[str] = set()


_KNOWN: list[_Known] = []


def _undrawable(text: str, coverage: Coverage) -> list[str]:
    """The characters of ``text`` no font can draw, in order of first appearance."""
    if not isinstance(coverage, tuple):
        return [c for c in dict.fromkeys(text) if not _drawable(c, coverage)]
    known = next((k for k in _KNOWN if k.coverage is coverage), None)
    if known is None:
        known = _Known(coverage)
        _KNOWN[:] = [known]  # one coverage per run: keep only the latest
    unknown = set(text) - known.drawable
    known.drawable.update(c for c in unknown if _drawable(c, coverage))
    if unknown <= known.drawable:
        return []
    return [c for c in dict.fromkeys(text) if c not in known.drawable]


def _drawable(char: str, coverage: Coverage) -> bool:
    if char.isspace() or unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp"):
        return True  # not drawn as a glyph (spaces, joiners, marks of direction)
    code = ord(char)
    index = bisect.bisect_right(coverage, (code, 0x10FFFF + 1)) - 1
    return index >= 0 and coverage[index][0] <= code <= coverage[index][1]


# -- kit check -----------------------------------------------------------------------------


def check_source(unit: SourceUnit, locale: str, coverage: Coverage | None) -> list[Finding]:
    doc = unit.document
    place = Place(locale, doc.slug, doc.path)
    findings = [
        place.finding(r.check, Severity.ERROR, seg.line, r.message, r.hint)
        for seg in doc.segments()
        for r in refusals(seg.text, coverage)
    ]
    findings += [
        place.finding(
            "render.image",
            Severity.ERROR,
            p.line,
            f"image {p.src!r} cannot be published: {p.reason}",
            "put the image under source/ (for example source/images/) and link it relatively",
        )
        for p in unit.image_problems
    ]
    return findings


def check_catalog(unit: CatalogUnit, coverage: Coverage | None) -> list[Finding]:
    if unit.po is None:
        return []
    place = Place(unit.rules.code, unit.document.slug, unit.po_path)
    fine = _fine_characters(coverage)
    return [
        place.finding(r.check, Severity.ERROR, entry.line, r.message, r.hint)
        for entry in unit.po.active
        for text in (entry.msgstr, *entry.msgstr_plural)
        if text and not fine.passes(text)
        for r in refusals(text, coverage)
    ]


class _Fine:
    """The characters found to break none of the rules alone with one coverage table (not a
    control or separator, not a combining mark, drawable): a text made of them only and not
    too long has no refusal, which is decided without looking at it character by character."""

    def __init__(self, coverage: Coverage | None) -> None:
        self.coverage = coverage
        self.chars: set[str] = set()

    def passes(self, text: str) -> bool:
        """True when ``refusals(text, coverage)`` is sure to find nothing."""
        if len(text) > MAX_RENDER_CHARS:
            return False
        if self.chars.issuperset(text):
            return True
        coverage = self.coverage
        self.chars.update(
            c
            for c in set(text) - self.chars
            if _FORBIDDEN.match(c) is None
            and not _combining(c)
            and (coverage is None or _drawable(c, coverage))
        )
        return self.chars.issuperset(text)


_FINE: list[_Fine] = []


def _fine_characters(coverage: Coverage | None) -> _Fine:
    """The ``_Fine`` of this coverage table (one a run: only the latest is kept; a table
    that is not a tuple could change, so it is not remembered)."""
    if coverage is not None and not isinstance(coverage, tuple):
        return _Fine(coverage)
    if _FINE and _FINE[0].coverage is coverage:
        return _FINE[0]
    _FINE[:] = [_Fine(coverage)]
    return _FINE[0]
