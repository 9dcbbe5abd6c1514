"""Building test handouts and looking inside PDFs (pikepdf for structure, poppler for text)."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import shutil
import subprocess
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pikepdf

from kit.catalog.localize import LocalizedDocument, PublishPolicy, localize, source_localized
from kit.catalog.review import ReviewLog, sign_off
from kit.config import BrandingSection, Config, PrintSection, ProjectSection
from kit.locales import parse_locale
from kit.po.model import PoEntry, PoFile, format_header
from kit.site import Published, Site
from kit.source.read import read_document
from tests.conftest import require_tool as shared_require_tool

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "pdf"
TRANSLATIONS: dict[str, dict[str, str]] = json.loads(
    (FIXTURES / "translations.json").read_text(encoding="utf-8")
)


def require_tool(name: str) -> str:
    """The path of a command-line tool; a skip outside CI, a failure in CI."""
    return shared_require_tool(name, "Debian: poppler-utils / fontconfig; run scripts/setup.sh")


def make_project(root: Path, templates: Path | None = None) -> Path:
    """A throwaway project: the fixture sources and the repository's handout template."""
    shutil.copytree(FIXTURES / "source", root / "source")
    shutil.copytree(templates or REPO / "templates", root / "templates")
    return root


def build_handouts(
    root: Path, slug: str, source: str, code: str, words: dict[str, str], toml: str = ""
) -> Path:
    """A new project in ``root`` with one document in English and ``code`` (every message
    translated by ``words``; ``toml``: more of kit.toml), its handouts built through the CLI;
    returns ``dist/``."""
    from click.testing import CliRunner

    from kit.cli import main
    from kit.po import read_po, write_po_if_changed

    config = f'[project]\nname = "t"\nlocales = ["{code}"]\n{toml}'
    (root / "kit.toml").write_text(config, "utf-8")
    (root / "source").mkdir()
    (root / "source" / f"{slug}.md").write_text(source, encoding="utf-8")

    def kit(*args: str) -> None:
        result = CliRunner().invoke(main, ["--project", str(root), *args])
        assert result.exit_code == 0, result.output

    kit("extract")
    kit("init", code)
    po_path = root / "locales" / code / "LC_MESSAGES" / f"{slug}.po"
    po = read_po(po_path)
    entries = tuple(e.with_changes(msgstr=words[e.msgid]) for e in po.entries)
    write_po_if_changed(po_path, po.with_entries(entries))
    kit("build", "--format", "pdf", "--jobs", "1")
    return root / "dist"


def make_config(root: Path, *, page_size: str = "letter", **branding: str) -> Config:
    values = {
        "organization": "Example Children's Hospital",
        "phone": "+1 555 0100",
        "base_url": "https://example.org/patient-education",
        **branding,
    }
    return Config(
        root=root,
        project=ProjectSection(locales=tuple(sorted(TRANSLATIONS))),
        branding=BrandingSection(**values),
        print=PrintSection(page_size=page_size),  # type: ignore[arg-type]
    )


@dataclass(frozen=True)
class Signed:
    reviewer: str = "Dr. Lucía Pérez"
    role: str = "pediatric nurse, certified medical interpreter"
    method: str = "back-translation"
    date: dt.date = dt.date(2024, 4, 2)


def localized(
    config: Config,
    code: str,
    *,
    review: Signed | None = Signed(),
    translator: str = "Ana García <ana@example.org>",
    overrides: dict[str, str] | None = None,
    missing: tuple[str, ...] = (),
) -> LocalizedDocument:
    """The fixture document in ``code``, translated from translations.json (in memory)."""
    doc = read_document(config.source_dir / "fever.md", config.root)
    source = parse_locale("en")
    if code == "en":
        return source_localized(doc, source)
    table = {**TRANSLATIONS[code], **(overrides or {})}
    entries = tuple(
        PoEntry(
            msgid=seg.text,
            msgstr="" if seg.text in missing else table[seg.text],
            msgctxt=seg.context,
        )
        for seg in doc.segments()
    )
    header = [("Language", code), ("Content-Type", "text/plain; charset=UTF-8")]
    if translator:
        header.insert(0, ("Last-Translator", translator))
    po = PoFile(header=PoEntry(msgid="", msgstr=format_header(header)), entries=entries)
    log = ReviewLog()
    if review is not None:
        log = sign_off(log, po, review.reviewer, review.role, review.method, review.date)
    policy = PublishPolicy(threshold=0, below_threshold="banner")
    return localize(
        doc, po, parse_locale(code), source, policy, log, f"locales/{code}/LC_MESSAGES/fever.po"
    )


def site_for(config: Config) -> Site:
    source = parse_locale("en")
    return Site(config, source, (source, *config.target_locales), "test")


def published(ldoc: LocalizedDocument) -> Published:
    return Published(ldoc.document.slug, ldoc.document.meta.title, (ldoc.locale,), ("",))


def with_print(config: Config, **values: Any) -> Config:
    return replace(config, print=replace(config.print, **values))


# --- reading PDFs ------------------------------------------------------------------------


def open_pdf(data: bytes) -> pikepdf.Pdf:
    return pikepdf.open(io.BytesIO(data))


def walk_structure(pdf: pikepdf.Pdf) -> Iterator[pikepdf.Dictionary]:
    """Every structure element, depth first, in reading order."""
    stack = list(reversed(_children(pdf.Root.StructTreeRoot)))
    while stack:
        node = stack.pop()
        yield node
        stack.extend(reversed(_children(node)))


def _children(node: pikepdf.Object) -> list[pikepdf.Dictionary]:
    kids = node.get("/K")
    if kids is None:
        return []
    items = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
    return [k for k in items if isinstance(k, pikepdf.Dictionary) and "/S" in k]


def tags(pdf: pikepdf.Pdf) -> list[str]:
    return [str(e.S)[1:] for e in walk_structure(pdf)]


def figure_alts(pdf: pikepdf.Pdf) -> list[str]:
    return [str(e.get("/Alt", "")) for e in walk_structure(pdf) if e.S == "/Figure"]


@dataclass(frozen=True)
class EmbeddedFont:
    name: str  # without the subset prefix: Noto-Sans-CJK-SC
    embedded: bool
    to_unicode: bool


def fonts(pdf: pikepdf.Pdf) -> list[EmbeddedFont]:
    seen: dict[str, EmbeddedFont] = {}
    for page in pdf.pages:
        for font in page.Resources.get("/Font", {}).values():
            base = str(font.BaseFont)[1:].split("+", 1)[-1]
            descendant = font.DescendantFonts[0] if "/DescendantFonts" in font else font
            descriptor: Any = descendant.get("/FontDescriptor", {})
            embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            seen[base] = EmbeddedFont(base, embedded, "/ToUnicode" in font)
    return list(seen.values())


@dataclass(frozen=True)
class TextRun:
    size_pt: float
    x: float  # PDF user space, from the left edge
    y: float  # from the bottom edge
    fill: tuple[float, ...]


def text_runs(pdf: pikepdf.Pdf, page_index: int = 0) -> list[TextRun]:
    """Every text-showing operation on a page with its effective size, position and colour."""
    page = pdf.pages[page_index]
    ctm = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]
    stack: list[tuple[list[float], tuple[float, ...]]] = []
    fill: tuple[float, ...] = (0.0,)
    tm = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]
    size = 0.0
    runs: list[TextRun] = []
    for instruction in pikepdf.parse_content_stream(page):
        if not isinstance(instruction, pikepdf.ContentStreamInstruction):
            continue  # an inline image
        op = str(instruction.operator)
        nums = [float(o) for o in instruction.operands if _is_num(o)]
        if op == "q":
            stack.append((ctm[:], fill))
        elif op == "Q" and stack:
            ctm, fill = stack.pop()
        elif op == "cm":
            ctm = _multiply(nums, ctm)
        elif op in ("rg", "g", "k"):
            fill = tuple(nums)
        elif op == "Tm":
            tm = nums
        elif op == "Tf":
            size = nums[-1]
        elif op in ("Tj", "TJ", "'", '"'):
            full = _multiply(tm, ctm)
            scale = (full[2] ** 2 + full[3] ** 2) ** 0.5
            runs.append(TextRun(round(size * scale, 2), full[4], full[5], fill))
    return runs


def _is_num(value: Any) -> bool:
    try:
        float(value)
    except (TypeError, ValueError):
        return False
    return True


def _multiply(a: list[float], b: list[float]) -> list[float]:
    return [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]


def pdftotext(data: bytes, *args: str) -> str:
    exe = require_tool("pdftotext")
    result = subprocess.run(
        [exe, "-enc", "UTF-8", *args, "-", "-"], input=data, capture_output=True, check=True
    )
    return result.stdout.decode("utf-8")


def page_texts(data: bytes, pages: int) -> list[str]:
    return [pdftotext(data, "-f", str(i), "-l", str(i)) for i in range(1, pages + 1)]


_INVISIBLE = re.compile(r"[\s\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]+")


def squash(text: str) -> str:
    """NFC, no whitespace and no bidi or zero-width controls: for comparing extracted text."""
    return _INVISIBLE.sub("", unicodedata.normalize("NFC", text))
