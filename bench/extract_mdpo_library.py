"""mdpo's library API in one process, for ``bench/bench_extract.py``: one POT per Markdown file.

Run by the Python of ``bench/out/venv-mdpo`` (where mdpo is installed), not kit's:
``python bench/extract_mdpo_library.py SOURCE_DIR OUT_DIR``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mdpo.md2po import markdown_to_pofile  # type: ignore[import-not-found]


def main() -> None:
    source, out = Path(sys.argv[1]), Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    for path in sorted(source.glob("*.md")):
        markdown_to_pofile(str(path), save=True, po_filepath=str(out / f"{path.stem}.pot"))


if __name__ == "__main__":
    main()
