"""``heap_set_aside``: the collector's settings during ``kit build`` and ``kit check``, and
that everything is given back (``kit serve`` runs both again and again in one process)."""

from __future__ import annotations

import gc

from kit.commands.heap import FIRST_GENERATION, heap_set_aside


def test_the_objects_made_before_are_set_aside_and_given_back() -> None:
    thresholds, frozen = gc.get_threshold(), gc.get_freeze_count()
    with heap_set_aside():
        assert gc.get_freeze_count() > frozen
        assert gc.get_threshold()[0] >= FIRST_GENERATION
        assert gc.get_threshold()[1:] == thresholds[1:]
    assert gc.get_threshold() == thresholds
    assert gc.get_freeze_count() == 0


def test_what_the_command_keeps_is_not_walked_at_the_next_allocation() -> None:
    walks: list[int] = []

    def seen(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            walks.append(info["generation"])

    gc.callbacks.append(seen)
    try:
        with heap_set_aside():
            kept = [[n] for n in range(50_000)]  # results alive after the command
            walks.clear()  # (none is due yet: the first generation's threshold is higher)
        after = [[n] for n in range(100)]  # the command's caller goes on
    finally:
        gc.callbacks.remove(seen)
    assert walks == []  # they joined the oldest generation: no walk is due
    assert len(kept) + len(after) == 50_100


def test_cycles_made_meanwhile_are_still_collected_without_being_asked() -> None:
    walks: list[int] = []

    def seen(phase: str, info: dict[str, int]) -> None:
        if phase == "stop":
            walks.append(info["collected"])

    gc.callbacks.append(seen)
    try:
        with heap_set_aside():
            for _ in range(2 * FIRST_GENERATION):  # a PDF engine's cycles, one after another
                cycle: list[object] = []
                cycle.append(cycle)
    finally:
        gc.callbacks.remove(seen)
    assert sum(walks) > 0  # the collector walked on its own and freed them
