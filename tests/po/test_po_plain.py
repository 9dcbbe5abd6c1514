"""Plain text is broken by ``kit.po.plain`` exactly where ``width_linebreaks`` (the port of
libunistring, checked against the C library in ``test_po_linebreak.py``) breaks it."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from kit.po.linebreak import POSSIBLE, PROHIBITED, UNDEFINED, width_linebreaks
from kit.po.plain import is_plain, plain_breaks
from kit.po.wrap import wrap_field

WORDS = [
    *"the dose is 5 mL, twice a day (morning/evening): don't skip it! well-known".split(),
    *"$5 10% 3.5 1,000 #2 a/b x-y (a) [b] {c} «es» ¿qué? ¡sí! niño–niña — …".split(),
    *"Преднизолон ребёнку Ελληνικά ምግብ الدواء https://example.org/a?b=c&d=e".split(),
    "x" * 90,
    "\\n",
    '\\"',
    "\\\\",
]
plain_text = st.lists(
    st.tuples(st.sampled_from(WORDS), st.sampled_from([" ", "  ", "", " ", "   "])), max_size=30
).map(lambda pairs: "".join(a + b for a, b in pairs))
random_text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=120
)


@settings(max_examples=500, deadline=None, database=None)
@given(
    st.one_of(plain_text, random_text.filter(is_plain)),
    st.integers(5, 90),
    st.integers(0, 30),
    st.sets(st.integers(0, 200), max_size=10),
)
@example("a " * 60, 77, 6, set())
@example("word" * 30 + " next", 77, 6, set())
@example("   lead", 3, 0, set())
def test_plain_text_breaks_where_width_linebreaks_breaks(
    text: str, width: int, column: int, prohibited: set[int]
) -> None:
    assert is_plain(text)
    overrides = [PROHIBITED if i in prohibited else UNDEFINED for i in range(len(text))]
    full = width_linebreaks(text, width, column, 0, overrides)[0]
    expected = [i for i in range(1, len(text)) if full[i] == POSSIBLE]
    assert plain_breaks(text, overrides, width, column) == expected


def test_what_is_plain() -> None:
    assert is_plain("Give 5 doses: niño, Преднизолон, الدواء, ምግብ (a/b) 10% $5 «x»")
    for other in ("白血病", "שלום", "e\u0301", "🇪🇸", "a\u200db", "tab\t", "nbsp\u3000"):
        assert not is_plain(other), other


@settings(max_examples=200, deadline=None, database=None)
@given(st.one_of(plain_text, random_text), st.sampled_from(["", "#~ ", "#| "]))
def test_wrapped_lines_fit_and_join_back(value: str, prefix: str) -> None:
    lines = wrap_field("msgstr", value, line_prefix=prefix)
    assert all(line.startswith(prefix) for line in lines)
