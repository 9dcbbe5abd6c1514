"""Forked workers fed through pipes, with no threads: ``WorkerPool.stream`` where processes
start by ``fork`` (Linux).

Why not ``concurrent.futures.ProcessPoolExecutor``: it moves every task through two helper
threads (a manager and a queue feeder) and a wake-up pipe in the parent, which take turns
with the parent's own thread for the GIL and with the workers for the cores. For ``kit build
--jobs 2`` of 2,200 pages (``bench/bench_build.py --issue``) the parent spent about 0.3
CPU-seconds more than a serial build on the same steps, and every function in the workers
ran 10-15 % slower than in one process (same call counts); workers forked with the parent
idle ran as fast as one process. Here the parent's one thread pickles an item, writes it to
a worker's pipe, and reads the results back with ``select``; nothing else runs in it.

Protocol: each worker has a pipe for items and one for results. A frame is an 8-byte length
then a pickle. A worker that sees the end of its item pipe exits; one that dies with items
outstanding (killed, out of memory, a crash in a C library) is a ``WorkerDied`` error in the
parent, which then stops the others. An exception a task raises is raised in the parent,
with the worker's traceback as its cause (as ``ProcessPoolExecutor`` does). Workers ignore
Ctrl-C: the parent stops them (``SIGKILL`` for one still working; a temporary file it leaves
is removed by the next kit run that writes to that folder: ``kit.files``).
"""

from __future__ import annotations

import os
import pickle
import selectors
import signal
import sys
import traceback
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, field
from typing import TypeVar

from kit.errors import KitError

T = TypeVar("T")
R = TypeVar("R")

IN_FLIGHT = 2  # items a worker holds at once: one it works on, one ready for when it is done
_HEADER = 8
_CHUNK = 1 << 16


class WorkerDied(KitError):
    """A worker process ended while it still had work: killed (the out-of-memory killer, a
    CI runner's limits) or crashed. Reported as an error, without a traceback: kit's bug or
    not, the user's move is the same."""


class RemoteTraceback(Exception):
    """The traceback of an exception raised in a worker (its text: printed as the cause)."""

    def __str__(self) -> str:
        return str(self.args[0])


@dataclass
class _Worker:
    pid: int
    items: int  # write end of the item pipe (non-blocking)
    results: int  # read end of the result pipe
    outbox: bytearray = field(default_factory=bytearray)
    inbox: bytearray = field(default_factory=bytearray)
    held: int = 0  # items sent and not yet answered
    reaped: bool = False  # its exit status has been collected (``os.waitpid``)


def fork_stream(
    func: Callable[[T], R], items: Iterator[T], jobs: int, start: Callable[[], None]
) -> Generator[R, None, None]:
    """``func`` of every item, in ``jobs`` forked processes, results as they come (so not in
    order). Each item is pickled and sent when a worker has fewer than ``IN_FLIGHT``; ``start``
    runs first in every worker."""
    for stream in (sys.stdout, sys.stderr):  # what is buffered is written once, by the parent
        stream.flush()
    workers: list[_Worker] = []
    try:
        for _ in range(jobs):
            workers.append(_fork(func, start, workers))
        yield from _exchange(workers, items)
    finally:
        _stop(workers)


def _fork(func: Callable[[T], R], start: Callable[[], None], before: list[_Worker]) -> _Worker:
    item_read, item_write = os.pipe()
    result_read, result_write = os.pipe()
    try:
        pid = os.fork()
    except OSError:  # no process to be had (memory, a limit): nothing is left open
        for fd in (item_read, item_write, result_read, result_write):
            os.close(fd)
        raise
    if pid == 0:  # the worker: never returns into the parent's code
        code = 1
        try:
            # the parent's ends, this worker's and the workers' forked before it (while one
            # of those stays open here, that worker never sees the end of its items)
            for fd in (
                item_write,
                result_read,
                *(w.items for w in before),
                *(w.results for w in before),
            ):
                os.close(fd)
            signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C: the parent stops us
            start()
            _serve(func, item_read, result_write)
            code = 0
        except BrokenPipeError:  # the parent stopped reading: it is stopping us
            pass
        except BaseException:  # not a task's error (those go back): say what, then stop
            traceback.print_exc()
        finally:
            os._exit(code)  # no atexit handlers, no buffers of the parent's flushed twice
    os.close(item_read)
    os.close(result_write)
    os.set_blocking(item_write, False)
    return _Worker(pid, item_write, result_read)


def _serve(func: Callable[[T], R], item_fd: int, result_fd: int) -> None:
    """In a worker: answer every item until the parent closes the pipe."""
    with os.fdopen(item_fd, "rb") as reader, os.fdopen(result_fd, "wb") as writer:
        while header := reader.read(_HEADER):
            item = pickle.loads(reader.read(int.from_bytes(header, "little")))
            try:
                answer: tuple[object, str | None] = (func(item), None)
                data = pickle.dumps(answer, pickle.HIGHEST_PROTOCOL)
            except Exception as exc:  # raised in the parent, with this traceback
                data = pickle.dumps(_portable(exc), pickle.HIGHEST_PROTOCOL)
            writer.write(len(data).to_bytes(_HEADER, "little") + data)
            writer.flush()


def _portable(exc: Exception) -> tuple[Exception, str]:
    """The exception (or a stand-in, if it cannot be pickled) and its traceback's text."""
    text = "".join(traceback.format_exception(exc))
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:
        exc = RuntimeError(f"{type(exc).__name__}: {exc}")
    return exc, text


def _exchange(workers: list[_Worker], items: Iterator[T]) -> Iterator[R]:
    """Feed and read until every item is answered, each answer given as it comes: while it
    is used (a build's progress lines), each worker still holds an item to work on."""
    selector = selectors.DefaultSelector()
    for worker in workers:
        selector.register(worker.results, selectors.EVENT_READ, worker)
    pending = iter(items)
    more = True
    while True:
        more = more and _feed(workers, pending)
        _flush(workers, selector, closing=not more)
        if not any(w.held for w in workers):
            return
        for key, _ in selector.select():
            ready: _Worker = key.data
            if key.fd == ready.items:
                _write(ready)
            else:
                yield from _read(ready, selector)


def _feed(workers: list[_Worker], pending: Iterator[T]) -> bool:
    """Give items to workers that hold fewer than ``IN_FLIGHT``; False when there are none left."""
    while True:
        worker = min(workers, key=lambda w: w.held)
        if worker.held >= IN_FLIGHT:
            return True
        try:
            item = next(pending)
        except StopIteration:
            return False
        data = pickle.dumps(item, pickle.HIGHEST_PROTOCOL)
        worker.outbox += len(data).to_bytes(_HEADER, "little") + data
        worker.held += 1


def _flush(workers: list[_Worker], selector: selectors.BaseSelector, *, closing: bool) -> None:
    """Write what each worker can take now, and wait for room where more is waiting. With no
    items left, a worker whose outbox is empty is told so (its item pipe is closed)."""
    for worker in workers:
        if worker.outbox:
            _write(worker)
        watched = worker.items >= 0 and worker.items in selector.get_map()
        if worker.outbox and not watched:
            selector.register(worker.items, selectors.EVENT_WRITE, worker)
        elif watched and not worker.outbox:
            selector.unregister(worker.items)
        if closing and not worker.outbox and worker.items >= 0:
            os.close(worker.items)
            worker.items = -1


def _write(worker: _Worker) -> None:
    try:
        sent = os.write(worker.items, worker.outbox)
    except BlockingIOError:
        return
    except BrokenPipeError as exc:
        raise _died(worker) from exc
    del worker.outbox[:sent]


def _read(worker: _Worker, selector: selectors.BaseSelector) -> Iterator[R]:
    """What one read from the worker completes (raising a task's error as it comes)."""
    chunk = os.read(worker.results, _CHUNK)
    if not chunk:
        selector.unregister(worker.results)
        os.close(worker.results)
        worker.results = -1
        if worker.held:
            raise _died(worker)
        return
    worker.inbox += chunk
    while len(worker.inbox) >= _HEADER:
        size = int.from_bytes(worker.inbox[:_HEADER], "little")
        if len(worker.inbox) < _HEADER + size:
            return
        value, error = pickle.loads(worker.inbox[_HEADER : _HEADER + size])
        del worker.inbox[: _HEADER + size]
        worker.held -= 1
        if error is not None:
            raise value from RemoteTraceback(f'\n"""\n{error}"""')
        yield value


def _died(worker: _Worker) -> WorkerDied:
    """The error for a worker gone with work outstanding, saying how it ended."""
    _, status = os.waitpid(worker.pid, 0)
    worker.reaped = True
    code = os.waitstatus_to_exitcode(status)
    how = f"was killed by {signal.Signals(-code).name}" if code < 0 else f"exited ({code})"
    return WorkerDied(
        f"a worker process {how} while it still had work",
        hint="the system may be out of memory (its out-of-memory killer sends SIGKILL): run "
        "again with fewer --jobs; what was written is kept, and the next run does the rest",
    )


def _stop(workers: list[_Worker]) -> None:
    """Close the pipes and wait for every worker; one still working (the parent is stopping
    early: an error, Ctrl-C) is killed first."""
    for worker in workers:
        for fd in (worker.items, worker.results):
            if fd >= 0:
                os.close(fd)
        if worker.reaped:
            continue
        if worker.held:
            os.kill(worker.pid, signal.SIGKILL)
        os.waitpid(worker.pid, 0)
