"""The timeline: a custom-painted ruler, track, In/Out handles and playhead over `core.timeline`.

The widget holds the state of one clip on screen (marks, playhead, view, shuttle, thumbnails)
and its signals; what keys, the mouse and the wheel do is in `input`, how it is drawn in
`painting`. Every rule about frames, zoom, clamping and snapping lives in the Qt-free `Marks`,
`TimelineView`, `snap` and `Shuttle`, which are property-tested.

The thumbnail filmstrip is fed from outside (`set_thumbnail_count`, then `set_thumbnail` as
images arrive): the clip is split into that many equal slots and each image is drawn at the
start of its slot, so the producer decides how dense the strip is for the current zoom.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QEvent, QRectF, QSize, Qt, Signal, Slot
from PySide6.QtGui import (
    QFocusEvent,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QNativeGestureEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QWidget

from kokoon_desktop.core.filmstrip_slots import slot_frame
from kokoon_desktop.core.timecode import FrameRate
from kokoon_desktop.core.timeline import Marks, Shuttle, TimelineView
from kokoon_desktop.ui.timeline import keys
from kokoon_desktop.ui.timeline.input import SNAP_PX, ZOOM_STEP, Drag, TimelineInput
from kokoon_desktop.ui.timeline.painting import TimelinePainter

__all__ = ["SNAP_PX", "ZOOM_STEP", "TimelineWidget"]

_EDGE_MARGIN_PX = 24.0  # how far from the edge keys keep the playhead


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
        self.setAccessibleDescription(keys.accessible_description())
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
        self._images: list[QImage | None] = []
        self._input = TimelineInput(self)
        self._painter = TimelinePainter(self)

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
        self.stop()
        self._input.drag = Drag.NONE
        self._images = []
        self._painter.forget_thumbnail()
        self._marks = marks
        self._playhead = 0
        self.show_view(TimelineView(self._track_width(), total_frames))
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
        self.change_marks(marks)

    @Slot(int)
    def set_playhead(self, frame: int) -> None:
        """Move the playhead (clamped to the clip) and scroll to keep it on screen, as
        playback and the keys need."""
        self.move_playhead(frame)
        self.show_view(self._view.ensure_visible(self._playhead, _EDGE_MARGIN_PX))

    # --- Zoom and scroll -------------------------------------------------------------------

    @Slot()
    def zoom_to_fit(self) -> None:
        self.show_view(self._view.fit())

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
        self.show_view(self._view.zoomed(factor, anchor))

    def set_view(self, view: TimelineView) -> None:
        """Show `view` of this clip (a zoom and scroll worked out elsewhere)."""
        if view.total_frames != self.total_frames:
            raise ValueError(
                f"A view of {view.total_frames} frames on a clip of {self.total_frames}."
            )
        self.show_view(dataclasses.replace(view, width_px=self._track_width()))

    def show_view(self, view: TimelineView) -> None:
        """Show ``view`` as it is (its width already this widget's)."""
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
        self._painter.forget_thumbnail()
        self.update()

    @property
    def thumbnail_count(self) -> int:
        return len(self._images)

    def thumbnail_frame(self, slot: int) -> int:
        """The frame a slot's thumbnail should show: the first frame of the slot."""
        return slot_frame(slot, len(self._images), self.total_frames)

    def thumbnail(self, slot: int) -> QImage | None:
        """The image of a slot, if it has arrived."""
        return self._images[slot] if 0 <= slot < len(self._images) else None

    def has_thumbnail(self, slot: int) -> bool:
        """Whether the slot's image has arrived."""
        return 0 <= slot < len(self._images) and self._images[slot] is not None

    def filmstrip_height_px(self) -> int:
        """The height thumbnails are drawn at, in device pixels (decode them at this size)."""
        inner = self.track_rect().height() - 2
        return max(1, round(inner * self.devicePixelRatioF()))

    def set_thumbnail(self, slot: int, image: QImage) -> None:
        """The image of one slot, drawn at the track's height as soon as it arrives."""
        if not 0 <= slot < len(self._images):
            raise IndexError(f"No thumbnail slot {slot} of {len(self._images)}.")
        self._images[slot] = image
        self._painter.forget_thumbnail(slot)
        first, last = self.slot_x(slot), self.slot_x(slot + 1)
        top = self.ruler_height()
        self.update(QRectF(first, top, last - first + 1, self.height() - top).toAlignedRect())

    def slot_x(self, slot: int) -> float:
        """Where a slot of the filmstrip starts on screen."""
        return self._view.x_of(0) + slot * self._view.content_width / max(1, len(self._images))

    # --- Geometry --------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        return QSize(640, 96)

    def minimumSizeHint(self) -> QSize:
        return QSize(160, 64)

    def _track_width(self) -> int:
        return max(1, self.width())

    def ruler_height(self) -> float:
        """Height of the ruler band at the top; the track fills the rest."""
        return self._painter.ruler_height

    def track_rect(self) -> QRectF:
        """The band under the ruler: filmstrip, range and handles."""
        top = self.ruler_height() + 1
        return QRectF(0, top, self.width(), max(1.0, self.height() - top - 1))

    def in_x(self) -> float:
        """Where the range starts on screen."""
        return self._view.x_of(self._marks.range_frames()[0])

    def out_x(self) -> float:
        """Where the range ends on screen (after its last frame)."""
        start, count = self._marks.range_frames()
        return self._view.x_of(start + count)

    # --- Changes ---------------------------------------------------------------------------

    def change_marks(self, marks: Marks) -> None:
        """Take ``marks`` (of this clip); emits `marks_changed` on a change."""
        if marks != self._marks:
            self._marks = marks
            self.marks_changed.emit(marks)
            self.update()

    def move_playhead(self, frame: int) -> None:
        """Put the playhead on ``frame`` (clamped), without scrolling."""
        frame = max(0, min(self.total_frames - 1, frame))
        if frame != self._playhead:
            self._playhead = frame
            self.playhead_moved.emit(frame)
            self.update()

    def set_speed(self, speed: int) -> None:
        """Shuttle at ``speed`` (a signed multiple of the source rate, 0 stopped)."""
        was_playing = self.is_playing
        old = self._shuttle.speed
        self._shuttle.speed = speed
        if speed != old:
            self.shuttle_changed.emit(speed)
        if self.is_playing != was_playing:
            self.play_toggled.emit(self.is_playing)

    @Slot()
    def stop(self) -> None:
        """Stop playback (the player calls this at the end of the clip)."""
        self.set_speed(0)

    # --- Events: input goes to `TimelineInput`, painting to `TimelinePainter` --------------

    def event(self, event: QEvent) -> bool:
        kind = event.type()
        # Claim our keys before window shortcuts (a Space or arrow elsewhere) take them.
        if (
            kind == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and self._input.claims(event)
        ):
            event.accept()
            return True
        if (
            kind == QEvent.Type.NativeGesture
            and isinstance(event, QNativeGestureEvent)
            and self._input.pinch(event)
        ):
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._input.key_press(event):
            super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if not self._input.mouse_press(event):
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self._input.mouse_move(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if not self._input.mouse_release(event):
            super().mouseReleaseEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if not self._input.wheel(event):
            super().wheelEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        with QPainter(self) as painter:  # ended even if painting raises
            self._painter.paint(painter)

    # --- Qt housekeeping -------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        width = self._track_width()
        if self._view.is_fit:
            view = TimelineView(width, self.total_frames)
        else:
            view = dataclasses.replace(self._view, width_px=width)
        self.show_view(view)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        kind = event.type()
        if kind in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._painter.palette_changed()
            self.update()
        elif kind in (QEvent.Type.FontChange, QEvent.Type.ApplicationFontChange):
            self._painter.font_changed()
            self.update()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()
