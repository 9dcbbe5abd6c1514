"""Babel extractor: ``pybabel extract -F babel.cfg`` with kit's Markdown segmentation.

Registered as the ``babel.extractors`` entry point ``kit_markdown``::

    # babel.cfg
    [kit_markdown: source/**.md]

It yields exactly the messages ``kit extract`` writes (same msgids, msgctxts and ``#.``
guidance). Babel cannot set flags or file-only references; use ``kit extract`` for catalogs
that must stay byte-identical to GNU gettext.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from typing import IO, Any

from kit.catalog.extract import guidance
from kit.source.parse import decode_source, parse_document


def extract_markdown(
    fileobj: IO[bytes],
    keywords: Mapping[str, Any],
    comment_tags: Collection[str],
    options: Mapping[str, Any],
) -> Iterator[tuple[int, str, str | tuple[str, str], list[str]]]:
    name = str(getattr(fileobj, "name", "<markdown>"))
    doc = parse_document(decode_source(fileobj.read(), name), name)
    for seg in doc.segments():
        if not seg.text.strip():
            continue
        comments = list(guidance(seg))
        if seg.context is not None:
            yield seg.line, "pgettext", (seg.context, seg.text), comments
        else:
            yield seg.line, "gettext", seg.text, comments
