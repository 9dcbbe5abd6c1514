"""Shared by every benchmark: run the same measurement at several sizes and print the cost per
unit of work at each, so a cost that grows faster than the work shows as a rising column.

``--scales 1,4,16`` multiplies a small base corpus by each factor; ``--scales`` alone means
``1,4`` (a minute or two). Without ``--scales`` a benchmark runs its usual comparison.

Time is measured as CPU seconds (user + system) of this process and of every child process
it waited for (``resource.getrusage``), so the figures hold on a loaded machine where wall
time does not; wall time is printed beside them for reference.
"""

from __future__ import annotations

import argparse
import resource
import time
from collections.abc import Callable
from dataclasses import dataclass

DEFAULT = "1,4"


def add_scales_option(parser: argparse.ArgumentParser, base: str) -> None:
    """``--scales [LIST]``; ``base`` says what one unit of scale is (shown in --help)."""
    parser.add_argument(
        "--scales",
        nargs="?",
        const=DEFAULT,
        default=None,
        metavar="LIST",
        help=f"run at these multiples of a small base ({base}) and print the cost per unit "
        f"at each; alone: {DEFAULT}; e.g. 1,4,16",
    )


def parse_scales(text: str) -> list[int]:
    scales = [int(part) for part in text.split(",") if part.strip()]
    if not scales or any(s < 1 for s in scales):
        raise SystemExit(f"--scales: positive integers separated by commas, not {text!r}")
    return scales


def cpu_seconds() -> float:
    """CPU time so far of this process plus its finished (waited-for) children."""
    return sum(cpu_parts())


def cpu_parts() -> tuple[float, float]:
    """User and system CPU time so far of this process plus its waited-for children."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + children.ru_utime, own.ru_stime + children.ru_stime


@dataclass(frozen=True)
class Sample:
    units: int  # how much work was done (documents, entries, pages, handouts...)
    cpu: float  # CPU seconds of the work, children included
    wall: float
    system: float = 0.0  # the part of ``cpu`` spent in the kernel (file creation, mostly)


def measure(work: Callable[[], int]) -> Sample:
    """Run ``work`` (which returns how many units it did) and time it."""
    (user, system), wall = cpu_parts(), time.perf_counter()
    units = work()
    user_after, system_after = cpu_parts()
    spent = system_after - system
    return Sample(units, user_after - user + spent, time.perf_counter() - wall, spent)


def run_scales(
    label: str,
    unit: str,
    scales: list[int],
    step: Callable[[int], dict[str, Sample]],
) -> dict[int, dict[str, Sample]]:
    """Call ``step(scale)`` for each scale (it returns one Sample per measured tool or phase)
    and print a table: per phase, the units, CPU and wall seconds, CPU milliseconds per unit,
    that per-unit cost relative to the smallest scale (1.00 = linear), and the marginal cost
    (extra CPU ms per extra unit since the previous scale, which leaves out fixed costs such
    as interpreter start-up: it stays flat when growth is linear)."""
    print(f"\n{label}: cost per {unit} at each scale (CPU time, children included)")
    print(
        f"  {'scale':>5} {'phase':<22} {'units':>10} {'CPU s':>8} {'wall s':>8} "
        f"{'CPU ms/' + unit:>14} {'vs first':>8} {'marginal':>9}"
    )
    results: dict[int, dict[str, Sample]] = {}
    first: dict[str, float] = {}
    previous: dict[str, Sample] = {}
    for scale in scales:
        results[scale] = step(scale)
        for phase, sample in results[scale].items():
            per = sample.cpu / max(sample.units, 1) * 1000
            first.setdefault(phase, per)
            growth = per / first[phase] if first[phase] else float("nan")
            before = previous.get(phase)
            marginal = (
                f"{(sample.cpu - before.cpu) / (sample.units - before.units) * 1000:>9.3f}"
                if before and sample.units > before.units
                else f"{'':>9}"
            )
            previous[phase] = sample
            print(
                f"  {scale:>4}x {phase:<22} {sample.units:>10,} {sample.cpu:>8.2f} "
                f"{sample.wall:>8.2f} {per:>14.3f} {growth:>8.2f} {marginal}"
            )
    return results
