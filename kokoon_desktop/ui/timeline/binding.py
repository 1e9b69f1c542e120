"""Keeps the timeline and the In/Out/Duration fields saying the same thing.

Both sides hold `Marks` in frames once the source's rate and length are known, and pass them
to each other as they are: no trip through milliseconds, so a range set on either side is
the same frames on the other. Without a rate the timeline stands aside and the fields work
in milliseconds on their own.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from kokoon_desktop.core.timecode import FrameRate, ms_to_frames
from kokoon_desktop.core.timeline import Marks
from kokoon_desktop.ui.range_panel import RangePanel
from kokoon_desktop.ui.task_form import SourceInfo, TaskForm
from kokoon_desktop.ui.timeline.widget import TimelineWidget


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
        self._syncing = False
        form.source_changed.connect(self._source_changed)
        timeline.marks_changed.connect(self._timeline_marks_changed)
        self._panel.marks_changed.connect(self._panel_marks_changed)
        self._source_changed(form.source)

    def _source_changed(self, source: SourceInfo | None) -> None:
        clip = clip_of(source)
        if clip is None:
            self._timeline.setEnabled(False)
            self._panel.clear_clip()
            return
        frames, rate = clip
        self._timeline.setEnabled(True)
        self._syncing = True
        try:
            self._timeline.set_clip(frames, rate)
        finally:
            self._syncing = False
        # The panel keeps a range already typed where the new clip allows, and says so
        # through marks_changed, which puts it on the timeline.
        assert source is not None  # clip_of found a clip in it
        self._panel.set_clip(frames, rate, source.frame_times)

    def _timeline_marks_changed(self, marks: Marks) -> None:
        if self._syncing or self._panel.marks is None:
            return
        self._syncing = True
        try:
            self._panel.set_marks(marks)
        finally:
            self._syncing = False

    def _panel_marks_changed(self, marks: Marks) -> None:
        if self._syncing or marks.total_frames != self._timeline.total_frames:
            return
        self._syncing = True
        try:
            self._timeline.set_marks(marks)
        finally:
            self._syncing = False
