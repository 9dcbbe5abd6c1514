"""Markdown as inline codes: lossless both ways, on examples and on random text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kit.exchange.inline import Code, Ref, align, join, restore, split

PIECES = st.sampled_from(
    ["a", "b ", " ", "*", "**", "_", "`", "[", "]", "(", ")", "!", "<", ">", "\\", "\n",
     "https://x.org/a", "tel:911", "38 °C", "ß", "日本", "[t](u)", "`c`", "**b**", "*i*", "<https://x>"]
)  # fmt: skip
TEXT = st.lists(PIECES, max_size=14).map("".join)


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_split_then_join_gives_the_message_back(text: str) -> None:
    parts = split(text)
    assert join(parts) == text
    opened: list[str] = []
    for part in parts:  # codes nest properly
        if isinstance(part, Code) and part.kind == "open":
            opened.append(part.id)
        elif isinstance(part, Code) and part.kind == "close":
            assert opened.pop() == part.id
    assert not opened


@settings(max_examples=300, deadline=None)
@given(TEXT, TEXT)
def test_a_translation_aligned_to_its_source_is_kept_exactly(source: str, target: str) -> None:
    parts = align(target, split(source))
    assert join(parts) == target
    refs = tuple(p if isinstance(p, str) else Ref(p.id, p.kind) for p in parts)
    text, problems = restore(refs, split(source))
    assert text == target or problems


def test_links_emphasis_and_code() -> None:
    assert split("Call [us](tel:911) **now**, or read `x`.") == (
        "Call ",
        Code("1", "open", "[", "link"),
        "us",
        Code("1", "close", "](tel:911)", "link"),
        " ",
        Code("2", "open", "**", "bold"),
        "now",
        Code("2", "close", "**", "bold"),
        ", or read ",
        Code("3", "ph", "`x`", "code"),
        ".",
    )


def test_what_markdown_it_does_not_read_as_markup_stays_text() -> None:
    for text in ("2 * 3 * 4", "snake_case_word", "[not a link]", "a ** b"):
        assert split(text) == (text,)


def test_a_localized_link_address_stays_text_in_the_translation() -> None:
    parts = align("Lea [esto](https://es.example.org)", split("Read [this](https://example.org)"))
    assert parts == ("Lea [esto](https://es.example.org)",)


def test_restore_names_dropped_and_invented_codes() -> None:
    source = split("Call [us](tel:911) **now**")
    text, problems = restore(
        ("Llame ", Ref("2", "open"), "ya", Ref("2", "close"), Ref("7", "ph")), source
    )
    assert text == "Llame **ya**"
    assert problems == ("inline code 7 is not in the source", "inline code 1 (link) was dropped")
