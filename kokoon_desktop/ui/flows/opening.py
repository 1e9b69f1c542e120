"""Files asked to be opened from outside the window: the command line, another start handing
its files over, the file manager's "Open with", macOS's open events.

The window comes forward, and the file becomes the source the way a dropped file does (probe,
upload, timeline). Files that arrive before the window is connected wait for it. The window
works on one source at a time; when several files come at once the first is opened and the
message says which were not.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt

if TYPE_CHECKING:
    from kokoon_desktop.ui.main_window import MainWindow


class OpeningFlow(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._waiting: list[str] = []
        window.host.opened.connect(self._connected)

    def open(self, files: list[str]) -> None:
        """Bring the window forward and open the first of ``files`` as the source."""
        self._bring_forward()
        if not files:
            return
        if not self._window.connected or self._window.session is None:
            self._waiting = list(files)  # the latest request wins, as a second drop would
            return
        self._open_now(files)

    def _connected(self) -> None:
        waiting, self._waiting = self._waiting, []
        if waiting:
            self._open_now(waiting)

    def _open_now(self, files: list[str]) -> None:
        first, rest = Path(files[0]), [Path(f).name for f in files[1:]]
        if not first.is_file():
            reason = "it is a folder" if first.is_dir() else "there is no such file"
            self._window.messages.error(f"“{first.name}” cannot be opened: {reason}.")
            return
        if rest:
            self._window.messages.info(
                f"Opened “{first.name}”. The window works on one source at a time: "
                f"{_count(len(rest))} not opened ({', '.join(rest)})."
            )
        self._window.upload.start(str(first))

    def _bring_forward(self) -> None:
        window = self._window
        if window.isMinimized():
            window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
        window.show()
        window.raise_()
        window.activateWindow()


def _count(files: int) -> str:
    return "1 other file was" if files == 1 else f"{files} other files were"
