"""The real main window, wired as ``app.py`` wires it, against a simulator the test controls.

:class:`WindowHarness` builds ``MainWindow`` with the app's collaborators (history and settings
stores of a profile folder, a message centre, a session factory) but opens sessions on an
in-process :class:`Sandbox` the test holds, with the client's token and timeout chosen by the
test. Everything it opens it closes: windows (``aclose``), history files, the sandbox.

Two things are tuned for speed, not behaviour (``SessionTuning``): the tracker polls every few
tens of milliseconds (the app waits 2 s before its first poll) and the quote is debounced for
20 ms.
"""

from __future__ import annotations

import asyncio
import functools
import time
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QCheckBox, QComboBox, QWidget
from pytestqt.qtbot import QtBot

from kokoon_desktop.api.client import DEFAULT_TIMEOUT, KokoonClient
from kokoon_desktop.api.models import Video
from kokoon_desktop.api.retry import RetryPolicy
from kokoon_desktop.app import App, parse_args
from kokoon_desktop.paths import profile_paths
from kokoon_desktop.sandbox import DEMO_TOKEN, Sandbox, SandboxConfig
from kokoon_desktop.sandbox.config import API_PREFIX
from kokoon_desktop.services.connection import Connection
from kokoon_desktop.services.session import SessionTuning
from kokoon_desktop.storage.history import HistoryEntry, HistoryStore
from kokoon_desktop.ui.history_model import COLUMNS, ENTRY_ROLE, STATE
from kokoon_desktop.ui.main_window import MainWindow
from kokoon_desktop.ui.messages import Level

#: The simulator's demo clips (640x360, 3 s at 30 fps; 1280x720, 2 s).
HARBOUR, STREET = "harbour_360p_3s.mp4", "street_720p_2s.mp4"
DEMO_LABEL = "Demo — simulated service"
#: Polling and quoting delays of the windows under test.
POLL_FIRST_S, POLL_MAX_S, QUOTE_DEBOUNCE_S = 0.02, 0.1, 0.02


@dataclass
class _Opened:
    window: MainWindow
    history: HistoryStore


@dataclass
class WindowHarness:
    """Opens main windows on profile folders, with sessions on ``sandbox``.

    ``token`` and ``client_timeout`` apply to sessions opened from then on (a window opens
    one when built and one on ``replace_session()``).
    """

    sandbox: Sandbox
    profile_dir: Path
    token: str = DEMO_TOKEN
    #: None: the app's own timeouts.
    client_timeout: httpx.Timeout | None = None
    #: The demo clips' ids by file name (filled by :meth:`load_videos`).
    vids: dict[str, str] = field(default_factory=dict)
    _opened: list[_Opened] = field(default_factory=list)

    async def load_videos(self) -> None:
        """Learn the demo clips' ids the way the app would, then forget those requests."""
        async with KokoonClient(
            token=DEMO_TOKEN, base_url=self.sandbox.base_url, transport=self.sandbox.transport()
        ) as client:
            page = await client.list_videos()
        self.vids = {video.filename or video.vid: video.vid for video in page.videos}
        self.sandbox.clear_requests()

    def open_window(
        self, qtbot: QtBot, profile_dir: Path | None = None, *, output_dir: Path | None = None
    ) -> MainWindow:
        """A shown ``MainWindow`` on ``profile_dir`` (the harness's own by default), built by
        ``App.build_window`` as the app builds it; results go to ``output_dir``, by default a
        folder of the profile (never the user's own Videos folder)."""
        folder = profile_dir or self.profile_dir
        results = output_dir or folder / "results"
        results.mkdir(parents=True, exist_ok=True)
        argv = ["--profile-dir", str(folder), "--output-dir", str(results)]
        paths = profile_paths(folder)
        paths.ensure()
        context = App(
            parse_args(argv),
            paths,
            connect=lambda _settings: self._connection(),
            tuning=SessionTuning(
                poll_first_s=POLL_FIRST_S,
                poll_max_s=POLL_MAX_S,
                quote_debounce_s=QUOTE_DEBOUNCE_S,
            ),
        )
        # As the app does it: quitting is the app's to decide, not Qt's on the last window
        # closed (that would stop the loop under a test that restarts the window).
        QApplication.setQuitOnLastWindowClosed(False)
        window = context.build_window(connect_now=False)
        qtbot.addWidget(window)
        self._opened.append(_Opened(window, context.history))
        window.show()
        window.activateWindow()
        window.start()
        return window

    def _connection(self) -> Connection:
        client = KokoonClient(
            token=self.token,
            base_url=self.sandbox.base_url,
            transport=self.sandbox.transport(),
            timeout=self.client_timeout or DEFAULT_TIMEOUT,
            retry=RetryPolicy(base_delay_s=0.01),
        )
        return Connection(client=client, is_demo=True, label=DEMO_LABEL, sandbox=self.sandbox)

    async def close_window(self, window: MainWindow) -> None:
        """Close as the app does at exit: the window, its session, then its history file."""
        for opened in list(self._opened):
            if opened.window is window:
                self._opened.remove(opened)
                await window.aclose()
                window.close()
                opened.history.close()

    async def close_windows(self) -> None:
        for opened in list(self._opened):
            await self.close_window(opened.window)

    async def aclose(self) -> None:
        await self.close_windows()
        self.sandbox.close()
        QApplication.setQuitOnLastWindowClosed(True)  # Qt's default, for the tests that follow


def make_sandbox(
    seed_cache: Path,
    data_dir: Path,
    *,
    time_scale: float = 0.02,
    clock: Callable[[], float] = time.time,
) -> Sandbox:
    """A simulator with the demo clips; its data folder survives ``close()`` (each window's
    connection closes the sandbox it was given, and a restarted window uses it again)."""
    return Sandbox(
        SandboxConfig(
            seed_demo_videos=True,
            seed_cache_dir=seed_cache,
            data_dir=data_dir,
            time_scale=time_scale,
            clock=clock,
        )
    )


def closes_windows(
    test: Callable[..., Coroutine[Any, Any, None]],
) -> Callable[..., Coroutine[Any, Any, None]]:
    """End the test with its harness's windows closed, while the asyncio loop still runs.

    pytest-qt processes Qt events right after a test and before its fixtures are torn down,
    outside the asyncio loop: a poll, a quote or a timer falling due then would run with no
    loop. Windows are therefore opened in the test body and closed by this wrapper.
    """

    @functools.wraps(test)
    async def run(*args: Any, **kwargs: Any) -> None:
        try:
            await test(*args, **kwargs)
        finally:
            for value in kwargs.values():
                if isinstance(value, WindowHarness):
                    await value.close_windows()

    return run


# --- waiting and acting like a user ---------------------------------------------------------


async def until(condition: Callable[[], object], within_s: float = 5.0) -> None:
    """Let the loop run until ``condition()`` holds (no blocking qtbot wait: it would starve
    asyncio); fail after ``within_s`` seconds."""
    async with asyncio.timeout(within_s):
        while not condition():  # noqa: ASYNC110 - state with no event to wait on
            await asyncio.sleep(0.01)


async def upload(window: MainWindow, path: Path) -> Video | None:
    """Upload ``path`` as the source and wait until its frames are counted too."""
    video = await window.upload.upload_file(path)
    if window.upload.counting is not None:
        await asyncio.wait([window.upload.counting])
    return video


async def background_done(window: MainWindow) -> None:
    """Wait until the background work the window has started has ended.

    The window starts all of it (a submission, a reconnection, a credit refresh) through its
    ``SessionHost``, at once when a click or a key asks for it: with none left running, what
    the clicks so far set going has happened, and a test can check it was nothing it should
    not be (a second request, say).
    """
    await until(lambda: not window.host._tasks)


def click(qtbot: QtBot, button: QAbstractButton) -> None:
    if isinstance(button, QCheckBox):
        # On the box itself: the widget's centre may be empty space right of a short label.
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))
    else:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def choose(qtbot: QtBot, combo: QComboBox, label: str) -> None:
    """Pick an item with the arrow keys, as a user tabbing through the form does."""
    target = combo.findText(label)
    assert target >= 0, f"{combo.objectName()} has no item {label!r}"
    combo.setFocus()
    key = Qt.Key.Key_Down if target > combo.currentIndex() else Qt.Key.Key_Up
    for _ in range(combo.count()):
        if combo.currentIndex() == target:
            return
        qtbot.keyClick(combo, key)
    raise AssertionError(f"the arrow keys did not reach {label!r} in {combo.objectName()}")


def type_into(qtbot: QtBot, field_widget: QWidget, text: str) -> None:
    """Select what the field holds and type over it."""
    field_widget.setFocus()
    qtbot.keyClick(field_widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(field_widget, Qt.Key.Key_Delete)
    qtbot.keyClicks(field_widget, text)


def enter_into(qtbot: QtBot, field_widget: QWidget, text: str) -> None:
    """Type over what the field holds and press Enter, as a user applies a time."""
    type_into(qtbot, field_widget, text)
    qtbot.keyClick(field_widget, Qt.Key.Key_Return)


def press_ctrl_enter(qtbot: QtBot, window: MainWindow) -> None:
    target = window.focusWidget() or window.form.vid
    qtbot.keyClick(target, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


# --- reading the window ---------------------------------------------------------------------


def posts(sandbox: Sandbox) -> int:
    """How many ``POST /task`` the simulator received."""
    path = API_PREFIX + "/task"
    return sum(1 for r in sandbox.requests if r.method == "POST" and r.path == path)


def rows(window: MainWindow) -> list[HistoryEntry]:
    """The history rows as the table shows them, top to bottom."""
    model = window.history_model
    return [model.index(row, 0).data(ENTRY_ROLE) for row in range(model.rowCount())]


def cells(window: MainWindow, entry_id: int) -> dict[str, str]:
    """A row's cells by column title."""
    model = window.history_model
    row = model.row_of(entry_id)
    assert row is not None, f"history row {entry_id} is not shown"
    return {title: model.index(row, col).data() for col, title in enumerate(COLUMNS)}


def entry_of(window: MainWindow, entry_id: int) -> HistoryEntry:
    """A row's entry as the window has it now."""
    found = window.history_model.entry(entry_id)
    assert found is not None, f"history row {entry_id} is not in the window"
    return found


def state_text(window: MainWindow, entry_id: int) -> str:
    model = window.history_model
    row = model.row_of(entry_id)
    return "" if row is None else str(model.index(row, STATE).data())


def notification(window: MainWindow) -> tuple[Level, str] | None:
    """The message the notification bar shows, or None when it is hidden."""
    message = window.notification_bar.current()
    if message is None or window.notification_bar.isHidden():
        return None
    return message.level, window.notification_bar.text_label.text()


def shown_message(window: MainWindow) -> tuple[Level, str]:
    """The message on screen; fails when there is none."""
    shown = notification(window)
    assert shown is not None, "the notification bar shows nothing"
    return shown


def select_row(qtbot: QtBot, window: MainWindow, entry_id: int) -> None:
    """Click the row, as before opening its context menu."""
    table = window.history_pane.table
    row = window.history_model.row_of(entry_id)
    assert row is not None
    table.scrollTo(window.history_model.index(row, 0))
    rect = table.visualRect(window.history_model.index(row, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.history_pane.selected_entry() is not None
