"""The pure stages of a bundle: what goes in, the gate, the time stamp, the check summary."""

from __future__ import annotations

import datetime as dt

import pytest

from kit.bundle.archive import Stamp, stamp_from, zip_time
from kit.bundle.checks import summarize
from kit.bundle.contents import owner, select
from kit.bundle.dashboard import file_label, findings_text, ordered_files
from kit.bundle.gate import locale_gate
from kit.bundle.model import BundleState, CheckSummary
from kit.catalog.localize import LocalizedDocument, PublishPolicy
from kit.checks.finding import Finding, Severity
from kit.errors import KitError
from tests.bundle.conftest import untranslated_reason
from tests.html.support import document, full_translation, localized, po_file

FEVER = document("## When to call\n\nCall us.\n")
WITHHOLD = PublishPolicy(threshold=100, below_threshold="withhold")


def fever(code: str, translated: bool) -> LocalizedDocument:
    texts = full_translation(FEVER, "ES")
    po = po_file(texts if translated else dict.fromkeys(texts, ""))
    return localized(FEVER, code, po, WITHHOLD)


def test_outputs_belong_to_their_document_only() -> None:
    slugs = ("fever", "fever-baby")
    assert owner("fever.html", slugs) == "fever"
    assert owner("fever.large-print.pdf", slugs) == "fever"
    assert owner("fever-baby.pdf", slugs) == "fever-baby"
    assert owner("fever.css", slugs) is None
    assert owner("assets/fever.html", slugs) is None
    assert owner("fever.a.b.pdf", slugs) is None


def test_selection_of_a_published_document() -> None:
    names = (
        "fever.html",
        "fever.pdf",
        "fever.bilingual.pdf",
        "assets/kit.css",
        "gone.pdf",
        ".x.tmp",
    )
    chosen = select("es", names, (fever("es", True),))
    assert chosen.files_of("fever") == ("es/fever.bilingual.pdf", "es/fever.html", "es/fever.pdf")
    assert chosen.assets == ("es/assets/kit.css",)
    assert chosen.left_out == (("es/gone.pdf", "no document with this slug in the source"),)
    assert chosen.missing == ()
    assert chosen.included == tuple(sorted(chosen.included))


def test_with_pdfs_every_print_variant_is_expected() -> None:
    handouts = {"fever": ("fever.pdf", "fever.large-print.pdf", "fever.bilingual.pdf")}
    chosen = select("es", ("fever.html", "fever.pdf"), (fever("es", True),), handouts)
    assert chosen.missing == ("es/fever.large-print.pdf", "es/fever.bilingual.pdf")
    assert select("es", ("fever.pdf",), (fever("es", True),)).missing == ()


def test_a_withheld_document_is_left_out_and_not_missing() -> None:
    chosen = select("es", ("fever.html",), (fever("es", False),))
    assert chosen.documents == ()
    assert chosen.left_out == (("es/fever.html", "fever is withheld"),)
    assert chosen.missing == ()


def test_a_published_document_without_outputs_is_missing() -> None:
    chosen = select("es", ("assets/kit.css",), (fever("es", True),))
    assert chosen.missing == ("es/fever.html",)


def test_the_gate_fails_on_any_withheld_document() -> None:
    assert locale_gate((fever("es", True),), "omit").state is BundleState.PUBLISHED
    omitted = locale_gate((fever("es", False),), "omit")
    assert omitted.state is BundleState.OMITTED
    assert omitted.reasons == (f"fever: {untranslated_reason()}",)
    assert locale_gate((fever("es", False),), "draft").state is BundleState.DRAFT


def test_stamp_from_epoch_or_newest_date() -> None:
    assert stamp_from("0", ()).when == dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
    assert zip_time(stamp_from("0", ())) == (1980, 1, 1, 0, 0, 0)  # a zip cannot say 1970
    dates = (dt.date(2024, 3, 1), dt.date(2025, 1, 2))
    assert stamp_from(None, dates) == Stamp(
        dt.datetime(2025, 1, 2, tzinfo=dt.UTC), "newest review date"
    )
    assert stamp_from("", dates).origin == "newest review date"
    with pytest.raises(KitError, match="SOURCE_DATE_EPOCH"):
        stamp_from("-5", dates)


def test_summary_counts_unsuppressed_findings_per_severity() -> None:
    def finding(severity: Severity, document: str = "fever") -> Finding:
        return Finding("x", severity, "es", document, "p", 1, "m")

    findings = (
        finding(Severity.ERROR),
        finding(Severity.WARNING),
        finding(Severity.WARNING),
        finding(Severity.ERROR).suppress("known"),
        finding(Severity.INFO, "hands"),
    )
    result = summarize(findings, (("es", "fever"), ("es", "hands"), ("ar", "fever")))
    assert result[("es", "fever")] == CheckSummary(error=1, warning=2)
    assert result[("es", "hands")] == CheckSummary(info=1)
    assert result[("ar", "fever")] == CheckSummary()


def test_dashboard_offers_the_page_then_the_handouts_in_the_index_order() -> None:
    files = ("es/fever.bilingual.pdf", "es/fever.html", "es/fever.large-print.pdf", "es/fever.pdf")
    assert ordered_files(files, "fever") == (
        "es/fever.html",
        "es/fever.pdf",
        "es/fever.large-print.pdf",
        "es/fever.bilingual.pdf",
    )


def test_dashboard_words() -> None:
    assert file_label("es/fever.large-print.pdf", "fever") == "Large-print PDF"
    assert file_label("es/fever.html", "fever") == "Web page"
    assert findings_text(None) == "Not checked"
    assert findings_text(CheckSummary()) == "No findings"
    assert findings_text(CheckSummary(error=1, warning=2)) == "1 error, 2 warnings"
