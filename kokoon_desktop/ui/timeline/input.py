"""What the timeline does with keys, the mouse, the wheel and a pinch: the editors' conventions
(brief §4), keys from the one key map in `keys`.

Every rule about frames, clamping and snapping lives in the Qt-free `Marks`, `TimelineView`,
`snap` and `Shuttle`; this module turns events into calls of the widget's own changes.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum, auto
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent, QNativeGestureEvent, QWheelEvent

from kokoon_desktop.core.timeline import Shuttle, snap
from kokoon_desktop.ui.timeline import keys

if TYPE_CHECKING:
    from kokoon_desktop.ui.timeline.widget import TimelineWidget

__all__ = ["SNAP_PX", "ZOOM_STEP", "TimelineInput"]

SNAP_PX = 8.0
"""How close (on screen) a dragged handle or the scrubbed playhead comes to a target to snap."""

ZOOM_STEP = 1.25
"""Zoom factor per wheel notch (Ctrl+wheel) or per step of `zoom_in` / `zoom_out`."""

_HANDLE_GRAB_PX = 7.0  # how far outside/inside a handle the mouse still takes it
_SCROLL_FRACTION = 0.1  # of the width, per wheel notch
_NOTCH = 120.0
_SHIFT = Qt.KeyboardModifier.ShiftModifier
_CONTROL = Qt.KeyboardModifier.ControlModifier


class Drag(Enum):
    NONE = auto()
    PLAYHEAD = auto()
    IN = auto()
    OUT = auto()


class TimelineInput:
    """The input of one timeline widget, and the drag under way."""

    def __init__(self, widget: TimelineWidget) -> None:
        self._widget = widget
        self.drag = Drag.NONE
        self._grab_offset = 0.0

    # --- Keys ------------------------------------------------------------------------------

    def claims(self, event: QKeyEvent) -> bool:
        """Whether the key is the timeline's (taken before the window's shortcuts)."""
        return self._action(event) is not None

    def key_press(self, event: QKeyEvent) -> bool:
        """Do what the key says; False when it is not one of the timeline's."""
        action = self._action(event)
        if action is None:
            return False
        event.accept()
        if self._widget.rate is not None or action == self._key_help:
            action(event.isAutoRepeat())
        return True

    def _action(self, event: QKeyEvent) -> Callable[[bool], None] | None:
        """The handler of a key press (called with whether it is an auto-repeat), if ours."""
        name = keys.action_of(event.key(), event.modifiers())
        if name is None:
            return None
        handler: Callable[[bool], None] = getattr(self, name)
        return handler

    def _key_help(self, repeat: bool) -> None:
        if not repeat:
            self._widget.help_requested.emit()

    def _key_set_in(self, repeat: bool) -> None:
        widget = self._widget
        widget.change_marks(widget.marks.set_in(widget.playhead))

    def _key_set_out(self, repeat: bool) -> None:
        widget = self._widget
        widget.change_marks(widget.marks.set_out(widget.playhead))

    def _key_go_in(self, repeat: bool) -> None:
        self._widget.set_playhead(self._widget.marks.range_frames()[0])

    def _key_go_out(self, repeat: bool) -> None:
        start, count = self._widget.marks.range_frames()
        self._widget.set_playhead(start + count - 1)

    def _key_clear_in(self, repeat: bool) -> None:
        self._widget.change_marks(self._widget.marks.clear_in())

    def _key_clear_out(self, repeat: bool) -> None:
        self._widget.change_marks(self._widget.marks.clear_out())

    def _key_clear(self, repeat: bool) -> None:
        self._widget.change_marks(self._widget.marks.clear())

    def _key_left(self, repeat: bool) -> None:
        self._widget.set_playhead(self._widget.playhead - 1)

    def _key_right(self, repeat: bool) -> None:
        self._widget.set_playhead(self._widget.playhead + 1)

    def _key_second_back(self, repeat: bool) -> None:
        self._widget.set_playhead(self._widget.playhead - self._second())

    def _key_second_forward(self, repeat: bool) -> None:
        self._widget.set_playhead(self._widget.playhead + self._second())

    def _second(self) -> int:
        rate = self._widget.rate
        return rate.nominal if rate is not None else 1

    def _key_home(self, repeat: bool) -> None:
        self._widget.set_playhead(0)

    def _key_end(self, repeat: bool) -> None:
        self._widget.set_playhead(self._widget.total_frames - 1)

    def _key_j(self, repeat: bool) -> None:
        if not repeat:
            self._widget.set_speed(Shuttle(self._widget.shuttle_speed).press_j())

    def _key_k(self, repeat: bool) -> None:
        if not repeat:
            self._widget.set_speed(0)

    def _key_l(self, repeat: bool) -> None:
        if not repeat:
            self._widget.set_speed(Shuttle(self._widget.shuttle_speed).press_l())

    def _key_space(self, repeat: bool) -> None:
        if not repeat:
            self._widget.set_speed(0 if self._widget.is_playing else 1)

    # --- Mouse -----------------------------------------------------------------------------

    def mouse_press(self, event: QMouseEvent) -> bool:
        """Take a handle, or scrub; False when the press is not the timeline's."""
        if event.button() != Qt.MouseButton.LeftButton or self._widget.rate is None:
            return False
        event.accept()
        x, y = event.position().x(), event.position().y()
        self.drag = self._handle_at(x, y)
        if self.drag is Drag.IN:
            self._grab_offset = x - self._widget.in_x()
        elif self.drag is Drag.OUT:
            self._grab_offset = x - self._widget.out_x()
        else:
            self.drag = Drag.PLAYHEAD
            self._grab_offset = 0.0
            self._scrub_to(x, event.modifiers())
        return True

    def mouse_move(self, event: QMouseEvent) -> None:
        widget = self._widget
        x, y = event.position().x(), event.position().y()
        if self.drag is Drag.NONE:
            if self._handle_at(x, y) is Drag.NONE:
                widget.unsetCursor()
            else:
                widget.setCursor(Qt.CursorShape.SizeHorCursor)
            return
        event.accept()
        if self.drag is Drag.PLAYHEAD:
            self._scrub_to(x, event.modifiers())
        else:
            self._drag_handle(x - self._grab_offset, event.modifiers())

    def mouse_release(self, event: QMouseEvent) -> bool:
        """End a drag; False when none was under way."""
        if event.button() == Qt.MouseButton.LeftButton and self.drag is not Drag.NONE:
            event.accept()
            self.drag = Drag.NONE
            return True
        return False

    def _handle_at(self, x: float, y: float) -> Drag:
        """The handle under the mouse: each is taken from its inner side a little further."""
        widget = self._widget
        if widget.rate is None or y < widget.ruler_height():
            return Drag.NONE
        in_distance = x - widget.in_x()  # positive inside the range
        out_distance = widget.out_x() - x
        reach_in = -_HANDLE_GRAB_PX / 2 <= in_distance <= _HANDLE_GRAB_PX
        reach_out = -_HANDLE_GRAB_PX / 2 <= out_distance <= _HANDLE_GRAB_PX
        if reach_in and reach_out:
            return Drag.IN if abs(in_distance) < abs(out_distance) else Drag.OUT
        if reach_in:
            return Drag.IN
        if reach_out:
            return Drag.OUT
        return Drag.NONE

    def _snaps(self, modifiers: Qt.KeyboardModifier) -> bool:
        return self._widget.snapping != bool(modifiers & _SHIFT)

    def _scrub_to(self, x: float, modifiers: Qt.KeyboardModifier) -> None:
        """Playhead under the mouse; it snaps to the marks' frames and the clip's ends (the
        frames Shift+I / Shift+O and Home / End go to)."""
        widget = self._widget
        frame = widget.view.frame_at(x)
        if self._snaps(modifiers):
            start, count = widget.marks.range_frames()
            targets = (0, widget.total_frames - 1, start, start + count - 1)
            frame = snap(frame, targets, widget.view, SNAP_PX)
        widget.move_playhead(frame)

    def _drag_handle(self, x: float, modifiers: Qt.KeyboardModifier) -> None:
        """Move the dragged handle to the frame boundary nearest `x`.

        Snapping gives the mark the key would set: In to the playhead's frame (I), Out to the
        playhead's frame inclusive (O), each to the clip's end, and each to the other handle
        (a one-frame range). A handle never crosses the other: the range keeps a frame.
        """
        widget = self._widget
        view, marks, playhead = widget.view, widget.marks, widget.playhead
        boundary = view.boundary_at(x)
        start, count = marks.range_frames()
        end = start + count
        snaps = self._snaps(modifiers)
        if self.drag is Drag.IN:
            if snaps:
                boundary = snap(boundary, (0, playhead, end - 1), view, SNAP_PX)
            marks = marks.set_in(min(boundary, end - 1))
        else:
            if snaps:
                targets = (widget.total_frames, playhead + 1, start + 1)
                boundary = snap(boundary, targets, view, SNAP_PX)
            marks = marks.set_out(max(boundary, start + 1) - 1)
        widget.change_marks(marks.normalized())

    # --- Wheel and pinch -------------------------------------------------------------------

    def wheel(self, event: QWheelEvent) -> bool:
        """Ctrl+wheel zooms around the mouse, the wheel scrolls; False before a clip."""
        widget = self._widget
        if widget.rate is None:
            return False
        event.accept()
        view = widget.view
        angle = event.angleDelta()
        if event.modifiers() & _CONTROL:
            steps = (angle.y() or angle.x()) / _NOTCH
            if steps:
                widget.show_view(view.zoomed(ZOOM_STEP**steps, event.position().x()))
            return True
        pixels = event.pixelDelta()
        if not pixels.isNull():
            delta = float(pixels.x() or pixels.y())
        else:
            delta = (angle.x() or angle.y()) / _NOTCH * view.width_px * _SCROLL_FRACTION
        widget.show_view(view.scrolled(-delta))
        return True

    def pinch(self, event: QNativeGestureEvent) -> bool:
        """A trackpad's pinch zooms around the fingers; False for other gestures."""
        if event.gestureType() != Qt.NativeGestureType.ZoomNativeGesture:
            return False
        widget = self._widget
        widget.show_view(widget.view.zoomed(1.0 + event.value(), event.position().x()))
        event.accept()
        return True
