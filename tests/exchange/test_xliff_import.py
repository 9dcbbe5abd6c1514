"""kit import xliff: what comes back from a CAT tool is applied only where it is safe, checked,
and reported at the XLIFF file's line."""

from __future__ import annotations

import json
from pathlib import Path

from lxml import etree
from translate.misc.multistring import multistring
from translate.storage import xliff

from kit.catalog.states import State, state
from kit.po import PoEntry, read_po
from tests.cli.conftest import Run
from tests.exchange.conftest import po_path
from tests.exchange.test_xliff_export import NS2, export, uid

CALL = "Call [the ward](tel:+15551234567) if the fever is **over 38 °C**."
X = "{urn:oasis:names:tc:xliff:document:2.0}"


def entry(project: Path, msgid: str):  # type: ignore[no-untyped-def]
    return next(e for e in read_po(po_path(project)).active if e.msgid == msgid)


def unlined(entries: tuple[PoEntry, ...]) -> list[PoEntry]:
    return [e.with_changes(line=0) for e in entries]


def set_target(unit: etree._Element, text: str, state: str = "translated") -> None:
    segment = unit.find("x:segment", NS2)
    target = segment.find("x:target", NS2)
    if target is None:
        target = etree.SubElement(segment, f"{X}target")
    for child in list(target):
        target.remove(child)
    target.text = text
    segment.set("state", state)
    segment.attrib.pop("subState", None)


def cat_tool_edit(path: Path) -> dict[str, int]:
    """What a translator's CAT tool sends back: targets changed, one source tampered with,
    one inline code dropped. Returns the line of each edited unit."""
    tree = etree.parse(str(path))
    units = {u.get("id"): u for u in tree.iter(f"{X}unit")}
    lines = {}
    for msgid, text in {
        "Give 3 tablets after breakfast.": "Dé 3 tabletas después del desayuno.",
        "Use soap and warm running water.": "Use agua corriente tibia y jabón.",
        "Keep this page.": "Guarde esta página.",
    }.items():
        set_target(units[uid(msgid)], text)
        lines[msgid] = units[uid(msgid)].sourceline
    tampered = units[uid("When to call")]
    tampered.find("x:segment/x:source", NS2).text = "When to phone"
    set_target(tampered, "Cuándo telefonear")
    lines["When to call"] = tampered.sourceline
    call = units[uid(CALL)]
    target = call.find("x:segment/x:target", NS2)
    link = target.find("x:pc", NS2)  # the link: keep its text, drop the code
    assert link.getprevious() is None  # first child: its text joins the target's text
    target.text = (target.text or "") + (link.text or "") + (link.tail or "")
    target.remove(link)
    lines[CALL] = call.sourceline
    tree.write(str(path), encoding="UTF-8", xml_declaration=True)
    return lines


def test_a_cat_tool_edit_is_applied_with_the_right_findings(kit: Run, states: Path) -> None:
    path = export(kit, states)
    lines = cat_tool_edit(path)
    before = read_po(po_path(states))
    result = kit("import", "xliff", str(path), code=1)
    out = result.output
    rel = "dist/xliff/es/fever.xlf"
    # the tampered source: reported at its unit, not applied
    assert (
        f"{rel}:{lines['When to call']}: warning: source differs from the current message 'When to call'; not applied [xliff.stale]"
        in out
    )
    assert entry(states, "When to call").msgstr == "Cuándo llamar"
    # the dropped link: named, checked, imported as fuzzy
    assert f"{rel}:{lines[CALL]}: error: inline code 1 (link) was dropped [xliff.codes]" in out
    assert (
        f"{rel}:{lines[CALL]}: error: links differ: missing tel:+15551234567 [translation.links]"
        in out
    )
    call = entry(states, CALL)
    assert call.fuzzy and call.msgstr == "Llame a la sala si la fiebre es **de más de 38 °C**."
    # good targets: applied, must-retranslate and fuzzy become translated
    for msgid in (
        "Give 3 tablets after breakfast.",
        "Use soap and warm running water.",
        "Keep this page.",
    ):
        assert state(entry(states, msgid)) is State.TRANSLATED, msgid
    assert entry(states, "Use soap and warm running water.").previous_msgid is None
    assert "written  locales/es/LC_MESSAGES/fever.po (4 updated" in out
    # nothing else changed: obsolete entries, the plural, the header, comments
    after = read_po(po_path(states))
    assert unlined(after.obsolete) == unlined(before.obsolete)
    assert after.header.msgstr == before.header.msgstr
    pairs = zip(unlined(before.entries), unlined(after.entries), strict=True)
    changed = {e.msgid for e, f in pairs if e != f}
    assert changed == {
        CALL,
        "Give 3 tablets after breakfast.",
        "Use soap and warm running water.",
        "Keep this page.",
    }
    # idempotent
    again = kit("import", "xliff", str(path), code=1).output
    assert "unchanged  locales/es/LC_MESSAGES/fever.po" in again
    assert read_po(po_path(states)) == after


def test_a_stale_translation_stays_must_retranslate_whatever_the_file_says(
    kit: Run, states: Path
) -> None:
    path = export(kit, states)
    tree = etree.parse(str(path))
    unit = next(
        u for u in tree.iter(f"{X}unit") if u.get("id") == uid("Give 3 tablets after breakfast.")
    )
    unit.find("x:segment", NS2).set("state", "final")
    unit.find("x:segment", NS2).attrib.pop("subState")
    tree.write(str(path), encoding="UTF-8", xml_declaration=True)
    out = kit("import", "xliff", str(path), code=1).output
    assert "it still must be translated again [xliff.still-stale]" in out
    assert state(entry(states, "Give 3 tablets after breakfast.")) is State.MUST_RETRANSLATE


def test_reviewed_in_the_file_is_not_a_kit_review(kit: Run, states: Path) -> None:
    path = export(kit, states)
    tree = etree.parse(str(path))
    unit = next(u for u in tree.iter(f"{X}unit") if u.get("id") == uid("Keep this page."))
    set_target(unit, "Guarde esta página.", "reviewed")
    tree.write(str(path), encoding="UTF-8", xml_declaration=True)
    sidecar = po_path(states).with_name("fever.review.json")
    signoffs = json.loads(sidecar.read_text(encoding="utf-8"))
    out = kit("import", "xliff", str(path)).output
    assert "info: marked reviewed in the file" in out
    assert state(entry(states, "Keep this page.")) is State.TRANSLATED
    assert json.loads(sidecar.read_text(encoding="utf-8")) == signoffs
    status = json.loads(kit("status", "--format", "json", "--locale", "es").output)
    assert status["catalogs"][0]["review"]["unreviewed"] >= 1


def test_a_changed_number_is_reported_and_imported_as_fuzzy(kit: Run, states: Path) -> None:
    path = export(kit, states)
    tree = etree.parse(str(path))
    unit = next(u for u in tree.iter(f"{X}unit") if u.get("id") == uid("Keep this page."))
    set_target(unit, "Guarde esta página 2 días.")
    tree.write(str(path), encoding="UTF-8", xml_declaration=True)
    out = kit("import", "xliff", str(path), code=1).output
    assert (
        f"dist/xliff/es/fever.xlf:{unit.sourceline}: error: numbers differ: added 2 [translation.numbers]"
        in out
    )
    assert "imported as fuzzy because of the error(s) above [xliff.demoted]" in out
    assert entry(states, "Keep this page.").fuzzy


def test_xliff_1_2_edited_by_translate_toolkit_imports(kit: Run, states: Path) -> None:
    """Weblate and Pootle save XLIFF through translate-toolkit; what they write comes back."""
    path = export(kit, states, "1.2")
    store = xliff.xlifffile.parsefile(str(path))
    for unit in store.units:
        if unit.getid().endswith(uid("Keep this page.")):
            unit.target = "Guarde esta página."
            unit.markfuzzy(False)
        if unit.getid().endswith(uid("{n} tablet")):  # the plural group, as one unit
            assert unit.hasplural()
            unit.target = multistring(["{n} tableta", "{n} tabletitas", "{n} tabletas"])
            unit.markfuzzy(False)
    store.savefile(str(path))
    out = kit("import", "xliff", str(path)).output
    assert "2 updated" in out
    assert state(entry(states, "Keep this page.")) is State.TRANSLATED
    assert entry(states, "{n} tablet").msgstr_plural == (
        "{n} tableta",
        "{n} tabletitas",
        "{n} tabletas",
    )


def test_broken_and_foreign_files_are_errors_with_a_line(kit: Run, states: Path) -> None:
    path = export(kit, states)
    broken = states / "broken.xlf"
    broken.write_bytes(path.read_bytes()[:400])
    out = kit("import", "xliff", str(broken), code=2).output
    assert "Error: broken.xlf:" in out and "not well-formed XML" in out
    german = states / "de.xlf"
    german.write_bytes(path.read_bytes().replace(b'trgLang="es"', b'trgLang="de"'))
    out = kit("import", "xliff", str(german), code=2).output
    assert "Error: de.xlf:3: target language 'de' is not one of the project's locales" in out


def test_entities_are_never_expanded(kit: Run, states: Path) -> None:
    path = export(kit, states)
    text = path.read_text(encoding="utf-8")
    bomb = (
        '<!DOCTYPE xliff [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n'
    )
    text = text.replace("?>\n", "?>\n" + bomb, 1).replace(">Cuándo llamar<", ">&b;<")
    path.write_text(text, encoding="utf-8")
    kit("import", "xliff", str(path))
    assert entry(states, "When to call").msgstr == "Cuándo llamar"


def test_a_tool_that_resets_every_state_unpublishes_nothing(kit: Run, states: Path) -> None:
    path = export(kit, states)
    text = path.read_text(encoding="utf-8")
    for state_name in ('state="translated"', 'state="reviewed"'):
        text = text.replace(state_name, 'state="initial"')
    path.write_text(text, encoding="utf-8")
    before = po_path(states).read_bytes()
    assert "unchanged  locales/es/LC_MESSAGES/fever.po" in kit("import", "xliff", str(path)).output
    assert po_path(states).read_bytes() == before
