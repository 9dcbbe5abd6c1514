"""Hostile templates and translations: nothing outside the allow-list gets into a PDF.

A local HTTP server counts requests (loopback SSRF); files outside the project hold marker
strings (local file leaks). Every assertion is on the PDF bytes, the text layer or the
server's request log, not on kit's own account of what it did.
"""

from __future__ import annotations

import http.server
import shutil
import threading
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pikepdf
import pytest

from kit.config import Config
from kit.errors import RenderError
from kit.pdf import engine
from kit.pdf.fetcher import AssetFetcher
from kit.pdf.profiles import STANDARD
from kit.pdf.render import render_handout
from kit.pdf.view import default_renderers
from tests.pdf.helpers import (
    REPO,
    localized,
    make_config,
    make_project,
    open_pdf,
    pdftotext,
    squash,
)

# Every test here renders: skip (or, in CI, fail) once if a font or tool is missing.
pytestmark = pytest.mark.usefixtures("project")

SECRETS = (b"KIT-SECRET-FILE", b"KIT-LEAKED-CSS", b"KIT-LEAKED-SVG", b"root:x:0:0")


class _Counter(http.server.BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        _Counter.hits.append(self.path)
        body = b'body::before { content: "KIT-LEAKED-CSS" }'
        self.send_response(200)
        self.send_header("Content-Type", "text/css")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = http.server.HTTPServer(("127.0.0.1", 0), _Counter)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def outside(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("outside")
    (folder / "secret.txt").write_text("KIT-SECRET-FILE")
    (folder / "secret.css").write_text('body::after { content: "KIT-LEAKED-CSS" }')
    (folder / "leak.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40">'
        '<text x="5" y="30" font-size="20">KIT-LEAKED-SVG</text></svg>'
    )
    return folder


def _hostile_project(root: Path, outside: Path, server: str) -> Config:
    templates = root / "templates-src"
    shutil.copytree(REPO / "templates", templates)
    page = templates / "handout.html.j2"
    head = (
        f'<link rel="stylesheet" href="{outside.as_uri()}/secret.css">\n'
        f'<link rel="stylesheet" href="{server}/evil.css">\n'
        f'<link rel="stylesheet" href="https://example.com/remote.css">\n'
        f'<link rel="attachment" href="{outside.as_uri()}/secret.txt">\n'
        f'<link rel="stylesheet" href="{{{{ asset(\'css/link.css\') }}}}">\n'
        f'<style>@import url("{outside.as_uri()}/secret.css");</style>\n</head>'
    )
    body = (
        '<main>\n<img src="file:///etc/passwd" alt="passwd">\n'
        f'<img src="{server}/pixel.png" alt="ssrf">\n'
        '<img src="http://169.254.169.254/latest/meta-data/" alt="metadata">\n'
        f'<a rel="attachment" href="{outside.as_uri()}/secret.txt">attachment</a>\n'
        '<img src="../outside-link/leak.svg" alt="traversal">\n'
        '<img src="images/evil.svg" alt="svg with script">\n'
    )
    text = page.read_text().replace("</head>", head, 1).replace("<main>", body, 1)
    page.write_text(text)
    css = templates / "css" / "handout.css"
    css.write_text(
        f'@import url("{server}/import.css");\n'
        + css.read_text()
        + "\nhtml { background: url(file:///etc/passwd); }\n"
    )
    make_project(root, templates)  # copies the templates (a symlink would be followed)
    (root / "templates" / "css" / "link.css").symlink_to(outside / "secret.css")
    (root / "outside-link").symlink_to(outside)
    (root / "source" / "images" / "evil.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        'width="200" height="60"><script>alert(1)</script>'
        f'<image href="{outside.as_uri()}/leak.svg" width="200" height="40"/>'
        f'<image xlink:href="{server}/svg-image.png" width="10" height="10"/>'
        '<rect width="10" height="10"/></svg>'
    )
    return make_config(root)


def _streams(data: bytes) -> bytes:
    """Every stream of the PDF, decoded, joined: where leaked bytes would end up."""
    out = [data]
    pdf = open_pdf(data)
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Stream):
            try:
                out.append(obj.read_bytes())
            except (pikepdf.PdfError, zlib.error):
                out.append(obj.read_raw_bytes())
    return b"\n".join(out)


def _assert_clean(data: bytes) -> None:
    pdf = open_pdf(data)
    assert "/EmbeddedFiles" not in pdf.Root.get("/Names", {})
    for page in pdf.pages:
        for annot in page.get("/Annots", []):
            assert annot.get("/Subtype") != "/FileAttachment"
    everything = _streams(data)
    for secret in SECRETS:
        assert secret not in everything, secret
    text = pdftotext(data)
    assert "KIT-" not in text and "root:" not in text


def test_hostile_template_fails_and_names_what_it_refused(
    tmp_path: Path, outside: Path, server: str
) -> None:
    _Counter.hits.clear()
    config = _hostile_project(tmp_path, outside, server)
    with pytest.raises(RenderError) as info:
        render_handout(localized(config, "es"), config, STANDARD, default_renderers())
    message = info.value.message
    assert "es/fever.pdf" in message and "locale es" in message
    for refused in (
        "file:///etc/passwd",
        "127.0.0.1",
        "169.254.169.254",
        "example.com",
        "secret.css",
        "leak.svg",
        "attachment",
    ):
        assert refused in message, refused
    assert _Counter.hits == []


def test_hostile_template_pdf_bytes_hold_nothing_from_outside(
    tmp_path: Path, outside: Path, server: str
) -> None:
    """The engine's own output (before kit refuses to publish it) is already clean."""
    _Counter.hits.clear()
    config = _hostile_project(tmp_path, outside, server)
    from kit.pdf.render import handout_html

    html = handout_html(localized(config, "ar"), config, STANDARD, default_renderers())
    base = (config.root / "source").as_uri() + "/"
    result = engine.render(html, base_url=base, roots=(config.templates_dir, config.source_dir))
    assert result.data.startswith(b"%PDF-1.7")
    assert result.problems
    _assert_clean(result.data)
    assert _Counter.hits == []


HOSTILE_TEXT = (
    '<img src="file:///etc/passwd" alt="x"> <link rel="attachment" href="file:///etc/hostname">'
    " ![x](file:///etc/passwd) [link](file:///etc/passwd) <script>alert(1)</script>"
    ' <style>@import url("file:///etc/passwd");</style>'
)


def test_hostile_translation_is_printed_as_text_not_fetched(config: Config, server: str) -> None:
    _Counter.hits.clear()
    overrides = {
        "Keep your child at home and let them rest.": HOSTILE_TEXT + f" ![y]({server}/t.png)",
        "At home": f'<img src="{server}/h.png" alt="y">',
    }
    ldoc = localized(config, "es", overrides=overrides)
    data = render_handout(ldoc, config, STANDARD, default_renderers())
    _assert_clean(data)
    text = squash(pdftotext(data))
    assert "<script>" not in text and "alert(1)" not in text  # raw HTML and its code left out
    assert _Counter.hits == []


def test_fetcher_allows_project_files_and_data_only(tmp_path: Path, outside: Path) -> None:
    root = make_project(tmp_path / "p")
    (root / "source" / "images" / "escape.svg").symlink_to(outside / "leak.svg")
    fetcher = AssetFetcher((root / "templates", root / "source"))
    allowed = (root / "source" / "images" / "thermometer.svg").as_uri()
    assert fetcher.refusal(allowed) == ""
    assert fetcher.refusal("data:text/plain,hello") == ""
    assert fetcher.refusal((root / "templates" / "css" / "handout.css").as_uri()) == ""
    refused = {
        "file:///etc/passwd": "outside",
        (outside / "secret.txt").as_uri(): "outside",
        (root / "source" / "images" / "escape.svg").as_uri(): "outside",  # symlink out
        (root / "source" / ".." / ".." / "outside").as_uri(): "",
        (root / "source" / "images").as_uri(): "not a regular file",
        "http://127.0.0.1:8000/x": "http",
        "https://example.org/x.css": "https",
        "ftp://example.org/x": "ftp",
        "file://evil.example/etc/passwd": "other hosts",
        (root / "source" / "nope.png").as_uri(): "no such file",
    }
    for url, reason in refused.items():
        why = fetcher.refusal(url)
        assert why, url
        assert reason in why, (url, why)


def test_presentational_hints_are_off_and_variant_is_pdf_ua() -> None:
    assert engine.OPTIONS["presentational_hints"] is False
    assert engine.OPTIONS["pdf_variant"] == "pdf/ua-1"
