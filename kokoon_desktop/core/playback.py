"""Playback of the marked range at the source's rate, as a function of elapsed time.

The frame to show is worked out from the time since playback started, not by counting timer
ticks, so a late tick (a busy event loop, a slow decode) drops frames instead of slowing the
clip down: one second of playback is one second of the source at 1x. Qt-free; the window's
player drives it from a timer.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

from kokoon_desktop.core.timecode import FrameRate

__all__ = ["PlaybackRun", "start_frame"]

_NS_PER_S = 1_000_000_000


def start_frame(playhead: int, first: int, last: int, speed: int) -> int:
    """Where playback of frames `first`..`last` at `speed` begins.

    From the playhead when it lies inside the range with room to move in the direction of
    travel; otherwise from the range's start (or, backwards, its end), so pressing Space at
    the Out mark plays the range again rather than doing nothing.
    """
    if not first <= last:
        raise ValueError(f"An empty range: first frame {first}, last frame {last}.")
    if speed == 0:
        raise ValueError("Playback needs a speed other than 0.")
    if speed > 0:
        return playhead if first <= playhead < last else first
    return playhead if first < playhead <= last else last


@dataclass(frozen=True, slots=True)
class PlaybackRun:
    """One run of playback: from `start` at `speed` times `rate`, within `first`..`last`."""

    rate: FrameRate
    speed: int
    start: int
    first: int
    last: int

    def __post_init__(self) -> None:
        if self.speed == 0:
            raise ValueError("Playback needs a speed other than 0.")
        if not self.first <= self.start <= self.last:
            raise ValueError(
                f"Playback starts at frame {self.start}, outside {self.first}..{self.last}."
            )

    def frame_at(self, elapsed_ns: int) -> tuple[int, bool]:
        """(frame to show, whether the run has reached its end) after `elapsed_ns` nanoseconds.

        Frame k of the run is shown from exactly k / (rate x |speed|) seconds on (integer
        nanoseconds keep that exact); the run ends on the range's last frame going forwards
        (first going backwards), which is shown.
        """
        if elapsed_ns < 0:
            raise ValueError(f"Elapsed time cannot be negative: {elapsed_ns} ns.")
        steps = math.floor(Fraction(elapsed_ns, _NS_PER_S) * self.rate.value * abs(self.speed))
        if self.speed > 0:
            frame = self.start + steps
            return (self.last, True) if frame >= self.last else (frame, False)
        frame = self.start - steps
        return (self.first, True) if frame <= self.first else (frame, False)

    def tick_interval_ms(self) -> int:
        """How often to look at the clock: once per frame shown, but no more than about
        120 times a second (fast shuttle skips frames rather than flooding the decoder)."""
        per_frame = 1000 / (self.rate.fps * abs(self.speed))
        return max(8, math.floor(per_frame))
