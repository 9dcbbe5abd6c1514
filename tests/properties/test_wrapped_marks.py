"""A must-retranslate record that a translator's tool wrapped: polib (and Django's Rosetta,
which saves with it) wraps ``#`` comments at 78 columns, Babel at 76, with Python's textwrap,
which also breaks a hyphenated word after its hyphen. kit reads the record back whole from
the file polib wrote, whatever the width, the reason and the comments around it: same reason,
same stale hash, the entry still must-retranslate; and dropping the record drops every line
of it and nothing else."""

from __future__ import annotations

import polib
from hypothesis import given, settings
from hypothesis import strategies as st

from kit.catalog.states import (
    State,
    msgstr_hash,
    must_retranslate_comment,
    must_retranslate_mark,
    state,
    without_mark,
)
from kit.po import PoEntry, parse_po

WORD = st.from_regex(r"[a-z0-9→,;:.]{1,12}(-[a-z]{1,8})?", fullmatch=True)
REASONS = st.lists(WORD, min_size=1, max_size=30).map(" ".join)
NOTES = st.lists(
    st.from_regex(r"[A-Z][a-z ,.]{0,90}", fullmatch=True).map(str.strip).filter(bool),
    max_size=2,
)
HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


@settings(max_examples=300, deadline=None)
@given(
    reason=REASONS,
    width=st.integers(min_value=30, max_value=100),
    before=NOTES,
    after=NOTES,
    msgstr=st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs")), min_size=1),
)
def test_a_record_polib_wrapped_reads_back_whole(
    reason: str, width: int, before: list[str], after: list[str], msgstr: str
) -> None:
    stale = PoEntry(msgid="Give 2 ml every 6 hours.", msgstr=msgstr)
    record = must_retranslate_comment(reason, stale)
    written = polib.POEntry(
        msgid=stale.msgid, msgstr=msgstr, tcomment="\n".join((*before, record, *after))
    ).__unicode__(wrapwidth=width)
    (entry,) = parse_po(HEADER + written + "\n", "x.po").entries

    mark = must_retranslate_mark(entry)
    assert mark is not None
    assert (mark.reason, mark.stale_hash) == (reason, msgstr_hash(stale))
    assert state(entry) is State.MUST_RETRANSLATE
    kept = without_mark(entry.translator_comments)
    assert " ".join(kept).split() == " ".join((*before, *after)).split()
