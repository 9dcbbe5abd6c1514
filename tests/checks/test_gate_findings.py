"""The build's publish gate runs only the translation checks it decides by
(``translations.gate_findings``): for any catalog, those give exactly the gate checks'
findings ``kit check`` gives (``check_catalog``), so the build and ``kit check`` can never
disagree about what withholds a page, while the advice (coverage, identical translations,
glossary) is left to ``kit check``."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kit.build.gate import GATE_CHECKS
from kit.checks import translations
from kit.checks.finding import Finding, Place
from kit.checks.inputs import Options
from tests.checks._helpers import TODAY, catalog, entry, po, rules, source

SOURCES = (
    "Call [the clinic](tel:+15555550123) at 555-0123.",
    "Give **5 mL** of `paracetamol` every 6 hours.",
    "Do not give aspirin. See ![a chart](chart.png).",
    "Visit <https://example.org/fever> or write to care@example.org.",
    "Keep the line clean.",
)
PIECES = (
    "Llame a [la clínica](tel:+15555550123)",
    "[la clínica](tel:+15555550999)",
    " al 555-0123",
    " al 555-0999",
    " **5 mL**",
    " 5 mL",
    " 6 mL",  # with " cada 5 horas": the dose and the hours swapped
    " `paracetamol`",
    " cada 6 horas",
    " cada 8 horas",
    " cada 5 horas",
    " No dé aspirina.",
    " ![un gráfico](chart.png)",
    " ![un gráfico](other.png)",
    " <b>",
    "\u202e",
    "\u200b",
    " https://example.org/fever",
    " care@example.org",
    " [es]",
    " *",
    "Mantenga la vía limpia.",
)


def gate_part(found: list[Finding]) -> list[Finding]:
    return sorted((f for f in found if f.check in GATE_CHECKS), key=lambda f: f.sort_key)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.lists(st.sampled_from(PIECES), min_size=0, max_size=5).map("".join),
        min_size=len(SOURCES),
        max_size=len(SOURCES),
    ),
    st.sampled_from(["es", "ar", "zh", "ru"]),
)
def test_gate_findings_are_check_catalogs_gate_findings(translated: list[str], code: str) -> None:
    body = "\n\n".join(SOURCES) + "\n"
    unit = catalog(
        source(body),
        po(*(entry(s, t) for s, t in zip(SOURCES, translated, strict=True))),
        rules(code),
    )
    options = Options(TODAY, "en")
    full = gate_part(list(translations.check_catalog(unit, options)))
    assert gate_part(list(translations.gate_findings(unit, options))) == full


def test_a_changed_number_and_link_are_gate_findings_of_both() -> None:
    unit = catalog(
        source(SOURCES[0] + "\n"),
        po(entry(SOURCES[0], "Llame a [la clínica](tel:+15555550999) al 555-0999.")),
    )
    options = Options(TODAY, "en")
    found = gate_part(list(translations.gate_findings(unit, options)))
    assert {f.check for f in found} >= {"translation.links"}, found
    assert found == gate_part(list(translations.check_catalog(unit, options)))


# Characters next to which the short path of ``_faithful`` must not be taken (each can make a
# finding), and plain words around them.
_TRICKY = (
    "*", "_", "`", "[", "]", "(", ")", "<", ">", "\\", "&", "@", ":", "/", ".", "w", "W",
    "3", "\u0663", "\uff13", "\u200b", "\u200e", "\u061c", "\u2066", "\u202e", "\u2060",
    "\ufeff", "\x07", "\x85", "\n", " ", "a", "é", "\u4e00",
)  # fmt: skip
_TEXT = st.lists(
    st.sampled_from(_TRICKY)
    | st.sampled_from(
        ("www", "://", "http", "lorem", "5550123", "care@example.org", "example.org")
    ),
    max_size=12,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(_TEXT, _TEXT, st.sampled_from(["es", "ar", "zh", "ru"]))
def test_plain_prose_short_path_finds_what_the_comparison_finds(
    src: str, tgt: str, code: str
) -> None:
    """Plain prose on both sides is not compared (``_faithful``'s short path): whatever the
    texts, the short path gives exactly what comparing them gives."""
    place = Place(code, "fever", "locales/x.po")
    item = entry(src, tgt)
    compared = list(translations._compared(item, src, tgt, rules(code), "en", place))
    assert list(translations._faithful(item, rules(code), "en", place)) == compared
    if translations.plain_prose(src) and translations.plain_prose(tgt):
        assert compared == []
