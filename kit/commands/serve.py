"""``kit serve``: render the project through the build code into the preview's own cache,
redo only what a save touched, and tell open pages to update.

``Preview`` holds the last good output of every page (a broken save keeps it and records the
error with its ``path:line``). Pages are rendered exactly as ``kit build`` renders them
(``loaders.localize_one``, ``html.render``, ``pdf.render``); the only difference is the
segment marks that become ``data-kit-seg`` spans, and the overlay injected around the page.
Outputs are written only to the cache folder (outside the project) and served from memory.
PDF handouts are rendered when first asked for, then again after every save that touches them.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from kit import __version__
from kit.catalog.localize import Decision, LocalizedDocument
from kit.catalog.review import ReviewLog
from kit.checks.finding import Finding
from kit.commands.build import save
from kit.commands.loaders import load_documents, localize_one, read_review
from kit.commands.preview_data import error_problem, marked, page_data, segment_ids
from kit.config import load_config
from kit.errors import KitError, MultipleErrors
from kit.locales import LocaleInfo, parse_locale
from kit.model import Document
from kit.po import PoFile, read_po
from kit.project import Project
from kit.serve import overlay
from kit.serve.markers import to_spans
from kit.serve.watch import Folders, Scope
from kit.site import PAGE, Published, Site, handout_names, output_name

STATIC = Path(__file__).resolve().parent.parent / "serve" / "static"
PageKey = tuple[str, str]  # (slug, locale code)
Notify = Callable[[dict[str, object]], None]


@dataclass(frozen=True)
class _Page:
    ldoc: LocalizedDocument
    published: Published
    html: str  # the rendered page with its segment spans, before the overlay
    po: PoFile | None
    review: ReviewLog


class Preview:
    def __init__(self, project: Project, locales: tuple[str, ...], cache: Path) -> None:
        self.project = project
        self.selected = locales
        self.cache = cache
        self.lock = threading.RLock()
        self.docs: dict[str, Document] = {}
        self.pages: dict[PageKey, _Page] = {}
        self.files: dict[str, bytes] = {}  # assets and handouts by "locale/name"
        self.errors: dict[str, list[KitError]] = {}  # by "slug/locale", "*" for everything
        self.findings: dict[PageKey, tuple[Finding, ...]] = {}
        self.pdf_wanted: set[PageKey] = set()

    # -- what the server asks for ---------------------------------------------------------

    def content(self, key: str) -> bytes | None:
        if key in ("", "index.html"):
            return overview_bytes(self)
        if key.startswith("_kit/"):
            return _static(key[len("_kit/") :])
        with self.lock:
            page = self._page_for(key)
            if page is not None:
                return self._page_bytes(page)
            if key in self.files:
                return self.files[key]
        if key.endswith(".pdf"):
            return self._handout(key)
        return None

    def _page_for(self, key: str) -> PageKey | None:
        code, _, name = key.partition("/")
        suffix = output_name("", PAGE)
        if not name.endswith(suffix) or "/" in name:
            return None
        pkey = (name[: -len(suffix)], code)
        known = pkey in self.pages or (pkey[0] in self.docs and bool(self._errors_of(pkey)))
        return pkey if known else None

    def _page_bytes(self, pkey: PageKey) -> bytes:
        data = self.page_data(pkey)
        page = self.pages.get(pkey)
        if page is None:
            return overlay.error_page(data).encode("utf-8")
        return overlay.inject(page.html, data).encode("utf-8")

    def page_data(self, pkey: PageKey) -> overlay.PageData:
        errors = tuple(error_problem(e, self.project.root) for e in self._errors_of(pkey))
        page = self.pages.get(pkey)
        if page is None:
            slug, code = pkey
            return overlay.PageData(
                f"{code}/{output_name(slug, PAGE)}", slug, code, code, slug, "", (), 0.0, "",
                (), (), (), errors,
            )  # fmt: skip
        names = self._handout_names(page.ldoc)
        data = page_data(page.ldoc, page.po, page.review, self.findings.get(pkey, ()), names)
        return replace(data, errors=errors)

    def _errors_of(self, pkey: PageKey) -> list[KitError]:
        slug, code = pkey
        return [*self.errors.get("*", ()), *self.errors.get(f"{slug}/{code}", ())]

    def _handout_names(self, ldoc: LocalizedDocument) -> tuple[str, ...]:
        return handout_names(ldoc.document.slug, self.project.config.print, ldoc.is_source)

    # -- building ---------------------------------------------------------------------------

    def site(self) -> Site:
        config = self.project.config
        locales = (config.source_locale, *self.project.locales(self.selected))
        return Site(config, config.source_locale, locales, __version__)

    def rebuild(self, scope: Scope) -> list[str]:
        """Redo the pages ``scope`` names; return the page paths whose output changed."""
        with self.lock:
            if scope.config and not self._reload_config():
                return [f"{code}/{output_name(slug, PAGE)}" for slug, code in self.pages]
            self.errors.pop("*", None)
            try:
                site = self.site()
                docs, load_errors = load_documents(self.project)
            except KitError as exc:
                self.errors["*"] = [exc]
                return [f"{code}/{output_name(slug, PAGE)}" for slug, code in self.pages]
            if load_errors:
                self.errors["*"] = list(load_errors)
            broken = {e.path for e in load_errors}
            fresh = {d.slug: d for d in docs}
            for slug, old in self.docs.items():
                if slug not in fresh and old.path in broken:
                    fresh[slug] = old  # keep the last good document while its file is broken
            self.docs = fresh
            keys = self._keys(scope, site)
            changed = [self._render(key, site) for key in keys]
            return sorted(
                {p for p in changed if p} | {f"{c}/{output_name(s, PAGE)}" for s, c in keys}
            )

    def _reload_config(self) -> bool:
        try:
            self.project = Project(load_config(self.project.root))
        except KitError as exc:
            self.errors["*"] = [exc]
            return False
        except MultipleErrors as exc:
            self.errors["*"] = list(exc.errors)
            return False
        return True

    def _keys(self, scope: Scope, site: Site) -> list[PageKey]:
        codes = [loc.code for loc in site.locales]
        every = [(slug, code) for slug in sorted(self.docs) for code in codes]
        if scope.everything:
            return every
        return [
            (s, c)
            for s, c in every
            if any(ps in ("*", s) and pc in ("*", c) for ps, pc in scope.pages)
        ]

    def _render(self, pkey: PageKey, site: Site) -> str:
        from kit.html.render import page_assets, render_page

        slug, code = pkey
        self.errors.pop(f"{slug}/{code}", None)
        locale = next(loc for loc in site.locales if loc.code == code)
        doc = self.docs[slug]
        try:
            ldoc = localize_one(self.project, doc, locale)
            po, review = self._catalog(locale, slug)
            published = self._published(doc, site, ldoc)
            html = to_spans(render_page(marked(ldoc, segment_ids(ldoc)), site, published))
            for asset in page_assets(ldoc, site):
                self._store(f"{code}/{asset.dest}", asset.data)
        except MultipleErrors as exc:
            self.errors[f"{slug}/{code}"] = list(exc.errors)
            return ""
        except KitError as exc:
            self.errors[f"{slug}/{code}"] = [exc]
            return ""
        self.pages[pkey] = _Page(ldoc, published, html, po, review)
        return f"{code}/{output_name(slug, PAGE)}"

    def _catalog(self, locale: LocaleInfo, slug: str) -> tuple[PoFile | None, ReviewLog]:
        if locale.code == self.project.config.source_locale.code:
            return None, ReviewLog()
        path = self.project.po_path(locale, slug)
        if not path.exists():
            return None, ReviewLog()
        return read_po(path), read_review(path, self.project)

    def _published(self, doc: Document, site: Site, ldoc: LocalizedDocument) -> Published:
        """Language links as the build makes them: the locales not withheld (so far known)."""
        pairs = []
        for loc in site.locales:
            page = (
                ldoc
                if loc.code == ldoc.locale.code
                else _ldoc(self.pages.get((doc.slug, loc.code)))
            )
            if page is not None and page.publish.decision is not Decision.WITHHOLD:
                pairs.append((loc, page.text(doc.title).text))
        return Published(
            doc.slug, doc.meta.title, tuple(p[0] for p in pairs), tuple(p[1] for p in pairs)
        )

    def _store(self, key: str, data: bytes) -> None:
        self.files[key] = data
        save(self.project, self.cache / key, data)

    # -- handouts -------------------------------------------------------------------------

    def _handout(self, key: str) -> bytes | None:
        code, _, name = key.partition("/")
        with self.lock:
            if key in self.files:  # the last good handout while a fresh one renders
                return self.files[key]
            found = next(
                (pk for pk, page in self.pages.items() if pk[1] == code
                 and name in self._handout_names(page.ldoc)),
                None,
            )  # fmt: skip
            if found is None:
                return None
            self.pdf_wanted.add(found)
        self.render_handouts(found)
        with self.lock:
            return self.files.get(key)

    def render_handouts(
        self, pkey: PageKey, each: Callable[[str], None] | None = None
    ) -> list[str]:
        """Render one page's handouts (outside the lock: each takes a second or so); ``each``
        hears of every handout as soon as it is ready."""
        from kit.pdf.render import render_handouts

        with self.lock:
            page = self.pages.get(pkey)
            site = self.site()
        if page is None:
            return []
        done: list[str] = []
        try:
            for handout in render_handouts(page.ldoc, site, page.published):
                with self.lock:
                    self._store(f"{pkey[1]}/{handout.name}", handout.data)
                done.append(f"{pkey[1]}/{handout.name}")
                if each is not None:
                    each(done[-1])
        except KitError as exc:
            with self.lock:
                self.errors.setdefault(f"{pkey[0]}/{pkey[1]}", []).append(exc)
        return done

    # -- findings -----------------------------------------------------------------------------

    def check(self, codes: set[str]) -> None:
        """``kit check`` for these locales; its findings join the segments they point at."""
        from kit.commands.check import run_check
        from kit.commands.check_errors import CheckIncomplete

        try:
            report = run_check(self.project, tuple(c for c in codes if c != self._source()))
        except CheckIncomplete as incomplete:  # another file is broken: the rest still count
            report = incomplete.report
        except (KitError, MultipleErrors):
            return  # the load errors are already shown with the page
        unread = {u.path for u in report.unread}  # those pages keep their last findings
        with self.lock:
            for slug, code in list(self.pages):
                if (code in codes or not codes) and not unread & self._inputs(slug, code):
                    self.findings[(slug, code)] = tuple(
                        f for f in report.findings if f.document == slug and f.locale == code
                    )

    def _inputs(self, slug: str, code: str) -> set[str]:
        """The page's source document and catalog, as ``kit check`` names them."""
        doc = self.docs.get(slug)
        catalog = self.project.rel(self.project.po_path(parse_locale(code), slug))
        return {catalog, doc.path} if doc is not None else {catalog}

    def _source(self) -> str:
        return self.project.config.source_locale.code


def _ldoc(page: _Page | None) -> LocalizedDocument | None:
    return page.ldoc if page is not None else None


def overview_bytes(preview: Preview) -> bytes:
    with preview.lock:
        data = [preview.page_data(k) for k in sorted(preview.pages, key=lambda k: (k[1], k[0]))]
        name = preview.project.config.project.name
    return overlay.overview(data, name).encode("utf-8")


def _static(name: str) -> bytes | None:
    if name not in ("overlay.js", "overlay.css", "overview.js"):
        return None
    return (STATIC / name).read_bytes()


def folders(project: Project) -> Folders:
    config = project.config
    return Folders(
        config.path.resolve(),
        config.source_dir.resolve(),
        config.locales_dir.resolve(),
        config.templates_dir.resolve(),
    )
