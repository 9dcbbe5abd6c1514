"""What two processes can gain over one on this machine, for work like kit's.

A ``--jobs 2`` ratio means little without the machine's own ceiling: two virtual CPUs may
share a physical core or its caches, and a shared machine gives its cores to others. This
runs the same pure-Python work (reading PO catalogs with ``kit.po.parse_po``, then walking
their entries: kit's own kind of work, no file system) in one process, then in two at once,
and gives the throughput of two over one. ``kit build --jobs 2`` cannot beat it.
"""

from __future__ import annotations

import multiprocessing
import time
from pathlib import Path

from kit.po import parse_po


def _work(texts: list[bytes], rounds: int) -> float:
    start = time.perf_counter()
    for _ in range(rounds):
        for data in texts:
            po = parse_po(data, Path("x.po"))
            sum(len(e.msgid) + len(e.msgstr) for e in po.entries)
    return time.perf_counter() - start


def _child(texts: list[bytes], rounds: int, out: multiprocessing.Queue[float]) -> None:
    out.put(_work(texts, rounds))


def parallel_ceiling(catalogs: list[Path], rounds: int = 3) -> float:
    """Two processes' throughput over one's (2.0: no loss), best of three tries."""
    texts = [p.read_bytes() for p in catalogs]
    context = multiprocessing.get_context("fork")
    best = 0.0
    for _ in range(3):
        one = _work(texts, rounds)
        queue: multiprocessing.Queue[float] = context.Queue()
        workers = [context.Process(target=_child, args=(texts, rounds, queue)) for _ in range(2)]
        start = time.perf_counter()
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        both = time.perf_counter() - start
        best = max(best, 2 * one / both)
    return best
