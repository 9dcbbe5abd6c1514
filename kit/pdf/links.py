"""Links in a handout never point at the machine that built it.

WeasyPrint resolves a relative link (``[main page](infant-all.html)`` in a source or a
translation, ``href="../index.html"`` in a template) against the document's ``file://`` base
URL, which would print the build folder into the PDF: a dead link for the family, a leak of the
CI machine's paths, and bytes that change with the checkout folder. After layout, every
``file:`` link target is rewritten:

* with ``branding.base_url`` set, to the page's place on the site: a link relative to the
  document resolves against ``<base_url>/<locale>/<slug>.html``, exactly as it does on the
  published HTML page (``infant-all.html`` → ``<base_url>/es/infant-all.html``);
* without it, the link is dropped and its text printed as plain text: ``unlink_relative``
  turns the body's relative ``<a>`` into a ``<span class="kit-unlinked">`` before layout, so
  the text is not even styled as a link, and any ``file:`` link left (a template's) loses its
  annotation after layout.
"""

from __future__ import annotations

import posixpath
import re
from typing import Any
from urllib.parse import quote, unquote, urljoin, urlsplit

# The exact form kit.html.inline writes; links never nest, so the next </a> closes it.
_LINK = re.compile(r'<a href="([^"]*)"((?: title="[^"]*")?)>(.*?)</a>', re.S)
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.\-]*:")


def unlink_relative(html: str) -> str:
    """``<a href="page.html">text</a>`` → ``<span class="kit-unlinked">text</span>``; links
    with a scheme (``https:``, ``mailto:``) and links within the page (``#id``) stay."""

    def replace(match: re.Match[str]) -> str:
        href = match.group(1)
        if href.startswith("#") or _SCHEME.match(href):
            return match.group(0)
        return f'<span class="kit-unlinked">{match.group(3)}</span>'

    return _LINK.sub(replace, html)


def public_target(target: str, base_url: str, public_url: str) -> str:
    """Where a resolved ``file:`` link ``target`` points on the site, or "" when it cannot be
    published (no ``public_url``). Other targets are returned unchanged."""
    parts = urlsplit(target)
    if parts.scheme.lower() != "file":
        return target
    if not public_url:
        return ""
    base_dir = posixpath.dirname(unquote(urlsplit(base_url).path)) or "/"
    path = unquote(parts.path)
    relative = posixpath.relpath(path, base_dir) if path else "."
    if path.endswith("/") and not relative.endswith("/"):
        relative += "/"
    tail = quote(relative, safe="/:@!$&'()*+,;=-._~%")
    if parts.query:
        tail += "?" + parts.query
    if parts.fragment:
        tail += "#" + parts.fragment
    return urljoin(public_url, tail)


def rebase_links(document: Any, base_url: str, public_url: str) -> None:
    """Rewrite (or drop) every ``file:`` link of a laid-out WeasyPrint ``document``."""
    for page in document.pages:
        kept = []
        for link in page.links:
            kind, target, rectangle, box = link
            if kind not in ("external", "attachment") or not isinstance(target, str):
                kept.append(link)
                continue
            new = public_target(target, base_url, public_url)
            if new:
                kept.append((kind, new, rectangle, box))
        page.links[:] = kept
