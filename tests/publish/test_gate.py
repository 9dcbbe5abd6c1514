"""The publish gate lives in the build: ``kit build`` alone withholds an output whose catalog
has a link, contact, number or invisible-character error, with kit check's own suppressions,
and ``[publish] on_error`` chooses what happens."""

from __future__ import annotations

from pathlib import Path

import pytest

from kit.build.gate import GatePolicy, combine, evaluate
from kit.catalog.localize import Decision, PublishDecision
from kit.checks.characters import invisible
from kit.checks.finding import Finding, Severity
from kit.po import read_po, write_po_if_changed
from tests.cli.conftest import Run

TEL_PAGE = """---
title: Call us
summary: Who to call.
slug: call
reviewed: 2024-03-01
---

Call [+1 555 0100](tel:+15550100) day or night.

Wash your hands.
"""

SAFE = "Llame al [+1 555 0100](tel:+15550100) de día o de noche."
HOSTILE = "Llame al [+1 555 0100](tel:+15550199) de día o de noche."


def _finding(check: str, severity: Severity = Severity.ERROR, line: int = 7) -> Finding:
    return Finding(check, severity, "es", "call", "locales/es/call.po", line, "differs")


def test_invisible_characters_that_change_what_is_dialled() -> None:
    assert invisible("Call 555\u200b0100") == ("U+200B ZERO WIDTH SPACE",)
    assert invisible("[site](https://exa\u200bmple.org)") == ("U+200B ZERO WIDTH SPACE",)
    assert invisible("bell \x07 here") == ("U+0007 control character",)
    assert invisible("\u202eoo1 555") == ("U+202E RIGHT-TO-LEFT OVERRIDE",)
    # a word break in Thai, joiners and direction marks that scripts need are fine
    assert invisible("ภาษา\u200bไทย") == ()
    assert invisible("می\u200cخواهم \u200f") == ()
    assert invisible("line\n\ttab") == ()


def test_the_policy_maps_each_severity_and_the_worst_action_wins() -> None:
    found = [_finding("translation.links"), _finding("translation.numbers", Severity.WARNING)]
    assert evaluate(found, GatePolicy()).decision is Decision.WITHHOLD
    banner = GatePolicy(on_error=Decision.BANNER, on_warning=Decision.BANNER)
    assert evaluate(found, banner).decision is Decision.BANNER
    publish = GatePolicy(on_error=Decision.PUBLISH)
    assert evaluate(found, publish) == PublishDecision(Decision.PUBLISH)


def test_only_gate_checks_unsuppressed_count_and_reasons_name_file_and_line() -> None:
    found = [
        _finding("alt.punctuation"),
        _finding("translation.contacts").suppress("local number"),
        _finding("translation.links", line=12),
    ]
    result = evaluate(found, GatePolicy())
    assert result.reasons == ("translation.links at locales/es/call.po:12: differs",)
    many = evaluate([_finding("translation.links", line=n) for n in range(1, 6)], GatePolicy())
    assert len(many.reasons) == 4
    assert many.reasons[-1] == "and 2 more gate finding(s): run kit check"


def test_combine_keeps_the_worse_decision_and_both_reasons() -> None:
    low = PublishDecision(Decision.BANNER, ("below threshold",))
    gate = PublishDecision(Decision.WITHHOLD, ("translation.links at x.po:3: differs",))
    assert combine(low, gate) == PublishDecision(
        Decision.WITHHOLD, ("below threshold", "translation.links at x.po:3: differs")
    )
    assert combine(PublishDecision(Decision.PUBLISH), PublishDecision(Decision.PUBLISH)) == (
        PublishDecision(Decision.PUBLISH)
    )


@pytest.fixture
def tel_project(kit: Run, project: Path) -> Path:
    (project / "source" / "fever.md").unlink()
    (project / "source" / "hands.md").unlink()
    (project / "source" / "call.md").write_text(TEL_PAGE, encoding="utf-8")
    kit("extract")
    kit("init", "es")
    translate(project, SAFE)
    return project


def translate(root: Path, tel_text: str, comment: str = "") -> None:
    path = root / "locales" / "es" / "LC_MESSAGES" / "call.po"
    po = read_po(path)
    done = {
        "Call us": "Llámenos",
        "Who to call.": "A quién llamar.",
        "Wash your hands.": "Lávese las manos.",
    }

    def one(msgid: str) -> str:
        return tel_text if msgid.startswith("Call [") else done[msgid]

    entries = tuple(
        e.with_changes(
            msgstr=one(e.msgid),
            translator_comments=(comment,)
            if comment and e.msgid.startswith("Call [")
            else e.translator_comments,
        )
        for e in po.entries
    )
    write_po_if_changed(path, po.with_entries(entries))


def test_a_link_that_dials_another_number_is_withheld_by_build_alone(
    kit: Run, tel_project: Path
) -> None:
    page = tel_project / "dist" / "es" / "call.html"
    kit("build", "--format", "html")
    assert "tel:+15550100" in page.read_text(encoding="utf-8")
    translate(tel_project, HOSTILE)
    out = kit("build", "--format", "html").output  # exit 0: withholding is not a failure
    assert not page.exists()  # the page published before is taken down
    assert (
        " withheld  dist/es/call.html: translation.links at locales/es/LC_MESSAGES/call.po:" in out
    )
    assert "1 withheld, 0 failed" in out
    index = (tel_project / "dist" / "index.html").read_text(encoding="utf-8")
    assert "es/call.html" not in index


def test_kit_checks_suppression_applies_in_the_build_too(kit: Run, tel_project: Path) -> None:
    translate(tel_project, HOSTILE, comment="kit: ignore translation.links -- night line in Spain")
    out = kit("build", "--format", "html").output
    assert "withheld" not in out.replace("0 withheld", "")
    assert "tel:+15550199" in (tel_project / "dist" / "es" / "call.html").read_text("utf-8")


def test_on_error_banner_publishes_with_a_banner(kit: Run, tel_project: Path) -> None:
    with (tel_project / "kit.toml").open("a", encoding="utf-8") as toml:
        toml.write('on_error = "banner"\n')  # the fixture's kit.toml ends in [publish]
    translate(tel_project, HOSTILE)
    kit("build", "--format", "html")
    html = (tel_project / "dist" / "es" / "call.html").read_text(encoding="utf-8")
    assert 'class="kit-banner"' in html


def test_a_misspelled_policy_is_a_config_error(kit: Run, tel_project: Path) -> None:
    with (tel_project / "kit.toml").open("a", encoding="utf-8") as toml:
        toml.write('on_error = "hide"\n')
    out = kit("build", "--format", "html", code=2).output
    assert "publish.on_error: must be one of 'withhold', 'banner', 'publish'" in out


def test_a_cache_from_before_the_gate_is_not_trusted(kit: Run, tel_project: Path) -> None:
    import json

    translate(tel_project, HOSTILE)
    kit("build", "--format", "html")
    cache = tel_project / ".kit-cache" / "build.json"
    data = json.loads(cache.read_text(encoding="utf-8"))
    for record in data["decisions"].values():  # as a kit without the gate cached them
        record.pop("gate")
        record["decision"], record["reasons"] = "publish", []
    cache.write_text(json.dumps(data), encoding="utf-8")
    out = kit("build", "--format", "html").output
    assert " withheld  dist/es/call.html: translation.links" in out
