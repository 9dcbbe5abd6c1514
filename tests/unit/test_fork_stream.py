"""``kit.commands.fork_stream``: forked workers fed through pipes. Every item is answered
once, big items and answers do not block the pipes, a task's error reaches the parent with
the worker's traceback, and no worker outlives the stream (finished, failed, killed or
abandoned)."""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Iterator

import pytest

from kit.commands.fork_stream import IN_FLIGHT, WorkerDied, fork_stream
from kit.errors import KitError
from tests.processes import children

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="workers start by fork")


def _nothing() -> None:
    return None


@pytest.fixture(autouse=True)
def _no_workers_left() -> Iterator[None]:
    before = children(os.getpid())
    yield
    assert children(os.getpid()) == before, "a worker outlived its stream"


def test_every_item_is_answered_once_by_the_workers() -> None:
    answers = list(fork_stream(lambda n: (n * n, os.getpid()), iter(range(200)), 2, _nothing))
    assert sorted(square for square, _ in answers) == [n * n for n in range(200)]
    workers = {pid for _, pid in answers}
    assert os.getpid() not in workers and len(workers) == 2


def test_answers_come_while_items_are_still_being_taken() -> None:
    """A build's progress shows as the workers go: each worker holds at most ``IN_FLIGHT``
    items, so the first answer is given before more than ``2 * IN_FLIGHT`` of 50 are taken."""
    taken: list[int] = []

    def items() -> Iterator[int]:
        for n in range(50):
            taken.append(n)
            yield n

    taken_at_each_answer = [len(taken) for _ in fork_stream(str, items(), 2, _nothing)]
    assert len(taken_at_each_answer) == 50
    assert taken_at_each_answer[0] <= 2 * IN_FLIGHT


def test_items_and_answers_larger_than_a_pipe_do_not_block() -> None:
    big = [bytes([n]) * (3 << 20) for n in range(6)]  # 3 MiB each; a pipe holds 64 KiB
    answers = list(fork_stream(lambda b: b + b, iter(big), 2, _nothing))
    assert sorted(answers) == sorted(b + b for b in big)


def test_each_worker_runs_start_first() -> None:
    state: list[str] = []

    def start() -> None:
        state.append("started")

    assert set(fork_stream(lambda _: tuple(state), iter(range(10)), 2, start)) == {("started",)}
    assert state == []  # in the workers only


def _fail(n: int) -> int:
    if n == 7:
        raise ValueError(f"item {n} is bad")
    return n


def test_a_tasks_error_is_raised_with_the_workers_traceback() -> None:
    with pytest.raises(ValueError, match="item 7 is bad") as caught:
        list(fork_stream(_fail, iter(range(20)), 2, _nothing))
    assert "_fail" in str(caught.value.__cause__)  # where in the worker it was raised


def test_an_error_that_cannot_be_pickled_still_arrives() -> None:
    class Local(Exception):
        """Defined in a function: pickle cannot find the class by its name."""

    def fail(_: int) -> int:
        raise Local("local trouble")

    with pytest.raises(RuntimeError, match="Local: local trouble"):
        list(fork_stream(fail, iter(range(3)), 2, _nothing))


def test_a_worker_that_dies_is_an_error_and_the_other_is_stopped() -> None:
    def die(n: int) -> int:
        if n == 5:
            os._exit(3)
        return n

    with pytest.raises(WorkerDied, match=r"a worker process exited \(3\) while it still had work"):
        list(fork_stream(die, iter(range(40)), 2, _nothing))


def test_a_killed_worker_is_a_clear_error_with_a_hint() -> None:
    """What the out-of-memory killer does: the user sees an error and what to do, no
    traceback (``WorkerDied`` is a ``KitError``)."""

    def killed(n: int) -> int:
        if n == 5:
            os.kill(os.getpid(), signal.SIGKILL)
        return n

    with pytest.raises(KitError) as caught:
        list(fork_stream(killed, iter(range(40)), 2, _nothing))
    text = caught.value.format()
    assert text.startswith("Error: a worker process was killed by SIGKILL while it still had work")
    assert "hint: the system may be out of memory" in text and "--jobs" in text


def test_a_stream_left_early_stops_its_workers() -> None:
    stream = fork_stream(lambda n: n, iter(range(100)), 2, _nothing)
    next(stream)
    stream.close()


def test_a_start_that_fails_says_why_on_stderr(capfd: pytest.CaptureFixture[str]) -> None:
    def start() -> None:
        raise OSError("no fonts")

    with pytest.raises(WorkerDied):
        list(fork_stream(lambda n: n, iter(range(4)), 2, start))
    sys.stderr.flush()
    assert "OSError: no fonts" in capfd.readouterr().err


def test_a_fork_that_fails_leaves_nothing_open(monkeypatch: pytest.MonkeyPatch) -> None:
    """No second process to be had (memory, a process limit): the error comes through, the
    first worker is stopped, and no pipe is left open."""
    real_fork = os.fork
    forks: list[int] = []

    def second_fails() -> int:
        forks.append(1)
        if len(forks) == 2:
            raise BlockingIOError(11, "Resource temporarily unavailable")
        return real_fork()

    open_before = len(os.listdir("/proc/self/fd"))
    monkeypatch.setattr(os, "fork", second_fails)
    with pytest.raises(BlockingIOError):
        list(fork_stream(lambda n: n, iter(range(4)), 2, _nothing))
    assert len(os.listdir("/proc/self/fd")) == open_before
