"""How the timeline is drawn: ruler, filmstrip, range, handles and playhead, from the widget's
state and nothing else.

Painting works from the visible range only: the ruler's ticks and their lines are computed when
the view changes, not on every repaint, and thumbnails are scaled to the track once, so a
4K-wide timeline repaints in a few milliseconds.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QPen, QPixmap, QPolygonF, QStaticText

from kokoon_desktop.core.timeline import TimelineView
from kokoon_desktop.core.timeline_ticks import ticks
from kokoon_desktop.ui.style import scaled_font
from kokoon_desktop.ui.timeline.look import TimelineColours, crisp, snap_edge

if TYPE_CHECKING:
    from kokoon_desktop.ui.timeline.widget import TimelineWidget

__all__ = ["TimelinePainter"]

_HANDLE_TAB = 9.0  # length of the bracket's top and bottom tabs
_PLAYHEAD_HEAD_W = 11.0
_MIN_TICK_SPACING = 7.0  # px between minor ticks
_HANDLE_WIDTH = 4.0
_PLAYHEAD_HEAD_H = 12.0
_STATIC_TEXTS_KEPT = 512


class TimelinePainter:
    """Draws one timeline widget; keeps what repaints reuse (the ruler of the current view,
    label texts, thumbnails scaled to the track)."""

    def __init__(self, widget: TimelineWidget) -> None:
        self._widget = widget
        self._colours = TimelineColours.from_palette(widget.palette())
        self._label_font = scaled_font(widget, 0.85)
        self.ruler_height = 0.0
        self._label_width = 0.0
        # The ruler for one (view, dpr, ruler height): tick lines and labels, reused by repaints.
        self._ruler_key: tuple[TimelineView, float, float] | None = None
        self._minor_lines: list[QLineF] = []
        self._major_lines: list[QLineF] = []
        self._labels: list[tuple[QPointF, QStaticText]] = []
        self._static_texts: dict[str, QStaticText] = {}
        self._pixmaps: dict[int, QPixmap] = {}
        self._pixmap_height = 0
        self._update_metrics()

    # --- What changes the look -------------------------------------------------------------

    def palette_changed(self) -> None:
        self._colours = TimelineColours.from_palette(self._widget.palette())

    def font_changed(self) -> None:
        self._label_font = scaled_font(self._widget, 0.85)
        self._update_metrics()

    def forget_thumbnail(self, slot: int | None = None) -> None:
        """Drop the scaled copy of one slot's image (all of them with None)."""
        if slot is None:
            self._pixmaps.clear()
        else:
            self._pixmaps.pop(slot, None)

    def _update_metrics(self) -> None:
        metrics = QFontMetricsF(self._label_font)
        self.ruler_height = float(round(metrics.height() + 14))
        self._label_width = metrics.horizontalAdvance("00:00:00:000")
        self._ruler_key = None
        self._static_texts.clear()

    # --- Painting --------------------------------------------------------------------------

    def paint(self, painter: QPainter) -> None:
        widget, colours = self._widget, self._colours
        dpr = widget.devicePixelRatioF()
        width, height = float(widget.width()), float(widget.height())
        ruler_h = self.ruler_height
        track = widget.track_rect()

        painter.fillRect(QRectF(0, 0, width, height), colours.background)
        painter.fillRect(QRectF(0, 0, width, ruler_h), colours.ruler)
        painter.fillRect(track, colours.track)

        if widget.rate is not None:
            view = widget.view
            clip_left = max(0.0, snap_edge(view.x_of(0), dpr))
            clip_right = min(width, snap_edge(view.x_of(widget.total_frames), dpr))
            self._paint_filmstrip(painter, track, dpr)
            self._paint_range(painter, track, clip_left, clip_right, dpr)
            self._paint_ruler(painter, dpr)

        # Separator between ruler and track.
        painter.setPen(QPen(colours.separator, 1.0 / dpr))
        y = crisp(ruler_h, dpr)
        painter.drawLine(QLineF(0, y, width, y))

        if widget.rate is not None:
            self._paint_handles(painter, track, dpr)
            self._paint_playhead(painter, dpr)

        if widget.hasFocus():
            painter.setPen(QPen(colours.focus, 1.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(0.5, 0.5, width - 1, height - 1))

    def _ruler_geometry(self, dpr: float) -> None:
        """Tick lines and labels for the current view, recomputed only when it changes."""
        view, rate = self._widget.view, self._widget.rate
        key = (view, dpr, self.ruler_height)
        if key == self._ruler_key or rate is None:
            return
        self._ruler_key = key
        bottom = self.ruler_height
        self._minor_lines = []
        self._major_lines = []
        self._labels = []
        spacing = self._label_width + 18
        for tick in ticks(view, rate, _MIN_TICK_SPACING, label_spacing_px=spacing):
            x = crisp(view.x_of(tick.frame), dpr)
            if tick.major:
                self._major_lines.append(QLineF(x, 0, x, bottom))
            else:
                self._minor_lines.append(QLineF(x, bottom - 5, x, bottom))
            if tick.label is not None:
                self._labels.append((QPointF(x + 4, 5), self._static_text(tick.label)))

    def _static_text(self, label: str) -> QStaticText:
        text = self._static_texts.get(label)
        if text is None:
            if len(self._static_texts) > _STATIC_TEXTS_KEPT:
                self._static_texts.clear()
            text = QStaticText(label)
            text.setPerformanceHint(QStaticText.PerformanceHint.AggressiveCaching)
            self._static_texts[label] = text
        return text

    def _paint_ruler(self, painter: QPainter, dpr: float) -> None:
        colours = self._colours
        self._ruler_geometry(dpr)
        pen = QPen(colours.tick_minor, 1.0)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        painter.setPen(pen)
        painter.drawLines(self._minor_lines)
        pen.setColor(colours.tick_major)
        painter.setPen(pen)
        painter.drawLines(self._major_lines)
        painter.setFont(self._label_font)
        painter.setPen(colours.ruler_text)
        for point, text in self._labels:
            painter.drawStaticText(point, text)

    def _pixmap(self, slot: int, height_px: int) -> QPixmap | None:
        """The slot's image scaled to the track once, at device resolution."""
        if height_px != self._pixmap_height:
            self._pixmaps.clear()
            self._pixmap_height = height_px
        pixmap = self._pixmaps.get(slot)
        if pixmap is None:
            image = self._widget.thumbnail(slot)
            if image is None or image.isNull():
                return None
            pixmap = QPixmap.fromImage(
                image.scaledToHeight(height_px, Qt.TransformationMode.SmoothTransformation)
            )
            pixmap.setDevicePixelRatio(self._widget.devicePixelRatioF())
            self._pixmaps[slot] = pixmap
        return pixmap

    def _paint_filmstrip(self, painter: QPainter, track: QRectF, dpr: float) -> None:
        widget = self._widget
        count = widget.thumbnail_count
        if not count:
            return
        view = widget.view
        slot_w = view.content_width / count
        first = max(0, int(view.scroll_px // slot_w))
        last = min(count, int((view.scroll_px + view.width_px) // slot_w) + 1)
        inner = track.adjusted(0, 1, 0, -1)
        height_px = max(1, round(inner.height() * dpr))
        painter.save()
        painter.setClipRect(inner)
        for slot in range(first, last):
            pixmap = self._pixmap(slot, height_px)
            if pixmap is None:
                continue
            left = snap_edge(widget.slot_x(slot), dpr)
            right = snap_edge(widget.slot_x(slot + 1), dpr)
            painter.save()
            painter.setClipRect(QRectF(left, inner.top(), right - left, inner.height()))
            painter.drawPixmap(QPointF(left, snap_edge(inner.top(), dpr)), pixmap)
            painter.restore()
        painter.restore()

    def _paint_range(
        self, painter: QPainter, track: QRectF, clip_left: float, clip_right: float, dpr: float
    ) -> None:
        widget, colours = self._widget, self._colours
        left = max(clip_left, snap_edge(widget.in_x(), dpr))
        right = min(clip_right, snap_edge(widget.out_x(), dpr))
        top, bottom = track.top(), track.bottom()
        marked = not widget.marks.is_whole_clip
        if marked:
            if not widget.thumbnail_count:  # a tint would wash out the thumbnails
                painter.fillRect(
                    QRectF(left, top, right - left, track.height()), colours.range_tint
                )
            if left > 0:
                painter.fillRect(QRectF(0, 0, left, bottom), colours.dim)
            if right < track.right():
                painter.fillRect(QRectF(right, 0, track.right() - right, bottom), colours.dim)
            # The range on the ruler, where it stays visible over any thumbnail.
            band = 3.0
            painter.fillRect(
                QRectF(left, self.ruler_height - band, right - left, band), colours.range_edge
            )
        # Track edges, and the range's top and bottom in the handles' colour.
        painter.fillRect(QRectF(0, bottom, track.width(), 1.0), colours.track_edge)
        if marked:
            edge = 2.0
            painter.fillRect(QRectF(left, top, right - left, edge), colours.range_edge)
            painter.fillRect(QRectF(left, bottom - edge, right - left, edge), colours.range_edge)

    def _paint_handles(self, painter: QPainter, track: QRectF, dpr: float) -> None:
        """In as "[", Out as "]": brackets facing into the range, dim while unset."""
        widget, colours = self._widget, self._colours
        top, height = track.top(), track.height()
        marks = widget.marks
        for x, is_set, direction in (
            (widget.in_x(), marks.in_frame is not None, 1.0),
            (widget.out_x(), marks.out_frame is not None, -1.0),
        ):
            if not -_HANDLE_TAB <= x <= widget.width() + _HANDLE_TAB:
                continue
            colour = colours.handle if is_set else colours.handle_unset
            edge = snap_edge(x, dpr)
            bar = QRectF(edge, top, _HANDLE_WIDTH * direction, height).normalized()
            tab_top = QRectF(edge, top, _HANDLE_TAB * direction, 2.0).normalized()
            tab_bottom = QRectF(edge, top + height - 2.0, _HANDLE_TAB * direction, 2.0)
            painter.fillRect(bar, colour)
            painter.fillRect(tab_top, colour)
            painter.fillRect(tab_bottom.normalized(), colour)

    def _paint_playhead(self, painter: QPainter, dpr: float) -> None:
        widget, colours = self._widget, self._colours
        view, playhead = widget.view, widget.playhead
        x = view.x_of(playhead)
        if not -_PLAYHEAD_HEAD_W <= x <= widget.width() + _PLAYHEAD_HEAD_W:
            return
        if view.zoom >= 4:  # the frame itself, when wide enough to see
            cell_left = snap_edge(x, dpr)
            cell_w = snap_edge(view.x_of(playhead + 1), dpr) - cell_left
            painter.fillRect(QRectF(cell_left, 0, cell_w, self.ruler_height), colours.playhead_cell)
        line_x = crisp(x, dpr, max(1, round(dpr)))
        pen = QPen(colours.playhead, max(1, round(dpr)) / dpr)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        painter.setPen(pen)
        painter.drawLine(QLineF(line_x, _PLAYHEAD_HEAD_H, line_x, widget.height()))
        half = _PLAYHEAD_HEAD_W / 2
        head = QPolygonF(
            [
                QPointF(line_x - half, 1),
                QPointF(line_x + half, 1),
                QPointF(line_x + half, _PLAYHEAD_HEAD_H - 4),
                QPointF(line_x, _PLAYHEAD_HEAD_H + 1),
                QPointF(line_x - half, _PLAYHEAD_HEAD_H - 4),
            ]
        )
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colours.playhead)
        painter.drawPolygon(head)
        painter.restore()
