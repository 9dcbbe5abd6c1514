"""``kit.files.resolved_under`` answers what ``os.path.realpath`` answers for the file and
the project root (the check that refuses a link out of the project relies on it), looking
only at components below the root: held to realpath on every path of a tree with links in,
out, up, in circles and nowhere."""

from __future__ import annotations

import itertools
import os
from pathlib import Path

from kit.reading import resolved_under

NAMES = ("a", "b", "in", "out", "up", "loop", "gone", "f.po", "..", ".")


def _tree(tmp: Path) -> Path:
    outside = tmp / "outside"
    (outside / "a").mkdir(parents=True)
    (outside / "f.po").write_text("x")
    (tmp / "real").mkdir()
    os.symlink(tmp / "real", tmp / "root")  # the project folder is itself reached by a link
    root = tmp / "real"
    (root / "a" / "b").mkdir(parents=True)
    (root / "a" / "f.po").write_text("x")
    (root / "a" / "b" / "f.po").write_text("x")
    os.symlink("b", root / "a" / "in")  # a link inside
    os.symlink(outside, root / "a" / "out")  # a folder outside
    os.symlink(outside / "f.po", root / "a" / "b" / "out")  # a file outside
    os.symlink("..", root / "a" / "b" / "up")
    os.symlink("loop", root / "a" / "loop")
    os.symlink("nowhere", root / "a" / "gone")
    return tmp / "root"


def test_resolved_under_is_realpath_for_every_path_of_the_tree(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    for depth in range(1, 4):
        for parts in itertools.product(NAMES, repeat=depth):
            for base in (str(root), str(tmp_path / "real")):
                path = os.path.join(base, *parts)
                expected = (os.path.realpath(path), os.path.realpath(base))
                assert resolved_under(path, base) == expected, path


def test_a_path_outside_the_root_or_relative_is_resolved_whole(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    for path in (str(tmp_path / "outside" / "f.po"), "relative/f.po", str(root)):
        assert resolved_under(path, str(root)) == (
            os.path.realpath(path),
            os.path.realpath(root),
        )
