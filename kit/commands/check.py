"""``kit check``: read the source documents, catalogs, review sign-offs and glossaries, run
every check (``kit.checks``), apply suppressions and return a ``CheckReport``.

The only IO of the checks lives here. Reads top to bottom: validate the config's check ids,
load the sources, check each source, check each catalog, suppress, rank.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from kit.build.plan import ALL, Shard, Task
from kit.catalog.review import ReviewLog, review_status
from kit.checks import (
    alt_text,
    back_translation,
    freshness,
    reading_level,
    renderable,
    translations,
)
from kit.checks.finding import Finding, Place, Severity
from kit.checks.inputs import CatalogUnit, ImageProblem, LocaleRules, Options, SourceUnit
from kit.checks.reading_level import ReadabilityRow, target_for
from kit.checks.registry import validate_ids
from kit.checks.report import CheckReport
from kit.checks.scan import ImageUse, scan
from kit.checks.suppressions import Suppression, finalize, from_po
from kit.checks.words import DOCUMENT as WORDS_DOCUMENT
from kit.checks.words import check_words
from kit.commands.check_cache import CacheFiles
from kit.commands.check_errors import CheckIncomplete, once_each, unread_file
from kit.commands.check_layout import Overflows
from kit.commands.language_help import language_help_findings
from kit.commands.loaders import iter_documents, locale_rules, read_back, read_review
from kit.commands.words import read_project_words, words_po_path
from kit.errors import KitError, SourceError
from kit.files import MAX_IMAGE_BYTES, MAX_SOURCE_BYTES, read_project_bytes
from kit.html.inline import safe_image_src
from kit.locales import LocaleInfo, parse_locale
from kit.model import Document
from kit.pdf.coverage import installed_coverage
from kit.po import read_po
from kit.project import Project
from kit.source.parse import decode_source
from kit.words.lookup import fallbacks

_SVG_TEXT = re.compile(r"<text\b[^>]*>(.*?)</text>", re.S | re.I)
_TAG = re.compile(r"<[^>]+>")
_WORD = re.compile(r"[^\W\d_]{2,}")


@dataclass
class _Collected:
    """What one run gathers before suppressions are applied (local to ``run_check``)."""

    findings: list[Finding] = field(default_factory=list)
    suppressions: list[Suppression] = field(default_factory=list)
    rows: list[ReadabilityRow] = field(default_factory=list)
    checked: list[tuple[str, str]] = field(default_factory=list)
    errors: list[KitError] = field(default_factory=list)  # catalogs that could not be read


def run_check(
    project: Project,
    selected: tuple[str, ...] = (),
    *,
    strict: bool = False,
    today: dt.date | None = None,
    pdf: bool = False,
    remember: bool = False,
    jobs: int = 1,
    shard: Shard | None = None,
    recall: bool = False,
) -> CheckReport:
    """Check every source document, then every (document, locale) catalog. ``remember``:
    keep render.overflow's layouts in ``.kit-cache/overflow.json`` for the next run (the
    command line does; ``kit serve`` and ``kit bundle`` do not write the project); ``recall``:
    only read them (``kit bundle``). ``jobs`` worker processes lay out what could overflow a
    handout (the same report for any number). ``shard``: only the (document, locale) pairs
    ``kit build --shard`` gives that shard, the source locale's included (its layouts go to
    the shard's fragment of the cache, even for 1/1); the project's own
    findings (kit's words, the language-help notice) go to shard 1, so every finding of the
    unsharded check is reported by exactly one shard (``kit.commands.check_layout``)."""
    config = project.config
    validate_config(project)
    docs, sources, source_errors = _load_sources(project, config.source_locale.code)
    locales = project.locales(selected)
    options = Options(
        today=today or dt.date.today(),
        source_locale=config.source_locale.code,
        review_cycle_years=config.checks.review_cycle_years,
        review_expiry_years=config.checks.review_expiry_years,
        font_coverage=installed_coverage(),
    )
    cache = CacheFiles(project.root, shard, save=remember) if remember or recall else None
    part = shard or ALL
    with Overflows(project, cache, jobs) as overflows:
        run = _check_all(project, locales, sources, options, overflows, part)
    run.errors[:0] = source_errors
    if pdf:  # the built handouts too (pikepdf imported only then: 40 ms of every check)
        from kit.commands.check_pdf import pdf_findings

        found = pdf_findings(project, docs, locales)[0]
        run.findings.extend(f for f in found if _owns(part, f.document, f.locale))
    if part.index == 1:
        helps, notice_errors = language_help_findings(project)
        run.findings.extend(helps)
        run.errors.extend(notice_errors)
    fail_on = Severity.WARNING if strict else Severity(config.checks.fail_on)
    disabled = frozenset(config.checks.disable)
    final = finalize(run.findings, run.suppressions, disabled, config.checks.severity)
    errors = once_each(run.errors)
    unread = tuple(unread_file(project, e) for e in errors)
    report = CheckReport(final, tuple(run.rows), fail_on, tuple(run.checked), unread)
    if errors:
        raise CheckIncomplete(report, errors)
    return report


def _load_sources(
    project: Project, source_locale: str
) -> tuple[tuple[Document, ...], list[SourceUnit], list[KitError]]:
    """Every document, each scanned as soon as it is parsed (the scan reuses the parse:
    ``kit.source.parse.parse_body``); why a document could not be parsed or scanned is
    returned with the others (it and its catalogs are not checked; the rest are)."""
    errors: list[KitError] = []
    docs: list[Document] = []
    sources: list[SourceUnit] = []
    for doc in iter_documents(project, errors):
        docs.append(doc)
        try:
            sources.append(load_source(project, doc, source_locale))
        except KitError as exc:
            errors.append(exc)
    return tuple(docs), sources, errors


def _check_all(
    project: Project,
    locales: Sequence[LocaleInfo],
    sources: list[SourceUnit],
    options: Options,
    overflows: Overflows,
    shard: Shard = ALL,
) -> _Collected:
    """The source documents, then each locale's catalogs (one that cannot be read is in
    ``errors``; the others are checked), then render.overflow: those of ``shard``."""
    run = _Collected()
    for unit in sources:
        owned = _owns(shard, unit.document.slug, options.source_locale)
        overflows.source(unit, owned)
        if not owned:
            continue
        run.findings.extend(check_source(unit, options))
        run.suppressions.extend(unit.suppressions)
        run.rows.extend(_readability_source(project, unit, options, run.findings))
        run.checked.append((options.source_locale, unit.document.slug))
    for locale in locales:
        run.errors.extend(_check_locale(project, locale, sources, options, run, overflows, shard))
    run.findings.extend(overflows.findings())  # render.overflow
    return run


def _check_locale(
    project: Project,
    locale: LocaleInfo,
    sources: list[SourceUnit],
    options: Options,
    run: _Collected,
    overflows: Overflows,
    shard: Shard = ALL,
) -> list[KitError]:
    """Check every document in one locale; what cannot be read (a catalog, or the glossary,
    which every catalog needs) is returned, and the other catalogs are checked.

    One catalog is read, checked and let go before the next is read, so memory holds one
    catalog at a time."""
    try:
        rules = locale_rules(project, locale)
    except KitError as exc:
        return [exc]
    errors: list[KitError] = []
    for unit in (u for u in sources if _owns(shard, u.document.slug, locale.code)):
        try:
            cat = load_catalog(project, unit, rules)
        except KitError as exc:
            errors.append(exc)
            continue
        _check_one(project, cat, options, run)
        overflows.catalog(cat)  # render.overflow: laid out now, the catalog is let go
    words = _check_words(project, locale, run) if shard.index == 1 else None
    return errors if words is None else [*errors, words]


def _owns(shard: Shard, slug: str, locale: str) -> bool:
    """The build's split: a (document, locale) page and its handouts go to one shard."""
    return shard.owns(Task(slug, locale, "html").shard_key)


def _check_one(project: Project, cat: CatalogUnit, options: Options, run: _Collected) -> None:
    run.findings.extend(check_catalog(cat, options))
    if cat.po is not None:
        code = cat.rules.code
        run.suppressions.extend(from_po(cat.po, cat.po_path, code, cat.document.slug))
    run.rows.extend(_readability_catalog(project, cat, run.findings))
    run.checked.append((cat.rules.code, cat.document.slug))


def _check_words(project: Project, locale: LocaleInfo, run: _Collected) -> KitError | None:
    """kit's own words in this locale (``kit.checks.words``)."""
    path = words_po_path(project, locale)
    place = Place(locale.code, WORDS_DOCUMENT, project.rel(path))
    try:
        po = read_po(path) if path.exists() else None
        review = review_status(read_review(path, project), po) if po is not None else None
    except KitError as exc:
        return exc
    shown = fallbacks(locale, _language_words(project, locale))
    run.findings.extend(check_words(po, place, review, shown))
    return None


def _language_words(project: Project, locale: LocaleInfo) -> dict[str, str]:
    """The project's words for the language of a regional locale (``es`` for ``es_MX``):
    what its pages show before kit's drafts. A broken catalog counts as none here; its own
    locale's check reports it."""
    if locale.code == locale.language:
        return {}
    try:
        return read_project_words(project, parse_locale(locale.language))
    except KitError:
        return {}


def validate_config(project: Project) -> None:
    config = project.config
    try:
        text = config.path.read_text(encoding="utf-8")
    except OSError:
        text = ""
    validate_ids(config.checks.disable, "checks.disable", config.path, text)
    validate_ids(config.checks.severity, "checks.severity", config.path, text)


def check_source(unit: SourceUnit, options: Options) -> list[Finding]:
    language = options.source_locale.split("_")[0]
    return [
        *alt_text.check_source(unit, language, options.source_locale),
        *freshness.check_source(unit, options),
        *translations.check_source(unit, options.source_locale),
        *renderable.check_source(unit, options.source_locale, options.font_coverage),
    ]


def check_catalog(unit: CatalogUnit, options: Options) -> list[Finding]:
    return [
        *translations.check_catalog(unit, options),
        *alt_text.check_catalog(unit),
        *freshness.check_catalog(unit, options),
        *back_translation.check_catalog(unit, options),
        *renderable.check_catalog(unit, options.font_coverage),
    ]


def load_source(project: Project, doc: Document, source_locale: str) -> SourceUnit:
    path = project.root / doc.path
    data = read_project_bytes(
        path, project.root, MAX_SOURCE_BYTES, error=SourceError, shown=doc.path
    )
    text = decode_source(data, doc.path)
    found = scan(text, doc.path, source_locale, doc.slug)
    images = tuple(_with_svg_words(project, path.parent, img) for img in found.images)
    problems = tuple(p for img in found.images if (p := image_problem(project, img)))
    return SourceUnit.scanned(doc, found, images, problems)


def image_problem(project: Project, image: ImageUse) -> ImageProblem | None:
    """Why the build would refuse this image (the rule of ``kit.html.render``), or None."""
    if image.alt is None:
        return None  # raw HTML: never published, reported as source.raw-html
    if not safe_image_src(image.src):
        reason = "it is not a relative path inside the source folder"
        return ImageProblem(image.src, image.line, reason)
    folder = project.config.source_dir.resolve()
    path = (folder / image.src.replace("\\", "/")).resolve()
    if not path.is_relative_to(folder):
        return ImageProblem(image.src, image.line, "it is outside the source folder")
    if not path.is_file():
        reason = "it is not a file" if path.exists() else "the file does not exist"
        return ImageProblem(image.src, image.line, reason)
    if path.suffix.lower() in (".svg", ".svgz"):
        return _svg_problem(project, path, image)
    return None


def _svg_problem(project: Project, path: Path, image: ImageUse) -> ImageProblem | None:
    """The build rebuilds every SVG from an allow-list (``kit.html.svg``) and refuses one that
    is not well-formed SVG: say so here first."""
    from kit.html.svg import sanitize_svg  # lxml: imported only for a project with SVGs

    try:
        sanitize_svg(read_project_bytes(path, project.root, MAX_IMAGE_BYTES))
    except KitError as exc:
        return ImageProblem(image.src, image.line, f"it cannot be read: {exc.message}")
    except ValueError as exc:
        return ImageProblem(image.src, image.line, f"it cannot be published: {exc}")
    return None


def _with_svg_words(project: Project, folder: Path, image: ImageUse) -> ImageUse:
    src = image.src
    if not src.lower().endswith(".svg") or ":" in src or src.startswith(("/", "\\")):
        return image
    path = (folder / src).resolve()
    if not path.is_relative_to(project.root.resolve()) or not path.is_file():
        return image
    try:
        svg = read_project_bytes(path, project.root, MAX_SOURCE_BYTES * 10).decode("utf-8")
    except (KitError, UnicodeDecodeError):
        return image
    words = [
        w for t in _SVG_TEXT.findall(svg) for w in _WORD.findall(html.unescape(_TAG.sub(" ", t)))
    ]
    return replace(image, svg_words=tuple(dict.fromkeys(words)))


def load_catalog(project: Project, source: SourceUnit, rules: LocaleRules) -> CatalogUnit:
    from kit.locales import parse_locale
    from kit.po import read_po

    path = project.po_path(parse_locale(rules.code), source.document.slug)
    if not (path.exists() or path.is_symlink()):
        return CatalogUnit(source, rules, None, project.rel(path), ReviewLog())
    return CatalogUnit(
        source,
        rules,
        read_po(path, project.root),
        project.rel(path),
        read_review(path, project),
        read_back(path, project),
    )


def _readability_source(
    project: Project, unit: SourceUnit, options: Options, findings: list[Finding]
) -> list[ReadabilityRow]:
    doc = unit.document
    code = options.source_locale
    over = project.config.overrides(code)
    target = target_for(code, over.reading_level_max, over.reading_level_min)
    place = Place(code, doc.slug, doc.path)
    result = reading_level.assess(doc, None, code, target, place, doc.title.line)
    findings.extend(result.findings)
    return [result.row] if result.row else []


def _readability_catalog(
    project: Project, cat: CatalogUnit, findings: list[Finding]
) -> list[ReadabilityRow]:
    if cat.po is None:
        return []
    code = cat.rules.code
    over = project.config.overrides(code)
    target = target_for(code, over.reading_level_max, over.reading_level_min)
    done = cat.translated_texts
    place = Place(code, cat.document.slug, cat.po_path)
    result = reading_level.assess(cat.document, done, code, target, place, cat.po.header.line)
    findings.extend(result.findings)
    return [result.row] if result.row else []
