"""The only way WeasyPrint may read anything while kit renders a handout.

Allowed: regular files inside the given folders (the project's ``templates/`` and ``source/``,
after resolving ``..`` and symlinks) and ``data:`` URIs. Refused: every other file
(``file:///etc/passwd``, ``/dev/urandom``, a symlink out of the project), every network URL
(``http(s)`` to loopback, the cloud metadata address or the internet, ``ftp``), redirects.

A refused URL is recorded and skipped (WeasyPrint logs it and goes on), so one render lists
every refused URL at once; ``kit.pdf.engine`` then fails the handout if anything was refused.
With the default WeasyPrint fetcher a hostile template or translation could embed local files
or reach internal hosts (reference: accessibility-and-pdf.md §2).

The same instance must be given to ``HTML(...)`` and to every ``CSS(...)``: a ``CSS`` built
without one silently gets WeasyPrint's default fetcher.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from weasyprint.urls import URLFetcher, URLFetcherResponse

MAX_BYTES = 20 * 1024 * 1024  # no template asset or source image needs more


class RefusedURL(ValueError):
    """Raised to WeasyPrint for a URL outside the allow-list (it skips the resource)."""


class AssetFetcher(URLFetcher):  # type: ignore[misc]  # WeasyPrint ships no type hints
    """Allow files inside ``roots`` and ``data:`` URIs; record and refuse everything else."""

    def __init__(self, roots: Iterable[Path]) -> None:
        super().__init__(timeout=5, allowed_protocols={"file", "data"}, allow_redirects=False)
        self.roots = tuple(Path(r).resolve() for r in roots)
        self.refused: list[str] = []  # "<url> (<reason>)", in the order WeasyPrint asked

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        reason = self.refusal(url)
        if reason:
            self.refused.append(f"{_shorten(url)} ({reason})")
            raise RefusedURL(f"{_shorten(url)}: {reason}")
        return super().fetch(url, headers)

    def refusal(self, url: str) -> str:
        """Why ``url`` may not be read, or "" if it may."""
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme == "data":
            return ""
        if scheme != "file":
            return f"{scheme or 'relative'} URLs are not allowed; only project files and data: URIs"
        if parts.netloc not in ("", "localhost"):
            return "file URLs on other hosts are not allowed"
        try:
            path = Path(unquote(parts.path)).resolve(strict=True)
        except (OSError, RuntimeError):
            return "no such file"
        if not any(path.is_relative_to(root) for root in self.roots):
            return "outside the project's templates and source folders"
        if not path.is_file():
            return "not a regular file"
        if path.stat().st_size > MAX_BYTES:
            return f"larger than {MAX_BYTES // (1024 * 1024)} MB"
        return ""


def _shorten(url: str) -> str:
    return url if len(url) <= 120 else url[:100] + "…"
