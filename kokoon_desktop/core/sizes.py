"""Output sizes the way people think of them (720p ... 2160p, 2x, 4x), kept even and in ratio.

Encoders want even dimensions (4:2:0 chroma is subsampled by two), so every size produced here
is even; presets follow the source's shape so nothing is stretched unless the user asks for it.
"""

from __future__ import annotations

import math
from fractions import Fraction

from kokoon_desktop.core.task_spec import MAX_HEIGHT, MAX_WIDTH

__all__ = [
    "SIZE_PRESETS",
    "height_for_width",
    "make_even",
    "preset_for_size",
    "preset_size",
    "width_for_height",
]

_LINES = {"720p": 720, "1080p": 1080, "1440p": 1440, "2160p": 2160}
_FACTORS = {"2x": 2, "4x": 4}
_DEFAULT_SOURCE = (16, 9)

SIZE_PRESETS: tuple[str, ...] = (*_LINES, *_FACTORS)
"""Preset names in menu order; "custom" is a state of the form, not a preset."""


def make_even(n: Fraction | float) -> int:
    """The nearest even whole number, at least 2; a tie (an odd number) goes down.

    Down, because a size just over a limit (7681) then lands on the limit rather than past it.
    """
    if isinstance(n, float) and not math.isfinite(n):
        raise ValueError(f"A size must be a finite number, got {n}.")
    exact = Fraction(n)
    return max(2, 2 * math.ceil(exact / 2 - Fraction(1, 2)))


def _checked_source(source: tuple[int, int] | None) -> tuple[int, int]:
    """The source size to keep the ratio of; 16:9 when the source is not known."""
    if source is None:
        return _DEFAULT_SOURCE
    try:
        width, height = source
    except (TypeError, ValueError):
        raise ValueError(f"A source size is a (width, height) pair, got {source!r}.") from None
    for value in (width, height):
        if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
            raise ValueError(
                f"A source size must be two positive whole numbers, got {width}x{height}."
            )
    return width, height


def width_for_height(height: int, source: tuple[int, int] | None) -> int:
    """The even width that keeps the source's aspect ratio at this height (16:9 if unknown).

    Not clamped to the limits: the task rules report a size that is too large.
    """
    source_width, source_height = _checked_source(source)
    return make_even(Fraction(height * source_width, source_height))


def height_for_width(width: int, source: tuple[int, int] | None) -> int:
    """The even height that keeps the source's aspect ratio at this width (16:9 if unknown)."""
    source_width, source_height = _checked_source(source)
    return make_even(Fraction(width * source_height, source_width))


def preset_size(name: str, source: tuple[int, int] | None) -> tuple[int, int]:
    """The (width, height) of a named preset for this source; ValueError if it cannot be made.

    "720p" to "2160p" set the shorter side (the height of a landscape or square source, the
    width of a portrait one) and derive the other from the source's ratio: 1080p of a 1080x1920
    phone clip is 1080x1920. With no source known they are the 16:9 sizes (1920x1080 ...).
    "2x" and "4x" multiply the source's dimensions and so need it. Results beyond
    7680x4320 are refused rather than silently shrunk.
    """
    key = name.strip().lower() if isinstance(name, str) else name
    if key in _LINES:
        lines = _LINES[key]
        source_width, source_height = _checked_source(source)
        if source_height > source_width:
            size = (lines, height_for_width(lines, source))
        else:
            size = (width_for_height(lines, source), lines)
    elif key in _FACTORS:
        if source is None:
            raise ValueError(f"{name} needs the source's size, which is not known yet.")
        source_width, source_height = _checked_source(source)
        factor = _FACTORS[key]
        size = (make_even(source_width * factor), make_even(source_height * factor))
    else:
        raise ValueError(
            f"{name!r} is not a size preset: choose {', '.join(SIZE_PRESETS)}, "
            "or give the width and height."
        )
    width, height = size
    if width > MAX_WIDTH or height > MAX_HEIGHT:
        of_source = f" of a {source[0]}x{source[1]} source" if source is not None else ""
        raise ValueError(
            f"{name}{of_source} would be {width}x{height}, larger than the "
            f"{MAX_WIDTH}x{MAX_HEIGHT} the service accepts."
        )
    return size


def preset_for_size(size: tuple[int, int], source: tuple[int, int] | None) -> str | None:
    """The preset that gives exactly this size for this source, so a form can show its name."""
    for name in SIZE_PRESETS:
        try:
            if preset_size(name, source) == size:
                return name
        except ValueError:
            continue
    return None
