"""The no-op build's metadata digest (``build_noop._signature``) skips the ``stat`` of names
their folder does not list; it must give the digest of a plain ``os.stat`` of every path."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from kit.commands.build_noop import _signature


def reference(paths: list[str]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        try:
            info = os.stat(path)
        except OSError:
            digest.update(f"{path}\0-\n".encode())
            continue
        fields = (info.st_mode, info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)
        digest.update(f"{path}\0{fields}\n".encode())
    return digest.hexdigest()


def test_listed_or_not_every_path_is_digested_as_stat_sees_it(tmp_path: Path) -> None:
    out = tmp_path / "dist" / "es"
    out.mkdir(parents=True)
    (out / "page.html").write_text("<p>hola</p>")
    (out / "ñandú.html").write_text("<p>non-ASCII name</p>")
    (out / "sub").mkdir()
    (out / "dangling.pdf").symlink_to(tmp_path / "nowhere.pdf")
    (out / "linked.pdf").symlink_to(out / "page.html")
    names = [
        "page.html",
        "PAGE.html",  # another name on a case-sensitive file system
        "ñandú.html",
        "sub",
        "dangling.pdf",
        "linked.pdf",
        "absent.pdf",
        "sub/inner.html",
    ]
    paths = [str(out / n) for n in names]
    paths += [str(tmp_path / "no-such-folder" / "x.html"), "relative-name.html"]
    assert _signature(paths, None) == reference(paths)
    (out / "absent.pdf").write_bytes(b"%PDF-1.7")  # appears: the digest changes
    assert _signature(paths, None) == reference(paths)


def test_a_file_changed_since_the_build_started_gives_no_digest(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text("x")
    since = os.stat(path).st_mtime_ns
    assert _signature([str(path)], since) is None
    assert _signature([str(path)], since + 1) == reference([str(path)])
