"""The desktop around the window: opening and revealing files, notifications, dock progress.

Each platform call goes through a seam (a callable given to the constructor) so tests check
what would be asked of the system without opening a player or a file manager.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QSystemTrayIcon

log = logging.getLogger(__name__)

#: Finished downloads within this time share one notification.
NOTIFY_DELAY_MS = 1000
#: The desktop entry the dock progress belongs to (packaging installs it under this name).
DESKTOP_ENTRY = "application://kokoon-desktop.desktop"


def _run_detached(command: list[str]) -> bool:
    import subprocess  # only when a file is revealed: not worth loading at start-up

    try:
        subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    except OSError as exc:
        log.info("could not run %s: %s", command[0], exc)
        return False
    return True


def _show_items_over_dbus(path: str) -> bool:
    """The freedesktop file-manager interface: open the folder with the file selected."""
    try:
        from PySide6.QtDBus import QDBusConnection, QDBusInterface
    except ImportError:
        return False
    bus = QDBusConnection.sessionBus()
    if not bus.isConnected():
        return False
    manager = QDBusInterface(
        "org.freedesktop.FileManager1",
        "/org/freedesktop/FileManager1",
        "org.freedesktop.FileManager1",
        bus,
    )
    if not manager.isValid():
        return False
    reply = manager.call("ShowItems", [QUrl.fromLocalFile(path).toString()], "")
    return not reply.errorName()


class FileLauncher:
    """Opens a result in the default player, or shows it selected in the file manager."""

    def __init__(
        self,
        *,
        platform: str = sys.platform,
        open_url: Callable[[QUrl], bool] = QDesktopServices.openUrl,
        run: Callable[[list[str]], bool] = _run_detached,
        show_items: Callable[[str], bool] = _show_items_over_dbus,
    ) -> None:
        self._platform = platform
        self._open_url = open_url
        self._run = run
        self._show_items = show_items

    def open_file(self, path: Path) -> bool:
        return self._open_url(QUrl.fromLocalFile(str(path)))

    def reveal(self, path: Path) -> bool:
        """Select the file where the platform can (Finder, Explorer, FileManager1), else open
        its folder."""
        if self._platform == "darwin":
            return self._run(["open", "-R", str(path)])
        if self._platform == "win32":
            return self._run(["explorer", f"/select,{path}"])
        if self._show_items(str(path)):
            return True
        return self._open_url(QUrl.fromLocalFile(str(path.parent)))


class ResultNotifier(QObject):
    """One system notification per batch of finished downloads ("3 results downloaded").

    Clicking it emits :attr:`activated` with the rows of that batch. Without a system tray
    (or where it cannot show messages), the window's own message bar says it instead.
    """

    activated = Signal(list)

    def __init__(
        self,
        *,
        tray: QSystemTrayIcon | None,
        fallback: Callable[[str], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._tray = tray
        self._fallback = fallback
        self._batch: list[tuple[int, str]] = []
        self._shown: list[int] = []
        if tray is not None:
            tray.messageClicked.connect(self._clicked)

    def finished(self, entry_id: int, name: str) -> None:
        self._batch.append((entry_id, name))
        if len(self._batch) == 1:
            QTimer.singleShot(NOTIFY_DELAY_MS, self._announce)

    def _announce(self) -> None:
        batch, self._batch = self._batch, []
        if not batch:
            return
        self._shown = [entry_id for entry_id, _ in batch]
        count = len(batch)
        title = (
            self.tr("1 result downloaded")
            if count == 1
            else self.tr("{count} results downloaded").format(count=count)
        )
        body = batch[0][1] if count == 1 else ", ".join(name for _, name in batch[:3])
        if count > 3:
            body = self.tr("{names} and {count} more").format(names=body, count=count - 3)
        tray = self._tray
        if tray is not None and tray.isVisible() and tray.supportsMessages():
            tray.showMessage(title, body, QSystemTrayIcon.MessageIcon.Information, 8000)
        else:
            self._fallback(self.tr("{title}: {body}").format(title=title, body=body))

    def _clicked(self) -> None:
        self.activated.emit(list(self._shown))

    @property
    def last_batch(self) -> Sequence[int]:
        return tuple(self._shown)


class DockProgress:
    """Overall download progress on the dock or taskbar icon, where the platform has one.

    Linux docks (Ubuntu's, KDE Plasma's) follow the Unity launcher-entry D-Bus signal; macOS
    and others show the number of downloads as a badge.
    """

    def __init__(self, *, platform: str = sys.platform) -> None:
        self._platform = platform

    def show(self, fraction: float | None, count: int) -> None:
        if self._platform.startswith("linux"):
            self._launcher_entry(fraction, count)
        else:
            app = QGuiApplication.instance()
            if isinstance(app, QGuiApplication):
                app.setBadgeNumber(count)

    def _launcher_entry(self, fraction: float | None, count: int) -> None:
        try:
            from PySide6.QtDBus import QDBusConnection, QDBusMessage
        except ImportError:
            return
        bus = QDBusConnection.sessionBus()
        if not bus.isConnected():
            return
        message = QDBusMessage.createSignal(
            "/com/kokoon/desktop", "com.canonical.Unity.LauncherEntry", "Update"
        )
        visible = fraction is not None and count > 0
        message.setArguments(
            [
                DESKTOP_ENTRY,
                {
                    "progress": float(fraction or 0.0),
                    "progress-visible": visible,
                    "count": count,
                    "count-visible": count > 0,
                },
            ]
        )
        bus.send(message)
