"""A new catalog for a locale: every message of the template, untranslated (``kit init``)."""

from __future__ import annotations

from kit.locales import LocaleInfo
from kit.po.model import PoEntry, PoFile, format_header


def new_catalog(pot: PoFile, locale: LocaleInfo, date: str) -> PoFile:
    """A PO for ``locale`` with every message of ``pot`` untranslated."""
    title = pot.header.translator_comments[0] if pot.header.translator_comments else ""
    title = title.removeprefix("Translations template for ").strip()
    comments = (
        f"{locale.english_name} translation of {title}.",
        "Translator: add your name below when you start; see README, 'Review sign-off'.",
        "",
    )
    fields = [
        ("Project-Id-Version", pot.meta("Project-Id-Version")),
        ("Report-Msgid-Bugs-To", pot.meta("Report-Msgid-Bugs-To")),
        ("POT-Creation-Date", pot.meta("POT-Creation-Date")),
        ("PO-Revision-Date", date),
        ("Last-Translator", "FULL NAME <EMAIL@ADDRESS>"),
        ("Language-Team", f"{locale.english_name}"),
        ("Language", locale.code),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain; charset=UTF-8"),
        ("Content-Transfer-Encoding", "8bit"),
        ("Plural-Forms", locale.plural_forms),
        ("X-Generator", "kit"),
    ]
    header = PoEntry(msgid="", msgstr=format_header(fields), translator_comments=comments)
    entries = tuple(
        e.with_changes(
            msgstr="",
            msgstr_plural=tuple("" for _ in range(locale.nplurals)) if e.msgid_plural else (),
            flags=tuple(f for f in e.flags if f != "fuzzy"),
            line=0,
        )
        for e in pot.entries
        if not e.obsolete
    )
    return PoFile(header=header, entries=entries)
