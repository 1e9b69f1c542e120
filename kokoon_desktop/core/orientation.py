"""Which way up a picture is shown: phones store portrait clips as landscape pictures with a
display matrix that says to turn them.

FFmpeg reports the matrix's rotation counterclockwise (``av_display_rotation_get``); a player
turns the picture clockwise by the opposite (what ffmpeg's own autorotation does). Only quarter
turns are honoured, as players do.
"""

from __future__ import annotations


def upright_turn(display_rotation: float | None) -> int:
    """The clockwise turn, in degrees (0, 90, 180 or 270), that shows a picture upright."""
    if not display_rotation:
        return 0
    return round(-display_rotation / 90) % 4 * 90


def displayed_size(width: int, height: int, turn: int) -> tuple[int, int]:
    """(width, height) as shown: a quarter turn swaps them."""
    return (height, width) if turn in (90, 270) else (width, height)
