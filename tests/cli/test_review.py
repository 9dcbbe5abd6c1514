"""kit review: sign-off that lapses by itself when a translation or its source changes."""

from __future__ import annotations

import json
from pathlib import Path

from kit.po import read_po, write_po_if_changed
from tests.cli.conftest import Run
from tests.cli.test_update import translate


def review_row(kit: Run, slug: str = "fever") -> dict[str, object]:
    data = json.loads(kit("status", "--format", "json", "--locale", "es").output)
    row = next(r for r in data["catalogs"] if r["document"] == slug)
    review: dict[str, object] = row["review"]
    return review


def test_sign_off_covers_what_is_translated_now(kit: Run, project: Path) -> None:
    kit("extract")
    kit("init", "es")
    translate(project, "es", "fever")
    out = kit(
        "review",
        "--locale",
        "es",
        "--reviewer",
        "Dr. Ana Ruiz",
        "--role",
        "clinical reviewer",
        "--method",
        "TEP",
        "--document",
        "fever",
        "--date",
        "2026-11-20",
    ).output
    assert "signed by Dr. Ana Ruiz" in out
    sidecar = project / "locales" / "es" / "LC_MESSAGES" / "fever.review.json"
    data = json.loads(sidecar.read_text(encoding="utf-8"))
    assert (
        data["signoffs"][0]["reviewer"] == "Dr. Ana Ruiz"
        and len(data["signoffs"][0]["entries"]) == 5
    )
    review = review_row(kit)
    assert review["reviewed"] == 5 and review["unreviewed"] == 0
    assert review["signoffs"] == [
        {
            "reviewer": "Dr. Ana Ruiz",
            "role": "clinical reviewer",
            "method": "TEP",
            "date": "2026-11-20",
            "stage": None,  # signed without --stage
        }
    ]


def test_editing_a_translation_after_review_makes_it_unreviewed(kit: Run, project: Path) -> None:
    kit("extract")
    kit("init", "es")
    path = translate(project, "es", "fever")
    kit(
        "review",
        "--locale",
        "es",
        "--reviewer",
        "R",
        "--role",
        "clinical reviewer",
        "--document",
        "fever",
    )
    po = read_po(path)
    po = po.with_entries(
        tuple(
            e.with_changes(msgstr=e.msgstr + " Gracias.") if e.msgid.startswith("Wash") else e
            for e in po.entries
        )
    )
    write_po_if_changed(path, po)
    review = review_row(kit)
    assert review["reviewed"] == 4 and review["unreviewed"] == 1


def test_editing_the_source_after_review_makes_it_unreviewed(kit: Run, project: Path) -> None:
    kit("extract")
    kit("init", "es")
    translate(project, "es", "fever")
    kit(
        "review",
        "--locale",
        "es",
        "--reviewer",
        "R",
        "--role",
        "clinical reviewer",
        "--document",
        "fever",
    )
    source = project / "source" / "fever.md"
    source.write_text(
        source.read_text().replace("central line.", "central line (port)."), encoding="utf-8"
    )
    kit("extract")
    kit("update")
    review = review_row(kit)
    assert (
        review["reviewed"] == 4
    )  # the edited sentence is fuzzy now, no longer counted as reviewed


def test_review_of_a_missing_catalog_is_an_error(kit: Run) -> None:
    kit("extract")
    out = kit(
        "review", "--locale", "es", "--reviewer", "R", "--role", "x", "--document", "fever", code=2
    ).output
    assert "no catalog to review" in out and "kit init es" in out


def test_corrupt_sidecar_is_reported_with_its_path(kit: Run, project: Path) -> None:
    kit("extract")
    kit("init", "es")
    (project / "locales" / "es" / "LC_MESSAGES" / "fever.review.json").write_text(
        "{oops", encoding="utf-8"
    )
    out = kit("status", "--locale", "es", code=2).output
    assert (
        "Error: locales/es/LC_MESSAGES/fever.review.json:1: review sign-off is not valid JSON"
        in out
    )
