"""Block rules of markdown-it-py behind a test of the line's first character.

markdown-it tries every block rule, in order, at the start of every line (and the
paragraph-ending ones at every further line of a paragraph). Most rules refuse at once unless
the line starts (after its indent) with one of a few characters; testing that character
before the call gives the same tokens without the call, its logging and its set-up
(``tests/unit/test_parse_guards.py`` holds it to the unguarded parser).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock

# What a line must start with (after its indent) for each block rule to match:
# each rule's own first test, made before the rule is called (with its logging and setup).
_BLOCK_STARTS = {
    "fence": "`~",
    "blockquote": ">",
    "hr": "*-_",
    "list": "*-+0123456789",
    "reference": "[",
    "html_block": "<",
    "heading": "#",
}


def guard_block_rules(md: MarkdownIt) -> None:
    """Skip a block rule on a line whose first character it would refuse: the same tokens
    (``tests/unit/test_parse_guards.py``), without trying every rule on every line."""
    for rule in md.block.ruler.__rules__:
        starts = _BLOCK_STARTS.get(rule.name)
        if starts is not None:
            rule.fn = _guarded(rule.fn, starts)
    md.block.ruler.__cache__ = None


def _guarded(fn: Callable[[StateBlock, int, int, bool], bool], starts: str) -> Any:
    @functools.wraps(fn)  # ``__wrapped__``: the rule itself
    def guarded(state: StateBlock, line: int, end: int, silent: bool) -> bool:
        pos = state.bMarks[line] + state.tShift[line]
        first = state.src[pos : pos + 1]
        if first and first not in starts:
            return False
        return fn(state, line, end, silent)

    return guarded
