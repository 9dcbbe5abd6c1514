"""``kit check --pdf``: the PDF/UA checks of ``kit.pdf.verify`` over the handouts ``kit build``
wrote (``dist/<locale>/<slug>[.large-print|.bilingual].pdf``), as ordinary findings.

A handout that is not there (not built yet, or withheld) is not checked; the findings point at
the PDF file (line 0), so every report format (text, json, sarif, junit, github) carries them.
"""

from __future__ import annotations

from collections.abc import Sequence

from kit.checks.finding import Finding, Place
from kit.checks.registry import default_severity
from kit.locales import LocaleInfo
from kit.model import Document
from kit.pdf.verify import verify
from kit.project import Project
from kit.site import handout_names


def pdf_findings(
    project: Project, docs: Sequence[Document], locales: Sequence[LocaleInfo]
) -> tuple[list[Finding], list[tuple[str, str]]]:
    """Findings for every built handout, and the (locale, file) pairs that were checked."""
    config = project.config
    source = config.source_locale
    findings: list[Finding] = []
    checked: list[tuple[str, str]] = []
    for locale in (source, *locales):
        for doc in docs:
            for name in handout_names(doc.slug, config.print, locale.code == source.code):
                path = config.output_dir / locale.code / name
                if not path.is_file():
                    continue
                place = Place(locale.code, doc.slug, project.rel(path))
                checked.append((locale.code, name))
                for problem in verify(path.read_bytes()):
                    where = f"page {problem.page}: " if problem.page else ""
                    findings.append(
                        place.finding(
                            problem.check,
                            default_severity(problem.check),
                            0,
                            where + problem.message,
                        )
                    )
    return findings, checked
