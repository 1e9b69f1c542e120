"""Thumbnails along the timeline, decoded in background threads and cached in memory.

The filmstrip shows approximate frames: each thumbnail is the keyframe at or before its slot's
target frame, because decoding one keyframe is far cheaper than decoding forward to an exact
frame (keyframes can be seconds apart). The preview is where exact frames are shown
(`FrameReader.frame_at`). Set `exact=True` to decode exact frames here too.

Callbacks run on worker threads: a Qt user must marshal them to the UI thread (a queued
signal) before touching widgets.
"""

from __future__ import annotations

import logging
import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import wait as wait_futures
from dataclasses import dataclass
from pathlib import Path

from kokoon_desktop.media.frames import FrameReader, RgbImage
from kokoon_desktop.media.probe import MediaInfo, probe

__all__ = [
    "DEFAULT_CACHE_BYTES",
    "Filmstrip",
    "ThumbnailCache",
    "ThumbnailCallback",
    "ThumbnailErrorCallback",
    "ThumbnailKey",
    "slot_targets",
]

_log = logging.getLogger(__name__)

DEFAULT_CACHE_BYTES = 64 * 1024 * 1024
"""Thumbnail memory shared by filmstrips by default: about 4,000 thumbnails 90 px high."""

ThumbnailCallback = Callable[[int, int, RgbImage], None]
"""on_thumbnail(slot, frame_index, image): `frame_index` is the frame the image shows."""

ThumbnailErrorCallback = Callable[[int, Exception], None]
"""on_error(slot, error): a slot that could not be decoded."""


@dataclass(frozen=True, slots=True)
class ThumbnailKey:
    """What makes a thumbnail reusable: the same file, unchanged, at the same height and
    target frame (and the same exactness)."""

    path: str
    mtime_ns: int
    size: int
    thumb_height: int
    frame_index: int
    exact: bool


class ThumbnailCache:
    """A thread-safe least-recently-used map of thumbnails, bounded by their bytes."""

    def __init__(self, max_bytes: int = DEFAULT_CACHE_BYTES) -> None:
        self.max_bytes = max_bytes
        self._items: OrderedDict[ThumbnailKey, tuple[int, RgbImage]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    @property
    def bytes_used(self) -> int:
        """Bytes of image data held."""
        with self._lock:
            return self._bytes

    def __len__(self) -> int:
        with self._lock:
            return len(self._items)

    def get(self, key: ThumbnailKey) -> tuple[int, RgbImage] | None:
        """(frame shown, image) for `key`, marking it recently used; None when absent."""
        with self._lock:
            item = self._items.get(key)
            if item is not None:
                self._items.move_to_end(key)
            return item

    def put(self, key: ThumbnailKey, frame_index: int, image: RgbImage) -> None:
        """Store a thumbnail, dropping the least recently used ones beyond the budget."""
        size = len(image.data)
        if size > self.max_bytes:
            return
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self._bytes -= len(old[1].data)
            self._items[key] = (frame_index, image)
            self._bytes += size
            while self._bytes > self.max_bytes:
                _, (_, dropped) = self._items.popitem(last=False)
                self._bytes -= len(dropped.data)

    def clear(self) -> None:
        """Forget every thumbnail."""
        with self._lock:
            self._items.clear()
            self._bytes = 0


_SHARED_CACHE = ThumbnailCache()


def slot_targets(count: int, start: int, end: int) -> list[int]:
    """The target frame of each of `count` equal slots over frames `start` to `end` - 1:
    the frame at the middle of the slot, so the strip samples the range evenly."""
    if count < 1 or end <= start:
        return []
    span = end - start
    return [start + (2 * slot + 1) * span // (2 * count) for slot in range(count)]


class _Request:
    """One request's callback, cancellation flag and pending work."""

    def __init__(self, on_thumbnail: ThumbnailCallback) -> None:
        self.on_thumbnail = on_thumbnail
        self.cancelled = threading.Event()
        self.futures: list[Future[None]] = []

    def cancel(self) -> None:
        self.cancelled.set()
        for future in self.futures:
            future.cancel()


class Filmstrip:
    """Thumbnails of one file for a timeline track.

    `request(count, thumb_height)` schedules `count` thumbnails spread over the file (or a
    frame range, for a zoomed-in view) and delivers each through `on_thumbnail` as soon as it
    is ready, in no particular order; cached ones are delivered at once, on the calling thread.
    A new request cancels the previous one; `cancel()` stops pending work promptly (a decode
    already running finishes, but its result is not delivered). One `FrameReader` per worker
    thread keeps the file open across requests. Call `close()` when done with the file.
    Without an `on_thumbnail`, every request must bring its own (`request_slots`).
    """

    def __init__(
        self,
        path: Path | str,
        on_thumbnail: ThumbnailCallback | None = None,
        *,
        on_error: ThumbnailErrorCallback | None = None,
        info: MediaInfo | None = None,
        cache: ThumbnailCache | None = None,
        workers: int | None = None,
        exact: bool = False,
    ) -> None:
        self.path = Path(path)
        self.info = info if info is not None else probe(self.path)
        self.exact = exact
        self.decodes = 0
        """Thumbnails decoded (not served from the cache) so far: for tests and benchmarks."""
        self._on_thumbnail = on_thumbnail
        self._on_error = on_error
        self._cache = cache if cache is not None else _SHARED_CACHE
        self._pool = ThreadPoolExecutor(
            max_workers=workers or min(4, os.cpu_count() or 1),
            thread_name_prefix="filmstrip",
        )
        self._local = threading.local()
        self._readers: list[FrameReader] = []
        self._lock = threading.Lock()
        self._request: _Request | None = None
        self._closed = False

    def request(
        self, count: int, thumb_height: int, *, start: int = 0, end: int | None = None
    ) -> list[int]:
        """Produce `count` thumbnails `thumb_height` pixels high over frames `start` to `end`
        (default: the whole file); return the target frame of each slot."""
        total = self.info.total_frames
        end = total if end is None else min(end, total)
        targets = slot_targets(count, max(0, start), end)
        self.request_slots(dict(enumerate(targets)), thumb_height)
        return targets

    def request_slots(
        self,
        slot_frames: Mapping[int, int],
        thumb_height: int,
        *,
        exact: bool | None = None,
        on_thumbnail: ThumbnailCallback | None = None,
    ) -> None:
        """Produce the thumbnail of each slot at its frame (`{slot: frame}`), in the order
        given (put the ones on screen first). `exact` overrides the filmstrip's setting for
        this request: a closely zoomed strip, where many slots share a keyframe, wants the
        exact frames. `on_thumbnail` replaces the filmstrip's callback for this request, so
        a caller can tell which request (which layout of slots) an image belongs to."""
        if thumb_height < 1:
            raise ValueError(f"A thumbnail is at least 1 pixel high, got {thumb_height}.")
        self.cancel()
        if self._closed:
            raise RuntimeError("This filmstrip has been closed.")
        exact = self.exact if exact is None else exact
        stat = self.path.stat()
        callback = on_thumbnail or self._on_thumbnail
        if callback is None:
            raise ValueError("A thumbnail request needs a callback: the filmstrip has none.")
        request = _Request(callback)
        with self._lock:
            self._request = request
        for slot, target in slot_frames.items():
            key = ThumbnailKey(
                str(self.path), stat.st_mtime_ns, stat.st_size, thumb_height, target, exact
            )
            cached = self._cache.get(key)
            if cached is not None:
                self._deliver(request, slot, *cached)
            else:
                request.futures.append(self._pool.submit(self._produce, request, slot, key))

    def cancel(self) -> None:
        """Stop the current request: pending thumbnails are dropped, none is delivered after."""
        with self._lock:
            request, self._request = self._request, None
        if request is not None:
            request.cancel()

    @property
    def busy(self) -> bool:
        """Whether thumbnails of the current request are still being made."""
        with self._lock:
            request = self._request
        return request is not None and not all(future.done() for future in request.futures)

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the current request's work has finished; False on timeout."""
        with self._lock:
            request = self._request
        if request is None:
            return True
        _, pending = wait_futures(request.futures, timeout=timeout)
        return not pending

    def close(self) -> None:
        """Cancel, wait for the workers to stop and close the file."""
        if self._closed:
            return
        self._closed = True
        self.cancel()
        self._pool.shutdown(wait=True, cancel_futures=True)
        with self._lock:
            readers, self._readers = self._readers, []
        for reader in readers:
            reader.close()

    def __enter__(self) -> Filmstrip:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- workers ---------------------------------------------------------------------------

    def _reader(self) -> FrameReader:
        reader: FrameReader | None = getattr(self._local, "reader", None)
        if reader is None:
            # One decoding thread per worker: the pool already spreads thumbnails over the
            # cores, and a lone keyframe gains nothing from frame threads (they only add
            # start-up work and contention).
            reader = FrameReader(self.path, self.info, threads=1)
            self._local.reader = reader
            with self._lock:
                self._readers.append(reader)
        return reader

    def _produce(self, request: _Request, slot: int, key: ThumbnailKey) -> None:
        if request.cancelled.is_set():
            return
        # A picture shown turned a quarter (a portrait phone clip) is as tall as it is wide
        # stored: its stored width is limited to the strip's height.
        sideways = self.info.turn in (90, 270)
        max_width = key.thumb_height if sideways else None
        max_height = None if sideways else key.thumb_height
        try:
            reader = self._reader()
            if key.exact:
                shown = key.frame_index
                image = reader.frame_at(shown, max_width, max_height)
            else:
                shown, image = reader.keyframe_near(
                    key.frame_index, max_width=max_width, max_height=max_height
                )
        except Exception as error:  # reported per slot; the strip goes on
            if not request.cancelled.is_set():
                _log.warning("Thumbnail %d of %s failed: %s", slot, self.path.name, error)
                if self._on_error is not None:
                    self._on_error(slot, error)
            return
        with self._lock:
            self.decodes += 1
        self._cache.put(key, shown, image)
        self._deliver(request, slot, shown, image)

    def _deliver(self, request: _Request, slot: int, frame_index: int, image: RgbImage) -> None:
        if request.cancelled.is_set():
            return
        try:
            request.on_thumbnail(slot, frame_index, image)
        except Exception:
            _log.exception("The thumbnail callback failed")
