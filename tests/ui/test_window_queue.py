"""The queue in the window, driven as a user does, against the simulator.

Ranges are marked on the timeline and added with Ctrl+B, files are dropped on the queue and
uploaded two at a time, history rows come back as items; items are reordered, edited and
priced against the credit (a queue it cannot cover asks first), given a preset; Submit all
sends them a few at a time, each once (a lost answer is looked for on the server, never
resent), items added meanwhile join, and a window closed half-way through reopens with every
item present once. Removing an item whose file is uploading cancels the upload.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from kokoon_desktop.api.client import KokoonClient
from kokoon_desktop.api.filters import TaskFilter
from kokoon_desktop.core import human
from kokoon_desktop.core.timeline import Marks
from kokoon_desktop.sandbox import DEMO_TOKEN
from kokoon_desktop.sandbox.faults import FaultRule
from kokoon_desktop.sandbox.media import write_clip
from kokoon_desktop.storage.queue_store import QueueItem, QueueState
from kokoon_desktop.ui.main_window import MainWindow
from kokoon_desktop.ui.queue_pane import COLUMNS, ITEM_ROLE
from kokoon_desktop.ui.task_form import SourceInfo
from tests.ui.window_fixtures import (
    HARBOUR,
    WindowHarness,
    choose,
    click,
    closes_windows,
    posts,
    rows,
    select_row,
    shown_message,
    until,
)


async def ready(qtbot: QtBot, harness: WindowHarness) -> MainWindow:
    """The demo clip chosen as the source, the queue's tab in front."""
    window = harness.open_window(qtbot)
    await until(lambda: window.credit_label.text() not in ("Credit: …", ""))
    session = window.session
    assert session is not None
    video = await session.connection.client.get_video(harness.vids[HARBOUR])
    window.form.set_source(SourceInfo.from_video(video))
    await until(lambda: window.form.spec is not None and window.timeline.isEnabled())
    window.bottom_tabs.setCurrentWidget(window.queue_pane)
    return window


def items(window: MainWindow) -> list[QueueItem]:
    model = window.queue_model
    return [model.index(row, 0).data(ITEM_ROLE) for row in range(model.rowCount())]


def shown(window: MainWindow, row: int) -> dict[str, str]:
    model = window.queue_model
    return {title: model.index(row, col).data() for col, title in enumerate(COLUMNS)}


def select_items(qtbot: QtBot, window: MainWindow, *rows_: int) -> None:
    table = window.queue_pane.table
    for number, row in enumerate(rows_):
        rect = table.visualRect(window.queue_model.index(row, 1))
        modifier = Qt.KeyboardModifier.ControlModifier if number else Qt.KeyboardModifier.NoModifier
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def mark_and_add(qtbot: QtBot, window: MainWindow, first: int, last: int) -> None:
    """Mark In and Out, press Ctrl+B, as an editor does between two marks."""
    window.timeline.set_marks(Marks(window.timeline.total_frames).set_in(first).set_out(last))
    qtbot.keyClick(window.timeline, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)


def counting(target: Any, name: str) -> list[int]:
    """Wrap an async method of ``target`` so the most calls at once can be read: [now, most]."""
    original: Callable[..., Awaitable[Any]] = getattr(target, name)
    seen = [0, 0]

    async def wrapped(*args: Any, **kwargs: Any) -> Any:
        seen[0] += 1
        seen[1] = max(seen[1], seen[0])
        try:
            await asyncio.sleep(0.05)
            return await original(*args, **kwargs)
        finally:
            seen[0] -= 1

    setattr(target, name, wrapped)
    return seen


def heard(window: MainWindow) -> list[str]:
    """Every message the window posts from now on."""
    said: list[str] = []
    post = window.messages.post

    def kept(message: Any) -> Any:
        said.append(message.text)
        return post(message)

    window.messages.post = kept  # type: ignore[method-assign]
    return said


async def server_tasks(harness: WindowHarness) -> int:
    async with KokoonClient(
        token=DEMO_TOKEN, base_url=harness.sandbox.base_url, transport=harness.sandbox.transport()
    ) as client:
        page = await client.list_tasks(TaskFilter(page_size=100, page_num=0))
    return len(page.tasks)


async def server_credit(harness: WindowHarness) -> Decimal:
    async with KokoonClient(
        token=DEMO_TOKEN, base_url=harness.sandbox.base_url, transport=harness.sandbox.transport()
    ) as client:
        return (await client.get_credit()).credit


@closes_windows
async def test_ranges_added_with_ctrl_b_are_reordered_edited_and_priced(
    qtbot: QtBot, harness: WindowHarness
) -> None:
    window = await ready(qtbot, harness)
    pane = window.queue_pane
    mark_and_add(qtbot, window, 30, 59)
    await until(lambda: len(items(window)) == 1)
    assert shown_message(window)[1].startswith("Added 00:00:01:00 – 00:00:01:29 of ")
    mark_and_add(qtbot, window, 60, 89)
    await until(lambda: len(items(window)) == 2)
    assert [shown(window, row)["Range"] for row in (0, 1)] == [
        "00:00:01:00 – 00:00:01:29",
        "00:00:02:00 – 00:00:02:29",
    ]
    assert shown(window, 0)["Source"] == HARBOUR
    # Without a range, Ctrl+B says what to do.
    window.timeline.set_marks(Marks(window.timeline.total_frames))
    qtbot.keyClick(window.timeline, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert "Mark In and Out" in shown_message(window)[1]
    click(qtbot, pane.add_form)  # the whole file, as the form says
    await until(lambda: len(items(window)) == 3)
    assert shown(window, 2)["Range"] == "Whole file"
    # The total against the credit, each item's cost beside it.
    await until(lambda: "items to send" in pane.total.text() and "left" in pane.total.text())
    await until(lambda: all(shown(window, row)["Cost"] for row in range(3)))
    assert pane.total.text().startswith("3 items to send: ")
    # Reorder: the whole file to the top.
    select_items(qtbot, window, 2)
    click(qtbot, pane.move_up)
    click(qtbot, pane.move_up)
    assert shown(window, 0)["Range"] == "Whole file"
    assert not pane.move_up.isEnabled() and pane.move_down.isEnabled()  # at the top
    # Edit: the item opens in the form; Update item keeps the change.
    select_items(qtbot, window, 1)
    assert pane.edit.isEnabled() and not pane.update_item.isEnabled()
    click(qtbot, pane.edit)
    assert window.form.spec is not None and window.form.spec.start_pos == 1000
    choose(qtbot, window.form.category, "Animation")
    click(qtbot, pane.update_item)
    assert items(window)[1].settings["category"] == "animation"
    assert shown(window, 1)["Settings"].startswith("Animation")
    # Duplicate and remove.
    select_items(qtbot, window, 1)
    click(qtbot, pane.duplicate)
    assert len(items(window)) == 4
    select_items(qtbot, window, 3)
    click(qtbot, pane.remove)
    assert len(items(window)) == 3
    assert posts(harness.sandbox) == 0  # nothing was sent


@closes_windows
async def test_submit_all_sends_each_item_once_a_few_at_a_time_and_retries(
    qtbot: QtBot, harness: WindowHarness
) -> None:
    window = await ready(qtbot, harness)
    pane = window.queue_pane
    for first in range(0, 80, 10):
        mark_and_add(qtbot, window, first, first + 9)
    await until(lambda: len(items(window)) == 8)
    pane.concurrency.setValue(3)
    said = heard(window)
    session = window.session
    assert session is not None
    at_once = counting(session.connection.client, "create_task")
    # The third request is refused, the fifth loses its answer.
    harness.sandbox.faults.add(FaultRule(match="POST /task", times=1, status=400, message="Nope"))
    await until(lambda: pane.submit_all.isEnabled())
    click(qtbot, pane.submit_all)
    await until(lambda: all(item.state not in _MOVING for item in items(window)), within_s=15)
    assert at_once[1] == 3  # bounded by the setting
    states = [item.state for item in items(window)]
    assert states.count(QueueState.SENT) == 7 and states.count(QueueState.FAILED) == 1
    failed = next(row for row, item in enumerate(items(window)) if item.state is QueueState.FAILED)
    assert "Nope" in shown(window, failed)["State"]
    # Every item's row is in the history, each with its own task.
    tids = {item.tid for item in items(window) if item.tid}
    assert len(tids) == 7 and tids <= {entry.tid for entry in rows(window)}
    # One notification for the batch, once its tasks are done.
    await until(lambda: any("Batch finished" in text for text in said), within_s=20)
    assert [text for text in said if "Batch finished" in text] == [
        "Batch finished: 7 done, 1 failed."
    ]
    # Each sent item says where its task stands, as the history does.
    sent_rows = [row for row, item in enumerate(items(window)) if item.state is QueueState.SENT]
    await until(
        lambda: all(shown(window, row)["State"].startswith("Sent · Done") for row in sent_rows)
    )
    # Retry sends the failed one again.
    harness.sandbox.faults.add(FaultRule(match="POST /task", times=1, drop_after=True))
    select_items(qtbot, window, failed)
    click(qtbot, pane.retry)
    await until(lambda: items(window)[failed].state is QueueState.UNKNOWN)
    sent_before = posts(harness.sandbox)
    # Unknown: Retry looks for it on the server and does not send it again. (Retry is enabled
    # once the item's send has wound down, a moment after its state shows.)
    select_items(qtbot, window, failed)
    await until(pane.retry.isEnabled)
    click(qtbot, pane.retry)
    await until(lambda: items(window)[failed].state is QueueState.SENT)
    assert posts(harness.sandbox) == sent_before
    assert await server_tasks(harness) == 8


_MOVING = (QueueState.WAITING, QueueState.SENDING, QueueState.UPLOADING)


@closes_windows
async def test_a_window_closed_mid_batch_reopens_with_every_item_once(
    qtbot: QtBot, harness: WindowHarness
) -> None:
    window = await ready(qtbot, harness)
    for first in range(0, 60, 10):
        mark_and_add(qtbot, window, first, first + 9)
    await until(lambda: len(items(window)) == 6)
    window.queue_pane.concurrency.setValue(2)
    harness.sandbox.faults.add(FaultRule(match="POST /task", times=None, slow_s=0.4))
    click(qtbot, window.queue_pane.submit_all)
    await until(lambda: sum(item.state is QueueState.SENT for item in items(window)) >= 2)
    await harness.close_window(window)
    harness.sandbox.faults.clear()

    again = harness.open_window(qtbot)
    await until(lambda: again.session is not None and again.queue_pane.submit_all.isEnabled())
    again.bottom_tabs.setCurrentWidget(again.queue_pane)
    reopened = items(again)
    assert len(reopened) == 6 and len({item.id for item in reopened}) == 6
    assert QueueState.SENDING not in {item.state for item in reopened}
    click(qtbot, again.queue_pane.submit_all)  # sends the waiting, checks the unknown
    await until(lambda: all(i.state not in _MOVING for i in items(again)), within_s=15)
    await until(lambda: QueueState.UNKNOWN not in {i.state for i in items(again)})
    for row, item in enumerate(items(again)):  # an interrupted one never created is retried
        if item.state is QueueState.FAILED:
            select_items(qtbot, again, row)
            await until(again.queue_pane.retry.isEnabled)
            click(qtbot, again.queue_pane.retry)
    await until(lambda: all(i.state is QueueState.SENT for i in items(again)), within_s=15)
    assert len({item.tid for item in items(again)}) == 6
    await until(
        lambda: all(shown(again, row)["State"].startswith("Sent · Done") for row in range(6))
    )
    assert await server_tasks(harness) == 6


@closes_windows
async def test_files_dropped_on_the_queue_upload_two_at_a_time(
    qtbot: QtBot, harness: WindowHarness, tmp_path: Path
) -> None:
    window = await ready(qtbot, harness)
    folder = tmp_path / "rushes"
    folder.mkdir()
    for number in range(4):
        write_clip(folder / f"take {number}.mp4", width=64, height=64, seconds=0.5)
    session = window.session
    assert session is not None
    at_once = counting(session.connection.client, "upload_video")
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(folder))])
    pane = window.queue_pane
    drop = QDropEvent(
        QPointF(QPoint(20, 20)),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    pane.dropEvent(drop)  # as Qt hands it over at the end of a drag
    assert [item.source_name for item in items(window)] == [f"take {n}.mp4" for n in range(4)]
    await until(lambda: all(item.state is QueueState.WAITING for item in items(window)), 15)
    assert at_once[1] == 2
    assert all(item.vid and item.source_size == (64, 64) for item in items(window))
    await until(lambda: "4 items to send" in pane.total.text())


@closes_windows
async def test_history_rows_come_back_as_items(qtbot: QtBot, harness: WindowHarness) -> None:
    window = await ready(qtbot, harness)
    window.bottom_tabs.setCurrentWidget(window.history_pane)
    window.timeline.set_marks(Marks(window.timeline.total_frames).set_in(15).set_out(44))
    click(qtbot, window.form.submit)
    await until(lambda: len(rows(window)) == 1 and rows(window)[0].tid is not None)
    entry = rows(window)[0]
    select_row(qtbot, window, entry.id)
    assert window.queue_pane.add_history.isEnabled()
    click(qtbot, window.queue_pane.add_history)
    (item,) = items(window)
    assert (item.vid, item.start_pos, item.duration) == (
        entry.request_body["vid"],
        entry.request_body["start_pos"],
        entry.request_body["duration"],
    )
    assert item.settings["size"] == f"{entry.width}x{entry.height}"


def open_box(window: MainWindow, name: str) -> QMessageBox | None:
    shown_boxes = [box for box in window.findChildren(QMessageBox, name) if box.isVisible()]
    return shown_boxes[0] if shown_boxes else None


@closes_windows
async def test_a_queue_the_credit_cannot_cover_asks_first(
    qtbot: QtBot, harness: WindowHarness
) -> None:
    harness.sandbox.set_credit(1)
    window = await ready(qtbot, harness)
    pane = window.queue_pane
    mark_and_add(qtbot, window, 0, 29)
    mark_and_add(qtbot, window, 30, 59)
    await until(lambda: "Not enough credit" in pane.total.text())
    assert "1 left" in pane.total.text()

    click(qtbot, pane.submit_all)
    await until(lambda: open_box(window, "confirm_queue_credit"))
    box = open_box(window, "confirm_queue_credit")
    assert box is not None and "1 are left" in box.text()
    click(qtbot, box.button(QMessageBox.StandardButton.No))
    await until(lambda: open_box(window, "confirm_queue_credit") is None)
    assert posts(harness.sandbox) == 0
    assert [item.state for item in items(window)] == [QueueState.WAITING] * 2

    click(qtbot, pane.submit_all)  # asked again; this time the user insists
    await until(lambda: open_box(window, "confirm_queue_credit"))
    box = open_box(window, "confirm_queue_credit")
    assert box is not None
    click(qtbot, box.button(QMessageBox.StandardButton.Yes))
    # The credit covers one of the two: the other is refused by the service, with its reason.
    await until(lambda: all(item.state not in _MOVING for item in items(window)), 15)
    assert posts(harness.sandbox) == 2
    states = [item.state for item in items(window)]
    assert sorted(states) == sorted([QueueState.SENT, QueueState.FAILED])
    failed = states.index(QueueState.FAILED)
    assert "Not enough credit" in shown(window, failed)["State"]


@closes_windows
async def test_a_preset_given_and_items_added_while_sending_are_sent_once(
    qtbot: QtBot, harness: WindowHarness
) -> None:
    window = await ready(qtbot, harness)
    pane = window.queue_pane
    for first in (0, 20, 40):
        mark_and_add(qtbot, window, first, first + 19)
    await until(lambda: len(items(window)) == 3)
    # A preset given to the first item replaces its settings; the others keep the form's.
    select_items(qtbot, window, 0)
    choose(qtbot, pane.preset, "Animation 2x")
    click(qtbot, pane.apply_preset)
    assert items(window)[0].preset == "Animation 2x"
    assert items(window)[0].settings["category"] == "animation"
    assert shown(window, 0)["Settings"].startswith("Animation 2x: ")
    assert items(window)[1].preset is None

    pane.concurrency.setValue(1)
    harness.sandbox.faults.add(FaultRule(match="POST /task", times=None, slow_s=0.3))
    click(qtbot, pane.submit_all)
    await until(lambda: any(item.state is QueueState.SENDING for item in items(window)))
    mark_and_add(qtbot, window, 60, 79)  # added while the queue is being sent
    await until(lambda: len(items(window)) == 4)
    await until(lambda: all(item.state is QueueState.SENT for item in items(window)), 20)
    harness.sandbox.faults.clear()
    tids = [item.tid for item in items(window)]
    assert len(set(tids)) == 4 and posts(harness.sandbox) == 4
    assert await server_tasks(harness) == 4
    by_tid = {entry.tid: entry for entry in rows(window)}
    assert by_tid[tids[0]].request_body["category"] == "animation"
    assert by_tid[tids[3]].request_body["start_pos"] == 2000
    # The credit the tasks took is read again: the status bar and the form's cost line agree.
    left = human.credit(await server_credit(harness))
    await until(lambda: window.credit_label.text() == f"Credit: {left}")
    assert f"{left} left" in window.form.cost.text()


@closes_windows
async def test_removing_an_item_while_its_file_uploads_cancels_the_upload(
    qtbot: QtBot, harness: WindowHarness, tmp_path: Path
) -> None:
    window = await ready(qtbot, harness)
    session = window.session
    assert session is not None
    started = asyncio.Event()
    cancelled: list[bool] = []

    async def held(*_args: Any, **_kwargs: Any) -> Any:
        started.set()
        try:
            await asyncio.Event().wait()  # an upload that takes its time
        except asyncio.CancelledError:
            cancelled.append(True)
            raise

    session.connection.client.upload_video = held  # type: ignore[method-assign]
    clip = tmp_path / "take.mp4"
    write_clip(clip, width=64, height=64, seconds=0.5)
    window.queue.add_paths([clip])
    await started.wait()
    assert items(window)[0].state is QueueState.UPLOADING
    select_items(qtbot, window, 0)
    assert window.queue_pane.remove.isEnabled()
    click(qtbot, window.queue_pane.remove)
    await until(lambda: cancelled == [True])
    assert items(window) == []
