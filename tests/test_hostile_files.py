"""Every file kit reads is a regular file inside the project, within limits.

A catalog, glossary, review record or template that links out of the project is refused and
never published; a named pipe or a device never hangs kit; a link is never replaced with
content by ``kit update``; oversized catalogs and glossaries are clear errors. Runs kit as a
subprocess with a timeout, so a hang fails the test instead of stalling the suite."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow

SECRET = "SECRET-FROM-OUTSIDE"
PO = "locales/es/LC_MESSAGES/infant-all.po"


def sample(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    for name in ("source", "locales", "templates"):
        shutil.copytree(ROOT / name, root / name)
    shutil.copy(ROOT / "kit.toml", root / "kit.toml")
    return root


def kit(root: Path, *args: str) -> tuple[int, str]:
    result = subprocess.run(
        [sys.executable, "-m", "kit", "--project", str(root), *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    return result.returncode, result.stdout + result.stderr


def outside_copy(tmp_path: Path, root: Path, rel: str) -> Path:
    """A copy of ``rel`` outside the project, holding the secret in a translation."""
    text = (root / rel).read_text(encoding="utf-8")
    text = text.replace('msgstr "¿Qué es la LLA en bebés?"', f'msgstr "{SECRET}"')
    outside = tmp_path / "outside" / Path(rel).name
    outside.parent.mkdir(exist_ok=True)
    outside.write_text(text, encoding="utf-8")
    return outside


def published(root: Path) -> str:
    dist = root / "dist"
    return "".join(p.read_text(encoding="utf-8") for p in dist.rglob("*.html") if dist.is_dir())


def test_catalog_linked_outside_is_refused_and_never_published(tmp_path: Path) -> None:
    root = sample(tmp_path)
    outside = outside_copy(tmp_path, root, PO)
    before = outside.read_bytes()
    (root / PO).unlink()
    (root / PO).symlink_to(outside)

    code, output = kit(root, "build", "--format", "html", "--locale", "es", "--jobs", "1")
    assert code == 2 and "link to a file outside the project" in output, output
    assert "Traceback" not in output
    assert SECRET not in published(root)
    assert (root / "dist" / "index.html").is_file()

    code, output = kit(root, "update", "--locale", "es")
    assert code == 2 and "link to a file outside the project" in output, output
    assert (root / PO).is_symlink() and outside.read_bytes() == before

    code, output = kit(root, "check", "--locale", "es")
    assert code == 2 and "link to a file outside the project" in output, output


def test_update_never_replaces_a_link_inside_the_project(tmp_path: Path) -> None:
    root = sample(tmp_path)
    shared = root / "shared" / "infant-all.po"
    shared.parent.mkdir()
    shutil.move(root / PO, shared)
    (root / PO).symlink_to(os.path.relpath(shared, (root / PO).parent))
    (root / "locales" / "infant-all.pot").write_text(
        (root / "locales" / "infant-all.pot").read_text(encoding="utf-8")
        + '\nmsgid "A new message"\nmsgstr ""\n',
        encoding="utf-8",
    )
    before = shared.read_bytes()
    code, output = kit(root, "update", "--locale", "es")
    assert code == 2 and "is a symbolic link; kit never replaces a link" in output, output
    assert (root / PO).is_symlink() and shared.read_bytes() == before


BUILD = ("build", "--format", "html", "--locale", "es", "--jobs", "1")
CHECK = ("check", "--locale", "es")
UPDATE = ("update", "--locale", "es")


@pytest.mark.parametrize(
    ("rel", "commands"),
    [
        (PO, (BUILD, CHECK, UPDATE)),
        ("locales/es/glossary.csv", (CHECK, UPDATE)),
        ("templates/page.html.j2", (BUILD,)),
        ("locales/es/LC_MESSAGES/infant-all.review.json", (BUILD, CHECK)),
        ("templates/css/kit.css", (BUILD,)),
        ("locales/infant-all.pot", (("extract",), UPDATE)),
    ],
    ids=["catalog", "glossary", "template", "review", "stylesheet", "template-pot"],
)
def test_named_pipe_never_hangs(
    rel: str, commands: tuple[tuple[str, ...], ...], tmp_path: Path
) -> None:
    root = sample(tmp_path)
    path = root / rel
    path.unlink(missing_ok=True)
    os.mkfifo(path)
    for command in commands:
        code, output = kit(root, *command)
        assert code == 2 and "is not a regular file (a named pipe)" in output, (command, output)
        assert "Traceback" not in output


def test_device_behind_a_link_never_grows_memory(tmp_path: Path) -> None:
    root = sample(tmp_path)
    (root / PO).unlink()
    (root / PO).symlink_to("/dev/zero")
    for command in (("update", "--locale", "es"), ("check", "--locale", "es")):
        code, output = kit(root, *command)
        assert code == 2 and "outside the project" in output, output


def test_kit_toml_that_is_a_pipe_is_an_error(tmp_path: Path) -> None:
    root = sample(tmp_path)
    (root / "kit.toml").unlink()
    os.mkfifo(root / "kit.toml")
    code, output = kit(root, "check")
    assert code == 2 and "not a regular file" in output, output


def test_oversized_catalog_and_glossary_are_clear_errors(tmp_path: Path) -> None:
    from kit.checks.glossary import MAX_GLOSSARY_ROWS
    from kit.files import MAX_CATALOG_BYTES

    root = sample(tmp_path)
    with (root / PO).open("a", encoding="utf-8") as handle:
        handle.write("# padding\n" * (MAX_CATALOG_BYTES // 10 + 1))
    code, output = kit(root, "check", "--locale", "es")
    assert code == 2 and f"is larger than kit accepts ({MAX_CATALOG_BYTES:,} bytes)" in output

    root = sample(tmp_path / "second")
    rows = "".join(f"term{i},termino{i},\n" for i in range(MAX_GLOSSARY_ROWS + 1))
    (root / "locales" / "es" / "glossary.csv").write_text("source,target,note\n" + rows)
    code, output = kit(root, "check", "--locale", "es")
    assert code == 2 and f"more than {MAX_GLOSSARY_ROWS:,} terms" in output, output[-500:]


def test_too_many_catalog_entries_is_a_clear_error(tmp_path: Path) -> None:
    from kit.po import parse_po
    from kit.po.read import MAX_CATALOG_ENTRIES

    text = "".join(f'msgid "m{i}"\nmsgstr ""\n\n' for i in range(MAX_CATALOG_ENTRIES + 1))
    with pytest.raises(Exception, match=f"kit accepts up to {MAX_CATALOG_ENTRIES:,}"):
        parse_po(text, "big.po")


def test_source_that_is_a_pipe_or_a_device_is_reported(tmp_path: Path) -> None:
    root = sample(tmp_path)
    os.mkfifo(root / "source" / "pipe.md")
    (root / "source" / "zero.md").symlink_to("/dev/zero")
    code, output = kit(root, "extract")
    assert code == 2, output
    assert "source/pipe.md: is not a regular file (a named pipe)" in output, output
    assert "zero.md: points outside the project" in output, output
    assert (root / "locales" / "infant-all.pot").is_file()


def test_build_cache_that_is_a_pipe_is_ignored(tmp_path: Path) -> None:
    root = sample(tmp_path)
    (root / ".kit-cache").mkdir()
    os.mkfifo(root / ".kit-cache" / "build.json")
    code, output = kit(root, *BUILD)
    assert code == 0, output
    assert (root / ".kit-cache" / "build.json").is_file()
