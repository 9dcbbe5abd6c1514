"""The issued-version register: ``kit issue`` records what was published (commit, epoch,
sha256 of every file) and ``kit reproduce`` rebuilds it from git history byte for byte."""

from __future__ import annotations

import hashlib
import io
import json
import re
import shutil
import subprocess
import tarfile
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from kit.bundle.register import IssuedRow, new_rows, parse_register, to_line
from kit.cli import main
from kit.commands.register import _data_members
from kit.errors import KitError
from tests.conftest import ROOT

GIT = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]


def run(root: Path, *args: str, code: int = 0) -> Result:
    result = CliRunner().invoke(main, ["--project", str(root), *args], catch_exceptions=False)
    assert result.exit_code == code, result.output
    return result


def commit(root: Path, message: str) -> None:
    subprocess.run([*GIT, "-C", str(root), "add", "-A"], check=True)
    subprocess.run([*GIT, "-C", str(root), "commit", "-qm", message], check=True)


@pytest.fixture
def sample(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The sample with Spanish only (to keep the test short), in a fresh git repository."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    for name in ("source", "locales", "templates"):
        shutil.copytree(ROOT / name, tmp_path / name)
    toml = (ROOT / "kit.toml").read_text(encoding="utf-8")
    toml = re.sub(r"(?m)^locales = \[.*\]$", 'locales = ["es"]', toml)
    (tmp_path / "kit.toml").write_text(toml, encoding="utf-8")
    (tmp_path / ".gitignore").write_text("dist/\n.kit-cache/\n", encoding="utf-8")
    subprocess.run(["git", "-C", str(tmp_path), "init", "-q"], check=True)
    commit(tmp_path, "sample")
    return tmp_path


def row(**changes: object) -> IssuedRow:
    base = IssuedRow(
        "fever", "es", "1.0", "2024-03-01", ("Ana (clinical reviewer, 2024-04-15)",),
        "a" * 40, 1714521600, "2024-05-01", "0.1.0", (("es/fever.html", "b" * 64),),
    )  # fmt: skip
    return IssuedRow(**{**base.__dict__, **changes})  # type: ignore[arg-type]


def test_rows_round_trip_and_issuing_again_adds_nothing() -> None:
    one = row()
    assert parse_register(to_line(one) + "\n" + to_line(row(locale="ar"))) == (
        one,
        row(locale="ar"),
    )
    assert new_rows([one], [one, row(commit="c" * 40)]) == (row(commit="c" * 40),)
    with pytest.raises(KitError) as info:
        parse_register(to_line(one) + "{not json\n")
    assert info.value.line == 2


def test_outside_git_issue_is_a_clear_error(tmp_path: Path) -> None:
    shutil.copy(ROOT / "kit.toml", tmp_path / "kit.toml")
    out = run(tmp_path, "issue", code=2).output
    assert "is not a git repository" in out and "hint: run git init" in out
    assert "Traceback" not in out


@pytest.mark.slow
def test_uncommitted_inputs_are_refused(sample: Path) -> None:
    with (sample / "source" / "infant-all.md").open("a", encoding="utf-8") as md:
        md.write("\nOne more line.\n")
    out = run(sample, "issue", "--jobs", "1", code=2).output
    assert "changes that are not committed" in out


@pytest.mark.slow
def test_a_registered_row_is_rebuilt_from_history_byte_identical(sample: Path) -> None:
    out = run(sample, "issue", "--jobs", "2").output
    assert "summary: 4 new row(s) in register/issued.jsonl" in out
    register = sample / "register" / "issued.jsonl"
    rows = parse_register(register.read_text(encoding="utf-8"))
    es = next(r for r in rows if (r.locale, r.document) == ("es", "infant-all"))
    assert [name for name, _ in es.files] == [
        "es/infant-all.bilingual.pdf",
        "es/infant-all.html",
        "es/infant-all.large-print.pdf",
        "es/infant-all.pdf",
    ]
    for name, digest in es.files:
        assert hashlib.sha256((sample / "dist" / name).read_bytes()).hexdigest() == digest
    assert es.source_reviewed == "2018-12-01" and len(es.commit) == 40
    commit(sample, "issued")
    # later work changes the Spanish translation; the issued version stays reproducible
    po = sample / "locales" / "es" / "LC_MESSAGES" / "infant-all.po"
    po.write_text(
        po.read_text(encoding="utf-8").replace("Puede buscar", "Usted puede buscar"), "utf-8"
    )
    commit(sample, "later edit")
    again = run(sample, "reproduce", "--document", "infant-all", "--locale", "es").output
    assert f"identical  es/infant-all 1.0 at {es.commit[:12]} (4 files)" in again
    assert "summary: 1 identical, 0 differ" in again
    # a register whose sha256 does not match is caught (exit 1)
    lines = register.read_text(encoding="utf-8").splitlines()
    data = [json.loads(line) for line in lines]
    for item in data:
        if (item["locale"], item["document"]) == ("es", "infant-all"):
            item["files"]["es/infant-all.pdf"] = "0" * 64
    register.write_text("".join(json.dumps(d) + "\n" for d in data), encoding="utf-8")
    bad = run(sample, "reproduce", "--document", "infant-all", "--locale", "es", code=1).output
    assert "DIFFERS  es/infant-all 1.0" in bad and "es/infant-all.pdf" in bad


@pytest.mark.slow
def test_a_must_retranslate_edit_keeps_the_last_registered_spanish_version(sample: Path) -> None:
    run(sample, "issue", "--jobs", "2")
    commit(sample, "issued")
    rows = parse_register((sample / "register" / "issued.jsonl").read_text(encoding="utf-8"))
    es = next(r for r in rows if (r.locale, r.document) == ("es", "infant-all"))
    md = sample / "source" / "infant-all.md"
    md.write_text(md.read_text(encoding="utf-8").replace("about 2 years", "about 3 years"), "utf-8")
    run(sample, "extract")
    run(sample, "update", "--locale", "es")
    out = run(sample, "build", "--jobs", "2").output
    assert " withheld  dist/es/infant-all.html: 1 segment(s) must be retranslated" in out
    assert (
        " restored  es/infant-all: the issued version 1.0 (source reviewed 2018-12-01, "
        f"issued {es.issued}, commit {es.commit[:12]}) is published instead"
    ) in out
    dist = sample / "dist"
    for name, digest in es.files:  # page and every handout, byte-identical to the register
        assert hashlib.sha256((dist / name).read_bytes()).hexdigest() == digest
    page = (dist / "es" / "infant-all.html").read_text(encoding="utf-8")
    assert "revisada el 1 de diciembre de 2018" in page  # labelled with its own review date
    # the language switcher of the other pages and the index still list it
    assert 'href="es/infant-all.html"' in (dist / "index.html").read_text(encoding="utf-8")
    english = (dist / "en" / "infant-all.html").read_text(encoding="utf-8")
    assert 'href="../es/infant-all.html"' in english
    # the next build takes the issued files from .kit-cache/issued/ without rebuilding
    again = run(sample, "build", "--jobs", "2").output
    assert " restored  es/infant-all" in again
    for name, digest in es.files:
        assert hashlib.sha256((dist / name).read_bytes()).hexdigest() == digest
    # the dashboard shows the register: the withheld Spanish page serves issued version 1.0
    run(sample, "report")
    report = (dist / "report.html").read_text(encoding="utf-8")
    assert '<h2 id="issued">Issued versions</h2>' in report
    assert (
        "<tr><td>infant-all</td><td>es</td><td>1.0</td><td>2018-12-01</td><td>none</td>"
        f"<td>{es.issued}</td><td><code>{es.commit[:12]}</code></td><td>4</td><td>yes</td></tr>"
    ) in report


def _tar(*members: tuple[str, bytes | str]) -> tarfile.TarFile:
    """An archive of regular files (bytes) and symbolic links (str: the link's target)."""
    data = io.BytesIO()
    with tarfile.open(fileobj=data, mode="w") as archive:
        for name, content in members:
            info = tarfile.TarInfo(name)
            if isinstance(content, str):
                info.type, info.linkname = tarfile.SYMTYPE, content
                archive.addfile(info)
            else:
                info.size, info.mode = len(content), 0o4777
                archive.addfile(info, io.BytesIO(content))
    data.seek(0)
    return tarfile.open(fileobj=data)


def test_the_extraction_rule_for_python_before_3_11_4_keeps_what_stays_inside(
    tmp_path: Path,
) -> None:
    """Debian 12's Python 3.11.2 has no tarfile "data" filter: kit applies its rule itself."""
    archive = _tar(("source/a.md", b"# A\n"), ("templates/link.css", "../source/a.md"))
    archive.extractall(tmp_path, members=_data_members(archive))
    assert (tmp_path / "templates" / "link.css").read_text() == "# A\n"
    assert (tmp_path / "source" / "a.md").stat().st_mode & 0o7777 == 0o755  # no set-id, no o+w


@pytest.mark.parametrize(
    "member",
    [("../outside.md", b"x"), ("/etc/kit.md", b"x"), ("source/l", "../../x"), ("l", "/etc")],
)
def test_the_extraction_rule_refuses_what_leaves_the_folder(
    member: tuple[str, bytes | str],
) -> None:
    with pytest.raises(KitError, match="not a file, folder or link inside the project"):
        _data_members(_tar(member))
