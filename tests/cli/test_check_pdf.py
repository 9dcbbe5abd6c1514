"""``kit check --pdf``: the PDF/UA checks of kit.pdf.verify on a project's built handouts,
reported in kit check's formats with its exit codes (issue 18)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from weasyprint import HTML

from kit.cli import main
from kit.pdf.verify import verify
from tests.cli.conftest import Run
from tests.cli.test_build import ready  # noqa: F401  (fixture)

BARE = """<html lang="es"><head><title>Fiebre</title>
<style>@page { @bottom-right { content: "Página " counter(page) } }</style></head>
<body><main><h1>Fiebre</h1><table><tr><td>5 kg</td><td>2,5 mL</td></tr>
<tr><td>10 kg</td><td>5 mL</td></tr></table></main></body></html>"""


def bare_weasyprint() -> bytes:
    """What WeasyPrint writes alone: footer tagged outside the tree, a table with no headers."""
    return HTML(string=BARE).write_pdf(pdf_variant="pdf/ua-1")  # type: ignore[no-any-return]


def pdf_ids(report: dict[str, object]) -> list[str]:
    findings = report["findings"]
    assert isinstance(findings, list)
    return sorted({f["check"] for f in findings if f["check"].startswith("pdf.")})


def test_verify_names_what_bare_weasyprint_leaves_out() -> None:
    problems = verify(bare_weasyprint())
    assert {p.check for p in problems} == {"pdf.artifacts", "pdf.table-headers"}
    assert any(p.page == 1 and "outside the tag tree" in p.message for p in problems)
    assert verify(b"not a pdf")[0].check == "pdf.tagged"


def check(project: Path, fmt: str, *extra: str) -> Result:
    return CliRunner().invoke(
        main,
        ["--project", str(project), "check", "--locale", "es", "--format", fmt, *extra],
        catch_exceptions=False,
    )


@pytest.mark.slow
def test_kit_check_pdf_passes_built_handouts_and_fails_a_bad_one(
    kit: Run,
    ready: Path,  # noqa: F811
) -> None:
    kit("build", "--locale", "es")
    assert sorted(p.name for p in (ready / "dist" / "es").glob("*.pdf"))
    without = check(ready, "json")
    result = check(ready, "json", "--pdf")
    assert result.exit_code == without.exit_code  # kit's own handouts add no finding
    assert pdf_ids(json.loads(result.output)) == []

    (ready / "dist" / "es" / "fever.pdf").write_bytes(bare_weasyprint())
    result = check(ready, "json", "--pdf")
    assert result.exit_code == 1
    assert pdf_ids(json.loads(result.output)) == ["pdf.artifacts", "pdf.table-headers"]
    sarif = json.loads(check(ready, "sarif", "--pdf").output)
    rules = {r["ruleId"] for run in sarif["runs"] for r in run["results"]}
    assert {"pdf.artifacts", "pdf.table-headers"} <= rules
    github = check(ready, "github", "--pdf").output
    assert "::error file=dist/es/fever.pdf,title=pdf.artifacts (es)::page 1%3A " in github or (
        "::error file=dist/es/fever.pdf,title=pdf.artifacts (es)::page 1: " in github
    )
    junit = ET.fromstring(check(ready, "junit", "--pdf").output)
    assert "pdf.table-headers" in ET.tostring(junit, encoding="unicode")
