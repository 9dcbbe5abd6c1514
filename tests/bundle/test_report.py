"""dist/report.html: the coordinators' dashboard, readable without JavaScript and accessible."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

from kit.po import read_po, write_po_if_changed
from tests.bundle.conftest import manifest, set_config, untranslated_reason
from tests.cli.conftest import Run


class Page(HTMLParser):
    """Just enough of a DOM: every start tag with its attributes and the text inside it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.stack: list[int] = []
        self.texts: dict[int, list[str]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))
        if tag not in {"meta", "link", "br", "img", "input"}:
            self.stack.append(len(self.tags) - 1)

    def handle_endtag(self, tag: str) -> None:
        if self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        for index in self.stack:
            self.texts.setdefault(index, []).append(data)

    def all(self, tag: str) -> list[tuple[dict[str, str], str]]:
        return [
            (attrs, " ".join("".join(self.texts.get(i, [])).split()))
            for i, (name, attrs) in enumerate(self.tags)
            if name == tag
        ]


def parse(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def test_dashboard_structure(kit: Run, built: Path) -> None:
    kit("bundle")
    page = parse(built / "dist" / "report.html")
    html = page.all("html")[0][0]
    assert (html["lang"], html["dir"]) == ("en", "ltr")
    assert len(page.all("h1")) == 1
    tables = page.all("table")
    assert len(tables) == 2 and len(page.all("caption")) == 2
    assert all(attrs.get("scope") in {"col", "row"} for attrs, _ in page.all("th"))
    assert not page.all("script")
    for attrs, _ in page.all("a") + page.all("link") + page.all("img"):
        target = attrs.get("href") or attrs.get("src") or ""
        assert "//" not in target, target
        if not target.startswith("#"):
            assert (built / "dist" / target).is_file(), target
    arabic = [a for a, text in page.all("span") if a.get("lang") == "ar"]
    assert arabic and all(a["dir"] == "rtl" for a in arabic)


def test_dashboard_says_each_state_in_words(kit: Run, built: Path) -> None:
    kit("bundle")
    page = parse(built / "dist" / "report.html")
    rows = {text.split(" ")[0]: text for _, text in page.all("tr")}
    assert "Ready" in rows["English"] and "en.zip" in rows["English"]
    assert "Ready" in rows["Español"] and "es.zip" in rows["Español"]
    assert "Omitted: fails its publish gate" in rows["العربية"]
    assert "No bundle" in rows["العربية"]
    assert untranslated_reason() in rows["العربية"]
    cells = [text for _, text in page.all("td")]
    assert any(c.startswith("Arabic Withheld") for c in cells)  # locale label, then the state
    assert any(c.startswith("Spanish Published") and "100% of words translated" in c for c in cells)
    assert any("Reviewed 2024-04-15 by Dr. Ana Ruiz (clinical reviewer)" in c for c in cells)
    links = [text for a, text in page.all("a") if a.get("href") == "es/fever.html"]
    assert links == ["Web page (Fever after treatment, Spanish)"]


def test_dashboard_names_the_review_stage_of_the_latest_sign_off(kit: Run, built: Path) -> None:
    args = ("--reviewer", "Rita Reviewer", "--role", "linguist", "--method", "TEP")
    kit("review", "--locale", "es", *args, "--stage", "revision", "--date", "2024-04-20")
    kit("bundle")
    cells = [text for _, text in parse(built / "dist" / "report.html").all("td")]
    assert any(
        "Reviewed 2024-04-20 by Rita Reviewer (linguist, revision stage)" in c for c in cells
    )


def test_draft_bundles_and_incomplete_builds_are_shown(kit: Run, built: Path) -> None:
    set_config(built, '[bundle]\nfailing = "draft"\n')
    (built / "dist" / "es" / "hands.html").unlink()
    kit("bundle", code=2)
    page = parse(built / "dist" / "report.html")
    rows = {text.split(" ")[0]: text for _, text in page.all("tr")}
    assert "Draft: fails its publish gate" in rows["العربية"] and "ar.zip" in rows["العربية"]
    assert "Not bundled: build output incomplete" in rows["Español"]
    assert "dist/es/hands.html: missing from the build output" in rows["Español"]
    assert "es.zip" not in rows["Español"]


def test_kit_report_writes_only_the_dashboard(kit: Run, built: Path) -> None:
    out = kit("report").output
    assert "written  dist/report.html" in out
    assert not (built / "dist" / "bundles").exists()
    rows = {text.split(" ")[0]: text for _, text in parse(built / "dist" / "report.html").all("tr")}
    assert "No bundle" in rows["Español"]
    kit("bundle", "--locale", "es")
    kit("report")
    rows = {text.split(" ")[0]: text for _, text in parse(built / "dist" / "report.html").all("tr")}
    assert "es.zip" in rows["Español"] and "No bundle" in rows["English"]


def test_findings_on_kit_words_count_in_the_locale_row_and_the_manifest(
    kit: Run, built: Path
) -> None:
    """kit check reports a locale's kit.po (the frame: "About this handout", the draft
    banner) as the document ``kit``; the dashboard counted only the pages' findings, so a
    locale whose frame was in English looked as clean as one whose frame was translated."""
    words = built / "locales" / "es" / "LC_MESSAGES" / "kit.po"
    po = read_po(words)
    blank = tuple(e.with_changes(msgstr="") if i < 2 else e for i, e in enumerate(po.entries))
    write_po_if_changed(words, po.with_entries(blank))
    report = json.loads(kit("check", "--format", "json").stdout)
    on_words = [f for f in report["findings"] if f["locale"] == "es" and f["document"] == "kit"]
    on_pages = [f for f in report["findings"] if f["locale"] == "es" and f["document"] != "kit"]
    assert on_words and all(f["severity"] == "warning" for f in on_words + on_pages)
    kit("bundle")
    data = manifest(built / "dist" / "bundles" / "es.zip")
    assert data["words_checks"] == {"error": 0, "warning": len(on_words), "info": 0}
    rows = {text.split(" ")[0]: text for _, text in parse(built / "dist" / "report.html").all("tr")}
    total = len(on_words) + len(on_pages)
    assert f"{total} warnings ({len(on_words)} warning" in rows["Español"]
    assert "on kit's words, kit.po)" in rows["Español"]
    assert rows["English"].count("kit.po") == 0
