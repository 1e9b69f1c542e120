"""The timeline's model without widgets: in/out marks, frame <-> pixel mapping, snapping, shuttle.

The timeline widget paints and drives these immutable values (brief §4, issue 4); keeping them
Qt-free lets the editor rules be property-tested without a QApplication. Positions are frames
at the source's exact rate; milliseconds appear only in `Marks.to_request`, the one place the
API's units are produced, with the rounding rule of `timecode.frames_to_ms`.

Conventions, the ones Resolve and Premiere use:

- A frame is a cell on the timeline: frame `f` spans `[x_of(f), x_of(f + 1))`. The playhead
  and the In mark sit at the left edge of their frame.
- The Out mark is inclusive: it names the last frame of the range, so the range holds
  `out - in + 1` frames and its handle is drawn at the right edge of the Out frame.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field

from kokoon_desktop.core.timecode import FrameRate, frames_to_ms, ms_to_frames

__all__ = [
    "MAX_ZOOM",
    "SHUTTLE_SPEEDS",
    "Marks",
    "Shuttle",
    "TimelineView",
    "snap",
]

MAX_ZOOM = 40.0
"""Closest zoom in pixels per frame (unless fitting a short clip needs more): a frame is then
wide enough to aim at with the mouse and to show a thumbnail strip cell."""

SHUTTLE_SPEEDS = (1, 2, 4, 8)
"""Playback multiples reached by pressing L (or J) repeatedly; the last one holds."""


def _check_total(total_frames: int) -> None:
    if isinstance(total_frames, bool) or not isinstance(total_frames, int) or total_frames < 1:
        raise ValueError(f"A clip has at least one frame, got {total_frames!r}.")


def _clamp_int(value: int, low: int, high: int) -> int:
    return max(low, min(high, value))


def _clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))


# --- Marks ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Marks:
    """In and Out marks over a clip of `total_frames` frames (frames 0 to total_frames - 1).

    `None` means "not set": without In the range starts at frame 0, without Out it runs to the
    last frame. Out is inclusive (the last frame of the range). In never lies after Out.
    Methods return new Marks; frames given to them are clamped into the clip, since they come
    from a playhead or a dragged handle that may overshoot.
    """

    total_frames: int
    in_frame: int | None = None
    out_frame: int | None = None

    def __post_init__(self) -> None:
        _check_total(self.total_frames)
        for name, value in (("In", self.in_frame), ("Out", self.out_frame)):
            if value is not None and not 0 <= value < self.total_frames:
                raise ValueError(
                    f"The {name} mark must be a frame from 0 to {self.total_frames - 1}, "
                    f"got {value}."
                )
        if (
            self.in_frame is not None
            and self.out_frame is not None
            and self.in_frame > self.out_frame
        ):
            raise ValueError(
                f"The In mark ({self.in_frame}) is after the Out mark ({self.out_frame})."
            )

    @property
    def last_frame(self) -> int:
        """The clip's last frame, the default Out."""
        return self.total_frames - 1

    def set_in(self, frame: int) -> Marks:
        """In at `frame`. Setting it after the Out clears the Out, as Resolve and Premiere do:
        the new mark wins and the range runs from it to the end of the clip."""
        frame = _clamp_int(frame, 0, self.last_frame)
        out = self.out_frame if self.out_frame is not None and self.out_frame >= frame else None
        return Marks(self.total_frames, frame, out)

    def set_out(self, frame: int) -> Marks:
        """Out at `frame` (inclusive). Setting it before the In clears the In: the range then
        runs from the start of the clip to the new Out."""
        frame = _clamp_int(frame, 0, self.last_frame)
        in_ = self.in_frame if self.in_frame is not None and self.in_frame <= frame else None
        return Marks(self.total_frames, in_, frame)

    def clear_in(self) -> Marks:
        """Without In (Alt+I): the range starts at frame 0."""
        return Marks(self.total_frames, None, self.out_frame)

    def clear_out(self) -> Marks:
        """Without Out (Alt+O): the range runs to the last frame."""
        return Marks(self.total_frames, self.in_frame, None)

    def clear(self) -> Marks:
        """Without either mark (Alt+X): the whole clip."""
        return Marks(self.total_frames)

    def range_frames(self) -> tuple[int, int]:
        """(start frame, frame count) of the selected range; the whole clip without marks."""
        start = self.in_frame if self.in_frame is not None else 0
        end = self.out_frame + 1 if self.out_frame is not None else self.total_frames
        return start, end - start

    @property
    def is_whole_clip(self) -> bool:
        """True when the range covers every frame, with or without marks at the ends."""
        return self.range_frames() == (0, self.total_frames)

    def normalized(self) -> Marks:
        """The same range with redundant marks dropped: In at frame 0 and Out at the last frame
        say nothing more than no mark. Two Marks select the same frames iff these are equal."""
        start, count = self.range_frames()
        end = start + count
        return Marks(
            self.total_frames,
            start if start > 0 else None,
            end - 1 if end < self.total_frames else None,
        )

    def to_request(self, rate: FrameRate) -> tuple[int, int]:
        """(start_pos, duration) in milliseconds for the API.

        Rule: the whole clip is (0, 0), the API's "whole file". Otherwise start_pos is the
        start of the In frame and start_pos + duration the start of the frame after the Out,
        both by `frames_to_ms`; so both ends lie on frame boundaries, `from_request` gives
        back the same frames, and the end never passes the clip's length in ms. A partial
        range always has a duration of at least 1 ms (rates are at most 1000 fps), so it can
        never be mistaken for the whole file.
        """
        if self.is_whole_clip:
            return 0, 0
        start, count = self.range_frames()
        start_ms = frames_to_ms(start, rate)
        return start_ms, frames_to_ms(start + count, rate) - start_ms

    @classmethod
    def from_request(
        cls, start_ms: int, duration_ms: int, rate: FrameRate, total_frames: int
    ) -> Marks:
        """Marks for a request's range (a stored task, a command line), in normalized form.

        (0, 0) is the whole clip. The start is the frame on screen at `start_ms`
        (`ms_to_frames`); the range ends before the first frame starting at or after
        `start_ms + duration_ms`, so an end inside a frame includes that frame. An end past
        the clip is cut to the clip (a server's duration may exceed the frames a file holds),
        and a duration of 0 after a non-zero start means "to the end". ValueError when the
        range is negative or starts after the clip.
        """
        _check_total(total_frames)
        if start_ms < 0 or duration_ms < 0:
            raise ValueError(
                f"A range cannot be negative: start {start_ms} ms, duration {duration_ms} ms."
            )
        whole = cls(total_frames)
        if duration_ms == 0:
            if start_ms == 0:
                return whole
            end = total_frames
        else:
            end_ms = start_ms + duration_ms
            end = ms_to_frames(end_ms, rate)
            if frames_to_ms(end, rate) < end_ms:
                end += 1
        start = ms_to_frames(start_ms, rate)
        if start >= total_frames:
            raise ValueError(
                f"The range starts at {start_ms} ms, after the end of the clip "
                f"({frames_to_ms(total_frames, rate)} ms)."
            )
        end = _clamp_int(end, start + 1, total_frames)
        return whole.set_out(end - 1).set_in(start).normalized()


# --- View ----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TimelineView:
    """How `total_frames` frames map onto a widget `width_px` wide.

    `zoom` is pixels per frame, kept between fitting the whole clip and `MAX_ZOOM` (or the fit,
    when a short clip fitted is wider than that); the default 0 means "fit". `scroll_px` is the
    content's offset, kept so the view never shows past either end. Values are normalized on
    construction, so `dataclasses.replace(view, width_px=...)` is a valid resize. A width below
    1 (a widget before layout) is taken as 1.
    """

    width_px: float
    total_frames: int
    zoom: float = 0.0
    scroll_px: float = 0.0

    def __post_init__(self) -> None:
        _check_total(self.total_frames)
        width = max(1.0, float(self.width_px))
        fit = width / self.total_frames
        zoom = _clamp(float(self.zoom), fit, max(fit, MAX_ZOOM))
        scroll = _clamp(float(self.scroll_px), 0.0, max(0.0, self.total_frames * zoom - width))
        object.__setattr__(self, "width_px", width)
        object.__setattr__(self, "zoom", zoom)
        object.__setattr__(self, "scroll_px", scroll)

    @property
    def fit_zoom(self) -> float:
        """The zoom that shows the whole clip across the width."""
        return self.width_px / self.total_frames

    @property
    def max_zoom(self) -> float:
        """The closest zoom allowed."""
        return max(self.fit_zoom, MAX_ZOOM)

    @property
    def is_fit(self) -> bool:
        """True when the whole clip is shown (a resize should then fit again)."""
        return self.zoom <= self.fit_zoom

    @property
    def content_width(self) -> float:
        """Width of the whole clip at this zoom, in pixels."""
        return self.total_frames * self.zoom

    @property
    def max_scroll(self) -> float:
        """The largest scroll offset: the clip's end at the widget's right edge."""
        return max(0.0, self.content_width - self.width_px)

    def x_of(self, frame: int) -> float:
        """The widget x of frame `frame`'s left edge (`x_of(total_frames)` is the clip's end)."""
        return frame * self.zoom - self.scroll_px

    def boundary_at(self, x: float) -> int:
        """The frame boundary nearest to `x`, from 0 to `total_frames` (for the Out handle,
        which sits on the right edge of the Out frame: Out = boundary - 1)."""
        return _clamp_int(math.floor((x + self.scroll_px) / self.zoom + 0.5), 0, self.total_frames)

    def frame_at(self, x: float) -> int:
        """The frame whose left edge is nearest to `x`, clamped to the clip's frames (for the
        playhead and the In handle, which sit on a frame's left edge)."""
        return min(self.boundary_at(x), self.total_frames - 1)

    def zoomed(self, factor: float, anchor_x: float) -> TimelineView:
        """Zoom by `factor` (above 1 closer), keeping the time under `anchor_x` where it is,
        as Ctrl+wheel does around the mouse. Near the ends the scroll limits may move it."""
        position = (anchor_x + self.scroll_px) / self.zoom
        zoom = _clamp(self.zoom * factor, self.fit_zoom, self.max_zoom)
        return TimelineView(self.width_px, self.total_frames, zoom, position * zoom - anchor_x)

    def fit(self) -> TimelineView:
        """The whole clip across the width."""
        return TimelineView(self.width_px, self.total_frames)

    def scrolled(self, dx: float) -> TimelineView:
        """Scrolled by `dx` pixels (positive shows later frames), within the clip."""
        return TimelineView(self.width_px, self.total_frames, self.zoom, self.scroll_px + dx)

    def ensure_visible(self, frame: int, margin_px: float = 0.0) -> TimelineView:
        """Scrolled as little as needed to show all of `frame` with `margin_px` to spare on
        either side (less when the width cannot afford it): the playhead stays on screen."""
        margin = _clamp(margin_px, 0.0, max(0.0, (self.width_px - self.zoom) / 2))
        scroll = self.scroll_px
        if self.x_of(frame) < margin:
            scroll = frame * self.zoom - margin
        elif self.x_of(frame + 1) > self.width_px - margin:
            scroll = (frame + 1) * self.zoom - (self.width_px - margin)
        return TimelineView(self.width_px, self.total_frames, self.zoom, scroll)

    def visible_frames(self) -> tuple[int, int]:
        """(first, end): the frames at least partly on screen are `range(first, end)`."""
        first = _clamp_int(math.floor(self.scroll_px / self.zoom), 0, self.total_frames - 1)
        end = math.ceil((self.scroll_px + self.width_px) / self.zoom)
        return first, _clamp_int(end, first + 1, self.total_frames)


def snap(
    frame_candidate: int, targets: Iterable[int], view: TimelineView, threshold_px: float
) -> int:
    """The target nearest to `frame_candidate` if it lies within `threshold_px` on screen,
    else the candidate. Snapping is measured in pixels so it feels the same at every zoom;
    on a tie the earlier frame wins. Typical targets: the other marks, the playhead, 0, end."""
    best = frame_candidate
    best_distance = math.inf
    for target in targets:
        distance = abs(target - frame_candidate) * view.zoom
        if distance <= threshold_px and (
            distance < best_distance or (distance == best_distance and target < best)
        ):
            best, best_distance = target, distance
    return best


# --- Shuttle -------------------------------------------------------------------------------------


@dataclass(slots=True)
class Shuttle:
    """J/K/L shuttle: the playback speed as a signed multiple of the source rate.

    L plays forward at 1x, and each further L doubles up to 8x; J does the same backwards; K
    stops. Pressing the opposite direction while playing starts at 1x that way (Resolve's
    and Premiere's behaviour), rather than slowing down step by step.
    """

    speed: int = field(default=0)

    def press_l(self) -> int:
        """Forward: 1x, or the next faster speed if already playing forward."""
        self.speed = self._faster(self.speed) if self.speed > 0 else 1
        return self.speed

    def press_j(self) -> int:
        """Backward: -1x, or the next faster reverse speed if already playing backward."""
        self.speed = -self._faster(-self.speed) if self.speed < 0 else -1
        return self.speed

    def press_k(self) -> int:
        """Stop."""
        self.speed = 0
        return self.speed

    @staticmethod
    def _faster(speed: int) -> int:
        return next((step for step in SHUTTLE_SPEEDS if step > speed), SHUTTLE_SPEEDS[-1])
