"""SVG images are rebuilt from an allow-list before they reach ``dist/`` (issue 12, item 6)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from kit.html.svg import ATTRIBUTES, ELEMENTS, SVG_NS, sanitize_svg
from tests.conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "svg"


def test_hostile_svg_matches_the_golden_file() -> None:
    cleaned = sanitize_svg((FIXTURES / "hostile.svg").read_bytes())
    assert cleaned.data == (FIXTURES / "hostile.expected.svg").read_bytes()
    assert cleaned.removed == (
        "<!DOCTYPE [...]> internal subset",
        "<?xml-stylesheet?>",
        "svg@onload",
        "<script>",
        "<script>",
        "<a>",
        "a@href",
        "rect@onmouseover",
        "<foreignObject>",
        "<set>",
        "<animate>",
        "image@href",
        "<style>",
        "use@href",
        "text@style",
        "&who;",
        "text@onclick",
    )


def test_the_golden_output_is_already_clean() -> None:
    golden = (FIXTURES / "hostile.expected.svg").read_bytes()
    again = sanitize_svg(golden)
    assert again.removed == () and again.data == golden


def test_an_svg_without_xmlns_is_put_in_the_svg_namespace() -> None:
    cleaned = sanitize_svg(b'<svg width="1"><rect onclick="x()"/><g><script>1</script></g></svg>')
    assert cleaned.data == (
        b"<?xml version='1.0' encoding='utf-8'?>\n"
        b'<svg xmlns="http://www.w3.org/2000/svg" width="1"><rect/><g/></svg>\n'
    )


def test_a_clean_svg_is_published_byte_for_byte() -> None:
    for path in sorted((ROOT / "source" / "images").glob("*.svg")):
        data = path.read_bytes()
        assert sanitize_svg(data).data == data, path.name
    plain = b'<svg xmlns="http://www.w3.org/2000/svg"><!-- note --><rect style="fill:red"/></svg>'
    assert sanitize_svg(plain).data == plain


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "not well-formed XML"),
        (b"<svg", "not well-formed XML"),
        (b"<html><script>x()</script></html>", "the root element is <html>"),
        (b'<svg xmlns="http://www.w3.org/1999/xhtml"/>', "the root element is <{http"),
    ],
)
def test_not_svg_is_refused(data: bytes, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        sanitize_svg(data)


DANGEROUS_ELEMENTS = ("script", "foreignObject", "set", "animate", "iframe", "a", "handler")
DANGEROUS_ATTRIBUTES = ("onload", "onclick", "onbegin", "href", "style", "fill")
VALUES = (
    "#g",
    "url(#g)",
    "javascript:alert(1)",
    "url(https://x.example/a)",
    "https://x.example/a.svg#i",
    "data:image/png;base64,AAAA",
    "data:text/html,<script>x</script>",
    "fill:red",
    "@import 'x.css'",
    "a\\75rl(x)",
)


def _trees() -> st.SearchStrategy[etree._Element]:
    names = st.sampled_from(sorted(ELEMENTS)[:12] + list(DANGEROUS_ELEMENTS) + ["image", "use"])
    attrs = st.dictionaries(
        st.sampled_from([*DANGEROUS_ATTRIBUTES, "width", "x", "clip-path"]),
        st.sampled_from(VALUES),
        max_size=3,
    )

    def build(node: tuple[str, dict[str, str], list[etree._Element]]) -> etree._Element:
        name, attributes, children = node
        element = etree.Element(f"{{{SVG_NS}}}{name}", nsmap={None: SVG_NS})
        for key, value in attributes.items():
            element.set(key, value)
        element.text = "t"
        for child in children:
            element.append(child)
        return element

    leaf = st.tuples(names, attrs, st.just([])).map(build)
    return st.recursive(
        leaf, lambda kids: st.tuples(names, attrs, st.lists(kids, max_size=3)).map(build)
    )


@settings(max_examples=200, deadline=None)
@given(st.lists(_trees(), max_size=4))
def test_whatever_goes_in_nothing_active_comes_out(children: list[etree._Element]) -> None:
    root = etree.Element(f"{{{SVG_NS}}}svg", nsmap={None: SVG_NS})
    root.set("onload", "x()")
    for child in children:
        root.append(child)
    cleaned = sanitize_svg(etree.tostring(root))
    tree = etree.fromstring(cleaned.data)
    for element in tree.iter():
        local = etree.QName(element).localname
        assert local in ELEMENTS, local
        for key, value in element.attrib.items():
            name = etree.QName(key).localname
            assert name in ATTRIBUTES and not name.startswith("on"), name
            assert "javascript" not in value and "https:" not in value and "@import" not in value
            if name == "href":
                assert value.startswith("#") or value.startswith("data:image/png")
    assert sanitize_svg(cleaned.data).removed == ()  # the output is a fixed point


PAGE = """---
title: Phases
summary: The three phases of treatment.
slug: phases
reviewed: 2024-01-01
---

Some text first.

![Three phases of treatment](images/{name} "The three phases")
"""


def _project(root: Path, svg: bytes, name: str = "phases.svg") -> Path:
    (root / "source" / "images").mkdir(parents=True)
    (root / "source" / "images" / name).write_bytes(svg)
    (root / "source" / "phases.md").write_text(PAGE.format(name=name), encoding="utf-8")
    (root / "kit.toml").write_text('[project]\nname = "t"\n', encoding="utf-8")
    shutil.copytree(ROOT / "templates", root / "templates")
    return root


def _build(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kit", "--project", str(root), "build", "--format", "html"],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "SOURCE_DATE_EPOCH": "1714521600"},
    )


def test_build_publishes_the_cleaned_svg(tmp_path: Path) -> None:
    root = _project(tmp_path, (FIXTURES / "hostile.svg").read_bytes())
    result = _build(root)
    assert result.returncode == 0, result.stderr
    published = (root / "dist" / "en" / "images" / "phases.svg").read_bytes()
    assert published == (FIXTURES / "hostile.expected.svg").read_bytes()


def test_build_refuses_an_svg_that_is_not_svg_at_the_source_line(tmp_path: Path) -> None:
    root = _project(tmp_path, b"<html><body onload='x()'>hi</body></html>")
    result = _build(root)
    assert result.returncode == 2
    assert (
        "Error: source/phases.md:10: image 'images/phases.svg' cannot be published: "
        "the root element is <html>, not an SVG <svg> element"
    ) in result.stderr
    assert not (root / "dist" / "en" / "images" / "phases.svg").exists()


XXE = (
    b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    b'<svg xmlns="http://www.w3.org/2000/svg"><text>&x;</text></svg>'
)


def test_external_entities_are_never_read() -> None:
    cleaned = sanitize_svg(XXE)
    assert cleaned.data == (
        b"<?xml version='1.0' encoding='utf-8'?>\n"
        b'<svg xmlns="http://www.w3.org/2000/svg"><text/></svg>\n'
    )
    assert cleaned.removed == ("<!DOCTYPE [...]> internal subset", "&x;")
    in_attribute = XXE.replace(b"<text>&x;</text>", b'<rect fill="&x;"/>')
    with pytest.raises(ValueError, match="external entity"):
        sanitize_svg(in_attribute)
