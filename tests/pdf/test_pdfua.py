"""Two independent PDF/UA-1 checkers over kit's handouts (issue 18): outloud and pdfua.

Both run over the fixture handouts (standard, large print, bilingual; Latin, Arabic, CJK)
and over the sample project's handouts. 0 errors is the bar. One outloud rule is allowed on
exactly the tables where it is wrong: TBL-010 ("header cells look shredded") counts header
cells against data cells, so any table whose first column names its rows (kit's tables do:
``<th scope="row">``) has more header cells than data cells. It is allowed only where every
header cell carries ``/Scope`` and every data cell's ``/Headers`` names its row and column
header; ``test_outloud_tbl010_is_wrong_for_row_headers`` shows it on a minimal PDF.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pikepdf
import pytest

from kit.pdf import engine
from tests.conftest import unavailable
from tests.pdf.conftest import Render
from tests.pdf.helpers import REPO, walk_structure

HANDOUTS = [
    ("en", "standard"),
    ("es", "standard"),
    ("ar", "standard"),
    ("zh_Hans", "standard"),
    ("en", "large-print"),
    ("ar", "large-print"),
    ("es", "bilingual"),
    ("ar", "bilingual"),
    ("zh_Hans", "bilingual"),
]
ALLOWED = "TBL-010"


def _tool(name: str) -> str:
    path = Path(sys.executable).with_name(name)
    if not path.exists():
        unavailable(f"{name} is not installed (pip install -e '.[test]')")
    return str(path)


def outloud(paths: list[Path]) -> list[dict[str, Any]]:
    run = subprocess.run(
        [_tool("outloud"), "--json", "-", "--fail-on", "never", *map(str, paths)],
        capture_output=True,
        check=True,
    )
    results: list[dict[str, Any]] = json.loads(run.stdout)["results"]
    return results


def pdfua(paths: list[Path]) -> list[dict[str, Any]]:
    run = subprocess.run(
        [_tool("pdfua"), "check", "--format", "json", *map(str, paths)],
        capture_output=True,
    )
    assert run.returncode in (0, 1, 2, 3), run.stderr
    text, out, decoder, i = run.stdout.decode().strip(), [], json.JSONDecoder(), 0
    while i < len(text):
        doc, i = decoder.raw_decode(text, i)
        out.extend(doc if isinstance(doc, list) else [doc])
        while i < len(text) and text[i].isspace():
            i += 1
    return out


def scoped_tables(path: Path, page: int) -> bool:
    """Every table on ``page`` (1-based): every TH has /Scope, every TD names its headers."""
    pdf = pikepdf.open(path)
    target = pdf.pages[page - 1].obj.objgen
    tables = [e for e in walk_structure(pdf) if e.S == "/Table" and e.Pg.objgen == target]
    cells = [e for t in tables for e in _descendants(t) if e.get("/S") in ("/TH", "/TD")]
    ths = [c for c in cells if c.S == "/TH"]
    tds = [c for c in cells if c.S == "/TD"]
    ids = {str(c.ID) for c in ths}
    return (
        bool(tables and ths)
        and all("/Scope" in c.A for c in ths)
        and all(
            len(c.A.get("/Headers", ())) >= 2 and {str(h) for h in c.A.Headers} <= ids for c in tds
        )
    )


def _descendants(node: pikepdf.Object) -> list[pikepdf.Object]:
    out, stack = [], [node.get("/K")]
    while stack:
        k = stack.pop()
        if isinstance(k, pikepdf.Array):
            stack.extend(k)
        elif isinstance(k, pikepdf.Dictionary) and "/S" in k:
            out.append(k)
            stack.append(k.get("/K"))
    return out


def errors(path: Path, result: dict[str, Any]) -> list[str]:
    return [
        f"{path.name}: {f['rule']} p{f.get('page')}: {f['message']}"
        for f in result["findings"]
        if f["severity"] == "error"
        and not (f["rule"] == ALLOWED and scoped_tables(path, int(f["page"])))
    ]


@pytest.fixture(scope="module")
def fixture_handouts(render: Render, tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("pdfua")
    paths = []
    for code, profile in HANDOUTS:
        path = folder / f"{code}.{profile}.pdf"
        path.write_bytes(render(code, profile))
        paths.append(path)
    return paths


@pytest.fixture(scope="module")
def sample_handouts(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The repository's sample project built in a copy (es, ar, zh_Hans and English)."""
    root = tmp_path_factory.mktemp("sample")
    for name in ("source", "locales", "templates"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "kit.toml", root / "kit.toml")
    kit = [sys.executable, "-m", "kit"]
    for code in ("es", "ar", "zh_Hans"):
        subprocess.run(
            [*kit, "build", "--locale", code], cwd=root, capture_output=True, check=False
        )
    paths = sorted(root.glob("dist/*/*.pdf"))
    assert len(paths) >= 10, "the sample built too few handouts"
    return paths


def test_outloud_finds_no_errors_in_fixture_handouts(fixture_handouts: list[Path]) -> None:
    found = [
        e
        for p, r in zip(fixture_handouts, outloud(fixture_handouts), strict=True)
        for e in errors(p, r)
    ]
    assert found == []


def test_pdfua_finds_no_errors_in_fixture_handouts(fixture_handouts: list[Path]) -> None:
    results = pdfua(fixture_handouts)
    assert len(results) == len(fixture_handouts)
    found = [
        f"{r['file']}: {f['rule_id']}: {f['message']}"
        for r in results
        for f in r["findings"]
        if f["severity"] == "error"
    ]
    assert found == []


@pytest.mark.slow
def test_both_checkers_find_no_errors_in_the_sample(sample_handouts: list[Path]) -> None:
    found = [
        e
        for p, r in zip(sample_handouts, outloud(sample_handouts), strict=True)
        for e in errors(p, r)
    ]
    found += [
        f"{r['file']}: {f['rule_id']}: {f['message']}"
        for r in pdfua(sample_handouts)
        for f in r["findings"]
        if f["severity"] == "error"
    ]
    assert found == []


def test_outloud_tbl010_is_wrong_for_row_headers(tmp_path: Path) -> None:
    """A minimal, correct table with row headers: outloud still calls its headers shredded."""
    html = (
        '<html lang="en"><head><title>Doses</title></head><body><main><table>'
        "<caption>Doses by weight</caption>"
        '<thead><tr><th scope="col">Weight</th><th scope="col">Dose</th></tr></thead><tbody>'
        + "".join(
            f'<tr><th scope="row">{w} kg</th><td>{d} mL</td></tr>'
            for w, d in ((5, 2.5), (10, 5), (15, 7.5))
        )
        + "</tbody></table></main></body></html>"
    )
    result = engine.render(html, base_url=tmp_path.as_uri() + "/", roots=(tmp_path,))
    path = tmp_path / "doses.pdf"
    path.write_bytes(result.data)
    findings = outloud([path])[0]["findings"]
    assert [f["rule"] for f in findings if f["severity"] == "error"] == ["TBL-010"]
    assert scoped_tables(path, 1)  # yet every header has /Scope and every cell its headers
    scopes = [str(e.A.Scope) for e in walk_structure(pikepdf.open(path)) if e.S == "/TH"]
    assert scopes == ["/Column", "/Column", "/Row", "/Row", "/Row"]
