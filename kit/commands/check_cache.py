"""``render.overflow``'s layouts, remembered: ``.kit-cache/overflow.json`` (safe to delete).

Laying a handout out is most of what ``kit check`` costs once a project has tables or long
unbroken runs (WeasyPrint: about 0.3 s a handout). What sticks out of a layout depends only
on what is laid out, so the texts of the boxes that stuck out are kept under a digest of:

* the handout's HTML and its base URL (the body, the page CSS kit writes, the template);
* every file of the templates folder (stylesheets, fonts, images the CSS names);
* every local file the HTML names (``src``/``href``: the images in the body);
* the installed fonts (fontconfig's list of files, with their sizes and times);
* kit's PDF code and version, and WeasyPrint's version.

A change to any of them is a new digest, so the layout runs again; a digest not used by a
run is dropped when the run saves. A missing, stale or unreadable file only costs time.
Without a folder (``kit serve``'s preview, which never writes the project) the layouts are
remembered for the run only: the same HTML is still laid out once.
"""

from __future__ import annotations

import hashlib
import html as html_lib
import json
import os
import re
import shutil
import subprocess
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import kit
from kit.files import write_bytes_if_changed

CACHE_FILE = Path(".kit-cache") / "overflow.json"
FORMAT = 1
_REFERENCE = re.compile(r"""\b(?:src|href)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)


class LayoutCache:
    """A ``kit.pdf.overflow.LayOut`` that lays out each distinct handout once (per inputs)."""

    def __init__(self, file: Path | None) -> None:
        self.file = file
        self.old = _load(file) if file is not None else {}
        self.used: dict[str, list[str]] = {}
        self.laid_out = 0  # layouts run (not found in the cache)

    def __call__(self, html: str, base: str, roots: tuple[Path, ...]) -> list[str] | None:
        from kit.pdf.overflow import overflowing_texts  # WeasyPrint: only when laying out

        key = layout_key(html, base, roots)
        texts = self.used.get(key, self.old.get(key))
        if texts is None:
            texts = overflowing_texts(html, base, roots)
            self.laid_out += 1
            if texts is None:
                return None  # stopped: not remembered, the next run tries again
        self.used[key] = texts
        return list(texts)

    def take_used(self) -> dict[str, list[str]]:
        """The layouts used since the last call (a worker hands them to its parent), kept
        known here for the rest of the run."""
        used, self.used = self.used, {}
        self.old.update(used)
        return used

    def save(self) -> None:
        """Keep the layouts this run used (atomically); a cache that cannot be written is
        skipped, and nothing is written when the run laid nothing out."""
        if self.file is None or (not self.used and not self.old):
            return
        data = {"format": FORMAT, "layouts": dict(sorted(self.used.items()))}
        encoded = json.dumps(data, ensure_ascii=False, indent=0).encode("utf-8") + b"\n"
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            write_bytes_if_changed(self.file, encoded, sync=False)
        except OSError:
            pass


@lru_cache(maxsize=4)
def worker_cache(file: Path | None) -> LayoutCache:
    """A worker process's cache: the file is read once per process (workers live for one
    run); what it lays out is handed to the parent with ``take_used``, which saves."""
    return LayoutCache(file)


def layout_key(html: str, base: str, roots: tuple[Path, ...]) -> str:
    digest = hashlib.sha256(_environment(roots).encode("utf-8"))
    for part in (base, html, _references(html, base, roots)):
        digest.update(b"\0" + part.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def _load(file: Path) -> dict[str, list[str]]:
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return {}
    layouts = data.get("layouts")
    if not isinstance(layouts, dict):
        return {}
    return {
        key: texts
        for key, texts in layouts.items()
        if isinstance(texts, list) and all(isinstance(t, str) for t in texts)
    }


def _references(html: str, base: str, roots: tuple[Path, ...]) -> str:
    """Path, size and content digest of every local file under ``roots`` the HTML names."""
    folders = [root.resolve() for root in roots]
    lines = []
    for value in {html_lib.unescape(a or b) for a, b in _REFERENCE.findall(html)}:
        url = urlsplit(urljoin(base, value))
        if url.scheme != "file":
            continue
        path = Path(unquote(url.path)).resolve()
        if any(path.is_relative_to(f) for f in folders) and path.is_file():
            lines.append(f"{path}\t{_file_digest(path)}")
    return "\n".join(sorted(set(lines)))


def _file_digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return "unreadable"


@lru_cache(maxsize=8)
def _environment(roots: tuple[Path, ...]) -> str:
    """What every layout of this run shares: versions, kit's PDF code, the first root's
    files (the templates folder), the installed fonts."""
    import weasyprint

    parts = [f"kit-overflow {FORMAT} {kit.__version__} weasyprint {weasyprint.__version__}"]
    pdf_code = Path(__file__).resolve().parent.parent / "pdf"
    parts += [f"{p.name}\t{_file_digest(p)}" for p in sorted(pdf_code.glob("*.py"))]
    for root in roots[:1]:
        if root.is_dir():
            files = sorted(p for p in root.rglob("*") if p.is_file())
            parts += [f"{p.relative_to(root)}\t{_file_digest(p)}" for p in files]
    parts.append(_fonts())
    return "\n".join(parts)


def _fonts() -> str:
    """fontconfig's font files with size and modification time ("" without fontconfig)."""
    exe = shutil.which("fc-list")
    if exe is None:
        return ""
    try:
        result = subprocess.run(
            [exe, "--format", "%{file}\n"], capture_output=True, text=True, check=True, timeout=60
        )
    except (OSError, subprocess.SubprocessError):
        return "fontconfig failed"
    lines = []
    for name in sorted(set(result.stdout.split("\n")) - {""}):
        try:
            st = os.stat(name)
        except OSError:
            continue
        lines.append(f"{name}\t{st.st_size}\t{st.st_mtime_ns}")
    return "\n".join(lines)
