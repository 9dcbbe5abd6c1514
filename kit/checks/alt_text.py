"""Alt text, rules A1-A13 of ``reference/readability-and-content-checks.md`` §11.

Source images are checked once (A1-A12, from ``kit.checks.scan``); each translated alt text
is checked again in its locale (A4-A7, A11 with that language's word lists) and against the
source (A13: untranslated, identical, or not in the locale's script).

Interpretations, stated once: A4's "< 3 alphanumeric tokens" counts letters and digits (a
one-word Chinese alt has no spaces); A6 uses 125 characters in every script; A9 can only
see words drawn in local SVG files; A10 accepts as a long description a caption of 20+
words, or a list, a table or a 20+ word paragraph right after the image (WCAG G74).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass

from kit.catalog.states import State, state
from kit.checks.alt_words import COMPLEX_WORDS, PLACEHOLDERS, PREFIXES, SUFFIXES, has_script
from kit.checks.finding import Finding, Place, quoted
from kit.checks.inputs import CatalogUnit, SourceUnit
from kit.checks.per_document import per_document
from kit.checks.registry import default_severity, spec
from kit.checks.scan import ImageUse
from kit.model import Document, Segment, SegmentKind
from kit.po.model import PoEntry

MAX_LENGTH = 125
LONG_DESCRIPTION_WORDS = 20
_FILENAME = re.compile(r"\S+\.(?:bmp|jpe?g|jfif|gif|png|tiff?|svg|webp)\b", re.I)
_URL = re.compile(r"(?:[a-z][a-z0-9+.-]*://|www\.)\S+", re.I)
_END = tuple(".!?。！？؟…։।")
_NOISE = re.compile(r"[\W\d_]+")


@dataclass(frozen=True)
class Problem:
    check: str
    message: str


def text_problems(
    alt: str, language: str, caption: str = "", others: tuple[str, ...] = ()
) -> list[Problem]:
    """A4, A5, A6, A7 and A11 on one non-empty alt text written in ``language``."""
    found: list[Problem] = []
    placeholder = _placeholder(alt, language)
    if placeholder:
        found.append(Problem("alt.placeholder", f"alt text {quoted(alt)} {placeholder}"))
    prefix = redundant_prefix(alt, language)
    if prefix:
        found.append(
            Problem("alt.redundant-prefix", f"alt text starts with {quoted(prefix)}: {quoted(alt)}")
        )
    if len(alt) > MAX_LENGTH:
        found.append(
            Problem("alt.too-long", f"alt text has {len(alt)} characters (more than {MAX_LENGTH})")
        )
    for label, other in (("the caption", caption), *(("the text next to it", o) for o in others)):
        if other and near_identical(alt, other):
            found.append(Problem("alt.redundant", f"alt text repeats {label}: {quoted(alt)}"))
            break
    if not alt.rstrip().endswith(_END):
        found.append(
            Problem("alt.punctuation", f"alt text does not end with punctuation: {quoted(alt)}")
        )
    return found


def _placeholder(alt: str, language: str) -> str:
    if _URL.search(alt):
        return "is a web address"
    if _FILENAME.search(alt):
        return "is a file name"
    if sum(ch.isalnum() for ch in alt) < 3:
        return "is shorter than 3 letters"
    words = _NOISE.sub(" ", alt.casefold()).strip()
    if words in PLACEHOLDERS.get(language, frozenset()) | PLACEHOLDERS["en"]:
        return "is a placeholder word"
    return ""


def redundant_prefix(alt: str, language: str) -> str:
    text = re.sub(r"^(?:an?|the)\s+", "", alt.strip().casefold())
    for prefix in (*PREFIXES.get(language, ()), *PREFIXES["en"]):
        if text.startswith(prefix):
            return alt.strip()[: len(prefix)]
    stripped = text.rstrip("。.!?！？ ")
    return next((s for s in SUFFIXES.get(language, ()) if stripped.endswith(s)), "")


def near_identical(a: str, b: str) -> bool:
    x, y = _NOISE.sub("", a.casefold()), _NOISE.sub("", b.casefold())
    if not x or not y:
        return False
    return x == y or difflib.SequenceMatcher(None, x, y).ratio() >= 0.9


def is_complex(image: ImageUse) -> bool:
    if image.complex:
        return True
    words = f" {image.alt or ''} {image.title} ".casefold()
    return any(re.search(r"\b" + re.escape(w) + r"s?\b", words) for w in COMPLEX_WORDS)


def check_source(unit: SourceUnit, language: str, locale: str) -> Iterator[Finding]:
    place = Place(locale, unit.document.slug, unit.document.path)
    for image in unit.images:
        for problem in source_problems(image, language):
            yield place.finding(
                problem.check,
                default_severity(problem.check),
                image.line,
                problem.message,
                _hint(problem.check),
            )


def source_problems(image: ImageUse, language: str) -> list[Problem]:
    name = image.src or "image"
    alt = image.alt
    if not alt:
        return _empty_alt(image, name)
    found = text_problems(alt, language, image.title, (image.link_text, image.text_around))
    missing = [w for w in image.svg_words if w.casefold() not in alt.casefold()]
    if missing:
        found.append(
            Problem(
                "alt.text-in-image",
                f"{name} shows {', '.join(missing)!s} but its alt text does not",
            )
        )
    if is_complex(image) and not _has_long_description(image):
        found.append(
            Problem("alt.long-description", f"{name} is a complex image with no long description")
        )
    if image.alone and not image.title and not image.raw:
        found.append(Problem("alt.caption", f"{name} has no caption"))
    return found


def _empty_alt(image: ImageUse, name: str) -> list[Problem]:
    if image.in_link:
        return [Problem("alt.functional", f"{name} is a link's only content but has no alt text")]
    if image.alt is None or not image.decorative:
        if image.title or is_complex(image):
            return [
                Problem(
                    "alt.empty-informative", f"{name} has a caption or is complex but no alt text"
                )
            ]
        return [Problem("alt.missing", f"{name} has no alt text and is not marked decorative")]
    if image.title:
        return [Problem("alt.decorative-title", f"{name} is marked decorative but has a title")]
    return []


def _has_long_description(image: ImageUse) -> bool:
    if len(image.title.split()) >= LONG_DESCRIPTION_WORDS:
        return True
    if image.after_kind in ("list", "table"):
        return True
    return image.after_kind == "paragraph" and len(image.after.split()) >= LONG_DESCRIPTION_WORDS


def check_catalog(unit: CatalogUnit) -> Iterator[Finding]:
    """A4-A7, A11 and A13 on each translated alt text of one document in one locale."""
    if unit.po is None:
        return
    if not unit.translated:
        return
    entries = unit.by_key
    keys = _segment_keys(unit.document)
    place = Place(unit.rules.code, unit.document.slug, unit.po_path)
    for image in unit.source.images:
        alt_key = keys.get((image.line, image.src, SegmentKind.IMAGE_ALT, image.alt or ""))
        entry = entries.get(alt_key) if alt_key else None
        if entry is None:
            continue
        title_key = keys.get((image.line, image.src, SegmentKind.IMAGE_TITLE, image.title))
        title = entries.get(title_key) if title_key else None
        for problem in translated_problems(entry, title, unit):
            yield place.finding(
                problem.check,
                default_severity(problem.check),
                entry.line,
                problem.message,
                _hint(problem.check),
            )


@per_document
def _segment_keys(doc: Document) -> dict[tuple[int, str, SegmentKind, str], tuple[str | None, str]]:
    """The message key of each image's alt text and title (once per document)."""
    segs: list[Segment] = [
        s for s in doc.segments() if s.kind in (SegmentKind.IMAGE_ALT, SegmentKind.IMAGE_TITLE)
    ]
    return {(s.line, s.detail, s.kind, s.text): s.key for s in segs}


def translated_problems(entry: PoEntry, title: PoEntry | None, unit: CatalogUnit) -> list[Problem]:
    current = state(entry)
    if current is not State.TRANSLATED:
        if current is State.UNTRANSLATED:
            return [
                Problem(
                    "alt.untranslated", f"image description not translated: {quoted(entry.msgid)}"
                )
            ]
        return []
    alt, rules = entry.msgstr, unit.rules
    if near_identical(alt, entry.msgid) and alt.casefold() not in rules.identical_allowed:
        return [Problem("alt.identical", f"alt text is the same as the source: {quoted(alt)}")]
    found = []
    if has_script(alt, rules.script) is False:
        found.append(
            Problem("alt.language", f"alt text has no {rules.script} letters: {quoted(alt)}")
        )
    caption = title.msgstr if title is not None and state(title) is State.TRANSLATED else ""
    found.extend(text_problems(alt, rules.language, caption))
    return found


def _hint(check: str) -> str:
    return spec(check).fix
