"""Report formats: the documented JSON shape, SARIF 2.1.0 valid against the official OASIS
schema (tests/fixtures/checks/sarif-schema-2.1.0.json, the errata01 schema
https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json),
JUnit XML and GitHub workflow annotations."""

from __future__ import annotations

import json
from pathlib import Path
from xml.etree import ElementTree as ET

import jsonschema
from hypothesis import given, settings
from hypothesis import strategies as st

from kit.checks.finding import Finding, Severity
from kit.checks.formats import report_json, to_github, to_json, to_junit, to_sarif, to_text
from kit.checks.reading_level import Hardest, ReadabilityRow
from kit.checks.registry import CHECKS, markdown_table
from kit.checks.report import CheckReport, Unread

SCHEMA = Path(__file__).parent.parent / "fixtures" / "checks" / "sarif-schema-2.1.0.json"

FINDINGS = (
    Finding(
        "translation.numbers",
        Severity.ERROR,
        "es",
        "fever",
        "locales/es/LC_MESSAGES/fever.po",
        20,
        "numbers differ: missing 2; added 3",
        "Keep every number.",
    ),
    Finding(
        "alt.punctuation",
        Severity.INFO,
        "en",
        "fever",
        "source/fever.md",
        12,
        "alt text does not end with punctuation: 'A nurse, 100% sure'",
        "End it with a period.",
    ),
    Finding(
        "translation.not-started",
        Severity.INFO,
        "ko",
        "fever",
        "locales/ko/LC_MESSAGES/fever.po",
        0,
        "no catalog",
        "run `kit init ko`",
    ),
    Finding(
        "freshness.source-expired",
        Severity.ERROR,
        "en",
        "fever",
        "source/fever.md",
        5,
        "last reviewed 2018-12-01",
        "Re-review.",
        "sample content; re-review before use",
    ),
)
ROW = ReadabilityRow(
    "fever",
    "en",
    "Flesch-Kincaid grade",
    6.2,
    6.2,
    None,
    False,
    8.0,
    "max",
    "AMA/NIH",
    True,
    100.0,
    120,
    12,
    (Hardest("A long sentence.", 9.1),),
    (),
)
REPORT = CheckReport(
    FINDINGS, (ROW,), Severity.ERROR, (("en", "fever"), ("es", "fever"), ("ko", "fever"))
)


def test_json_shape_is_the_documented_one() -> None:
    data = json.loads(to_json(REPORT))
    assert set(data) == {"findings", "readability", "summary", "unread"}
    assert data["unread"] == []
    first = data["findings"][0]
    assert set(first) == {
        "check",
        "severity",
        "locale",
        "document",
        "path",
        "line",
        "message",
        "hint",
        "suppressed",
    }
    assert (
        first["check"] == "translation.numbers"
        and first["line"] == 20
        and first["suppressed"] is None
    )
    assert data["findings"][3]["suppressed"] == "sample content; re-review before use"
    row = data["readability"][0]
    assert {"document", "locale", "formula", "score", "grade", "target", "passed"} <= set(row)
    assert row["hardest"] == [{"text": "A long sentence.", "score": 9.1}]
    assert data["summary"] == {
        "error": 1,
        "warning": 0,
        "info": 2,
        "suppressed": 1,
        "fail_on": "error",
        "failed": True,
    }


def test_sarif_is_valid_against_the_official_schema() -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    log = json.loads(to_sarif(REPORT))
    jsonschema.Draft4Validator.check_schema(schema)
    jsonschema.Draft4Validator(schema).validate(log)
    results = log["runs"][0]["results"]
    assert [r["level"] for r in results] == ["error", "note", "note", "error"]
    assert "region" not in results[2]["locations"][0]["physicalLocation"]  # line 0: the whole file
    assert results[3]["suppressions"] == [
        {"kind": "inSource", "justification": "sample content; re-review before use"}
    ]
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [c.id for c in CHECKS]
    assert all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in results)


def test_sarif_of_an_empty_report_is_valid() -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(
        json.loads(to_sarif(CheckReport((), (), Severity.ERROR)))
    )


def test_junit_counts_failures_and_skips() -> None:
    root = ET.fromstring(to_junit(REPORT))
    assert root.tag == "testsuites"
    assert (root.get("failures"), root.get("skipped"), root.get("errors")) == ("1", "1", "0")
    suites = {s.get("name"): s for s in root.iter("testsuite")}
    assert set(suites) == {"kit check en", "kit check es", "kit check ko"}
    es = suites["kit check es"]
    failure = es.find("testcase/failure")
    assert failure is not None and failure.get("message") == "numbers differ: missing 2; added 3"
    for suite in suites.values():
        assert int(suite.get("tests", "0")) == len(suite.findall("testcase"))
    assert root.find(".//skipped") is not None


def test_github_annotations_escape_data_and_properties() -> None:
    lines = to_github(REPORT).splitlines()
    assert lines[0] == (
        "::error file=locales/es/LC_MESSAGES/fever.po,line=20,title=translation.numbers (es)::"
        "numbers differ: missing 2; added 3%0Ahint: Keep every number."
    )
    assert "100%25 sure" in lines[1] and lines[1].startswith(
        "::notice file=source/fever.md,line=12,"
    )
    assert lines[2].startswith("::notice file=locales/ko/LC_MESSAGES/fever.po,title=")
    assert (
        lines[3].startswith("::notice ")
        and "suppressed (sample content; re-review before use)" in lines[3]
    )


def test_text_report_shows_suppressed_findings_with_their_reason() -> None:
    text = to_text(REPORT)
    assert "source/fever.md:5: suppressed error [freshness.source-expired]" in text
    assert "    reason: sample content; re-review before use" in text
    assert "fever [en]: Flesch-Kincaid grade 6.2; target ≤ 8: ok" in text
    assert text.rstrip().endswith("fails on error: FAILED")


def test_text_report_names_a_proxy_once() -> None:
    """A proxy's formula already says so ("proxy: ..."); the line must not say it twice."""
    from dataclasses import replace

    from kit.readability.proxies import MEAN_SENTENCE_WORDS

    proxy = replace(
        ROW, locale="am", formula=MEAN_SENTENCE_WORDS, score=5.17, proxy=True, target=20.0
    )
    text = to_text(replace(REPORT, readability=(proxy,)))
    assert "fever [am]: proxy: mean sentence length (words) 5.17; target ≤ 20: ok" in text
    assert text.count("proxy") == 1


def test_registry_ids_are_unique_and_documented() -> None:
    ids = [c.id for c in CHECKS]
    assert len(ids) == len(set(ids))
    table = markdown_table()
    assert all(f"`{i}`" in table for i in ids)


def test_every_check_id_used_in_the_code_is_registered() -> None:
    import re

    from kit.checks.registry import BY_ID

    root = Path(__file__).resolve().parent.parent.parent / "kit" / "checks"
    pattern = re.compile(
        r'"((?:translation|glossary|alt|reading|freshness|source|suppression)\.[a-z-]+)"'
    )
    used = {
        m for path in root.glob("*.py") for m in pattern.findall(path.read_text(encoding="utf-8"))
    }
    assert used and used <= set(BY_ID)


_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.builds(
            Finding,
            _TEXT,
            st.sampled_from(list(Severity)),
            _TEXT,
            _TEXT,
            _TEXT,
            st.integers(min_value=0, max_value=10**9),
            _TEXT,
            _TEXT,
            st.none() | _TEXT,
        ),
        max_size=5,
    )
)
def test_json_report_is_the_standard_librarys_indented_json(findings: list[Finding]) -> None:
    """``to_json`` writes the findings itself (the standard library's indented encoder is
    its slow Python one): the bytes must be exactly ``json.dumps(..., indent=2)``'s, for any
    text (quotes, backslashes, control characters, any script)."""
    report = CheckReport(tuple(findings), REPORT.readability, Severity.WARNING)
    expected = json.dumps(report_json(report), indent=2, ensure_ascii=False) + "\n"
    assert to_json(report) == expected


UNREAD = Unread("locales/so/LC_MESSAGES/kit.po", 166, "unterminated string", "close the string")
PARTIAL = CheckReport(FINDINGS, (ROW,), Severity.ERROR, (("en", "fever"),), (UNREAD,))


def test_a_file_that_could_not_be_read_is_in_every_machine_format() -> None:
    """A coordinator's CI reads the report, not stderr: a catalog kit check could not read
    (its findings are missing) is named in each machine format, at its file and line."""
    assert json.loads(to_json(PARTIAL))["unread"] == [
        {
            "path": "locales/so/LC_MESSAGES/kit.po",
            "line": 166,
            "message": "unterminated string",
            "hint": "close the string",
        }
    ]
    assert to_github(PARTIAL).endswith(
        "::error file=locales/so/LC_MESSAGES/kit.po,line=166,title=kit check%3A file not read"
        "::unterminated string%0Ahint: close the string\n"
    )
    suites = ET.fromstring(to_junit(PARTIAL))
    assert suites.get("errors") == "1"
    error = suites.find("testsuite/testcase[@classname='kit.unread']/error")
    assert error is not None and error.get("message") == "unterminated string"
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    log = json.loads(to_sarif(PARTIAL))
    jsonschema.Draft4Validator(schema).validate(log)
    (invocation,) = log["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    (notice,) = invocation["toolExecutionNotifications"]
    where = notice["locations"][0]["physicalLocation"]
    assert (notice["level"], where["artifactLocation"]["uri"], where["region"]["startLine"]) == (
        "error",
        "locales/so/LC_MESSAGES/kit.po",
        166,
    )
    assert "invocations" not in json.loads(to_sarif(REPORT))["runs"][0]  # all read: as before
    assert to_text(PARTIAL).endswith(
        "fails on error: not checked: 1 file(s) could not be read\n"
    )  # not "passed": the unread file's findings are missing
