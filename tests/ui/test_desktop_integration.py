"""The desktop seams: one notification per batch of downloads, its click, and reveal/open."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QSystemTrayIcon
from pytestqt.qtbot import QtBot

from kokoon_desktop.ui.desktop_integration import NOTIFY_DELAY_MS, FileLauncher, ResultNotifier


def test_downloads_finishing_together_are_said_once(qtbot: QtBot) -> None:
    said: list[str] = []
    notifier = ResultNotifier(tray=None, fallback=said.append)
    for entry_id, name in ((1, "a.mp4"), (2, "b.mp4"), (3, "c.mp4"), (4, "d.mp4")):
        notifier.finished(entry_id, name)
    qtbot.wait(NOTIFY_DELAY_MS + 200)
    assert said == ["4 results downloaded: a.mp4, b.mp4, c.mp4 and 1 more"]
    assert tuple(notifier.last_batch) == (1, 2, 3, 4)
    notifier.finished(5, "e.mp4")
    qtbot.wait(NOTIFY_DELAY_MS + 200)
    assert said[-1] == "1 result downloaded: e.mp4"


def test_clicking_the_notification_asks_for_its_rows(qtbot: QtBot) -> None:
    tray = QSystemTrayIcon()
    said: list[str] = []
    notifier = ResultNotifier(tray=tray, fallback=said.append)
    notifier.finished(7, "a.mp4")
    notifier.finished(9, "b.mp4")
    qtbot.wait(NOTIFY_DELAY_MS + 200)
    assert said  # no visible tray here: the window's message bar said it
    with qtbot.waitSignal(notifier.activated) as clicked:
        tray.messageClicked.emit()
    assert clicked.args == [[7, 9]]


def test_linux_selects_the_file_through_the_file_manager_when_it_can(tmp_path: Path) -> None:
    asked: list[object] = []
    path = tmp_path / "result.mp4"
    launcher = FileLauncher(
        platform="linux",
        open_url=lambda url: asked.append(url) or True,
        run=lambda command: asked.append(command) or True,
        show_items=lambda item: asked.append(("ShowItems", item)) or True,
    )
    assert launcher.reveal(path)
    assert asked == [("ShowItems", str(path))]
    asked.clear()
    assert launcher.open_file(path)
    assert asked == [QUrl.fromLocalFile(str(path))]
