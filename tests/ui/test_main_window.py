"""The window against the in-process simulator, driven the way a user does."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QTableView
from pytestqt.qtbot import QtBot

from kokoon_desktop.services.connection import Connection, demo_connection
from kokoon_desktop.ui.main_window import MainWindow


@pytest.fixture
async def connection() -> AsyncIterator[Connection]:
    conn = demo_connection()
    yield conn
    await conn.aclose()


async def _until(condition: object, timeout_s: float = 10.0) -> None:
    """Poll without blocking the loop (a blocking qtbot wait would starve asyncio)."""
    deadline = asyncio.get_running_loop().time() + timeout_s
    while not condition():  # type: ignore[operator]
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.02)


async def test_demo_window_shows_badge_credit_and_videos(
    qtbot: QtBot, connection: Connection
) -> None:
    window = MainWindow(connection)
    qtbot.addWidget(window)
    window.show()
    badge = window.findChild(QLabel, "service_badge")
    assert badge is not None and "Demo" in badge.text() and "simulat" in badge.text()
    assert "Demo" in window.windowTitle()

    refresh = window.findChild(QPushButton, "refresh")
    assert refresh is not None
    qtbot.mouseClick(refresh, Qt.MouseButton.LeftButton)
    videos = window.findChild(QTableView, "videos")
    assert videos is not None
    await _until(lambda: videos.model().rowCount() == 2 and refresh.isEnabled())
    credit = window.findChild(QLabel, "credit")
    assert credit is not None and credit.text() == "Credit: 5,000"
    names = {videos.model().index(row, 0).data() for row in range(2)}
    assert all(name.endswith(".mp4") for name in names)


async def test_server_fault_gives_a_message_and_a_working_window(
    qtbot: QtBot, connection: Connection
) -> None:
    assert connection.sandbox is not None
    connection.sandbox.faults.add(match="GET /credit/me", status=500, message="boom", times=1)
    window = MainWindow(connection)
    qtbot.addWidget(window)
    window.show()
    await window.refresh()
    assert "The service failed (500): boom" in window.statusBar().currentMessage()
    assert window.refresh_button.isEnabled()
    await window.refresh()  # the fault was for one request: the next refresh works
    assert window.credit_label.text() == "Credit: 5,000"
    assert window.videos_model.rowCount() == 2
