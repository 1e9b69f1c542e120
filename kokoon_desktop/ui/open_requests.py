"""Files the operating system asks the app to open, and the single running instance they go to.

A file opened from a file manager ("Open with Kokoon Desktop"), or given on the command line
while the app already runs, goes to the window that is open, not to a second app fighting over
the same history. The first instance listens on a local socket (a named pipe on Windows) whose
name belongs to the user and the profile; a later start hands its files over and exits.

macOS does not start the app with arguments for this: it sends the running application a
``QFileOpenEvent``, which :class:`FileOpenEvents` turns into the same request.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QFileOpenEvent

from kokoon_desktop.instance import may_be_listening

if TYPE_CHECKING:
    # Loaded only when used: the network module costs start-up time, and most starts need
    # nothing from it before the window shows.
    from PySide6.QtNetwork import QLocalSocket

log = logging.getLogger(__name__)

HAND_OVER_TIMEOUT_MS = 2000
ACK = b"ok\n"
#: A request bigger than this is not a list of paths: the connection is dropped.
MAX_REQUEST_BYTES = 1 << 20


def hand_over(name: str, files: list[str]) -> bool:
    """Give ``files`` (absolute paths; empty to just bring the window forward) to the instance
    listening on ``name``. True when it took them; False when no instance answered."""
    if not may_be_listening(name):
        return False
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(HAND_OVER_TIMEOUT_MS):
        return False
    socket.write(json.dumps({"files": files}).encode() + b"\n")
    socket.flush()
    answered = b""
    while ACK not in answered and socket.waitForReadyRead(HAND_OVER_TIMEOUT_MS):
        answered += bytes(socket.readAll().data())
    socket.disconnectFromServer()
    return ACK in answered


class InstanceServer(QObject):
    """The running instance's end: emits the files each later start hands over."""

    received = Signal(list)  # list[str]: absolute paths, maybe empty

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        from PySide6.QtNetwork import QLocalServer

        super().__init__(parent)
        self.name = name
        self._server = QLocalServer(self)
        # Only this user may connect (the socket file is made private to them).
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)

    def listen(self) -> bool:
        """Listen, clearing a socket left behind by an instance that crashed. False when
        another instance is listening already (it answered), or listening failed.

        The live instance is asked first: with the user-only option Qt makes the socket aside
        and renames it into place, which would silently take a live instance's name.
        """
        from PySide6.QtNetwork import QLocalServer, QLocalSocket

        probe = QLocalSocket()
        probe.connectToServer(self.name)
        if probe.waitForConnected(HAND_OVER_TIMEOUT_MS):
            probe.disconnectFromServer()
            return False  # a live instance: never take its name
        QLocalServer.removeServer(self.name)  # whatever is there is stale
        listening = self._server.listen(self.name)
        if not listening:
            log.warning("cannot listen for open requests: %s", self._server.errorString())
        return listening

    @property
    def listening(self) -> bool:
        return self._server.isListening()

    def close(self) -> None:
        self._server.close()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.disconnected.connect(socket.deleteLater)
            _Request(socket, self.received.emit)


class _Request(QObject):
    """One connection's request: read to the end of its line, answered, then closed."""

    def __init__(self, socket: QLocalSocket, deliver: Callable[[list[str]], None]) -> None:
        super().__init__(socket)  # lives as long as the connection
        self._socket = socket
        self._deliver = deliver
        self._buffer = bytearray()
        socket.readyRead.connect(self._read)
        if socket.bytesAvailable():
            self._read()

    def _read(self) -> None:
        self._buffer.extend(bytes(self._socket.readAll().data()))
        if b"\n" not in self._buffer and len(self._buffer) < MAX_REQUEST_BYTES:
            return
        self._socket.readyRead.disconnect(self._read)
        files = _parse_request(bytes(self._buffer))
        if files is not None:
            self._socket.write(ACK)
            self._socket.flush()
            self._deliver(files)
        self._socket.disconnectFromServer()


def _parse_request(data: bytes) -> list[str] | None:
    """The paths of one request line, or None when it is not one (nothing is opened then)."""
    try:
        request = json.loads(data.split(b"\n", 1)[0])
    except (ValueError, UnicodeDecodeError):
        return None
    files = request.get("files") if isinstance(request, dict) else None
    if not isinstance(files, list) or not all(isinstance(f, str) for f in files):
        return None
    return files


class FileOpenEvents(QObject):
    """Turns the application's ``QFileOpenEvent`` (macOS "Open with", a file dropped on the
    Dock icon) into an open request. Install with ``app.installEventFilter``."""

    requested = Signal(list)  # list[str]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            path = event.file() or event.url().toLocalFile()
            if path:
                self.requested.emit([path])
                return True
        return super().eventFilter(watched, event)
