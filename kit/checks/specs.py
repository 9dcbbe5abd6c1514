"""The table of every check kit knows (``CHECKS``); ``kit.checks.registry`` validates
against it and renders it for the README, SARIF and the CLI.

Severity rules of thumb: **error** when a reader could be misinformed or locked out (a
changed dose or phone number, a broken link, a missing image description, content past its
review expiry); **warning** when a person should look (fuzzy or unreviewed text, a page
below its publish threshold, reading level above target); **info** for facts and style
(a locale not started yet, an alt text without final punctuation).
"""

from __future__ import annotations

from kit.checks.finding import Severity
from kit.checks.spec import CheckSpec
from kit.checks.specs_output import OUTPUT_CHECKS

E, W, I = Severity.ERROR, Severity.WARNING, Severity.INFO  # noqa: E741


CHECKS: tuple[CheckSpec, ...] = (
    # translations.py: coverage and state
    CheckSpec(
        "translation.not-started",
        I,
        "No message of this document is translated in this locale yet.",
        "Translate the catalog (`kit serve --locale LL` previews it as you go); with no catalog yet, run `kit init LL`.",
    ),
    CheckSpec(
        "translation.missing",
        W,
        "Less of the document is translated than the locale's publish threshold.",
        "Translate the rest (`kit serve --locale LL` previews it), or lower `[locale.LL] threshold` in kit.toml.",
    ),
    CheckSpec(
        "translation.outdated",
        W,
        "The catalog lacks messages of the current source.",
        "Run `kit extract && kit update`, then translate the new messages.",
    ),
    CheckSpec(
        "translation.fuzzy",
        W,
        "The translation is marked fuzzy: a guess that is never published.",
        "Check the translation against the source, fix it and clear the fuzzy flag.",
    ),
    CheckSpec(
        "translation.must-retranslate",
        W,
        "The source changed in meaning (number, unit, negation, contact); the old translation is never published.",
        "Translate the message again from the new source text.",
    ),
    CheckSpec(
        "translation.identical",
        W,
        "The translation is the same as the source text.",
        "Translate it, or add the text to the locale's glossary as source=target if it must stay as is.",
    ),
    # translations.py: Markdown structure
    # back_translation.py
    CheckSpec(
        "back-translation.divergence",
        E,
        "The back-translation of a translation differs from the source in a number, unit, negation, phone number, link or address.",
        "Check the translation against the source with the back-translator's reading in mind; fix it, or import a corrected back-translation.",
    ),
    CheckSpec(
        "translation.links",
        E,
        "Link targets differ from the source (a link was lost, added or changed).",
        "Keep every [text](address) of the source with the same address; translate only the text.",
    ),
    CheckSpec(
        "translation.images",
        E,
        "Images differ from the source.",
        "Keep every ![](image) of the source.",
    ),
    CheckSpec(
        "translation.emphasis",
        E,
        "Markdown markers (* _ `) do not pair up, so readers would see them as stray characters "
        "(an underscore between two letters or digits, as in zh_Hans, is text: CommonMark never "
        "reads it as emphasis).",
        "Close every **bold**, *italic* and `code` you open.",
    ),
    CheckSpec(
        "translation.emphasis-count",
        W,
        "The translation has a different number of bold/italic spans.",
        "Keep the source's emphasis so the same words stand out.",
    ),
    CheckSpec(
        "translation.code",
        E,
        "Inline `code` differs from the source.",
        "Copy `code` spans unchanged.",
    ),
    CheckSpec(
        "translation.html",
        E,
        "The translation contains raw HTML, which is never published.",
        "Remove the HTML; use Markdown only.",
    ),
    CheckSpec(
        "translation.date-order",
        W,
        "A numeric date keeps the source's month and day order where the locale writes the "
        "other (12/05/2026: December 5 in en, 12 May in es).",
        "Write the date in the locale's order, or with the month's name.",
    ),
    CheckSpec(
        "translation.numbers",
        E,
        "Numbers differ from the source, or one moved to another unit (5 mL every 6 hours as "
        "6 mL every 5 hours); separators and native digits are normalized.",
        "Keep every number, each with its unit. A locale that needs another one (an emergency number) lists the swap in "
        '`[locale.LL] allowed_numbers`, e.g. "911=112"; or suppress the entry with a reason.',
    ),
    CheckSpec(
        "translation.contacts",
        E,
        "Phone numbers, e-mail addresses or URLs differ from the source.",
        "Copy them unchanged. A locale's own phone number goes in `[locale.LL] allowed_numbers`; "
        "its own web addresses need `[locale.LL] localized_urls = true` (each finding names the one that applies).",
    ),
    # characters.py
    CheckSpec(
        "translation.control-characters",
        E,
        "The translation has invisible characters: control characters, bidi overrides, or a zero-width space inside a number, link or address (what is shown is not what is dialled).",
        "Retype the text around the position (the PO editor may show them as \\u escapes); keep zero-width spaces only between words.",
    ),
    # glossary.py
    CheckSpec(
        "glossary.term",
        W,
        "A source term from the locale's glossary appears, but its approved translation does not.",
        "Use the approved term from locales/LL/glossary.csv (or fix the glossary).",
    ),
    # alt_text.py: rules A1-A13 of the reference
    CheckSpec(
        "alt.missing",
        E,
        "A1: an image has no text alternative and is not marked decorative.",
        "Describe the image in its ![alt](...) text, or put <!-- kit-image: decorative --> before it.",
    ),
    CheckSpec(
        "alt.decorative-title",
        E,
        "A2: a decorative image (empty alt) has a title.",
        "Remove the title, or describe the image if it carries information.",
    ),
    CheckSpec(
        "alt.empty-informative",
        E,
        "A3: empty alt on an image with a caption, in a link, or marked complex.",
        "Write alt text that says what the image shows or does.",
    ),
    CheckSpec(
        "alt.placeholder",
        E,
        "A4: the alt text is a file name, a URL, a placeholder word or under 3 characters.",
        "Write what the image shows, in words.",
    ),
    CheckSpec(
        "alt.redundant-prefix",
        W,
        "A5: the alt text starts with 'image of' or the like (screen readers already say it).",
        "Drop the prefix; start with what the image shows.",
    ),
    CheckSpec(
        "alt.too-long",
        W,
        "A6: the alt text is over 125 characters.",
        "Shorten it; put the details in the caption or the text next to the image.",
    ),
    CheckSpec(
        "alt.redundant",
        W,
        "A7: the alt text repeats the caption, the link text or the text next to it.",
        "Say something the caption does not, or mark the image decorative.",
    ),
    CheckSpec(
        "alt.functional",
        E,
        "A8: an image inside a link has no alt text, so the link has no name.",
        "Describe where the link goes in the image's alt text.",
    ),
    CheckSpec(
        "alt.text-in-image",
        W,
        "A9: an SVG shows words that its alt text does not contain.",
        "Put the words shown in the image into its alt text.",
    ),
    CheckSpec(
        "alt.long-description",
        E,
        "A10: a complex image (chart, diagram, map) has no long description.",
        "Follow the image with a list, table or paragraph (20+ words) that gives its content, or a long caption.",
    ),
    CheckSpec(
        "alt.punctuation",
        I,
        "A11: the alt text does not end with punctuation (screen readers pause at it).",
        "End the alt text with a period.",
    ),
    CheckSpec(
        "alt.caption",
        W,
        "A12: an image has no caption (title).",
        'Add a caption: ![alt](file.svg "Caption").',
    ),
    CheckSpec(
        "alt.untranslated",
        W,
        "A13: the image description is not translated in a locale that is being translated.",
        "Translate the image description.",
    ),
    CheckSpec(
        "alt.identical",
        E,
        "A13: the translated alt text is the same as the source alt text.",
        "Translate the image description.",
    ),
    CheckSpec(
        "alt.language",
        W,
        "A13: the translated alt text has no letters of the locale's script.",
        "Write the image description in the locale's language.",
    ),
    # reading_level.py
    CheckSpec(
        "reading.level",
        W,
        "The document's reading level misses the locale's target.",
        "Rewrite the hardest sentences (listed in the hint): shorter sentences, everyday words.",
    ),
    CheckSpec(
        "reading.not-measured",
        I,
        "The reading level cannot be measured for this language or text.",
        "Nothing to do; have a person judge the reading level.",
    ),
    # freshness.py
    CheckSpec(
        "freshness.source-due",
        W,
        "The source's clinical review is older than the review cycle (or past next_review).",
        "Have the content re-reviewed and update `reviewed:` in the front matter.",
    ),
    CheckSpec(
        "freshness.source-expired",
        E,
        "The source's clinical review is older than the expiry limit.",
        "Have the content re-reviewed before publishing and update `reviewed:`.",
    ),
    CheckSpec(
        "freshness.unreviewed",
        W,
        "Translated messages have no review sign-off (an error when `publish.require_review` is on).",
        "Have the translation reviewed, then run `kit review --locale LL ...`.",
    ),
    CheckSpec(
        "freshness.stage-missing",
        E,
        "A review stage that `publish.require_stages` requires does not cover every translated "
        "message: `kit build` withholds the page.",
        "Have that stage done, then run `kit review --locale LL --stage STAGE ...`.",
    ),
    CheckSpec(
        "freshness.source-changed",
        W,
        "The source changed after the translation was reviewed.",
        "Update the translation and have it reviewed again.",
    ),
    # translations.py: the source itself
    CheckSpec(
        "source.raw-html",
        W,
        "The source contains raw HTML, which is never published.",
        "Use Markdown instead (HTML comments are fine).",
    ),
    # renderable.py: what `kit build` refuses to render
    CheckSpec(
        "render.control-character",
        E,
        "The text holds an invisible control or separator character (C0/C1, U+2028, U+2029); the build refuses the output.",
        "Delete the character; start a new message for a new paragraph.",
    ),
    CheckSpec(
        "render.too-heavy",
        E,
        "The text is so long or so heavy (stacked combining marks) that rendering would hit the time limit; the build refuses the output.",
        "Split the text, or remove the stacked marks.",
    ),
    CheckSpec(
        "render.no-font",
        E,
        "No installed font can draw a character of the text; the build refuses the handout.",
        "Replace the character, or install a font that has it.",
    ),
    CheckSpec(
        "render.overflow",
        E,
        "Laid out like the build does it, text of a handout sticks out of the page (a table too wide, a long unbroken word); the build refuses the handout.",
        "Shorten the text or add spaces; for a table: fewer columns, or split it.",
    ),
    CheckSpec(
        "render.image",
        E,
        "An image is missing, unreadable or outside the source folder; the build refuses the page.",
        "Put the image under source/ and link it with a relative path.",
    ),
    CheckSpec(
        "source.inline-html",
        E,
        "A paragraph, heading or table cell holds a raw HTML tag; kit leaves it out of the "
        "message and the page, so what it marks up is lost.",
        "Use Markdown (`**bold**`, `*italic*`, a blank line or `\\` for a break); "
        "HTML comments are fine.",
    ),
    *OUTPUT_CHECKS,
    CheckSpec(
        "suppression.no-reason",
        E,
        "A suppression gives no reason; it suppresses nothing.",
        "Write `kit: ignore CHECK -- reason` (or `<!-- kit-ignore: CHECK -- reason -->`).",
    ),
    CheckSpec(
        "suppression.unknown-check",
        E,
        "A suppression names a check that does not exist.",
        "Use a check id from `kit check --help` / the README table.",
    ),
    CheckSpec(
        "suppression.unused",
        I,
        "A suppression matched no finding.",
        "Remove it if the problem is gone.",
    ),
)
