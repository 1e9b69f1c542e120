"""The source's pictures: a local copy's frames, or the service's thumbnail."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from kokoon_desktop.api.errors import KokoonError
from kokoon_desktop.ui.task_form import SourceInfo
from kokoon_desktop.ui.timeline.binding import clip_of

if TYPE_CHECKING:
    from kokoon_desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)


class SourcePicturesFlow(QObject):
    """Keeps the preview on the form's source: local frames when there is a copy, else a
    thumbnail fetched without the token."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._host = window.host
        window.form.source_changed.connect(self.source_changed)

    def source_changed(self, source: SourceInfo | None) -> None:
        preview = self._window.clip_preview
        if source is None or clip_of(source) is None:
            preview.close()  # no timeline either: nothing to show
            return
        if source.vid in (preview.vid, self._window.upload.local_vid):
            return  # already shown, or its local copy opens next
        url = source.thumb_url if self._host.session is not None else None
        preview.show_remote(source.vid, fetching_thumbnail=bool(url))
        if url:
            self._host.spawn(self._fetch_thumbnail(source.vid, url))

    async def _fetch_thumbnail(self, vid: str, url: str) -> None:
        session = self._host.session
        if session is None:
            return
        try:
            picture = await session.connection.client.fetch_thumbnail(url)
        except KokoonError as exc:
            log.info("no thumbnail for %s: %s", vid, exc)
            self._window.clip_preview.remote_thumbnail_failed(vid)
            return
        self._window.clip_preview.show_remote_thumbnail(vid, picture)
