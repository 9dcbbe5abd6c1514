"""``kit build``: HTML pages and PDF handouts for every document and locale.

Reads top to bottom like a table of contents: load documents, localize each in each locale,
decide what is published, render, write atomically. A page that is withheld has any earlier
output removed, so a stale translation never stays online.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kit import __version__
from kit.commands.extract import load_documents
from kit.commands.localized import localize_all
from kit.commands.report import Action, Outcome
from kit.errors import KitError
from kit.localize import Decision, LocalizedDocument
from kit.po.atomic import write_bytes_if_changed
from kit.project import Project
from kit.site import Published, Site

FORMATS = ("html", "pdf")


@dataclass(frozen=True)
class Withheld:
    path: str
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class BuildReport:
    outcomes: tuple[Outcome, ...]
    withheld: tuple[Withheld, ...]
    errors: tuple[KitError, ...]


def run_build(project: Project, selected: tuple[str, ...], formats: tuple[str, ...]) -> BuildReport:
    docs, errors = load_documents(project)
    site = Site(project.config, project.config.source_locale,
                (project.config.source_locale, *project.locales(selected)), __version__)
    localized = localize_all(project, docs, site.locales)
    published = _published(localized.documents)
    outcomes: list[Outcome] = []
    withheld: list[Withheld] = []
    all_errors: list[KitError] = [*errors, *localized.errors]
    for ldoc in localized.documents:
        outputs = _outputs(project, ldoc, formats)
        if ldoc.publish.decision is Decision.WITHHOLD:
            withheld.extend(Withheld(project.rel(p), ldoc.publish.reasons) for p in outputs)
            _remove(outputs)
            continue
        try:
            outcomes.extend(_render(project, site, ldoc, published[ldoc.document.slug], formats))
        except KitError as exc:
            all_errors.append(exc)
    if "html" in formats:
        outcomes.append(_write_index(project, site, tuple(published.values())))
    return BuildReport(tuple(outcomes), tuple(withheld), tuple(all_errors))


def _published(docs: tuple[LocalizedDocument, ...]) -> dict[str, Published]:
    result: dict[str, Published] = {}
    for ldoc in docs:
        if ldoc.publish.decision is Decision.WITHHOLD:
            continue
        slug = ldoc.document.slug
        prev = result.get(slug, Published(slug, ldoc.document.meta.title, (), ()))
        title = ldoc.text(ldoc.document.title).text
        result[slug] = Published(slug, prev.title, (*prev.locales, ldoc.locale), (*prev.titles, title))
    return result


def output_dir(project: Project, ldoc: LocalizedDocument) -> Path:
    return project.config.output_dir / ldoc.locale.code


def _outputs(project: Project, ldoc: LocalizedDocument, formats: tuple[str, ...]) -> tuple[Path, ...]:
    from kit.render_pdf import handout_names

    folder = output_dir(project, ldoc)
    slug = ldoc.document.slug
    paths: list[Path] = []
    if "html" in formats:
        paths.append(folder / f"{slug}.html")
    if "pdf" in formats:
        paths.extend(folder / name for name in handout_names(ldoc, project.config))
    return tuple(paths)


def _remove(paths: tuple[Path, ...]) -> None:
    for path in paths:
        path.unlink(missing_ok=True)


def _render(
    project: Project, site: Site, ldoc: LocalizedDocument, published: Published, formats: tuple[str, ...]
) -> list[Outcome]:
    folder = output_dir(project, ldoc)
    outcomes: list[Outcome] = []
    if "html" in formats:
        from kit.render_html import page_assets, render_page

        html = render_page(ldoc, site, published)
        path = folder / f"{ldoc.document.slug}.html"
        outcomes.append(_write(project, path, html.encode("utf-8"), ldoc))
        for asset in page_assets(ldoc, site):
            write_bytes_if_changed(_ensure(folder / asset.dest), asset.data)
    if "pdf" in formats:
        from kit.render_pdf import render_handouts

        for handout in render_handouts(ldoc, site, published):
            outcomes.append(_write(project, folder / handout.name, handout.data, ldoc))
    return outcomes


def _ensure(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def _write(project: Project, path: Path, data: bytes, ldoc: LocalizedDocument) -> Outcome:
    written = write_bytes_if_changed(_ensure(path), data)
    note = "; ".join(ldoc.publish.reasons) if ldoc.publish.decision is Decision.BANNER else ""
    return Outcome(project.rel(path), Action.WRITTEN if written else Action.UNCHANGED, note)


def _write_index(project: Project, site: Site, published: tuple[Published, ...]) -> Outcome:
    from kit.render_html import render_index

    path = project.config.output_dir / "index.html"
    written = write_bytes_if_changed(_ensure(path), render_index(site, published).encode("utf-8"))
    return Outcome(project.rel(path), Action.WRITTEN if written else Action.UNCHANGED)
