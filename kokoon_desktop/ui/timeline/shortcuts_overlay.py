"""The timeline's keyboard shortcuts, listed over the timeline area (F1 or ? to show, Esc to hide).

Drawn from the timeline's one key map (`keys`), which the widget's key handling also reads, so
what the help says is what the keys do.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from kokoon_desktop.ui.style import mix, scaled_font
from kokoon_desktop.ui.timeline import keys
from kokoon_desktop.ui.timeline.keys import Shortcut

__all__ = ["ShortcutsOverlay"]


class ShortcutsOverlay(QWidget):
    """A panel listing the timeline's key map over its parent, which it follows in size."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("shortcuts_overlay")
        self.setAccessibleName(self.tr("Timeline keyboard shortcuts"))
        self.setAccessibleDescription(keys.accessible_description())
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._host = parent
        self.hide()
        parent.installEventFilter(self)

    def toggle(self) -> None:
        if self.isVisible():
            self.dismiss()
        else:
            self.setGeometry(self._host.rect())
            self.raise_()
            self.show()
            self.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def dismiss(self) -> None:
        self.hide()
        timeline = self._host.findChild(QWidget, "timeline")
        if timeline is not None:
            timeline.setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Asks Qt for the host rather than reading `_host`: while a window is torn down by
        # the garbage collector, this object's attributes may be cleared before its host's
        # last events arrive.
        host = self.parentWidget()
        if watched is host and event.type() == QEvent.Type.Resize:
            self.setGeometry(host.rect())
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        closes = event.key() == Qt.Key.Key_Escape
        if closes or keys.action_of(event.key(), event.modifiers()) == "_key_help":
            event.accept()
            self.dismiss()
            return
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()
        self.dismiss()

    def paintEvent(self, event: QPaintEvent) -> None:
        with QPainter(self) as painter:  # ended even if painting raises
            self._paint(painter)

    def _paint(self, painter: QPainter) -> None:
        palette = self.palette()
        window = palette.color(palette.ColorRole.Window)
        text = palette.color(palette.ColorRole.WindowText)
        muted = mix(text, window, 0.35)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor(0, 0, 0, 110))

        line = painter.fontMetrics().height() + 8
        groups = keys.groups()
        rows = sum(len(items) + 1 for _, items in groups)
        # One column when it fits the height, else two side by side (a short timeline area).
        columns = 1 if 68.0 + rows * line <= self.height() - 16 else 2
        split = len(groups) if columns == 1 else (len(groups) + 1) // 2
        column_groups = [groups[:split], groups[split:]][:columns]
        tallest = max(sum(len(items) + 1 for _, items in part) for part in column_groups)
        column_w = 620.0
        panel_w = min(self.width() - 16.0, column_w * columns + 24.0 * (columns - 1))
        panel_h = min(self.height() - 16.0, 68.0 + tallest * line)
        panel = QRectF(
            (self.width() - panel_w) / 2, (self.height() - panel_h) / 2, panel_w, panel_h
        )
        painter.setPen(mix(window, text, 0.25))
        painter.setBrush(window)
        painter.drawRoundedRect(panel, 8, 8)

        left = panel.left() + 22
        top = panel.top() + 16
        painter.setFont(scaled_font(self, 1.15, bold=True))
        painter.setPen(text)
        heading = QRectF(left, top, panel_w - 44, 28)
        centre_v = Qt.AlignmentFlag.AlignVCenter
        painter.drawText(
            heading, int(Qt.AlignmentFlag.AlignLeft | centre_v), self.tr("Timeline shortcuts")
        )
        painter.setFont(scaled_font(self, 0.85))
        painter.setPen(muted)
        painter.drawText(
            heading, int(Qt.AlignmentFlag.AlignRight | centre_v), self.tr("Esc to close")
        )
        width = (panel_w - 44 - 24 * (columns - 1)) / columns
        for index, part in enumerate(column_groups):
            self._paint_column(
                painter, part, left + index * (width + 24), top + 40, width, line, panel.bottom()
            )

    def _paint_column(
        self,
        painter: QPainter,
        groups: list[tuple[str, list[Shortcut]]],
        left: float,
        y: float,
        width: float,
        line: float,
        bottom: float,
    ) -> None:
        palette = self.palette()
        text = palette.color(palette.ColorRole.WindowText)
        muted = mix(text, palette.color(palette.ColorRole.Window), 0.35)
        keys_w = width * 0.38
        for group, items in groups:
            if y + line > bottom:
                return
            painter.setFont(scaled_font(self, 0.95, bold=True))
            painter.setPen(text)
            painter.drawText(QRectF(left, y, width, line), group)
            y += line
            painter.setFont(scaled_font(self))
            for shortcut in items:
                if y + line > bottom:
                    return
                painter.setPen(text)
                painter.drawText(QRectF(left + 12, y, keys_w, line), shortcut.label)
                painter.setPen(muted)
                painter.drawText(
                    QRectF(left + 12 + keys_w, y, width - keys_w - 12, line),
                    keys.shown(shortcut.what),
                )
                y += line
