"""What the window shows of the source: exact frames and a filmstrip, or the service's thumbnail.

With a local copy (a file just uploaded), the preview shows the exact frame under the playhead
and the timeline gets a filmstrip that follows its zoom and scroll: the strip's layout comes from
`core.filmstrip_slots`, only the slots on screen (and a few either side) are decoded, on-screen
ones first, and a closely zoomed strip shows exact frames rather than the nearest keyframe.
Without one (a video picked from the account), the timeline still works from the service's rate
and length, and the preview shows the service's thumbnail when there is one.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QImage

from kokoon_desktop.core.filmstrip_slots import slot_count, slot_frame, visible_slots
from kokoon_desktop.core.timecode import format_timecode
from kokoon_desktop.i18n import QT_TRANSLATE_NOOP
from kokoon_desktop.ui.preview.view import PreviewView
from kokoon_desktop.ui.timeline.widget import TimelineWidget

if TYPE_CHECKING:
    from kokoon_desktop.media.probe import MediaInfo
    from kokoon_desktop.ui.preview.local_clip import LocalClip

__all__ = ["ClipPreview"]

_STRIP_DELAY_MS = 30  # a zoom or scroll gesture settles before thumbnails are asked for
#: How long a frame asked for may take before the preview shows that it is decoding.
WAITING_AFTER_MS = 120
_STRIP_MARGIN_SLOTS = 2
_EXACT_BELOW_S = 2  # slots shorter than this show exact frames (keyframes repeat at this zoom)

NO_LOCAL_COPY = QT_TRANSLATE_NOOP(
    "ClipPreview",
    "No copy of this video on this computer: the timeline works from the service's length and "
    "frame rate. Upload the file to see its exact frames and a filmstrip.",
)

FETCHING = QT_TRANSLATE_NOOP("ClipPreview", "Fetching the service's thumbnail of this video…")
REMOTE_CAPTION = QT_TRANSLATE_NOOP(
    "ClipPreview", "Thumbnail from the service · upload the file for exact frames"
)


class ClipPreview(QObject):
    """Drives `view` and the filmstrip of `timeline` for the current source."""

    def __init__(self, view: PreviewView, timeline: TimelineWidget) -> None:
        super().__init__(view)
        self._view = view
        self._timeline = timeline
        self._clip: LocalClip | None = None
        self._remote_vid: str | None = None
        self._aspect = 16 / 9
        self._strip_kind: tuple[int, bool] | None = None  # thumbnail height, exact frames
        #: Slots of a coarse strip (keyframes) already asked for their exact frames.
        self._refining: set[int] = set()
        self._refined: set[int] = set()  # ... and those whose exact frame arrived
        self._strip_timer = QTimer(self)
        self._strip_timer.setSingleShot(True)
        self._strip_timer.setInterval(_STRIP_DELAY_MS)
        self._strip_timer.timeout.connect(self.feed_filmstrip)
        # A frame not shown within this long (a far seek, a long GOP) gets the waiting look;
        # a nearby frame, decoded ahead or in memory, never flickers it.
        self._wanted: int | None = None
        self._waiting_timer = QTimer(self)
        self._waiting_timer.setSingleShot(True)
        self._waiting_timer.setInterval(WAITING_AFTER_MS)
        self._waiting_timer.timeout.connect(self._say_waiting)
        timeline.view_changed.connect(self._schedule_filmstrip)
        timeline.playhead_moved.connect(self._playhead_moved)
        timeline.marks_changed.connect(self._pin_landmarks)
        timeline.installEventFilter(self)  # a taller track wants taller thumbnails

    @property
    def local_clip(self) -> LocalClip | None:
        return self._clip

    @property
    def vid(self) -> str | None:
        """The video shown, local or not."""
        return self._clip.objectName() if self._clip is not None else self._remote_vid

    # --- a local copy ----------------------------------------------------------------------

    def open_local(self, path: Path, info: MediaInfo, vid: str) -> None:
        from kokoon_desktop.ui.preview.local_clip import LocalClip

        self.close()
        clip = LocalClip(path, info)
        clip.setObjectName(vid)
        clip.frame_ready.connect(self._show_frame)
        clip.thumbnail_ready.connect(self._show_thumbnail)
        clip.refined_ready.connect(self._show_refined)
        self._clip = clip
        width, height = info.display_size
        self._aspect = width / max(1, height)
        self._view.clear()
        self._view.show()
        self.feed_filmstrip()
        clip.request_frame(self._timeline.playhead)
        self._pin_landmarks()

    def _playhead_moved(self, frame: int) -> None:
        if self._clip is not None:
            self._wanted = frame
            self._clip.request_frame(frame)
            if self._wanted is not None:  # not shown at once from memory
                self._waiting_timer.start()

    def _say_waiting(self) -> None:
        """The frame asked for is still decoding: the view says so (dims, spins)."""
        if self._wanted is not None and self._clip is not None:
            self._view.set_waiting(True)

    def _pin_landmarks(self, *_marks: object) -> None:
        """Keep the frames Home, End, Shift+I and Shift+O jump to decoded."""
        if self._clip is None:
            return
        marks = self._timeline.marks
        ends = (0, marks.total_frames - 1, marks.in_frame, marks.out_frame)
        self._clip.pin_frames(frame for frame in ends if frame is not None)

    def _show_frame(self, index: int, image: QImage) -> None:
        if index == self._wanted:
            self._wanted = None
            self._waiting_timer.stop()
        rate = self._timeline.rate
        caption = (
            self.tr("{timecode}  ·  frame {frame}").format(
                timecode=format_timecode(index, rate), frame=index
            )
            if rate
            else ""
        )
        self._view.show_image(image, caption)

    # --- the filmstrip ---------------------------------------------------------------------

    def _schedule_filmstrip(self) -> None:
        if self._clip is not None:
            self._strip_timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # `getattr`: while a window is torn down by the garbage collector, this object's
        # attributes may be cleared before the timeline's last events arrive.
        if event.type() == QEvent.Type.Resize and watched is getattr(self, "_timeline", None):
            self._schedule_filmstrip()
        return False

    def feed_filmstrip(self) -> None:
        """Lay the strip out for the timeline's zoom and ask for the missing visible slots."""
        clip, timeline = self._clip, self._timeline
        rate = timeline.rate
        if clip is None or rate is None:
            return
        height = timeline.filmstrip_height_px()
        total = timeline.total_frames
        view = timeline.view
        thumb_width = height / timeline.devicePixelRatioF() * self._aspect
        count = slot_count(view.content_width, thumb_width, total)
        exact = total / count < _EXACT_BELOW_S * rate.nominal
        if count != timeline.thumbnail_count or (height, exact) != self._strip_kind:
            # Images of the same frame, height and kind stay while the others are decoded.
            timeline.set_thumbnail_count(count, keep_matching=(height, exact) == self._strip_kind)
            self._strip_kind = (height, exact)
            self._refining.clear()
            self._refined.clear()
        on_screen = visible_slots(view, count)
        around = visible_slots(view, count, _STRIP_MARGIN_SLOTS)
        order = [*on_screen, *(slot for slot in around if slot not in on_screen)]
        wanted = {
            slot: slot_frame(slot, count, total)
            for slot in order
            if not timeline.has_thumbnail(slot)
        }
        if wanted:
            # This request replaces a refinement under way: what it had not delivered yet is
            # asked for again once these keyframes are in.
            self._refining = set(self._refined)
            clip.request_thumbnails(count, wanted, height, exact=exact)
        else:
            self._refine()

    def _show_thumbnail(self, count: int, slot: int, image: QImage) -> None:
        if count == self._timeline.thumbnail_count and 0 <= slot < count:
            self._timeline.set_thumbnail(slot, image)
            self._refine()

    def _show_refined(self, count: int, slot: int, image: QImage) -> None:
        if count == self._timeline.thumbnail_count and 0 <= slot < count:
            self._timeline.set_thumbnail(slot, image)
            self._refined.add(slot)

    def _refine(self) -> None:
        """Once every visible slot of a coarse strip shows its keyframe, ask for each slot's
        exact frame, cheapest first (the fewest pictures to decode after the keyframe): the
        first strip comes as fast as keyframes allow, the real frames follow."""
        clip, timeline, kind = self._clip, self._timeline, self._strip_kind
        if clip is None or kind is None or kind[1]:
            return
        count, total = timeline.thumbnail_count, timeline.total_frames
        on_screen = visible_slots(timeline.view, count)
        if any(not timeline.has_thumbnail(slot) for slot in on_screen):
            return  # the keyframes first
        todo = {
            slot: slot_frame(slot, count, total) for slot in on_screen if slot not in self._refining
        }
        if not todo:
            return
        index = clip.info.index

        def cost(item: tuple[int, int]) -> int:
            frame = item[1]
            return frame - index.keyframe_at_or_before(frame) if index is not None else 0

        self._refining.update(todo)
        ordered = dict(sorted(todo.items(), key=cost))
        clip.request_thumbnails(count, ordered, kind[0], exact=True, refining=True)

    # --- no local copy ---------------------------------------------------------------------

    def show_remote(self, vid: str, *, fetching_thumbnail: bool) -> None:
        """A source known only to the service: the timeline works, the preview explains."""
        self.close()
        self._remote_vid = vid
        self._view.show_message(self.tr(FETCHING if fetching_thumbnail else NO_LOCAL_COPY))
        self._view.show()

    def show_remote_thumbnail(self, vid: str, data: bytes) -> None:
        """The thumbnail fetched for `vid` (ignored if the source changed meanwhile)."""
        if vid != self._remote_vid:
            return
        image = QImage.fromData(data)
        if image.isNull():
            self._view.show_message(self.tr(NO_LOCAL_COPY))
            return
        self._view.show_image(image, self.tr(REMOTE_CAPTION))

    def remote_thumbnail_failed(self, vid: str) -> None:
        if vid == self._remote_vid:
            self._view.show_message(self.tr(NO_LOCAL_COPY))

    # --- ending ----------------------------------------------------------------------------

    def close(self) -> None:
        """Forget the source: stop decoding, empty and hide the preview."""
        self._strip_timer.stop()
        self._waiting_timer.stop()
        self._wanted = None
        if self._clip is not None:
            self._clip.close()
            self._clip = None
        self._remote_vid = None
        self._strip_kind = None
        self._refining.clear()
        self._refined.clear()
        self._view.clear()
        self._view.hide()
