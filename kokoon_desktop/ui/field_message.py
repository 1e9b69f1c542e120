"""The small inline message under a field that says what is wrong with it."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QWidget

#: Readable on light and dark palettes alike.
PROBLEM_COLOUR = "#d14343"


class FieldMessage(QLabel):
    """Hidden while the field is fine; shows the reason when it is not."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.WindowText, PROBLEM_COLOUR)
        self.setPalette(palette)
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 0.9)
        self.setFont(font)
        self.hide()

    def show_problem(self, message: str | None) -> None:
        self.setText(message or "")
        self.setAccessibleDescription(message or "")
        self.setVisible(bool(message))
