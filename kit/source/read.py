"""Source files from disk: ``read_document`` reads and parses one; a build reads each file's
bytes once in the parent (``read_source``), learns its slug from the front matter alone
(``source_slug``: a slug two documents share is refused before either is built) and leaves
the parsing of the body to the worker that builds it (``parse_source``)."""

from __future__ import annotations

from pathlib import Path

from kit.errors import SourceError
from kit.files import read_project_bytes
from kit.model import Document
from kit.source.frontmatter import parse_meta, split_front_matter
from kit.source.parse import MAX_SOURCE_BYTES, decode_source, parse_document


def read_source(path: Path, root: Path, *, checked: bool = False) -> tuple[str, bytes]:
    """A source file's path as shown (relative to ``root``) and its bytes; a file kit refuses
    (outside the project, not a regular file, too large) is a ``SourceError``. ``checked``:
    the caller has already refused a path that resolves outside ``root``
    (``Project.check_inside``), so it is not resolved again."""
    rel = path.relative_to(root).as_posix() if path.is_absolute() else path.as_posix()
    inside = None if checked else root
    data = read_project_bytes(path, inside, MAX_SOURCE_BYTES + 1, error=SourceError, shown=rel)
    return rel, data


def parse_source(data: bytes, rel: str) -> Document:
    """The document in a source file's bytes; every problem is a ``SourceError`` naming file
    and line."""
    return parse_document(decode_source(data, rel), rel)


def read_document(path: Path, root: Path, *, checked: bool = False) -> Document:
    """Read and parse one source file."""
    rel, data = read_source(path, root, checked=checked)
    return parse_source(data, rel)


def source_slug(data: bytes, rel: str) -> str:
    """The slug a source file's front matter gives, the body not parsed; a front matter
    ``parse_source`` would refuse is refused here with the same error."""
    return parse_meta(split_front_matter(decode_source(data, rel), rel), rel).slug
