"""Keeps the timeline and the Start/Duration fields saying the same thing.

The timeline holds frames, the fields and the request hold milliseconds; the conversion is the
model's (``Marks.to_request`` / ``Marks.from_request``), so a range set on either side lands on
the same frames. The timeline shows a clip only when the source's rate and length are known.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from kokoon_desktop.core.timecode import FrameRate, ms_to_frames
from kokoon_desktop.core.timeline import Marks
from kokoon_desktop.ui.range_panel import RangePanel
from kokoon_desktop.ui.task_form import SourceInfo, TaskForm
from kokoon_desktop.ui.timeline_widget import TimelineWidget


def clip_of(source: SourceInfo | None) -> tuple[int, FrameRate] | None:
    """The clip's frame count and exact rate, when the source says enough to know them."""
    if source is None or not source.fps:
        return None
    try:
        rate = FrameRate.parse(source.fps)
    except ValueError:
        return None
    frames = source.total_frames
    if not frames and source.duration_ms:
        frames = ms_to_frames(source.duration_ms, rate)
    if not frames or frames <= 0:
        return None
    return frames, rate


class TimelineBinding(QObject):
    """Connects a form's source and range fields to a timeline widget."""

    def __init__(self, form: TaskForm, timeline: TimelineWidget) -> None:
        super().__init__(timeline)
        self._form = form
        self._panel: RangePanel = form.range_panel
        self._timeline = timeline
        self._rate: FrameRate | None = None
        self._syncing = False
        form.source_changed.connect(self._source_changed)
        timeline.marks_changed.connect(self._marks_changed)
        self._panel.changed.connect(self._fields_changed)
        self._source_changed(form.source)

    def _source_changed(self, source: SourceInfo | None) -> None:
        clip = clip_of(source)
        if clip is None:
            self._rate = None
            self._timeline.setEnabled(False)
            return
        frames, rate = clip
        self._rate = rate
        self._timeline.setEnabled(True)
        self._syncing = True
        try:
            self._timeline.set_clip(frames, rate)
        finally:
            self._syncing = False
        self._fields_changed()  # a range already typed shows on the new clip

    def _marks_changed(self, marks: Marks) -> None:
        if self._syncing or self._rate is None:
            return
        start_ms, duration_ms = marks.to_request(self._rate)
        self._syncing = True
        try:
            self._panel.set_range(start_ms, duration_ms)
        finally:
            self._syncing = False

    def _fields_changed(self) -> None:
        if self._syncing or self._rate is None:
            return
        start, duration, start_problem, duration_problem = self._panel.values()
        if start is None or duration is None or start_problem or duration_problem:
            return  # the field says what is wrong; the timeline keeps the last good range
        try:
            marks = Marks.from_request(start, duration, self._rate, self._timeline.total_frames)
        except ValueError:
            return
        self._syncing = True
        try:
            self._timeline.set_marks(marks)
        finally:
            self._syncing = False
