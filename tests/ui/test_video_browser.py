"""The account video browser against the in-process simulator, driven like a user."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Iterator
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog, QMainWindow
from pytestqt.qtbot import QtBot

from kokoon_desktop.api.client import KokoonClient
from kokoon_desktop.core.enums import Category
from kokoon_desktop.core.task_spec import TaskSpec
from kokoon_desktop.sandbox import DEMO_TOKEN, Sandbox, SandboxConfig
from kokoon_desktop.ui.video_browser import VideoBrowserDialog
from kokoon_desktop.ui.video_table_model import VideoColumn

# The simulator's demo clips, newest first (the street clip was uploaded 2 h ago, harbour 26 h).
STREET, HARBOUR = "street_720p_2s.mp4", "harbour_360p_3s.mp4"


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(SandboxConfig(seed_demo_videos=True, time_scale=0.001)) as sb:
        yield sb


@pytest.fixture
async def client(sandbox: Sandbox) -> AsyncIterator[KokoonClient]:
    async with KokoonClient(
        token=DEMO_TOKEN, base_url=sandbox.base_url, transport=sandbox.transport()
    ) as api:
        yield api


async def _until(condition: Callable[[], object], timeout_s: float = 10.0) -> None:
    """Poll without blocking the loop (a blocking qtbot wait would starve asyncio)."""
    deadline = asyncio.get_running_loop().time() + timeout_s
    while not condition():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.01)


@pytest.fixture
def window(qtbot: QtBot) -> QMainWindow:
    """The dialog's parent, as in the app: closing the dialog must not end the application."""
    main = QMainWindow()
    qtbot.addWidget(main)
    main.show()
    return main


def _open(window: QMainWindow, client: KokoonClient, **options: object) -> VideoBrowserDialog:
    dialog = VideoBrowserDialog(client, window, **options)  # type: ignore[arg-type]
    dialog.show()
    return dialog


def _double_click(qtbot: QtBot, dialog: VideoBrowserDialog, row: int) -> None:
    # A real double-click starts with a click; QTest's mouseDClick only sends the second half.
    pos = _row_centre(dialog, row)
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def _names(dialog: VideoBrowserDialog) -> list[str]:
    return [video.filename or "" for video in dialog.model.videos()]


def _video_requests(sandbox: Sandbox) -> list[str]:
    return [r.query for r in sandbox.requests if r.method == "GET" and r.path.endswith("/video")]


def _row_centre(dialog: VideoBrowserDialog, row: int) -> QPoint:
    return dialog.table.visualRect(dialog.model.index(row, 0)).center()


async def test_lists_originals_with_their_details(
    qtbot: QtBot, window: QMainWindow, client: KokoonClient, sandbox: Sandbox
) -> None:
    dialog = _open(window, client)
    await _until(lambda: not dialog.is_loading())
    assert dialog.pages.currentWidget() is dialog.table
    assert _names(dialog) == [STREET, HARBOUR]
    model = dialog.model
    row = [model.index(0, c).data() for c in range(model.columnCount())]
    assert row[model.column_of(VideoColumn.NAME)] == STREET
    assert row[model.column_of(VideoColumn.RESOLUTION)] == "1280 × 720"
    assert row[model.column_of(VideoColumn.FRAME_RATE)] == "29.97 fps"
    assert row[model.column_of(VideoColumn.DURATION)].startswith("0:02.")
    assert row[model.column_of(VideoColumn.SIZE)].endswith(("KB", "MB"))
    assert row[model.column_of(VideoColumn.EXPIRES)].startswith("20")
    assert dialog.table.isColumnHidden(model.column_of(VideoColumn.KIND))
    assert dialog.status.text() == "2 originals"
    query = _video_requests(sandbox)[0]
    assert "orig_type=original" in query and "page_size=50" in query and "page_num=0" in query


async def test_search_is_debounced_and_filtered_by_the_server(
    qtbot: QtBot, window: QMainWindow, client: KokoonClient, sandbox: Sandbox
) -> None:
    dialog = _open(window, client, search_delay_ms=150)
    await _until(lambda: not dialog.is_loading())
    sandbox.clear_requests()
    qtbot.keyClicks(dialog.search, "harb")
    await _until(lambda: _names(dialog) == [HARBOUR])
    queries = _video_requests(sandbox)
    assert len(queries) == 1, "one request for the whole word, not one per keystroke"
    assert "filename=harb" in queries[0]

    dialog.search.clear()
    qtbot.keyClicks(dialog.search, "nothing-like-this")
    await _until(lambda: dialog.empty_title.isVisible())
    assert dialog.empty_title.text() == "No original videos match “nothing-like-this”."
    assert not dialog.choose_button.isEnabled()


async def test_load_more_pages_through_the_list(
    qtbot: QtBot, window: QMainWindow, client: KokoonClient, sandbox: Sandbox
) -> None:
    dialog = _open(window, client, page_size=1)
    await _until(lambda: not dialog.is_loading())
    assert _names(dialog) == [STREET]
    assert (
        dialog.load_more_button.isVisible() and dialog.status.text() == "Showing 1 of 2 originals"
    )
    qtbot.mouseClick(dialog.load_more_button, Qt.MouseButton.LeftButton)
    await _until(lambda: len(_names(dialog)) == 2 and not dialog.is_loading())
    assert _names(dialog) == [STREET, HARBOUR]
    assert not dialog.load_more_button.isVisible()
    assert "page_num=1" in _video_requests(sandbox)[-1]


async def test_server_failure_shows_an_error_and_retry_recovers(
    qtbot: QtBot, window: QMainWindow, client: KokoonClient, sandbox: Sandbox
) -> None:
    sandbox.faults.add(match="GET /video", status=500, message="database on fire", times=1)
    dialog = _open(window, client)
    await _until(lambda: dialog.retry_button.isVisible())
    assert "database on fire" in dialog.error_text.text() and "500" in dialog.error_text.text()
    assert not dialog.choose_button.isEnabled()
    assert dialog.cancel_button.isEnabled(), "the dialog keeps working"

    qtbot.mouseClick(dialog.retry_button, Qt.MouseButton.LeftButton)
    await _until(lambda: dialog.pages.currentWidget() is dialog.table)
    assert _names(dialog) == [STREET, HARBOUR]


async def test_a_failed_next_page_keeps_the_list_and_can_be_tried_again(
    qtbot: QtBot, window: QMainWindow, client: KokoonClient, sandbox: Sandbox
) -> None:
    dialog = _open(window, client, page_size=1)
    await _until(lambda: not dialog.is_loading())
    sandbox.faults.add(match="GET /video", status=500, message="flaky", times=1)
    qtbot.mouseClick(dialog.load_more_button, Qt.MouseButton.LeftButton)
    await _until(lambda: "Could not load more" in dialog.status.text())
    assert _names(dialog) == [STREET] and dialog.load_more_button.isEnabled()
    qtbot.mouseClick(dialog.load_more_button, Qt.MouseButton.LeftButton)
    await _until(lambda: len(_names(dialog)) == 2)


async def test_double_click_chooses_the_video(
    qtbot: QtBot, window: QMainWindow, client: KokoonClient
) -> None:
    dialog = _open(window, client)
    await _until(lambda: not dialog.is_loading())
    _double_click(qtbot, dialog, 1)
    assert dialog.result() == QDialog.DialogCode.Accepted
    chosen = dialog.chosen_video()
    assert chosen is not None and chosen.filename == HARBOUR


async def test_choose_needs_a_selection_and_cancel_returns_nothing(
    qtbot: QtBot, window: QMainWindow, client: KokoonClient
) -> None:
    dialog = _open(window, client)
    await _until(lambda: not dialog.is_loading())
    assert not dialog.choose_button.isEnabled()
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=_row_centre(dialog, 0))
    assert dialog.choose_button.isEnabled()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert dialog.chosen_video() is None


async def test_choose_button_returns_the_selected_video(
    qtbot: QtBot, window: QMainWindow, client: KokoonClient
) -> None:
    dialog = _open(window, client)
    await _until(lambda: not dialog.is_loading())
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=_row_centre(dialog, 0))
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    chosen = dialog.chosen_video()
    assert chosen is not None and chosen.filename == STREET


async def test_sr_results_are_listed_on_request_but_cannot_be_chosen(
    qtbot: QtBot, window: QMainWindow, client: KokoonClient, sandbox: Sandbox
) -> None:
    originals = await client.list_videos()
    source = next(v for v in originals.videos if v.filename == HARBOUR)
    await client.create_task(
        TaskSpec(vid=source.vid, category=Category.GENERAL, width=1280, height=720)
    )
    sandbox.advance_clock(3600)

    dialog = _open(window, client)
    await _until(lambda: not dialog.is_loading())
    assert len(_names(dialog)) == 2
    qtbot.mouseClick(dialog.include_results, Qt.MouseButton.LeftButton)
    await _until(lambda: len(_names(dialog)) == 3 and not dialog.is_loading())
    kind = dialog.model.column_of(VideoColumn.KIND)
    assert not dialog.table.isColumnHidden(kind)
    kinds = [dialog.model.index(row, kind).data() for row in range(3)]
    assert kinds.count("SR result") == 1 and kinds.count("Original") == 2
    assert "orig_type" not in _video_requests(sandbox)[-1]

    result_row = kinds.index("SR result")
    qtbot.mouseClick(
        dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=_row_centre(dialog, result_row)
    )
    assert not dialog.choose_button.isEnabled()
    assert "SR results cannot be processed again" in dialog.status.text()
    _double_click(qtbot, dialog, result_row)
    assert dialog.isVisible() and dialog.chosen_video() is None


async def test_videos_expiring_within_two_days_stand_out(
    qtbot: QtBot, window: QMainWindow, client: KokoonClient
) -> None:
    # Originals are kept 14 days. 11 days 13.5 h from now, the harbour clip (uploaded 26 h
    # ago) has 1 day 8.5 h left and the street clip (uploaded 2 h ago) 2 days 8.5 h.
    later = datetime.now(UTC) + timedelta(days=11, hours=13, minutes=30)
    dialog = _open(window, client, clock=lambda: later)
    await _until(lambda: not dialog.is_loading())
    expires = dialog.model.column_of(VideoColumn.EXPIRES)
    street, harbour = (dialog.model.index(row, expires) for row in range(2))
    assert harbour.data().endswith("(in 1 day 8 h)")
    assert harbour.data(Qt.ItemDataRole.ForegroundRole) is not None
    assert "Expires in" in harbour.data(Qt.ItemDataRole.ToolTipRole)
    assert street.data(Qt.ItemDataRole.ForegroundRole) is None
    assert "(in" not in street.data()
    assert dialog.status.text() == "2 originals · 1 expiring within 2 days"


async def test_closing_cancels_loading(
    qtbot: QtBot, window: QMainWindow, client: KokoonClient, sandbox: Sandbox
) -> None:
    sandbox.faults.add(match="GET /video", slow_s=30, times=1)
    dialog = _open(window, client)
    await _until(lambda: dialog.is_loading() and sandbox.requests)
    assert dialog.pages.currentIndex() != 0  # the loading state, not an empty table
    dialog.reject()
    assert not dialog.is_loading()
    # Let the slow answer come now: a load that was not really cancelled would fill the table.
    sandbox.interrupt_sleeps()
    await _until(lambda: sandbox.requests[-1].status is not None)
    await asyncio.sleep(0)  # anything it would wake runs now
    assert dialog.model.rowCount() == 0


async def test_every_control_has_automation_names(qtbot: QtBot, client: KokoonClient) -> None:
    dialog = VideoBrowserDialog(client)
    qtbot.addWidget(dialog)  # never shown: nothing is loaded
    controls = (
        dialog.search,
        dialog.order,
        dialog.include_results,
        dialog.refresh_button,
        dialog.table,
        dialog.load_more_button,
        dialog.retry_button,
        dialog.cancel_button,
        dialog.choose_button,
    )
    names = [(control.objectName(), control.accessibleName()) for control in controls]
    assert all(name and accessible for name, accessible in names)
    assert len({name for name, _ in names}) == len(names)
