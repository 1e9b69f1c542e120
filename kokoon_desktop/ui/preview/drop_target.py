"""What the preview area shows before there is a source: how to get one, as a drop target that
lights up while a video is dragged over the window."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QKeySequence, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from kokoon_desktop.ui.style import mix, scaled_font

__all__ = ["DropTarget"]


def _upload_keys() -> str:
    return QKeySequence(QKeySequence.StandardKey.Open).toString(
        QKeySequence.SequenceFormat.NativeText
    )


class DropTarget(QWidget):
    """A dashed frame saying how to choose a source; highlighted while a file hovers."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drop_target")
        self.setAccessibleName(self.tr("No source yet"))
        self.setAccessibleDescription(self.text)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(90)
        self._highlighted = False

    @property
    def text(self) -> str:
        return self.tr(
            "Drop a video here, or Upload video… ({}), or paste a video ID in the Source field."
        ).format(_upload_keys())

    @property
    def highlighted(self) -> bool:
        return self._highlighted

    def set_highlighted(self, on: bool) -> None:
        if on != self._highlighted:
            self._highlighted = on
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        palette = self.palette()
        window = palette.color(palette.ColorRole.Window)
        text = palette.color(palette.ColorRole.WindowText)
        accent = palette.color(palette.ColorRole.Highlight)
        with QPainter(self) as painter:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            frame = QRectF(self.rect()).adjusted(6, 6, -6, -6)
            if self._highlighted:
                painter.fillRect(frame, mix(window, accent, 0.18))
            pen = QPen(accent if self._highlighted else mix(text, window, 0.55), 2)
            pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawRoundedRect(frame, 10, 10)
            painter.setFont(scaled_font(self, 1.1, bold=self._highlighted))
            painter.setPen(text if self._highlighted else mix(text, window, 0.25))
            words = self.tr("Drop to upload it") if self._highlighted else self.text
            flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
            painter.drawText(frame.adjusted(24, 12, -24, -12), int(flags), words)
