"""Benchmark: how soon ``kit serve`` shows a saved translation, page and handout.

Starts ``kit serve --port 0`` on a copy of the sample project, listens to its event stream
like a browser does, then saves a changed msgstr in ``locales/es/LC_MESSAGES/
infant-all-handout.po`` several times and measures, from the moment the file is written:

* page: until the page's "pages" event has arrived *and* a fetch of the page holds the new
  text (what the overlay does before it swaps the page in);
* handouts: until each of the page's PDF handouts (standard, large print, bilingual) has
  been re-rendered and announced (after the handouts were opened once in the preview).

Run: ``.venv/bin/python bench/bench_serve.py [--rounds 5]``. Targets: page ≤ 1 s, the
standard handout ≤ 3 s.
"""

from __future__ import annotations

import argparse
import json
import queue
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PO = "locales/es/LC_MESSAGES/infant-all-handout.po"
PAGE = "es/infant-all-handout.html"
OLD = '"poco común en los bebés."'


def listen(url: str, events: queue.Queue[tuple[float, dict[str, object]]]) -> None:
    with urllib.request.urlopen(url + "_kit/events") as stream:
        for raw in stream:
            line = raw.decode("utf-8").rstrip("\n")
            if line.startswith("data: "):
                events.put((time.perf_counter(), json.loads(line[len("data: ") :])))


def wait_for(events: queue.Queue[tuple[float, dict[str, object]]], kind: str, name: str) -> float:
    while True:
        when, event = events.get(timeout=30)
        if event.get("kind") == kind and name in event.get("pages", event.get("files", [])):  # type: ignore[operator]
            return when


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    project = Path(tempfile.mkdtemp(prefix="kit-bench-serve-"))
    shutil.copy(ROOT / "kit.toml", project)
    for folder in ("source", "locales", "templates"):
        shutil.copytree(ROOT / folder, project / folder)
    server = subprocess.Popen(
        [sys.executable, "-m", "kit", "--project", str(project), "serve", "--port", "0"],
        stderr=subprocess.PIPE,
        text=True,
    )
    assert server.stderr is not None
    first = server.stderr.readline()
    match = re.search(r"http://127\.0\.0\.1:\d+/", first)
    assert match, first
    url = match[0]
    threading.Thread(target=lambda: [None for _ in server.stderr or ()], daemon=True).start()
    events: queue.Queue[tuple[float, dict[str, object]]] = queue.Queue()
    threading.Thread(target=listen, args=(url, events), daemon=True).start()
    time.sleep(0.5)
    po = project / PO
    good = po.read_text(encoding="utf-8")
    started = time.perf_counter()
    urllib.request.urlopen(url + "es/infant-all-handout.pdf").read()
    print(
        f"first request of the handouts (renders all three): {time.perf_counter() - started:.2f} s"
    )
    pages: list[float] = []
    standard: list[float] = []
    every: list[float] = []
    for n in range(args.rounds):
        text = f'"poco común en los bebés (prueba {n})."'
        time.sleep(1.0)
        while not events.empty():
            events.get()
        saved = time.perf_counter()
        po.write_text(good.replace(OLD, text), encoding="utf-8")
        wait_for(events, "pages", PAGE)
        body = urllib.request.urlopen(url + PAGE).read().decode("utf-8")
        pages.append(time.perf_counter() - saved)
        assert f"prueba {n}" in body
        standard.append(wait_for(events, "handouts", "es/infant-all-handout.pdf") - saved)
        wait_for(events, "handouts", "es/infant-all-handout.large-print.pdf")
        every.append(wait_for(events, "handouts", "es/infant-all-handout.bilingual.pdf") - saved)
    po.write_text(good, encoding="utf-8")
    server.send_signal(signal.SIGINT)
    server.wait(15)
    shutil.rmtree(project, ignore_errors=True)
    for name, values in (
        ("page", pages),
        ("standard handout", standard),
        ("all 3 handouts", every),
    ):
        print(
            f"{name}: median {statistics.median(values) * 1000:.0f} ms, "
            f"max {max(values) * 1000:.0f} ms over {len(values)} saves"
        )


if __name__ == "__main__":
    main()
