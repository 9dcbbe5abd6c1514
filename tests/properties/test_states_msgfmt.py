"""Translators' tools see kit's states: after kit writes a catalog (``kit update`` = merge,
``kit normalize``), every must-retranslate entry carries ``#, fuzzy`` and keeps its ``#|``
text, so ``kit status`` and GNU ``msgfmt --statistics`` count every catalog the same way,
whatever a hand edit did to the flags before."""

from __future__ import annotations

import re
import subprocess
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kit.catalog.counts import catalog_status
from kit.catalog.merge import MergeOptions, merge
from kit.catalog.states import (
    State,
    must_retranslate_comment,
    state,
    unmarked,
    with_states_marked,
)
from kit.po import PoEntry, PoFile, format_po
from kit.po.model import format_header
from tests.conftest import require_tool

HEADER = PoEntry(
    msgid="",
    msgstr=format_header(
        [
            ("Language", "es"),
            ("MIME-Version", "1.0"),
            ("Content-Type", "text/plain; charset=UTF-8"),
            ("Content-Transfer-Encoding", "8bit"),
            ("Plural-Forms", "nplurals=2; plural=(n != 1);"),
        ]
    ),
)
KINDS = ("untranslated", "translated", "fuzzy", "must", "must-cleared", "stale-mark-edited")


def entry(index: int, kind: str, plural: bool, previous: bool) -> PoEntry:
    msgid = f"Give {index} ml every {index + 4} hours."
    base = PoEntry(
        msgid=msgid,
        msgid_plural=f"Give {index} doses." if plural else None,
        msgstr="" if plural or kind == "untranslated" else f"Dé {index} ml.",
        msgstr_plural=(f"Dé {index} dosis.", f"Dé {index} dosis.") if plural else (),
        previous_msgid=f"Give {index + 1} ml." if previous or kind.startswith("must") else None,
        references=(f"source/x.md:{index + 1}",),
    )
    if plural and kind == "untranslated":
        base = base.with_changes(msgstr_plural=("", ""))
    if kind == "fuzzy":
        return base.with_changes(flags=("fuzzy",))
    if kind in ("must", "must-cleared", "stale-mark-edited"):
        mark = must_retranslate_comment(f"number {index + 1} → {index}", base)
        flags = ("fuzzy",) if kind == "must" else ()
        marked = base.with_changes(translator_comments=(mark,), flags=flags)
        if kind == "stale-mark-edited":  # translator wrote a new translation and saved
            first = "Nueva traducción."
            return marked.with_changes(
                msgstr="" if plural else first,
                msgstr_plural=(first, first) if plural else (),
                previous_msgid=None,
            )
        return marked
    return base


catalogs = st.lists(
    st.tuples(st.sampled_from(KINDS), st.booleans(), st.booleans()), min_size=1, max_size=12
).map(
    lambda specs: PoFile(
        HEADER, tuple(entry(i, kind, plural, prev) for i, (kind, plural, prev) in enumerate(specs))
    )
)


def msgfmt_statistics(data: bytes) -> dict[str, int]:
    msgfmt = require_tool("msgfmt")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "x.po"
        path.write_bytes(data)
        result = subprocess.run(
            [msgfmt, "--statistics", "-o", "/dev/null", str(path)],
            capture_output=True,
            text=True,
            check=True,
        )
    found = re.findall(r"(\d+) (translated|fuzzy|untranslated)", result.stderr)
    return {kind: int(n) for n, kind in found if int(n)}


def kit_counts(po: PoFile) -> dict[str, int]:
    status = catalog_status(po)
    return {
        "translated": status.translated.messages,
        "fuzzy": status.fuzzy.messages + status.must_retranslate.messages,
        "untranslated": status.untranslated.messages,
    }


def template_of(po: PoFile) -> PoFile:
    return PoFile(
        PoEntry(msgid="", msgstr=""),
        tuple(e.with_changes(msgstr="", msgstr_plural=(), flags=()) for e in po.entries),
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(catalogs)
def test_status_and_msgfmt_agree_after_every_kit_write(po: PoFile) -> None:
    for written in (merge(po, template_of(po), MergeOptions()), with_states_marked(po)):
        assert unmarked(written) == 0
        stats = msgfmt_statistics(format_po(written).encode("utf-8"))
        assert {k: v for k, v in kit_counts(written).items() if v} == stats
        for before, after in zip(po.entries, written.entries, strict=True):
            assert state(after) is state(before)  # states are kept, only made visible
            if state(before) is State.MUST_RETRANSLATE:
                assert after.fuzzy and after.previous_msgid == before.previous_msgid


def test_a_hand_cleared_flag_is_what_makes_tools_disagree() -> None:
    po = PoFile(HEADER, (entry(1, "must-cleared", False, True),))
    assert kit_counts(po) == {"translated": 0, "fuzzy": 1, "untranslated": 0}
    assert msgfmt_statistics(format_po(po).encode("utf-8")) == {"translated": 1}
    assert unmarked(po) == 1  # kit status warns about it until kit writes the catalog
