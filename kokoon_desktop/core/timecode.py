"""Time on the timeline: exact frame rates, frames <-> milliseconds, SMPTE timecode.

The timeline keeps positions in frames at the source's exact rate (a rational such as
30000/1001, never a float) and shows SMPTE timecode, the way editors work (brief §4). The API
wants milliseconds, so the conversion happens once, when a request is built, with the rounding
rule documented on `frames_to_ms` and `ms_to_frames`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from fractions import Fraction

from kokoon_desktop.core._text import show

__all__ = [
    "MAX_FRAME_RATE",
    "FrameRate",
    "format_ms",
    "format_timecode",
    "frames_to_ms",
    "ms_to_frames",
    "parse_duration_ms",
    "parse_timecode",
]

MAX_FRAME_RATE = 1000
"""Highest accepted rate (fps). Above it a frame lasts less than the API's millisecond, so two
frames could share a millisecond and a frame position could not survive the trip to the API."""

_HALF = Fraction(1, 2)
_NTSC_FAMILY = (24, 30, 48, 60, 96, 120, 240)
_DROP_FRAME_RATES = frozenset({Fraction(30000, 1001), Fraction(60000, 1001)})
_RATIO_RE = re.compile(r"([0-9]+)\s*/\s*([0-9]+)")
_DECIMAL_RE = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_DIGITS_RE = re.compile(r"[0-9]+")
_DIGITS_AND_DOTS_RE = re.compile(r"[0-9.]+")
_SEPARATOR_RE = re.compile(r"[:;]")
_MAX_TEXT = 40  # longer "numbers" are pastes gone wrong (and int() refuses 4300+ digits)


@dataclass(frozen=True, slots=True)
class FrameRate:
    """A frame rate as an exact positive fraction of frames per second.

    Exact, because 29.97 is really 30000/1001 and a float drifts by a frame every few minutes.
    """

    value: Fraction

    def __post_init__(self) -> None:
        value: object = self.value
        if isinstance(value, bool) or not isinstance(value, int | Fraction):
            raise ValueError(f"A frame rate must be an exact fraction, got {show(value)}.")
        rate = Fraction(value)
        if rate <= 0:
            raise ValueError(f"A frame rate must be above zero, got {rate}.")
        if rate > MAX_FRAME_RATE:
            raise ValueError(
                f"A frame rate of {float(rate):g} fps is above the {MAX_FRAME_RATE} fps this "
                "application handles: positions are sent in milliseconds."
            )
        object.__setattr__(self, "value", rate)

    @classmethod
    def parse(cls, text: str) -> FrameRate:
        """Read "30000/1001", "30/1", "25" or "29.97"; raise ValueError on anything else.

        Decimals that are the usual roundings of the NTSC rates (23.976 or 23.98, 29.97, 59.94,
        47.952, 119.88, ...) mean the exact N*1000/1001 rate, since that is what people and
        tools mean by them; other decimals are taken exactly (12.5 is 25/2).
        """
        if not isinstance(text, str):
            raise ValueError(f"{show(text)} is not a frame rate.")
        stripped = text.strip()
        if len(stripped) > _MAX_TEXT:
            raise ValueError(f"{show(text)} is too long to be a frame rate.")
        if ratio := _RATIO_RE.fullmatch(stripped):
            numerator, denominator = int(ratio[1]), int(ratio[2])
            if denominator == 0:
                raise ValueError(f"{show(text)} is not a frame rate: the denominator is zero.")
            return cls(Fraction(numerator, denominator))
        if _DECIMAL_RE.fullmatch(stripped):
            rate = Fraction(stripped)
            if rate.denominator != 1:
                for nominal in _NTSC_FAMILY:
                    ntsc = Fraction(nominal * 1000, 1001)
                    if abs(rate - ntsc) < Fraction(1, 200):
                        return cls(ntsc)
            return cls(rate)
        raise ValueError(
            f"{show(text)} is not a frame rate: use a number such as 25 or 29.97, "
            "or a ratio such as 30000/1001."
        )

    @property
    def fps(self) -> float:
        """Frames per second as a float, for display and arithmetic that may be approximate."""
        return float(self.value)

    @property
    def nominal(self) -> int:
        """Frames per timecode second: the rate rounded half up (30 for 29.97), at least 1."""
        return max(1, math.floor(self.value + _HALF))

    @property
    def is_drop_frame_capable(self) -> bool:
        """True for 29.97 and 59.94 (30000/1001 and 60000/1001), where SMPTE defines drop-frame."""
        return self.value in _DROP_FRAME_RATES

    def describe(self) -> str:
        """The rate as people say it: "25", "29.97", "23.976"."""
        return f"{round(float(self.value), 3):g}"

    def __str__(self) -> str:
        """The rational form the API and ffprobe use ("30000/1001", "30/1")."""
        return f"{self.value.numerator}/{self.value.denominator}"


def frames_to_ms(frames: int, rate: FrameRate) -> int:
    """The millisecond at which frame `frames` starts, for the API.

    Rule: frame N starts at exactly N/rate seconds; that instant is rounded to the nearest
    millisecond, halves rounded up. Defined for every integer N (negative ones extrapolate).
    """
    return math.floor(Fraction(frames * 1000) / rate.value + _HALF)


def ms_to_frames(ms: int, rate: FrameRate) -> int:
    """The frame shown at millisecond `ms`: the last frame whose rounded start is at or before it.

    Rule: floor(ms * rate / 1000) with the exact fraction (the frame on screen at that
    instant), moved to the next frame when that frame's start, rounded by `frames_to_ms`, is
    already at or before `ms`. This correction covers the half millisecond before a frame's
    exact start that rounds onto it, and makes `ms_to_frames(frames_to_ms(n), r) == n` for
    every n (rates are at most 1000 fps, so every frame gets its own millisecond).
    """
    frame = math.floor(Fraction(ms) * rate.value / 1000)
    if frames_to_ms(frame + 1, rate) <= ms:
        frame += 1
    return frame


def _drop_count(rate: FrameRate, drop_frame: bool | None) -> int:
    """Frame numbers skipped per minute: 2 at 29.97, 4 at 59.94, 0 without drop-frame."""
    if drop_frame is None:
        drop_frame = rate.is_drop_frame_capable
    if not drop_frame:
        return 0
    if not rate.is_drop_frame_capable:
        raise ValueError(
            f"Drop-frame timecode exists only at 29.97 and 59.94 fps, not at {rate.describe()} fps."
        )
    return rate.nominal // 15


def _frame_width(rate: FrameRate) -> int:
    """Digits of the frame field: two, or three above 100 fps."""
    return max(2, len(str(rate.nominal - 1)))


def format_timecode(frames: int, rate: FrameRate, *, drop_frame: bool | None = None) -> str:
    """SMPTE timecode of a frame position: "HH:MM:SS:FF", or "HH:MM:SS;FF" in drop-frame.

    Drop-frame (29.97: skip frame numbers 00-01, 59.94: 00-03, at the start of each minute
    except every tenth) keeps the timecode close to the wall clock; `drop_frame=None` uses it
    wherever the rate allows. Hours are not wrapped at 24: this is a position in a file.
    """
    if frames < 0:
        raise ValueError(f"A timecode cannot be negative: frame {frames}.")
    nominal = rate.nominal
    drop = _drop_count(rate, drop_frame)
    number = frames
    if drop:
        per_minute = 60 * nominal - drop
        per_ten_minutes = 10 * 60 * nominal - 9 * drop
        tens, rest = divmod(frames, per_ten_minutes)
        number += 9 * drop * tens
        if rest >= drop:
            number += drop * ((rest - drop) // per_minute)
    seconds, ff = divmod(number, nominal)
    minutes, ss = divmod(seconds, 60)
    hh, mm = divmod(minutes, 60)
    separator = ";" if drop else ":"
    return f"{hh:02d}:{mm:02d}:{ss:02d}{separator}{ff:0{_frame_width(rate)}d}"


def parse_timecode(
    text: str,
    rate: FrameRate,
    *,
    drop_frame: bool | None = None,
    skipped_to_next: bool = False,
) -> int:
    """The frame position of a typed timecode; ValueError with a reason if it is not one.

    Accepts "HH:MM:SS:FF", with ":" or ";" as separators, and partials filled from the right
    ("SS:FF", "MM:SS:FF"). Digits alone are typed editor-style and also fill from the right as
    HHMMSSFF: "1000" is 00:00:10:00; among them a "." stands for "00" ("1.." is 00:01:00:00,
    "5." is 00:00:05:00), and a "." that ends the text for the whole frame field (three zeros
    above 100 fps). Counting is drop-frame when `drop_frame` says so, or when it is None and
    the rate allows it (as in `format_timecode`), whatever separator was typed.

    A number drop-frame skips (00:01:00;00) names no frame and is refused, unless
    `skipped_to_next`: then it reads as the next frame that has a number, which suits an amount
    of time (a duration, a "+1.." offset) better than an error.
    """
    if not isinstance(text, str):
        raise ValueError(f"{show(text)} is not a timecode.")
    stripped = text.strip()
    if not stripped:
        raise ValueError("Type a timecode such as 00:01:30:00 (hours:minutes:seconds:frames).")
    if len(stripped) > _MAX_TEXT:
        raise ValueError(f"{show(text)} is too long to be a timecode.")
    nominal = rate.nominal
    drop = _drop_count(rate, drop_frame)
    width = _frame_width(rate)
    if _DIGITS_AND_DOTS_RE.fullmatch(stripped):
        digits = _expand_dots(stripped, width)
        if len(digits) > 6 + width:
            raise ValueError(
                f"{show(text)} has too many digits for a timecode: at most {6 + width} "
                '(hours, minutes, seconds, frames; a "." counts as 00).'
            )
        padded = digits.zfill(6 + width)
        fields = [int(padded[0:2]), int(padded[2:4]), int(padded[4:6]), int(padded[6:])]
    else:
        parts = _SEPARATOR_RE.split(stripped)
        if len(parts) > 4 or not all(_DIGITS_RE.fullmatch(part) for part in parts):
            raise ValueError(
                f"{show(text)} is not a timecode: use HH:MM:SS:FF (for example 00:01:30:00) "
                "or type the digits alone (13000 is 00:01:30:00)."
            )
        fields = [0] * (4 - len(parts)) + [int(part) for part in parts]
    hh, mm, ss, ff = fields
    if ff >= nominal:
        raise ValueError(
            f"{show(text)}: there is no frame {ff} at {rate.describe()} fps; "
            f"frames run from {0:0{width}d} to {nominal - 1:0{width}d}."
        )
    if ss >= 60:
        raise ValueError(f"{show(text)}: seconds must be below 60, not {ss}.")
    if mm >= 60:
        raise ValueError(f"{show(text)}: minutes must be below 60, not {mm}.")
    if drop and ss == 0 and ff < drop and mm % 10 != 0:
        if not skipped_to_next:
            raise ValueError(
                f"{hh:02d}:{mm:02d}:00;{ff:02d} does not exist in drop-frame timecode: frames "
                f"00 to {drop - 1:02d} are skipped at the start of each minute except every "
                f"tenth. The next frame is {hh:02d}:{mm:02d}:00;{drop:02d}."
            )
        ff = drop
    total_minutes = 60 * hh + mm
    return (3600 * hh + 60 * mm + ss) * nominal + ff - drop * (total_minutes - total_minutes // 10)


def _expand_dots(text: str, frame_width: int) -> str:
    """Digits typed with "." for zeros: each "." is "00", a final one the frame field's zeros."""
    if text.endswith("."):
        text = text[:-1] + "0" * frame_width
    return text.replace(".", "00")


def format_ms(ms: int) -> str:
    """Milliseconds as "HH:MM:SS.mmm", the form the CLI prints and `parse_duration_ms` reads."""
    if ms < 0:
        raise ValueError(f"A time cannot be negative: {ms} ms.")
    seconds, millis = divmod(ms, 1000)
    minutes, ss = divmod(seconds, 60)
    hh, mm = divmod(minutes, 60)
    return f"{hh:02d}:{mm:02d}:{ss:02d}.{millis:03d}"


_MS_RE = re.compile(r"([0-9]+)\s*(?:ms)?")
_SECONDS_RE = re.compile(r"([0-9]+)(?:\.([0-9]+))?\s*s")
_CLOCK_RE = re.compile(r"(?:(?:([0-9]+):)?([0-9]+):)?([0-9]+)(?:\.([0-9]+))?")


def parse_duration_ms(text: str) -> int:
    """Read a position or duration typed on the command line, in milliseconds.

    A plain integer is milliseconds ("2500"; "2500ms" too). Otherwise "HH:MM:SS.mmm",
    "MM:SS.mmm" or "SS.mmm" (also "2.5s"); the fraction is optional and its 1 to 3 digits are
    tenths, hundredths or thousandths. The leading unit may be large ("90:00" is 90 minutes);
    the ones after it must be below 60. Negative or malformed text raises ValueError.
    """
    if not isinstance(text, str):
        raise ValueError(f"{show(text)} is not a time.")
    stripped = text.strip()
    if not stripped:
        raise ValueError("No time given: type milliseconds (2500) or HH:MM:SS.mmm (00:00:02.500).")
    if stripped.startswith("-"):
        raise ValueError(f"{show(text)}: positions and durations cannot be negative.")
    if len(stripped) > _MAX_TEXT:
        raise ValueError(f"{show(text)} is too long to be a time.")
    if plain := _MS_RE.fullmatch(stripped):
        return int(plain[1])
    if seconds := _SECONDS_RE.fullmatch(stripped):
        return int(seconds[1]) * 1000 + _fraction_ms(text, seconds[2])
    if clock := _CLOCK_RE.fullmatch(stripped):
        hours_text, minutes_text, seconds_text, fraction = clock.groups()
        hh = int(hours_text) if hours_text is not None else None
        mm = int(minutes_text) if minutes_text is not None else None
        ss = int(seconds_text)
        if mm is not None and ss >= 60:
            raise ValueError(f"{show(text)}: seconds must be below 60, not {ss}.")
        if hh is not None and mm is not None and mm >= 60:
            raise ValueError(f"{show(text)}: minutes must be below 60, not {mm}.")
        total_seconds = ((hh or 0) * 60 + (mm or 0)) * 60 + ss
        return total_seconds * 1000 + _fraction_ms(text, fraction)
    raise ValueError(
        f"{show(text)} is not a time: type milliseconds (2500) "
        "or HH:MM:SS.mmm (00:00:02.500, 02:30.5, 2.5)."
    )


def _fraction_ms(text: str, fraction: str | None) -> int:
    """Milliseconds of the digits after the point: "5" is 500, "05" is 50, "005" is 5."""
    if fraction is None:
        return 0
    if len(fraction) > 3:
        raise ValueError(
            f"{show(text)}: times are in whole milliseconds, so at most three digits "
            "may follow the point."
        )
    return int(fraction.ljust(3, "0"))
