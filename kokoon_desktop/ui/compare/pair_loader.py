"""Before/after frame pairs decoded off the UI thread for the compare view.

One worker thread owns the decoders (a frame reader is not thread-safe); the newest request
wins, so stepping quickly through frames never queues up decodes. Results cross to the UI thread
as queued signals.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from kokoon_desktop.media.frames import BgraImage, RgbImage
from kokoon_desktop.ui.preview.local_clip import to_qimage

__all__ = ["FramePairs", "PairLoader"]

log = logging.getLogger(__name__)


class FramePairs(Protocol):
    """What the compare view reads: pair ``i`` is (before scaled to the after's size, after)."""

    @property
    def count(self) -> int: ...

    @property
    def size(self) -> tuple[int, int]:
        """The after's size as shown (both sides are shown at it)."""
        ...

    @property
    def before_size(self) -> tuple[int, int]:
        """The before's own size as shown."""
        ...

    @property
    def before_turn(self) -> int:
        """Clockwise degrees that show the before upright (0 for most files)."""
        ...

    @property
    def after_turn(self) -> int: ...

    def pair(self, index: int) -> tuple[RgbImage | BgraImage, RgbImage | BgraImage]: ...

    def close(self) -> None: ...


class PairLoader(QObject):
    """Decodes pairs from the ``FramePairs`` that ``opener`` makes (in the worker thread)."""

    #: The frame count, once the files are open.
    opened = Signal(int)
    pair_ready = Signal(int, QImage, QImage)
    #: A sentence for the user: the files could not be opened or a frame not decoded.
    failed = Signal(str)

    def __init__(self, opener: Callable[[], FramePairs], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._opener = opener
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="compare")
        self._pairs: FramePairs | None = None
        self._lock = threading.Lock()
        self._wanted: int | None = None
        self._closed = False
        #: The sizes as shown, once opened: the before's own, and the after's.
        self.before_size = self.size = (0, 0)

    def start(self) -> None:
        """Open the files (in the worker): ``opened`` or ``failed`` follows. Separate from the
        constructor so the signals are connected before the worker can emit them."""
        self._pool.submit(self._open)

    def request(self, index: int) -> None:
        """Decode pair ``index`` soon; replaces a request not yet started."""
        with self._lock:
            if self._closed:
                return
            first = self._wanted is None
            self._wanted = index
        if first:
            self._pool.submit(self._work)

    def close(self) -> None:
        """Stop decoding and close the files (in the worker, after what it is doing)."""
        with self._lock:
            self._closed = True
            self._wanted = None
        self._pool.submit(self._close_pairs)
        self._pool.shutdown(wait=False)

    def _open(self) -> None:
        try:
            self._pairs = self._opener()
        except Exception as exc:
            log.info("compare files could not be opened: %s", exc)
            self.failed.emit(str(exc))
            return
        self.before_size, self.size = self._pairs.before_size, self._pairs.size
        self.opened.emit(self._pairs.count)

    def _work(self) -> None:
        while True:
            with self._lock:
                index, self._wanted = self._wanted, None
            if index is None or self._pairs is None or self._closed:
                return
            try:
                before, after = self._pairs.pair(index)
            except Exception as exc:
                log.info("compare frame %d could not be decoded: %s", index, exc)
                self.failed.emit(str(exc))
                continue
            pairs = self._pairs
            shown = to_qimage(before, pairs.before_turn), to_qimage(after, pairs.after_turn)
            self.pair_ready.emit(index, *shown)

    def _close_pairs(self) -> None:
        if self._pairs is not None:
            self._pairs.close()
            self._pairs = None
