"""A new catalog for a locale: every message of the template, untranslated (``kit init``); a
regional variant (``es_MX``) is seeded from its parent's catalog (``es``), every seeded
translation fuzzy until a person reviews it for the region."""

from __future__ import annotations

from kit.catalog.states import State, state
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


SEED_PREFIX = "kit: seeded from"


def parent_code(locale: LocaleInfo) -> str | None:
    """The locale a regional variant starts from: ``es`` for ``es_MX``, ``zh_Hant`` for
    ``zh_Hant_TW``; None for a locale without a territory."""
    if not locale.territory:
        return None
    return f"{locale.language}_{locale.script}" if locale.script else locale.language


def seeded(po: PoFile, parent: PoFile, parent_locale: str, locale: LocaleInfo) -> PoFile:
    """``po`` (new, empty) with the parent locale's translations as fuzzy suggestions, each
    with a comment saying where it came from: a person reviews every one for the region before
    it is published. Must-retranslate and untranslated entries of the parent are not taken."""
    usable = {e.key: e for e in parent.active if state(e) in (State.TRANSLATED, State.FUZZY)}
    note = f"{SEED_PREFIX} {parent_locale}: review for {locale.code} before publishing"
    entries = []
    for entry in po.entries:
        found = usable.get(entry.key)
        if found is None or (found.msgid_plural is None) != (entry.msgid_plural is None):
            entries.append(entry)
            continue
        plural = found.msgstr_plural[: locale.nplurals] if entry.msgid_plural else ()
        entries.append(
            entry.with_changes(
                msgstr=found.msgstr,
                msgstr_plural=plural + ("",) * (len(entry.msgstr_plural) - len(plural)),
                flags=("fuzzy", *entry.flags),
                translator_comments=(*entry.translator_comments, note),
            )
        )
    return po.with_entries(tuple(entries))
