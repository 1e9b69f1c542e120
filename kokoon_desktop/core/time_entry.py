"""What the In, Out and Duration fields show and read, in the unit the user chose.

The range is kept in frames (`timeline.Marks`); a field shows it as SMPTE timecode, as a frame
number or in milliseconds, and reads back what is typed in that same unit, editor-style:
partial timecodes, digits without colons, "." for "00", and a leading "+" or "-" for a move
relative to what the field held. Milliseconds become frames with the model's rounding
(`timecode.ms_to_frames`), so what a field shows always reads back as the same frame.

Positions (In, Out) name a frame; lengths (Duration) count frames. The difference matters in
two places: a drop-frame number that names no frame is refused as a position but read as the
next one as an amount, and a length in milliseconds depends on where it starts (frame starts
are rounded to the millisecond), so it is measured from its start frame as the request does.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from enum import StrEnum

from kokoon_desktop.core._text import show
from kokoon_desktop.core.timecode import (
    FrameRate,
    format_ms,
    format_timecode,
    frames_to_ms,
    ms_to_frames,
    parse_duration_ms,
    parse_timecode,
)
from kokoon_desktop.i18n import QT_TRANSLATE_NOOP, translate

__all__ = [
    "TimeUnit",
    "format_length",
    "format_position",
    "format_value",
    "parse_entry",
    "parse_ms_entry",
]

_MAX_TEXT = 40
_FRAMES_RE = re.compile(r"[0-9]+")


class TimeUnit(StrEnum):
    """How the range fields show time; the values are what settings store."""

    TIMECODE = "timecode"
    FRAMES = "frames"
    MILLISECONDS = "ms"

    @property
    def label(self) -> str:
        """The name in the unit chooser."""
        return translate("TimeUnit", _LABELS[self])

    @property
    def hint(self) -> str:
        """What may be typed in a field showing this unit, for tooltips and messages."""
        return translate("TimeUnit", _HINTS[self])


_LABELS = {
    TimeUnit.TIMECODE: QT_TRANSLATE_NOOP("TimeUnit", "Timecode"),
    TimeUnit.FRAMES: QT_TRANSLATE_NOOP("TimeUnit", "Frames"),
    TimeUnit.MILLISECONDS: QT_TRANSLATE_NOOP("TimeUnit", "Milliseconds"),
}

_HINTS = {
    TimeUnit.TIMECODE: QT_TRANSLATE_NOOP(
        "TimeUnit",
        "type a timecode such as 00:01:30:00, or its digits (13000, or 13.. with a dot "
        "for 00); +/- moves from the current value",
    ),
    TimeUnit.FRAMES: QT_TRANSLATE_NOOP(
        "TimeUnit", "type a frame number such as 125; +/- moves from the current value"
    ),
    TimeUnit.MILLISECONDS: QT_TRANSLATE_NOOP(
        "TimeUnit",
        "type milliseconds (2500) or HH:MM:SS.mmm (00:00:02.500); +/- moves from the current value",
    ),
}


def format_position(frame: int, rate: FrameRate, unit: TimeUnit) -> str:
    """Frame `frame` as a field shows it: its timecode, its number, or the millisecond it
    starts at (the one the request would carry)."""
    if frame < 0:
        raise ValueError(f"A position cannot be negative: frame {frame}.")
    if unit is TimeUnit.TIMECODE:
        return format_timecode(frame, rate)
    if unit is TimeUnit.FRAMES:
        return str(frame)
    return format_ms(frames_to_ms(frame, rate))


def format_length(count: int, rate: FrameRate, unit: TimeUnit, *, start: int = 0) -> str:
    """`count` frames as a Duration field shows them.

    In timecode, the timecode `count` frames after 00:00:00:00 (how editors show durations,
    drop-frame included); in milliseconds, the span from the start of frame `start` to the
    start of frame `start + count`, exactly the duration a request for that range carries.
    """
    if count < 0:
        raise ValueError(f"A length cannot be negative: {count} frames.")
    if unit is TimeUnit.TIMECODE:
        return format_timecode(count, rate)
    if unit is TimeUnit.FRAMES:
        return str(count)
    return format_ms(frames_to_ms(start + count, rate) - frames_to_ms(start, rate))


def parse_entry(
    text: str, rate: FrameRate, unit: TimeUnit, *, current: int, start: int | None = None
) -> int:
    """The frame count typed in a field that shows `unit`; ValueError saying why if none.

    `current` is what the field held (a frame, or a length in frames); a leading "+" or "-"
    moves from it ("+10" in frames, "-5." five seconds back in timecode, "+500" in ms). With
    `start` the entry is a length beginning at frame `start` (the Duration field); without, a
    position. Timecode follows `parse_timecode` (partials, digits filled from the right, "."
    for "00"); frames are whole numbers; milliseconds follow `parse_duration_ms` and become
    frames as a request's range does (`Marks.from_request`): a position is the frame on
    screen at that millisecond, a length ends with the frame its last millisecond falls in.
    The result is never negative; bounds of the clip are the caller's to check.
    """
    if not isinstance(text, str):
        raise ValueError(translate("TimeEntry", "{text} is not a time.").format(text=show(text)))
    stripped = text.strip()
    if not stripped:
        raise ValueError(translate("TimeEntry", "Nothing typed: {hint}.").format(hint=unit.hint))
    if len(stripped) > _MAX_TEXT:
        raise ValueError(
            translate("TimeEntry", "{text} is too long to be a time.").format(text=show(text))
        )
    sign, body = _split_sign(stripped)
    if sign and not body:
        raise ValueError(
            translate("TimeEntry", "{text}: type how much to move after the {sign}.").format(
                text=show(text), sign=sign
            )
        )
    is_length = start is not None
    if unit is TimeUnit.MILLISECONDS:
        return _parse_ms(text, sign, body, rate, current, start)
    if unit is TimeUnit.FRAMES:
        if not _FRAMES_RE.fullmatch(body):
            raise ValueError(
                translate("TimeEntry", "{text} is not a frame count: {hint}.").format(
                    text=show(text), hint=unit.hint
                )
            )
        amount = int(body)
    else:
        # An offset or a duration is an amount of time: a drop-frame number that names no
        # frame still says how long it is, so it is read as the next frame, not refused.
        lenient = bool(sign) or is_length
        amount = _quoting(text, body, lambda: parse_timecode(body, rate, skipped_to_next=lenient))
    if not sign:
        return amount
    result = current + amount if sign == "+" else current - amount
    if result < 0:
        raise ValueError(_below_zero(text, format_value(current, rate, unit, start)))
    return result


def parse_ms_entry(text: str, *, current: int) -> int:
    """Milliseconds typed in a field that shows them, without a frame rate (the source's is
    unknown): ms or HH:MM:SS.mmm, or +/- relative to `current` ms. Never negative."""
    if not isinstance(text, str):
        raise ValueError(translate("TimeEntry", "{text} is not a time.").format(text=show(text)))
    stripped = text.strip()
    if len(stripped) > _MAX_TEXT:
        raise ValueError(
            translate("TimeEntry", "{text} is too long to be a time.").format(text=show(text))
        )
    sign, body = _split_sign(stripped)
    if sign and not body:
        raise ValueError(
            translate("TimeEntry", "{text}: type how much to move after the {sign}.").format(
                text=show(text), sign=sign
            )
        )
    amount = _read_ms(text, body)
    if not sign:
        return amount
    result = current + amount if sign == "+" else current - amount
    if result < 0:
        raise ValueError(_below_zero(text, format_ms(current)))
    return result


def format_value(value: int, rate: FrameRate, unit: TimeUnit, start: int | None = None) -> str:
    """A position (`start` None) or a length from frame `start`, as its field shows it."""
    if start is None:
        return format_position(value, rate, unit)
    return format_length(value, rate, unit, start=start)


def _split_sign(text: str) -> tuple[str, str]:
    if text[:1] in ("+", "-"):
        return text[0], text[1:].strip()
    return "", text


def _read_ms(text: str, body: str) -> int:
    return _quoting(text, body, lambda: parse_duration_ms(body))


def _quoting(text: str, body: str, parse: Callable[[], int]) -> int:
    """`parse()` of the text after its sign, with its messages quoting all that was typed."""
    try:
        return parse()
    except ValueError as exc:
        raise ValueError(str(exc).replace(show(body), show(text), 1)) from None


def _below_zero(text: str, current: str) -> str:
    return translate("TimeEntry", "{text} from {current} goes below zero.").format(
        text=show(text), current=current
    )


def _parse_ms(
    text: str, sign: str, body: str, rate: FrameRate, current: int, start: int | None
) -> int:
    amount = _read_ms(text, body)
    origin = frames_to_ms(start, rate) if start is not None else 0
    held = frames_to_ms(current + (start or 0), rate) - origin
    if not sign:
        target = amount
    else:
        target = held + amount if sign == "+" else held - amount
        if target < 0:
            raise ValueError(_below_zero(text, format_ms(held)))
    if start is None:
        return ms_to_frames(target, rate)
    end_ms = origin + target
    end = ms_to_frames(end_ms, rate)
    if frames_to_ms(end, rate) < end_ms:
        end += 1  # an end inside a frame takes that frame in, as Marks.from_request does
    return end - start
