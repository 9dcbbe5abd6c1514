"""Which files of ``dist/<locale>/`` go into the locale's bundle. Pure: names in, names out.

- ``<slug>.html`` and ``<slug>.<variant>.pdf`` at the top of the folder belong to document
  ``<slug>``. A published document's files go in; a withheld document's files stay out even
  if an older build left them behind (a stale translation never reaches a family).
- Any other top-level page or handout (``*.html``, ``*.pdf``) belongs to no current document,
  for example one whose source was deleted: it stays out, and a note says so.
- Everything else (``assets/`` with the stylesheet, logo and images) goes in.
- Hidden files (a name starting with ``.``, such as an interrupted write's temporary file)
  never go in, nor a top-level ``manifest.json`` (the bundle writes its own).

A published document must have its page or handout there. If any document has a
``<slug>.html`` (or ``<slug>.pdf``), every published document must have one too, and with
PDFs every print variant kit.toml asks for (large print, bilingual), or the ``dist/``
folder is incomplete (a CI shard's artifact was not merged, or the build stopped).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from kit.bundle.model import MANIFEST_NAME
from kit.catalog.localize import Decision, LocalizedDocument

OUTPUT_SUFFIXES = (".html", ".pdf")


@dataclass(frozen=True)
class Selection:
    """The outcome for one locale folder; every path is relative to ``dist/``."""

    documents: tuple[tuple[str, tuple[str, ...]], ...]  # (slug, its files) for published documents
    assets: tuple[str, ...]
    left_out: tuple[tuple[str, str], ...]  # (path, why)
    missing: tuple[str, ...]  # outputs that should be there and are not

    @property
    def included(self) -> tuple[str, ...]:
        files = [path for _, paths in self.documents for path in paths]
        return tuple(sorted((*files, *self.assets)))

    def files_of(self, slug: str) -> tuple[str, ...]:
        return next((paths for name, paths in self.documents if name == slug), ())


def owner(name: str, slugs: Iterable[str]) -> str | None:
    """The slug whose output ``name`` (a top-level file name) is, if any."""
    if "/" in name or not name.endswith(OUTPUT_SUFFIXES):
        return None
    return next(
        (slug for slug in slugs if name.startswith(slug + ".") and _is_output(name, slug)), None
    )


def _is_output(name: str, slug: str) -> bool:
    rest = name[len(slug) :]
    return rest in OUTPUT_SUFFIXES or (rest.endswith(".pdf") and "." not in rest[1:-4])


def select(
    folder: str,
    names: Iterable[str],
    ldocs: Iterable[LocalizedDocument],
    handouts: Mapping[str, tuple[str, ...]] | None = None,
) -> Selection:
    """``names`` are the folder's files relative to it, with forward slashes; ``handouts``
    maps a slug to the PDF file names a PDF build writes for it (every print variant)."""
    docs = {ldoc.document.slug: ldoc for ldoc in ldocs}
    owned: dict[str, list[str]] = {slug: [] for slug in docs}
    assets: list[str] = []
    left_out: list[tuple[str, str]] = []
    for name in sorted(names):
        path = f"{folder}/{name}"
        if any(part.startswith(".") for part in name.split("/")):
            continue
        slug = owner(name, docs)
        if name == MANIFEST_NAME:
            left_out.append((path, "the bundle writes its own manifest.json"))
        elif slug is not None:
            owned[slug].append(path)
        elif "/" not in name and name.endswith(OUTPUT_SUFFIXES):
            left_out.append((path, "no document with this slug in the source"))
        else:
            assets.append(path)
    published: list[tuple[str, tuple[str, ...]]] = []
    for slug, ldoc in sorted(docs.items()):
        if ldoc.publish.decision is Decision.WITHHOLD:
            left_out.extend((path, f"{slug} is withheld") for path in owned[slug])
        else:
            published.append((slug, tuple(owned[slug])))
    missing = _missing(folder, published, handouts or {})
    return Selection(tuple(published), tuple(assets), tuple(left_out), missing)


def _missing(
    folder: str,
    published: list[tuple[str, tuple[str, ...]]],
    handouts: Mapping[str, tuple[str, ...]],
) -> tuple[str, ...]:
    """Outputs of the formats that were built (seen for any published document) that some
    published document lacks; with no output at all, the pages are missing."""
    built = {
        suffix
        for slug, paths in published
        for suffix in OUTPUT_SUFFIXES
        if f"{folder}/{slug}{suffix}" in paths
    } or {".html"}
    missing: list[str] = []
    for slug, paths in published:
        expected = [f"{slug}.html"] if ".html" in built else []
        if ".pdf" in built:
            expected.extend(handouts.get(slug) or (f"{slug}.pdf",))
        missing.extend(f"{folder}/{name}" for name in expected if f"{folder}/{name}" not in paths)
    return tuple(missing)
