"""Uploading a local file: chosen in a dialog or dropped on the window, with progress.

The upload becomes the form's source; its local copy opens in the preview and timeline, and
its path is kept so the result can land next to it.
"""

from __future__ import annotations

import logging
import time
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, QObject
from PySide6.QtWidgets import QFileDialog

from kokoon_desktop.api.errors import KokoonError
from kokoon_desktop.core.timecode import format_timecode
from kokoon_desktop.i18n import QT_TRANSLATE_NOOP
from kokoon_desktop.ui.task_form import SourceInfo

if TYPE_CHECKING:
    import asyncio

    from kokoon_desktop.api.models import Video
    from kokoon_desktop.media.probe import MediaError, MediaInfo
    from kokoon_desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)

#: What the upload dialog offers; the service probes the file and refuses what it cannot read.
VIDEO_FILE_FILTERS = [
    QT_TRANSLATE_NOOP(
        "UploadFlow",
        "Videos (*.mp4 *.mov *.mkv *.m4v *.avi *.mxf *.webm *.mts *.m2ts *.m2t *.ts *.mpg *.mpeg"
        " *.vob *.3gp *.wmv *.flv *.ogv)",
    ),
    QT_TRANSLATE_NOOP("UploadFlow", "All files (*)"),
]


def videos_nearby(window: MainWindow) -> str:
    """Where a dialog for videos opens: the folder of the clip being worked on (the rest of
    the shoot is usually beside it), else where the dialog was last (Qt's choice)."""
    source = window.form.source
    if source is not None and source.local_path:
        folder = Path(source.local_path).parent
        if folder.is_dir():
            return str(folder)
    return ""


def dropped_file(data: QMimeData) -> Path | None:
    """The single local file being dragged onto the window, if that is what it is."""
    urls = data.urls() if data.hasUrls() else []
    if len(urls) != 1 or not urls[0].isLocalFile():
        return None
    path = Path(urls[0].toLocalFile())
    return path if path.is_file() else None


class UploadFlow(QObject):
    """One upload at a time, with its progress and Cancel in the status bar."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._host = window.host
        self._upload: asyncio.Task[object] | None = None
        #: Counting the frames of the last upload after it finished (it is not "in flight":
        #: the source is usable, and quitting or another upload need not wait for it).
        self.counting: asyncio.Task[MediaInfo] | None = None
        self._counting_vid: str | None = None
        #: An upload about to open its local copy (the form's source changes first).
        self.local_vid: str | None = None
        window.upload_action.triggered.connect(self.choose)
        window.cancel_upload_button.clicked.connect(self.cancel)
        window.form.source_changed.connect(self._source_changed)

    @property
    def in_flight(self) -> bool:
        return self._upload is not None and not self._upload.done()

    def choose(self) -> None:
        dialog = QFileDialog(self._window, self.tr("Upload a video"))
        dialog.setObjectName("upload_dialog")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters([self.tr(name) for name in VIDEO_FILE_FILTERS])
        if folder := videos_nearby(self._window):
            dialog.setDirectory(folder)
        dialog.fileSelected.connect(self.start)
        dialog.open()

    def start(self, path: str) -> None:
        if self.in_flight:
            self._window.messages.warning(
                self.tr("An upload is already running: wait for it or cancel it.")
            )
            return
        self._stop_counting()
        self._upload = self._host.spawn(self.upload_file(Path(path)))

    def cancel(self) -> None:
        if self._upload is not None and not self._upload.done():
            self._upload.cancel()

    async def upload_file(self, path: Path) -> Video | None:
        """Check the file here, then upload it with progress in the status bar while its
        frame index is built; the upload becomes the form's source.

        A file that is no video this app can read (missing, empty, no video stream, not a
        media file, a format it cannot decode) is said so and nothing is sent; one whose
        pictures turn out not to decode stops its upload when that is known.
        """
        import asyncio

        from kokoon_desktop.media.frame_index import indexed
        from kokoon_desktop.media.probe import MediaError, probe

        window = self._window
        session = self._host.session
        if session is None:
            return None
        try:
            header = await asyncio.to_thread(probe, path)  # headers only: milliseconds
        except MediaError as exc:
            window.messages.error(self.tr("{reason} Nothing was uploaded.").format(reason=exc))
            return None
        # Frames as a plain decode presents them (edit lists, start offsets, variable rates,
        # turned and interlaced pictures): one pass over the packets, off the UI thread,
        # while the file uploads.
        indexing = asyncio.ensure_future(asyncio.to_thread(indexed, header))
        refused: list[MediaError] = []
        uploading = asyncio.current_task()

        def stop_if_unshowable(done: asyncio.Future[MediaInfo]) -> None:
            failure = _failure(done)
            if failure is not None and uploading is not None and not refused and sending:
                refused.append(failure)
                uploading.cancel()  # _send says it stopped and returns None

        sending = True
        indexing.add_done_callback(stop_if_unshowable)
        try:
            video = await self._send(path)
        finally:
            sending = False
        if refused:
            if uploading is not None:
                uploading.uncancel()  # the stop was ours, not a cancel from outside
            window.messages.error(
                self.tr("{reason} The upload was stopped.").format(reason=refused[0])
            )
            return None
        if video is None:
            return None
        window.messages.info(
            self.tr("Uploaded {name}: it is the source now.").format(
                name=video.filename or path.name
            )
        )
        if indexing.done():
            info = _indexed_or(header, indexing)
            self._open(path, video, info)
            self._warn_if_damaged(info)
        else:
            # The timeline works from the headers at once and is refined when the frames
            # are counted (a long file on a fast network).
            self._open(path, video, header)
            self._counting_vid = video.vid
            self.counting = self._host.spawn(self._refine(path, video, header, indexing))
        return video

    async def _refine(
        self, path: Path, video: Video, header: MediaInfo, indexing: asyncio.Future[MediaInfo]
    ) -> MediaInfo:
        """Once the frames are counted, the timeline of the upload, if still the source."""
        info = await self._counted(path, header, indexing)
        current = self._window.form.source
        if current is None or current.vid != video.vid:
            return info
        if info is not header:
            self._open(path, video, info)
            self._warn_if_damaged(info)
        elif (failure := _failure(indexing)) is not None:
            self._window.messages.warning(
                self.tr(
                    "{reason} The timeline follows what its headers say, and shows no pictures."
                ).format(reason=failure)
            )
        return info

    def _source_changed(self, source: SourceInfo | None) -> None:
        if source is None or source.vid != self._counting_vid:
            self._stop_counting()

    def _stop_counting(self) -> None:
        """A new source is coming: the last upload's count no longer matters."""
        if self.counting is not None and not self.counting.done():
            self.counting.cancel()

    def _warn_if_damaged(self, info: MediaInfo) -> None:
        if info.index is not None and info.index.damaged:
            last = info.total_frames - 1
            self._window.messages.warning(
                self.tr(
                    "“{name}” is damaged near its end: its pictures stop decoding after frame "
                    "{frame} ({timecode}), where the timeline ends."
                ).format(name=info.path.name, frame=last, timecode=format_timecode(last, info.rate))
            )

    def _open(self, path: Path, video: Video, info: MediaInfo) -> None:
        """Make the upload the form's source, its local copy in the preview and timeline."""
        source = replace(
            SourceInfo.from_video(video),
            local_path=str(path.absolute()),
            # The size as shown (a portrait phone clip is taller than wide): what the size
            # presets and the request's width and height are made from (see api/models.py
            # on is_rotated).
            size=info.display_size,
            fps=str(info.rate),
            total_frames=info.total_frames,
            frame_times=info.index.times if info.index is not None else None,
            interlaced=info.index is not None and info.index.interlaced,
        )
        self.local_vid = video.vid
        try:
            self._window.form.set_source(source)
        finally:
            self.local_vid = None
        self._window.clip_preview.open_local(path, info, video.vid)

    async def _counted(
        self, path: Path, header: MediaInfo, indexing: asyncio.Future[MediaInfo]
    ) -> MediaInfo:
        """The frame index once built, the status bar saying the timeline is being refined."""
        import asyncio

        bar = self._window.upload_progress
        bar.setRange(0, 0)  # busy: how long is not known
        bar.setFormat(
            self.tr("{name}: counting frames to refine the timeline…").format(name=path.name)
        )
        bar.show()
        try:
            await asyncio.wait([indexing])
        finally:
            bar.hide()
            bar.setRange(0, 1000)
        return _indexed_or(header, indexing)

    async def _send(self, path: Path) -> Video | None:
        """The upload itself, with its progress and Cancel; None when it did not happen."""
        import asyncio

        window = self._window
        session = self._host.session
        if session is None:
            return None
        shown = [0.0]

        def progress(done: int, total: int | None) -> None:
            now = time.monotonic()
            if total and (now - shown[0] >= 0.05 or done == total):
                shown[0] = now
                window.upload_progress.setValue(round(done / total * 1000))

        window.upload_progress.setValue(0)
        window.upload_progress.setFormat(self.tr("{name}: %p%").format(name=path.name))
        window.upload_progress.show()
        window.cancel_upload_button.show()
        try:
            return await session.connection.client.upload_video(path, progress=progress)
        except KokoonError as exc:
            window.messages.error(
                self.tr("Upload of {name} failed: {reason}").format(
                    name=path.name, reason=exc.message
                )
            )
            return None
        except asyncio.CancelledError:
            window.messages.info(self.tr("Upload of {name} cancelled.").format(name=path.name))
            return None
        finally:
            window.upload_progress.hide()
            window.cancel_upload_button.hide()


def _failure(indexing: asyncio.Future[MediaInfo]) -> MediaError | None:
    """Why a finished indexing found no picture to show, if it did not."""
    from kokoon_desktop.media.probe import MediaError

    if indexing.cancelled():
        return None
    failure = indexing.exception()
    return failure if isinstance(failure, MediaError) else None


def _indexed_or(header: MediaInfo, indexing: asyncio.Future[MediaInfo]) -> MediaInfo:
    """The file with its frame index, or its headers' facts when it could not be indexed."""
    from kokoon_desktop.media.probe import MediaError

    try:
        return indexing.result()
    except MediaError as exc:
        log.info("no frame index for %s: %s", header.path.name, exc)
        return header
