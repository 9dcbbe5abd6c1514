"""``kit.snapshot``: inside a snapshot a question is asked once per key, a failure or an
exception is asked again, and nothing is kept after it (or outside one)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kit.reading import not_link, resolved_under
from kit.snapshot import active, holds_once, keep, once, snapshot


def _asker(answers: list[Any]) -> tuple[list[int], Callable[[], Any]]:
    """A question that gives ``answers`` in turn (the last one again), and how often it was asked."""
    asked = [0]

    def ask() -> Any:
        asked[0] += 1
        answer = answers[min(asked[0], len(answers)) - 1]
        if isinstance(answer, Exception):
            raise answer
        return answer

    return asked, ask


def test_outside_a_snapshot_every_question_is_asked() -> None:
    asked, ask = _asker([1, 2])
    assert (once("k", ask), once("k", ask)) == (1, 2)
    assert asked == [2] and not active()


def test_inside_a_snapshot_an_answer_is_kept_until_it_ends() -> None:
    asked, ask = _asker([1, 2, 3])
    with snapshot():
        assert active()
        assert [once("k", ask) for _ in range(3)] == [1, 1, 1]
        with snapshot():  # a nested one is the same snapshot
            assert once("k", ask) == 1
        assert once("k", ask) == 1
    assert asked == [1] and not active()
    with snapshot():
        assert once("k", ask) == 2


def test_an_exception_is_not_kept() -> None:
    asked, ask = _asker([OSError("gone"), 7])
    with snapshot():
        with pytest.raises(OSError):
            once("k", ask)
        assert once("k", ask) == 7
        assert once("k", ask) == 7
    assert asked == [2]


def test_a_check_that_failed_is_asked_again_and_one_that_held_is_not() -> None:
    asked, check = _asker([False, True, False])
    with snapshot():
        assert not holds_once("k", check)
        assert holds_once("k", check)
        assert holds_once("k", check)
        keep("written", True)
        assert holds_once("written", lambda: False)
    assert asked == [2]
    assert not holds_once("written", lambda: False)  # kept only in that snapshot


def test_a_folder_made_a_link_between_two_builds_is_seen(tmp_path: Path) -> None:
    """What ``resolved_under`` kept in one build is not trusted in the next."""
    root, outside = tmp_path / "root", tmp_path / "outside"
    (root / "locales").mkdir(parents=True)
    outside.mkdir()
    (root / "locales" / "f.po").write_text("x")
    (outside / "f.po").write_text("y")
    path = str(root / "locales" / "f.po")
    with snapshot():
        assert resolved_under(path, str(root))[0] == path
        assert not_link(str(root / "locales"))
    (root / "locales" / "f.po").unlink()
    (root / "locales").rmdir()
    os.symlink(outside, root / "locales")
    with snapshot():
        assert resolved_under(path, str(root))[0] == str(outside / "f.po")
        assert not not_link(str(root / "locales"))
