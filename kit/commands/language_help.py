"""``kit check`` on the notice of free language help (``[language_help]`` in kit.toml)."""

from __future__ import annotations

from kit.catalog.review import entry_hash
from kit.catalog.states import State, state
from kit.checks.finding import Finding, Place, Severity
from kit.commands.loaders import read_review
from kit.commands.words import words_po_path
from kit.errors import KitError
from kit.locales import parse_locale
from kit.po import read_po
from kit.project import Project
from kit.words.lookup import DOMAIN, shipped
from kit.words.messages import MESSAGES
from kit.words.notice import KEY


def language_help_findings(project: Project) -> tuple[list[Finding], list[KitError]]:
    """``kit check``: each ``[language_help]`` language whose notice line is missing (not
    translated: the line is left out of every page) or not signed off with ``kit review``;
    and why a language's kit.po cannot be read (its line is left out too)."""
    out: list[Finding] = []
    errors: list[KitError] = []
    source = project.config.source_locale.language
    msgid = MESSAGES[KEY]
    for code in project.config.language_help.languages:
        locale = parse_locale(code)
        if locale.language == source:
            continue
        path = words_po_path(project, locale)
        place = Place(locale.code, DOMAIN, project.rel(path))
        try:
            po = read_po(path) if path.exists() else None
        except KitError as exc:
            errors.append(exc)
            continue
        entry = next((e for e in po.active if e.msgid == msgid), None) if po else None
        line = entry.line if entry is not None else 0
        if entry is not None and state(entry) is State.TRANSLATED:
            log = read_review(path, project)
            if any(entry_hash(entry) in s.entries for s in log.signoffs):
                continue
            out.append(_help(place, "language-help.unreviewed", line, "not signed off"))
        elif any(shipped(c).get(msgid) for c in (locale.code, locale.language)):  # kit's draft
            out.append(_help(place, "language-help.unreviewed", line, "kit's unreviewed draft"))
        else:
            out.append(_help(place, "language-help.missing", line, "not translated: left out"))
    return out, errors


def _help(place: Place, check: str, line: int, what: str) -> Finding:
    severity = Severity.ERROR if check == "language-help.missing" else Severity.WARNING
    hint = (
        f"translate {KEY!r} in {place.path} (run `kit init {place.locale}` if it is missing)"
        if severity is Severity.ERROR
        else f"have a qualified translator review it, then `kit review --locale {place.locale}`"
    )
    message = f"notice of free language help in {place.locale}: {what}"
    return place.finding(check, severity, line, message, hint)
