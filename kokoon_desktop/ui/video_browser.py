"""The "Browse account videos…" dialog: pick an uploaded original as a task's source.

The list comes from ``GET /video`` page by page (originals only unless asked for SR results),
filtered by file name on the server as the user types. Loading runs in an asyncio task on the
qasync loop, so the dialog stays responsive; a failing server shows an error with Retry
instead of an empty table, and closing the dialog cancels whatever is in flight.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QItemSelection, QModelIndex, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kokoon_desktop.api.errors import KokoonError
from kokoon_desktop.api.filters import OrigType, SortDirection, VideoFilter, VideoOrder
from kokoon_desktop.api.models import Video, VideoPage
from kokoon_desktop.i18n import QT_TRANSLATE_NOOP, number
from kokoon_desktop.ui.crash_reporter import watch_task
from kokoon_desktop.ui.style import ToneLabel, scaled_font
from kokoon_desktop.ui.video_table_model import VideoColumn, VideoTableModel

if TYPE_CHECKING:
    from kokoon_desktop.api.client import KokoonClient

PAGE_SIZE = 50
#: Pause after the last keystroke before the search goes to the server.
SEARCH_DELAY_MS = 300

BROWSER_COLUMNS = (
    VideoColumn.NAME,
    VideoColumn.KIND,
    VideoColumn.SIZE,
    VideoColumn.DURATION,
    VideoColumn.RESOLUTION,
    VideoColumn.FRAME_RATE,
    VideoColumn.EXPIRES,
)

#: The orders offered, as (label, server field, direction).
ORDERS = (
    (
        QT_TRANSLATE_NOOP("VideoBrowserDialog", "Newest first"),
        VideoOrder.CREATED_TIME,
        SortDirection.DESC,
    ),
    (
        QT_TRANSLATE_NOOP("VideoBrowserDialog", "Expiring soonest"),
        VideoOrder.EXPIRED_TIME,
        SortDirection.ASC,
    ),
    (QT_TRANSLATE_NOOP("VideoBrowserDialog", "Name (A–Z)"), VideoOrder.FILENAME, SortDirection.ASC),
)

_TABLE, _LOADING, _EMPTY, _ERROR = range(4)


def _utc_now() -> datetime:
    return datetime.now(UTC)


class VideoBrowserDialog(QDialog):
    """Lists the account's videos; after ``Choose``, :meth:`chosen_video` is the pick.

    The client is borrowed: the dialog never closes it.
    """

    def __init__(
        self,
        client: KokoonClient,
        parent: QWidget | None = None,
        *,
        page_size: int = PAGE_SIZE,
        search_delay_ms: int = SEARCH_DELAY_MS,
        clock: Callable[[], datetime] = _utc_now,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("video_browser")
        self.setWindowTitle(self.tr("Browse account videos"))
        self._client = client
        self._page_size = page_size
        self._chosen: Video | None = None
        self._task: asyncio.Task[None] | None = None
        self._next_page = 0
        self._total: int | None = None
        self._has_more = False
        self._started = False

        # --- filters -----------------------------------------------------------------------
        self.search = QLineEdit()
        self.search.setObjectName("video_search")
        self.search.setAccessibleName(self.tr("Search videos by file name"))
        self.search.setPlaceholderText(self.tr("Search file names…"))
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(search_delay_ms)
        self._search_timer.timeout.connect(self.reload)
        self.search.textChanged.connect(self._search_timer.start)
        self.search.returnPressed.connect(self.reload)

        self.order = QComboBox()
        self.order.setObjectName("video_order")
        self.order.setAccessibleName(self.tr("Sort order"))
        for label, _, _ in ORDERS:
            self.order.addItem(self.tr(label))
        self.order.currentIndexChanged.connect(self.reload)

        self.include_results = QCheckBox(self.tr("Include SR results"))
        self.include_results.setObjectName("include_results")
        self.include_results.setAccessibleName(self.tr("Include SR results"))
        self.include_results.setToolTip(
            self.tr("Also list finished super-resolution results. Only originals can be processed.")
        )
        self.include_results.toggled.connect(self._results_toggled)

        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setObjectName("refresh_videos")
        self.refresh_button.setAccessibleName(self.tr("Refresh the list"))
        self.refresh_button.clicked.connect(self.reload)

        filters = QHBoxLayout()
        filters.setSpacing(8)
        filters.addWidget(self.search, 1)
        sort_label = QLabel(self.tr("Sort"))
        sort_label.setBuddy(self.order)
        filters.addSpacing(8)
        filters.addWidget(sort_label)
        filters.addWidget(self.order)
        filters.addSpacing(8)
        filters.addWidget(self.include_results)
        filters.addWidget(self.refresh_button)

        # --- the list and its states -------------------------------------------------------
        self.model = VideoTableModel(BROWSER_COLUMNS, clock=clock)
        self.table = QTableView()
        self.table.setObjectName("video_table")
        self.table.setAccessibleName(self.tr("Account videos"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(
            self.model.column_of(VideoColumn.NAME), QHeaderView.ResizeMode.Stretch
        )
        self.table.setColumnHidden(self.model.column_of(VideoColumn.KIND), True)
        self.table.activated.connect(self._activated)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        loading = QWidget()
        busy = QProgressBar()
        busy.setRange(0, 0)
        busy.setTextVisible(False)
        busy.setFixedWidth(220)
        busy.setAccessibleName(self.tr("Loading"))
        loading_text = ToneLabel(self.tr("Loading videos…"), "muted")
        loading_layout = QVBoxLayout(loading)
        loading_layout.addStretch(1)
        loading_layout.addWidget(busy, 0, Qt.AlignmentFlag.AlignHCenter)
        loading_layout.addWidget(loading_text, 0, Qt.AlignmentFlag.AlignHCenter)
        loading_layout.addStretch(1)

        empty = QWidget()
        self.empty_title = QLabel()
        self.empty_title.setObjectName("empty_title")
        self.empty_title.setFont(scaled_font(self.empty_title, 1.15, bold=True))
        self.empty_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint = ToneLabel(tone="muted")
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        empty_layout = QVBoxLayout(empty)
        empty_layout.addStretch(1)
        empty_layout.addWidget(self.empty_title)
        empty_layout.addWidget(self.empty_hint)
        empty_layout.addStretch(1)

        error = QWidget()
        error_icon = QLabel()
        error_icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(40, 40)
        )
        error_title = QLabel(self.tr("The videos could not be loaded."))
        error_title.setFont(scaled_font(error_title, 1.15, bold=True))
        error_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.error_text = ToneLabel(tone="error")
        self.error_text.setObjectName("error_text")
        self.error_text.setAccessibleName(self.tr("Error"))
        self.error_text.setWordWrap(True)
        self.error_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.error_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.retry_button = QPushButton(self.tr("Retry"))
        self.retry_button.setObjectName("retry")
        self.retry_button.setAccessibleName(self.tr("Retry"))
        self.retry_button.clicked.connect(self.reload)
        error_layout = QVBoxLayout(error)
        error_layout.setContentsMargins(80, 0, 80, 0)
        error_layout.setSpacing(10)
        error_layout.addStretch(1)
        error_layout.addWidget(error_icon, 0, Qt.AlignmentFlag.AlignHCenter)
        error_layout.addWidget(error_title)
        # Full width with centred text: a word-wrapped label squeezed by AlignHCenter gets
        # the height of one line and cuts the message.
        error_layout.addWidget(self.error_text)
        error_layout.addWidget(self.retry_button, 0, Qt.AlignmentFlag.AlignHCenter)
        error_layout.addStretch(1)

        self.pages = QStackedWidget()
        self.pages.setObjectName("video_browser_pages")
        for page in (self.table, loading, empty, error):
            self.pages.addWidget(page)

        # --- footer ------------------------------------------------------------------------
        self.status = ToneLabel(tone="muted")
        self.status.setObjectName("video_status")
        self.status.setAccessibleName(self.tr("List status"))
        self.load_more_button = QPushButton(self.tr("Load more"))
        self.load_more_button.setObjectName("load_more")
        self.load_more_button.setAccessibleName(self.tr("Load more videos"))
        self.load_more_button.clicked.connect(self.load_more)
        self.load_more_button.hide()

        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("cancel")
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        self.choose_button = QPushButton(self.tr("Choose"))
        self.choose_button.setObjectName("choose")
        self.choose_button.setAccessibleName(self.tr("Choose video"))
        self.choose_button.setDefault(True)
        self.choose_button.setEnabled(False)
        self.choose_button.clicked.connect(self.choose_selected)

        footer = QHBoxLayout()
        footer.addWidget(self.status, 1)
        footer.addWidget(self.load_more_button)
        footer.addSpacing(16)
        footer.addWidget(self.cancel_button)
        footer.addWidget(self.choose_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 14)
        layout.setSpacing(10)
        layout.addLayout(filters)
        layout.addWidget(self.pages, 1)
        layout.addLayout(footer)
        self.resize(920, 520)

    # --- results -------------------------------------------------------------------------------

    def chosen_video(self) -> Video | None:
        """The video the user chose, or None (cancelled, or still open)."""
        return self._chosen

    def is_loading(self) -> bool:
        return self._task is not None and not self._task.done()

    # --- loading -------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._started:
            self._started = True
            self.reload()

    def reload(self) -> None:
        """Start over from the first page with the current search, order and kind."""
        self._search_timer.stop()
        self._start(self._load(0, replace=True))

    def load_more(self) -> None:
        if self._has_more and not self.is_loading():
            self._start(self._load(self._next_page, replace=False))

    def current_filter(self, page_num: int = 0) -> VideoFilter:
        _, field, direction = ORDERS[max(self.order.currentIndex(), 0)]
        return VideoFilter(
            orig_type=None if self.include_results.isChecked() else OrigType.ORIGINAL,
            filename=self.search.text().strip() or None,
            order_field=field,
            order=direction,
            page_size=self._page_size,
            page_num=page_num,
        )

    def _start(self, work: Coroutine[Any, Any, None]) -> None:
        self._cancel_loading()
        self._task = watch_task(asyncio.ensure_future(work))

    def _cancel_loading(self) -> None:
        if self._task is not None and not self._task.done():
            self._task.cancel()
        self._task = None

    async def _load(self, page_num: int, *, replace: bool) -> None:
        video_filter = self.current_filter(page_num)
        self._show_busy(replace)
        try:
            page = await self._client.list_videos(video_filter)
        except KokoonError as exc:
            self._show_failure(exc.message, replace)
            return
        self._show_page(page, video_filter, replace)

    def _show_busy(self, replace: bool) -> None:
        self.refresh_button.setEnabled(False)
        self.load_more_button.setEnabled(False)
        if replace and self.model.rowCount() == 0:
            self.pages.setCurrentIndex(_LOADING)
        self.status.set_tone("muted")
        searching = replace and bool(self.search.text().strip())
        self.status.setText(self.tr("Searching…") if searching else self.tr("Loading…"))

    def _show_failure(self, message: str, replace: bool) -> None:
        self.refresh_button.setEnabled(True)
        if replace:
            self.model.set_videos([])
            self._has_more = False
            self.error_text.setText(message)
            self.pages.setCurrentIndex(_ERROR)
            self.load_more_button.hide()
            self.status.set_tone("muted")
            self.status.setText("")
        else:
            # Keep what is already listed; the same button tries the page again.
            self.load_more_button.setEnabled(True)
            self.status.set_tone("error")
            self.status.setText(self.tr("Could not load more: {reason}").format(reason=message))
        self._update_choose()

    def _show_page(self, page: VideoPage, video_filter: VideoFilter, replace: bool) -> None:
        self.refresh_button.setEnabled(True)
        if replace:
            self.model.set_videos(page.videos)
            self.table.scrollToTop()
        else:
            self.model.append_videos(page.videos)
        self._next_page = (video_filter.page_num or 0) + 1
        self._total = page.all_count
        shown = self.model.rowCount()
        if page.all_count is not None:
            self._has_more = shown < page.all_count and bool(page.videos)
        else:
            self._has_more = len(page.videos) >= self._page_size
        self.load_more_button.setVisible(self._has_more)
        self.load_more_button.setEnabled(self._has_more)
        if shown:
            self.pages.setCurrentIndex(_TABLE)
        else:
            self._show_empty(video_filter)
        self._update_status()
        self._update_choose()

    def _show_empty(self, video_filter: VideoFilter) -> None:
        originals = video_filter.orig_type is not None
        if video_filter.filename:
            title = (
                self.tr("No original videos match “{search}”.")
                if originals
                else self.tr("No videos match “{search}”.")
            )
            self.empty_title.setText(title.format(search=video_filter.filename))
            self.empty_hint.setText(self.tr("Try part of the name, or clear the search."))
        else:
            self.empty_title.setText(
                self.tr("No original videos in this account yet.")
                if originals
                else self.tr("No videos in this account yet.")
            )
            self.empty_hint.setText(
                self.tr(
                    "Drop a video file on the main window to upload it. Uploaded originals are "
                    "kept for 14 days."
                )
            )
        self.pages.setCurrentIndex(_EMPTY)

    def _update_status(self) -> None:
        shown = self.model.rowCount()
        videos = self.include_results.isChecked()
        if shown == 0:
            text = ""
        elif self._total is not None and self._total != shown:
            text = (
                self.tr("Showing {shown} of {total} videos")
                if videos
                else self.tr("Showing {shown} of {total} originals")
            ).format(shown=number(shown), total=number(self._total))
        elif shown == 1:
            text = self.tr("1 video") if videos else self.tr("1 original")
        else:
            text = (self.tr("{count} videos") if videos else self.tr("{count} originals")).format(
                count=number(shown)
            )
        soon = sum(1 for video in self.model.videos() if self.model.expires_soon(video))
        if soon:
            text = self.tr("{status} · {count} expiring within 2 days").format(
                status=text, count=number(soon)
            )
        self.status.set_tone("muted")
        self.status.setText(text)

    # --- choosing ------------------------------------------------------------------------------

    def selected_video(self) -> Video | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or self.pages.currentIndex() != _TABLE:
            return None
        return self.model.video_at(rows[0].row())

    def choose_selected(self) -> None:
        video = self.selected_video()
        if video is not None and _choosable(video) is None:
            self._choose(video)

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            video = self.model.video_at(index.row())
            if _choosable(video) is None:
                self._choose(video)

    def _choose(self, video: Video) -> None:
        if self._chosen is not None:
            return  # a double-click and Enter may both ask; choose once
        self._chosen = video
        self.accept()

    def _selection_changed(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        self._update_choose()

    def _update_choose(self) -> None:
        video = self.selected_video()
        reason = _choosable(video) if video is not None else self.tr("Select a video first.")
        self.choose_button.setEnabled(reason is None)
        self.choose_button.setToolTip(reason or self.tr("Use this video as the source of the task"))
        if video is not None and reason is not None:
            self.status.set_tone("warning")
            self.status.setText(reason)
        elif self.status.tone == "warning":  # the reason no longer applies
            self._update_status()

    def _results_toggled(self, shown: bool) -> None:
        self.table.setColumnHidden(self.model.column_of(VideoColumn.KIND), not shown)
        self.reload()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter in the search box searches; it must not also press the default button (Choose).
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and self.search.hasFocus():
            event.accept()
            return
        super().keyPressEvent(event)

    # --- closing -------------------------------------------------------------------------------

    def done(self, result: int) -> None:
        """Stop loading whatever way the dialog closes (Choose, Cancel, Escape, close button)."""
        self._search_timer.stop()
        self._cancel_loading()
        if result != QDialog.DialogCode.Accepted:
            self._chosen = None
        super().done(result)


def _choosable(video: Video) -> str | None:
    """Why a video cannot be the source of a task, or None when it can."""
    if not video.is_original:
        return QCoreApplication.translate(
            "VideoBrowserDialog", "SR results cannot be processed again: choose an original."
        )
    if video.state is not None and not video.is_ready:
        return QCoreApplication.translate(
            "VideoBrowserDialog", "This video is not ready yet ({state})."
        ).format(
            state=video.state or QCoreApplication.translate("VideoBrowserDialog", "processing")
        )
    return None
