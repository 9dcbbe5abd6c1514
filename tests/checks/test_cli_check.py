"""``kit check`` end to end on a small fixture project (tests/fixtures/checks/project) and on
the repository's own sample project: exit codes, formats, input errors."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from kit.cli import main

FIXTURE = Path(__file__).parent.parent / "fixtures" / "checks" / "project"
REPO = Path(__file__).resolve().parent.parent.parent


@pytest.fixture
def project(tmp_path: Path) -> Path:
    target = tmp_path / "project"
    shutil.copytree(FIXTURE, target)
    return target


def kit(project: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--project", str(project), "check", *args])


def test_an_error_fails_the_run_and_is_reported_at_its_po_line(project: Path) -> None:
    result = kit(project, "--format", "json")
    assert result.exit_code == 1, result.output
    data = json.loads(result.stdout)
    errors = [f for f in data["findings"] if f["severity"] == "error" and not f["suppressed"]]
    assert [(f["check"], f["locale"], f["path"], f["line"]) for f in errors] == [
        ("translation.numbers", "ar", "locales/ar/LC_MESSAGES/fever.po", 12)
    ]
    suppressed = [f for f in data["findings"] if f["suppressed"]]
    assert [(f["check"], f["suppressed"]) for f in suppressed] == [
        ("translation.numbers", "112 is the emergency number in Spain")
    ]
    levels = {(r["document"], r["locale"]): r for r in data["readability"]}
    assert levels[("fever", "en")]["formula"] == "Flesch-Kincaid grade"
    assert levels[("fever", "es")]["passed"] is True


def test_a_clean_locale_passes_and_strict_fails_on_warnings(project: Path) -> None:
    assert kit(project, "--locale", "es").exit_code == 0
    strict = kit(project, "--locale", "es", "--strict")
    assert strict.exit_code == 1
    assert "freshness.unreviewed" in strict.stdout


def test_fail_on_from_kit_toml(project: Path) -> None:
    config = project / "kit.toml"
    config.write_text(config.read_text().replace('fail_on = "error"', 'fail_on = "warning"'))
    assert kit(project, "--locale", "es").exit_code == 1


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "junit", "github"])
def test_every_format_goes_to_stdout(project: Path, fmt: str) -> None:
    result = kit(project, "--format", fmt)
    assert result.exit_code == 1
    assert "translation.numbers" in result.stdout
    assert result.stderr == ""


def test_unknown_check_id_in_disable_is_an_input_error_with_file_and_line(project: Path) -> None:
    config = project / "kit.toml"
    config.write_text(
        config.read_text().replace('fail_on = "error"', 'fail_on = "error"\ndisable = ["alt.nope"]')
    )
    result = kit(project)
    assert result.exit_code == 2
    line = config.read_text().splitlines().index('disable = ["alt.nope"]') + 1
    assert f"kit.toml:{line}: checks.disable: unknown check id 'alt.nope'" in result.stderr
    assert "alt.missing" in result.stderr  # the hint lists the family's ids


def test_disabling_a_check_removes_its_findings(project: Path) -> None:
    config = project / "kit.toml"
    config.write_text(
        config.read_text().replace(
            'fail_on = "error"', 'fail_on = "error"\ndisable = ["translation.numbers"]'
        )
    )
    result = kit(project, "--format", "json")
    assert result.exit_code == 0
    assert all(f["check"] != "translation.numbers" for f in json.loads(result.stdout)["findings"])


def test_malformed_glossary_is_an_input_error_with_file_and_line(project: Path) -> None:
    (project / "locales" / "es" / "glossary.csv").write_text(
        "source,target\nfever\n", encoding="utf-8"
    )
    result = kit(project)
    assert result.exit_code == 2
    assert (
        "locales/es/glossary.csv:2: glossary row needs both a source and a target term"
        in result.stderr
    )


def test_a_glossary_saved_by_a_spreadsheet_is_read(project: Path) -> None:
    """Excel in most of Europe separates with ";"; a glossary saved there still applies."""
    glossary = project / "locales" / "es" / "glossary.csv"
    glossary.write_bytes(b"\xef\xbb\xbfsource;target;note\r\nfever;fiebre;not temperatura\r\n")
    report = json.loads(kit(project, "--format", "json").stdout)
    assert not [f for f in report["findings"] if f["check"].startswith("input")]
    commas = json.loads(
        kit_with_glossary(project, "source,target,note\nfever,fiebre,not temperatura\n").stdout
    )
    assert report["findings"] == commas["findings"]


def kit_with_glossary(project: Path, text: str) -> Result:
    (project / "locales" / "es" / "glossary.csv").write_text(text, encoding="utf-8")
    return kit(project, "--format", "json")


def test_a_glossary_in_a_code_page_is_an_input_error_with_its_line(project: Path) -> None:
    (project / "locales" / "es" / "glossary.csv").write_bytes(
        "source,target\nfever,fiebre\nlumbar puncture,punción lumbar\n".encode("cp1252")
    )
    result = kit(project)
    assert result.exit_code == 2
    assert "locales/es/glossary.csv:3: glossary is not UTF-8 text (byte 0xf3" in result.stderr
    assert "'CSV UTF-8 (Comma delimited)'" in result.stderr


def test_unknown_locale_is_an_input_error(project: Path) -> None:
    assert kit(project, "--locale", "../etc").exit_code == 2


def test_the_sample_project_passes_with_no_errors() -> None:
    result = CliRunner().invoke(main, ["--project", str(REPO), "check", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["summary"]["error"] == 0
    expired = [f for f in data["findings"] if f["check"] == "freshness.source-expired"]
    assert expired and all(
        f["suppressed"] for f in expired
    )  # the honest 2018 date, suppressed with a reason
    assert {r["locale"] for r in data["readability"]} >= {"en", "es", "zh_Hans", "vi", "ar"}


def test_the_sample_project_sarif_is_valid() -> None:
    import jsonschema

    schema_path = Path(__file__).parent.parent / "fixtures" / "checks" / "sarif-schema-2.1.0.json"
    result = CliRunner().invoke(main, ["--project", str(REPO), "check", "--format", "sarif"])
    assert result.exit_code == 0, result.output
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(json.loads(result.stdout))


def test_a_broken_catalog_is_reported_after_the_findings_of_every_other(project: Path) -> None:
    """One translator's syntax error used to leave the report empty, every other locale's
    findings (and the same locale's other catalogs) unreported. Now the report is the rest's,
    and the file that could not be read is an input error at its line: exit 2."""
    whole = json.loads(kit(project, "--format", "json").stdout)["findings"]
    po = project / "locales" / "es" / "LC_MESSAGES" / "fever.po"
    po.write_text(po.read_text(encoding="utf-8") + '\nmsgid "x"\nmsgstr "y\n', encoding="utf-8")
    line = po.read_text(encoding="utf-8").count("\n")
    result = kit(project, "--format", "json")
    assert result.exit_code == 2
    found = json.loads(result.stdout)["findings"]
    assert found == [f for f in whole if f["path"] != "locales/es/LC_MESSAGES/fever.po"]
    assert any(f["locale"] == "ar" and f["check"] == "translation.numbers" for f in found)
    assert json.loads(result.stdout)["unread"] == [
        {
            "path": "locales/es/LC_MESSAGES/fever.po",
            "line": line,
            "message": "unterminated string",
            "hint": 'close the string with " on the same line; continue it on the next line with '
            'a new "..." string',
        }
    ]
    assert f"Error: locales/es/LC_MESSAGES/fever.po:{line}: unterminated string" in result.stderr
    assert "not checked: 1 file(s) could not be read (exit 2)" in result.stderr


def test_a_broken_source_document_is_reported_after_the_findings_of_every_other(
    project: Path,
) -> None:
    """A source whose front matter does not parse is an input error; the other documents are
    still checked and reported."""
    whole = json.loads(kit(project, "--format", "json").stdout)["findings"]
    (project / "source" / "broken.md").write_text("---\ntitle: [unclosed\n---\n\nText.\n")
    result = kit(project, "--format", "json")
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    assert data["findings"] == whole
    assert [(u["path"], u["line"]) for u in data["unread"]] == [("source/broken.md", 2)]
    assert "Error: source/broken.md:2:" in result.stderr
