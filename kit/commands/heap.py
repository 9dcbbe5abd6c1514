"""The garbage collector during a long command (``kit build``, ``kit check``).

kit's objects are freed by reference counting: a build or check makes no cyclic garbage of its
own (``tests/html/test_build_snapshot.py`` holds a build to that), so the collector's walks
only find objects alive. ``heap_set_aside`` keeps them from walking what the command does not
change:

* the objects made before it (kit's modules and their data, some 45,000) are set aside while it
  runs (``gc.freeze``): the walks of the older generations went through all of them, 30-45 ms
  of a 3.7 s build of 2,200 pages;
* the first generation is walked every ``FIRST_GENERATION`` allocations, not every 20,000
  (``kit.cli``'s setting): each walk found what the command keeps (its results), 24 ms of that
  build and 56 ms of a ``kit check`` of 62,500 entries;
* at the end, what it made and keeps joins the oldest generation without a walk (``freeze``
  then ``unfreeze``): else the first allocation after it walked them all (14 ms after that
  build).

Everything is given back after (``kit serve`` builds and checks again and again in one
process). Cycles (a PDF engine's, an exception kept with its traceback) are still collected.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

FIRST_GENERATION = 100_000  # cyclic garbage waiting for a walk: 100,000 small objects at most


@contextlib.contextmanager
def heap_set_aside() -> Iterator[None]:
    thresholds = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(max(thresholds[0], FIRST_GENERATION), *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.freeze()
        gc.unfreeze()
