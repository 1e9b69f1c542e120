"""Quitting: every way out winds down like closing the window, and exits 0.

The window's close button, Quit (Ctrl+Q; Cmd+Q and the dock on macOS), ``QApplication.quit()``
and the session logging out all arrive here, as do SIGINT and SIGTERM. The close is refused at
first (Qt 6 delivers ``quit()`` as a close of each window, which may refuse it), the app
finishes its async work while the loop still turns, and only then is the window closed for
real. With downloads or an upload in flight, a person quitting is asked first; a signal or a
logout is not (nobody is there to answer).
"""

from __future__ import annotations

import signal
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QMessageBox

if TYPE_CHECKING:
    from kokoon_desktop.ui.main_window import MainWindow


class QuitFlow(QObject):
    """Decides when the window may close; emits :attr:`confirmed` once the user is leaving."""

    #: Leaving is decided: the app winds down the async work, then closes the window.
    confirmed = Signal()

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._decided = False
        #: Set once the async work is wound down: the next close is accepted.
        self.may_close = False
        self._asking: QMessageBox | None = None

    def close_event(self, event: QCloseEvent) -> None:
        if self.may_close:
            event.accept()
            return
        event.ignore()
        self.request()

    def request(self, *, ask: bool = True) -> None:
        """Someone wants to leave; a person is asked first when transfers would stop."""
        if self._decided:
            return
        busy = self._busy_text()
        if ask and busy:
            self._ask(busy)
        else:
            self._confirm()

    def request_without_asking(self) -> None:
        self.request(ask=False)

    def _busy_text(self) -> str:
        window = self._window
        session = window.host.session
        downloads = session.downloads.in_flight if session is not None else 0
        upload = window.connected and window.upload.in_flight
        if downloads and upload:
            text = (
                self.tr(
                    "1 download and an upload are in progress. The download resumes next time; "
                    "the upload stops."
                )
                if downloads == 1
                else self.tr(
                    "{count} downloads and an upload are in progress. The downloads resume next "
                    "time; the upload stops."
                )
            )
            return text.format(count=downloads)
        if downloads:
            return (
                self.tr("1 download in progress — it resumes next time.")
                if downloads == 1
                else self.tr("{count} downloads in progress — they resume next time.").format(
                    count=downloads
                )
            )
        if upload:
            return self.tr("An upload is in progress: it stops if you quit.")
        return ""

    def _ask(self, text: str) -> None:
        if self._asking is not None:
            self._asking.raise_()
            return
        box = QMessageBox(self._window)
        box.setObjectName("confirm_quit")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Quit Kokoon Desktop?"))
        box.setText(text)
        quit_button = box.addButton(self.tr("Quit"), QMessageBox.ButtonRole.AcceptRole)
        quit_button.setObjectName("confirm_quit_quit")
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(quit_button)
        self._asking = box

        def done(_result: int) -> None:
            self._asking = None
            if box.clickedButton() is quit_button:
                self._confirm()

        box.finished.connect(done)
        box.open()

    def _confirm(self) -> None:
        self._decided = True
        self.confirmed.emit()


def install_quit_triggers(app: QApplication, quit_flow: QuitFlow) -> Callable[[], None]:
    """SIGINT, SIGTERM and the session's logout quit like the window does; returns undo.

    Python runs a signal handler between two bytecodes of the main thread, which the app's
    100 ms collector timer guarantees even while Qt waits for events; the handler only posts
    the request to the event loop.
    """

    def on_signal(_signum: int, _frame: object) -> None:
        QTimer.singleShot(0, quit_flow.request_without_asking)

    previous = {
        signum: signal.signal(signum, on_signal) for signum in (signal.SIGINT, signal.SIGTERM)
    }
    app.commitDataRequest.connect(quit_flow.request_without_asking)

    def undo() -> None:
        for signum, handler in previous.items():
            signal.signal(signum, handler)

    return undo
