"""Merging a template into a catalog (kit.catalog.merge): nothing lost, nothing misapplied."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kit.catalog.merge import Memory, MergeOptions, merge
from kit.catalog.states import State, state
from kit.po.model import PoEntry, PoFile

HEADER = PoEntry(msgid="", msgstr="Language: es\nPOT-Creation-Date: 2024-01-01 00:00+0000\n")


def catalog(*pairs: tuple[str, str], obsolete: tuple[tuple[str, str], ...] = ()) -> PoFile:
    entries = [PoEntry(msgid=i, msgstr=s) for i, s in pairs]
    entries += [PoEntry(msgid=i, msgstr=s, obsolete=True) for i, s in obsolete]
    return PoFile(HEADER, tuple(entries))


def template(*msgids: str) -> PoFile:
    return PoFile(
        PoEntry(msgid="", msgstr="POT-Creation-Date: 2024-02-02 00:00+0000\n"),
        tuple(PoEntry(msgid=m, references=("source/x.md",)) for m in msgids),
    )


def find(po: PoFile, msgid: str, obsolete: bool = False) -> PoEntry:
    return next(e for e in po.entries if e.msgid == msgid and e.obsolete is obsolete)


def test_unchanged_message_keeps_translation_comments_and_flags() -> None:
    old = PoFile(
        HEADER,
        (
            PoEntry(
                "Wash your hands.",
                "Lávese las manos.",
                translator_comments=("checked",),
                flags=("no-wrap",),
            ),
        ),
    )
    new = merge(old, template("Wash your hands."), MergeOptions())
    entry = find(new, "Wash your hands.")
    assert (entry.msgstr, entry.translator_comments, entry.flags) == (
        "Lávese las manos.",
        ("checked",),
        ("no-wrap",),
    )
    assert entry.references == ("source/x.md",)
    assert state(entry) is State.TRANSLATED


def test_changed_message_is_a_fuzzy_suggestion_with_previous_msgid() -> None:
    old = catalog(
        ("Keep the medicine in a cool place.", "Guarde el medicamento en un lugar fresco.")
    )
    new = merge(old, template("Keep the medicine in a cool, dry place."), MergeOptions())
    entry = find(new, "Keep the medicine in a cool, dry place.")
    assert entry.fuzzy and entry.previous_msgid == "Keep the medicine in a cool place."
    assert entry.msgstr == "Guarde el medicamento en un lugar fresco."
    assert state(entry) is State.FUZZY
    # the reviewed pair stays as obsolete, so it comes back exactly if the old text returns
    assert find(new, "Keep the medicine in a cool place.", obsolete=True).msgstr.startswith(
        "Guarde"
    )


CLINICAL = [
    (
        "Give 2 tablets after breakfast.",
        "Give 3 tablets after breakfast.",
        "Dé 2 tabletas después del desayuno.",
    ),
    (
        "You should stop eating before the test.",
        "You should not stop eating before the test.",
        "Debe dejar de comer antes de la prueba.",
    ),
    (
        "Babies under 3 months need a check.",
        "Babies under 6 months need a check.",
        "Los bebés menores de 3 meses necesitan un control.",
    ),
    (
        "In an emergency, call 999.",
        "In an emergency, call 111.",
        "En una emergencia, llame al 999.",
    ),
]


def test_clinical_edits_must_be_retranslated_and_never_count_as_translated() -> None:
    for before, after, translation in CLINICAL:
        new = merge(catalog((before, translation)), template(after), MergeOptions())
        entry = find(new, after)
        assert state(entry) is State.MUST_RETRANSLATE, before
        assert entry.previous_msgid == before
        # clearing "fuzzy" without changing the stale text does not make it current
        assert state(entry.with_changes(flags=())) is State.MUST_RETRANSLATE
        # a new translation does
        assert (
            state(entry.with_changes(flags=(), msgstr=translation + " (revisado)"))
            is State.TRANSLATED
        )


def test_removed_message_is_kept_obsolete_and_restored_when_it_returns() -> None:
    old = catalog(("Call us.", "Llámenos."), ("Wash your hands.", "Lávese las manos."))
    gone = merge(old, template("Wash your hands."), MergeOptions())
    assert find(gone, "Call us.", obsolete=True).msgstr == "Llámenos."
    back = merge(gone, template("Call us.", "Wash your hands."), MergeOptions())
    entry = find(back, "Call us.")
    assert state(entry) is State.TRANSLATED and entry.msgstr == "Llámenos."
    assert not any(e.obsolete for e in back.entries)


def test_new_messages_are_empty_and_order_follows_the_template() -> None:
    old = catalog(("B", "b"), ("A", "a"))
    new = merge(old, template("A", "New text entirely unlike the others", "B"), MergeOptions())
    assert [e.msgid for e in new.active] == ["A", "New text entirely unlike the others", "B"]
    assert find(new, "New text entirely unlike the others").msgstr == ""


def test_trivial_changes_carry_over_only_when_opted_in() -> None:
    old = catalog(("Call us today.", "Llámenos hoy."))
    default = find(merge(old, template("Call us today!"), MergeOptions()), "Call us today!")
    opted = find(
        merge(old, template("Call us today!"), MergeOptions(carry_over_trivial=True)),
        "Call us today!",
    )
    assert state(default) is State.FUZZY
    assert state(opted) is State.TRANSLATED and opted.msgstr == "Llámenos hoy."


def test_translation_memory_prefills_fuzzy_with_origin() -> None:
    memory = Memory({"Call us.": ("Llámenos.", "locales/es/LC_MESSAGES/other.po")})
    entry = find(merge(catalog(), template("Call us."), MergeOptions(), memory), "Call us.")
    assert entry.msgstr == "Llámenos." and entry.fuzzy
    assert entry.translator_comments == (
        "kit: from translation memory: locales/es/LC_MESSAGES/other.po",
    )
    trusted = find(
        merge(catalog(), template("Call us."), MergeOptions(trust_exact_memory=True), memory),
        "Call us.",
    )
    assert state(trusted) is State.TRANSLATED


def test_prune_obsolete_drops_them() -> None:
    old = catalog(("Call us.", "Llámenos."), obsolete=(("Old.", "Viejo."),))
    assert merge(old, template("Something else"), MergeOptions(prune_obsolete=True)).obsolete == ()


def test_header_takes_the_template_creation_date() -> None:
    new = merge(catalog(), template("A"), MergeOptions())
    assert new.meta("POT-Creation-Date") == "2024-02-02 00:00+0000"
    assert new.meta("Language") == "es"


def test_merging_twice_changes_nothing() -> None:
    old = catalog(("Give 2 tablets.", "Dé 2 tabletas."), ("Call us.", "Llámenos."))
    pot = template("Give 3 tablets.", "Phone us.")
    once = merge(old, pot, MergeOptions())
    assert merge(once, pot, MergeOptions()) == once


# -- property: every translation that ever existed is still in the catalog ------------------

WORDS = st.sampled_from(
    [
        "give",
        "take",
        "call",
        "wash",
        "not",
        "never",
        "2",
        "3",
        "10",
        "mg",
        "mL",
        "tablets",
        "days",
        "your",
        "baby",
        "the",
        "care",
        "team",
    ]
)
SENTENCE = st.lists(WORDS, min_size=1, max_size=8).map(" ".join)


@st.composite
def edit_sequences(draw: st.DrawFn) -> list[list[str]]:
    versions = [draw(st.lists(SENTENCE, min_size=1, max_size=6, unique=True))]
    for _ in range(draw(st.integers(1, 5))):
        current = list(versions[-1])
        for _ in range(draw(st.integers(1, 3))):
            op = draw(st.sampled_from(["edit", "add", "remove", "revert"]))
            if op == "edit" and current:
                i = draw(st.integers(0, len(current) - 1))
                current[i] = current[i] + " " + draw(WORDS)
            elif op == "add":
                current.append(draw(SENTENCE))
            elif op == "remove" and len(current) > 1:
                current.pop(draw(st.integers(0, len(current) - 1)))
            elif op == "revert":
                current = list(draw(st.sampled_from(versions)))
        versions.append(list(dict.fromkeys(current)))
    return versions


@settings(max_examples=150, deadline=None)
@given(edit_sequences())
def test_no_translation_is_ever_lost(versions: list[list[str]]) -> None:
    po = merge(catalog(), template(*versions[0]), MergeOptions())
    ever: set[str] = set()
    for n, msgids in enumerate(versions):
        # the translator translates every empty or fuzzy entry
        po = po.with_entries(
            tuple(
                e
                if e.obsolete or (e.msgstr and not e.fuzzy)
                else e.with_changes(msgstr=f"T{n}:{e.msgid}", flags=(), translator_comments=())
                for e in po.entries
            )
        )
        ever |= {e.msgstr for e in po.entries if e.msgstr}
        po = merge(po, template(*msgids), MergeOptions())
        present = {e.msgstr for e in po.entries if e.msgstr}
        assert ever <= present
        keys = [e.key for e in po.entries]
        assert len(keys) == len(set(keys)), "no duplicate entries"


def test_must_retranslate_stays_fuzzy_until_current_then_its_record_goes() -> None:
    old = catalog(("Give 2 tablets.", "Dé 2 tabletas."))
    marked = merge(old, template("Give 3 tablets."), MergeOptions())
    (entry,) = marked.active
    assert state(entry) is State.MUST_RETRANSLATE and entry.fuzzy
    cleared = marked.with_entries((entry.with_changes(flags=()),))  # flag cleared by hand
    (again,) = merge(cleared, template("Give 3 tablets."), MergeOptions()).active
    assert again == entry.with_changes(line=0)  # fuzzy and #| are back
    retranslated = marked.with_entries((entry.with_changes(msgstr="Dé 3 tabletas.", flags=()),))
    (current,) = merge(retranslated, template("Give 3 tablets."), MergeOptions()).active
    assert state(current) is State.TRANSLATED
    assert current.translator_comments == () and current.previous_msgid is None
