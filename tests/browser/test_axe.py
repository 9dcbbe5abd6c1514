"""The real-browser gate: axe-core in Debian's headless Chromium on every built sample page.

Builds the sample project (``kit build --format html``) into a temporary folder, opens each
page over ``file://`` with every other request blocked and recorded, runs axe-core with the
WCAG 2.0/2.1/2.2 A and AA rules plus best practices, and requires zero violations and no
undecided colour-contrast results. Then it checks reflow: at 320 CSS pixels wide the page
must not scroll sideways.

axe-core comes from the PyPI package ``axe-playwright-python`` (its bundled ``axe.min.js``,
installed by ``scripts/setup.sh`` with the test extras); Chromium is Debian's
``/usr/bin/chromium``. ``playwright install`` is never used. In CI (``CI=true``) a missing
browser or axe fails the test; elsewhere it is skipped with the reason.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from kit.commands.build import BuildOptions, run_build
from kit.config import load_config
from kit.project import Project
from tests.conftest import unavailable

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    },
    "resultTypes": ["violations", "incomplete"],
}
REFLOW_WIDTH = 320


def _unavailable(reason: str) -> None:
    unavailable(f"{reason} (run scripts/setup.sh)")


def _axe_source() -> str:
    try:
        import axe_playwright_python
    except ImportError:
        _unavailable("axe-playwright-python is not installed")
    path = Path(axe_playwright_python.__file__).with_name("axe.min.js")
    if not path.is_file():
        _unavailable(f"{path} is missing")
    return path.read_text(encoding="utf-8")


@dataclass
class Built:
    dist: Path
    pages: dict[str, list[Path]] = field(default_factory=dict)  # locale code (or "index") → pages
    withheld: tuple[str, ...] = ()


def sample_locales() -> list[str]:
    config = load_config(ROOT)
    return [config.source_locale.code, *(loc.code for loc in config.target_locales)]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    project_dir = tmp_path_factory.mktemp("sample")
    shutil.copy(ROOT / "kit.toml", project_dir / "kit.toml")
    for folder in ("source", "locales", "templates"):
        if (ROOT / folder).is_dir():
            shutil.copytree(ROOT / folder, project_dir / folder)
    project = Project(load_config(project_dir))
    report = run_build(project, BuildOptions(formats=("html",)))
    assert not report.errors, [e.format() for e in report.errors]
    dist = project.config.output_dir
    pages = {code: sorted((dist / code).glob("*.html")) for code in sample_locales()}
    pages["index"] = [dist / "index.html"]
    return Built(dist, pages, tuple(w.path for w in report.withheld))


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} is not installed (Debian package chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed")
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield instance
        finally:
            instance.close()


@pytest.fixture(scope="module")
def axe_source() -> str:
    return _axe_source()


@dataclass
class Tab:
    """One browser tab; every request that is not for a local file is aborted and recorded."""

    page: Any
    outside: list[str] = field(default_factory=list)

    def guard(self, route: Any) -> None:
        url = route.request.url
        if url.startswith("file://"):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()


@pytest.fixture
def tab(browser: Any) -> Iterator[Tab]:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        opened = Tab(context.new_page())
        opened.page.route("**/*", opened.guard)
        yield opened
    finally:
        context.close()


def check_page(tab: Tab, path: Path, axe_source: str) -> list[str]:
    """axe-core at 1280 px wide, then the reflow check at 320 px, on one page."""
    tab.outside.clear()
    tab.page.set_viewport_size({"width": 1280, "height": 800})
    tab.page.goto(path.as_uri(), wait_until="load")
    tab.page.evaluate(axe_source)
    result = tab.page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
    problems = [f"external request: {url}" for url in tab.outside]
    for violation in result["violations"]:
        nodes = "; ".join(n["html"][:160] for n in violation["nodes"][:3])
        problems.append(f"{violation['id']}: {violation['help']} [{nodes}]")
    for item in result["incomplete"]:
        if item["id"] == "color-contrast":
            nodes = "; ".join(n["html"][:160] for n in item["nodes"][:3])
            problems.append(f"color-contrast could not be decided [{nodes}]")
    tab.page.set_viewport_size({"width": REFLOW_WIDTH, "height": 800})
    width = int(tab.page.evaluate("document.scrollingElement.scrollWidth"))
    if width > REFLOW_WIDTH:
        problems.append(f"scrolls sideways at {REFLOW_WIDTH}px (scrollWidth {width})")
    return problems


@pytest.mark.parametrize("code", [*sample_locales(), "index"])
def test_axe_and_reflow(code: str, built: Built, tab: Tab, axe_source: str) -> None:
    pages = built.pages[code]
    if code != "index":
        expected = {p.stem for p in (ROOT / "source").glob("*.md")}
        withheld = {Path(w).stem for w in built.withheld if f"/{code}/" in f"/{w}"}
        assert {p.stem for p in pages} | withheld >= expected, (
            "a page was neither built nor withheld"
        )
    assert pages or code != "index"
    failures: list[str] = []
    for path in pages:
        rel = path.relative_to(built.dist).as_posix()
        failures.extend(f"{rel}: {p}" for p in check_page(tab, path, axe_source))
    assert not failures, "\n".join(failures)


def test_the_gate_catches_problems(tmp_path: Path, tab: Tab, axe_source: str) -> None:
    """A broken page must fail every part of the gate, so a green run means something."""
    broken = tmp_path / "broken.html"
    broken.write_text(
        "<!DOCTYPE html><html><head></head><body>"
        '<img src="x.png"><p style="color:#aaa;background:#fff">low contrast</p>'
        '<img src="http://127.0.0.1:9/pixel.png" alt="tracker">'
        '<div style="width:900px">wide</div></body></html>',
        encoding="utf-8",
    )
    problems = "\n".join(check_page(tab, broken, axe_source))
    for expected in (
        "html-has-lang",
        "image-alt",
        "color-contrast",
        "document-title",
        "external request: http://127.0.0.1:9/pixel.png",
        "scrolls sideways",
    ):
        assert expected in problems


def test_every_block_type_passes(tmp_path: Path, tab: Tab, axe_source: str) -> None:
    """The golden fixtures (every block type, fallback, RTL, hostile text) as whole pages."""
    from kit.html.render import render_page, stylesheet
    from tests.html.support import document, localized, published, site

    cases = ROOT / "tests" / "fixtures" / "html"
    failures: list[str] = []
    for folder in sorted(p for p in cases.iterdir() if p.is_dir()):
        doc = document((folder / "source.md").read_text(encoding="utf-8"))
        catalogs = sorted(folder.glob("*.po"))
        po = catalogs[0].read_text(encoding="utf-8") if catalogs else None
        ldoc = localized(doc, catalogs[0].stem, po) if catalogs else localized(doc)
        out = tmp_path / ldoc.locale.code / f"{folder.name}.html"
        (out.parent / "assets").mkdir(parents=True, exist_ok=True)
        (out.parent / "assets" / "kit.css").write_bytes(stylesheet(site()))
        out.write_text(render_page(ldoc, site(), published(doc, ldoc)), encoding="utf-8")
        failures.extend(f"{folder.name}: {p}" for p in check_page(tab, out, axe_source))
    assert not failures, "\n".join(failures)
