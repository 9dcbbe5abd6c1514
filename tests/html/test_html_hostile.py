"""Hostile translations: translator text can never become markup, a script, a style or a
request. Every assertion is on the output bytes (and on a parse of them)."""

from __future__ import annotations

import pytest

from kit.html.inline import safe_image_src, safe_link
from kit.html.render import render_page
from tests.html.support import ROOT, document, localized, parse_html, po_file, published, site

HOSTILE = ROOT / "tests" / "fixtures" / "html" / "hostile"

# Everything a page may contain. Anything else in the output is an injection.
ALLOWED_TAGS = {
    "html",
    "head",
    "meta",
    "title",
    "link",
    "body",
    "a",
    "header",
    "nav",
    "main",
    "footer",
    "article",
    "div",
    "p",
    "ul",
    "ol",
    "li",
    "span",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "img",
    "figure",
    "figcaption",
    "table",
    "caption",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "blockquote",
    "pre",
    "code",
    "em",
    "strong",
    "br",
    "hr",
    "bdi",
    "bdo",
}
ALLOWED_ATTRS = {
    "lang",
    "dir",
    "class",
    "id",
    "href",
    "hreflang",
    "src",
    "alt",
    "title",
    "rel",
    "name",
    "content",
    "charset",
    "scope",
    "start",
    "role",
    "aria-labelledby",
    "aria-current",
    "tabindex",
    "translate",
}


def hostile_page() -> str:
    doc = document((HOSTILE / "source.md").read_text(encoding="utf-8"), "source/hostile.md")
    es = localized(doc, "es", (HOSTILE / "es.po").read_text(encoding="utf-8"))
    return render_page(es, site(), published(doc, localized(doc), es))


def assert_safe(html: str) -> None:
    parsed = parse_html(html)
    for tag, attrs in parsed.tags:
        assert tag in ALLOWED_TAGS, f"unexpected <{tag}>"
        for name, value in attrs:
            assert name in ALLOWED_ATTRS, f"unexpected attribute {name}= on <{tag}>"
            if name == "href" and tag == "a":
                assert safe_link(value or ""), value
            if name == "src":
                assert safe_image_src(value or ""), value
            lowered = (value or "").lower()
            for scheme in ("javascript:", "vbscript:", "data:", "file:"):
                assert scheme not in lowered, f"{scheme} in {name}= on <{tag}>"
    # Raw markup, as bytes: text shows "&lt;script&gt;", never "<script".
    for needle in (
        "<script",
        "<iframe",
        "<style",
        "<object",
        "<embed",
        "<svg",
        "<math",
        "<form",
        "<input",
        "<base",
        "<!--",
        "<![cdata",
    ):
        assert needle not in _markup_only(html).lower(), needle


def _markup_only(html: str) -> str:
    """The output with text content removed: only tags and their attributes remain."""
    parts = []
    depth = 0
    for ch in html:
        if ch == "<":
            depth = 1
        if depth:
            parts.append(ch)
        if ch == ">":
            depth = 0
            parts.append(" ")
    return "".join(parts)


def test_hostile_catalog_renders_an_inert_page() -> None:
    html = hostile_page()
    assert_safe(html)
    # Raw HTML is left out, never shown as escaped markup; script and style code with it.
    assert "<p> Guion.</p>" in html and "<p> Imagen.</p>" in html
    assert "&lt;script&gt;alert" not in html and "&lt;img" not in html and "alert(doc" not in html
    assert 'alt="Gráfico&quot; onerror=&quot;alert(1)"' in html
    assert "evil.example/pixel.png" not in html  # an image the source does not have
    assert "\u202e" not in html and "\u202c" not in html  # bidi overrides removed


def test_title_and_header_fields_are_escaped() -> None:
    html = hostile_page()
    title = parse_html(html).root.find("title")
    assert title.text().startswith("Traducciones")  # the <script> tags and code left out
    assert "alert('title')" not in html and "alert(1)</script>" not in html
    assert (
        "Traducido por &lt;script&gt;x&lt;/script&gt; Eve." in html
    )  # e-mail dropped, markup escaped
    assert "eve@example.org" not in html


@pytest.mark.parametrize(
    "translation",
    [
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        '<a href="javascript:alert(1)">x</a>',
        "<img src=x onerror=alert(1)>",
        "<svg/onload=alert(1)>",
        '<div style="background:url(javascript:alert(1))">x</div>',
        "<style>@import 'https://evil.example/x.css';</style>",
        "[x](javascript:alert(1))",
        "[x](JAVASCRIPT:alert(1))",
        "[x]( javascript:alert(1))",
        "[x](java&#x0A;script:alert(1))",
        "[x](&#106;avascript:alert(1))",
        "[x](data:text/html,<script>alert(1)</script>)",
        "[x](file:///etc/passwd)",
        "[x](//evil.example/)",
        "[x](\\\\evil.example\\share)",
        "<javascript:alert(1)>",
        "<data:text/html,x>",
        '[x](https://ok.example/ "a" onclick="b")',
        '[x](<https://ok.example/" onclick="b>)',
        "![x](https://evil.example/t.png)",
        "![x](file:///etc/passwd)",
        "![x](images/ok.svg)",  # not an image of the source paragraph either
        "<!-- comment --><![CDATA[x]]>",
        "<meta http-equiv=refresh content='0;url=https://evil.example/'>",
        "x\u202ey\u2066z\u2069",
        '" onmouseover="alert(1)',
        "{: onclick=alert(1)}",
    ],
)
def test_no_injection(translation: str) -> None:
    doc = document("## Heading\n\nSafe text.\n\n| A | B |\n| --- | --- |\n| c | d |\n")
    po = po_file(
        {
            "Safe text.": translation,
            "Heading": translation,
            "c": translation,
            "Fever in babies": translation,
        }
    )
    for code in ("es", "ar"):
        ldoc = localized(doc, code, po)
        assert_safe(render_page(ldoc, site(), published(doc, localized(doc), ldoc)))


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://example.org/x?y=1#z", True),
        ("http://example.org", True),
        ("mailto:help@example.org", True),
        ("tel:+15550100", True),
        ("other.html", True),
        ("../en/page.html", True),
        ("#section", True),
        ("?q=1", True),
        ("javascript:alert(1)", False),
        ("JavaScript:alert(1)", False),
        ("java%09script:alert(1)", False),
        ("data:text/html,x", False),
        ("vbscript:x", False),
        ("file:///etc/passwd", False),
        ("ftp://example.org/", False),
        ("//evil.example/", False),
        ("\\\\evil\\share", False),
        ("&#106;avascript:alert(1)", False),
        ("java\u200bscript:alert(1)", False),
    ],
)
def test_safe_link(url: str, ok: bool) -> None:
    assert safe_link(url) is ok


@pytest.mark.parametrize(
    ("src", "ok"),
    [
        ("images/x.svg", True),
        ("x.png", True),
        ("../secret.png", False),
        ("images/../../x.png", False),
        ("/etc/passwd", False),
        ("https://example.org/x.png", False),
        ("data:image/png;base64,AAAA", False),
        ("file:///etc/passwd", False),
        ("", False),
    ],
)
def test_safe_image_src(src: str, ok: bool) -> None:
    assert safe_image_src(src) is ok
