"""SVG images are published only as pictures: nothing in them can run or fetch.

An SVG is a document, not just a picture: opened directly from the site (a family taps the
image, a search engine links it) its ``<script>``, ``onload=`` attributes, ``<foreignObject>``
HTML, ``javascript:`` links or ``<set>`` animations run with the site's origin, and external
references (``href="https://..."``, ``url(https://...)``, ``@import``, ``<?xml-stylesheet?>``)
make the reader's browser call other hosts. kit therefore rebuilds every SVG it copies to
``dist/`` from an allow-list:

* elements: the SVG shapes, text, paint servers, clipping, masking, markers, patterns, filters,
  ``<use>`` and ``<image>``, ``<style>``, ``<title>``/``<desc>``; an ``<a>`` is unwrapped (its
  drawing kept, the link dropped); everything else (``script``, ``foreignObject``, animation
  elements, elements of other namespaces such as Inkscape's metadata) is removed with its
  content;
* attributes: geometry, presentation and text attributes by name (never ``on*``); ``href``
  only to a fragment of the same file (``#id``), or for ``<image>`` to a ``data:`` PNG, JPEG,
  GIF or WebP; ``url(...)`` in attributes and CSS only to ``#id``; CSS with ``@import``,
  escapes or ``expression(`` is dropped;
* no processing instructions, no internal DTD subset, no entities (nothing expands).

A file the allow-list leaves untouched is published byte for byte; otherwise the rebuilt tree
is written (deterministically: same input, same bytes). A file that is not well-formed SVG is
refused. The pure function here raises ``ValueError``; ``kit.html.render`` turns it into a
``RenderError`` at the source line that uses the image.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
XML_NS = "http://www.w3.org/XML/1998/namespace"

_FILTERS = (
    "feBlend feColorMatrix feComponentTransfer feComposite feConvolveMatrix feDiffuseLighting "
    "feDisplacementMap feDistantLight feDropShadow feFlood feFuncA feFuncB feFuncG feFuncR "
    "feGaussianBlur feMerge feMergeNode feMorphology feOffset fePointLight "
    "feSpecularLighting feSpotLight feTile feTurbulence"
)
ELEMENTS = frozenset(
    (
        "svg g defs symbol use title desc switch path rect circle ellipse line polyline polygon "
        "text tspan textPath linearGradient radialGradient stop clipPath mask pattern marker "
        "image filter style " + _FILTERS
    ).split()
)
UNWRAP = frozenset({"a"})  # keep the drawing inside, drop the element (and its link)
ATTRIBUTES = frozenset(
    """
    id class style lang tabindex role aria-label aria-labelledby aria-describedby aria-hidden
    width height x y x1 y1 x2 y2 cx cy r rx ry d points pathLength viewBox preserveAspectRatio
    transform gradientTransform gradientUnits patternTransform patternUnits patternContentUnits
    spreadMethod fx fy fr offset stop-color stop-opacity clipPathUnits maskUnits maskContentUnits
    markerUnits markerWidth markerHeight refX refY orient href
    fill fill-opacity fill-rule stroke stroke-width stroke-opacity stroke-linecap
    stroke-linejoin stroke-miterlimit stroke-dasharray stroke-dashoffset opacity color
    color-interpolation color-interpolation-filters color-rendering shape-rendering
    image-rendering text-rendering vector-effect paint-order visibility display overflow clip
    clip-path clip-rule mask filter marker-start marker-mid marker-end mix-blend-mode isolation
    font-family font-size font-size-adjust font-stretch font-style font-variant font-weight
    text-anchor text-decoration dominant-baseline alignment-baseline baseline-shift
    letter-spacing word-spacing writing-mode direction unicode-bidi dx dy rotate textLength
    lengthAdjust startOffset method spacing side
    filterUnits primitiveUnits in in2 result stdDeviation mode operator k1 k2 k3 k4 type values
    tableValues slope intercept amplitude exponent kernelMatrix order divisor bias targetX
    targetY edgeMode kernelUnitLength preserveAlpha scale xChannelSelector yChannelSelector
    radius baseFrequency numOctaves seed stitchTiles surfaceScale diffuseConstant
    specularConstant specularExponent lighting-color flood-color flood-opacity azimuth
    elevation z pointsAtX pointsAtY pointsAtZ limitingConeAngle
    requiredExtensions systemLanguage media version baseProfile
    """.split()
)
XML_ATTRIBUTES = frozenset({"space", "lang"})
_DATA_IMAGE = re.compile(r"^data:image/(?:png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]*$", re.I)
_URL = re.compile(r"url\s*\(\s*(['\"]?)\s*([^)'\"]*)\1\s*\)", re.I)
_SCHEME_IN_VALUE = re.compile(r"(?:java|vb)script\s*:|data\s*:|//", re.I)  # no addresses
_CSS_DANGER = re.compile(r"@import|\\|expression\s*\(|-moz-binding|behavior\s*:|javascript:", re.I)


@dataclass(frozen=True)
class Cleaned:
    data: bytes  # what may be published
    removed: tuple[str, ...]  # what was taken out, in document order ("<script>", "onload", ...)


def sanitize_svg(data: bytes) -> Cleaned:
    """Return the publishable SVG; ``ValueError`` when ``data`` is not well-formed SVG."""
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise ValueError(f"not well-formed XML ({exc.msg})") from exc
    removed: list[str] = []
    if root.tag == "svg":  # no xmlns: browsers would show XML, not a picture
        root = _adopt(root)
        removed.append("(no xmlns: SVG namespace added)")
    if root.tag != f"{{{SVG_NS}}}svg":
        raise ValueError(f"the root element is {_name(root)}, not an SVG <svg> element")
    tree = root.getroottree()
    if tree.docinfo.internalDTD is not None and _has_internal_subset(data):
        removed.append("<!DOCTYPE [...]> internal subset")
    for sibling in _siblings(root):
        removed.append(_name(sibling))
    _clean_element(root, removed)
    if not removed:
        return Cleaned(data, ())
    etree.cleanup_namespaces(root, top_nsmap={None: SVG_NS})
    out = etree.tostring(root, encoding="utf-8", xml_declaration=True)
    return Cleaned(out + b"\n", tuple(removed))


def _adopt(root: etree._Element) -> etree._Element:
    """A copy of a namespace-less ``<svg>`` tree with its plain elements in the SVG namespace."""
    for element in root.iter():
        if isinstance(element.tag, str) and not element.tag.startswith("{"):
            element.tag = f"{{{SVG_NS}}}{element.tag}"
    adopted = etree.Element(f"{{{SVG_NS}}}svg", dict(root.attrib), nsmap={None: SVG_NS})
    adopted.text = root.text
    adopted.extend(list(root))
    return adopted


def _has_internal_subset(data: bytes) -> bool:
    head = data[: data.find(b"<svg")] if b"<svg" in data else data
    return b"<!DOCTYPE" in head.upper() and b"[" in head


def _siblings(root: etree._Element) -> list[etree._Element]:
    found: list[etree._Element] = []
    node = root.getprevious()
    while node is not None:
        if not isinstance(node, etree._Comment):
            found.append(node)
        node = node.getprevious()
    node = root.getnext()
    while node is not None:
        if not isinstance(node, etree._Comment):
            found.append(node)
        node = node.getnext()
    return found


def _name(node: etree._Element) -> str:
    if isinstance(node, etree._ProcessingInstruction):
        return f"<?{node.target}?>"
    if isinstance(node, etree._Entity):
        return f"&{node.name};"
    tag = node.tag if isinstance(node.tag, str) else "?"
    return f"<{etree.QName(tag).localname}>" if tag.startswith(f"{{{SVG_NS}}}") else f"<{tag}>"


def _clean_element(element: etree._Element, removed: list[str]) -> None:
    _clean_attributes(element, removed)
    if etree.QName(element).localname == "style":
        _clean_style_element(element, removed)
        return
    for child in list(element):
        if isinstance(child, etree._Comment):
            continue
        verdict = _verdict(child)
        if verdict == "keep":
            _clean_element(child, removed)
        elif verdict == "unwrap":
            removed.append(_name(child))
            _clean_element(child, removed)
            _unwrap(child)
        else:
            removed.append(_name(child))
            _remove(child)


def _verdict(node: etree._Element) -> str:
    if not isinstance(node.tag, str) or isinstance(node, etree._Entity):
        return "remove"  # processing instructions, entity references
    qname = etree.QName(node)
    if qname.namespace != SVG_NS:
        return "remove"
    if qname.localname in ELEMENTS:
        return "keep"
    return "unwrap" if qname.localname in UNWRAP else "remove"


def _clean_attributes(element: etree._Element, removed: list[str]) -> None:
    local = etree.QName(element).localname
    for key in list(element.attrib):
        value = element.attrib[key]
        if not _attribute_ok(local, str(key), str(value)):
            removed.append(f"{local}@{etree.QName(str(key)).localname}")
            del element.attrib[key]


def _attribute_ok(element: str, key: str, value: str) -> bool:
    qname = etree.QName(key)
    if qname.namespace == XML_NS:
        return qname.localname in XML_ATTRIBUTES
    if qname.namespace == XLINK_NS:
        return qname.localname == "href" and _href_ok(element, value)
    if qname.namespace is not None or qname.localname not in ATTRIBUTES:
        return False
    if qname.localname == "href":
        return _href_ok(element, value)
    return _css_ok(value)  # presentation attributes are CSS values too


def _href_ok(element: str, value: str) -> bool:
    value = value.strip()
    if value.startswith("#") and element != "image":
        return True
    return element == "image" and bool(_DATA_IMAGE.match(value))


def _css_ok(css: str) -> bool:
    if _CSS_DANGER.search(css) or _SCHEME_IN_VALUE.search(css):
        return False
    return all(target.strip().startswith("#") for _, target in _URL.findall(css))


def _clean_style_element(element: etree._Element, removed: list[str]) -> None:
    css = "".join(element.itertext())
    children = [c for c in element if not isinstance(c, etree._Comment)]
    if children or not _css_ok(css):
        removed.append("<style>")
        _remove(element)


def _remove(node: etree._Element) -> None:
    parent = node.getparent()
    if parent is None:
        return
    _append_text(parent, node.getprevious(), node.tail or "")
    parent.remove(node)


def _unwrap(node: etree._Element) -> None:
    """Replace ``node`` by its children, keeping every piece of text in order."""
    parent = node.getparent()
    if parent is None:
        return
    previous, children = node.getprevious(), list(node)
    _append_text(parent, previous, node.text or "")
    index = parent.index(node)
    for offset, child in enumerate(children):
        parent.insert(index + offset, child)
    last = children[-1] if children else node.getprevious()
    _append_text(parent, last, node.tail or "")
    parent.remove(node)


def _append_text(parent: etree._Element, before: etree._Element | None, text: str) -> None:
    if not text:
        return
    if before is not None:
        before.tail = (before.tail or "") + text
    else:
        parent.text = (parent.text or "") + text
