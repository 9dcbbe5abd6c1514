"""kit export xliff: what a CAT tool (and translate-toolkit, which Weblate uses) reads."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner
from lxml import etree
from translate.storage import xliff, xliff2

from kit.bidi import isolate_ltr
from kit.catalog.extract import MARKUP_HINT
from kit.cli import main
from kit.exchange.units import TAGS_HINT, unit_id
from kit.po import read_po, write_po_if_changed
from tests.cli.conftest import Run
from tests.conftest import ROOT
from tests.exchange.conftest import po_path

NS2 = {"x": "urn:oasis:names:tc:xliff:document:2.0"}
NS12 = {"x": "urn:oasis:names:tc:xliff:document:1.2"}


def xlf(project: Path, version: str = "2.1") -> Path:
    return project / "dist" / ("xliff" if version == "2.1" else "xliff12") / "es" / "fever.xlf"


def export(kit: Run, project: Path, version: str = "2.1") -> Path:
    folder = "dist/xliff" if version == "2.1" else "dist/xliff12"
    kit(
        "export", "xliff", "--locale", "es", "--version", version, "--output", str(project / folder)
    )
    return xlf(project, version)


def unit2(path: Path, msgid: str) -> etree._Element:
    (el,) = etree.parse(str(path)).xpath(f"//x:unit[@id='{uid(msgid)}']", namespaces=NS2)
    return el


def uid(msgid: str) -> str:
    from kit.po import PoEntry

    return unit_id(PoEntry(msgid=msgid))


def test_states_notes_and_no_obsolete_entries_in_xliff_2(kit: Run, states: Path) -> None:
    path = export(kit, states)
    root = etree.parse(str(path)).getroot()
    assert (
        root.get("version") == "2.1" and root.get("srcLang") == "en" and root.get("trgLang") == "es"
    )
    seg = {
        msgid: unit2(path, msgid).find("x:segment", NS2)
        for msgid in (
            "Fever after treatment",
            "Give 3 tablets after breakfast.",
            "Use soap and warm running water.",
            "Keep this page.",
        )
    }
    assert seg["Fever after treatment"].get("state") == "reviewed"
    assert (
        seg["Give 3 tablets after breakfast."].get("state"),
        seg["Give 3 tablets after breakfast."].get("subState"),
    ) == ("initial", "kit:must-retranslate")
    assert seg["Use soap and warm running water."].get("subState") == "kit:fuzzy"
    assert seg["Keep this page."].get("state") == "initial"
    assert seg["Keep this page."].find("x:target", NS2) is None
    notes = [
        n.text for n in unit2(path, "Give 3 tablets after breakfast.").iterfind(".//x:note", NS2)
    ]
    assert "Must be translated again: the source changed (number 2 → 3)." in notes
    assert "Section: When to call" in notes
    text = path.read_text(encoding="utf-8")
    assert "Wash your hands" not in text and "Use soap and warm water." not in text  # obsolete
    assert 'name="plural"' in text and f'id="{uid("{n} tablet")}-2"' in text


def test_markdown_becomes_inline_codes_the_cat_tool_protects(kit: Run, states: Path) -> None:
    path = export(kit, states)
    unit = unit2(path, "Call [the ward](tel:+15551234567) if the fever is **over 38 °C**.")
    source = etree.tostring(unit.find("x:segment/x:source", NS2), encoding="unicode")
    assert "tel:" not in source and "**" not in source and "[" not in source
    assert '<pc id="1" dataRefStart="d1" dataRefEnd="d1e" type="link">the ward</pc>' in source
    assert 'subType="xlf:b">over 38 °C</pc>' in source
    data = {d.get("id"): d.text for d in unit.iterfind(".//x:data", NS2)}
    assert data == {"d1": "[", "d1e": "](tel:+15551234567)", "d2": "**", "d2e": "**"}
    code = unit2(path, "Read the [leaflet](https://example.org/fever) before the `first dose`.")
    assert code.find(".//x:source/x:ph", NS2).get("type") == "other"


def test_notes_speak_of_tags_not_markdown_and_carry_no_stale_record(kit: Run, states: Path) -> None:
    """In a CAT tool the Markdown is tags: the note says to keep the tags. A must-retranslate
    record that a tool (polib) wrapped over two comment lines is kit's, not a translator's
    note: neither of its lines is exported."""
    path = po_path(states)
    po = read_po(path)
    wrapped = tuple(
        e.with_changes(translator_comments=_wrapped(e.translator_comments)) for e in po.entries
    )
    write_po_if_changed(path, po.with_entries(wrapped))
    assert "\n# [stale " in path.read_text(encoding="utf-8")
    xliff_file = export(kit, states)

    def notes(msgid: str) -> list[str]:
        return [n.text for n in unit2(xliff_file, msgid).iterfind(".//x:note", NS2)]

    linked = notes("Call [the ward](tel:+15551234567) if the fever is **over 38 °C**.")
    assert TAGS_HINT in linked and MARKUP_HINT not in linked
    stale = notes("Give 3 tablets after breakfast.")
    assert "Must be translated again: the source changed (number 2 → 3)." in stale
    assert not [n for n in stale if "stale" in n or n.startswith("kit:")]


def _wrapped(comments: tuple[str, ...]) -> tuple[str, ...]:
    """Each must-retranslate record on two lines, the stale hash on the second, as polib
    writes a long one."""
    out: list[str] = []
    for comment in comments:
        head, cut, tail = comment.partition(" [stale ")
        out += [head, f"[stale {tail}"] if cut else [comment]
    return tuple(out)


def test_translate_toolkit_reads_xliff_2_as_kit_means_it(kit: Run, states: Path) -> None:
    store = xliff2.Xliff2File.parsefile(str(export(kit, states)))
    units = {u.getid(): u for u in store.units}
    po = read_po(po_path(states))
    assert len(units) == len(po.active) - 1 + 3  # the plural message is a group of 3 forms
    give = units[uid("Give 3 tablets after breakfast.")]
    assert give.isfuzzy() and not give.istranslated()
    reviewed = units[uid("When to call")]
    assert reviewed.istranslated() and reviewed.target == "Cuándo llamar"
    call = units[uid("Call [the ward](tel:+15551234567) if the fever is **over 38 °C**.")]
    assert call.source == "Call the ward if the fever is over 38 °C."  # codes, not text


def test_xliff_1_2_for_older_cat_tools_through_translate_toolkit(kit: Run, states: Path) -> None:
    path = export(kit, states, "1.2")
    store = xliff.xlifffile.parsefile(str(path))
    units = {u.getid().split("\x04")[-1]: u for u in store.units}  # ttk prefixes the file name
    assert units[uid("When to call")].istranslated() and not units[uid("When to call")].isfuzzy()
    assert units[uid("Use soap and warm running water.")].isfuzzy()
    assert units[uid("Give 3 tablets after breakfast.")].isfuzzy()
    assert not units[uid("Keep this page.")].target
    root = etree.parse(str(path)).getroot()
    (must,) = root.xpath(
        f"//x:trans-unit[@id='{uid('Give 3 tablets after breakfast.')}']/x:target", namespaces=NS12
    )
    assert (must.get("state"), must.get("state-qualifier")) == (
        "needs-translation",
        "rejected-inaccurate",
    )
    (signed,) = root.xpath(f"//x:trans-unit[@id='{uid('When to call')}']/x:target", namespaces=NS12)
    assert signed.get("state") == "signed-off"
    (group,) = root.xpath("//x:group", namespaces=NS12)
    assert group.get("restype") == "x-gettext-plurals" and len(group) == 3
    call = root.xpath(
        f"//x:trans-unit[@id='{uid('Call [the ward](tel:+15551234567) if the fever is **over 38 °C**.')}']/x:source",
        namespaces=NS12,
    )[0]
    assert etree.tostring(call, encoding="unicode").count("<bpt") == 2


def test_unit_ids_are_stable_and_output_reproducible(kit: Run, states: Path) -> None:
    first = export(kit, states).read_bytes()
    out = kit("export", "xliff", "--locale", "es", "--output", str(states / "dist/xliff")).output
    assert "unchanged  dist/xliff/es/fever.xlf" in out
    assert xlf(states).read_bytes() == first


def test_the_sample_round_trips_without_a_change(tmp_path: Path) -> None:
    """Every sample catalog, exported in both versions and imported again, is left byte for byte."""
    sample = tmp_path / "sample"
    sample.mkdir()
    shutil.copy(ROOT / "kit.toml", sample / "kit.toml")
    for name in ("source", "locales", "templates"):
        shutil.copytree(ROOT / name, sample / name)
    before = {p: p.read_bytes() for p in sample.glob("locales/**/*.po")}
    for version in ("2.1", "1.2"):
        out = sample / "out" / version
        args = ["--project", str(sample), "export", "xliff", "--version", version]
        res = CliRunner().invoke(main, [*args, "--output", str(out)])
        assert res.exit_code == 0, res.output
        files = sorted(str(p) for p in out.glob("*/*.xlf"))
        assert len(files) == len(before) == 14
        res = CliRunner().invoke(main, ["--project", str(sample), "import", "xliff", *files])
        assert res.exit_code == 0, res.output
        assert res.output.count("unchanged  locales/") == 14 and "  written" not in res.output
    assert {p: p.read_bytes() for p in sample.glob("locales/**/*.po")} == before


def test_xliff_2_follows_the_core_constraints(kit: Run, states: Path) -> None:
    """No OASIS XSD is shipped by any package here, so the core specification's constraints
    that matter to CAT tools are checked by hand: element order in a unit, unique ids, every
    data reference resolved, codes in the target known from the source, valid states."""
    root = etree.parse(str(export(kit, states))).getroot()
    ids = [u.get("id") for u in root.iter(f"{{{NS2['x']}}}unit")]
    assert len(ids) == len(set(ids)) == 11
    for unit in root.iter(f"{{{NS2['x']}}}unit"):
        order = [etree.QName(c).localname for c in unit]
        assert order == sorted(order, key=["notes", "originalData", "segment"].index)
        data = {d.get("id") for d in unit.iterfind(".//x:data", NS2)}
        for code in unit.iterfind(".//x:pc", NS2):
            assert {code.get("dataRefStart"), code.get("dataRefEnd")} <= data
        for code in unit.iterfind(".//x:ph", NS2):
            assert code.get("dataRef") in data
        source = {c.get("id") for c in unit.iterfind("x:segment/x:source//*", NS2)}
        target = {c.get("id") for c in unit.iterfind("x:segment/x:target//*", NS2)}
        assert target <= source
        for segment in unit.iterfind("x:segment", NS2):
            assert segment.get("state") in ("initial", "translated", "reviewed", "final")
            sub = segment.get("subState")
            assert sub is None or sub.startswith("kit:")


def test_the_sample_memory_and_packets_read_back(tmp_path: Path) -> None:
    """The sample's TMX through translate-toolkit and its review packets through python-docx."""
    import docx
    from translate.storage import tmx

    from kit.po import read_po

    sample = tmp_path / "sample"
    sample.mkdir()
    shutil.copy(ROOT / "kit.toml", sample / "kit.toml")
    for name in ("source", "locales", "templates"):
        shutil.copytree(ROOT / name, sample / name)
    run = ["--project", str(sample), "export"]
    assert CliRunner().invoke(main, [*run, "tmx", "--unreviewed", "--locale", "ar"]).exit_code == 0
    store = tmx.tmxfile.parsefile(str(sample / "dist" / "tmx" / "en-ar.tmx"))
    po = read_po(sample / "locales" / "ar" / "LC_MESSAGES" / "infant-all.po")
    title = po.active[0]
    assert {u.source: u.target for u in store.units}[title.msgid] == title.msgstr
    assert CliRunner().invoke(main, [*run, "review", "--locale", "ar"]).exit_code == 0
    document = docx.Document(str(sample / "dist" / "review" / "ar" / "infant-all.docx"))
    rows = document.tables[1].rows
    assert len(rows) == 1 + len(po.active)
    assert rows[1].cells[2].text == title.msgstr
    html = (sample / "dist" / "review" / "ar" / "infant-all.html").read_text(encoding="utf-8")
    assert f'<td lang="ar" dir="rtl">{isolate_ltr(title.msgstr)}</td>' in html  # as on the page
    assert '<bdi dir="ltr">(ALL)</bdi>' in html
