"""Review stages (translation, revision, clinical) and "nobody signs off their own work".

The translator of each entry comes from ``git blame`` of its msgstr lines, in a real git
repository made for the test; outside git, from the catalog's Last-Translator.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from kit.catalog.authors import Author, parse_blame, same_person
from kit.catalog.review import entry_hash
from kit.po import read_po, write_po_if_changed
from tests.cli.conftest import Run
from tests.cli.test_update import translate
from tests.conftest import require_tool

PO = Path("locales/es/LC_MESSAGES/fever.po")


def git(root: Path, *args: str, author: str = "Coordinator <coord@example.org>") -> None:
    name, email = author.split(" <")
    env = {
        "GIT_AUTHOR_NAME": name,
        "GIT_AUTHOR_EMAIL": email.rstrip(">"),
        "GIT_COMMITTER_NAME": name,
        "GIT_COMMITTER_EMAIL": email.rstrip(">"),
        "GIT_AUTHOR_DATE": "2026-11-01T00:00:00Z",
        "GIT_COMMITTER_DATE": "2026-11-01T00:00:00Z",
        "PATH": "/usr/bin:/bin",
        "HOME": str(root),
    }
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env=env)


@pytest.fixture
def repo(kit: Run, project: Path) -> Path:
    require_tool("git", "git")
    kit("extract")
    kit("init", "es")
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "content")
    translate(project, "es", "fever")  # every entry translated by Tess
    git(project, "commit", "-q", "-am", "es", author="Tess Translator <tess@example.org>")
    return project


def signed(project: Path) -> list[dict[str, object]]:
    path = project / "locales" / "es" / "LC_MESSAGES" / "fever.review.json"
    data: list[dict[str, object]] = json.loads(path.read_text(encoding="utf-8"))["signoffs"]
    return data


def review(kit: Run, who: str, stage: str, code: int = 0) -> str:
    args = ["review", "--locale", "es", "--document", "fever", "--reviewer", who]
    result = kit(*args, "--role", "r", "--stage", stage, "--date", "2026-11-20", code=code)
    return str(result.output)


def test_a_translator_cannot_sign_off_their_own_entries_as_revision(kit: Run, repo: Path) -> None:
    out = review(kit, "Tess Translator", "revision", code=2)
    assert "Tess Translator translated every entry" in out and "git blame" in out
    assert not (repo / PO).with_name("fever.review.json").exists()
    # Their own translation-stage check is allowed.
    review(kit, "Tess Translator", "translation")
    assert signed(repo)[0]["stage"] == "translation" and len(signed(repo)[0]["entries"]) == 5


def test_entries_someone_else_translated_are_signed_the_rest_left(kit: Run, repo: Path) -> None:
    po = read_po(repo / PO)
    first = po.active[0]
    entries = (first.with_changes(msgstr="Fiebre en los niños pequeños"), *po.active[1:])
    write_po_if_changed(repo / PO, po.with_entries(entries))
    git(repo, "commit", "-q", "-am", "fix", author="Rita Reviewer <rita@example.org>")
    out = review(kit, "rita@example.org", "revision")
    assert "1 entries they translated left unsigned (git blame of the msgstr lines)" in out
    hashes = signed(repo)[0]["entries"]
    assert entry_hash(entries[0]) not in hashes  # Rita's own entry
    assert {entry_hash(e) for e in entries[1:] if e.msgstr} <= set(hashes)  # Tess's entries


def test_required_stages_decide_publication(kit: Run, repo: Path) -> None:
    toml = repo / "kit.toml"
    toml.write_text(
        toml.read_text().replace(
            "[publish]\n", '[publish]\nrequire_stages = ["revision", "clinical"]\n'
        ),
        encoding="utf-8",
    )
    assert _stage_findings(kit) == ["clinical", "revision"]  # kit check says it first
    out = kit("build", "--format", "html", "--locale", "es").output
    assert _withheld_line(out).endswith(
        "stages not complete: revision, clinical (kit review --stage)"
    )
    review(kit, "Rita Reviewer", "revision")
    assert _stage_findings(kit) == ["clinical"]
    out = kit("build", "--format", "html", "--locale", "es").output
    assert _withheld_line(out).endswith("review stages not complete: clinical (kit review --stage)")
    review(kit, "Dr. Ana Ruiz", "clinical")
    assert _stage_findings(kit, code=0) == []  # nothing else is an error here
    status = json.loads(kit("status", "--locale", "es", "--format", "json").output)
    row = next(r for r in status["catalogs"] if r["document"] == "fever")
    assert [s["stage"] for s in row["review"]["signoffs"]] == ["clinical", "revision"]
    out = kit("build", "--format", "html", "--locale", "es").output
    assert "withheld  dist/es/fever.html" not in out and (repo / "dist/es/fever.html").is_file()


def _stage_findings(kit: Run, code: int = 1) -> list[str]:
    """The stages ``kit check`` says are missing: errors at the catalog's first entry."""
    out = kit("check", "--locale", "es", "--format", "json", code=code).output
    findings = json.loads(out[out.index("{") :])["findings"]
    stages = []
    for f in findings:
        if f["check"] == "freshness.stage-missing" and f["document"] == "fever":
            assert f["severity"] == "error" and f["path"] == str(PO) and f["line"] > 0
            assert f"--stage {f['message'].split(' sign-off')[0].split()[-1]}" in f["hint"]
            stages.append(f["message"].split(" sign-off")[0].split()[-1])
    return sorted(stages)


def _withheld_line(output: str) -> str:
    return next(ln for ln in output.splitlines() if "withheld  dist/es/fever.html" in ln)


def test_an_unknown_required_stage_is_a_config_error(kit: Run, project: Path) -> None:
    toml = project / "kit.toml"
    toml.write_text(
        toml.read_text().replace("[publish]\n", '[publish]\nrequire_stages = ["legal"]\n'),
        encoding="utf-8",
    )
    out = kit("status", code=2).output
    assert "kit.toml:" in out and "publish.require_stages" in out and "'legal'" in out


def test_outside_git_the_last_translator_decides(kit: Run, project: Path) -> None:
    kit("extract")
    kit("init", "es")
    translate(project, "es", "fever")
    po = read_po(project / PO)
    write_po_if_changed(project / PO, po.with_meta("Last-Translator", "Tess T <tess@example.org>"))
    out = review(kit, "Tess T", "clinical", code=2)
    assert "the catalog's Last-Translator" in out


def test_blame_parsing_and_matching() -> None:
    porcelain = (
        "a" * 40
        + ' 1 1 1\nauthor Tess\nauthor-mail <tess@example.org>\n\tmsgstr "x"\n'
        + "0" * 40
        + ' 2 2 1\nauthor Not Committed Yet\nauthor-mail <not.committed.yet>\n\t"y"\n'
    )
    assert parse_blame(porcelain) == {1: Author("Tess", "tess@example.org")}
    assert same_person(Author.parse("TESS  <x@y.org>"), Author("tess", "other@y.org"))
    assert same_person(Author.parse("t@example.org"), Author("Tess", "T@example.org"))
    assert not same_person(Author.parse("Rita"), Author("Tess", "tess@example.org"))
