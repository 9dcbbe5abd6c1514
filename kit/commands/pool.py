"""Worker processes for commands that do the same work for many files (build, extract).

Started only when there is work for more than one process; with ``jobs == 1`` everything runs
in this process, in order, which keeps tracebacks and profiling simple.

A worker dies with its parent: killed ``kit`` (SIGKILL, the OOM killer, a CI timeout) leaves
no worker waiting forever for work that will never come (``_die_with_parent``).

``map`` uses the standard library's ``ProcessPoolExecutor``. ``stream`` (``kit build``, whose
parent hands out documents while it reads them) uses ``kit.commands.fork_stream`` on Linux:
forked workers fed through pipes, without the executor's helper threads competing with the
parent for the GIL and with the workers for the cores.
"""

from __future__ import annotations

import functools
import os
import signal
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import as_completed
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:  # imported when workers start (multiprocessing: 10 ms of every command)
    from concurrent.futures import ProcessPoolExecutor


def default_jobs() -> int:
    """The CPUs this process may use (CI containers often allow fewer than the machine has)."""
    return (
        len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    )


T = TypeVar("T")
R = TypeVar("R")


Setup = tuple[Callable[..., None], tuple[object, ...]]  # a function and its arguments


class WorkerPool:
    """Worker processes, started only if there is work for more than one: the same workers
    decide and render, so each imports WeasyPrint and loads fonts once. ``setup``: a
    module-level function and its arguments, called in each worker as it starts (what
    every task needs, sent once)."""

    def __init__(self, jobs: int, setup: Setup | None = None) -> None:
        self.jobs = jobs
        self.setup = setup
        self.executor: ProcessPoolExecutor | None = None

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.executor is not None:
            self.executor.shutdown()

    def _get(self) -> ProcessPoolExecutor:
        if self.executor is None:
            from concurrent.futures import ProcessPoolExecutor

            self.executor = ProcessPoolExecutor(
                max_workers=self.jobs,
                initializer=_start_worker,
                initargs=(os.getpid(), self.setup),
            )
        return self.executor

    def map(self, func: Callable[[T], R], items: list[T]) -> list[R]:
        if self.jobs <= 1 or len(items) <= 1:
            return [func(item) for item in items]
        return list(self._get().map(func, items, chunksize=max(1, len(items) // (self.jobs * 4))))

    def stream(self, func: Callable[[T], R], items: Iterator[T]) -> Iterator[R]:
        """Each item sent to a worker as soon as one can take it (so the workers start
        while the rest are still being made), and the results as they come, while later
        items are still being taken (a build's progress shows as it goes). Without workers,
        in order."""
        if self.jobs <= 1:
            yield from (func(item) for item in items)
            return
        if _FORKS:
            from kit.commands.fork_stream import fork_stream

            start = functools.partial(_start_worker, os.getpid(), self.setup)
            yield from fork_stream(func, items, self.jobs, start)
            return
        futures = [self._get().submit(func, item) for item in items]
        for future in as_completed(futures):
            yield future.result()


# Where workers start as copies of this process (Linux), ``stream`` uses its own thread-free
# workers (``kit.commands.fork_stream``); elsewhere the standard library's pool.
_FORKS = sys.platform.startswith("linux") and hasattr(os, "fork")

_PR_SET_PDEATHSIG = 1


def _start_worker(parent: int, setup: Setup | None) -> None:
    _die_with_parent(parent)
    if setup is not None:
        function, args = setup
        function(*args)


def _die_with_parent(parent: int) -> None:
    """In a worker: be killed when the parent dies (Linux's ``PR_SET_PDEATHSIG``; elsewhere
    nothing), and exit now if it already has (it died before the request was made)."""
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (AttributeError, OSError):
        return
    if os.getppid() != parent:
        os._exit(1)
