"""A time limit per handout render.

Chosen: ``SIGALRM`` (``signal.setitimer``) in the rendering process, not a subprocess per
handout. A fresh process costs ~0.5 s of imports and fontconfig start-up per handout (ten
times the render itself, reference §1.9), which would break the 15 % overhead budget; the
alarm costs nothing. The handler raises ``RenderTimeout``, a ``BaseException`` so WeasyPrint's
``except Exception`` blocks cannot swallow it; Python runs the handler between bytecodes, and
WeasyPrint's layout is Python, so a runaway layout stops within milliseconds of the limit.

Limits: signals work only in the main thread of a process. Called from another thread (a
thread pool), the guard does nothing and says so in the log; ``kit build --jobs`` uses
processes, whose main threads render. A stuck C call (Pango, HarfBuzz) is not interrupted
until it returns. Memory is not limited here (``RLIMIT_AS`` is process-wide): the build's
worker processes are the place for that.
"""

from __future__ import annotations

import logging
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

log = logging.getLogger(__name__)

DEFAULT_TIME_LIMIT = 60.0  # seconds; a handout renders in well under one


class RenderTimeout(BaseException):  # a BaseException on purpose, see above
    """The render took longer than its limit."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise ``RenderTimeout`` in this block after ``seconds`` (0 or less: no limit)."""
    if seconds <= 0:
        yield
        return
    if threading.current_thread() is not threading.main_thread() or not hasattr(
        signal, "setitimer"
    ):
        log.debug("render time limit not enforced outside the main thread")
        yield
        return

    def _expired(signum: int, frame: FrameType | None) -> None:
        raise RenderTimeout(f"rendering took longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, _expired)
    old_delay, old_interval = signal.setitimer(signal.ITIMER_REAL, seconds)
    start = time.monotonic()
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if old_delay:  # an outer timer was running: give it back what is left of it
            left = old_delay - (time.monotonic() - start)
            signal.setitimer(signal.ITIMER_REAL, max(left, 0.001), old_interval)
