"""When each frame of a file is shown: the one definition of a frame, as times.

Frame *i* is the *i*-th picture a plain decode of the file presents (after edit lists, without
the pictures a decoder cannot show). Its presentation timestamp, in the stream's time base, is
``pts[i]``; the list is in presentation order. Everything that turns a frame index into time
or back (the reader's seeks, the request's milliseconds) goes through this class, so a file
with a start offset, an edit list or a variable frame rate is counted the same way everywhere.

Times are relative to the first presented frame: frame 0 is at 0 ms whatever the container's
start time (transport streams start well above zero).

Constant-rate files keep the nominal clock exactly: when every timestamp lies on the nominal
rate's grid (within the time base's rounding), milliseconds come from ``frames_to_ms`` as they
always have. Only a variable-rate file takes its frames' own timestamps.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from itertools import pairwise

from kokoon_desktop.core.timecode import FrameRate, frames_to_ms

_HALF = Fraction(1, 2)


@dataclass(frozen=True)
class FrameTimes:
    """The presentation timestamps of a file's frames, and what follows from them."""

    #: Presentation timestamps in stream time base, one per frame, strictly increasing.
    pts: tuple[int, ...]
    time_base: Fraction
    #: The rate the container declares: the editor's clock (timecode) and, for constant-rate
    #: files, the milliseconds' clock.
    nominal: FrameRate
    #: How long the last frame is shown, in time base (the end of the clip is its pts + this).
    last_duration: int
    is_variable: bool = field(init=False)

    def __post_init__(self) -> None:
        if not self.pts:
            raise ValueError("A clip has at least one frame.")
        if self.time_base <= 0:
            raise ValueError(f"A time base is positive, got {self.time_base}.")
        if any(b <= a for a, b in pairwise(self.pts)):
            raise ValueError("Presentation timestamps must increase from frame to frame.")
        object.__setattr__(self, "is_variable", not self._on_nominal_grid())

    @classmethod
    def of(
        cls,
        pts: Sequence[int],
        time_base: Fraction,
        nominal: FrameRate,
        last_duration: int | None = None,
    ) -> FrameTimes:
        """From timestamps in any order (as a demuxer gives them, in decode order)."""
        ordered = tuple(sorted(pts))
        if last_duration is None or last_duration <= 0:
            gaps = [b - a for a, b in pairwise(ordered)]
            last_duration = gaps[-1] if gaps else max(1, round(1 / (nominal.value * time_base)))
        return cls(ordered, Fraction(time_base), nominal, last_duration)

    @property
    def total_frames(self) -> int:
        return len(self.pts)

    def _on_nominal_grid(self) -> bool:
        """Every frame within a tick (and a half, for rounding on both sides) of where the
        nominal rate puts it: a constant-rate file, whatever its time base."""
        # In ticks, frame i belongs at first + i·step, step = n/d ticks; within 3/2 ticks is,
        # times 2d, |2d·(pts - first) - 2i·n| ≤ 3d: whole numbers, fast on long files.
        step = 1 / (self.nominal.value * self.time_base)
        n, d = step.numerator, step.denominator
        first = self.pts[0]
        return all(
            abs(2 * d * (pts - first) - 2 * index * n) <= 3 * d
            for index, pts in enumerate(self.pts)
        )

    def seconds_of(self, index: int) -> Fraction:
        """When frame ``index`` starts, from the first frame; ``total_frames`` is the end."""
        if not 0 <= index <= self.total_frames:
            raise ValueError(f"No frame {index}: the clip has {self.total_frames} frames.")
        if index == self.total_frames:
            end = self.pts[-1] + self.last_duration
            return (end - self.pts[0]) * self.time_base
        return (self.pts[index] - self.pts[0]) * self.time_base

    def ms_of(self, index: int) -> int:
        """The millisecond frame ``index`` starts at, for the API (``total_frames``: the end).

        Constant rate: ``frames_to_ms`` on the nominal rate, exactly as without an index. Variable
        rate: the frame's own time, rounded to the nearest millisecond, halves up (the same rule).
        """
        if not self.is_variable:
            if not 0 <= index <= self.total_frames:
                raise ValueError(f"No frame {index}: the clip has {self.total_frames} frames.")
            return frames_to_ms(index, self.nominal)
        return math.floor(self.seconds_of(index) * 1000 + _HALF)

    def index_of_ms(self, ms: int) -> int:
        """The first frame starting at or after millisecond ``ms`` (as ``ms_of`` says it): the
        frame a request's ``start_pos`` names, so ``index_of_ms(ms_of(i)) == i``."""
        return bisect.bisect_left(range(self.total_frames), ms, key=self.ms_of)

    def range_ms(self, start: int, count: int) -> tuple[int, int]:
        """(start_pos, duration) of frames ``start`` .. ``start + count - 1``; the whole clip is
        the API's (0, 0)."""
        if count < 1 or start < 0 or start + count > self.total_frames:
            raise ValueError(f"Frames {start}+{count} are not in a clip of {self.total_frames}.")
        if start == 0 and count == self.total_frames:
            return 0, 0
        start_ms = self.ms_of(start)
        return start_ms, max(1, self.ms_of(start + count) - start_ms)

    def index_at(self, pts: int) -> int:
        """The frame on screen at timestamp ``pts`` (stream time base): the last frame starting
        at or before it; before the first frame, -1."""
        return bisect.bisect_right(self.pts, pts) - 1

    def pts_of(self, index: int) -> int:
        """Frame ``index``'s timestamp; past the end, where further frames would be."""
        if index < self.total_frames:
            return self.pts[max(index, 0)]
        return self.pts[-1] + (index - self.total_frames + 1) * self.last_duration

    @property
    def average_rate(self) -> Fraction:
        """Frames per second over the whole clip (what a variable-rate file is shown at)."""
        return Fraction(self.total_frames) / self.seconds_of(self.total_frames)
