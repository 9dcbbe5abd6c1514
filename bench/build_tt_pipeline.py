"""Translated HTML pages the way a team without kit would make them, for ``bench/bench_build.py``:
translate-toolkit's ``po2md`` (what Weblate runs for Markdown) writes each translated Markdown
file, and mistletoe (the Markdown library translate-toolkit reads Markdown with) turns it into
HTML. A bare page: the body only, no template, no checks, no index.

Run by the Python of ``bench/out/venv-tt`` (where ``translate-toolkit[markdown]`` is
installed), not kit's, in two steps:

* ``python bench/build_tt_pipeline.py prepare POT_DIR PO_ROOT CODE...``: the catalogs, not
  timed. ``md2po --pot --no-frontmatter`` wrote ``POT_DIR``; each locale's catalog gets every
  message translated as the kit project's are (``[es] `` before the source text), in
  ``PO_ROOT/CODE/SLUG.po``.
* ``python bench/build_tt_pipeline.py pages SOURCE_DIR PO_ROOT OUT_DIR CODE...``: the timed
  work, in one process as ``kit build --jobs 1`` does it: for every locale and document, read
  the catalog, translate the Markdown, drop its front matter, render it and write
  ``OUT_DIR/CODE/SLUG.html``. Prints the number of pages written.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import mistletoe  # type: ignore[import-not-found]
from translate.convert.po2md import MarkdownTranslator  # type: ignore[import-not-found]
from translate.storage import po  # type: ignore[import-not-found]


def prepare(pot_dir: Path, po_root: Path, codes: list[str]) -> None:
    for pot in sorted(pot_dir.glob("*.pot")):
        for code in codes:
            store = po.pofile(pot.read_bytes())
            for unit in store.units:
                if not unit.isheader():
                    unit.target = f"[{code}] {unit.source}"
            target = po_root / code / f"{pot.stem}.po"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(bytes(store))


def body(markdown: str) -> str:
    """The Markdown without its YAML front matter (a static-site generator's job)."""
    if markdown.startswith("---\n"):
        end = markdown.find("\n---\n", 4)
        if end != -1:
            return markdown[end + 5 :]
    return markdown


def pages(source: Path, po_root: Path, out: Path, codes: list[str]) -> int:
    written = 0
    for code in codes:
        (out / code).mkdir(parents=True, exist_ok=True)
        for template in sorted(source.glob("*.md")):
            store = po.pofile((po_root / code / f"{template.stem}.po").read_bytes())
            translator = MarkdownTranslator(store, False, None, 0, extract_frontmatter=False)
            markdown = io.BytesIO()
            with template.open("rb") as text:
                translator.translate(text, markdown)
            html = mistletoe.markdown(body(markdown.getvalue().decode("utf-8")))
            if f"[{code}]" not in html:
                raise SystemExit(f"{template.name} in {code}: nothing translated")
            (out / code / f"{template.stem}.html").write_text(html, encoding="utf-8")
            written += 1
    return written


def main() -> None:
    step, *args = sys.argv[1:]
    if step == "prepare":
        prepare(Path(args[0]), Path(args[1]), args[2:])
    else:
        print(pages(Path(args[0]), Path(args[1]), Path(args[2]), args[3:]))


if __name__ == "__main__":
    main()
