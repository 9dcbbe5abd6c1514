"""Reading level per document and locale: what is measured, coverage, targets, findings."""

from __future__ import annotations

from kit.checks.finding import Place, Severity
from kit.checks.reading_level import assess, prose, target_for

from ._helpers import source

BODY = """## Heading that is not measured

Wash your hands. Call us if your baby has a fever.

- cyclophosphamide
- Give the medicine with food.

> **Tip:** Keep a notebook.
"""
HARD = (
    "Hematopoietic cell transplantation necessitates comprehensive immunosuppressive "
    "prophylaxis administered intravenously throughout the peritransplantation interval.\n"
)
PLACE = Place("en", "fever", "source/fever.md")


def test_prose_leaves_out_headings_and_list_items_that_are_not_sentences() -> None:
    texts = [s.text for s in prose(source(BODY).document)]
    assert "Heading that is not measured" not in texts
    assert "cyclophosphamide" not in texts
    assert "Give the medicine with food." in texts
    assert "What to do when your baby has a fever." in texts  # the summary


def test_source_is_measured_against_the_default_target() -> None:
    result = assess(source(BODY).document, None, "en", target_for("en", None, None), PLACE, 2)
    assert result.row is not None
    assert (result.row.formula, result.row.direction, result.row.target) == (
        "Flesch-Kincaid grade",
        "max",
        8.0,
    )
    assert result.row.passed is True and result.findings == ()


def test_missing_the_target_is_a_warning_naming_the_hardest_sentence() -> None:
    doc = source(HARD).document
    result = assess(doc, None, "en", target_for("en", None, None), PLACE, 2)
    assert result.row is not None and result.row.passed is False
    [finding] = result.findings
    assert (finding.check, finding.severity, finding.line) == ("reading.level", Severity.WARNING, 2)
    assert "Hematopoietic cell transplantation" in finding.hint


def test_per_locale_targets_override_the_default() -> None:
    assert target_for("en", 6.0, None).limit == 6.0  # type: ignore[union-attr]
    assert target_for("es", None, 65.0).limit == 65.0  # type: ignore[union-attr]
    assert target_for("es", 6.0, None).limit == 55.0  # type: ignore[union-attr]  # wrong direction: ignored


def test_a_translation_is_measured_once_half_of_its_prose_is_translated() -> None:
    doc = source(BODY).document
    keys = [s.key for s in prose(doc)]
    few = {keys[0]: "Lávese las manos."}
    target = target_for("es", None, None)
    assert assess(doc, few, "es", target, PLACE, 4).row is None
    most = {
        keys[0]: "Qué hacer cuando su bebé tiene fiebre.",
        keys[1]: "Lávese las manos. Llámenos si su bebé tiene fiebre.",
        keys[2]: "Dé la medicina con comida.",
    }
    row = assess(doc, most, "es", target, PLACE, 4).row
    assert row is not None and row.formula == "INFLESZ" and 50 <= row.coverage < 100


def test_language_without_a_measure_is_reported_as_not_measured() -> None:
    doc = source(BODY).document
    result = assess(doc, None, "th", target_for("th", None, None), PLACE, 1)
    assert [f.check for f in result.findings] == ["reading.not-measured"]
