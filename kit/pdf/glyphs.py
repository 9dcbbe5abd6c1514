"""WeasyPrint's log lines that must fail a handout, collected while it renders.

WeasyPrint does not raise for a missing glyph, a missing ``alt`` or ``lang``, or a resource
it could not load: it logs on the ``weasyprint`` logger and goes on, printing a box (.notdef)
on paper or leaving the PDF untagged. ``watch_weasyprint()`` attaches a handler for the
duration of one render (records from other threads are ignored) and ``problems()`` turns what
it saw into sentences that name the characters and their code points.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

LOGGER_NAME = "weasyprint"
_NOTDEF = re.compile(
    r'^\.notdef glyph rendered for Unicode string unsupported by fonts: "(.*)" \(U\+([0-9A-F]+)\)',
    re.S,
)
_NO_ALT = re.compile(r'^Image "(.*)" has no required alt description', re.S)
_NO_LANG = 'Missing required "lang" attribute'
_FAILED = (
    "Failed to load image",
    "Failed to load stylesheet",
    "Failed to load inline SVG",
    "Failed to load attachment",
    "Missing href in <link",
)
_REFUSED_MARK = "RefusedURL"  # the fetcher's exception name; those are reported by the fetcher


class LogWatch(logging.Handler):
    """Keeps the WARNING+ messages WeasyPrint logs from one thread."""

    def __init__(self, thread: int) -> None:
        super().__init__(logging.WARNING)
        self.thread = thread
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.thread == self.thread:
            self.messages.append(record.getMessage())


@dataclass(frozen=True)
class Findings:
    missing_glyphs: tuple[str, ...]  # each character once, in the order first seen
    missing_alt: tuple[str, ...]  # image sources
    missing_lang: bool
    failed: tuple[str, ...]  # resources that could not be loaded (not refused ones)

    def sentences(self) -> list[str]:
        out: list[str] = []
        if self.missing_glyphs:
            chars = ", ".join(f"{c!r} (U+{ord(c):04X})" for c in self.missing_glyphs)
            out.append(f"no installed font has a glyph for {chars}")
        if self.missing_alt:
            out.append(
                "image(s) without alt text, which PDF/UA requires: "
                + ", ".join(self.missing_alt)
                + " (write alt text in the source; WeasyPrint 70 cannot mark a decorative"
                " image as an artifact)"
            )
        if self.missing_lang:
            out.append("the handout template has no lang attribute on <html>")
        out.extend(self.failed)
        return out


@contextmanager
def watch_weasyprint() -> Iterator[LogWatch]:
    """Collect WeasyPrint's warnings and errors logged by this thread while the block runs."""
    logger = logging.getLogger(LOGGER_NAME)
    watch = LogWatch(threading.get_ident())
    old_level = logger.level
    if logger.getEffectiveLevel() > logging.WARNING:
        logger.setLevel(logging.WARNING)  # an application that silenced WeasyPrint still fails
    logger.addHandler(watch)
    try:
        yield watch
    finally:
        logger.removeHandler(watch)
        logger.setLevel(old_level)


def findings(messages: list[str]) -> Findings:
    glyphs: dict[str, None] = {}
    no_alt: dict[str, None] = {}
    failed: dict[str, None] = {}
    missing_lang = False
    for message in messages:
        if match := _NOTDEF.match(message):
            glyphs[chr(int(match[2], 16))] = None
        elif match := _NO_ALT.match(message):
            no_alt[_short_source(match[1])] = None
        elif message.startswith(_NO_LANG):
            missing_lang = True
        elif message.startswith(_FAILED) and _REFUSED_MARK not in message:
            failed[_first_line(message)] = None
    return Findings(tuple(glyphs), tuple(no_alt), missing_lang, tuple(failed))


def _short_source(src: str) -> str:
    if src.startswith("data:"):
        return "an inline data: image"
    return src if len(src) <= 120 else src[:100] + "…"


def _first_line(message: str) -> str:
    line = message.strip().splitlines()[0] if message.strip() else message
    return line[:300]
