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

    count = 5 * gc.get_threshold()[0]

    def make_garbage() -> None:
        for _ in range(count):
            Cycle()  # unreachable at once: collected by the next collection, wherever it runs

    worker = threading.Thread(target=make_garbage, name="worker")
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: bool(collected), timeout=5000)  # the timer collected what was due
    gc.collect()  # and the rest (less than a threshold's worth may be left over)
    assert len(collected) == count
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
