"""The preview above the timeline: a picture fitted to the space, a caption, or a message.

Painted rather than a QLabel with a pre-scaled pixmap, so a resize costs nothing until the next
paint and the picture is drawn at device resolution (crisp on high-DPI screens). The caption
says what is shown (the frame's timecode and number, or that it is the service's thumbnail).
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from kokoon_desktop.ui.style import mix, scaled_font

__all__ = ["PreviewView"]

_CAPTION_PAD = 6.0
_SPINNER_SIZE = 28.0
_SPINNER_STEP_MS = 80


class PreviewView(QWidget):
    """Shows one image (kept as given, scaled when painted) with a caption, or a message."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preview")
        self.setAccessibleName(self.tr("Frame at the playhead"))
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(160)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._image: QImage | None = None
        self._caption = ""
        self._message = ""
        self._waiting = False
        self._spin = 0  # the spinner's angle, in steps of 30°
        self._spinner = QTimer(self)
        self._spinner.setInterval(_SPINNER_STEP_MS)
        self._spinner.timeout.connect(self._turn)

    @property
    def image(self) -> QImage | None:
        return self._image

    @property
    def caption(self) -> str:
        return self._caption

    @property
    def message(self) -> str:
        return self._message

    @property
    def waiting(self) -> bool:
        return self._waiting

    def set_waiting(self, waiting: bool) -> None:
        """While the frame asked for is decoding (a far seek): the last picture dimmed, with a
        small spinner, so a still picture is never taken for the new frame."""
        if waiting == self._waiting:
            return
        self._waiting = waiting
        if waiting:
            self._spinner.start()
        else:
            self._spinner.stop()
        self.update()

    def _turn(self) -> None:
        self._spin = (self._spin + 1) % 12
        self.update()

    def show_image(self, image: QImage, caption: str = "") -> None:
        self.set_waiting(False)
        self._image = image
        self._caption = caption
        self._message = ""
        self.setAccessibleDescription(caption)
        self.update()

    def show_message(self, message: str) -> None:
        """No picture: a line of text in the middle (what to do to get one)."""
        self.set_waiting(False)
        self._image = None
        self._caption = ""
        self._message = message
        self.setAccessibleDescription(message)
        self.update()

    def clear(self) -> None:
        self.show_message("")

    def sizeHint(self) -> QSize:
        return QSize(640, 360)

    def image_rect(self) -> QRectF:
        """Where the picture is drawn: fitted, centred, aspect kept (empty without one)."""
        if self._image is None or self._image.isNull():
            return QRectF()
        image_size = self._image.size().toSizeF()
        fitted = image_size.scaled(self.size().toSizeF(), Qt.AspectRatioMode.KeepAspectRatio)
        left = (self.width() - fitted.width()) / 2
        top = (self.height() - fitted.height()) / 2
        return QRectF(left, top, fitted.width(), fitted.height())

    def paintEvent(self, event: QPaintEvent) -> None:
        with QPainter(self) as painter:  # ended even if painting raises
            self._paint(painter)

    def _paint(self, painter: QPainter) -> None:
        palette = self.palette()
        window = palette.color(palette.ColorRole.Window)
        text = palette.color(palette.ColorRole.WindowText)
        # A dark surround, as in editors' viewers, whatever the desktop's theme.
        painter.fillRect(self.rect(), mix(QColor("#101214"), window, 0.08))
        if self._image is not None and not self._image.isNull():
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(self.image_rect(), self._image)
            if self._caption:
                self._paint_caption(painter)
            if self._waiting:
                self._paint_waiting(painter)
        elif self._message:
            painter.setFont(scaled_font(self))
            painter.setPen(mix(QColor("#e8e8e8"), text, 0.1))
            painter.drawText(
                self.rect().adjusted(24, 12, -24, -12),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self._message,
            )

    def _paint_waiting(self, painter: QPainter) -> None:
        painter.fillRect(self.image_rect(), QColor(0, 0, 0, 110))
        centre = self.image_rect().center()
        half = _SPINNER_SIZE / 2
        ring = QRectF(centre.x() - half, centre.y() - half, _SPINNER_SIZE, _SPINNER_SIZE)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(QColor(255, 255, 255, 80), 3.0)
        painter.setPen(pen)
        painter.drawEllipse(ring)
        pen.setColor(QColor("#f2f2f2"))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        # A quarter arc going round: Qt's angles are in 1/16 of a degree, counter-clockwise.
        painter.drawArc(ring, -self._spin * 30 * 16, 90 * 16)

    def _paint_caption(self, painter: QPainter) -> None:
        font = scaled_font(self, 0.9)
        painter.setFont(font)
        metrics = painter.fontMetrics()
        width = metrics.horizontalAdvance(self._caption) + 2 * _CAPTION_PAD
        height = metrics.height() + _CAPTION_PAD
        picture = self.image_rect()
        box = QRectF(picture.left() + 8, picture.bottom() - height - 8, width, height)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(0, 0, 0, 170))
        painter.drawRoundedRect(box, 4, 4)
        painter.setPen(QColor("#f2f2f2"))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, self._caption)
