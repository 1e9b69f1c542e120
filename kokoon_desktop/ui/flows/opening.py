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
            self._window.messages.error(
                self.tr("“{name}” cannot be opened: it is a folder.").format(name=first.name)
                if first.is_dir()
                else self.tr("“{name}” cannot be opened: there is no such file.").format(
                    name=first.name
                )
            )
            return
        if rest:
            text = (
                self.tr(
                    "Opened “{name}”. The window works on one source at a time: 1 other file "
                    "was not opened ({others})."
                )
                if len(rest) == 1
                else self.tr(
                    "Opened “{name}”. The window works on one source at a time: {count} other "
                    "files were not opened ({others})."
                )
            )
            self._window.messages.info(
                text.format(name=first.name, count=len(rest), others=", ".join(rest))
            )
        self._window.upload.start(str(first))

    def _bring_forward(self) -> None:
        window = self._window
        if window.isMinimized():
            window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
        window.show()
        window.raise_()
        window.activateWindow()
