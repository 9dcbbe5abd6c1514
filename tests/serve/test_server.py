"""The preview server over real HTTP: it serves the rendered pages, nothing from outside
them (path traversal in every spelling), refuses foreign Host headers, never writes into the
project, and a broken catalog keeps the last good page with the error's path:line."""

from __future__ import annotations

import http.client
import json
import re
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kit.commands.serve import Preview
from kit.config import load_config
from kit.project import Project
from kit.serve.server import Broker, PreviewServer, clean_path
from kit.serve.watch import Scope
from tests.serve.support import sample_copy, snapshot

PO = "locales/es/LC_MESSAGES/infant-all-handout.po"
PAGE = "/es/infant-all-handout.html"


def _serve(tmp_path: Path) -> Iterator[tuple[Preview, PreviewServer, Path]]:
    root = sample_copy(tmp_path / "project")
    cache = tmp_path / "cache"
    preview = Preview(Project(load_config(root)), ("es",), cache)
    preview.rebuild(Scope(everything=True))
    server = PreviewServer("127.0.0.1", 0, preview.content, Broker())
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield preview, server, root
    finally:
        server.stop()
        thread.join(5)


@pytest.fixture(scope="module")
def served(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[Preview, PreviewServer, Path]]:
    yield from _serve(tmp_path_factory.mktemp("served"))


@pytest.fixture
def own_server(tmp_path: Path) -> Iterator[tuple[Preview, PreviewServer, Path]]:
    yield from _serve(tmp_path)


def get(server: PreviewServer, raw_path: str, host: str = "127.0.0.1") -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", int(server.server_address[1]), timeout=5)
    conn.putrequest("GET", raw_path, skip_host=True, skip_accept_encoding=True)
    conn.putheader("Host", host)
    conn.endheaders()
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return response.status, body


def page_data(body: bytes) -> dict[str, object]:
    match = re.search(
        rb'<script type="application/json" id="kit-preview-data">(.*?)</script>', body
    )
    assert match
    return dict(json.loads(match[1].decode("utf-8")))


@pytest.mark.parametrize(
    "raw",
    [
        "/../kit.toml",
        "/es/../../kit.toml",
        "/%2e%2e/kit.toml",
        "/es/..%2f..%2fkit.toml",
        "/es/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/es/..%5c..%5ckit.toml",
        "//etc/passwd",
        "/etc/passwd",
        "/kit.toml",
        "/source/infant-all.md",
        "/" + PO,
        "/templates/page.html.j2",
        "/es/infant-all.html%00.pdf",
        "/_kit/../kit.toml",
        "/_kit/serve.py",
    ],
)
def test_nothing_outside_the_rendered_pages(
    served: tuple[Preview, PreviewServer, Path], raw: str
) -> None:
    _, server, _ = served
    status, body = get(server, raw)
    assert status == 404, body[:200]
    assert b"[project]" not in body and b"root:" not in body


def test_pages_assets_and_overview(served: tuple[Preview, PreviewServer, Path]) -> None:
    _, server, _ = served
    status, body = get(server, PAGE)
    assert status == 200
    assert b'data-kit-seg="1"' in body and b"/_kit/overlay.js" in body
    data = page_data(body)
    assert data["locale"] == "es" and data["po"] == PO
    segments = data["segments"]
    assert isinstance(segments, list) and segments
    first = segments[0]
    assert first["state"] == "translated" and re.fullmatch(rf"{PO}:\d+", first["po"])
    assert get(server, "/es/assets/kit.css")[0] == 200
    assert get(server, "/_kit/overlay.js")[0] == 200
    status, overview = get(server, "/")
    assert status == 200 and b"Spanish (es)" in overview


def test_foreign_host_is_refused(served: tuple[Preview, PreviewServer, Path]) -> None:
    _, server, _ = served
    assert get(server, PAGE, host="attacker.example")[0] == 403
    assert get(server, PAGE, host=f"localhost:{server.server_address[1]}")[0] == 200


def test_broken_catalog_keeps_the_last_good_page(
    own_server: tuple[Preview, PreviewServer, Path],
) -> None:
    preview, server, root = own_server
    po = root / PO
    po.write_text(po.read_text(encoding="utf-8") + '\nmsgid "half saved\n', encoding="utf-8")
    pages = preview.rebuild(Scope(pages=frozenset({("infant-all-handout", "es")})))
    assert pages == ["es/infant-all-handout.html"]
    status, body = get(server, PAGE)
    assert status == 200
    assert "¿Qué es la LLA en bebés?".encode() in body  # the last good page
    errors = page_data(body)["errors"]
    assert isinstance(errors, list) and len(errors) == 1
    lines = po.read_text(encoding="utf-8").count("\n")
    assert errors[0]["where"] == f"{PO}:{lines}"
    assert "unterminated string" in errors[0]["message"]


def test_the_project_is_never_written(tmp_path: Path) -> None:
    root = sample_copy(tmp_path / "project")
    before = snapshot(root)
    cache = tmp_path / "cache"
    preview = Preview(Project(load_config(root)), ("es", "ar"), cache)
    preview.rebuild(Scope(everything=True))
    preview.check(set())
    assert (
        preview.content(
            "es/infant-all-handout.pdf",
        )
        is not None
    )
    assert snapshot(root) == before
    assert (cache / "es" / "infant-all-handout.pdf").read_bytes().startswith(b"%PDF-")
    assert not (root / "dist").exists() and not (root / ".kit-cache").exists()


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("/", ""),
        ("/es/a.html?x=1", "es/a.html"),
        ("/es/a%20b.html", "es/a b.html"),
        ("/a/../b", None),
    ],
)
def test_clean_path(raw: str, key: str | None) -> None:
    assert clean_path(raw) == key


@given(st.text(alphabet="/.%2e5cfA\\\x00~ae", max_size=40))
def test_clean_path_never_climbs(raw: str) -> None:
    """Whatever the spelling (percent-encoded dots, slashes, backslashes, NUL), a clean key is
    relative and has no parent or current-folder part."""
    key = clean_path("/" + raw)
    if key is not None:
        parts = key.split("/") if key else []
        assert not key.startswith("/") and "\\" not in key and "\x00" not in key
        assert all(part not in ("", ".", "..") for part in parts)
