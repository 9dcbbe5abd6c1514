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

The project's own folder is written as a placeholder in the digest (the files are digested by
content), so CI runners that check the project out at different paths share their layouts.

Sharded CI (``kit check --shard K/N`` on every build runner): each shard writes only the
layouts it used to a fragment, ``overflow.K-of-N.json``, which the runner uploads beside its
part of ``dist/``. Every run reads ``overflow.json`` and every fragment in the folder, so the
bundle job, given every shard's fragment, lays nothing out (``kit bundle`` and ``kit report``
read the cache and write nothing). An unsharded ``kit check`` writes ``overflow.json`` with
what it used and then removes the fragments it read. A fragment that cannot be read is ignored.
"""

from __future__ import annotations

import hashlib
import html as html_lib
import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import kit
from kit.build.plan import Shard
from kit.files import write_bytes_if_changed

CACHE_DIR = Path(".kit-cache")
CACHE_FILE = CACHE_DIR / "overflow.json"
FORMAT = 1
_REFERENCE = re.compile(r"""\b(?:src|href)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)
_FRAGMENT = re.compile(r"overflow\.([1-9][0-9]*)-of-([1-9][0-9]*)\.json")
HOME = "kit-project:"  # the project's folder, in the digest


@dataclass(frozen=True)
class CacheFiles:
    """Where one run's layouts are remembered. ``root``: the project's folder; ``shard``: the
    part a sharded ``kit check`` checks (its layouts go to its fragment, ``--shard 1/1``
    included; None: unsharded); ``save``: False for ``kit bundle`` and ``kit report``, which
    read the cache but do not write the project."""

    root: Path
    shard: Shard | None = None
    save: bool = True

    @property
    def folder(self) -> Path:
        return self.root / CACHE_DIR

    @property
    def target(self) -> Path:
        """What ``save`` writes: overflow.json, or this shard's fragment."""
        if self.shard is None:
            return self.root / CACHE_FILE
        return self.folder / fragment_name(self.shard)

    def fragments(self) -> list[Path]:
        """The fragments sharded checks left in the folder, in name order."""
        try:
            names = sorted(p.name for p in self.folder.iterdir() if _FRAGMENT.fullmatch(p.name))
        except OSError:
            return []
        return [self.folder / name for name in names]


def fragment_name(shard: Shard) -> str:
    return f"overflow.{shard.index}-of-{shard.count}.json"


class LayoutCache:
    """A ``kit.pdf.overflow.LayOut`` that lays out each distinct handout once (per inputs)."""

    def __init__(self, files: CacheFiles | None) -> None:
        self.files = files
        self.read: list[Path] = []  # the fragments read (an unsharded save removes them)
        self.old: dict[str, list[str]] = {}
        self.home: tuple[str, ...] = ()
        if files is not None:
            self.read = files.fragments()
            for file in (files.root / CACHE_FILE, *self.read):
                self.old.update(_load(file))
            self.home = _homes(files.root)
        self.used: dict[str, list[str]] = {}

    def __call__(self, html: str, base: str, roots: tuple[Path, ...]) -> list[str] | None:
        from kit.pdf.overflow import overflowing_texts  # WeasyPrint: only when laying out

        key = layout_key(html, base, roots, self.home)
        texts = self.used.get(key, self.old.get(key))
        if texts is None:
            texts = overflowing_texts(html, base, roots)
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
        skipped. Unsharded: overflow.json (nothing written when the run used no layout and
        none was remembered), then the fragments it read are removed. Sharded: the shard's
        fragment, always (even empty: the runner uploads it)."""
        files = self.files
        if files is None or not files.save:
            return
        sharded = files.shard is not None
        if not sharded and not self.used and not self.old:
            return
        data = {"format": FORMAT, "layouts": dict(sorted(self.used.items()))}
        encoded = json.dumps(data, ensure_ascii=False, indent=0).encode("utf-8") + b"\n"
        try:
            files.folder.mkdir(parents=True, exist_ok=True)
            write_bytes_if_changed(files.target, encoded, sync=False)
            for fragment in () if sharded else self.read:
                fragment.unlink(missing_ok=True)
        except OSError:
            pass


@lru_cache(maxsize=4)
def worker_cache(files: CacheFiles | None) -> LayoutCache:
    """A worker process's cache: the files are read once per process (workers live for one
    run); what it lays out is handed to the parent with ``take_used``, which saves."""
    return LayoutCache(files)


def layout_key(html: str, base: str, roots: tuple[Path, ...], home: tuple[str, ...] = ()) -> str:
    """The digest of one layout's inputs; ``home``: spellings of the project's folder, written
    as ``HOME`` (the files themselves are digested by content)."""
    digest = hashlib.sha256(_environment(roots).encode("utf-8"))
    for part in (base, html, _references(html, base, roots)):
        for spelling in home:
            part = part.replace(spelling, HOME)
        digest.update(b"\0" + part.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def _homes(root: Path) -> tuple[str, ...]:
    """The project's folder as a URL and as a path (as given and with links resolved), each
    ending with a separator so that a sibling folder's name is not taken for it."""
    spellings = set()
    for folder in (root.absolute(), root.resolve()):
        spellings |= {folder.as_uri() + "/", str(folder) + os.sep}
    return tuple(sorted(spellings, key=len, reverse=True))


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
    parts = [f"kit-overflow {FORMAT} {kit.__version__} weasyprint {_version('weasyprint')}"]
    pdf_code = Path(__file__).resolve().parent.parent / "pdf"
    parts += [f"{p.name}\t{_file_digest(p)}" for p in sorted(pdf_code.glob("*.py"))]
    for root in roots[:1]:
        if root.is_dir():
            files = sorted(p for p in root.rglob("*") if p.is_file())
            parts += [f"{p.relative_to(root)}\t{_file_digest(p)}" for p in files]
    parts.append(_fonts())
    return "\n".join(parts)


def _version(package: str) -> str:
    """An installed package's version, read from its metadata (importing WeasyPrint to ask
    would cost more than the layouts the cache saves; importlib.metadata is imported only
    here: 5 ms of every ``kit check`` otherwise)."""
    from importlib import metadata

    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "unknown"


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
