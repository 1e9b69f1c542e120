"""The timeline's colours, taken from the palette, and pixel alignment for crisp lines.

Colours are computed once per palette (not per paint) and mixed from the palette's own roles,
so the same code reads well on a light and on a dark desktop. Lines are placed on device
pixels: a one-pixel line centred on a pixel boundary is smeared over two pixels by the
rasterizer, the blur high-DPI screens make obvious.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette

from kokoon_desktop.ui.style import is_dark, mix, tone_text_colour


@dataclass(frozen=True, slots=True)
class TimelineColours:
    """Every colour the timeline paints with."""

    background: QColor
    ruler: QColor
    ruler_text: QColor
    tick_major: QColor
    tick_minor: QColor
    separator: QColor
    track: QColor
    track_edge: QColor
    dim: QColor
    range_tint: QColor
    range_edge: QColor
    handle: QColor
    handle_unset: QColor
    playhead: QColor
    playhead_cell: QColor
    focus: QColor

    @classmethod
    def from_palette(cls, palette: QPalette) -> TimelineColours:
        dark = is_dark(palette)
        window = palette.color(QPalette.ColorRole.Window)
        text = palette.color(QPalette.ColorRole.WindowText)
        base = palette.color(QPalette.ColorRole.Base)
        highlight = palette.color(QPalette.ColorRole.Highlight)
        playhead = tone_text_colour(palette, "error")
        dim = QColor(0, 0, 0, 100) if dark else QColor(window)
        if not dark:
            dim.setAlpha(140)
        range_tint = QColor(highlight)
        range_tint.setAlpha(46 if dark else 34)
        cell = QColor(playhead)
        cell.setAlpha(60)
        return cls(
            background=window,
            ruler=mix(window, text, 0.05 if dark else 0.03),
            ruler_text=mix(text, window, 0.3),
            tick_major=mix(text, window, 0.35),
            tick_minor=mix(text, window, 0.65),
            separator=mix(window, text, 0.22),
            track=mix(base, text, 0.10) if dark else mix(window, text, 0.10),
            track_edge=mix(window, text, 0.28),
            dim=dim,
            range_tint=range_tint,
            range_edge=mix(highlight, text, 0.15) if dark else highlight,
            handle=mix(highlight, QColor("#ffffff"), 0.15) if dark else highlight,
            handle_unset=mix(text, window, 0.5),
            playhead=playhead,
            playhead_cell=cell,
            focus=highlight,
        )


def crisp(x: float, dpr: float, width_px: int = 1) -> float:
    """Where to centre a vertical (or horizontal) line `width_px` device pixels wide near
    logical coordinate `x`, so it covers whole device pixels."""
    return (math.floor(x * dpr) + width_px / 2) / dpr


def snap_edge(x: float, dpr: float) -> float:
    """A logical coordinate moved to the nearest device pixel boundary (for filled rects)."""
    return round(x * dpr) / dpr
