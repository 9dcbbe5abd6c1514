"""kit's own words as gettext messages: the key kit's code uses → the English msgid.

``N_`` only marks a string for extraction (Babel's Python extractor finds it); the words are
translated by ``kit.words.lookup`` from the catalogs in ``kit/words/locales`` and the
project's own ``locales/<ll>/LC_MESSAGES/kit.po``. Templates mark their words themselves with
Jinja2's i18n extension (``{% trans %}``, ``_()``). Placeholders are ``%(name)s``
(``python-format``, which ``msgfmt -c`` checks): ``language`` is the source language's name in
the page's language (CLDR, as written inside a sentence), ``date`` a CLDR long date.

Changing an English string here changes its msgid: run ``scripts/extract-kit-words.py``; each
project's ``kit update`` then marks the old translation fuzzy (must be translated again).
"""

from __future__ import annotations


def N_(message: str) -> str:  # the gettext convention: a marker for extraction
    return message


MESSAGES: dict[str, str] = {
    "skip_link": N_("Skip to main content"),
    "languages": N_("Languages"),
    "reviewed": N_("Reviewed: %(date)s"),
    "translated_from": N_("Translated from the %(language)s version reviewed on %(date)s."),
    "translated_by": N_("Translated by %(name)s."),
    "reviewed_by": N_("Translation reviewed by %(name)s on %(date)s."),
    "draft": N_("Draft translation, not yet reviewed by a qualified medical translator."),
    "machine_draft": N_("This translation began as a machine translation draft."),
    "partial_notice": N_(
        "Parts of this page are not translated yet. They are shown in %(language)s and marked “%(label)s”."
    ),
    "fallback_label": N_("Not translated (%(language)s)"),
    "banner": N_(
        "This translation is not complete or not up to date. Some parts are shown in %(language)s. Ask your care team if anything is unclear."
    ),
    "read_source": N_("Read the %(language)s version"),
    "call": N_("Questions? Call %(phone)s."),
    "all_pages": N_("All pages and languages"),
    "index_title": N_("Patient education"),
    "index_intro": N_("Each page is available in the languages listed below it."),
    "no_pages": N_("No pages are published yet."),
    "about": N_("About this handout"),
    "next_review": N_("Next review: %(date)s"),
    "version": N_("Version %(version)s"),
    "page": N_("Page %(page)s of %(pages)s"),
    "person_role": N_("%(name)s (%(role)s)"),
    "review_method": N_("Review method: %(method)s."),
    "online": N_("Read this handout online:"),
    "qr_alt": N_("QR code that opens this handout online: %(url)s"),
    # Links from a page to its handouts (kit.html.handouts).
    "handouts": N_("Printable handouts"),
    "handout_standard": N_("Standard print"),
    "handout_large_print": N_("Large print"),
    "handout_bilingual": N_("Bilingual, with %(language)s"),
    "handout_details": N_("PDF, %(language)s, pages: %(pages)s, %(size)s"),
    # The notice of free language help ([language_help] in kit.toml), one line per language.
    "language_help": N_(
        "Free language help is available to you. Call %(phone)s and say the name of your language."
    ),
}
