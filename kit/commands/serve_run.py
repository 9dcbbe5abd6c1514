"""``kit serve``'s main loop: first render, then watch → rebuild → notify until stopped.

Prints the address and one line per rebuild (with its time) or error to the stream given.
Ctrl-C or SIGTERM stop it cleanly: the watcher ends, open event streams close, the server
shuts down and the cache folder is removed.
"""

from __future__ import annotations

import shutil
import signal
import tempfile
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

from kit.commands.preview_data import error_problem
from kit.commands.serve import Preview, folders
from kit.errors import KitError
from kit.project import Project
from kit.serve.server import Broker, PreviewServer
from kit.serve.watch import Scope, watch_project

Say = Callable[[str], None]


@dataclass(frozen=True)
class ServeOptions:
    host: str = "127.0.0.1"
    port: int = 8000
    locales: tuple[str, ...] = ()


def run_serve(project: Project, options: ServeOptions, say: Say) -> None:
    project.locales(options.locales)  # an unknown --locale is an error before anything starts
    cache = Path(tempfile.mkdtemp(prefix="kit-serve-"))
    preview = Preview(project, options.locales, cache)
    broker = Broker()
    stop = threading.Event()
    previous = _on_signals(stop)
    started = time.perf_counter()
    preview.rebuild(Scope(everything=True))
    _report_errors(preview, say)
    try:
        server = PreviewServer(options.host, options.port, preview.content, broker)
    except OSError as exc:
        shutil.rmtree(cache, ignore_errors=True)
        raise KitError(
            f"cannot listen on {options.host} port {options.port}: {exc.strerror or exc}",
            hint="another program may use that port: choose one with --port (0: any free port)",
        ) from exc
    thread = threading.Thread(target=server.serve_forever, name="kit-serve", daemon=True)
    thread.start()
    say(f"kit serve: {server.url} ({time.perf_counter() - started:.1f} s; Ctrl-C to stop)")
    handouts = _Handouts(preview, broker, say)
    checker = threading.Thread(target=_check, args=(preview, broker, set()), daemon=True)
    checker.start()
    try:
        for scope in watch_project(folders(preview.project), stop):
            try:
                _update(preview, broker, scope, say, handouts)
            except Exception:  # a bug in kit must not end a translator's session
                say(traceback.format_exc().rstrip())
                say("kit serve: that was a bug in kit (please report it); still serving")
    finally:
        stop.set()
        server.stop()
        thread.join(timeout=5)
        signal.signal(signal.SIGTERM, previous)
        shutil.rmtree(cache, ignore_errors=True)
        say("kit serve: stopped")


def _on_signals(
    stop: threading.Event,
) -> signal.Handlers | Callable[[int, FrameType | None], object] | int | None:
    def handler(signum: int, frame: FrameType | None) -> None:
        stop.set()

    previous = signal.signal(signal.SIGTERM, handler)
    signal.signal(signal.SIGINT, handler)  # click restores nothing; the process ends after
    return previous


def _update(preview: Preview, broker: Broker, scope: Scope, say: Say, handouts: _Handouts) -> None:
    started = time.perf_counter()
    pages = preview.rebuild(scope)
    took = time.perf_counter() - started
    broker.publish({"kind": "pages", "pages": pages})
    say(f"kit serve: {len(pages)} page(s) updated in {took * 1000:.0f} ms")
    _report_errors(preview, say)
    codes = {code for _, code in scope.pages if code != "*"} if not scope.everything else set()
    threading.Thread(target=_check, args=(preview, broker, codes), daemon=True).start()
    handouts.want({k for k in preview.pdf_wanted if f"{k[1]}/{k[0]}.html" in pages})


class _Handouts:
    """Re-renders open handouts one page at a time in a background thread, so a save is
    never kept waiting behind the PDFs of the previous one (repeated saves coalesce)."""

    def __init__(self, preview: Preview, broker: Broker, say: Say) -> None:
        self.preview, self.broker, self.say = preview, broker, say
        self.pending: dict[tuple[str, str], float] = {}
        self.ready = threading.Condition()
        threading.Thread(target=self._run, name="kit-serve-handouts", daemon=True).start()

    def want(self, keys: set[tuple[str, str]]) -> None:
        with self.ready:
            now = time.perf_counter()
            for key in keys:
                self.pending.setdefault(key, now)
            self.ready.notify()

    def _run(self) -> None:
        while True:
            with self.ready:
                while not self.pending:
                    self.ready.wait()
                key = min(self.pending)
                saved = self.pending.pop(key)
            try:
                self.preview.render_handouts(key, _announce(self.broker, self.say, saved))
            except Exception:
                self.say(traceback.format_exc().rstrip())


def _announce(broker: Broker, say: Say, started: float) -> Callable[[str], None]:
    def ready(name: str) -> None:
        broker.publish({"kind": "handouts", "files": [name]})
        say(f"kit serve: {name} updated in {time.perf_counter() - started:.1f} s")

    return ready


def _check(preview: Preview, broker: Broker, codes: set[str]) -> None:
    preview.check(codes)
    with preview.lock:
        pages = sorted(
            f"{code}/{slug}.html" for slug, code in preview.pages if not codes or code in codes
        )
    broker.publish({"kind": "pages", "pages": pages, "findings": True})


def _report_errors(preview: Preview, say: Say) -> None:
    with preview.lock:
        for errors in preview.errors.values():
            for error in errors:
                shown = error_problem(error, preview.project.root)
                say(f"Error: {shown.where}: {shown.message}")
