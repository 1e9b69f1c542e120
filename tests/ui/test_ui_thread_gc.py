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
    qtbot.waitUntil(lambda: len(collected) == count, timeout=5000)  # by the timer
    assert set(collected) == {threading.main_thread().name}


def test_each_check_collects_the_young_and_the_older_generations_in_turn() -> None:
    assert not gc.isenabled()
    gc.collect()
    threshold = gc.get_threshold()[1]
    generations = [collect_due() for _ in range(threshold + 2)]
    # The young one each time; the next one once more young collections than its threshold
    # have run since it was last collected.
    assert generations == [0] * (threshold + 1) + [1]
