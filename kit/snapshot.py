"""One build's view of the project's files: each looked at once.

A build of 2,200 pages asked the file system the same questions thousands of times: is the
template still as it was loaded (Jinja asks before every page), is ``locales/es`` a link
(asked for every catalog read below it), is the stylesheet, the image, the asset beside the
page still the one seen before. Each answer is a ``stat``, about 3 µs with Python's share,
and together they were some 28,000 of the build's 49,000 (about 2.5 % of its time).

Inside ``snapshot()`` (``kit.commands.build_run`` enters it for one build, and its worker
processes inherit it) such a question is asked once, and its answer kept until the build
ends: a file the build has looked at is taken as it was then, as a compiler takes a header
it has read. Outside a snapshot nothing is kept, so ``kit serve``, which renders on request,
sees every edit. What the build reads is still checked for what it is (inside the project,
a regular file, not too large) the first time; its content is hashed as before; and the
no-op stamp (``kit.commands.build_noop``) still looks at every file after the build, so a
file edited while a build ran is not taken as unchanged by the next one.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Hashable, Iterator
from typing import TypeVar

T = TypeVar("T")

_KEPT: dict[Hashable, object] | None = None  # the open snapshot's answers, None outside one


@contextlib.contextmanager
def snapshot() -> Iterator[None]:
    """Keep what is looked up with ``once`` until the block ends (nested: the outer one)."""
    global _KEPT
    if _KEPT is not None:
        yield
        return
    _KEPT = {}
    try:
        yield
    finally:
        _KEPT = None


def once(key: Hashable, look: Callable[[], T]) -> T:
    """``look()``; inside a snapshot, only the first time for ``key`` (an exception is not
    kept: the next call looks again)."""
    kept = _KEPT
    if kept is None:
        return look()
    try:
        return kept[key]  # type: ignore[return-value]
    except KeyError:
        value = kept[key] = look()
        return value


def holds_once(key: Hashable, check: Callable[[], bool]) -> bool:
    """``check()``; inside a snapshot, True without asking again once it held for ``key``
    (a check that failed is asked again: what failed is reported each time)."""
    kept = _KEPT
    if kept is None:
        return check()
    if key in kept:
        return True
    held = check()
    if held:
        kept[key] = True
    return held


def keep(key: Hashable, value: object) -> None:
    """Record ``value`` for ``key`` in the open snapshot (what the build itself just wrote)."""
    if _KEPT is not None:
        _KEPT[key] = value


def active() -> bool:
    return _KEPT is not None
