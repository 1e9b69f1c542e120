"""The timeline: a custom-painted ruler, track, In/Out handles and playhead over `core.timeline`.

The widget holds only Qt concerns (painting, mouse, keys, signals); every rule about frames,
zoom, clamping and snapping lives in the Qt-free `Marks`, `TimelineView`, `snap` and `Shuttle`,
which are property-tested. Keys follow the editors' conventions (brief §4). Painting works from
the visible range only: the ruler's ticks and their lines are computed when the view changes,
not on every repaint, so a 4K-wide timeline repaints in a few milliseconds.

The thumbnail filmstrip is fed from outside (`set_thumbnail_count`, then `set_thumbnail` as
images arrive): the clip is split into that many equal slots and each image is drawn at the
start of its slot, so the producer decides how dense the strip is for the current zoom.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from enum import Enum, auto

from PySide6.QtCore import QEvent, QLineF, QPointF, QRectF, QSize, Qt, Signal, Slot
from PySide6.QtGui import (
    QFocusEvent,
    QFontMetricsF,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QNativeGestureEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QPolygonF,
    QResizeEvent,
    QStaticText,
    QWheelEvent,
)
from PySide6.QtWidgets import QWidget

from kokoon_desktop.core.filmstrip_slots import slot_frame
from kokoon_desktop.core.timecode import FrameRate
from kokoon_desktop.core.timeline import Marks, Shuttle, TimelineView, snap
from kokoon_desktop.core.timeline_ticks import ticks
from kokoon_desktop.ui.style import scaled_font
from kokoon_desktop.ui.timeline.look import TimelineColours, crisp, snap_edge

__all__ = ["SNAP_PX", "ZOOM_STEP", "TimelineWidget"]

SNAP_PX = 8.0
"""How close (on screen) a dragged handle or the scrubbed playhead comes to a target to snap."""

ZOOM_STEP = 1.25
"""Zoom factor per wheel notch (Ctrl+wheel) or per step of `zoom_in` / `zoom_out`."""

_MIN_TICK_SPACING = 7.0  # px between minor ticks
_HANDLE_GRAB_PX = 7.0  # how far outside/inside a handle the mouse still takes it
_HANDLE_WIDTH = 4.0
_HANDLE_TAB = 9.0  # length of the bracket's top and bottom tabs
_PLAYHEAD_HEAD_W = 11.0
_PLAYHEAD_HEAD_H = 12.0
_EDGE_MARGIN_PX = 24.0  # how far from the edge keys keep the playhead
_SCROLL_FRACTION = 0.1  # of the width, per wheel notch
_NOTCH = 120.0
_NO_MODIFIERS = Qt.KeyboardModifier.NoModifier
_SHIFT = Qt.KeyboardModifier.ShiftModifier
_ALT = Qt.KeyboardModifier.AltModifier
_CONTROL = Qt.KeyboardModifier.ControlModifier


class _Drag(Enum):
    NONE = auto()
    PLAYHEAD = auto()
    IN = auto()
    OUT = auto()


class TimelineWidget(QWidget):
    """Ruler, track (for the filmstrip), range and playhead of one clip; keys as in editors.

    Signals fire only on a change: `marks_changed(Marks)`, `playhead_moved(int)`,
    `shuttle_changed(int)` (signed multiple of the source rate, 0 stopped),
    `play_toggled(bool)` (playing or not, after Space, J, K or L) and
    `view_changed(TimelineView)` (zoom, scroll or width, for the filmstrip's density);
    `help_requested()` when F1 or ? asks for the list of keys.
    """

    marks_changed = Signal(object)
    playhead_moved = Signal(int)
    shuttle_changed = Signal(int)
    play_toggled = Signal(bool)
    view_changed = Signal(object)
    help_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timeline")
        self.setAccessibleName("timeline")
        self.setAccessibleDescription(
            "I and O set the In and Out marks at the playhead, Shift+I and Shift+O go to them, "
            "Alt+I, Alt+O and Alt+X clear them; Left and Right move one frame, with Shift one "
            "second; Home and End; J, K and L shuttle; Space plays and pauses; F1 lists the keys."
        )
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)  # hover cursor over the handles
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setMinimumHeight(64)

        self._rate: FrameRate | None = None
        self._marks = Marks(1)
        self._playhead = 0
        self._view = TimelineView(max(1, self.width()), 1)
        self._shuttle = Shuttle()
        self._snapping = True
        self._drag = _Drag.NONE
        self._grab_offset = 0.0

        self._images: list[QImage | None] = []
        self._pixmaps: dict[int, QPixmap] = {}
        self._pixmap_height = 0

        self._colours = TimelineColours.from_palette(self.palette())
        self._label_font = scaled_font(self, 0.85)
        self._ruler_height = 0.0
        self._label_width = 0.0
        # The ruler for one (view, dpr, ruler height): tick lines and labels, reused by repaints.
        self._ruler_key: tuple[TimelineView, float, float] | None = None
        self._minor_lines: list[QLineF] = []
        self._major_lines: list[QLineF] = []
        self._labels: list[tuple[QPointF, QStaticText]] = []
        self._static_texts: dict[str, QStaticText] = {}
        self._update_metrics()

    # --- State -----------------------------------------------------------------------------

    @property
    def rate(self) -> FrameRate | None:
        """The clip's frame rate, None before `set_clip`."""
        return self._rate

    @property
    def total_frames(self) -> int:
        return self._marks.total_frames

    @property
    def marks(self) -> Marks:
        return self._marks

    @property
    def playhead(self) -> int:
        return self._playhead

    @property
    def view(self) -> TimelineView:
        return self._view

    @property
    def shuttle_speed(self) -> int:
        return self._shuttle.speed

    @property
    def is_playing(self) -> bool:
        return self._shuttle.speed != 0

    @property
    def snapping(self) -> bool:
        """Whether drags snap (holding Shift while dragging inverts it)."""
        return self._snapping

    def set_snapping(self, on: bool) -> None:
        self._snapping = on

    def set_clip(self, total_frames: int, rate: FrameRate) -> None:
        """Show a clip of `total_frames` frames at `rate`: whole range, playhead at 0, fitted,
        stopped, no thumbnails. Emits the new marks, playhead and view."""
        marks = Marks(total_frames)  # validates before anything changes
        self._rate = rate
        self._stop_shuttle()
        self._drag = _Drag.NONE
        self._images = []
        self._pixmaps.clear()
        self._marks = marks
        self._playhead = 0
        self._set_view(TimelineView(self._track_width(), total_frames))
        self.marks_changed.emit(marks)
        self.playhead_moved.emit(0)
        self.update()

    @Slot(object)
    def set_marks(self, marks: Marks) -> None:
        """Take marks from elsewhere (the In/Out fields); emits `marks_changed` on a change."""
        if marks.total_frames != self._marks.total_frames:
            raise ValueError(
                f"Marks for {marks.total_frames} frames on a clip of {self.total_frames}."
            )
        self._apply_marks(marks)

    @Slot(int)
    def set_playhead(self, frame: int) -> None:
        """Move the playhead (clamped to the clip) and scroll to keep it on screen, as
        playback and the keys need."""
        self._move_playhead(frame)
        self._set_view(self._view.ensure_visible(self._playhead, _EDGE_MARGIN_PX))

    # --- Zoom and scroll -------------------------------------------------------------------

    @Slot()
    def zoom_to_fit(self) -> None:
        self._set_view(self._view.fit())

    @Slot()
    def zoom_in(self) -> None:
        """One step closer around the playhead (or the middle when it is off screen)."""
        self._zoom_keyboard(ZOOM_STEP)

    @Slot()
    def zoom_out(self) -> None:
        self._zoom_keyboard(1 / ZOOM_STEP)

    def _zoom_keyboard(self, factor: float) -> None:
        anchor = self._view.x_of(self._playhead)
        if not 0 <= anchor <= self._view.width_px:
            anchor = self._view.width_px / 2
        self._set_view(self._view.zoomed(factor, anchor))

    def set_view(self, view: TimelineView) -> None:
        """Show `view` of this clip (a zoom and scroll worked out elsewhere)."""
        if view.total_frames != self.total_frames:
            raise ValueError(
                f"A view of {view.total_frames} frames on a clip of {self.total_frames}."
            )
        self._set_view(dataclasses.replace(view, width_px=self._track_width()))

    def _set_view(self, view: TimelineView) -> None:
        if view != self._view:
            self._view = view
            self.view_changed.emit(view)
            self.update()

    # --- Filmstrip -------------------------------------------------------------------------

    def set_thumbnail_count(self, n: int, *, keep_matching: bool = False) -> None:
        """Split the clip into `n` equal slots for thumbnails (0: no filmstrip).

        Images already set are dropped, since their slots no longer exist; with
        `keep_matching`, a new slot starting on the same frame as an old one keeps its image
        (between power-of-two layouts, every other slot), so a zoom step shows no gaps while
        the rest arrive.
        """
        if n < 0:
            raise ValueError(f"A filmstrip cannot have {n} thumbnails.")
        kept: dict[int, QImage] = {}
        if keep_matching:
            old = len(self._images)
            kept = {
                slot_frame(slot, old, self.total_frames): image
                for slot, image in enumerate(self._images)
                if image is not None
            }
        self._images = [kept.get(slot_frame(slot, n, self.total_frames)) for slot in range(n)]
        self._pixmaps.clear()
        self.update()

    @property
    def thumbnail_count(self) -> int:
        return len(self._images)

    def thumbnail_frame(self, slot: int) -> int:
        """The frame a slot's thumbnail should show: the first frame of the slot."""
        return slot_frame(slot, len(self._images), self.total_frames)

    def has_thumbnail(self, slot: int) -> bool:
        """Whether the slot's image has arrived."""
        return 0 <= slot < len(self._images) and self._images[slot] is not None

    def filmstrip_height_px(self) -> int:
        """The height thumbnails are drawn at, in device pixels (decode them at this size)."""
        inner = self._track_rect().height() - 2
        return max(1, round(inner * self.devicePixelRatioF()))

    def set_thumbnail(self, slot: int, image: QImage) -> None:
        """The image of one slot, drawn at the track's height as soon as it arrives."""
        if not 0 <= slot < len(self._images):
            raise IndexError(f"No thumbnail slot {slot} of {len(self._images)}.")
        self._images[slot] = image
        self._pixmaps.pop(slot, None)
        first, last = self._slot_x(slot), self._slot_x(slot + 1)
        top = self._ruler_height
        self.update(QRectF(first, top, last - first + 1, self.height() - top).toAlignedRect())

    def _slot_x(self, slot: int) -> float:
        return self._view.x_of(0) + slot * self._view.content_width / max(1, len(self._images))

    def _pixmap(self, slot: int, height_px: int) -> QPixmap | None:
        """The slot's image scaled to the track once, at device resolution."""
        if height_px != self._pixmap_height:
            self._pixmaps.clear()
            self._pixmap_height = height_px
        pixmap = self._pixmaps.get(slot)
        if pixmap is None:
            image = self._images[slot]
            if image is None or image.isNull():
                return None
            pixmap = QPixmap.fromImage(
                image.scaledToHeight(height_px, Qt.TransformationMode.SmoothTransformation)
            )
            pixmap.setDevicePixelRatio(self.devicePixelRatioF())
            self._pixmaps[slot] = pixmap
        return pixmap

    # --- Geometry --------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        return QSize(640, 96)

    def minimumSizeHint(self) -> QSize:
        return QSize(160, 64)

    def _track_width(self) -> int:
        return max(1, self.width())

    def ruler_height(self) -> float:
        """Height of the ruler band at the top; the track fills the rest."""
        return self._ruler_height

    def _track_rect(self) -> QRectF:
        top = self._ruler_height + 1
        return QRectF(0, top, self.width(), max(1.0, self.height() - top - 1))

    def _update_metrics(self) -> None:
        metrics = QFontMetricsF(self._label_font)
        self._ruler_height = float(round(metrics.height() + 14))
        self._label_width = metrics.horizontalAdvance("00:00:00:000")
        self._ruler_key = None
        self._static_texts.clear()

    def _in_x(self) -> float:
        return self._view.x_of(self._marks.range_frames()[0])

    def _out_x(self) -> float:
        start, count = self._marks.range_frames()
        return self._view.x_of(start + count)

    def _handle_at(self, x: float, y: float) -> _Drag:
        """The handle under the mouse: each is taken from its inner side a little further."""
        if self._rate is None or y < self._ruler_height:
            return _Drag.NONE
        in_distance = x - self._in_x()  # positive inside the range
        out_distance = self._out_x() - x
        reach_in = -_HANDLE_GRAB_PX / 2 <= in_distance <= _HANDLE_GRAB_PX
        reach_out = -_HANDLE_GRAB_PX / 2 <= out_distance <= _HANDLE_GRAB_PX
        if reach_in and reach_out:
            return _Drag.IN if abs(in_distance) < abs(out_distance) else _Drag.OUT
        if reach_in:
            return _Drag.IN
        if reach_out:
            return _Drag.OUT
        return _Drag.NONE

    # --- Changes ---------------------------------------------------------------------------

    def _apply_marks(self, marks: Marks) -> None:
        if marks != self._marks:
            self._marks = marks
            self.marks_changed.emit(marks)
            self.update()

    def _move_playhead(self, frame: int) -> None:
        frame = max(0, min(self.total_frames - 1, frame))
        if frame != self._playhead:
            self._playhead = frame
            self.playhead_moved.emit(frame)
            self.update()

    def _set_speed(self, speed: int) -> None:
        was_playing = self.is_playing
        old = self._shuttle.speed
        self._shuttle.speed = speed
        if speed != old:
            self.shuttle_changed.emit(speed)
        if self.is_playing != was_playing:
            self.play_toggled.emit(self.is_playing)

    def _stop_shuttle(self) -> None:
        self._set_speed(0)

    @Slot()
    def stop(self) -> None:
        """Stop playback (the player calls this at the end of the clip)."""
        self._stop_shuttle()

    # --- Keys ------------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        kind = event.type()
        # Claim our keys before window shortcuts (a Space or arrow elsewhere) take them.
        if (
            kind == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and self._key_action(event) is not None
        ):
            event.accept()
            return True
        if (
            kind == QEvent.Type.NativeGesture
            and isinstance(event, QNativeGestureEvent)
            and event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture
        ):
            self._set_view(self._view.zoomed(1.0 + event.value(), event.position().x()))
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        action = self._key_action(event)
        if action is None:
            super().keyPressEvent(event)
            return
        event.accept()
        if self._rate is not None or action == self._key_help:
            action(event.isAutoRepeat())

    def _key_action(self, event: QKeyEvent) -> Callable[[bool], None] | None:
        """The handler of a key press (called with whether it is an auto-repeat), if ours."""
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        name = _KEYS.get((event.key(), modifiers.value))
        if name is None:
            return None
        handler: Callable[[bool], None] = getattr(self, name)
        return handler

    def _key_help(self, repeat: bool) -> None:
        if not repeat:
            self.help_requested.emit()

    def _key_set_in(self, repeat: bool) -> None:
        self._apply_marks(self._marks.set_in(self._playhead))

    def _key_set_out(self, repeat: bool) -> None:
        self._apply_marks(self._marks.set_out(self._playhead))

    def _key_go_in(self, repeat: bool) -> None:
        self.set_playhead(self._marks.range_frames()[0])

    def _key_go_out(self, repeat: bool) -> None:
        start, count = self._marks.range_frames()
        self.set_playhead(start + count - 1)

    def _key_clear_in(self, repeat: bool) -> None:
        self._apply_marks(self._marks.clear_in())

    def _key_clear_out(self, repeat: bool) -> None:
        self._apply_marks(self._marks.clear_out())

    def _key_clear(self, repeat: bool) -> None:
        self._apply_marks(self._marks.clear())

    def _key_left(self, repeat: bool) -> None:
        self.set_playhead(self._playhead - 1)

    def _key_right(self, repeat: bool) -> None:
        self.set_playhead(self._playhead + 1)

    def _key_second_back(self, repeat: bool) -> None:
        self.set_playhead(self._playhead - self._second())

    def _key_second_forward(self, repeat: bool) -> None:
        self.set_playhead(self._playhead + self._second())

    def _second(self) -> int:
        return self._rate.nominal if self._rate is not None else 1

    def _key_home(self, repeat: bool) -> None:
        self.set_playhead(0)

    def _key_end(self, repeat: bool) -> None:
        self.set_playhead(self.total_frames - 1)

    def _key_j(self, repeat: bool) -> None:
        if not repeat:
            self._set_speed(Shuttle(self._shuttle.speed).press_j())

    def _key_k(self, repeat: bool) -> None:
        if not repeat:
            self._set_speed(0)

    def _key_l(self, repeat: bool) -> None:
        if not repeat:
            self._set_speed(Shuttle(self._shuttle.speed).press_l())

    def _key_space(self, repeat: bool) -> None:
        if not repeat:
            self._set_speed(0 if self.is_playing else 1)

    # --- Mouse -----------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self._rate is None:
            super().mousePressEvent(event)
            return
        event.accept()
        x, y = event.position().x(), event.position().y()
        self._drag = self._handle_at(x, y)
        if self._drag is _Drag.IN:
            self._grab_offset = x - self._in_x()
        elif self._drag is _Drag.OUT:
            self._grab_offset = x - self._out_x()
        else:
            self._drag = _Drag.PLAYHEAD
            self._grab_offset = 0.0
            self._scrub_to(x, event.modifiers())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        x, y = event.position().x(), event.position().y()
        if self._drag is _Drag.NONE:
            hover = self._handle_at(x, y)
            if hover is _Drag.NONE:
                self.unsetCursor()
            else:
                self.setCursor(Qt.CursorShape.SizeHorCursor)
            return
        event.accept()
        if self._drag is _Drag.PLAYHEAD:
            self._scrub_to(x, event.modifiers())
        else:
            self._drag_handle(x - self._grab_offset, event.modifiers())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._drag is not _Drag.NONE:
            event.accept()
            self._drag = _Drag.NONE
            return
        super().mouseReleaseEvent(event)

    def _snaps(self, modifiers: Qt.KeyboardModifier) -> bool:
        return self._snapping != bool(modifiers & _SHIFT)

    def _scrub_to(self, x: float, modifiers: Qt.KeyboardModifier) -> None:
        """Playhead under the mouse; it snaps to the marks' frames and the clip's ends (the
        frames Shift+I / Shift+O and Home / End go to)."""
        frame = self._view.frame_at(x)
        if self._snaps(modifiers):
            start, count = self._marks.range_frames()
            targets = (0, self.total_frames - 1, start, start + count - 1)
            frame = snap(frame, targets, self._view, SNAP_PX)
        self._move_playhead(frame)

    def _drag_handle(self, x: float, modifiers: Qt.KeyboardModifier) -> None:
        """Move the dragged handle to the frame boundary nearest `x`.

        Snapping gives the mark the key would set: In to the playhead's frame (I), Out to the
        playhead's frame inclusive (O), each to the clip's end, and each to the other handle
        (a one-frame range). A handle never crosses the other: the range keeps a frame.
        """
        boundary = self._view.boundary_at(x)
        start, count = self._marks.range_frames()
        end = start + count
        total = self.total_frames
        snaps = self._snaps(modifiers)
        if self._drag is _Drag.IN:
            if snaps:
                boundary = snap(boundary, (0, self._playhead, end - 1), self._view, SNAP_PX)
            marks = self._marks.set_in(min(boundary, end - 1))
        else:
            if snaps:
                targets = (total, self._playhead + 1, start + 1)
                boundary = snap(boundary, targets, self._view, SNAP_PX)
            marks = self._marks.set_out(max(boundary, start + 1) - 1)
        self._apply_marks(marks.normalized())

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self._rate is None:
            super().wheelEvent(event)
            return
        event.accept()
        angle = event.angleDelta()
        if event.modifiers() & _CONTROL:
            steps = (angle.y() or angle.x()) / _NOTCH
            if steps:
                factor = ZOOM_STEP**steps
                self._set_view(self._view.zoomed(factor, event.position().x()))
            return
        pixels = event.pixelDelta()
        if not pixels.isNull():
            delta = float(pixels.x() or pixels.y())
        else:
            delta = (angle.x() or angle.y()) / _NOTCH * self._view.width_px * _SCROLL_FRACTION
        self._set_view(self._view.scrolled(-delta))

    # --- Qt housekeeping -------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        width = self._track_width()
        if self._view.is_fit:
            view = TimelineView(width, self.total_frames)
        else:
            view = dataclasses.replace(self._view, width_px=width)
        self._set_view(view)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        kind = event.type()
        if kind in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._colours = TimelineColours.from_palette(self.palette())
            self.update()
        elif kind in (QEvent.Type.FontChange, QEvent.Type.ApplicationFontChange):
            self._label_font = scaled_font(self, 0.85)
            self._update_metrics()
            self.update()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    # --- Painting --------------------------------------------------------------------------

    def _ruler_geometry(self, dpr: float) -> None:
        """Tick lines and labels for the current view, recomputed only when it changes."""
        key = (self._view, dpr, self._ruler_height)
        if key == self._ruler_key or self._rate is None:
            return
        self._ruler_key = key
        bottom = self._ruler_height
        self._minor_lines = []
        self._major_lines = []
        self._labels = []
        spacing = self._label_width + 18
        for tick in ticks(self._view, self._rate, _MIN_TICK_SPACING, label_spacing_px=spacing):
            x = crisp(self._view.x_of(tick.frame), dpr)
            if tick.major:
                self._major_lines.append(QLineF(x, 0, x, bottom))
            else:
                self._minor_lines.append(QLineF(x, bottom - 5, x, bottom))
            if tick.label is not None:
                text = self._static_texts.get(tick.label)
                if text is None:
                    if len(self._static_texts) > 512:
                        self._static_texts.clear()
                    text = QStaticText(tick.label)
                    text.setPerformanceHint(QStaticText.PerformanceHint.AggressiveCaching)
                    self._static_texts[tick.label] = text
                self._labels.append((QPointF(x + 4, 5), text))

    def paintEvent(self, event: QPaintEvent) -> None:
        with QPainter(self) as painter:  # ended even if painting raises
            self._paint(painter)

    def _paint(self, painter: QPainter) -> None:
        colours = self._colours
        dpr = self.devicePixelRatioF()
        width, height = float(self.width()), float(self.height())
        ruler_h = self._ruler_height
        track = self._track_rect()

        painter.fillRect(QRectF(0, 0, width, height), colours.background)
        painter.fillRect(QRectF(0, 0, width, ruler_h), colours.ruler)
        painter.fillRect(track, colours.track)

        if self._rate is not None:
            view = self._view
            clip_left = max(0.0, snap_edge(view.x_of(0), dpr))
            clip_right = min(width, snap_edge(view.x_of(self.total_frames), dpr))
            self._paint_filmstrip(painter, track, dpr)
            self._paint_range(painter, track, clip_left, clip_right, dpr)
            self._paint_ruler(painter, dpr)

        # Separator between ruler and track.
        painter.setPen(QPen(colours.separator, 1.0 / dpr))
        y = crisp(ruler_h, dpr)
        painter.drawLine(QLineF(0, y, width, y))

        if self._rate is not None:
            self._paint_handles(painter, track, dpr)
            self._paint_playhead(painter, dpr)

        if self.hasFocus():
            painter.setPen(QPen(colours.focus, 1.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(0.5, 0.5, width - 1, height - 1))

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

    def _paint_filmstrip(self, painter: QPainter, track: QRectF, dpr: float) -> None:
        count = len(self._images)
        if not count:
            return
        view = self._view
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
            left = snap_edge(self._slot_x(slot), dpr)
            right = snap_edge(self._slot_x(slot + 1), dpr)
            painter.save()
            painter.setClipRect(QRectF(left, inner.top(), right - left, inner.height()))
            painter.drawPixmap(QPointF(left, snap_edge(inner.top(), dpr)), pixmap)
            painter.restore()
        painter.restore()

    def _paint_range(
        self, painter: QPainter, track: QRectF, clip_left: float, clip_right: float, dpr: float
    ) -> None:
        colours = self._colours
        left = max(clip_left, snap_edge(self._in_x(), dpr))
        right = min(clip_right, snap_edge(self._out_x(), dpr))
        top, bottom = track.top(), track.bottom()
        marked = not self._marks.is_whole_clip
        if marked:
            if not self._images:  # a tint would wash out the thumbnails
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
                QRectF(left, self._ruler_height - band, right - left, band), colours.range_edge
            )
        # Track edges, and the range's top and bottom in the handles' colour.
        painter.fillRect(QRectF(0, bottom, track.width(), 1.0), colours.track_edge)
        if marked:
            edge = 2.0
            painter.fillRect(QRectF(left, top, right - left, edge), colours.range_edge)
            painter.fillRect(QRectF(left, bottom - edge, right - left, edge), colours.range_edge)

    def _paint_handles(self, painter: QPainter, track: QRectF, dpr: float) -> None:
        """In as "[", Out as "]": brackets facing into the range, dim while unset."""
        colours = self._colours
        top, height = track.top(), track.height()
        for x, is_set, direction in (
            (self._in_x(), self._marks.in_frame is not None, 1.0),
            (self._out_x(), self._marks.out_frame is not None, -1.0),
        ):
            if not -_HANDLE_TAB <= x <= self.width() + _HANDLE_TAB:
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
        colours = self._colours
        view = self._view
        x = view.x_of(self._playhead)
        if not -_PLAYHEAD_HEAD_W <= x <= self.width() + _PLAYHEAD_HEAD_W:
            return
        if view.zoom >= 4:  # the frame itself, when wide enough to see
            cell_left = snap_edge(x, dpr)
            cell_w = snap_edge(view.x_of(self._playhead + 1), dpr) - cell_left
            painter.fillRect(
                QRectF(cell_left, 0, cell_w, self._ruler_height), colours.playhead_cell
            )
        line_x = crisp(x, dpr, max(1, round(dpr)))
        pen = QPen(colours.playhead, max(1, round(dpr)) / dpr)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        painter.setPen(pen)
        painter.drawLine(QLineF(line_x, _PLAYHEAD_HEAD_H, line_x, self.height()))
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


_KEYS: dict[tuple[int, int], str] = {
    (key.value, modifiers.value): name
    for key, modifiers, name in (
        (Qt.Key.Key_I, _NO_MODIFIERS, "_key_set_in"),
        (Qt.Key.Key_O, _NO_MODIFIERS, "_key_set_out"),
        (Qt.Key.Key_I, _SHIFT, "_key_go_in"),
        (Qt.Key.Key_O, _SHIFT, "_key_go_out"),
        (Qt.Key.Key_I, _ALT, "_key_clear_in"),
        (Qt.Key.Key_O, _ALT, "_key_clear_out"),
        (Qt.Key.Key_X, _ALT, "_key_clear"),
        (Qt.Key.Key_Left, _NO_MODIFIERS, "_key_left"),
        (Qt.Key.Key_Right, _NO_MODIFIERS, "_key_right"),
        (Qt.Key.Key_Left, _SHIFT, "_key_second_back"),
        (Qt.Key.Key_Right, _SHIFT, "_key_second_forward"),
        (Qt.Key.Key_Home, _NO_MODIFIERS, "_key_home"),
        (Qt.Key.Key_End, _NO_MODIFIERS, "_key_end"),
        (Qt.Key.Key_J, _NO_MODIFIERS, "_key_j"),
        (Qt.Key.Key_K, _NO_MODIFIERS, "_key_k"),
        (Qt.Key.Key_L, _NO_MODIFIERS, "_key_l"),
        (Qt.Key.Key_Space, _NO_MODIFIERS, "_key_space"),
        (Qt.Key.Key_F1, _NO_MODIFIERS, "_key_help"),
        (Qt.Key.Key_Question, _NO_MODIFIERS, "_key_help"),
        (Qt.Key.Key_Question, _SHIFT, "_key_help"),
    )
}
"""(key, modifiers) to the handler's name: the editors' keys (brief §4)."""
