"""Any catalog, exported to XLIFF (either version) and read back unchanged, imports as no
change at all: ids, states, plural forms and inline codes survive the trip."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kit.catalog.review import ReviewLog
from kit.exchange.apply import plan_import
from kit.exchange.units import ExchangeFile, to_units
from kit.exchange.xliff_read import read_xliff
from kit.exchange.xliff_write import write_xliff
from kit.po.model import PoEntry, PoFile

PIECES = st.sampled_from(
    ["Take", " 2 ", "tablets", " ", "*", "**", "`", "[", "](", ")", "https://x.org", "\n",
     "[us](tel:911)", "**now**", "`code`", "Ω", "<", "&", "\\", "]]>", "日本語", "\t"]
)  # fmt: skip
TEXT = st.lists(PIECES, min_size=1, max_size=10).map("".join)


@st.composite
def entries(draw: st.DrawFn) -> PoEntry:
    msgid = draw(TEXT)
    context = draw(st.one_of(st.none(), st.sampled_from(["verb", "noun"])))
    fuzzy = draw(st.booleans())
    if draw(st.booleans()):
        forms = tuple(draw(st.lists(TEXT, min_size=3, max_size=3)))
        return PoEntry(
            msgid,
            msgctxt=context,
            msgid_plural=msgid + "s",
            msgstr_plural=forms,
            flags=("fuzzy",) if fuzzy else (),
        )
    msgstr = draw(st.one_of(st.just(""), TEXT))
    return PoEntry(msgid, msgstr, msgctxt=context, flags=("fuzzy",) if fuzzy and msgstr else ())


@settings(max_examples=60, deadline=None)
@given(
    st.lists(entries(), max_size=8, unique_by=lambda e: (e.msgctxt, e.msgid)),
    st.sampled_from(["2.1", "1.2"]),
)
def test_export_then_import_changes_nothing(items: list[PoEntry], version: str) -> None:
    po = PoFile(header=PoEntry(""), entries=tuple(items))
    data = write_xliff(
        ExchangeFile(
            "doc", "locales/es/LC_MESSAGES/doc.po", "en", "es", to_units(po, ReviewLog(), 3)
        ),
        version,
    )
    (returned,) = read_xliff(data, "doc.xlf")
    plan = plan_import(po, returned.units)
    assert plan.changes == () and plan.notices == ()
