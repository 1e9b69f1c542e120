"""Before/after frame pairs for the compare view, decoded exactly.

The "after" is what the service made (a preview's SR asset, or a downloaded full result); the
"before" is what it was made from (the preview's original asset, or the local source file). Pair
*i* is the after's frame *i* and the before's frame ``before_offset + i``: a result's first frame
is the source's frame at the request's ``start_pos``.

The before is scaled to the after's size with a plain Lanczos resize (FFmpeg's swscale), so the
comparison is against what an ordinary upscale gives, not against a thumbnail. A before that
is shown turned (a phone's portrait clip) is scaled to the after's size as it is stored, and
turned when shown (``before_turn``).

Not thread-safe: one instance per thread (the compare view's worker owns one).
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import av
from av.video.reformatter import Interpolation

from kokoon_desktop.i18n import translate
from kokoon_desktop.media.frame_index import indexed
from kokoon_desktop.media.frames import BgraImage, FrameReader, RgbImage, to_bgra, to_rgb
from kokoon_desktop.media.probe import MediaError, probe

__all__ = ["CompareFrames"]


class CompareFrames:
    """Opens both files; :meth:`pair` gives frame pairs as rgb24 images of the after's size."""

    def __init__(self, before: Path, after: Path, *, before_offset: int = 0) -> None:
        if before_offset < 0:
            raise ValueError(f"A frame offset is a whole number from 0, got {before_offset}.")
        # The before may be any file an editor has (edit lists, variable rate): counted as a
        # plain decode presents it. The after is what the service made, a plain file: its
        # headers are enough, and opening the view sooner is worth the index it would cost.
        self._before = FrameReader(before, indexed(probe(before)))
        try:
            self._after = FrameReader(after, probe(after))
        except Exception:
            self._before.close()
            raise
        self.before_offset = before_offset
        left = self._before.total_frames - before_offset
        if left < 1:
            self.close()
            raise MediaError(
                translate(
                    "CompareFrames",
                    "“{name}” has {count} frames: none from frame {first} on to compare with.",
                ).format(name=before.name, count=self._before.total_frames, first=before_offset)
            )
        self._count = min(self._after.total_frames, left)
        # The after is decoded beside the before's decode and Lanczos pass (FFmpeg works
        # without Python's lock): a 4K pair comes in about the time of the slower side. Each
        # reader is still used by one thread at a time.
        self._beside = ThreadPoolExecutor(max_workers=1, thread_name_prefix="compare-after")

    @property
    def count(self) -> int:
        """How many pairs there are (the after's frames, or fewer when the before ends)."""
        return self._count

    @property
    def size(self) -> tuple[int, int]:
        """The after's picture size (what both sides are shown at)."""
        return self._after.info.display_size

    @property
    def before_size(self) -> tuple[int, int]:
        """The before's own picture size, as shown."""
        return self._before.info.display_size

    @property
    def before_turn(self) -> int:
        """The clockwise turn that shows the before upright (its pictures are stored turned)."""
        return self._before.info.turn

    @property
    def after_turn(self) -> int:
        """The same for the after: read from its headers only, which is 0 for what the service
        makes (its pictures are upright)."""
        return self._after.info.turn

    def pair(self, index: int) -> tuple[BgraImage, BgraImage]:
        """(before scaled to the after's size, after) for pair ``index``, both as stored: turn
        them by ``before_turn`` and ``after_turn`` to show them. 32-bit pictures: a 4K pair
        is painted without converting 8 million pixels twice more."""
        if not 0 <= index < self._count:
            raise ValueError(f"No pair {index}: there are {self._count}.")
        after = self._beside.submit(lambda: to_bgra(self._after.exact_frame(index)))
        before = self._scaled_before(self._before.exact_frame(self.before_offset + index))
        return before, after.result()

    def before_native(self, index: int) -> RgbImage:
        """The before's frame for pair ``index`` at its own size."""
        return to_rgb(self._before.exact_frame(self.before_offset + index))

    def _scaled_before(self, frame: av.VideoFrame) -> BgraImage:
        width, height = self.size
        if self.before_turn in (90, 270):
            width, height = height, width  # stored sideways: scaled sideways, turned when shown
        return to_bgra(frame, width, height, interpolation=Interpolation.LANCZOS)

    def close(self) -> None:
        if hasattr(self, "_beside"):
            self._beside.shutdown(wait=True)
        self._before.close()
        if hasattr(self, "_after"):
            self._after.close()

    def __enter__(self) -> CompareFrames:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
