"""The preview's exact frames, with the frames around the last one shown decoded in idle time.

An editor finds a cut by moving about one place: a frame or a second either way, back and
forth, playing a little. A seek into a long-GOP file has to decode from the keyframe before it,
so each of those moves would cost as much as the first seek. Instead, once a frame is shown,
the idle decoder goes over its neighbourhood (a second before it and a second after, capped by
a memory budget) and keeps each frame at preview size: moves near the playhead are then served
from memory, and playback reads on from the decode already running. A few frames the editor
jumps to (the ends, the In and Out marks) can be pinned: they are decoded after that and kept.

No Qt here; not thread-safe: one thread (the preview's worker) uses an instance.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from kokoon_desktop.media.frames import FrameReader, RgbImage, fit_size, to_rgb
from kokoon_desktop.media.probe import MediaError, MediaInfo

__all__ = ["PreviewFrames"]

log = logging.getLogger(__name__)

DEFAULT_BUDGET = 128 * 1024 * 1024
"""Bytes of decoded preview frames kept: 86 frames at 960×540."""


@dataclass(frozen=True, slots=True)
class _Span:
    """Frames `start` up to, not including, `stop`."""

    start: int
    stop: int

    def __contains__(self, index: object) -> bool:
        return isinstance(index, int) and self.start <= index < self.stop


def _neighbourhood(focus: int, reach: int, total: int) -> tuple[_Span, _Span]:
    """What to have decoded around frame `focus`, in the order to decode it: the focus and
    `reach` frames after it, then `reach` frames before it, within the file's `total`."""
    return _Span(focus, max(focus, min(total, focus + reach + 1))), _Span(
        max(0, focus - reach), focus
    )


class PreviewFrames:
    """Exact frames of one file at preview size, served from memory near the last one shown.

    `frame(index)` gives a frame now (from memory, by reading on, or by a seek that ends at the
    frame); `fill_once()` does one step of the idle work around it and says whether there is
    more to do.
    """

    def __init__(
        self,
        path: Path,
        info: MediaInfo,
        *,
        max_width: int | None = None,
        max_height: int | None = None,
        budget: int = DEFAULT_BUDGET,
        threads: int = 0,
    ) -> None:
        self.info = info
        self._path = path
        self._max = (max_width, max_height)
        self._threads = threads
        self._reader: FrameReader | None = None
        width, height = fit_size(info.width, info.height, max_width, max_height)
        self.capacity = max(1, budget // (width * height * 3))
        """How many frames the budget holds."""
        # Both sides of the focus together take at most three quarters of the budget, so
        # the frames before the first span (decoded on the way from its keyframe) fit too.
        self._reach = max(0, min(info.rate.nominal, self.capacity * 3 // 8))
        self._total = info.total_frames  # shortened if the file ends sooner
        self._cache: dict[int, RgbImage] = {}
        self._focus = 0
        self._plan: tuple[_Span, ...] = ()
        self._pinned: frozenset[int] = frozenset()
        self.hits = 0
        """Frames given from memory: for tests and benchmarks."""

    def frame(self, index: int) -> RgbImage:
        """Exactly frame `index` at preview size; the idle work then moves around it.

        Raises ValueError for a negative index and MediaError when the file has no such frame
        (or cannot be decoded)."""
        self._focus = index
        image = self._cache.get(index)
        if image is not None:
            self.hits += 1
        else:
            reader = self._open()
            # A seek ends at the frame (it is wanted now, the next one may be anywhere); a
            # frame just after the running decode is decoded on, without a seek.
            image = reader.frame_at(index, *self._max, reading_on=False)
            self._keep(index, image)
        self._plan = _neighbourhood(index, self._reach, self._total)
        return image

    def pin(self, frames: Iterable[int]) -> None:
        """Keep these frames decoded wherever the playhead goes (replacing the frames pinned
        before): the idle work decodes them once the neighbourhood is in memory."""
        self._pinned = frozenset(index for index in frames if 0 <= index < self._total)

    def cached(self, index: int) -> bool:
        """Whether frame `index` is in memory now."""
        return index in self._cache

    def fill_once(self) -> bool:
        """Decode one more frame around the last one shown; False once there is nothing left
        to do (the neighbourhood is in memory, or the file cannot be read)."""
        wanted = self._next_missing()
        if wanted is None:
            return False
        try:
            got = self._open().read_toward(wanted)
        except MediaError as error:
            log.warning("decoding ahead of the preview stopped at frame %d: %s", wanted, error)
            self._plan = ()
            return False
        if got is None:  # the file ends before the frame: nothing from there is to be had
            self._total = wanted
            self._plan = _neighbourhood(self._focus, self._reach, self._total)
            self._pinned = frozenset(index for index in self._pinned if index < wanted)
            return True
        index, frame = got
        if self._wanted_here(index) and index not in self._cache:
            image = to_rgb(frame, *self._max)
            self._keep(index, image)
            if index > wanted:
                # The file has no frame `wanted` (a gap): the later one is what shows then.
                self._keep(wanted, image)
        elif index > wanted:
            self._keep(wanted, self._cache.get(index) or to_rgb(frame, *self._max))
        return True

    def close(self) -> None:
        if self._reader is not None:
            self._reader.close()
        self._cache.clear()

    def _open(self) -> FrameReader:
        if self._reader is None:
            self._reader = FrameReader(self._path, self.info, threads=self._threads)
        return self._reader

    def _wanted_here(self, index: int) -> bool:
        return index in self._pinned or any(index in span for span in self._plan)

    def _next_missing(self) -> int | None:
        for span in self._plan:
            for index in range(span.start, span.stop):
                if index not in self._cache:
                    return index
        for index in sorted(self._pinned, key=lambda pinned: abs(pinned - self._focus)):
            if index not in self._cache:
                return index
        return None

    def _keep(self, index: int, image: RgbImage) -> None:
        """Keep a frame; over the budget, the frames farthest from the focus go first, pinned
        ones last."""
        self._cache[index] = image
        while len(self._cache) > self.capacity:
            farthest = max(
                self._cache, key=lambda kept: (kept not in self._pinned, abs(kept - self._focus))
            )
            del self._cache[farthest]
