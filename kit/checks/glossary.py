"""Approved terms per locale: ``locales/<ll>/glossary.csv``.

The file is UTF-8 CSV with a header row ``source,target`` and an optional ``note`` column::

    source,target,note
    bone marrow,médula ósea,
    chemotherapy,quimioterapia|quimio,either is fine
    KMT2A,KMT2A,gene name: never translated

``target`` may list variants separated by ``|``. A row whose target equals its source also
allows a translation to stay identical to the source (drug and gene names).

Matching tolerates case and simple inflection: each word of a term matches a word that
starts with the term word's stem (the word less its last two letters when it has more than
five) followed by up to four more letters, so "leucemia" finds "leucemias" and "лейкоз"
finds "лейкоза". Arabic words may carry the usual one-letter prefixes and the article (ال).
Chinese and Japanese terms match as substrings. A term written in capitals (an acronym such
as ALL) matches only in capitals, as a whole word. Matching errs toward finding a target
term, so a finding means the approved term is really absent.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from kit.errors import CatalogError
from kit.sheets import separator

_HEADER = ("source", "target")
MAX_GLOSSARY_ROWS = 100_000
_UNSPACED = frozenset({"zh", "ja", "th", "lo", "km", "my"})
_AR_PREFIX = r"(?:[وفبكل]?(?:ال|لل)?)?"
_PREFIXED = frozenset({"ar", "fa", "ur"})  # a term's words may follow a prefix (_AR_PREFIX)


@dataclass(frozen=True)
class Term:
    source: str
    targets: tuple[str, ...]
    note: str
    line: int


@dataclass(frozen=True)
class Glossary:
    terms: tuple[Term, ...] = ()
    path: str = ""

    @cached_property
    def identical(self) -> frozenset[str]:
        """Casefolded texts approved to stay as in the source."""
        return frozenset(
            t.source.casefold()
            for t in self.terms
            if t.source.casefold() in {x.casefold() for x in t.targets}
        )


@dataclass(frozen=True)
class Matcher:
    """Glossary terms for one source language and one target language: the source side
    (``SourceTerms``, shared between locales) says which terms a source text holds, and the
    matcher looks for their approved translations, compiling a term's target expressions
    the first time it is needed."""

    terms: tuple[Term, ...]
    source: SourceTerms
    target_language: str
    _targets: dict[int, re.Pattern[str]] = field(default_factory=dict, compare=False, repr=False)

    def missing(self, source: str, target: str) -> list[Term]:
        """Terms present in ``source`` whose approved translations are all absent from ``target``."""
        present = self.source.present(source)
        if not present:  # most messages hold no term: no loop, no generator
            return []
        absent = []
        for index in present:
            targets = self._targets.get(index)
            if targets is None:
                found = self.terms[index].targets
                targets = self._targets[index] = any_of(
                    [term_pattern(x, self.target_language) for x in found]
                )
            if targets.search(target) is None:
                absent.append(self.terms[index])
        return absent


@dataclass(frozen=True)
class SourceTerms:
    """Which glossary terms a source text holds, for one source language. It is shared by
    every locale whose glossary has the same source terms (``source_terms``) and remembers
    the texts it has seen, so a source message is searched once, not once per locale.

    A term's ``needle`` (its first word's stem) is looked up at every place a word may start
    (``Gate``), so a text is tested only against the terms it may contain, and a term's
    expression is compiled the first time it is a candidate. Both keep ``kit check`` linear
    in the glossary's size (20,000 rows: see ``bench/bench_glossary.py``)."""

    sources: tuple[str, ...]
    language: str
    needles: tuple[str, ...]
    gate: Gate | None  # None: a substring test per needle (unspaced and prefixed scripts)
    _patterns: dict[int, re.Pattern[str]] = field(default_factory=dict, compare=False, repr=False)
    _seen: dict[str, tuple[int, ...]] = field(default_factory=dict, compare=False, repr=False)

    def present(self, text: str) -> tuple[int, ...]:
        """The indices of the terms ``text`` holds, in order."""
        found = self._seen.get(text)
        if found is None:
            found = tuple(i for i in self._candidates(text) if self._pattern(i).search(text))
            if len(self._seen) >= _SEEN_LIMIT:
                self._seen.clear()
            self._seen[text] = found
        return found

    def _pattern(self, index: int) -> re.Pattern[str]:
        pattern = self._patterns.get(index)
        if pattern is None:
            pattern = self._patterns[index] = term_pattern(self.sources[index], self.language)
        return pattern

    def _candidates(self, text: str) -> Iterable[int]:
        folded = text.casefold()
        if self.gate is None:
            return [i for i, n in enumerate(self.needles) if n in folded]
        return self.gate.candidates(folded)


@dataclass(frozen=True)
class Gate:
    """Which terms a (casefolded) source text may contain: the terms whose needle starts at
    one of its word starts (a pure function of the needles and the text).

    One regular expression finds every word start with the first ``size`` characters after
    it (``size``: the shortest needle's length), and those characters pick the few needles
    that can start there (``by_prefix``); each is then compared in place."""

    by_prefix: Mapping[str, tuple[tuple[str, tuple[int, ...]], ...]]
    starts: re.Pattern[str]  # a word start, its first ``size`` characters in group 1

    def candidates(self, folded: str) -> tuple[int, ...]:
        hits: set[int] = set()
        by_prefix = self.by_prefix
        for match in self.starts.finditer(folded):
            for needle, indices in by_prefix.get(match[1], ()):
                if folded.startswith(needle, match.start()):
                    hits.update(indices)
        return tuple(sorted(hits))


_SEEN_LIMIT = 200_000


@lru_cache(maxsize=64)
def gate(needles: tuple[str, ...]) -> Gate:
    """The gate of non-empty needles."""
    by_needle: dict[str, list[int]] = {}
    for index, needle in enumerate(needles):
        by_needle.setdefault(needle, []).append(index)
    size = min(map(len, by_needle))
    by_prefix: dict[str, list[tuple[str, tuple[int, ...]]]] = {}
    for needle, indices in by_needle.items():
        by_prefix.setdefault(needle[:size], []).append((needle, tuple(indices)))
    starts = re.compile(rf"(?<!\w)(?=(\S[\s\S]{{{size - 1}}}))")
    return Gate({k: tuple(v) for k, v in by_prefix.items()}, starts)


def parse_glossary(text: str, path: str) -> Glossary:
    """Parse glossary CSV text; any problem is a ``CatalogError`` with file and line."""
    if text.startswith("\ufeff"):
        text = text[1:]
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=separator(text))
    terms: list[Term] = []
    header: list[str] | None = None
    try:
        for row in rows:
            line = rows.line_num
            if not row or all(not cell.strip() for cell in row) or row[0].lstrip().startswith("#"):
                continue
            if header is None:
                header = _header(row, path, line)
                continue
            terms.append(_term(row, header, path, line))
            if len(terms) > MAX_GLOSSARY_ROWS:
                raise CatalogError(
                    f"more than {MAX_GLOSSARY_ROWS:,} terms; kit accepts up to {MAX_GLOSSARY_ROWS:,}",
                    path=path,
                    line=line,
                    hint="split the glossary or remove terms no document uses",
                )
    except csv.Error as exc:
        raise CatalogError(
            f"glossary is not valid CSV: {exc}",
            path=path,
            line=rows.line_num,
            hint="quote cells that contain commas or quotes",
        ) from exc
    if header is None:
        raise CatalogError(
            "glossary is empty",
            path=path,
            line=1,
            hint="start with the header row source,target,note",
        )
    return Glossary(tuple(terms), path)


def _header(row: list[str], path: str, line: int) -> list[str]:
    names = [cell.strip().lower() for cell in row]
    if tuple(names[:2]) != _HEADER or any(n not in ("source", "target", "note") for n in names):
        raise CatalogError(
            f"glossary header must be source,target[,note], not {','.join(row)!r}",
            path=path,
            line=line,
            hint="make the first row: source,target,note",
        )
    return names


def _term(row: list[str], header: list[str], path: str, line: int) -> Term:
    if len(row) > len(header):
        raise CatalogError(
            f"glossary row has {len(row)} cells, the header has {len(header)}",
            path=path,
            line=line,
            hint="quote a cell that contains a comma",
        )
    cells = dict(zip(header, (c.strip() for c in row), strict=False))
    source, target = cells.get("source", ""), cells.get("target", "")
    if not source or not target:
        raise CatalogError(
            "glossary row needs both a source and a target term",
            path=path,
            line=line,
            hint="fill in both cells, or delete the row",
        )
    targets = tuple(t.strip() for t in target.split("|") if t.strip())
    return Term(source, targets, cells.get("note", ""), line)


@lru_cache(maxsize=256)
def matcher(glossary: Glossary, source_language: str, target_language: str) -> Matcher:
    sources = tuple(t.source for t in glossary.terms)
    return Matcher(glossary.terms, source_terms(sources, source_language), target_language)


@lru_cache(maxsize=64)
def source_terms(sources: tuple[str, ...], language: str) -> SourceTerms:
    needles = tuple(_needle(source) for source in sources)
    if language in _UNSPACED or language in _PREFIXED or not all(needles):
        return SourceTerms(sources, language, needles, None)
    return SourceTerms(sources, language, needles, gate(needles))


def _needle(term: str) -> str:
    """A substring of every match of the term, tested before the regex (it is much cheaper)."""
    words = term.casefold().split()
    first = words[0] if words else ""
    return first[:-2] if len(first) > 5 and first.isalpha() else first


def term_pattern(term: str, language: str) -> re.Pattern[str]:
    if term.isupper() or language in _UNSPACED:
        flags = 0 if term.isupper() else re.I
        if language in _UNSPACED and not term.isascii():
            return re.compile(re.escape(term), flags)
        return re.compile(r"(?<!\w)" + re.escape(term) + r"(?!\w)", flags)
    prefix = _AR_PREFIX if language in _PREFIXED else ""
    words = [prefix + _word(w) for w in term.split()]
    return re.compile(r"(?<!\w)" + r"[\s\-]+".join(words) + r"(?!\w)", re.I)


def any_of(patterns: list[re.Pattern[str]]) -> re.Pattern[str]:
    """One expression that matches where any of ``patterns`` does (each keeps its own
    case-sensitivity): one search per term instead of one per approved translation."""
    if len(patterns) == 1:
        return patterns[0]
    if not patterns:
        return _NEVER
    return re.compile(
        "|".join(f"(?{'i' if p.flags & re.I else '-i'}:{p.pattern})" for p in patterns)
    )


_NEVER = re.compile("(?!)")


def _word(word: str) -> str:
    stem = word[:-2] if len(word) > 5 and word.isalpha() else word
    return re.escape(stem) + r"\w{0,4}"
