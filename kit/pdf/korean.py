"""Korean handouts break lines between words, as Korean pages do.

Korean puts spaces between words, and Korean readers expect a line to end at one of them, not
between two syllables of a word: the pages' stylesheet asks browsers for that with
``:lang(ko) { word-break: keep-all }``. WeasyPrint 70 does not support ``keep-all`` (it
accepts ``normal`` and ``break-all`` only) and Pango may break between any two Hangul
syllables, so a Korean handout printed "알려 줍" at the end of one line and "니다." at the
start of the next.

Before a handout is rendered, a WORD JOINER (U+2060) goes between two characters of a word
where one is a Hangul letter and the other a letter or digit ("20초" stays whole too), also
across inline tags (``<strong>중요</strong>합니다``). The joiner is zero-width, draws no glyph,
and is left out of the PDF's text layer (the tests read it back with pdftotext). A word too
long for its line still breaks: kit's handout stylesheet sets ``overflow-wrap: anywhere``.
Only text inside ``<body>`` changes, never attributes (alt text), the ``<title>``, styles or
scripts. HTML with no Hangul is returned as it is, without being parsed.
"""

from __future__ import annotations

import re

from kit.pdf.bidi import INLINE

WORD_JOINER = "\u2060"
_HANGUL = "\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7a3\ud7b0-\ud7ff"
_ANY_HANGUL = re.compile(f"[{_HANGUL}]")
_INSIDE_WORD = re.compile(f"(?<=[{_HANGUL}])(?=\\w)|(?<=\\w)(?=[{_HANGUL}])")
# Markup, as an HTML parser reads it: comments, declarations, processing instructions, and
# tags (a quoted attribute value may hold ">"). Anything else is text, entities unexpanded.
_MARKUP = re.compile(
    r"<!--.*?(?:-->|\Z)|<[!?][^>]*>?|</?([a-zA-Z][^\s/>]*)(?:[^>\"']|\"[^\"]*\"|'[^']*')*>",
    re.S,
)
_BODY = re.compile(r"<body(?:[\s/][^>]*)?>|</head\s*>", re.I)
_RAW_TEXT = frozenset({"script", "style", "title", "textarea"})  # their text is not shown text


def keep_korean_words(html: str) -> str:
    """``html`` with word joiners inside every word of its text that holds Hangul (see the
    module); everything else, byte for byte as it was."""
    if _ANY_HANGUL.search(html) is None:
        return html
    head = _BODY.search(html)
    pos = head.end() if head else 0
    out = [html[:pos]]
    last = ""  # the last character of text in the current block
    while True:
        tag = _MARKUP.search(html, pos)
        text = html[pos : tag.start() if tag else len(html)]
        if text:
            out.append(_joined(text, last))
            last = text[-1]
        if tag is None:
            return "".join(out)
        out.append(tag.group())
        pos = tag.end()
        name = (tag.group(1) or "").lower()
        if name in _RAW_TEXT and not tag.group().startswith("</"):
            end = re.compile(f"</{name}[\\s/>]", re.I).search(html, pos)
            out.append(html[pos : end.start() if end else len(html)])
            pos = end.start() if end else len(html)
        if name not in INLINE:
            last = ""  # a block, a line break or an image: words do not run across it


def _joined(text: str, last: str) -> str:
    joined = _INSIDE_WORD.sub(WORD_JOINER, text)
    if last and _INSIDE_WORD.match(last + text[0], 1) is not None:
        return WORD_JOINER + joined  # a word that an inline tag splits: <b>중요</b>합니다
    return joined
