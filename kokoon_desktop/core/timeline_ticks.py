"""Ruler ticks for the timeline: round timecode intervals chosen to fit the zoom.

Ticks are laid out in timecode space, so labels read round ("00:00:10:00", "00:01:00;02" where
drop-frame skips ;00 and ;01) and stay on the same frames whatever the scroll. Only the visible
range is computed, so painting a 4K-wide ruler costs one tick per `min_spacing_px` at most.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass

from kokoon_desktop.core.timecode import FrameRate, format_timecode
from kokoon_desktop.core.timeline import TimelineView

__all__ = ["Tick", "tick_interval", "ticks"]

_SUB_SECOND = (1, 2, 5, 6, 10, 12, 15, 25, 30, 50, 60)  # kept only where they divide a second
_SECONDS = (1, 2, 5, 10, 15, 30)
_MINUTES = (1, 2, 5, 10, 15, 30)


@dataclass(frozen=True, slots=True)
class Tick:
    """A ruler tick at the left edge of `frame`; major ticks carry a timecode `label`."""

    frame: int
    major: bool
    label: str | None


def _drop(rate: FrameRate, drop_frame: bool | None) -> int:
    """Timecode numbers skipped per minute, as `format_timecode` counts them."""
    use = rate.is_drop_frame_capable if drop_frame is None else drop_frame
    return rate.nominal // 15 if use and rate.is_drop_frame_capable else 0


def _intervals(nominal: int) -> Iterator[int]:
    """Nice intervals in timecode numbers (frames of a nominal second), smallest first."""
    yield from (step for step in _SUB_SECOND if step < nominal and nominal % step == 0)
    yield from (step * nominal for step in _SECONDS)
    yield from (step * 60 * nominal for step in _MINUTES)
    hours = 1
    while True:  # 1, 2, 5, 10, 20, 50 ... hours: the caller stops at the clip's length
        for step in (1, 2, 5):
            yield step * hours * 3600 * nominal
        hours *= 10


def _min_gap(interval: int, drop: int) -> int:
    """The fewest frames between consecutive ticks `interval` timecode numbers apart.

    Without drop-frame that is the interval. With it, the numbers skipped at a minute's start
    shorten the gap to the first tick after them (the skipped ticks land on the first real
    frame and merge into one).
    """
    if drop == 0:
        return interval
    after_skip = math.ceil(drop / interval) * interval - drop
    return min(interval, after_skip) if after_skip > 0 else interval


def _number_of(frame: int, nominal: int, drop: int) -> int:
    """The timecode number (HH:MM:SS:FF read as a count of nominal frames) of a frame."""
    if not drop:
        return frame
    per_minute = 60 * nominal - drop
    tens, rest = divmod(frame, 10 * 60 * nominal - 9 * drop)
    number = frame + 9 * drop * tens
    if rest >= drop:
        number += drop * ((rest - drop) // per_minute)
    return number


def _frame_of(number: int, nominal: int, drop: int) -> int:
    """The frame of a timecode number; a number drop-frame skips gives the next real frame."""
    if not drop:
        return number
    minutes, in_minute = divmod(number, 60 * nominal)
    if minutes % 10 and in_minute < drop:
        number += drop - in_minute
    return number - drop * (minutes - minutes // 10)


def tick_interval(
    zoom: float, rate: FrameRate, min_spacing_px: float, *, drop_frame: bool | None = None
) -> int:
    """The smallest nice interval (in timecode numbers) whose ticks are at least
    `min_spacing_px` apart at `zoom` pixels per frame."""
    if not (math.isfinite(min_spacing_px) and math.isfinite(zoom) and zoom > 0):
        raise ValueError(f"No tick interval for {zoom} px per frame and {min_spacing_px} px.")
    drop = _drop(rate, drop_frame)
    for interval in _intervals(rate.nominal):
        if _min_gap(interval, drop) * zoom >= min_spacing_px:
            return interval
    raise AssertionError("unreachable: the intervals grow without bound")  # pragma: no cover


def ticks(
    view: TimelineView,
    rate: FrameRate,
    min_spacing_px: float,
    *,
    label_spacing_px: float = 100.0,
    drop_frame: bool | None = None,
) -> list[Tick]:
    """The ruler's ticks in the visible frames, at least `min_spacing_px` apart on screen.

    Major ticks (with a timecode label, drop-frame as `format_timecode` decides) fall on the
    smallest nice multiple of the minor interval at least `label_spacing_px` apart, so labels
    do not overlap; the widget passes its label width plus padding.
    """
    if not math.isfinite(label_spacing_px):
        raise ValueError(f"No label spacing of {label_spacing_px} px.")
    drop = _drop(rate, drop_frame)
    nominal = rate.nominal
    minor = tick_interval(view.zoom, rate, min_spacing_px, drop_frame=drop_frame)
    major = next(
        step
        for step in _intervals(nominal)
        if step >= minor
        and step % minor == 0
        and _min_gap(step, drop) * view.zoom >= label_spacing_px
    )
    first, end = view.visible_frames()
    # A skipped number lands on the frame after it, so start `drop` numbers early.
    number = -(-(_number_of(first, nominal, drop) - drop) // minor) * minor
    result: list[Tick] = []
    while True:
        frame = _frame_of(max(number, 0), nominal, drop)
        if frame >= end:
            return result
        if frame >= first and (not result or frame > result[-1].frame):
            is_major = number % major == 0
            label = format_timecode(frame, rate, drop_frame=drop_frame) if is_major else None
            result.append(Tick(frame, is_major, label))
        number += minor
