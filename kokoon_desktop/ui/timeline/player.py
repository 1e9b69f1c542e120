"""Plays the timeline's range at the source rate by moving its playhead on a precise timer.

The timeline decides the speed (Space, J, K, L); this follows `shuttle_changed`. The frame on
screen comes from the clock (`core.playback.PlaybackRun`), so a slow decode drops frames rather
than slowing the clip. The preview follows the playhead like any other move, and its decoder
reads on sequentially, which is what makes playback cheap. Moving the playhead by hand or
changing the marks while playing carries on from there.
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QObject, Qt, QTimer

from kokoon_desktop.core.playback import PlaybackRun, start_frame
from kokoon_desktop.core.timeline import Marks
from kokoon_desktop.ui.timeline.widget import TimelineWidget

__all__ = ["Player"]


class Player(QObject):
    """Moves `timeline`'s playhead while its shuttle speed is not 0."""

    def __init__(self, timeline: TimelineWidget) -> None:
        super().__init__(timeline)
        self._timeline = timeline
        self._run: PlaybackRun | None = None
        self._clock = QElapsedTimer()
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._tick)
        self._moving = False  # the playhead move in progress is ours
        timeline.shuttle_changed.connect(self._restart)
        timeline.playhead_moved.connect(self._playhead_moved)
        timeline.marks_changed.connect(self._marks_changed)

    @property
    def is_running(self) -> bool:
        return self._run is not None

    def _restart(self, speed: int | None = None) -> None:
        timeline = self._timeline
        speed = timeline.shuttle_speed if speed is None else speed
        rate = timeline.rate
        if speed == 0 or rate is None:
            self._run = None
            self._timer.stop()
            return
        first, count = timeline.marks.range_frames()
        last = first + count - 1
        start = start_frame(timeline.playhead, first, last, speed)
        self._run = PlaybackRun(rate, speed, start, first, last)
        self._clock.start()
        self._move(start)
        self._timer.start(self._run.tick_interval_ms())

    def _tick(self) -> None:
        run = self._run
        if run is None:
            return
        frame, done = run.frame_at(self._clock.nsecsElapsed())
        self._move(frame)
        if done:
            self._timeline.stop()  # emits shuttle_changed(0), which stops the timer

    def _move(self, frame: int) -> None:
        self._moving = True
        try:
            self._timeline.set_playhead(frame)
        finally:
            self._moving = False

    def _playhead_moved(self, _frame: int) -> None:
        if self._run is not None and not self._moving:
            self._restart()  # scrubbed or stepped while playing: play on from there

    def _marks_changed(self, _marks: Marks) -> None:
        if self._run is not None:
            self._restart()
