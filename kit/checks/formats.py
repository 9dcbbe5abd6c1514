"""``CheckReport`` → text, JSON, SARIF 2.1.0, JUnit XML or GitHub workflow annotations.

The JSON shape (documented in the README)::

    {"findings": [{"check", "severity", "locale", "document", "path", "line", "message",
                   "hint", "suppressed"}],
     "readability": [{"document", "locale", "formula", "score", "grade", "target",
                      "passed", "direction", "band", "proxy", "coverage", ...}],
     "summary": {"error", "warning", "info", "suppressed", "fail_on", "failed"}}

``suppressed`` is the suppression's reason, or null. ``line`` 0 means the file as a whole.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import asdict
from typing import Any
from xml.etree import ElementTree as ET

from kit import __version__
from kit.checks.finding import Finding, Severity
from kit.checks.registry import CHECKS
from kit.checks.report import CheckReport, Unread

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_GITHUB_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def finding_json(f: Finding) -> dict[str, Any]:
    return {
        "check": f.check,
        "severity": f.severity.value,
        "locale": f.locale,
        "document": f.document,
        "path": f.path,
        "line": f.line,
        "message": f.message,
        "hint": f.hint,
        "suppressed": f.suppressed_reason,
    }


def report_json(report: CheckReport) -> dict[str, Any]:
    return {
        "findings": [finding_json(f) for f in report.findings],
        "readability": [asdict(row) for row in report.readability],
        "summary": {**report.counts(), "fail_on": report.fail_on.value, "failed": report.failed},
        "unread": [asdict(u) for u in report.unread],
    }


def to_json(report: CheckReport) -> str:
    """``json.dumps(report_json(report), indent=2, ensure_ascii=False)``, the findings written
    by ``_findings_json``: the standard library's indented encoder is its Python one, and a
    large project has tens of thousands of findings (``tests/checks/test_formats.py`` holds
    the two to the same bytes). The pieces are joined once, into the one string returned."""
    pieces = ["{\n"]
    for index, (key, value) in enumerate(report_json(report).items()):
        pieces.append((",\n  " if index else "  ") + _STRING(key) + ": ")
        if key == "findings":
            pieces.extend(_findings_json(value))
        else:
            pieces.append(json.dumps(value, indent=2, ensure_ascii=False).replace("\n", "\n  "))
    pieces.append("\n}\n")
    return "".join(pieces)


_STRING: Callable[[str], str] = json.encoder.encode_basestring  # C, as ensure_ascii=False


def _findings_json(findings: list[dict[str, Any]]) -> Iterator[str]:
    """The findings list at depth 1, each finding a flat object of strings, integers and
    nulls, in pieces, as ``json.dumps(..., indent=2)`` writes them."""
    if not findings:
        yield "[]"
        return
    yield "[\n"
    for index, item in enumerate(findings):
        yield ",\n    {\n" if index else "    {\n"
        yield ",\n".join(f"      {_STRING(key)}: {_scalar(value)}" for key, value in item.items())
        yield "\n    }"
    yield "\n  ]"


def _scalar(value: object) -> str:
    if isinstance(value, str):
        return _STRING(value)
    if value is None:
        return "null"
    if isinstance(value, bool) or not isinstance(value, int):
        return json.dumps(value)
    return int.__repr__(value)


def to_text(report: CheckReport) -> str:
    lines: list[str] = []
    for f in report.findings:
        where = f"{f.path}:{f.line}" if f.line else f.path
        label = f"suppressed {f.severity.value}" if f.suppressed else f.severity.value
        lines.append(f"{where}: {label} [{f.check}] ({f.locale}, {f.document}) {f.message}")
        if f.suppressed:
            lines.append(f"    reason: {f.suppressed_reason}")
        elif f.hint:
            lines.append(f"    hint: {f.hint}")
    if report.readability:
        lines += ["", "Reading level:"]
        lines += [_readability_line(r) for r in report.readability]
    c = report.counts()
    verdict = "FAILED" if report.failed else "passed"
    if report.unread:  # their findings are missing: not a pass
        verdict = f"not checked: {len(report.unread)} file(s) could not be read"
    lines += [
        "",
        f"{c['error']} error(s), {c['warning']} warning(s), {c['info']} info, {c['suppressed']} "
        f"suppressed; fails on {report.fail_on.value}: {verdict}",
    ]
    return "\n".join(lines) + "\n"


def _readability_line(r: Any) -> str:
    # a proxy's name says so ("proxy: mean sentence length (words)", kit.readability.proxies)
    score = "not measured" if r.score is None else f"{r.formula} {r.score:g}"
    target = (
        "no target"
        if r.target is None
        else f"target {'≤' if r.direction == 'max' else '≥'} {r.target:g}"
    )
    verdict = {True: "ok", False: "above target", None: "-"}[r.passed]
    partial = f", {r.coverage:g}% translated" if r.coverage < 100 else ""
    return f"  {r.document} [{r.locale}]: {score}; {target}: {verdict}{partial}"


def to_sarif(report: CheckReport) -> str:
    index = {spec.id: i for i, spec in enumerate(CHECKS)}
    rules = [
        {
            "id": spec.id,
            "shortDescription": {"text": spec.what},
            "help": {"text": spec.fix},
            "defaultConfiguration": {"level": _SARIF_LEVEL[spec.severity]},
        }
        for spec in CHECKS
    ]
    results = [_sarif_result(f, index[f.check]) for f in report.findings]
    run: dict[str, Any] = {
        "tool": {"driver": {"name": "kit", "version": __version__, "rules": rules}},
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    if report.unread:  # SARIF's place for "this input could not be analysed"
        notices = [_sarif_unread(u) for u in report.unread]
        run["invocations"] = [{"executionSuccessful": False, "toolExecutionNotifications": notices}]
    log = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def _sarif_unread(u: Unread) -> dict[str, Any]:
    location: dict[str, Any] = {"artifactLocation": {"uri": u.path, "uriBaseId": "%SRCROOT%"}}
    if u.line > 0:
        location["region"] = {"startLine": u.line}
    text = f"not checked: {u.message}" + (f"\nHint: {u.hint}" if u.hint else "")
    return {
        "level": "error",
        "message": {"text": text},
        "locations": [{"physicalLocation": location}],
    }


def _sarif_result(f: Finding, rule_index: int) -> dict[str, Any]:
    location: dict[str, Any] = {"artifactLocation": {"uri": f.path, "uriBaseId": "%SRCROOT%"}}
    if f.line > 0:
        location["region"] = {"startLine": f.line}
    result: dict[str, Any] = {
        "ruleId": f.check,
        "ruleIndex": rule_index,
        "level": _SARIF_LEVEL[f.severity],
        "message": {"text": f.message + (f"\nHint: {f.hint}" if f.hint else "")},
        "locations": [{"physicalLocation": location}],
        "properties": {"locale": f.locale, "document": f.document},
    }
    if f.suppressed_reason is not None:
        result["suppressions"] = [{"kind": "inSource", "justification": f.suppressed_reason}]
    return result


def to_junit(report: CheckReport) -> str:
    suites = ET.Element("testsuites", name="kit check")
    groups: dict[str, list[Finding]] = {}
    for f in report.findings:
        groups.setdefault(f.locale, []).append(f)
    for locale, _ in report.checked:
        groups.setdefault(locale, [])
    totals = {"tests": 0, "failures": 0, "skipped": 0}
    for locale in sorted(groups):
        suite = _junit_suite(report, locale, groups[locale])
        for key in totals:
            totals[key] += int(suite.get(key, "0"))
        suites.append(suite)
    if report.unread:
        suites.append(_junit_unread(report.unread))
    for key, value in totals.items():
        suites.set(key, str(value))
    suites.set("errors", str(len(report.unread)))
    ET.indent(suites)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
    )


def _junit_unread(unread: tuple[Unread, ...]) -> ET.Element:
    """The files that could not be read, each a test case in error."""
    suite = ET.Element("testsuite", name="kit check: files not read", tests=str(len(unread)))
    suite.set("failures", "0")
    suite.set("errors", str(len(unread)))
    suite.set("skipped", "0")
    for u in unread:
        case = ET.SubElement(
            suite, "testcase", classname="kit.unread", name=f"{u.path}:{u.line}", file=u.path
        )
        case.set("line", str(u.line))
        ET.SubElement(case, "error", message=u.message, type="unread").text = u.hint
    return suite


def _junit_suite(report: CheckReport, locale: str, findings: list[Finding]) -> ET.Element:
    suite = ET.Element("testsuite", name=f"kit check {locale}")
    failures = skipped = 0
    for doc in sorted({d for loc, d in report.checked if loc == locale}):
        ET.SubElement(suite, "testcase", classname=f"kit.{locale}.{doc}", name="checked")
    for f in findings:
        case = ET.SubElement(
            suite,
            "testcase",
            classname=f"kit.{f.locale}.{f.document}",
            name=f"{f.check} {f.path}:{f.line}",
            file=f.path,
            line=str(f.line),
        )
        if f.suppressed:
            ET.SubElement(case, "skipped", message=f"suppressed: {f.suppressed_reason}")
            skipped += 1
        elif f.severity.reaches(report.fail_on):
            failure = ET.SubElement(case, "failure", message=f.message, type=f.severity.value)
            failure.text = f.hint
            failures += 1
        else:
            ET.SubElement(
                case, "system-out"
            ).text = f"{f.severity.value}: {f.message}\nhint: {f.hint}"
    suite.set("tests", str(len(suite)))
    suite.set("failures", str(failures))
    suite.set("errors", "0")
    suite.set("skipped", str(skipped))
    return suite


def to_github(report: CheckReport) -> str:
    lines = []
    for f in report.findings:
        level = "notice" if f.suppressed else _GITHUB_LEVEL[f.severity]
        props = [f"file={_prop(f.path)}"]
        if f.line > 0:
            props.append(f"line={f.line}")
        props.append(f"title={_prop(f'{f.check} ({f.locale})')}")
        text = f"suppressed ({f.suppressed_reason}): {f.message}" if f.suppressed else f.message
        if f.hint and not f.suppressed:
            text += f"\nhint: {f.hint}"
        lines.append(f"::{level} {','.join(props)}::{_data(text)}")
    for u in report.unread:
        props = [f"file={_prop(u.path)}", *([f"line={u.line}"] if u.line > 0 else [])]
        props.append(f"title={_prop('kit check: file not read')}")
        text = u.message + (f"\nhint: {u.hint}" if u.hint else "")
        lines.append(f"::error {','.join(props)}::{_data(text)}")
    return "".join(line + "\n" for line in lines)


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


FORMATS: dict[str, Callable[[CheckReport], str]] = {
    "text": to_text,
    "json": to_json,
    "sarif": to_sarif,
    "junit": to_junit,
    "github": to_github,
}


def render(report: CheckReport, fmt: str) -> str:
    return FORMATS[fmt](report)
