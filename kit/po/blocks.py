"""Whole PO entries matched by one regular expression each: what ``quick_entries`` tries first.

Why: the line reader (``kit.po.quick._Reader``) makes several Python calls per line (the
comment dispatch alone ran 186,000 times for 125 catalogs of 500 messages), and reading
catalogs was 13-17 % of a cold ``kit build`` and of ``kit check``. Here one match captures
an entry's comment blocks and strings, and the Python work is per entry, not per line.

What it reads: entries as msgcat, msgmerge and kit write them. Comments in msgcat's order
(``#`` translator, ``#.`` extracted, ``#:`` references, ``#,`` flags), then ``#|`` previous
strings, then ``[msgctxt] msgid`` and ``msgstr`` or ``msgid_plural`` with ``msgstr[N]``;
every keyword followed by one space and one string, continuation strings alone on their
lines, only the simple escapes (``\\n \\t \\" \\\\`` ...), blank lines only between entries.
Obsolete entries the same with ``#~ `` and ``#~| ``. References are taken only when they
are plain blank-separated ``FILE`` or ``FILE:N`` (no ``./``, no leading zero, no
``FILE : N`` spellings).

What it falls back on: ``block_entries`` stops at the first entry that is not of that form
and says where; ``quick_entries`` reads the rest with the line reader (which gives up on
what is unusual, and then the strict reader of ``kit.po.lex`` / ``kit.po.entries`` reads
the file and reports errors). The entries are exactly those of the other readers, line
numbers included; ``tests/po/test_po_blocks.py`` checks it on random and damaged files.
"""

from __future__ import annotations

import re

from kit.po.flags import canonical_flags
from kit.po.model import PoEntry

# One string and the newline after it: no raw quote, only the escapes the line reader takes.
_STRING = r'"[^"\\\n]*(?:\\[ntbrfva\\"][^"\\\n]*)*"\n'
_COMMENTS = (
    r"(?P<translator>(?:#(?![.:,!~|])[^\n]*\n)*)"
    r"(?P<extracted>(?:#\.[^\n]*\n)*)"
    r"(?P<refs>(?:#:[^\n]*\n)*)"
    r"(?P<flags>(?:#[,!][^\n]*\n)*)"
)
_EXTRACTED = re.compile(r"#\. ?([^\n]*)\n")
_UNESCAPE = {"n": "\n", "t": "\t", "b": "\b", "r": "\r", "f": "\f", "v": "\v", "a": "\a"}
_UNESCAPE |= {"\\": "\\", '"': '"'}
_ESCAPE = re.compile(r"\\(.)")


def _strings(mark: str) -> str:
    """A string, then continuation strings on lines starting with ``mark``."""
    return f"{_STRING}(?:{re.escape(mark)}{_STRING})*"


def _entry_pattern(mark: str, previous: str) -> re.Pattern[str]:
    """An entry whose keyword lines start with ``mark`` and previous strings with ``previous``,
    and the blank lines after it."""
    k, p = re.escape(mark), re.escape(previous)
    s, ps = _strings(mark), _strings(previous)
    return re.compile(
        _COMMENTS
        + f"(?:(?:{p}msgctxt (?P<p_ctx>{ps}))?{p}msgid (?P<p_id>{ps})"
        + f"(?:{p}msgid_plural (?P<p_plural>{ps}))?)?"
        + f"(?:{k}msgctxt (?P<ctx>{s}))?"
        + f"{k}msgid (?P<id>{s})"
        + f"(?:{k}msgstr (?P<str>{s})|{k}msgid_plural (?P<plural>{s})"
        + f"(?P<forms>(?:{k}msgstr\\[[0-9]+\\] {s})+))"
        + "\n*"
    )


_ACTIVE = _entry_pattern("", "#| ")
_OBSOLETE = _entry_pattern("#~ ", "#~| ")
_JOIN = {False: '"\n"', True: '"\n#~ "'}  # between two strings of one field
_JOIN_PREVIOUS = {False: '"\n#| "', True: '"\n#~| "'}
_BLANK = re.compile(r"\n*")


class _Unusual(Exception):
    """An entry the line reader must read."""


def block_entries(text: str) -> tuple[list[PoEntry], int]:
    """The entries at the start of ``text`` (decoded, LF line ends, ending with a newline)
    that are of the usual form, and the offset of the first line not read (``len(text)``
    when all were). Untranslated obsolete entries are dropped, as in ``build_entries``."""
    entries: list[PoEntry] = []
    pos = _BLANK.match(text).end()  # type: ignore[union-attr]  # "\n*" always matches
    counted, line = 0, 1  # line is the number of the line at offset counted
    end = len(text)
    active, obsolete = _ACTIVE.match, _OBSOLETE.match
    seen: dict[str, tuple[str, ...]] = {"": ()}  # comment blocks already read in this file
    while pos < end:
        match = active(text, pos) or obsolete(text, pos)
        if match is None:
            break
        where = match.start(_ID)
        line += text.count("\n", counted, where)
        counted = where
        try:
            entry = _entry(match, line, seen)
        except _Unusual:
            break
        if entry is not None:
            entries.append(entry)
        pos = match.end()
    return entries, pos


_ID = _ACTIVE.groupindex["id"]  # the same in _OBSOLETE: both come from _entry_pattern


def _entry(match: re.Match[str], line: int, seen: dict[str, tuple[str, ...]]) -> PoEntry | None:
    """The entry of ``match`` (None for an untranslated obsolete one). ``seen`` maps comment
    blocks already read in this file to their comments: most entries of a file have the same
    ``#:`` line, and many the same ``#.`` lines."""
    (
        translator,
        extracted,
        refs,
        flags,
        p_ctx,
        p_id,
        p_plural,
        ctx,
        msgid,
        msgstr,
        plural,
        forms,
    ) = match.groups()
    obsolete = match.re is _OBSOLETE
    join = _JOIN[obsolete]
    texts: tuple[str, ...] = ()
    if plural is None:
        msgstr = msgstr[1:-2]
        if '"' in msgstr or "\\" in msgstr:
            msgstr = _value(msgstr, join)
        first = msgstr
    else:
        msgstr, texts, plural = "", _forms(forms, obsolete), _value(plural[1:-2], join)
        first = texts[0]
    msgid = msgid[1:-2]
    if '"' in msgid or "\\" in msgid:
        msgid = _value(msgid, join)
    translator_comments = seen.get(translator)
    if translator_comments is None:
        translator_comments = seen[translator] = _translator(translator)
    extracted_comments = seen.get(extracted)
    if extracted_comments is None:
        extracted_comments = seen[extracted] = tuple(_EXTRACTED.findall(extracted))
    references = seen.get(refs)
    if references is None:
        references = seen[refs] = _references(refs)
    previous = _JOIN_PREVIOUS[obsolete]
    values = {
        "msgid": msgid,
        "msgstr": msgstr,
        "msgctxt": None if ctx is None else _value(ctx[1:-2], join),
        "msgid_plural": plural,
        "msgstr_plural": texts,
        "flags": _flags(flags, bool(first), obsolete) if flags else (),
        "translator_comments": translator_comments,
        "extracted_comments": extracted_comments,
        "references": references,
        "previous_msgctxt": None if p_ctx is None else _value(p_ctx[1:-2], previous),
        "previous_msgid": None if p_id is None else _value(p_id[1:-2], previous),
        "previous_msgid_plural": None if p_plural is None else _value(p_plural[1:-2], previous),
        "obsolete": obsolete,
        "line": line,
        "raw": None,
    }
    if obsolete and not first:
        return None  # after reading every string: one the line reader refuses must stop here
    entry: PoEntry = object.__new__(PoEntry)
    object.__setattr__(entry, "__dict__", values)  # a frozen dataclass: see quick._entry
    return entry


def _value(block: str, join: str) -> str:
    """The value of a field's strings without the first and the last quote (``a"``, newline,
    ``"b`` -> ``ab``); ``join`` is what comes between two of its strings."""
    value = block
    if "\n" in value:
        value = value.replace(join, "")
    if "\\" in value:
        if "\\\\" not in value:  # every backslash starts an escape: replace the usual one
            value = value.replace("\\n", "\n")
        if "\\" in value:
            value = _ESCAPE.sub(_unescape, value)
        try:
            value.encode("utf-8")  # the strict reader rejects escapes next to lone surrogates
        except UnicodeEncodeError:
            raise _Unusual from None
    return value


def _unescape(match: re.Match[str]) -> str:
    return _UNESCAPE[match[1]]


_FORM_LINE = {False: re.compile(r"^msgstr\[([0-9]+)\] ", re.M)}
_FORM_LINE[True] = re.compile(r"^#~ msgstr\[([0-9]+)\] ", re.M)


def _forms(block: str, obsolete: bool) -> tuple[str, ...]:
    """The ``msgstr[N]`` values of ``block``, which must number them 0, 1, 2 ..."""
    parts = _FORM_LINE[obsolete].split(block)  # "", "0", strings, "1", strings ...
    join = _JOIN[obsolete]
    values = []
    for index in range(1, len(parts), 2):
        if int(parts[index]) != index // 2:
            raise _Unusual
        values.append(_value(parts[index + 1][1:-2], join))
    return tuple(values)


def _translator(block: str) -> tuple[str, ...]:
    """``# text`` lines without ``# `` (or only ``#``)."""
    return tuple(line[2:] if line[1:2] == " " else line[1:] for line in block[:-1].split("\n"))


_FLAGS: dict[tuple[str, bool, bool], tuple[str, ...]] = {}


def _flags(block: str, translated: bool, obsolete: bool) -> tuple[str, ...]:
    """The canonical flags of the last ``#,`` line (GNU resets the flags on each one)."""
    key = (block[block.rfind("\n", 0, -1) + 3 : -1], translated, obsolete)
    found = _FLAGS.get(key)
    if found is None:
        found = canonical_flags([key[0]], translated=translated, obsolete=obsolete)
        if len(_FLAGS) < 1000:  # the few flag lines of a project, not every odd one
            _FLAGS[key] = found
    return found


def _references(block: str) -> tuple[str, ...]:
    """The ``FILE`` and ``FILE:N`` words of ``#:`` lines, each once; anything else (``./``,
    ``FILE : N``, ``FILE:07``, tabs) is left to the line reader."""
    text = block[2:-1].replace("\n#:", " ")
    if "\t" in text or "./" in text:
        raise _Unusual
    if ":" in text and (
        " :" in text or ": " in text or ":0" in text or text[0] == ":" or text[-1] == ":"
    ):
        raise _Unusual
    words = [word for word in text.split(" ") if word]
    if len(words) > 1 and len(set(words)) < len(words):
        return tuple(dict.fromkeys(words))
    return tuple(words)
