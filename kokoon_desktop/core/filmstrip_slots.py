"""How many thumbnails the timeline's filmstrip has at a zoom, and which ones are on screen.

The strip divides the whole clip into equal slots; each slot shows the picture at its first
frame. The slot count is a power of two, picked so a slot is no wider than a thumbnail: the
strip never shows gaps, small zoom steps keep the same slots (so thumbnails already decoded,
and cached per file, height and frame, stay valid), and each zoom level's slots include the
previous level's frames. Only the slots on screen (and a margin) are decoded. Qt-free.
"""

from __future__ import annotations

import math

from kokoon_desktop.core.timeline import TimelineView

__all__ = ["slot_count", "slot_frame", "visible_slots"]


def slot_count(content_width_px: float, thumb_width_px: float, total_frames: int) -> int:
    """The number of slots over a clip drawn `content_width_px` wide: the smallest power of
    two giving slots at most `thumb_width_px` wide, and never more slots than frames."""
    if total_frames < 1:
        raise ValueError(f"A clip has at least one frame, got {total_frames}.")
    if thumb_width_px <= 0:
        raise ValueError(f"A thumbnail has a width, got {thumb_width_px}.")
    wanted = max(1.0, content_width_px / thumb_width_px)
    count = 1 << max(0, math.ceil(math.log2(wanted) - 1e-9))
    return min(count, total_frames)


def slot_frame(slot: int, count: int, total_frames: int) -> int:
    """The first frame of `slot` of `count` equal slots over `total_frames` frames."""
    if not 0 <= slot < count:
        raise IndexError(f"No slot {slot} of {count}.")
    return slot * total_frames // count


def visible_slots(view: TimelineView, count: int, margin_slots: int = 0) -> range:
    """The slots at least partly on screen in `view`, widened by `margin_slots` on each side
    (decoded ahead, so a small scroll finds them ready)."""
    if count < 1:
        return range(0)
    slot_width = view.content_width / count
    first = math.floor(view.scroll_px / slot_width) - margin_slots
    end = math.ceil((view.scroll_px + view.width_px) / slot_width) + margin_slots
    return range(max(0, first), min(count, max(0, end)))
