"""How fast this host runs Python right now, by work that does not change with kit.

A shared machine's speed swings by 10-20 % from one minute to the next, which is as much as a
benchmark's margin. The benchmarks print this reference beside their figures, taken just
before their runs: the same figure on a slower host comes with a larger reference, so two
runs can be told apart from a change to kit. The work is fixed and uses only the standard
library: splitting, joining and searching text, building dicts and tuples, a regular
expression, the way kit reads catalogs and pages.
"""

from __future__ import annotations

import re
import time

_WORDS = "Give the medicine twice a day with food and call the clinic if your child has a fever"
_NUMBER = re.compile(r"\d+")


def _work() -> int:
    total = 0
    for n in range(18000):
        text = f"{_WORDS} {n} times, at 555-{n:04d}."
        words = text.split()
        seen = {word.lower(): index for index, word in enumerate(words)}
        total += len(seen) + len(_NUMBER.findall(text))
        total += len(" ".join(reversed(words))) + len(tuple(sorted(seen)))
    return total


def reference_seconds(tries: int = 5) -> float:
    """The best of ``tries`` runs of the fixed work, in CPU seconds (about 0.1 s)."""
    best = float("inf")
    for _ in range(tries):
        start = time.process_time()
        _work()
        best = min(best, time.process_time() - start)
    return best


def describe(seconds: float) -> str:
    return (
        f"host reference {seconds * 1000:.0f} ms "
        "(bench/hostspeed.py: fixed Python work, the same for every kit; larger on a slower host)"
    )
