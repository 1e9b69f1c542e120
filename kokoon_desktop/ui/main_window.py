"""The main window: it builds and lays out the widgets; the flows in ``ui/flows`` drive them.

The window does not talk HTTP itself and starts no work of its own: submitting, uploading,
downloading, the source's pictures and quitting each live in a flow (``ui/flows``), which
hands work to the services of the session the :class:`SessionHost` holds.
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDropEvent,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTabWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kokoon_desktop.i18n import QT_TRANSLATE_NOOP
from kokoon_desktop.storage.history import HistoryStore
from kokoon_desktop.storage.settings import Settings, SettingsStore
from kokoon_desktop.ui.flows.session_host import SessionHost
from kokoon_desktop.ui.history_model import HistoryTableModel
from kokoon_desktop.ui.history_pane import HistoryPane
from kokoon_desktop.ui.messages import MessageCenter, NotificationBar
from kokoon_desktop.ui.preview.clip_preview import ClipPreview
from kokoon_desktop.ui.preview.drop_target import DropTarget
from kokoon_desktop.ui.preview.view import PreviewView
from kokoon_desktop.ui.queue_pane import QueuePane, QueueTableModel
from kokoon_desktop.ui.task_form import SourceInfo, TaskForm
from kokoon_desktop.ui.timeline import keys as timeline_keys
from kokoon_desktop.ui.timeline.binding import TimelineBinding
from kokoon_desktop.ui.timeline.player import Player
from kokoon_desktop.ui.timeline.shortcuts_overlay import ShortcutsOverlay
from kokoon_desktop.ui.timeline.widget import TimelineWidget

if TYPE_CHECKING:
    # Only for types: the HTTP stack, the services and PyAV load after the window is shown.
    from kokoon_desktop.services.session import ServiceSession, SessionObservers
    from kokoon_desktop.storage.history import HistoryEntry
    from kokoon_desktop.ui.flows.opening import OpeningFlow
    from kokoon_desktop.ui.flows.presets import PresetsFlow
    from kokoon_desktop.ui.flows.preview import PreviewFlow
    from kokoon_desktop.ui.flows.queue import QueueFlow
    from kokoon_desktop.ui.flows.quitting import QuitFlow
    from kokoon_desktop.ui.flows.results import ResultsFlow
    from kokoon_desktop.ui.flows.source_pictures import SourcePicturesFlow
    from kokoon_desktop.ui.flows.submission import SubmissionFlow
    from kokoon_desktop.ui.flows.upload import UploadFlow
    from kokoon_desktop.ui.settings_dialog import SettingsDialog

DEMO_BADGE_STYLE = (
    "QLabel { background: #a34a19; color: white; border-radius: 4px; padding: 0px 8px;"
    " font-weight: 600; }"
)
#: Said on Submit and the other actions that need the service until the session is open.
CONNECTING_TIP = QT_TRANSLATE_NOOP("MainWindow", "Connecting to the service…")


def _b64(data: QByteArray) -> str:
    return base64.b64encode(bytes(data.data())).decode("ascii")


def _unb64(text: str | None) -> QByteArray | None:
    if not text:
        return None
    try:
        return QByteArray(base64.b64decode(text))
    except ValueError:
        return None


#: How much more than one column needs the form's height must be to go back to one.
_COLUMNS_HYSTERESIS_PX = 48
#: The narrowest the timeline area gets beside a form in two columns.
_CENTRE_MIN_WIDTH = 420
_FORM_MIN_WIDTH = 380
#: The window's size on a screen with room for it; smaller screens get what they have.
DEFAULT_SIZE = QSize(1280, 860)


def _default_size(available: QSize) -> QSize:
    """The default size, within the screen's free area (a 1366×768 laptop, 1920×1080 at 150%:
    1280×720 of room less the taskbar, less the title bar's height for the frame)."""
    return DEFAULT_SIZE.boundedTo(_room(available))


def _room(available: QSize) -> QSize:
    """The most a window's inside may take of the screen's free area: its frame and title
    bar need the rest (a window that is not shown yet does not know their size)."""
    frame_width, frame_height = 16, 40
    return QSize(available.width() - frame_width, available.height() - frame_height)


class MainWindow(QMainWindow):
    """Kokoon Desktop's window."""

    def __init__(
        self,
        *,
        history: HistoryStore,
        settings: SettingsStore,
        messages: MessageCenter,
        open_session: Callable[[SessionObservers], ServiceSession],
        make_settings_dialog: Callable[[QWidget], SettingsDialog],
        connect_now: bool = True,
    ) -> None:
        super().__init__()
        self.history_store = history
        self._settings = settings
        self.messages = messages
        self._make_settings_dialog = make_settings_dialog
        self.setWindowTitle("Kokoon Desktop")
        self.resize(_default_size(self.screen().availableGeometry().size()))

        self._icons_drawn = False
        self.form = TaskForm()
        self.history_model = HistoryTableModel()
        self.history_pane = HistoryPane(self.history_model)
        self.settings_store = settings
        self.queue_model = QueueTableModel()
        self.queue_pane = QueuePane(self.queue_model)
        self.notification_bar = NotificationBar(messages, status_bar=self.statusBar())
        saved = settings.load()  # read once at start: the form's choices, the layout
        self._build(saved)
        self._restore_layout(saved)

        self.host = SessionHost(lambda: open_session(self._observers()))
        self._quitting: QuitFlow | None = None  # made on first need (see :attr:`quitting`)
        self._opening: OpeningFlow | None = None  # the same (see :attr:`opening`)
        self._connect()
        self._set_connected(False)
        if connect_now:
            self.start()

    def start(self) -> None:
        """Open the session: the client, the services, resumed tracking, the first quote."""
        self._build_flows()
        self.apply_action_icons()
        self.host.start()

    def _build_flows(self) -> None:
        """The flows that need the service, made with the session (after the first paint,
        which they are not needed for: their controls wait for the session anyway)."""
        if hasattr(self, "submission"):
            return
        from kokoon_desktop.ui.flows.presets import PresetsFlow
        from kokoon_desktop.ui.flows.preview import PreviewFlow
        from kokoon_desktop.ui.flows.queue import QueueFlow
        from kokoon_desktop.ui.flows.results import ResultsFlow
        from kokoon_desktop.ui.flows.source_pictures import SourcePicturesFlow
        from kokoon_desktop.ui.flows.submission import SubmissionFlow
        from kokoon_desktop.ui.flows.upload import UploadFlow

        self.submission: SubmissionFlow = SubmissionFlow(self)
        self.upload: UploadFlow = UploadFlow(self)
        self.source_pictures: SourcePicturesFlow = SourcePicturesFlow(self)
        self.results: ResultsFlow = ResultsFlow(self)
        self.previews: PreviewFlow = PreviewFlow(self)
        self.queue: QueueFlow = QueueFlow(self)
        self.presets: PresetsFlow = PresetsFlow(self)
        self.form.browse_requested.connect(self.browse_videos)
        _ = self.quitting  # ready before the loop runs, so no quit waits for an import

    @property
    def quitting(self) -> QuitFlow:
        """How the window closes; made on first need, which a close before start can be."""
        if self._quitting is None:
            from kokoon_desktop.ui.flows.quitting import QuitFlow

            self._quitting = QuitFlow(self)
        return self._quitting

    @property
    def opening(self) -> OpeningFlow:
        """Files asked to be opened from outside; made on first need, which can come before
        the window is connected (a file on the command line)."""
        if self._opening is None:
            from kokoon_desktop.ui.flows.opening import OpeningFlow

            self._opening = OpeningFlow(self)
        return self._opening

    @property
    def connected(self) -> bool:
        """Whether the flows are there (the window has been started)."""
        return hasattr(self, "submission")

    @property
    def session(self) -> ServiceSession | None:
        """The open session, or None before :meth:`start` and after :meth:`aclose`."""
        return self.host.session

    @property
    def live(self) -> ServiceSession:
        return self.host.live

    def _observers(self) -> SessionObservers:
        from kokoon_desktop.services.session import SessionObservers

        return SessionObservers(
            on_entry=self._entry_changed,
            on_quote=self.submission.quote_ready,
            on_error=self.service_error,
            on_entries=self.results.entries_changed,
            on_download_progress=self.results.download_progress,
            on_download_finished=self.results.download_finished,
        )

    def _entry_changed(self, entry: HistoryEntry) -> None:
        self.submission.entry_changed(entry)
        self.previews.entry_changed(entry)
        self.queue.entry_changed(entry)

    # --- building ------------------------------------------------------------------------------

    def _build(self, saved: Settings) -> None:
        form_scroll = QScrollArea()
        form_scroll.setObjectName("form_scroll")
        form_scroll.setWidget(self.form)
        form_scroll.setWidgetResizable(True)
        form_scroll.setMinimumWidth(_FORM_MIN_WIDTH)
        form_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        form_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the form's fields
        # The pane is widened for the form instead (a scroll bar coming and going would
        # change the height the form is laid out for).
        form_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        form_scroll.installEventFilter(self)
        self.form_scroll = form_scroll

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
        self.drop_target = DropTarget()
        centre_layout.addWidget(self.drop_target, 1)
        self.form.source_changed.connect(lambda source: self.drop_target.setVisible(source is None))
        self.timeline = TimelineWidget()
        self.timeline.setMinimumHeight(96)
        self.timeline.setToolTip(timeline_keys.tooltip())
        centre_layout.addWidget(self.timeline)
        centre_layout.addWidget(self.form.range_panel)
        self.form.range_panel.remember_unit_in(self._settings)
        # The history's ranges in the panel's unit (timecode, frames or ms).
        self.history_model.set_time_unit(self.form.range_panel.unit)
        self.form.range_panel.unit_changed.connect(self.history_model.set_time_unit)
        self.form.remember_choices_in(self._settings, saved)
        self._timeline_binding = TimelineBinding(self.form, self.timeline)
        self.player = Player(self.timeline)
        self.clip_preview = ClipPreview(self.preview, self.timeline)
        self.shortcuts_overlay = ShortcutsOverlay(centre)
        self.timeline.help_requested.connect(self.shortcuts_overlay.toggle)

        self.top_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.top_splitter.setObjectName("top_splitter")
        self.top_splitter.addWidget(left)
        self.top_splitter.addWidget(centre)
        self.top_splitter.setChildrenCollapsible(False)  # neither the form nor the timeline hides
        self.top_splitter.setStretchFactor(0, 0)
        self.top_splitter.setStretchFactor(1, 1)
        self.top_splitter.setSizes([400, 880])

        self.main_splitter = QSplitter(Qt.Orientation.Vertical)
        self.main_splitter.setObjectName("main_splitter")
        self.main_splitter.addWidget(self.top_splitter)
        # The queue is a tab beside the history: the window keeps fitting a laptop's screen.
        self.bottom_tabs = QTabWidget()
        self.bottom_tabs.setObjectName("bottom_tabs")
        self.bottom_tabs.setDocumentMode(True)
        self.bottom_tabs.setAccessibleName(self.tr("History and queue"))
        self.bottom_tabs.addTab(self.history_pane, self.tr("History"))
        self.bottom_tabs.addTab(self.queue_pane, self.tr("Queue"))
        self.main_splitter.addWidget(self.bottom_tabs)
        # The history gives way first on a short screen: the form and timeline keep their room.
        history = min(240, self.height() * 3 // 10)
        self.main_splitter.setSizes([self.height() - history, history])

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.notification_bar)
        layout.addWidget(self.main_splitter, 1)
        self.setCentralWidget(body)
        self._build_toolbar()
        self._build_menus()
        self._build_status_bar()
        self.setAcceptDrops(True)

    def _action(self, name: str, text: str, shortcut: QKeySequence | None = None) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(shortcut)
        return action

    def _build_toolbar(self) -> None:
        toolbar = self.toolbar = QToolBar(self.tr("Main"))
        toolbar.setObjectName("main_toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.setIconSize(QSize(18, 18))
        self.addToolBar(toolbar)
        self.upload_action = self._action(
            "upload", self.tr("Upload video…"), QKeySequence(QKeySequence.StandardKey.Open)
        )
        self.upload_action.setToolTip(
            self.tr("Upload a local video as a new original (or drop it here)")
        )
        self.refresh_action = self._action(
            "refresh", self.tr("Refresh"), QKeySequence(QKeySequence.StandardKey.Refresh)
        )
        self.refresh_action.setToolTip(
            self.tr("Read the account's tasks, the credit and the files again")
        )
        # The history's own Download action, shared: Ctrl+D works anywhere in the window.
        self.download_action = self.history_pane.actions_by_name["download"]
        self.download_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.download_action.setToolTip(self.tr("Download the selected rows' results (Ctrl+D)"))
        self.settings_action = self._action(
            "settings", self.tr("Settings…"), QKeySequence(QKeySequence.StandardKey.Preferences)
        )
        self.shortcuts_action = self._action(
            "shortcuts", self.tr("Shortcuts"), QKeySequence(Qt.Key.Key_F1)
        )
        self.shortcuts_action.setToolTip(self.tr("The timeline's keyboard shortcuts (F1)"))
        # Ctrl+Q everywhere (Qt reads it as Cmd+Q on macOS): some platforms bind no key to
        # the standard Quit, Windows and headless ones among them.
        self.quit_action = self._action("quit", self.tr("Quit"), QKeySequence("Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)  # Cmd+Q and the dock on macOS
        self.addAction(self.quit_action)
        #: The toolbar's actions with the name of their icon (resources/icons/actions).
        self._toolbar_actions = (
            (self.upload_action, "upload"),
            (self.refresh_action, "refresh"),
            (self.download_action, "download"),
            (self.settings_action, "settings"),
            (self.shortcuts_action, "shortcuts"),
        )
        for action, _icon in self._toolbar_actions:
            toolbar.addAction(action)
        self.service_badge = QLabel()
        self.service_badge.setObjectName("service_badge")
        self.service_badge.setAccessibleName(self.tr("Service"))
        self.sign_in_button = QToolButton()
        self.sign_in_button.setText(self.tr("Sign in…"))
        self.sign_in_button.setAutoRaise(True)  # a menu bar's height: a flat button
        self.sign_in_button.setObjectName("sign_in")
        self.sign_in_button.setAccessibleName(self.tr("Sign in with an API token"))
        self._badge_box = QWidget()
        badge_layout = QHBoxLayout(self._badge_box)
        badge_layout.setContentsMargins(0, 0, 6, 0)
        badge_layout.setSpacing(4)
        badge_layout.addWidget(self.service_badge)
        badge_layout.addWidget(self.sign_in_button)

    def _build_menus(self) -> None:
        """The menu bar: every toolbar action, Settings and Quit where each platform puts
        them (macOS moves Settings, About and Quit to the application menu by their roles)."""
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.about_action = self._action("about", self.tr("About Kokoon Desktop"))
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        bar = self.menuBar()
        bar.setObjectName("menu_bar")
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(self.upload_action)
        file_menu.addAction(self.download_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addAction(self.settings_action)
        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addAction(self.refresh_action)
        view_menu.addAction(self.shortcuts_action)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.shortcuts_action)
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)
        self.menus = {"file": file_menu, "edit": edit_menu, "view": view_menu, "help": help_menu}
        # Which service answers, at the menu bar's end: always in view, however narrow the
        # window (a toolbar folds its last items away first). A menu bar at the top of the
        # screen (macOS) has no corner: the toolbar's end it is there.
        if bar.isNativeMenuBar():
            spacer = QWidget()
            spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            self.toolbar.addWidget(spacer)
            self.toolbar.addWidget(self._badge_box)
        else:
            bar.setCornerWidget(self._badge_box, Qt.Corner.TopRightCorner)

    def _build_status_bar(self) -> None:
        self.activity_label = QLabel()
        self.activity_label.setObjectName("activity")
        self.credit_label = QLabel(self.tr("Credit: …"))
        self.credit_label.setObjectName("credit")
        self.credit_label.setAccessibleName(self.tr("Credit left"))
        self.service_label = QLabel()
        self.service_label.setObjectName("service")
        self.upload_progress = QProgressBar()
        self.upload_progress.setObjectName("upload_progress")
        self.upload_progress.setAccessibleName(self.tr("Upload progress"))
        self.upload_progress.setMaximumWidth(220)
        self.upload_progress.setRange(0, 1000)
        self.cancel_upload_button = QPushButton(self.tr("Cancel upload"))
        self.cancel_upload_button.setObjectName("cancel_upload")
        self.cancel_upload_button.setAccessibleName(self.tr("Cancel the upload"))
        self.statusBar().addPermanentWidget(self.upload_progress)
        self.statusBar().addPermanentWidget(self.cancel_upload_button)
        self.upload_progress.hide()
        self.cancel_upload_button.hide()
        for widget in (self.activity_label, self.service_label, self.credit_label):
            self.statusBar().addPermanentWidget(widget)

    def _connect(self) -> None:
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(self.form.request_submit)
        for keys in ("Ctrl+Shift+Return", "Ctrl+Shift+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(self.form.request_preview)
        self.refresh_action.triggered.connect(self._refresh_clicked)
        self.quit_action.triggered.connect(lambda: self.quitting.request())
        self.settings_action.triggered.connect(self.open_settings)
        self.shortcuts_action.triggered.connect(self.shortcuts_overlay.toggle)
        self.about_action.triggered.connect(self.open_about)
        self.sign_in_button.clicked.connect(self.open_settings)
        self.host.opened.connect(self._session_opened)

    # --- the session -----------------------------------------------------------------------------

    def _set_connected(self, connected: bool) -> None:
        """Until a click can act, the controls that need the service say why they wait."""
        self.form.set_connected(connected, self.tr(CONNECTING_TIP))
        for action in (self.upload_action, self.refresh_action):
            action.setEnabled(connected)

    def _session_opened(self) -> None:
        live = self.host.live
        connection = live.connection
        self.service_badge.setText(connection.label)
        self.service_badge.setStyleSheet(DEMO_BADGE_STYLE if connection.is_demo else "")
        self.service_badge.setToolTip(
            self.tr(
                "Demo mode: the built-in simulator answers; nothing is sent to the real service "
                "and nothing is charged."
            )
            if connection.is_demo
            else self.tr("Connected to {url}").format(url=connection.client.base_url)
        )
        self.sign_in_button.setVisible(connection.is_demo)
        # The corner is laid out when it is set: again, now that its words are known.
        if not self.menuBar().isNativeMenuBar():
            self.menuBar().setCornerWidget(self._badge_box, Qt.Corner.TopRightCorner)
        self.service_label.setText(
            self.tr("Simulator") if connection.is_demo else connection.client.base_url
        )
        # The platform adds the application's name ("Demo — Kokoon Desktop" on screen), unless
        # the title ends with it already: then nothing is doubled anywhere.
        self.setWindowTitle(
            self.tr("Demo — Kokoon Desktop") if connection.is_demo else "Kokoon Desktop"
        )
        self.history_pane.base_url = connection.client.base_url
        self.history_pane.auth_scheme = connection.client.auth_scheme
        for notice in connection.notices:
            self.messages.info(notice.text, details=notice.why, details_label=self.tr("Why?"))
        self.history_model.set_store(self.history_store)
        for entry in live.submitter.recover_interrupted():
            self.history_model.upsert(entry)
        live.tracker.resume()
        self.queue.session_opened()
        self._set_connected(True)
        self.submission.update_activity()
        self.host.spawn(self.submission.refresh_credit())
        self.submission.spec_changed(self.form.spec)
        self.results.session_opened()

    def service_error(self, message: str) -> None:
        self.messages.error(message)

    async def refresh_credit(self) -> None:
        await self.submission.refresh_credit()

    def _refresh_clicked(self) -> None:
        if self.session is not None:
            self.host.spawn(self.submission.refresh_credit())
            self.host.spawn(self.results.refresh())

    # --- drops ---------------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        from kokoon_desktop.ui.flows.upload import dropped_file

        if self.connected and dropped_file(event.mimeData()) is not None:
            event.acceptProposedAction()
            self.drop_target.set_highlighted(True)

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self.drop_target.set_highlighted(False)

    def dropEvent(self, event: QDropEvent) -> None:
        from kokoon_desktop.ui.flows.upload import dropped_file

        self.drop_target.set_highlighted(False)
        path = dropped_file(event.mimeData()) if self.connected else None
        if path is not None:
            event.acceptProposedAction()
            self.upload.start(str(path))

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

    def open_about(self) -> None:
        from kokoon_desktop.ui.about_dialog import AboutDialog

        dialog = AboutDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def open_settings(self) -> None:
        dialog = self._make_settings_dialog(self)

        def finished(result: int) -> None:
            if result and not self.host.closed:
                # Address, token, scheme or demo may have changed: reconnect with them.
                self.host.spawn(self.replace_session())

        dialog.finished.connect(finished)
        dialog.open()

    async def replace_session(self) -> None:
        """Close the current session and open one for the current settings."""
        self._set_connected(False)
        await self.host.replace()

    # --- layout memory and closing ---------------------------------------------------------------

    def _restore_layout(self, settings: Settings) -> None:
        """The size, splitters and history columns of last time, if that window fits this
        screen (a laptop undocked from a large monitor gets the default layout instead)."""
        if self._settings.load_problems:
            self.messages.warning(
                self.tr("Some settings could not be used and are back to their defaults."),
                details="\n".join(self._settings.load_problems),
            )
        header = self.history_pane.table.horizontalHeader()
        columns = _unb64(settings.history_columns)
        if columns is not None:
            header.restoreState(columns)
        geometry = _unb64(settings.window_geometry)
        if geometry is None or not self.restoreGeometry(geometry):
            return
        available = self.screen().availableGeometry()
        room = _room(available.size())
        fits = self.width() <= room.width() and self.height() <= room.height()
        if not fits and not self.isMaximized():
            self.resize(_default_size(available.size()))
            self.move(available.topLeft())
            return
        for splitter, state in (
            (self.main_splitter, settings.splitter_state),
            (self.top_splitter, settings.top_splitter_state),
        ):
            saved = _unb64(state)
            if saved is not None:
                splitter.restoreState(saved)

    def save_layout(self) -> None:
        self._settings.update(
            window_geometry=_b64(self.saveGeometry()),
            splitter_state=_b64(self.main_splitter.saveState()),
            top_splitter_state=_b64(self.top_splitter.saveState()),
            history_columns=_b64(self.history_pane.table.horizontalHeader().saveState()),
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is getattr(self, "form_scroll", None):
            # After the resize is laid out, once for a burst of them.
            QTimer.singleShot(0, self._fit_form)
        return False

    def _fit_form(self) -> None:
        """The form in one column when it fits the height it has, else in two, the left pane
        widened for them: nothing essential scrolls on a laptop's screen.

        Back to one column only with room to spare: the switch itself moves the splitters a
        little, which must not switch it back."""
        form, height = self.form, self.form_scroll.height()
        needed = form.height_in(1)
        if form.columns == 1:
            columns = 1 if needed <= height else 2
        else:
            columns = 1 if needed + _COLUMNS_HYSTERESIS_PX <= height else 2
        if columns == form.columns:
            self._keep_form_whole()
            return
        form.set_columns(columns)
        self._keep_form_whole()
        needed = form.sizeHint().width() + self.form_scroll.verticalScrollBar().sizeHint().width()
        sizes = self.top_splitter.sizes()
        if columns == 2 and sizes[0] < needed:
            total = sum(sizes) or self.top_splitter.width()
            self.top_splitter.setSizes([needed, max(_CENTRE_MIN_WIDTH, total - needed)])

    def _keep_form_whole(self) -> None:
        """The form's pane is never narrower than the form in one column: it does not scroll
        sideways, so a narrower pane (the splitter's first sizes, a drag, a saved layout)
        would cut its right edge off."""
        if self.form.columns != 1:
            return
        layout = self.form.layout()
        if layout is not None:
            layout.activate()  # the hint of the columns just set
        bar = self.form_scroll.verticalScrollBar().sizeHint().width()
        self.form_scroll.setMinimumWidth(
            max(_FORM_MIN_WIDTH, self.form.minimumSizeHint().width() + bar)
        )

    def apply_action_icons(self) -> None:
        """The toolbar's icons in this palette's colours; drawn once the window is on screen
        (the first paint does not wait for them), and again when the palette changes."""
        from kokoon_desktop.ui.action_icons import action_icon

        ratio = self.devicePixelRatioF()
        for action, icon in self._toolbar_actions:
            action.setIcon(action_icon(icon, self.palette(), ratio))
        self._icons_drawn = True

    def changeEvent(self, event: QEvent) -> None:
        kind = event.type()
        palette_changed = kind in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange)
        if palette_changed and self._icons_drawn:
            self.apply_action_icons()
        # Coming back to the window: a result may have been moved or deleted meanwhile.
        if kind == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.history_model.recheck_files()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.quitting.may_close:
            self.save_layout()
        self.quitting.close_event(event)

    async def aclose(self) -> None:
        """Wind the async work down while the loop still turns; then the window may close."""
        await self.host.aclose()
        self.clip_preview.close()
        if self.connected:
            self.presets.keep_last_used()
            self.queue.close()
            self.previews.close_all()  # compare views read files: they go with the window
        self.quitting.may_close = True
