"""Checks on what kit publishes around the content: the built PDF handouts (``kit check
--pdf``), kit's own words and the notice of free language help. Part of ``kit.checks.specs``.
"""

from __future__ import annotations

from kit.checks.finding import Severity
from kit.checks.spec import CheckSpec

E, W, I = Severity.ERROR, Severity.WARNING, Severity.INFO  # noqa: E741

OUTPUT_CHECKS: tuple[CheckSpec, ...] = (
    # kit/pdf/verify.py: `kit check --pdf` on the built handouts (PDF/UA-1)
    CheckSpec(
        "pdf.tagged",
        E,
        "A handout is not a tagged PDF/UA file (structure tree, /Lang, shown title, PDF/UA claim).",
        "Rebuild it with `kit build`; keep <html lang> and <title> in templates/handout.html.j2.",
    ),
    CheckSpec(
        "pdf.table-headers",
        E,
        "A table in a handout has no header cell, or a header cell that no data cell refers to.",
        "Give the Markdown table a header row; keep `<th scope>` in a custom template.",
    ),
    CheckSpec(
        "pdf.artifacts",
        E,
        "Tagged content (a running footer, a page number) is outside the tag tree and not an artifact.",
        "Rebuild with this kit version; page furniture must come from @page margin boxes.",
    ),
    CheckSpec(
        "pdf.links",
        E,
        "A link in a handout is not inside a Link structure element or has no /Contents.",
        "Rebuild with this kit version; write links as <a href> in a custom template.",
    ),
    CheckSpec(
        "pdf.figures",
        E,
        "A figure in a handout has no alternative text.",
        "Describe the image in its ![alt](...) text (or alt= in a custom template).",
    ),
    CheckSpec(
        "pdf.unicode",
        E,
        "A font in a handout has no Unicode map: copy, search and screen readers get no text.",
        "Use the locale's Noto fonts (scripts/setup.sh); avoid bitmap or symbol fonts.",
    ),
    CheckSpec(
        "pdf.glyph-text",
        W,
        "Some glyphs in a handout map to no text (the second glyph of a shaped cluster).",
        "Usually an Arabic ligature after a mark; the letters are still in the text around it.",
    ),
    # suppressions.py
    # kit's own words and the notice of free language help (kit.checks.words)
    CheckSpec(
        "words.not-started",
        W,
        "The locale has no catalog of kit's own words, or nothing in it is translated (or reviewed for a regional variant seeded from its parent) yet: pages use the fallback words or English.",
        "Run `kit init LL` (it creates locales/LL/LC_MESSAGES/kit.po), translate and review it.",
    ),
    CheckSpec(
        "words.missing",
        W,
        "A word of the frame (banner, notice, label, page number) is not translated; the message says what pages show instead (kit's unreviewed draft, or English, marked).",
        "Translate it in locales/LL/LC_MESSAGES/kit.po.",
    ),
    CheckSpec(
        "words.must-retranslate",
        W,
        "A word is fuzzy and not used: kit's English wording of it changed, or it was seeded from the parent locale (es for es_MX) and nobody reviewed it for the region.",
        "Translate the word again from its new msgid, or keep or change the seeded word, and clear the fuzzy flag.",
    ),
    CheckSpec(
        "words.placeholders",
        E,
        "The translation's %(name)s placeholders differ from kit's; the word is shown in English.",
        "Use exactly the msgid's placeholders (msgfmt -c checks them too).",
    ),
    CheckSpec(
        "words.unreviewed",
        W,
        "Translated words of the frame nobody signed off.",
        "Have a qualified translator review kit.po, then run `kit review --locale LL`.",
    ),
    CheckSpec(
        "language-help.missing",
        E,
        "A `[language_help]` language has no translated notice of free language help; its line is left out of every page and handout.",
        "Translate the `language_help` word in locales/LL/LC_MESSAGES/kit.po (run `kit init LL` first if needed).",
    ),
    CheckSpec(
        "language-help.unreviewed",
        W,
        "The notice of free language help in this language is kit's draft or not signed off.",
        "Have a qualified translator review it, then run `kit review --locale LL`.",
    ),
)
