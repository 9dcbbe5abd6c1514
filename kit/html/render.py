"""``LocalizedDocument`` → an accessible HTML page, its assets, and the site index.

Called by ``kit.commands.build``:

* ``render_page(ldoc, site, published)``: ``dist/<locale>/<slug>.html``, from the project's
  ``templates/page.html.j2``.
* ``page_assets(ldoc, site)``: the files the page needs beside it, relative to
  ``dist/<locale>/``: the stylesheet (``assets/kit.css``, branding colours first), the logo,
  and the document's images read from ``source/``. A missing or unsafe image is a
  ``RenderError`` naming the source file and line.
* ``render_index(site, published)``: ``dist/index.html``, every document in every published
  language, each named in its own script and in the source language.

Pages need no script and make no external request: no CDN, no web fonts, images copied
beside the page. The same inputs give the same bytes.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from markupsafe import Markup

from kit.catalog.localize import LocalizedDocument
from kit.errors import KitError, RenderError
from kit.files import MAX_IMAGE_BYTES, MAX_TEXT_BYTES, read_project_bytes
from kit.html.colors import css_variables
from kit.html.handouts import handout_links
from kit.html.inline import safe_image_src
from kit.html.page import CSS_DEST, Gettext, UiFunction, language_links, page_view
from kit.html.templates import render_template
from kit.locales import LocaleInfo
from kit.model import Block, Figure, Image, ListBlock, Paragraph, Quote
from kit.reading import file_identity, real_folder, resolved_under
from kit.site import HandoutFile, Published, Site, brand
from kit.snapshot import once
from kit.words.notice import notice_for

PAGE_TEMPLATE = "page.html.j2"
INDEX_TEMPLATE = "index.html.j2"
CSS_SOURCE = "css/kit.css"
LOGO_TYPES = frozenset({".svg", ".png", ".jpg", ".jpeg", ".webp", ".gif"})


@dataclass(frozen=True)
class Asset:
    dest: str  # relative to dist/<locale>/, forward slashes
    data: bytes


def render_page(
    ldoc: LocalizedDocument,
    site: Site,
    published: Published,
    handouts: tuple[HandoutFile, ...] = (),
) -> str:
    generator = f"kit {site.kit_version}"
    digits = _digits(site, ldoc.locale)
    view = page_view(ldoc, published, site.config.branding.base_url, generator, handouts, digits)
    context = {
        "page": view,
        "brand": _brand(site.config.branding, _logo_dest(site)),
        "ui": UiFunction(ldoc.locale),
        "gettext": Gettext(ldoc.locale),
        "ngettext": Gettext(ldoc.locale).ngettext,
        "language_help": notice_for(site.config),
        "lang": view.lang,
        "dir": view.dir,
    }
    return render_template(site.templates_dir, PAGE_TEMPLATE, context, site.config.root)


def _digits(site: Site, locale: LocaleInfo) -> str | None:
    """The numbering system ``[locale.LL] digits`` names for ``locale`` (None: CLDR's)."""
    return site.config.overrides(locale.code).digits


def render_index(
    site: Site,
    published: Iterable[Published],
    handouts: Mapping[tuple[str, str], tuple[HandoutFile, ...]] | None = None,
) -> str:
    """``handouts``: the built PDFs of each (slug, locale code), listed under each language."""
    source = site.source_locale
    documents = [
        {
            "slug": p.slug,
            "title": p.title,
            "languages": language_links(p, source, source, ""),
            "handouts": {
                loc.code: handout_links(
                    files, loc, source, f"{loc.code}/", digits=_digits(site, loc)
                )
                for loc in p.locales
                if (files := (handouts or {}).get((p.slug, loc.code)))
            },
        }
        for p in published
    ]
    logo = _logo_dest(site)
    context = {
        "documents": documents,
        "brand": _brand(site.config.branding, f"{source.code}/{logo}" if logo else ""),
        "ui": UiFunction(source),
        "gettext": Gettext(source),
        "ngettext": Gettext(source).ngettext,
        "language_help": notice_for(site.config),
        "lang": source.bcp47,
        "dir": source.direction,
        "css": Markup(_inline_css(site)),
        "generator": f"kit {site.kit_version}",
    }
    return render_template(site.templates_dir, INDEX_TEMPLATE, context, site.config.root)


def page_assets(ldoc: LocalizedDocument, site: Site) -> Iterator[Asset]:
    yield Asset(CSS_DEST, stylesheet(site))
    logo = _logo_dest(site)
    if logo:
        yield Asset(logo, _read_logo(site))
    seen: set[str] = set()
    source: Path | None = None  # the source folder, links followed (once per page)
    for image in document_images(ldoc.document.blocks):
        dest = _image_dest(image, ldoc.document.path)
        if dest not in seen:
            seen.add(dest)
            source = source or Path(real_folder(str(site.source_dir)))
            yield Asset(dest, _page_image(source, dest, image, ldoc.document.path))


def _page_image(source: Path, dest: str, image: Image, doc_path: str) -> bytes:
    """``_read_image``, once per build for each image (``kit.snapshot``): every page of every
    locale that shows it needs it beside it. A refusal is not kept: each page reports it."""
    return once(("image", source, dest), lambda: _read_image(source, dest, image, doc_path))


def stylesheet(site: Site) -> bytes:
    """Branding colours as CSS custom properties, then ``templates/css/kit.css``."""
    return _stylesheet_in(site.templates_dir, site)


def _stylesheet_in(templates_dir: Path, site: Site) -> bytes:
    branding = site.config.branding
    path = templates_dir / CSS_SOURCE
    try:
        stat = once(("stat", path), lambda: os.stat(path))  # once per build
    except OSError as exc:
        raise RenderError(
            f"cannot read the stylesheet: {exc.strerror}",
            path=_rel(path, site.config.root),
            hint="restore templates/css/kit.css from the kit repository",
        ) from exc
    key = (
        str(path),
        stat.st_dev,
        stat.st_ino,
        stat.st_mtime_ns,
        stat.st_ctime_ns,
        stat.st_size,
        branding.primary_color,
        branding.accent_color,
    )
    css = _STYLESHEETS.get(key)
    if css is None:
        css = _read_stylesheet(path, site)
        if len(_STYLESHEETS) >= 16:
            _STYLESHEETS.clear()
        _STYLESHEETS[key] = css
    return css


# Each stylesheet is read once per build: the key holds the file's identity, size and times
# and the branding colours, so an edited file or kit.toml is read again.
_STYLESHEETS: dict[tuple[str, int, int, int, int, int, str, str], bytes] = {}


def _read_stylesheet(path: Path, site: Site) -> bytes:
    root, branding = site.config.root, site.config.branding
    shown = _rel(path, root)
    variables = css_variables(
        branding.primary_color, branding.accent_color, _rel(site.config.path, root)
    )
    try:
        data = read_project_bytes(path, None, MAX_TEXT_BYTES, error=RenderError, shown=shown)
        css = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise RenderError(f"cannot read the stylesheet: {exc}", path=shown) from exc
    return (variables + "\n" + css).encode("utf-8")


def _inline_css(site: Site) -> str:
    return stylesheet(site).decode("utf-8").replace("</", "<\\/")


def document_images(blocks: Iterable[Block]) -> Iterator[Image]:
    for block in blocks:
        if isinstance(block, Figure):
            yield block.image
        elif isinstance(block, Paragraph):
            yield from block.images
        elif isinstance(block, ListBlock):
            for item in block.items:
                yield from document_images(item.blocks)
        elif isinstance(block, Quote):
            yield from document_images(block.blocks)


def _image_dest(image: Image, doc_path: str) -> str:
    if not safe_image_src(image.src):
        raise RenderError(
            f"image {image.src!r} is not a relative path inside the source folder",
            path=doc_path,
            line=image.line,
            hint="put the image under source/ (for example source/images/) and link it relatively",
        )
    return image_dest(image.src)


def image_dest(src: str) -> str:
    """Where an image the source shows as ``src`` (a ``safe_image_src``) is copied, relative
    to its page's folder."""
    return "/".join(part for part in src.replace("\\", "/").split("/") if part not in ("", "."))


def _read_image(source: Path, dest: str, image: Image, doc_path: str) -> bytes:
    """``dest`` (``_image_dest``) read from ``source``, the source folder with its links
    followed; the image's own links are followed here and must stay inside it."""
    real = resolved_under(os.path.join(source, dest), str(source))[0]  # only below source
    if real != str(source) and not real.startswith(os.path.join(source, "")):
        raise RenderError(
            f"image {image.src!r} is outside the source folder",
            path=doc_path,
            line=image.line,
            hint="copy the image into source/images/ instead of linking to a file elsewhere",
        )
    try:
        # ``path`` is resolved and inside the source folder: only the file itself is checked
        data = _image_bytes(real, image.src)
    except KitError as exc:
        raise RenderError(
            f"image {image.src!r} cannot be published: {exc.message}",
            path=doc_path,
            line=image.line,
            hint="check the file name and that the image is under source/",
        ) from exc
    return _safe_svg(data, image.src, doc_path, image.line) if _is_svg(image.src) else data


def _image_bytes(real: str, shown: str) -> bytes:
    """The file's bytes, read once per build: the key is the file's identity, size and times
    (any write changes its ctime), taken before and after the read, so a file replaced while
    it was read is not kept. Every page that shows the image needs it beside it."""
    before = _identity(real)
    data = _IMAGES.get(before) if before else None
    if data is not None:
        return data
    data = read_project_bytes(Path(real), None, MAX_IMAGE_BYTES, shown=shown)
    if before and _identity(real) == before:
        if sum(len(kept) for kept in _IMAGES.values()) + len(data) > _IMAGES_BYTES:
            _IMAGES.clear()
        _IMAGES[before] = data
    return data


_IMAGES: dict[tuple[str, int, int, int, int, int], bytes] = {}
_IMAGES_BYTES = 32 * 1024 * 1024  # a build's images; more are read again


def _identity(path: str) -> tuple[str, int, int, int, int, int] | None:
    found = file_identity(path)
    return None if found is None else (path, *found)


def _is_svg(name: str) -> bool:
    return name.lower().endswith((".svg", ".svgz"))


def _safe_svg(data: bytes, name: str, path: str, line: int | None) -> bytes:
    """An SVG rebuilt from kit's allow-list (``kit.html.svg``), or a ``RenderError``."""
    try:
        return _sanitized(data)
    except ValueError as exc:
        raise RenderError(
            f"image {name!r} cannot be published: {exc}",
            path=path,
            line=line,
            hint="export the image again as plain SVG (or PNG) from the drawing program",
        ) from exc


@lru_cache(maxsize=64)
def _sanitized(data: bytes) -> bytes:
    """Each SVG is rebuilt once per process, not once per page that shows it (pure: the
    same bytes give the same result). lxml is imported only for a page with an SVG."""
    from kit.html.svg import sanitize_svg

    return sanitize_svg(data).data


# Pure (frozen branding and a string in, a frozen Brand out): made once, not once per page.
_brand = lru_cache(maxsize=16)(brand)


def _logo_dest(site: Site) -> str:
    logo = site.config.branding.logo
    return f"assets/logo{Path(logo).suffix.lower()}" if logo else ""


def _read_logo(site: Site) -> bytes:
    logo = site.config.branding.logo
    config_path = _rel(site.config.path, site.config.root)
    if Path(logo).suffix.lower() not in LOGO_TYPES:
        raise RenderError(
            f"branding.logo {logo!r} is not an image",
            path=config_path,
            hint=f"use one of {', '.join(sorted(LOGO_TYPES))}",
        )
    try:
        data = read_project_bytes(site.config.root / logo, site.config.root, MAX_IMAGE_BYTES)
    except KitError as exc:
        raise RenderError(
            f"branding.logo {logo!r} cannot be read: {exc.message}",
            path=config_path,
            hint="the path is relative to the folder that holds kit.toml",
        ) from exc
    return _safe_svg(data, logo, config_path, None) if _is_svg(logo) else data


def _rel(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


__all__ = ["Asset", "page_assets", "render_index", "render_page", "stylesheet"]
