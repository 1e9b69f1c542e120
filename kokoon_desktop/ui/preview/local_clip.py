"""A local video's exact frames and filmstrip, decoded off the UI thread and handed to Qt.

Frame requests follow the playhead: the newest request wins and stale ones are skipped, so
scrubbing never queues up decodes. Between requests, the preview's worker decodes the frames
around the last one shown (`PreviewFrames`), so moves near the playhead are served from
memory. Results cross from the worker threads to the UI thread as queued Qt signals, the only
way widgets may be touched.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage, QTransform

from kokoon_desktop.media.filmstrip import Filmstrip
from kokoon_desktop.media.frames import BgraImage, RgbImage
from kokoon_desktop.media.preview_frames import PreviewFrames
from kokoon_desktop.media.probe import MediaInfo

log = logging.getLogger(__name__)

_FILMSTRIP_POLL_S = 0.01
"""How often the idle preview worker looks whether the filmstrip is done."""


def to_qimage(image: RgbImage | BgraImage, turn: int = 0) -> QImage:
    """A QImage that owns its pixels (the image's bytes may go away), turned clockwise by
    ``turn`` degrees to show upright (a quarter for a portrait phone clip). A 32-bit BGRA
    picture becomes ``Format_RGB32``, which Qt paints as it is."""
    if isinstance(image, BgraImage):
        view = QImage(
            image.data, image.width, image.height, image.width * 4, QImage.Format.Format_RGB32
        )
    else:
        view = QImage(
            image.data, image.width, image.height, image.width * 3, QImage.Format.Format_RGB888
        )
    if turn:
        return view.transformed(QTransform().rotate(turn))  # a new image: owns its pixels
    return view.copy()


class LocalClip(QObject):
    """Decodes one local file; results arrive as ``frame_ready(frame, image)`` and
    ``thumbnail_ready(slot_count, slot, image)``: the slot count names the strip layout the
    thumbnail was asked for, so one that arrives after the zoom changed the layout is dropped."""

    frame_ready = Signal(int, QImage)
    thumbnail_ready = Signal(int, int, QImage)
    #: A slot's exact frame, replacing the keyframe a coarse strip showed first.
    refined_ready = Signal(int, int, QImage)

    def __init__(self, path: Path, info: MediaInfo, *, preview_width: int = 960) -> None:
        super().__init__()
        self.path = path
        self.info = info
        self._preview_width = preview_width
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="preview")
        self._frames: PreviewFrames | None = None  # opened by the worker, on first use
        self._lock = threading.Lock()
        self._wanted: int | None = None
        self._asked = threading.Event()  # a frame was asked for: the worker stops waiting
        self._pins: frozenset[int] | None = None  # new frames to pin, for the worker to take
        self._busy = False
        self._closed = False
        #: The last frame decoded, as the decoder gave it (for tests and diagnostics).
        self.last_frame: tuple[int, RgbImage] | None = None
        self._filmstrip = Filmstrip(path, info=info)  # each request names its callback

    def request_frame(self, index: int) -> None:
        """Show frame ``index`` soon; a newer request replaces one not yet started."""
        with self._lock:
            if self._closed:
                return
            self._wanted = index
            self._asked.set()
            self._start_worker()

    def pin_frames(self, frames: Iterable[int]) -> None:
        """Keep these frames decoded (the ends, the marks), wherever the playhead goes: moves
        to them are then served from memory. Replaces the frames pinned before."""
        with self._lock:
            if self._closed:
                return
            self._pins = frozenset(frames)
            self._start_worker()

    def _start_worker(self) -> None:
        """Have the worker run (called holding the lock)."""
        if not self._busy:
            self._busy = True
            self._pool.submit(self._work_logged)

    @property
    def preview_frames(self) -> PreviewFrames | None:
        """The preview's decoder and its frames in memory, once opened (for tests and
        diagnostics: only the worker thread may call it)."""
        return self._frames

    @property
    def busy(self) -> bool:
        """Whether the preview's worker is decoding (a frame asked for, or ones around it)."""
        with self._lock:
            return self._busy

    def request_thumbnails(
        self,
        slot_count: int,
        slot_frames: Mapping[int, int],
        thumb_height: int,
        *,
        exact: bool,
        refining: bool = False,
    ) -> None:
        """Thumbnails of the given slots (`{slot: frame}`) of a strip of `slot_count` slots;
        replaces the previous request (its pending thumbnails are dropped). With `refining`,
        exact frames for slots that show a keyframe, delivered as ``refined_ready``."""
        if self._closed or thumb_height < 1:
            return
        signal = self.refined_ready if refining else self.thumbnail_ready

        def deliver(slot: int, _frame: int, image: RgbImage) -> None:
            if not self._closed:
                signal.emit(slot_count, slot, to_qimage(image, self.info.turn))

        self._filmstrip.request_slots(
            slot_frames, thumb_height, exact=exact or refining, on_thumbnail=deliver
        )

    def close(self) -> None:
        with self._lock:
            self._closed = True
        self._filmstrip.close()
        self._pool.shutdown(wait=True, cancel_futures=True)
        if self._frames is not None:
            self._frames.close()

    def _work_logged(self) -> None:
        try:
            self._work()
        except Exception:
            # A pool thread's exception would otherwise vanish with its future, and the
            # preview would wait for this worker forever.
            log.exception("the preview's decoder failed")
            with self._lock:
                self._busy = False

    def _work(self) -> None:
        """The worker's loop: the newest frame asked for, else a step of the idle decoding
        around the last one shown, until there is neither (or the clip is closed)."""
        may_fill = True
        while True:
            with self._lock:
                index, self._wanted = self._wanted, None
                pins, self._pins = self._pins, None
                if self._closed or (index is None and pins is None and not may_fill):
                    self._busy = False
                    return
            if self._frames is None:
                self._frames = PreviewFrames(self.path, self.info, max_width=self._preview_width)
            if pins is not None:
                self._frames.pin(pins)
                may_fill = True
            if index is None:
                if self._filmstrip.busy:
                    # Thumbnails on screen come before frames that may be wanted: wait for
                    # the filmstrip (or a frame asked for) rather than take its cores.
                    self._asked.wait(_FILMSTRIP_POLL_S)
                    self._asked.clear()
                else:
                    may_fill = self._frames.fill_once()
                continue
            try:
                image = self._frames.frame(index)
            except (OSError, ValueError) as exc:
                log.warning("preview of frame %d failed: %s", index, exc)
                continue
            may_fill = True
            self.last_frame = (index, image)
            self.frame_ready.emit(index, to_qimage(image, self.info.turn))
