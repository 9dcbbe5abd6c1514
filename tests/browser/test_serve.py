"""``kit serve`` in real Chromium: a page updates by itself when its catalog is saved, a
broken save shows its error and keeps the last good page, no request leaves loopback, and
the preview UI is axe-clean and keyboard usable, right to left included.

Starts ``kit serve --port 0`` as a real process on a copy of the sample project and drives
Debian's chromium with playwright, as ``test_axe`` does. With ``KIT_SCREENSHOT=1`` the
overlay test also writes ``docs/serve.png`` (the README's screenshot).
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.browser.test_axe import AXE_OPTIONS, _axe_source
from tests.serve.support import sample_copy

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
PO = "locales/es/LC_MESSAGES/infant-all-handout.po"
OLD = '"poco común en los bebés."'
INTERNAL = ("chrome://", "chrome-extension://")  # Chromium's own PDF viewer, not the network
NEW = '"muy poco común en los bebés, según el preview."'


@dataclass
class Served:
    root: Path
    url: str
    process: subprocess.Popen[str]
    log: list[str] = field(default_factory=list)


def _drain(process: subprocess.Popen[str], log: list[str], ready: threading.Event) -> None:
    assert process.stderr is not None
    for line in process.stderr:
        log.append(line.rstrip("\n"))
        if "kit serve: http://" in line:
            ready.set()
    ready.set()


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    root = sample_copy(tmp_path_factory.mktemp("serve") / "project")
    process = subprocess.Popen(
        [sys.executable, "-m", "kit", "--project", str(root), "serve", "--port", "0"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    log: list[str] = []
    ready = threading.Event()
    drain = threading.Thread(target=_drain, args=(process, log, ready), daemon=True)
    drain.start()
    assert ready.wait(60), log
    match = next((m for line in log if (m := re.search(r"http://127\.0\.0\.1:\d+/", line))), None)
    assert match, log
    served = Served(root, match[0], process, log)
    try:
        yield served
    finally:
        process.send_signal(signal.SIGINT)
        code = process.wait(15)
        drain.join(5)
        assert process.stderr is not None
        process.stderr.close()
    assert code == 0, log
    assert log[-1] == "kit serve: stopped", log


@dataclass
class Tab:
    page: Any
    base: str
    outside: list[str] = field(default_factory=list)

    def guard(self, route: Any) -> None:
        url = route.request.url
        if url.startswith(self.base) or url.startswith(INTERNAL):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()


@pytest.fixture
def tab(browser: Any, served: Served) -> Iterator[Tab]:
    context = browser.new_context(viewport={"width": 1100, "height": 760})
    try:
        opened = Tab(context.new_page(), served.url)
        opened.page.route("**/*", opened.guard)
        yield opened
    finally:
        context.close()


def _alive(served: Served) -> bool:
    with urllib.request.urlopen(served.url, timeout=5) as response:
        return served.process.poll() is None and response.status == 200


def test_a_saved_translation_shows_without_reload(served: Served, tab: Tab) -> None:
    page = tab.page
    page.goto(served.url + "es/infant-all-handout.html", wait_until="load")
    page.wait_for_selector("#kit-preview")
    page.evaluate("window.kitNotReloaded = true")
    po = served.root / PO
    good = po.read_text(encoding="utf-8")
    assert OLD in good
    time.sleep(0.3)  # let the event stream open
    started = time.perf_counter()
    po.write_text(good.replace(OLD, NEW), encoding="utf-8")
    page.wait_for_function(
        "text => document.querySelector('main').textContent.includes(text)",
        arg="según el preview",
        timeout=5000,
    )
    took = time.perf_counter() - started
    print(f"page updated {took * 1000:.0f} ms after the save")
    assert page.evaluate("window.kitNotReloaded") is True  # updated in place, not reloaded

    lines = len(good.replace(OLD, NEW).splitlines()) + 2
    po.write_text(good.replace(OLD, NEW) + '\nmsgid "half typed\n', encoding="utf-8")
    alert = page.locator("#kit-preview [role=alert]")
    alert.wait_for(state="visible", timeout=5000)
    assert f"{PO}:{lines}" in alert.inner_text()
    assert "unterminated string" in alert.inner_text()
    assert "según el preview" in page.locator("main").inner_text()  # the last good page
    assert _alive(served)

    po.write_text(good, encoding="utf-8")
    alert.wait_for(state="hidden", timeout=5000)
    assert "según el preview" not in page.locator("main").inner_text()
    assert page.evaluate("window.kitNotReloaded") is True
    assert tab.outside == []


@pytest.mark.parametrize("code", ["es", "ar"])
def test_overlay_is_accessible_and_keyboard_usable(served: Served, tab: Tab, code: str) -> None:
    page = tab.page
    page.goto(served.url + f"{code}/infant-all-handout.html", wait_until="load")
    page.wait_for_selector("#kit-preview")
    assert page.evaluate("document.documentElement.dir") == ("rtl" if code == "ar" else "ltr")
    states = page.get_by_role("button", name="Segment states")
    states.focus()
    page.keyboard.press("Enter")
    assert states.get_attribute("aria-pressed") == "true"
    page.get_by_role("button", name="Side by side").focus()
    page.keyboard.press("Space")
    heading = page.locator("main h1 .kit-seg")
    heading.focus()
    details = page.locator("#kit-segment")
    assert "Segment 1 (title)" in details.inner_text()
    assert "What is infant ALL?" in details.inner_text()
    assert re.search(
        rf"locales/{code}/LC_MESSAGES/infant-all-handout\.po:\d+", details.inner_text()
    )
    assert page.locator("#kit-side tbody tr").count() > 5
    page.evaluate(_axe_source())
    result = page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
    problems = [
        f"{v['id']}: {v['help']} {v['nodes'][0]['html'][:160]}" for v in result["violations"]
    ]
    problems += [
        f"color-contrast undecided: {i['nodes'][0]['html'][:160]}"
        for i in result["incomplete"]
        if i["id"] == "color-contrast"
    ]
    assert problems == []
    if code == "es" and os.environ.get("KIT_SCREENSHOT"):
        page.get_by_role("button", name="Side by side").click()
        page.locator("main p .kit-seg").nth(1).hover()
        page.screenshot(path=str(ROOT / "docs" / "serve.png"))
    assert tab.outside == []


def test_overview_and_handout(served: Served, tab: Tab) -> None:
    page = tab.page
    page.goto(served.url, wait_until="load")
    assert page.locator("table tbody tr").count() >= 14  # 2 pages × 8 locales
    page.evaluate(_axe_source())
    result = page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
    assert [v["id"] for v in result["violations"]] == []
    started = time.perf_counter()
    with urllib.request.urlopen(served.url + "es/infant-all-handout.large-print.pdf") as response:
        assert response.read(5) == b"%PDF-"
    print(f"handouts rendered on first request in {time.perf_counter() - started:.1f} s")
    assert tab.outside == []


def test_open_handout_updates_after_a_save(served: Served, tab: Tab) -> None:
    page = tab.page
    page.goto(served.url + "es/infant-all.html", wait_until="load")
    page.wait_for_selector("#kit-preview")
    page.get_by_role("button", name="Handouts").click()
    with page.expect_response(lambda r: "/es/infant-all.pdf?v=" in r.url, timeout=30000) as first:
        page.get_by_role("button", name="standard").click()
    assert first.value.status == 200
    po = served.root / "locales/es/LC_MESSAGES/infant-all.po"
    good = po.read_text(encoding="utf-8")
    old = "Leucemia linfoblástica aguda (LLA) en bebés"
    assert old in good
    frame = page.locator("#kit-preview iframe")
    before = frame.get_attribute("src")
    started = time.perf_counter()
    try:
        po.write_text(good.replace(old, "Leucemia (LLA) en bebés, borrador", 1), encoding="utf-8")
        deadline = started + 15
        announced = reloaded = False
        while time.perf_counter() < deadline and not (announced and reloaded):
            # the server re-renders the handout and says so; the page reloads it by itself
            announced = any("es/infant-all.pdf updated in" in line for line in served.log)
            reloaded = frame.get_attribute("src") != before
            time.sleep(0.05)
        assert announced and reloaded, served.log[-5:]
        print(f"open handout reloaded {time.perf_counter() - started:.1f} s after the save")
        assert first.value.headers["content-type"] == "application/pdf"
    finally:
        po.write_text(good, encoding="utf-8")
    assert tab.outside == []
