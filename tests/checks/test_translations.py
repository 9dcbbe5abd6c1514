"""Translation checks: the translation keeps the source's links, images, emphasis, code,
numbers and contacts; coverage, fuzzy and must-retranslate are reported per locale."""

from __future__ import annotations

import pytest

from kit.checks.finding import Place, Severity
from kit.checks.glossary import Glossary, Term
from kit.checks.prose import has_words
from kit.checks.translations import check_catalog, entry_findings

from ._helpers import catalog, checks, entry, options, po, rules, source

PLACE = Place("es", "fever", "locales/es/LC_MESSAGES/fever.po")


def found(msgid: str, msgstr: str, code: str = "es", **rule_changes: object) -> list[str]:
    return checks(
        list(entry_findings(entry(msgid, msgstr), rules(code, **rule_changes), "en", PLACE))
    )


@pytest.mark.parametrize(
    ("msgid", "msgstr"),
    [
        ("Give **2.5 mL** of medicine.", "Dé **2,5 mL** de medicina."),
        ("About 1,000 babies a year.", "Unos 1.000 bebés al año."),
        (
            "Search at [ClinicalTrials.gov](https://clinicaltrials.gov/).",
            "Busque en [ClinicalTrials.gov](https://clinicaltrials.gov/).",
        ),
        (
            "Call 555-0100 or write to care@example.org.",
            "Llame al 555-0100 o escriba a care@example.org.",
        ),
        ("Babies 1 year old or younger.", "Bebés de un año o menos."),
        ("Use the `kit` tool.", "Use la herramienta `kit`."),
    ],
)
def test_faithful_spanish_translations_pass(msgid: str, msgstr: str) -> None:
    assert found(msgid, msgstr) == []


@pytest.mark.parametrize(
    ("msgid", "msgstr", "check"),
    [
        ("Give 2 tablets.", "Dé 3 tabletas.", "translation.numbers"),
        ("Give 2.5 mL.", "Dé 25 mL.", "translation.numbers"),
        (
            "About 1,000 babies.",
            "Unos 1,000 bebés.",
            "translation.numbers",
        ),  # reads as "one" in Spanish
        ("See [the trial](https://a.example/x).", "Vea el ensayo.", "translation.links"),
        (
            "See [the trial](https://a.example/x).",
            "Vea [el ensayo](https://a.example/y).",
            "translation.links",
        ),
        ("Look: ![](img/a.svg)", "Mire: ![](img/b.svg)", "translation.images"),
        ("Watch for **relapse**.", "Vigile la **recaída.", "translation.emphasis"),
        ("Watch for **relapse**.", "Vigile la recaída.", "translation.emphasis-count"),
        ("Run `kit check`.", "Ejecute `kit revisar`.", "translation.code"),
        ("Call us.", "Llámenos <script>x</script>.", "translation.html"),
        ("Call 555-0100.", "Llame al 555-0199.", "translation.contacts"),
        ("Write to care@example.org.", "Escriba a ayuda@example.org.", "translation.contacts"),
        (
            "Read https://example.org/a first.",
            "Lea https://example.org/b primero.",
            "translation.contacts",
        ),
        ("Wash your hands often.", "Wash your hands often.", "translation.identical"),
    ],
)
def test_unsafe_translations_are_found(msgid: str, msgstr: str, check: str) -> None:
    assert check in found(msgid, msgstr)


def test_literal_brackets_are_text_not_stray_markers() -> None:
    """Brackets that form no link show as written, which is what a translator who writes a
    language tag or a note number means: nothing to report. A link lost to a broken bracket
    is still reported, as a link."""
    assert found("Call us.", "[so] Na soo wac.") == []
    assert found("See the guide [1].", "Vea la guía [1].") == []
    assert found("See the guide.", "Vea la guía ]") == []
    assert found("Watch for **relapse**.", "[es] Vigile la **recaída**.") == []
    link = "See [the trial](https://a.example/x)."
    assert "translation.links" in found(link, "Vea [el ensayo(https://a.example/x).")


def test_an_underscore_inside_a_word_is_text_not_a_stray_marker() -> None:
    """CommonMark never reads ``_`` between two letters or digits as emphasis ("zh_Hans",
    "file_name"): the translator means it as written. One at a word's edge is still a marker
    that did not pair up, whichever parser reads the message (markdown-it-py for the one
    with code, the short path for the others)."""
    assert found("Call us.", "[zh_Hans] 请打电话给我们。") == []
    assert found("Open the `form`.", "Abra el `form` formulario_de_ingreso.") == []
    assert found("Watch for relapse.", "Vigile la _recaída.") == ["translation.emphasis"]
    assert found("Open the `form`.", "Abra el `form` _ahora.") == ["translation.emphasis"]


def test_native_digits_and_arabic_decimal_separator_are_normalized() -> None:
    assert (
        found("Give 2.5 mL twice, about 90 babies.", "أعط ٢٫٥ مل مرتين، حوالي ٩٠ طفلا.", "ar") == []
    )
    assert found("Give 3 doses.", "给３剂。", "zh_Hans") == []
    assert found("Give 3 doses.", "给两剂。", "zh_Hans") == ["translation.numbers"]


def test_a_persian_thousand_written_with_the_decimal_separator_is_caught() -> None:
    # ٫ (U+066B) is the Arabic decimal separator: "۱٫۵۰۰" is 1.5 mL to a Persian reader,
    # whatever kit.toml says of the locale's marks; "۱٬۵۰۰" (U+066C) is 1,500.
    source = "Give your child 1,500 mL of fluids a day."
    wrong = "روزانه ۱٫۵۰۰ میلی‌لیتر مایعات به کودک بدهید."
    (finding,) = entry_findings(entry(source, wrong), rules("fa"), "en", PLACE)
    assert finding.check == "translation.numbers"
    assert finding.message == (
        "numbers differ: '۱٫۵۰۰' reads as 1.5, as '٫' (U+066B) is the Arabic decimal "
        "separator; the source has 1500"
    )
    assert "'۱٬۵۰۰'" in finding.hint
    assert found(source, wrong.replace("٫", "٬"), "fa") == []
    assert found(source, "أعط طفلك ١٫٥٠٠ مل من السوائل يوميا.", "ar_SA") == ["translation.numbers"]
    assert found("Give 1.5 mL.", "۱٫۵ میلی‌لیتر بدهید.", "fa") == []


def test_allowed_numbers_let_an_emergency_number_differ() -> None:
    assert found("In an emergency call 911.", "En una emergencia llame al 112.") == [
        "translation.numbers"
    ]
    allowed = frozenset({"911", "112"})
    assert (
        found(
            "In an emergency call 911.", "En una emergencia llame al 112.", allowed_numbers=allowed
        )
        == []
    )


def test_localized_urls_may_differ_but_not_disappear() -> None:
    msgid = "See [the guide](https://example.org/en/guide)."
    assert found(msgid, "Vea [la guía](https://example.org/es/guia).", localized_urls=True) == []
    assert found(msgid, "Vea la guía.", localized_urls=True) == ["translation.links"]
    relative = "See [the guide](guide.md)."
    assert found(relative, "Vea [la guía](guia.md).", localized_urls=True) == ["translation.links"]


def test_identical_is_fine_for_acronyms_numbers_and_allow_listed_names() -> None:
    assert found("KMT2A (MLL)", "KMT2A (MLL)") == []
    assert found("ClinicalTrials.gov", "ClinicalTrials.gov") == []
    assert found("cytarabine", "cytarabine") == ["translation.identical"]
    assert found("cytarabine", "cytarabine", identical_allowed=frozenset({"cytarabine"})) == []
    glossary = Glossary((Term("cytarabine", ("cytarabine",), "", 2),), "locales/vi/glossary.csv")
    assert found("cytarabine", "cytarabine", "vi", glossary=glossary) == []


def test_has_words() -> None:
    assert has_words("Wash your hands")
    assert not has_words("KMT2A (MLL) 2.5 mL https://x.org")


def test_fuzzy_and_must_retranslate_entries_are_reported_at_their_po_line() -> None:
    unit = source("Give 2 tablets.\n\nCall us.\n")
    stale = entry(
        "Give 3 tablets.",
        "Dé 2 tabletas.",
        fuzzy=True,
        comments=("kit: must-retranslate: number 2 → 3 [stale 000000000000]",),
        line=30,
    )
    catalog_po = po(entry("Give 2 tablets.", "Dé 2 tabletas.", fuzzy=True, line=22), stale)
    findings = list(check_catalog(catalog(unit, catalog_po), options()))
    fuzzy = [f for f in findings if f.check == "translation.fuzzy"]
    assert [f.line for f in fuzzy] == [22, 30]  # the stale hash does not match: plain fuzzy
    assert fuzzy[0].path == "locales/es/LC_MESSAGES/fever.po"


def test_must_retranslate_is_its_own_check() -> None:
    from kit.catalog.states import must_retranslate_comment

    old = entry("Give 3 tablets.", "Dé 2 tabletas.")
    marked = old.with_changes(
        flags=("fuzzy",), translator_comments=(must_retranslate_comment("number 2 → 3", old),)
    )
    findings = list(check_catalog(catalog(source("Give 3 tablets.\n"), po(marked)), options()))
    assert "translation.must-retranslate" in checks(findings)
    assert "number 2 → 3" in next(
        f.message for f in findings if f.check == "translation.must-retranslate"
    )


def test_coverage_below_threshold_is_a_warning_and_nothing_translated_is_info() -> None:
    unit = source("Wash your hands.\n\nCall us if your baby has a fever.\n")
    partial = po(
        entry("Fever in babies", "Fiebre en bebés"),
        entry("Wash your hands.", "Lávese las manos."),
        entry("What to do when your baby has a fever."),
        entry("Call us if your baby has a fever."),
    )
    missing = [
        f
        for f in check_catalog(catalog(unit, partial), options())
        if f.check == "translation.missing"
    ]
    assert [(f.severity, f.line) for f in missing] == [(Severity.WARNING, 4)]
    assert "% of source words translated" in missing[0].message
    # the hints name this locale's preview and setting, not a placeholder to fill in
    assert missing[0].hint == (
        "translate the rest (`kit serve --locale es` shows the page as you translate), "
        "or lower `[locale.es] threshold` in kit.toml"
    )
    empty = po(entry("Fever in babies"), entry("Wash your hands."))
    found = list(check_catalog(catalog(unit, empty), options()))
    assert checks(found) == ["translation.not-started", "translation.outdated"]
    hints = {f.check: f.hint for f in found}
    assert hints["translation.not-started"] == (
        "translate this catalog in Poedit, Weblate or a text editor; "
        "`kit serve --locale es` shows the page as you translate"
    )
    (absent,) = check_catalog(catalog(unit, None), options())
    assert (absent.check, absent.hint) == ("translation.not-started", "run `kit init es`")


def test_threshold_is_per_locale() -> None:
    unit = source("Wash your hands.\n\nCall us.\n")
    partial = po(
        entry("Fever in babies", "Fiebre en bebés"),
        entry("Wash your hands.", "Lávese las manos."),
        entry("What to do when your baby has a fever."),
        entry("Call us."),
    )
    low = rules("es", threshold=30)  # 6 of 16 words
    assert "translation.missing" not in checks(
        list(check_catalog(catalog(unit, partial, low), options()))
    )


def test_number_swaps_let_one_number_replace_another() -> None:
    swaps = frozenset({("911", "112")})
    assert (
        found("In an emergency call 911.", "En una emergencia llame al 112.", number_swaps=swaps)
        == []
    )
    assert found("Give 2 doses, call 911.", "Dé 3 dosis, llame al 112.", number_swaps=swaps) == [
        "translation.numbers"
    ]
