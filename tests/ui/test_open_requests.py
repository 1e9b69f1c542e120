"""The single instance: a later start hands its files to the running one over a local socket
that belongs to the user and the profile; a socket left by a crash is cleared; a live one is
never taken over."""

from __future__ import annotations

import json
import os
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QDir
from PySide6.QtNetwork import QLocalSocket
from pytestqt.qtbot import QtBot

from kokoon_desktop.instance import server_name, socket_path
from kokoon_desktop.ui.open_requests import InstanceServer, hand_over


@pytest.fixture
def name(tmp_path: Path) -> str:
    return server_name(tmp_path / "profile" / "config")


@pytest.fixture
def server(qapp: object, name: str) -> object:
    instance = InstanceServer(name)
    assert instance.listen()
    yield instance
    instance.close()


def hand_over_from_another_process(name: str, files: list[str]) -> subprocess.Popen[str]:
    """A second start's hand-over, in its own process (this one serves the socket)."""
    script = (
        "import json, sys\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "app = QCoreApplication([])\n"
        "from kokoon_desktop.ui.open_requests import hand_over\n"
        "print(json.dumps(hand_over(sys.argv[1], json.loads(sys.argv[2]))))\n"
    )
    return subprocess.Popen(
        [sys.executable, "-c", script, name, json.dumps(files)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def finish(process: subprocess.Popen[str], qtbot: QtBot) -> str:
    qtbot.waitUntil(lambda: process.poll() is not None, timeout=20_000)
    out, err = process.communicate()
    assert process.returncode == 0, err
    return out.strip()


def test_names_belong_to_the_user_and_the_profile(tmp_path: Path) -> None:
    one, other = server_name(tmp_path / "a"), server_name(tmp_path / "b")
    assert one == server_name(tmp_path / "a") and one != other
    assert str(os.getuid()) in one
    assert len(one) < 90  # Unix socket paths are short (108 bytes with the folder)


def test_a_second_start_hands_its_files_to_the_running_one(
    qtbot: QtBot, server: InstanceServer, name: str, tmp_path: Path
) -> None:
    received: list[list[str]] = []
    server.received.connect(received.append)
    files = [str(tmp_path / "clip one.mov"), str(tmp_path / "ünïcode.mp4")]
    process = hand_over_from_another_process(name, files)
    assert finish(process, qtbot) == "true"
    qtbot.waitUntil(lambda: received == [files])


def test_an_empty_hand_over_is_delivered_too(
    qtbot: QtBot, server: InstanceServer, name: str
) -> None:
    received: list[list[str]] = []
    server.received.connect(received.append)
    assert finish(hand_over_from_another_process(name, []), qtbot) == "true"
    qtbot.waitUntil(lambda: received == [[]])


def test_no_running_instance_means_no_hand_over(qapp: object, name: str) -> None:
    assert hand_over(name, ["/tmp/x.mp4"]) is False


@pytest.mark.skipif(sys.platform == "win32", reason="Unix sockets")
@pytest.mark.parametrize("tmpdir", ["", "/var/tmp/", "/tmp/kokoon tests"])
def test_the_socket_is_looked_for_where_qt_puts_it(
    qapp: object, name: str, tmpdir: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TMPDIR", tmpdir)
    assert socket_path(name) == Path(QDir.tempPath(), name)


@pytest.mark.skipif(sys.platform == "win32", reason="Unix sockets")
def test_the_socket_is_the_users_only(server: InstanceServer, name: str) -> None:
    mode = Path(QDir.tempPath(), name).stat().st_mode
    assert stat.S_ISSOCK(mode)
    assert mode & (stat.S_IRWXG | stat.S_IRWXO) == 0


@pytest.mark.skipif(sys.platform == "win32", reason="Unix sockets")
def test_a_socket_left_by_a_crash_is_cleared_and_listened_on(
    qtbot: QtBot, qapp: object, name: str
) -> None:
    path = Path(QDir.tempPath(), name)
    stale = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    stale.bind(str(path))
    stale.close()  # the file stays, nobody listens: what a killed instance leaves
    assert path.exists()
    assert hand_over(name, []) is False  # a later start sees nobody answering
    instance = InstanceServer(name)
    try:
        assert instance.listen() and instance.listening
        received: list[list[str]] = []
        instance.received.connect(received.append)
        assert finish(hand_over_from_another_process(name, ["/a.mp4"]), qtbot) == "true"
        qtbot.waitUntil(lambda: received == [["/a.mp4"]])
    finally:
        instance.close()


def test_a_live_instance_is_never_taken_over(server: InstanceServer, name: str) -> None:
    second = InstanceServer(name)
    try:
        assert second.listen() is False
        assert server.listening and not second.listening
    finally:
        second.close()


def test_a_different_profile_does_not_hand_over(
    qtbot: QtBot, server: InstanceServer, tmp_path: Path
) -> None:
    received: list[list[str]] = []
    server.received.connect(received.append)
    other = server_name(tmp_path / "another profile")
    assert finish(hand_over_from_another_process(other, ["/x.mp4"]), qtbot) == "false"
    assert received == []


def test_a_request_that_is_not_one_opens_nothing(
    qtbot: QtBot, server: InstanceServer, name: str
) -> None:
    received: list[list[str]] = []
    server.received.connect(received.append)
    for garbage in (b"not json\n", b'{"files": "one"}\n', b'["a"]\n', b'{"files": [1]}\n'):
        client = QLocalSocket()
        client.connectToServer(name)
        assert client.waitForConnected(2000)
        client.write(garbage)
        client.flush()
        qtbot.waitUntil(
            lambda c=client: c.state() == QLocalSocket.LocalSocketState.UnconnectedState
        )
        assert bytes(client.readAll().data()) == b""  # no acknowledgement
    assert received == []
