"""kit export tmx / kit import tmx: reviewed translations out, an agency's memory in as fuzzy
suggestions only."""

from __future__ import annotations

from pathlib import Path

from translate.storage import tmx

from kit.catalog.states import State, state
from kit.po import read_po
from tests.cli.conftest import Run
from tests.exchange.conftest import po_path

AGENCY = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="SDL Trados" creationtoolversion="17" segtype="sentence" o-tmf="TW4Win" adminlang="en-US" srclang="en-US" datatype="rtf"/>
  <body>
    <tu><tuv xml:lang="en-US"><seg>Keep this page.</seg></tuv><tuv xml:lang="es-MX"><seg>Conserve esta página.</seg></tuv></tu>
    <tu><tuv xml:lang="en-US"><seg>Bring this page to every visit.</seg></tuv><tuv xml:lang="es-MX"><seg>Traiga esta página a cada cita.</seg></tuv></tu>
    <tu><tuv xml:lang="en-US"><seg>Give 3 tablets after breakfast.</seg></tuv><tuv xml:lang="es-MX"><seg>Dé 3 tabletas después del desayuno.</seg></tuv></tu>
    <tu><tuv xml:lang="en-US"><seg>Call <bpt i="1">[</bpt>us<ept i="1">](tel:1)</ept></seg></tuv><tuv xml:lang="fr-FR"><seg>Appelez-nous</seg></tuv></tu>
  </body>
</tmx>
"""


def test_export_holds_reviewed_current_translations_only(kit: Run, states: Path) -> None:
    out = kit("export", "tmx", "--locale", "es").output
    assert "written  dist/tmx/en-es.tmx (5 units)" in out
    store = tmx.tmxfile.parsefile(str(states / "dist" / "tmx" / "en-es.tmx"))
    pairs = {u.source: u.target for u in store.units}
    assert pairs["When to call"] == "Cuándo llamar"
    assert "Give 3 tablets after breakfast." not in pairs  # must retranslate
    assert "Use soap and warm running water." not in pairs  # fuzzy
    assert "Give 2 tablets after breakfast." not in pairs  # obsolete
    link = "Call [the ward](tel:+15551234567) if the fever is **over 38 °C**."
    assert pairs[link] == "Llame a [la sala](tel:+15551234567) si la fiebre es **de más de 38 °C**."
    text = (states / "dist" / "tmx" / "en-es.tmx").read_text(encoding="utf-8")
    assert (
        '<bpt i="1" x="1" type="link">[</bpt>the ward<ept i="1">](tel:+15551234567)</ept>' in text
    )
    assert kit("export", "tmx", "--locale", "es").output.count("unchanged") == 1


def test_unreviewed_adds_current_unreviewed_translations(kit: Run, states: Path) -> None:
    path = po_path(states)
    po = read_po(path)
    po = po.with_entries(
        tuple(
            e.with_changes(msgstr="Guarde esta página.") if e.msgid == "Keep this page." else e
            for e in po.entries
        )
    )
    from kit.po import write_po_if_changed

    write_po_if_changed(path, po)
    assert "(5 units)" in kit("export", "tmx", "--locale", "es").output
    assert "(6 units)" in kit("export", "tmx", "--locale", "es", "--unreviewed").output


def test_agency_memory_suggests_fuzzy_never_current_never_for_clinical_changes(
    kit: Run, states: Path
) -> None:
    (states / "kit.toml").write_text(
        (states / "kit.toml").read_text(encoding="utf-8")
        + "[update]\ntrust_exact_matches = true\n",
        encoding="utf-8",
    )
    agency = states / "acme.tmx"
    agency.write_text(AGENCY, encoding="utf-8")
    out = kit("import", "tmx", str(agency)).output
    assert (
        "written  locales/memory/acme.tmx (es: 3 units; kit update offers them as fuzzy suggestions)"
        in out
    )
    kit("update", "--locale", "es")
    po = {e.msgid: e for e in read_po(po_path(states)).active}
    keep = po["Keep this page."]
    assert keep.msgstr == "Conserve esta página." and state(keep) is State.FUZZY
    assert (
        "kit: from translation memory: agency memory locales/memory/acme.tmx"
        in keep.translator_comments
    )
    give = po[
        "Give 3 tablets after breakfast."
    ]  # the clinical change keeps its mark and stale text
    assert (
        state(give) is State.MUST_RETRANSLATE
        and give.msgstr == "Dé 2 tabletas después del desayuno."
    )
    # a message new since the last update gets its suggestion too, fuzzy
    source = states / "source" / "fever.md"
    text = source.read_text(encoding="utf-8") + "\nBring this page to every visit.\n"
    source.write_text(text, encoding="utf-8")
    kit("extract")
    kit("update", "--locale", "es")
    new = next(e for e in read_po(po_path(states)).active if e.msgid.startswith("Bring"))
    assert new.msgstr == "Traiga esta página a cada cita." and state(new) is State.FUZZY


def test_a_memory_for_other_languages_is_refused(kit: Run, states: Path) -> None:
    french = states / "fr.tmx"
    french.write_text(AGENCY.replace("es-MX", "fr-FR"), encoding="utf-8")
    out = kit("import", "tmx", str(french), code=2).output
    assert "Error: fr.tmx: no translation units from en into the project's locales" in out
    assert not (states / "locales" / "memory").exists()
