"""The reference of the repaint benchmarks: a bare widget whose paint event fills one
rectangle, and a timer for one synchronous repaint. Qt is imported when asked for, after the
benchmark has chosen its platform (offscreen)."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


def bare_widget(width: int, height: int) -> QWidget:
    """A shown QWidget of this size that paints one fillRect."""
    from PySide6.QtGui import QPainter, QPaintEvent
    from PySide6.QtWidgets import QWidget

    class BareWidget(QWidget):
        def paintEvent(self, event: QPaintEvent) -> None:
            painter = QPainter(self)
            painter.fillRect(self.rect(), self.palette().window())
            painter.end()

    widget = BareWidget()
    widget.resize(width, height)
    widget.show()
    return widget


def timed_repaint(widget: QWidget) -> float:
    """Seconds one synchronous ``repaint()`` takes."""
    started = time.perf_counter()
    widget.repaint()
    return time.perf_counter() - started
