"""``kit check --shard K/N``: each CI build runner checks what it builds, and the bundle job
lays nothing out.

A sharded check takes the (document, locale) pairs ``kit build --shard K/N`` gives its shard.
Every finding of the unsharded check is reported by exactly one shard: a source finding by the
shard of (document, source locale), the project's own findings by shard 1. Each shard keeps
its layouts in ``.kit-cache/overflow.K-of-N.json``; with every shard's fragment beside it,
``kit bundle`` lays nothing out and writes the same zips as without them. The runners check
the project out at different paths, as CI runners may.
"""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import pytest

from kit.build.plan import Shard, Task
from tests.bundle.test_jobs import overflowing
from tests.test_render_refusals import run

pytestmark = pytest.mark.slow
N = 3  # wide/en, wide/es and wide/fr fall in three different shards
CACHE = Path(".kit-cache")

Finding = dict[str, object]


def check(root: Path, *args: str) -> list[Finding]:
    code, output = run(root, "check", "--format", "json", "--jobs", "1", *args)
    assert code in (0, 1), output
    found: list[Finding] = json.loads(output)["findings"]
    return found


def identity(f: Finding) -> tuple[object, ...]:
    return (f["check"], f["severity"], f["locale"], f["document"], f["path"], f["line"])


def runners(root: Path, tmp_path: Path) -> list[Path]:
    """``kit check --shard K/N`` for each K, each on its own copy (a fresh CI runner)."""
    made = []
    for k in range(1, N + 1):
        runner = tmp_path / f"runner-{k}"
        shutil.copytree(root, runner, ignore=shutil.ignore_patterns(".kit-cache", "dist"))
        made.append(runner)
    return made


def no_layout(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object) -> None:
        raise AssertionError("laid out although a shard's fragment knew the answer")

    monkeypatch.setattr("kit.pdf.overflow.overflowing_texts", refuse)


def test_each_finding_is_reported_by_one_shard(tmp_path: Path) -> None:
    root = overflowing(tmp_path)
    whole = check(root)
    owner = {
        (slug, code): k
        for slug in ("fever", "wide", "plain")
        for code in ("en", "es", "fr")
        for k in range(1, N + 1)
        if Shard(k, N).owns(Task(slug, code, "html").shard_key)
    }
    assert len({owner["wide", code] for code in ("en", "es", "fr")}) == N  # the case of interest
    parts = []
    for k, runner in enumerate(runners(root, tmp_path), start=1):
        part = check(runner, "--shard", f"{k}/{N}")
        for f in part:
            if (f["document"], f["locale"]) in owner:
                assert owner[f["document"], f["locale"]] == k, f
        assert (runner / CACHE / f"overflow.{k}-of-{N}.json").is_file()
        assert not (runner / CACHE / "overflow.json").exists()
        parts += part
    assert Counter(map(identity, parts)) == Counter(map(identity, whole))
    overflow = {identity(f) for f in whole if f["check"] == "render.overflow"}
    assert {identity(f) for f in parts if f["check"] == "render.overflow"} == overflow
    assert {("en", "source/wide.md"), ("es", "locales/es/LC_MESSAGES/fever.po")} <= {
        (f[2], f[4]) for f in overflow
    }
    # Messages are the same, except a source block's, which names only its shard's handouts.
    same = [f for f in whole if not (f["check"] == "render.overflow" and f["locale"] == "en")]
    assert all(f in parts for f in same)


def test_bundle_after_sharded_checks_lays_nothing_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1714521600")
    root = overflowing(tmp_path)
    assert run(root, "build", "--format", "html", "--jobs", "1")[0] == 0
    shutil.rmtree(root / CACHE, ignore_errors=True)
    for k, runner in enumerate(runners(root, tmp_path), start=1):
        check(runner, "--shard", f"{k}/{N}")
        fragment = runner / CACHE / f"overflow.{k}-of-{N}.json"
        (root / CACHE).mkdir(exist_ok=True)
        shutil.copy(fragment, root / CACHE / fragment.name)  # download-artifact, merged
    with monkeypatch.context() as patch:
        no_layout(patch)
        merged = bundled(root)
        assert run(root, "report")[0] == 0  # reads the fragments too
    assert sorted(p.name for p in (root / CACHE).iterdir()) == [
        f"overflow.{k}-of-{N}.json" for k in range(1, N + 1)
    ]  # read, not written

    shutil.rmtree(root / CACHE)
    assert bundled(root) == merged  # laid out here: the same zips, dashboard and index

    (root / CACHE).mkdir()
    (root / CACHE / f"overflow.1-of-{N}.json").write_text('{"format": 1, "lay', encoding="utf-8")
    assert bundled(root) == merged  # a damaged fragment only costs time


def bundled(root: Path) -> dict[str, bytes]:
    out = root / "dist"
    shutil.rmtree(out / "bundles", ignore_errors=True)
    (out / "report.html").unlink(missing_ok=True)
    code, output = run(root, "bundle", "--jobs", "1")
    assert code == 0, output
    files = [*sorted((out / "bundles").glob("*.zip")), out / "report.html", out / "index.html"]
    return {p.name: p.read_bytes() for p in files}


def test_an_unsharded_check_merges_the_fragments(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = overflowing(tmp_path)
    whole = check(root)
    shutil.rmtree(root / CACHE)
    for k in range(1, N + 1):
        check(root, "--shard", f"{k}/{N}")  # one folder: each shard reads the others' too
    with monkeypatch.context() as patch:
        no_layout(patch)
        assert check(root) == whole
    assert sorted(p.name for p in (root / CACHE).iterdir()) == ["overflow.json"]
    with monkeypatch.context() as patch:
        no_layout(patch)
        assert check(root, "--jobs", "2") == whole
        assert check(root, "--shard", "1/1") == whole  # a one-runner matrix: its fragment
    assert sorted(p.name for p in (root / CACHE).iterdir()) == [
        "overflow.1-of-1.json",
        "overflow.json",
    ]


@pytest.mark.parametrize("value", ["0/3", "4/3", "3", "a/b", "1/0", "-1/2"])
def test_a_bad_shard_is_refused(tmp_path: Path, value: str) -> None:
    (tmp_path / "kit.toml").write_text("", encoding="utf-8")
    code, output = run(tmp_path, "check", "--shard", value)
    assert code == 2, output
    assert f"--shard {value!r} is not K/N with 1 <= K <= N" in output
