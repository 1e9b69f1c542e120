"""Garbage is collected on the UI thread only: Qt objects must never be destroyed in a worker."""

from __future__ import annotations

import gc
import threading

from pytestqt.qtbot import QtBot

from kokoon_desktop.ui.ui_thread_gc import collect_due


def test_garbage_is_collected_on_the_ui_thread_only(qtbot: QtBot) -> None:
    # The suite runs as the app does (tests/ui/conftest.py): the automatic collector is off,
    # and the timer on the UI thread collects what is due.
    assert not gc.isenabled()
    collected: list[str] = []

    class Cycle:
        def __init__(self) -> None:
            self.me = self

        def __del__(self) -> None:
            collected.append(threading.current_thread().name)

    worker = threading.Thread(
        target=lambda: [Cycle() for _ in range(5 * gc.get_threshold()[0])], name="worker"
    )
    worker.start()
    worker.join()
    assert collected == []  # the worker's allocations did not set a collection off
    qtbot.waitUntil(lambda: bool(collected), timeout=5000)
    assert set(collected) == {threading.main_thread().name}


def test_a_collection_is_due_once_a_threshold_is_crossed() -> None:
    assert not gc.isenabled()
    gc.collect()
    assert collect_due() is None
    cycles = [[] for _ in range(2 * gc.get_threshold()[0])]
    for cycle in cycles:
        cycle.append(cycle)
    del cycles
    assert collect_due() is not None
    assert collect_due() is None
