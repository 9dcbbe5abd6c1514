"""What CAT tools do to XLIFF and kit still reads: segmentation, other inline code forms."""

from __future__ import annotations

import pytest

from kit.errors import CatalogError
from kit.exchange.inline import Ref
from kit.exchange.units import XState
from kit.exchange.xliff_read import read_xliff

HEAD2 = '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="es"><file id="f" original="locales/es/LC_MESSAGES/fever.po">'
HEAD12 = '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file original="locales/es/LC_MESSAGES/fever.po" source-language="en" target-language="es" datatype="po"><body>'


def test_segmented_unit_with_sc_ec_codes() -> None:
    xml = (
        HEAD2
        + '<unit id="m0123456789ab"><originalData><data id="a">**</data><data id="b">**</data></originalData>'
        '<segment state="translated"><source>One <sc id="1" dataRef="a"/>two.</source><target>Uno <sc id="1" dataRef="a"/>dos.</target></segment>'
        "<ignorable><source> </source></ignorable>"
        '<segment state="reviewed"><source>Three<ec startRef="1" dataRef="b"/>.</source><target>Tres<ec startRef="1" dataRef="b"/>.</target></segment>'
        "</unit></file></xliff>"
    )
    (file,) = read_xliff(xml.encode(), "x.xlf")
    (unit,) = file.units
    assert file.slug == "fever" and file.target_lang == "es"
    assert unit.source == ("One ", Ref("1", "open"), "two.", " ", "Three", Ref("1", "close"), ".")
    assert unit.target == ("Uno ", Ref("1", "open"), "dos.", " ", "Tres", Ref("1", "close"), ".")
    assert unit.state is XState.TRANSLATED  # the least finished segment decides
    assert ("1", "open", "**") in unit.natives


def test_trados_style_mrk_segments_and_g_codes_in_1_2() -> None:
    xml = (
        HEAD12
        + '<trans-unit id="m0123456789ab"><source>Call <bpt id="1">[</bpt>us<ept id="1">](tel:1)</ept></source>'
        '<seg-source><mrk mtype="seg" mid="1">Call <bpt id="1">[</bpt>us<ept id="1">](tel:1)</ept></mrk></seg-source>'
        '<target state="needs-review-translation"><mrk mtype="seg" mid="1">Llame a <g id="1">nos</g></mrk></target></trans-unit>'
        "</body></file></xliff>"
    )
    (file,) = read_xliff(xml.encode(), "x.xlf")
    (unit,) = file.units
    assert unit.target == ("Llame a ", Ref("1", "open"), "nos", Ref("1", "close"))
    assert unit.state is XState.FUZZY and unit.line == 1


@pytest.mark.parametrize(
    ("attrs", "expected"),
    [
        ('approved="yes"><source>a</source><target state="signed-off">', XState.REVIEWED),
        ('approved="yes"><source>a</source><target>', XState.TRANSLATED),
        ('><source>a</source><target state="translated">', XState.TRANSLATED),
        ('approved="no"><source>a</source><target state="translated">', XState.FUZZY),
        (
            'approved="no"><source>a</source><target state="needs-translation" state-qualifier="rejected-inaccurate">',
            XState.MUST_RETRANSLATE,
        ),
    ],
)
def test_xliff_1_2_states(attrs: str, expected: XState) -> None:
    xml = (
        HEAD12
        + f'<trans-unit id="m0123456789ab" {attrs}b</target></trans-unit></body></file></xliff>'
    )
    assert read_xliff(xml.encode(), "x.xlf")[0].units[0].state is expected


def test_not_xliff() -> None:
    with pytest.raises(CatalogError, match=r"not an XLIFF 2\.x or 1\.2 file"):
        read_xliff(b"<html/>", "x.xlf")
