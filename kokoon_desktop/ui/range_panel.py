"""The clip range as two typed fields (start and duration), the timeline's companion.

Times are typed as milliseconds or ``HH:MM:SS.mmm``; both empty (or zero) means the whole file,
as in the API. The timeline widget drives the same two values once it is in place.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kokoon_desktop.core import human
from kokoon_desktop.core.timecode import format_ms, parse_duration_ms
from kokoon_desktop.ui.field_message import FieldMessage


class RangePanel(QWidget):
    """Start and duration in milliseconds; ``changed`` fires on every edit."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._source_ms: int | None = None

        self.start_pos = QLineEdit()
        self.start_pos.setObjectName("start_pos")
        self.start_pos.setAccessibleName("Start")
        self.start_pos.setPlaceholderText("00:00:00.000")
        self.start_pos.setToolTip("Where processing starts: milliseconds or HH:MM:SS.mmm")
        self.duration = QLineEdit()
        self.duration.setObjectName("duration")
        self.duration.setAccessibleName("Duration")
        self.duration.setPlaceholderText("to the end")
        self.duration.setToolTip("How much to process: milliseconds or HH:MM:SS.mmm")
        self.whole_file = QPushButton("Whole file")
        self.whole_file.setObjectName("whole_file")
        self.whole_file.setAccessibleName("Select the whole file")
        self.whole_file.clicked.connect(self.select_whole_file)

        self.start_message = FieldMessage()
        self.duration_message = FieldMessage()
        self.summary = QLabel()
        self.summary.setObjectName("range_summary")
        self.summary.setWordWrap(True)

        form = QFormLayout()
        form.addRow("Start", self.start_pos)
        form.addRow("", self.start_message)
        form.addRow("Duration", self.duration)
        form.addRow("", self.duration_message)
        buttons = QHBoxLayout()
        buttons.addWidget(self.whole_file)
        buttons.addStretch(1)

        box = QGroupBox("Range")
        inner = QVBoxLayout(box)
        inner.addLayout(form)
        inner.addLayout(buttons)
        inner.addWidget(self.summary)
        box.setMaximumWidth(460)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(box)
        layout.addStretch(1)

        for field in (self.start_pos, self.duration):
            field.textChanged.connect(self._edited)
        self._refresh_summary()

    def set_source_duration(self, duration_ms: int | None) -> None:
        self._source_ms = duration_ms
        self._refresh_summary()

    def set_range(self, start_ms: int, duration_ms: int) -> None:
        self.start_pos.setText(format_ms(start_ms) if start_ms else "")
        self.duration.setText(format_ms(duration_ms) if duration_ms else "")

    def select_whole_file(self) -> None:
        self.set_range(0, 0)

    def values(self) -> tuple[int | None, int | None, str | None, str | None]:
        """(start, duration, start problem, duration problem); a value is None when unreadable."""
        start, start_problem = _read(self.start_pos.text())
        duration, duration_problem = _read(self.duration.text())
        source = self._source_ms
        if not self.duration.text().strip() and start and source is not None and start < source:
            # An empty duration after a start means "to the end": the API has no such value,
            # so the length is worked out from the source and sent explicitly.
            duration = source - start
        return start, duration, start_problem, duration_problem

    def show_problems(self, start: str | None, duration: str | None) -> None:
        self.start_message.show_problem(start)
        self.duration_message.show_problem(duration)

    def _edited(self) -> None:
        self._refresh_summary()
        self.changed.emit()

    def _refresh_summary(self) -> None:
        start, duration, _, _ = self.values()
        source = self._source_ms
        if start is None or duration is None:
            self.summary.setText("")
        elif start == 0 and duration == 0:
            length = f" ({human.duration_ms(source)})" if source else ""
            self.summary.setText(f"Whole file selected{length}.")
        else:
            end = start + duration if duration else source
            tail = format_ms(end) if end is not None else "the end"
            self.summary.setText(f"From {format_ms(start)} to {tail}.")


def _read(text: str) -> tuple[int | None, str | None]:
    if not text.strip():
        return 0, None
    try:
        return parse_duration_ms(text), None
    except ValueError as exc:
        return None, str(exc)
