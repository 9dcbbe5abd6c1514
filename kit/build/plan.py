"""Which outputs a build must render: fingerprints, the cache, and shards. Pure functions.

An output (document, locale, format) is rebuilt only when one of its inputs changed: the
source document and its images, the locale's PO and review sign-off, the templates and assets,
``kit.toml``, the kit version, and which locales of the document are published (the language
switcher lists them). Inputs are hashed from their bytes, so nothing is parsed to find out
that nothing changed.
"""

from __future__ import annotations

import hashlib
import json
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from kit.errors import KitError


@dataclass(frozen=True, order=True)
class Task:
    slug: str
    locale: str
    fmt: str  # "html" or "pdf" (every PDF variant of the document in that locale)

    @property
    def key(self) -> str:
        return f"{self.slug}/{self.locale}/{self.fmt}"

    @property
    def shard_key(self) -> str:
        """A page and its handouts go to the same shard: the page lists the handouts' page
        counts and sizes, read from the PDFs its own shard has just written."""
        return f"{self.slug}/{self.locale}"


@dataclass(frozen=True)
class Shard:
    index: int  # 1-based
    count: int

    def owns(self, key: str) -> bool:
        return zlib.crc32(key.encode("utf-8")) % self.count == self.index - 1


ALL = Shard(1, 1)


def parse_shard(text: str | None) -> Shard:
    if not text:
        return ALL
    k, sep, n = text.partition("/")
    if not (sep and k.isdigit() and n.isdigit()) or not 1 <= int(k) <= int(n):
        raise KitError(
            f"--shard {text!r} is not K/N with 1 <= K <= N", hint="for example --shard 2/3"
        )
    return Shard(int(k), int(n))


def digest(parts: Iterable[bytes | str]) -> str:
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


@dataclass(frozen=True)
class Cache:
    """What the previous build made: input hash → publish decision, output key → fingerprint."""

    decisions: Mapping[str, Mapping[str, object]]
    outputs: Mapping[str, str]

    def to_json(self) -> str:
        """Sorted and compact: without ``indent`` the json module encodes in C (a build of
        2,200 pages spent 80 ms writing this file indented)."""
        data = {"version": 1, "decisions": dict(self.decisions), "outputs": dict(self.outputs)}
        return json.dumps(data, sort_keys=True, separators=(",", ":")) + "\n"


EMPTY = Cache({}, {})


def cache_from_json(text: str) -> Cache:
    """A damaged or foreign cache is ignored (the build redoes everything), never fatal."""
    try:
        data = json.loads(text)
        if data.get("version") == 1:
            return Cache(
                dict(data["decisions"]), {str(k): str(v) for k, v in data["outputs"].items()}
            )
    except (ValueError, KeyError, TypeError, AttributeError):
        pass
    return EMPTY


def fingerprint(
    input_hash: str, templates_hash: str, published: tuple[str, ...], task: Task, version: str
) -> str:
    return digest((input_hash, templates_hash, ",".join(published), task.key, version))
