"""Python's cyclic garbage collection, run on the UI thread only.

Left automatic, the collector runs in whichever thread allocates when a threshold is crossed.
The preview's and the filmstrip's workers allocate a lot, so Qt objects caught in reference
cycles (a signal's closure, a dialog's helper) would be destroyed on a worker thread. Qt forbids
that ("Timers cannot be stopped from another thread") and it can crash the process. So the
automatic collector is switched off and the same thresholds are checked from a timer on the UI
thread, which collects the generations the automatic collector would have.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

__all__ = ["UiThreadGarbageCollector", "collect_due"]

CHECK_INTERVAL_MS = 250


def collect_due() -> int | None:
    """Collect the oldest generation whose threshold is crossed, as the automatic collector
    does; which generation it was, or None when none is due."""
    counts, thresholds = gc.get_count(), gc.get_threshold()
    due = [
        generation
        for generation, (count, threshold) in enumerate(zip(counts, thresholds, strict=False))
        if threshold > 0 and count > threshold
    ]
    if not due:
        return None
    generation = max(due)
    gc.collect(generation)
    return generation


class UiThreadGarbageCollector(QObject):
    """Switches the automatic collector off and collects from a UI-thread timer instead,
    until `stop()`."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_INTERVAL_MS)
        self._timer.timeout.connect(collect_due)
        self._timer.start()

    def stop(self) -> None:
        """Stop checking and give collection back to Python, if it had it."""
        self._timer.stop()
        if self._was_enabled:
            gc.enable()
