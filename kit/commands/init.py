"""``kit init LOCALE...``: a new PO per document for each locale; never overwrites one."""

from __future__ import annotations

from kit.commands.extract import creation_date
from kit.commands.outcome import Action, Outcome, Report, collect
from kit.errors import CatalogError, KitError
from kit.locales import LocaleInfo, parse_locale
from kit.po import PoEntry, PoFile, read_po, write_po_if_changed
from kit.po.model import format_header
from kit.project import Project


def run_init(project: Project, codes: tuple[str, ...]) -> Report:
    locales = tuple(parse_locale(code) for code in codes)  # all codes valid before any write
    pots = project.pot_files()
    if not pots:
        raise CatalogError(
            "no templates (.pot) to start from",
            path=project.rel(project.config.locales_dir),
            hint="run 'kit extract' first",
        )
    outcomes: list[Outcome] = []
    errors: list[KitError] = []
    for locale in locales:
        for pot_path in pots:
            target = project.po_path(locale, pot_path.stem)
            if target.exists():
                outcomes.append(Outcome(project.rel(target), Action.EXISTS, "left as it is"))
                continue
            try:
                po = new_catalog(read_po(pot_path), locale, creation_date())
                target.parent.mkdir(parents=True, exist_ok=True)
                write_po_if_changed(target, po)
            except KitError as exc:
                errors.append(exc)
                continue
            outcomes.append(Outcome(project.rel(target), Action.WRITTEN, locale.english_name))
    return collect(outcomes, errors)


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
