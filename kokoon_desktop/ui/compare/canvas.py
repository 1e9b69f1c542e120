"""The compare view's picture area: before and after, as a split wipe, side by side, or toggled.

Both pictures have the output's size (the "before" was scaled to it with a plain Lanczos
resize), so one :class:`ViewState` places both and zoom and pan stay in step by construction.

Painting keeps to what a 4K pair allows at screen rate: the pictures are held as 32-bit images
(drawn without a format conversion); at 100% and closer only the visible pixels are drawn,
nearest neighbour, so an editor sees the real pixels; below 100% each picture is scaled smoothly
once per zoom level and that copy is drawn, so a pan or a divider drag never rescales 8 million
pixels.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from kokoon_desktop.core.compare_view import Viewport, ViewState
from kokoon_desktop.ui.style import scaled_font

__all__ = ["CompareCanvas", "CompareMode"]

#: How close (logical pixels) to the divider a press grabs it rather than panning.
DIVIDER_GRAB = 8.0
#: Between the two halves of side by side.
GAP = 2.0
#: A press that moves less than this is a click (toggle flips), not a pan.
CLICK_SLOP = 4.0
_LABEL_PAD = 6.0


class CompareMode(StrEnum):
    SPLIT = "split"
    SIDE_BY_SIDE = "side"
    TOGGLE = "toggle"


class CompareCanvas(QWidget):
    """Draws one before/after pair; emits ``view_changed`` when zoom, pan or divider move."""

    view_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Before and after"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 200)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setMouseTracking(True)
        self._before: QImage | None = None
        self._after: QImage | None = None
        self._labels = ("", "")
        self._mode = CompareMode.SPLIT
        self._state: ViewState | None = None
        self._showing_before = False  # toggle mode
        self._held = False  # toggle: the key is down
        # Smoothly scaled copies for views below 100%: (scale, before, after).
        self._scaled: tuple[float, QImage, QImage] | None = None
        self._drag: str | None = None  # "divider" or "pan"
        self._press: QPointF | None = None
        self._last: QPointF | None = None
        self._moved = False

    # -- content ---------------------------------------------------------------------------

    def set_pair(self, before: QImage, after: QImage, labels: tuple[str, str]) -> None:
        """Show a new pair; the view (zoom, pan, divider) stays unless the size changed."""
        if before.size() != after.size():
            before = before.scaled(after.size())  # callers scale first; this only guards
        self._before = before.convertToFormat(QImage.Format.Format_RGB32)
        self._after = after.convertToFormat(QImage.Format.Format_RGB32)
        self._labels = labels
        self._scaled = None
        if self._state is None or (self._state.width, self._state.height) != (
            after.width(),
            after.height(),
        ):
            self._state = ViewState.fitted(after.width(), after.height())
        self.update()

    def clear(self) -> None:
        self._before = self._after = None
        self._scaled = None
        self.update()

    @property
    def has_pair(self) -> bool:
        return self._after is not None

    @property
    def labels(self) -> tuple[str, str]:
        return self._labels

    def current_images(self) -> tuple[QImage | None, QImage | None]:
        """The pair shown, at the output's size: (before, after)."""
        return self._before, self._after

    # -- what is shown ---------------------------------------------------------------------

    @property
    def mode(self) -> CompareMode:
        return self._mode

    def set_mode(self, mode: CompareMode) -> None:
        if mode != self._mode:
            self._mode = mode
            self._showing_before = False
            self._scaled = None  # side by side has half the room: another fitted scale
            self.update()
            self.view_changed.emit()

    @property
    def showing_before(self) -> bool:
        """Toggle mode: True while the "before" picture is shown."""
        return self._mode is CompareMode.TOGGLE and (self._showing_before != self._held)

    def flip(self) -> None:
        """Toggle mode: show the other picture."""
        self._showing_before = not self._showing_before
        self.update()
        self.view_changed.emit()

    @property
    def state(self) -> ViewState | None:
        return self._state

    def set_state(self, state: ViewState) -> None:
        if state != self._state:
            self._state = state
            self.update()
            self.view_changed.emit()

    def viewport(self) -> Viewport:
        """One picture's drawing area (half the width, side by side)."""
        width = float(self.width())
        if self._mode is CompareMode.SIDE_BY_SIDE:
            width = max(1.0, float((self.width() - int(GAP)) // 2))  # whole pixels each
        return Viewport(width, float(max(1, self.height())), self.devicePixelRatioF())

    def viewports(self) -> list[QRectF]:
        """The areas pictures are drawn into, left to right."""
        port = self.viewport()
        if self._mode is CompareMode.SIDE_BY_SIDE:
            return [
                QRectF(0, 0, port.width, port.height),
                QRectF(port.width + GAP, 0, port.width, port.height),
            ]
        return [QRectF(0, 0, port.width, port.height)]

    def set_zoom(self, zoom: float | None) -> None:
        if self._state is not None:
            self.set_state(self._state.with_zoom(self.viewport(), zoom))

    def divider_x(self) -> float:
        """The wipe's x in the widget (split mode)."""
        state = self._state
        return (state.divider if state else 0.5) * self.viewport().width

    # -- painting ----------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        return QSize(960, 540)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().color(self.backgroundRole()).darker(115))
        state, before, after = self._state, self._before, self._after
        if state is None or before is None or after is None:
            painter.end()
            return
        port = self.viewport()
        rects = self.viewports()
        if self._mode is CompareMode.SIDE_BY_SIDE:
            self._draw(painter, rects[0], port, state, before=True)
            self._draw(painter, rects[1], port, state, before=False)
            self._label(painter, rects[0], self._labels[0], left=True)
            self._label(painter, rects[1], self._labels[1], left=True)
        elif self._mode is CompareMode.TOGGLE:
            shown = self.showing_before
            self._draw(painter, rects[0], port, state, before=shown)
            self._label(painter, rects[0], self._labels[0 if shown else 1], left=True)
            self._label(painter, rects[0], self.tr("Click, T or hold Space: flip"), left=False)
        else:
            self._draw(painter, rects[0], port, state, before=False)
            x = self.divider_x()
            painter.save()
            painter.setClipRect(QRectF(0, 0, x, port.height))
            self._draw(painter, rects[0], port, state, before=True)
            painter.restore()
            self._paint_divider(painter, x, port.height)
            self._label(painter, rects[0], self._labels[0], left=True)
            self._label(painter, rects[0], self._labels[1], left=False)
        painter.end()

    def _draw(
        self, painter: QPainter, area: QRectF, port: Viewport, state: ViewState, *, before: bool
    ) -> None:
        painter.save()
        painter.setClipRect(area, Qt.ClipOperation.IntersectClip)
        painter.translate(area.topLeft())
        if state.crisp(port):
            self._draw_pixels(painter, port, state, before=before)
        else:
            self._draw_scaled(painter, port, state, before=before)
        painter.restore()

    def _draw_pixels(
        self, painter: QPainter, port: Viewport, state: ViewState, *, before: bool
    ) -> None:
        """100% and closer: only the visible pixels, each a square (no smoothing)."""
        image = self._before if before else self._after
        seen = state.visible(port)
        if image is None or seen is None:
            return
        x, y, w, h = seen
        left, top = state.to_view(port, x, y)
        # On whole device pixels: both halves of side by side then cut pixels at the same places.
        left, top = round(left * port.dpr) / port.dpr, round(top * port.dpr) / port.dpr
        s = state.scale(port)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        painter.drawImage(QRectF(left, top, w * s, h * s), image, QRect(x, y, w, h))

    def _draw_scaled(
        self, painter: QPainter, port: Viewport, state: ViewState, *, before: bool
    ) -> None:
        """Below 100%: a smoothly scaled copy made once per zoom level, drawn 1:1."""
        s = state.scale(port)
        copy = self._scaled_copy(s * port.dpr)
        image = copy[0] if before else copy[1]
        image.setDevicePixelRatio(port.dpr)
        left, top = state.to_view(port, 0, 0)
        painter.drawImage(
            QPointF(round(left * port.dpr) / port.dpr, round(top * port.dpr) / port.dpr), image
        )

    def _scaled_copy(self, device_scale: float) -> tuple[QImage, QImage]:
        assert self._before is not None and self._after is not None
        if self._scaled is None or abs(self._scaled[0] - device_scale) > 1e-6:
            size = QSize(
                max(1, round(self._after.width() * device_scale)),
                max(1, round(self._after.height() * device_scale)),
            )
            smooth = Qt.TransformationMode.SmoothTransformation
            ignore = Qt.AspectRatioMode.IgnoreAspectRatio
            self._scaled = (
                device_scale,
                self._before.scaled(size, ignore, smooth),
                self._after.scaled(size, ignore, smooth),
            )
        return self._scaled[1], self._scaled[2]

    def _paint_divider(self, painter: QPainter, x: float, height: float) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(0, 0, 0, 140), 3))
        painter.drawLine(QPointF(x, 0), QPointF(x, height))
        painter.setPen(QPen(QColor(255, 255, 255), 1))
        painter.drawLine(QPointF(x, 0), QPointF(x, height))
        handle = QRectF(x - 7, height / 2 - 18, 14, 36)
        painter.setBrush(QColor(255, 255, 255, 230))
        painter.setPen(QPen(QColor(0, 0, 0, 160), 1))
        painter.drawRoundedRect(handle, 4, 4)
        painter.restore()

    def _label(self, painter: QPainter, area: QRectF, text: str, *, left: bool) -> None:
        if not text:
            return
        painter.save()
        painter.setFont(scaled_font(self, 0.95))
        metrics = painter.fontMetrics()
        width = metrics.horizontalAdvance(text) + 2 * _LABEL_PAD
        height = metrics.height() + _LABEL_PAD
        x = area.left() + 8 if left else area.right() - 8 - width
        box = QRectF(x, area.top() + 8, width, height)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(0, 0, 0, 170))
        painter.drawRoundedRect(box, 4, 4)
        painter.setPen(QColor(255, 255, 255))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()

    # -- input ----------------------------------------------------------------------------------

    def _port_point(self, pos: QPointF) -> tuple[float, float]:
        """``pos`` in the coordinates of the viewport it falls in."""
        port = self.viewport()
        x = pos.x()
        if self._mode is CompareMode.SIDE_BY_SIDE and x > port.width:
            x -= port.width + GAP
        return x, pos.y()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self._state is None:
            super().mousePressEvent(event)
            return
        pos = event.position()
        near_divider = abs(pos.x() - self.divider_x()) <= DIVIDER_GRAB
        self._drag = "divider" if self._mode is CompareMode.SPLIT and near_divider else "pan"
        self._press = self._last = pos
        self._moved = False
        if self._drag == "divider":
            self.setCursor(Qt.CursorShape.SplitHCursor)
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        state = self._state
        if self._drag is None or state is None or self._last is None or self._press is None:
            near = (
                self._mode is CompareMode.SPLIT and abs(pos.x() - self.divider_x()) <= DIVIDER_GRAB
            )
            self.setCursor(Qt.CursorShape.SplitHCursor if near else Qt.CursorShape.OpenHandCursor)
            return
        if (pos - self._press).manhattanLength() >= CLICK_SLOP:
            self._moved = True
        if self._drag == "divider":
            self.set_state(state.with_divider(pos.x() / self.viewport().width))
        elif self._moved:
            delta = pos - self._last
            self.set_state(state.panned(self.viewport(), delta.x(), delta.y()))
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
        self._last = pos
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._drag is not None:
            if self._mode is CompareMode.TOGGLE and not self._moved:
                self.flip()
            self._drag = self._press = self._last = None
            self.setCursor(Qt.CursorShape.OpenHandCursor)
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        state = self._state
        if state is None:
            return
        port = self.viewport()
        delta = event.angleDelta()
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = delta.y() / 120
            if steps:
                self.set_state(state.stepped(port, steps, self._port_point(event.position())))
        else:  # a wheel pans (Shift, or a sideways wheel, pans across)
            dx, dy = float(delta.x()), float(delta.y())
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                dx, dy = dy, 0.0
            self.set_state(state.panned(port, dx / 2, dy / 2))
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and self._mode is CompareMode.TOGGLE:
            if not event.isAutoRepeat() and not self._held:
                self._held = True
                self.update()
                self.view_changed.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and self._held and not event.isAutoRepeat():
            self._held = False
            self.update()
            self.view_changed.emit()
            event.accept()
            return
        super().keyReleaseEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._scaled = None if self._state is None or self._state.zoom is None else self._scaled
        super().resizeEvent(event)
