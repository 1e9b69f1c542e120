"""The main window: the task form, the range, the history, and the state of the connection.

Everything slow happens in asyncio tasks on the qasync loop, so the window never freezes. The
window does not talk HTTP itself: it hands work to the services of the current session and
shows what they report.
"""

from __future__ import annotations

import base64
import logging
import time
from collections.abc import Callable, Coroutine
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QMimeData, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from kokoon_desktop.api.errors import KokoonError
from kokoon_desktop.core import human
from kokoon_desktop.core.task_spec import TaskSpec
from kokoon_desktop.storage.history import (
    HistoryEntry,
    HistoryError,
    HistoryStore,
    SubmissionState,
)
from kokoon_desktop.storage.settings import SettingsStore
from kokoon_desktop.ui.clip_preview import ClipPreview
from kokoon_desktop.ui.crash_reporter import watch_task
from kokoon_desktop.ui.history_model import HistoryTableModel
from kokoon_desktop.ui.history_pane import HistoryPane
from kokoon_desktop.ui.messages import MessageCenter, NotificationBar
from kokoon_desktop.ui.player import Player
from kokoon_desktop.ui.preview_view import PreviewView
from kokoon_desktop.ui.shortcuts_overlay import ShortcutsOverlay, shortcuts_tooltip
from kokoon_desktop.ui.task_form import SourceInfo, TaskForm
from kokoon_desktop.ui.timeline_binding import TimelineBinding, clip_of
from kokoon_desktop.ui.timeline_widget import TimelineWidget

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    # Only for types: asyncio, the HTTP stack, the services and PyAV load after the window is
    # shown (asyncio is imported in the methods that start or await tasks).
    import asyncio

    from kokoon_desktop.api.models import Video
    from kokoon_desktop.services.quoter import QuoteResult
    from kokoon_desktop.services.session import ServiceSession
    from kokoon_desktop.ui.settings_dialog import SettingsDialog

#: Submissions within this time share one credit refresh.
CREDIT_REFRESH_DELAY_MS = 500
#: Submissions within this time share one notification.
ANNOUNCE_DELAY_MS = 250
#: History changes within this time share one recount of the activity in the status bar.
ACTIVITY_DELAY_MS = 200

DEMO_BADGE_STYLE = (
    "QLabel { background: #b3541e; color: white; border-radius: 4px; padding: 2px 8px;"
    " font-weight: 600; }"
)


#: What the upload dialog offers; the service probes the file and refuses what it cannot read.
VIDEO_FILE_FILTERS = [
    "Videos (*.mp4 *.mov *.mkv *.m4v *.avi *.mxf *.webm *.mts *.m2ts *.ts *.mpg *.mpeg)",
    "All files (*)",
]


def _dropped_file(data: QMimeData) -> Path | None:
    """The single local file being dragged onto the window, if that is what it is."""
    urls = data.urls() if data.hasUrls() else []
    if len(urls) != 1 or not urls[0].isLocalFile():
        return None
    path = Path(urls[0].toLocalFile())
    return path if path.is_file() else None


def _b64(data: QByteArray) -> str:
    return base64.b64encode(bytes(data.data())).decode("ascii")


def _unb64(text: str | None) -> QByteArray | None:
    if not text:
        return None
    try:
        return QByteArray(base64.b64decode(text))
    except ValueError:
        return None


class MainWindow(QMainWindow):
    """Kokoon Desktop's window."""

    def __init__(
        self,
        *,
        history: HistoryStore,
        settings: SettingsStore,
        messages: MessageCenter,
        open_session: Callable[[MainWindow], ServiceSession],
        make_settings_dialog: Callable[[QWidget], SettingsDialog],
        connect_now: bool = True,
    ) -> None:
        super().__init__()
        self._history = history
        self._settings = settings
        self.messages = messages
        self._open_session = open_session
        self._make_settings_dialog = make_settings_dialog
        self._tasks: set[asyncio.Task[Any]] = set()
        self._last_quote: QuoteResult | None = None
        self._credit_refresh_due = False
        self._submitted_burst: list[str] = []
        self._activity_due = False
        self._upload: asyncio.Task[Any] | None = None
        self.setWindowTitle("Kokoon Desktop")
        self.resize(1280, 860)

        self.form = TaskForm()
        self.history_model = HistoryTableModel()
        self.history_pane = HistoryPane(self.history_model)
        self.notification_bar = NotificationBar(messages, status_bar=self.statusBar())
        self._build()
        self._connect()
        self._restore_layout()
        #: None until :meth:`start`; the app shows the window first and connects right after.
        self.session: ServiceSession | None = None
        if connect_now:
            self.start()

    def start(self) -> None:
        """Open the session: the client, the services, resumed tracking, the first quote."""
        if self.session is None:
            self.session = self._open_session(self)
            self._session_changed()

    # --- building ------------------------------------------------------------------------------

    def _build(self) -> None:
        form_scroll = QScrollArea()
        form_scroll.setWidget(self.form)
        form_scroll.setWidgetResizable(True)
        form_scroll.setMinimumWidth(380)
        form_scroll.setFrameShape(QScrollArea.Shape.NoFrame)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(form_scroll, 1)
        left_layout.addWidget(self.form.action_bar)

        centre = QWidget()
        centre.setObjectName("timeline_area")
        centre_layout = QVBoxLayout(centre)
        self.preview = PreviewView()
        self.preview.hide()
        centre_layout.addWidget(self.preview, 1)
        self.timeline = TimelineWidget()
        self.timeline.setMinimumHeight(96)
        self.timeline.setToolTip(shortcuts_tooltip())
        centre_layout.addWidget(self.timeline)
        centre_layout.addWidget(self.form.range_panel)
        self.form.range_panel.remember_unit_in(self._settings)
        self._timeline_binding = TimelineBinding(self.form, self.timeline)
        self.player = Player(self.timeline)
        self.clip_preview = ClipPreview(self.preview, self.timeline)
        self.shortcuts_overlay = ShortcutsOverlay(centre)
        self._local_vid: str | None = None  # an upload about to open its local copy
        self.form.source_changed.connect(self._source_changed)
        self.timeline.help_requested.connect(self.shortcuts_overlay.toggle)

        self.top_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.top_splitter.setObjectName("top_splitter")
        self.top_splitter.addWidget(left)
        self.top_splitter.addWidget(centre)
        self.top_splitter.setStretchFactor(0, 0)
        self.top_splitter.setStretchFactor(1, 1)
        self.top_splitter.setSizes([400, 880])

        self.main_splitter = QSplitter(Qt.Orientation.Vertical)
        self.main_splitter.setObjectName("main_splitter")
        self.main_splitter.addWidget(self.top_splitter)
        self.main_splitter.addWidget(self.history_pane)
        self.main_splitter.setSizes([620, 240])

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.notification_bar)
        layout.addWidget(self.main_splitter, 1)
        self.setCentralWidget(body)

        toolbar = QToolBar("Main")
        toolbar.setObjectName("main_toolbar")
        toolbar.setMovable(False)
        self.addToolBar(toolbar)
        self.refresh_action = QAction("Refresh", self)
        self.refresh_action.setObjectName("refresh")
        self.refresh_action.setShortcut(QKeySequence.StandardKey.Refresh)
        self.upload_action = QAction("Upload video…", self)
        self.upload_action.setObjectName("upload")
        self.upload_action.setShortcut(QKeySequence.StandardKey.Open)
        self.upload_action.setToolTip("Upload a local video as a new original (or drop it here)")
        toolbar.addAction(self.upload_action)
        toolbar.addAction(self.refresh_action)
        self.settings_action = QAction("Settings…", self)
        self.settings_action.setObjectName("settings")
        self.settings_action.setShortcut(QKeySequence.StandardKey.Preferences)
        toolbar.addAction(self.settings_action)
        self.shortcuts_action = QAction("Shortcuts", self)
        self.shortcuts_action.setObjectName("shortcuts")
        self.shortcuts_action.setShortcut(QKeySequence(Qt.Key.Key_F1))
        self.shortcuts_action.setToolTip("The timeline's keyboard shortcuts (F1)")
        toolbar.addAction(self.shortcuts_action)
        spacer = QWidget()
        spacer.setSizePolicy(
            spacer.sizePolicy().Policy.Expanding, spacer.sizePolicy().Policy.Preferred
        )
        toolbar.addWidget(spacer)
        self.service_badge = QLabel()
        self.service_badge.setObjectName("service_badge")
        self.service_badge.setAccessibleName("Service")
        self.sign_in_button = QPushButton("Sign in…")
        self.sign_in_button.setObjectName("sign_in")
        self.sign_in_button.setAccessibleName("Sign in with an API token")
        badge_box = QWidget()
        badge_layout = QHBoxLayout(badge_box)
        badge_layout.setContentsMargins(0, 0, 6, 0)
        badge_layout.addWidget(self.service_badge)
        badge_layout.addWidget(self.sign_in_button)
        toolbar.addWidget(badge_box)

        self.activity_label = QLabel()
        self.activity_label.setObjectName("activity")
        self.credit_label = QLabel("Credit: …")
        self.credit_label.setObjectName("credit")
        self.credit_label.setAccessibleName("Credit left")
        self.service_label = QLabel()
        self.service_label.setObjectName("service")
        self.upload_progress = QProgressBar()
        self.upload_progress.setObjectName("upload_progress")
        self.upload_progress.setAccessibleName("Upload progress")
        self.upload_progress.setMaximumWidth(220)
        self.upload_progress.setRange(0, 1000)
        self.cancel_upload_button = QPushButton("Cancel upload")
        self.cancel_upload_button.setObjectName("cancel_upload")
        self.cancel_upload_button.setAccessibleName("Cancel the upload")
        self.statusBar().addPermanentWidget(self.upload_progress)
        self.statusBar().addPermanentWidget(self.cancel_upload_button)
        self.upload_progress.hide()
        self.cancel_upload_button.hide()
        for widget in (self.activity_label, self.service_label, self.credit_label):
            self.statusBar().addPermanentWidget(widget)
        self.setAcceptDrops(True)

    def _connect(self) -> None:
        self.form.submit_requested.connect(self._submit_clicked)
        self.form.spec_changed.connect(self._spec_changed)
        self.form.browse_requested.connect(self.browse_videos)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(self.form.request_submit)
        self.history_pane.resubmit_requested.connect(self._edit_and_resubmit)
        self.history_pane.check_requested.connect(self._check_on_server)
        self.history_pane.remove_requested.connect(self._remove_entry)
        self.refresh_action.triggered.connect(self._refresh_clicked)
        self.settings_action.triggered.connect(self.open_settings)
        self.shortcuts_action.triggered.connect(self.shortcuts_overlay.toggle)
        self.upload_action.triggered.connect(self.choose_upload)
        self.cancel_upload_button.clicked.connect(self.cancel_upload)
        self.sign_in_button.clicked.connect(self.open_settings)

    # --- session -------------------------------------------------------------------------------

    @property
    def live(self) -> ServiceSession:
        """The open session; callers run only after :meth:`start`."""
        if self.session is None:
            raise RuntimeError("the window is not connected yet")
        return self.session

    def _session_changed(self) -> None:
        connection = self.live.connection
        self.service_badge.setText(connection.label)
        self.service_badge.setStyleSheet(DEMO_BADGE_STYLE if connection.is_demo else "")
        self.service_badge.setToolTip(
            "Demo mode: the built-in simulator answers; nothing is sent to the real service "
            "and nothing is charged."
            if connection.is_demo
            else f"Connected to {connection.client.base_url}"
        )
        self.sign_in_button.setVisible(connection.is_demo)
        self.service_label.setText(
            "Simulator" if connection.is_demo else connection.client.base_url
        )
        self.setWindowTitle("Kokoon Desktop — Demo" if connection.is_demo else "Kokoon Desktop")
        self.history_pane.base_url = connection.client.base_url
        self.history_pane.auth_scheme = connection.client.auth_scheme
        for warning in connection.warnings:
            self.messages.warning(warning)
        self.history_model.set_entries(self._history.entries())
        for entry in self.live.submitter.recover_interrupted():
            self.history_model.upsert(entry)
        self.live.tracker.resume()
        self._update_activity()
        self.spawn(self.refresh_credit())
        self._spec_changed(self.form.spec)

    def spawn(self, work: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        """Run work in the background, keeping a reference so it is not collected midway.

        A failure nobody expected goes to the crash reporter instead of vanishing.
        """
        import asyncio

        task = watch_task(asyncio.ensure_future(work))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    def entry_changed(self, entry: HistoryEntry) -> None:
        """Services report every change of a history row here."""
        self.history_model.upsert(entry)
        self._update_activity()

    def quote_ready(self, result: QuoteResult) -> None:
        self._last_quote = result
        if result.balance is not None:
            self.credit_label.setText(f"Credit: {human.credit(result.balance)}")
        if result.error:
            self.form.set_cost_text(result.error)
        elif result.credit is not None:
            text = f"Cost: {human.credit(result.credit)} credits"
            if result.balance is not None:
                text += f" · {human.credit(result.balance)} left"
            if result.affordable is False:
                text = f"<b>Not enough credit.</b> {text}"
            self.form.set_cost_text(text)

    def service_error(self, message: str) -> None:
        self.messages.error(message)

    async def refresh_credit(self) -> None:
        try:
            credit = await self.live.connection.client.get_credit()
        except KokoonError as exc:
            self.messages.error(exc.message)
            return
        self.credit_label.setText(f"Credit: {human.credit(credit.credit)}")

    # --- submitting ----------------------------------------------------------------------------

    def _announce_submitted(self, entry: HistoryEntry) -> None:
        """One notification per burst of submissions (a batch says "12 tasks submitted")."""
        self._submitted_burst.append(entry.tid or "")
        if len(self._submitted_burst) == 1:
            QTimer.singleShot(ANNOUNCE_DELAY_MS, self._announce_burst)

    def _announce_burst(self) -> None:
        burst, self._submitted_burst = self._submitted_burst, []
        if len(burst) == 1:
            self.messages.info(f"Task submitted: {burst[0]}")
        elif burst:
            self.messages.info(f"{len(burst)} tasks submitted.")

    def _refresh_credit_soon(self) -> None:
        """One credit refresh for a burst of submissions, not one each."""
        if not self._credit_refresh_due:
            self._credit_refresh_due = True
            QTimer.singleShot(CREDIT_REFRESH_DELAY_MS, self._refresh_credit_now)

    def _refresh_credit_now(self) -> None:
        self._credit_refresh_due = False
        if self.session is not None:
            self.spawn(self.refresh_credit())

    def _refresh_clicked(self) -> None:
        self.spawn(self.refresh_credit())

    def _spec_changed(self, spec: TaskSpec | None) -> None:
        if spec is None:
            self.form.set_cost_text("")
        if self.session is None:
            return  # quoted once the session opens
        self.form.set_busy(spec is not None and self.session.submitter.is_in_flight(spec))
        self.session.quoter.request(spec)

    def _submit_clicked(self, spec: TaskSpec) -> None:
        if self.session is None or self.session.submitter.is_in_flight(spec):
            return
        quote = self._last_quote
        if quote is not None and quote.spec == spec and quote.affordable is False:
            self._confirm_unaffordable(spec, quote)
            return
        self.spawn(self.submit(spec))

    def _confirm_unaffordable(self, spec: TaskSpec, quote: QuoteResult) -> None:
        box = QMessageBox(self)
        box.setObjectName("confirm_credit")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("Not enough credit")
        box.setText(
            f"This task needs {human.credit(quote.credit)} credits and "
            f"{human.credit(quote.balance)} are left."
        )
        box.setInformativeText("The service will probably refuse it. Submit anyway?")
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)

        def done(result: int) -> None:
            if result == QMessageBox.StandardButton.Yes:
                self.spawn(self.submit(spec))

        box.finished.connect(done)
        box.open()

    async def submit(self, spec: TaskSpec) -> HistoryEntry | None:
        """Record, send once, and report; the row appears before the request leaves."""
        source = self.form.source
        self.form.set_busy(True)
        try:
            entry = await self.live.submitter.submit(
                spec, source_name=source.name if source and source.vid == spec.vid else None
            )
        finally:
            self.form.set_busy(
                self.form.spec is not None and self.live.submitter.is_in_flight(self.form.spec)
            )
        if entry is None:
            return None
        self.history_pane.select_entry(entry.id)
        if entry.state is SubmissionState.SUBMITTED:
            self.live.tracker.track(entry)
            self._announce_submitted(entry)
            self._refresh_credit_soon()
        elif entry.state is SubmissionState.UNKNOWN:
            self.messages.warning(
                f"{entry.message} Use “Check on server” in the history before submitting again."
            )
        else:
            self.messages.error(f"Submission failed: {entry.message}")
        self._update_activity()
        return entry

    def _edit_and_resubmit(self, entry: HistoryEntry) -> None:
        source = SourceInfo(
            vid=entry.vid, name=entry.source_name, duration_ms=entry.source_duration_ms
        )
        self.form.load_request_body(entry.request_body, source)
        self.messages.info("The form holds that task's settings: adjust them and submit.")

    def _check_on_server(self, entry: HistoryEntry) -> None:
        self.spawn(self._check(entry))

    async def _check(self, entry: HistoryEntry) -> None:
        self.messages.info("Looking for the task on the server…")
        try:
            found = await self.live.submitter.check_on_server(entry.id)
        except KokoonError as exc:
            self.messages.error(f"Could not check: {exc.message}")
            return
        self.history_model.upsert(found)
        if found.state is SubmissionState.SUBMITTED:
            self.live.tracker.track(found)
            self.messages.info(f"Found on the server: task {found.tid}. It was not resubmitted.")
        else:
            self.messages.info(found.message or "The task was not created.")
        self._update_activity()

    def _remove_entry(self, entry: HistoryEntry) -> None:
        try:
            self._history.remove(entry.id)
        except HistoryError as exc:  # a row still being sent is refused, with the reason
            self.messages.warning(str(exc))
            return
        if self.session is not None:
            self.session.tracker.untrack(entry.id)
        self.history_model.remove_entry(entry.id)
        self._update_activity()

    def _update_activity(self) -> None:
        """Recount soon, once for a burst of changes: a count walks the whole history."""
        if not self._activity_due:
            self._activity_due = True
            QTimer.singleShot(ACTIVITY_DELAY_MS, self._recount_activity)

    def _recount_activity(self) -> None:
        self._activity_due = False
        entries = self.history_model.all_entries()
        active = sum(1 for entry in entries if entry.is_active)
        pending = sum(1 for entry in entries if entry.state is SubmissionState.SUBMITTING)
        parts = []
        if pending:
            parts.append(f"{pending} sending")
        if active:
            parts.append(f"{active} task{'s' if active != 1 else ''} in progress")
        self.activity_label.setText(" · ".join(parts))

    # --- uploading -----------------------------------------------------------------------------

    def choose_upload(self) -> None:
        dialog = QFileDialog(self, "Upload a video")
        dialog.setObjectName("upload_dialog")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters(VIDEO_FILE_FILTERS)
        dialog.fileSelected.connect(self.start_upload)
        dialog.open()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _dropped_file(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = _dropped_file(event.mimeData())
        if path is not None:
            event.acceptProposedAction()
            self.start_upload(str(path))

    def start_upload(self, path: str) -> None:
        if self._upload is not None and not self._upload.done():
            self.messages.warning("An upload is already running: wait for it or cancel it.")
            return
        self._upload = self.spawn(self.upload_file(Path(path)))

    def cancel_upload(self) -> None:
        if self._upload is not None and not self._upload.done():
            self._upload.cancel()

    async def upload_file(self, path: Path) -> Video | None:
        """Upload with progress in the status bar; the upload becomes the form's source."""
        import asyncio

        if self.session is None:
            return None
        shown = [0.0]

        def progress(done: int, total: int | None) -> None:
            now = time.monotonic()
            if total and (now - shown[0] >= 0.05 or done == total):
                shown[0] = now
                self.upload_progress.setValue(round(done / total * 1000))

        self.upload_progress.setValue(0)
        self.upload_progress.setFormat(f"{path.name}: %p%")
        self.upload_progress.show()
        self.cancel_upload_button.show()
        try:
            video = await self.session.connection.client.upload_video(path, progress=progress)
        except KokoonError as exc:
            self.messages.error(f"Upload of {path.name} failed: {exc.message}")
            return None
        except asyncio.CancelledError:
            self.messages.info(f"Upload of {path.name} cancelled.")
            return None
        finally:
            self.upload_progress.hide()
            self.cancel_upload_button.hide()
        from kokoon_desktop.media.probe import MediaError, probe

        source = SourceInfo.from_video(video)
        try:
            info = probe(path)  # headers only: the exact rate and frame count, locally
        except MediaError:
            info = None
        if info is not None:
            source = replace(source, fps=str(info.rate), total_frames=info.total_frames)
        self._local_vid = video.vid if info is not None else None
        try:
            self.form.set_source(source)
        finally:
            self._local_vid = None
        if info is not None:
            self.clip_preview.open_local(path, info, video.vid)
        self.messages.info(f"Uploaded {video.filename or path.name}: it is the source now.")
        return video

    # --- the source's pictures: a local copy's frames, or the service's thumbnail ---------------

    def _source_changed(self, source: SourceInfo | None) -> None:
        preview = self.clip_preview
        if source is None or clip_of(source) is None:
            preview.close()  # no timeline either: nothing to show
            return
        if source.vid in (preview.vid, self._local_vid):
            return  # already shown, or its local copy opens next
        url = source.thumb_url if self.session is not None else None
        preview.show_remote(source.vid, fetching_thumbnail=bool(url))
        if url:
            self.spawn(self._fetch_thumbnail(source.vid, url))

    async def _fetch_thumbnail(self, vid: str, url: str) -> None:
        if self.session is None:
            return
        try:
            picture = await self.session.connection.client.fetch_thumbnail(url)
        except KokoonError as exc:
            log.info("no thumbnail for %s: %s", vid, exc.message)
            self.clip_preview.remote_thumbnail_failed(vid)
            return
        self.clip_preview.show_remote_thumbnail(vid, picture)

    # --- dialogs -------------------------------------------------------------------------------

    def browse_videos(self) -> None:
        # Imported here: it brings the HTTP client, which start-up does not wait for.
        from kokoon_desktop.ui.video_browser import VideoBrowserDialog

        if self.session is None:
            return
        dialog = VideoBrowserDialog(self.session.connection.client, self)

        def chosen(result: int) -> None:
            video = dialog.chosen_video()
            if result and video is not None:
                self.form.set_source(SourceInfo.from_video(video))

        dialog.finished.connect(chosen)
        dialog.open()

    def open_settings(self) -> None:
        dialog = self._make_settings_dialog(self)

        def finished(result: int) -> None:
            if result:
                # Address, token, scheme or demo may have changed: reconnect with them.
                self.spawn(self.replace_session())

        dialog.finished.connect(finished)
        dialog.open()

    async def replace_session(self) -> None:
        """Close the current session and open one for the current settings."""
        old = self.session
        self.session = self._open_session(self)
        if old is not None:
            await old.aclose()
        self._session_changed()

    # --- layout memory ---------------------------------------------------------------------------

    def _restore_layout(self) -> None:
        settings = self._settings.load()
        geometry = _unb64(settings.window_geometry)
        if geometry is not None:
            self.restoreGeometry(geometry)
        splitter = _unb64(settings.splitter_state)
        if splitter is not None:
            self.main_splitter.restoreState(splitter)

    def save_layout(self) -> None:
        self._settings.update(
            window_geometry=_b64(self.saveGeometry()),
            splitter_state=_b64(self.main_splitter.saveState()),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        super().closeEvent(event)

    async def aclose(self) -> None:
        import asyncio

        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        # A closed window has no session: a credit refresh still due on a timer finds none,
        # instead of starting work on a closed client after the loop has stopped.
        session, self.session = self.session, None
        if session is not None:
            await session.aclose()
        self.clip_preview.close()
