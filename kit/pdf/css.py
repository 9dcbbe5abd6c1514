"""The stylesheet kit generates for each handout, placed after the template's own CSS.

It carries what must not depend on a hospital's restyling: the page size and margins, the
print profile's sizes (as ``--kit-*`` custom properties that ``templates/css/handout.css``
uses), the font stack of every language on the page, no automatic hyphenation, the footer
("Page X of Y" in the locale's digits, review date, version) and a grayscale-safe text
colour. Values are escaped here for CSS; the template inserts the result with ``|safe``
because Jinja2's HTML autoescaping would turn ``"Noto Sans"`` into ``&#34;Noto Sans&#34;``
(reference §1.10) and WeasyPrint would silently fall back to a serif font.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from kit.pdf.fonts import FontStack
from kit.pdf.profiles import Profile, css_page_size

_HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}){1,2}$")
TEXT_CONTRAST = 7.0  # AAA; also survives photocopying in grey


@dataclass(frozen=True)
class PageStyle:
    profile: Profile
    page_size: str  # kit.toml value: letter or A4
    stacks: tuple[tuple[str, FontStack], ...]  # (BCP 47 tag, stack); the page's language first
    counter: str  # CSS counter style for ordered lists in the page's language
    page_counter: str  # page numbers: ``counter``, or decimal when the page label is English
    source_counter: str  # ordered lists in the source language (a bilingual handout's column)
    page_label: str  # "Page %(page)s of %(pages)s" in the page's language
    footer_note: str  # "Reviewed: … · Version …" (a line break in large print)
    rtl: bool
    primary_color: str


def page_css(style: PageStyle) -> str:
    p = style.profile
    lang, stack = style.stacks[0]
    line_height = max(p.line_height, *(s.line_height for _, s in style.stacks))
    note_side, page_side = ("right", "left") if style.rtl else ("left", "right")
    footer = (
        f"font-family: {stack.css}; font-size: {p.footer_pt:g}pt; color: #000; "
        f"vertical-align: middle; white-space: pre-line;"
        + (" direction: rtl; unicode-bidi: isolate;" if style.rtl else "")
    )
    lines = [
        "@page {",
        f"  size: {css_page_size(style.page_size)};",
        f"  margin: {p.margin_in:g}in {p.margin_in:g}in {p.margin_in + p.footer_pt / 72:.3f}in;",
        f"  @bottom-{note_side} {{ content: {css_string(style.footer_note)}; {footer} "
        f"text-align: {note_side}; width: 65%; }}",
        f"  @bottom-{page_side} {{ content: {counter_content(style.page_label, style.page_counter)}; "
        f"{footer} text-align: {page_side}; width: 35%; }}",
        "}",
        ":root {",
        f"  --kit-body-size: {p.body_pt:g}pt; --kit-h1-size: {p.h1_pt:g}pt;",
        f"  --kit-h2-size: {p.h2_pt:g}pt; --kit-h3-size: {p.h3_pt:g}pt;",
        f"  --kit-small-size: {p.small_pt:g}pt; --kit-line-height: {line_height:g};",
        f"  --kit-primary: {text_color(style.primary_color)};",
        "}",
        f"html {{ font-family: {stack.css}; font-size: {p.body_pt:g}pt; overflow-wrap: break-word; }}",
        f"html, html * {{ hyphens: {p.hyphens} !important; }}",
        # Lists count in their own language's digits: a Persian handout's ۱ ۲ ۳, its
        # bilingual source column's 1 2 3.
        f"ol:lang({lang}) {{ list-style-type: {style.counter}; }}",
    ]
    if len(style.stacks) > 1:
        lines.append(
            f"ol:lang({style.stacks[1][0]}) {{ list-style-type: {style.source_counter}; }}"
        )
    for tag, lang_stack in style.stacks[1:]:
        # A run in another language (an English fallback sentence) can still hold the
        # page's script (a date, a name): the page's fonts follow the run's own.
        mixed = dataclasses.replace(lang_stack, families=(*lang_stack.families, *stack.families))
        lines.append(f":lang({tag}) {{ font-family: {mixed.css}; }}")
    lines.append(f":lang({lang}) {{ font-family: {stack.css}; }}")
    return "\n".join(lines) + "\n"


def counter_content(label: str, counter: str) -> str:
    """``Page %(page)s of %(pages)s`` → ``"Page " counter(page, arabic-indic) " of " …``."""
    parts: list[str] = []
    for piece in re.split(r"(\u2068?%\(page\)s\u2069?|\u2068?%\(pages\)s\u2069?)", label):
        piece = piece.strip("\u2068\u2069") if "%(" in piece else piece
        if piece == "%(page)s":
            parts.append(f"counter(page, {counter})")
        elif piece == "%(pages)s":
            parts.append(f"counter(pages, {counter})")
        elif piece:
            parts.append(css_string(piece))
    return " ".join(parts) or '""'


def css_string(text: str) -> str:
    """A CSS string literal that is also safe inside an HTML ``<style>`` element."""
    out = []
    for ch in text:
        if ch in '"\\<>&' or ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\{ord(ch):x} ")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def text_color(color: str) -> str:
    """The branding colour if dark enough for text on white in grey print (7:1), else black."""
    if not _HEX.match(color) or contrast_on_white(color) < TEXT_CONTRAST:
        return "#000000"
    return color.lower()


def contrast_on_white(color: str) -> float:
    """WCAG contrast ratio of a #rgb/#rrggbb colour against white."""
    digits = color.lstrip("#")
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    channels = [int(digits[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return 1.05 / (luminance + 0.05)
