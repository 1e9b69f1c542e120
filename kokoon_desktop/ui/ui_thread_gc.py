"""Python's cyclic garbage collection, run on the UI thread only.

Left automatic, the collector runs in whichever thread allocates when a threshold is crossed.
The preview's and the filmstrip's workers allocate a lot, so Qt objects caught in reference
cycles (a signal's closure, a dialog's helper) would be destroyed on a worker thread. Qt forbids
that ("Timers cannot be stopped from another thread") and it can crash the process. So the
automatic collector is switched off, and a timer on the UI thread collects the young generation
on each tick and the older ones when the automatic collector's thresholds say so.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

__all__ = ["UiThreadGarbageCollector", "collect_due"]

CHECK_INTERVAL_MS = 100


def collect_due() -> int:
    """Collect the young generation, or the oldest one whose threshold is crossed; which
    generation was collected.

    The young generation goes every time rather than by its allocation count: that count also
    falls as older objects are freed, so sampled now and then it can stay under its threshold
    while garbage piles up. The older generations follow the automatic collector's rule: a
    generation is due once more of the younger collections than its threshold have run.
    """
    counts, thresholds = gc.get_count(), gc.get_threshold()
    generation = 0
    for older in (2, 1):
        if 0 < thresholds[older] < counts[older]:
            generation = older
            break
    gc.collect(generation)
    return generation


class UiThreadGarbageCollector(QObject):
    """Switches the automatic collector off and collects from a UI-thread timer instead,
    until `stop()`."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        gc.disable()
        # What is alive now (modules, classes, the window) lives as long as the process:
        # left out of every collection, a full one takes well under a millisecond instead of
        # about 20 ms on the UI thread.
        gc.freeze()
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_INTERVAL_MS)
        self._timer.timeout.connect(collect_due)
        self._timer.start()

    def stop(self) -> None:
        """Stop checking and give collection back to Python, if it had it."""
        self._timer.stop()
        gc.unfreeze()
        if self._was_enabled:
            gc.enable()
