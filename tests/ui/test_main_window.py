"""The main window against the in-process simulator, driven the way a user does.

Typing goes through ``qtbot.keyClicks``, buttons and boxes are clicked with the mouse, Submit
is also pressed as Ctrl+Enter, and history rows are selected with a click before their context
menu's actions are triggered. Every wait polls with ``asyncio.sleep`` so the qasync loop keeps
serving the window and the simulator.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from kokoon_desktop.api.client import KokoonClient
from kokoon_desktop.api.curl import TOKEN_PLACEHOLDER
from kokoon_desktop.core import human
from kokoon_desktop.core.enums import Category
from kokoon_desktop.core.task_spec import TaskSpec
from kokoon_desktop.paths import profile_paths
from kokoon_desktop.sandbox import DEMO_TOKEN
from kokoon_desktop.services.submitter import INTERRUPTED_MESSAGE, NOT_FOUND_MESSAGE
from kokoon_desktop.storage.history import HistoryEntry, HistoryStore, SubmissionState
from kokoon_desktop.ui.flows.submission import CREDIT_REFRESH_DELAY_MS
from kokoon_desktop.ui.history_model import STATE
from kokoon_desktop.ui.main_window import MainWindow
from kokoon_desktop.ui.messages import Level
from kokoon_desktop.ui.settings_dialog import SettingsDialog
from tests.ui.window_fixtures import (
    DEMO_LABEL,
    HARBOUR,
    STREET,
    WindowHarness,
    background_done,
    cells,
    choose,
    click,
    closes_windows,
    enter_into,
    entry_of,
    make_sandbox,
    notification,
    posts,
    press_ctrl_enter,
    rows,
    select_row,
    shown_message,
    state_text,
    type_into,
    until,
)

UNKNOWN_TEXT = "Unknown — check on server"
DETAIL_BOXES = ("face_enhance", "denoise", "add_noise")


async def open_ready(qtbot: QtBot, harness: WindowHarness) -> MainWindow:
    """A window that has fetched the credit: the session works."""
    win = harness.open_window(qtbot)
    await until(lambda: win.credit_label.text() not in ("Credit: …", ""))
    return win


def history_file(harness: WindowHarness) -> Path:
    return profile_paths(harness.profile_dir).history_file


async def cost_of(harness: WindowHarness, spec: TaskSpec | None) -> Decimal:
    """What the simulator charges for a spec, asked on the side (not through the window)."""
    assert spec is not None
    sandbox = harness.sandbox
    async with KokoonClient(
        token=DEMO_TOKEN, base_url=sandbox.base_url, transport=sandbox.transport()
    ) as api:
        return (await api.quote(spec)).credit


# --- acting ---------------------------------------------------------------------------------


def fill_source(qtbot: QtBot, window: MainWindow, harness: WindowHarness) -> None:
    type_into(qtbot, window.form.vid, harness.vids[HARBOUR])
    assert window.form.spec is not None and window.form.submit.isEnabled()


async def submit_and_wait(
    qtbot: QtBot, window: MainWindow, *, by_keyboard: bool = False
) -> HistoryEntry:
    """Submit the form; the new row once the service's answer (or its absence) is recorded."""
    before = {entry.id for entry in rows(window)}
    if by_keyboard:
        press_ctrl_enter(qtbot, window)
    else:
        click(qtbot, window.form.submit)

    def new_row() -> HistoryEntry | None:
        fresh = [entry for entry in rows(window) if entry.id not in before]
        return fresh[0] if fresh else None

    await until(new_row)
    fresh = new_row()
    assert fresh is not None
    await until(lambda: entry_of(window, fresh.id).state is not SubmissionState.SUBMITTING)
    return entry_of(window, fresh.id)


def action(window: MainWindow, name: str) -> QAction:
    found = window.history_pane.table.findChild(QAction, name)
    assert found is not None, name
    return found


def dismiss_message(qtbot: QtBot, window: MainWindow) -> None:
    if notification(window) is not None:
        click(qtbot, window.notification_bar.close_button)
    assert notification(window) is None


async def recovers(qtbot: QtBot, window: MainWindow) -> HistoryEntry:
    """After a failure the window still works: the next submission goes through."""
    dismiss_message(qtbot, window)
    entry = await submit_and_wait(qtbot, window)
    assert entry.state is SubmissionState.SUBMITTED and entry.tid is not None, entry.message
    said = (Level.INFO, f"Task submitted: {entry.tid}")
    await until(lambda: notification(window) == said)
    await until(lambda: state_text(window, entry.id) == "Done")
    return entry


# --- the window and its controls ------------------------------------------------------------


@closes_windows
async def test_demo_mode_shows_its_badge_and_opens_settings(
    qtbot: QtBot, harness: WindowHarness
) -> None:
    window = await open_ready(qtbot, harness)
    assert window.credit_label.text() == "Credit: 5,000"
    assert window.service_badge.isVisible() and window.service_badge.text() == DEMO_LABEL
    assert "simulator" in window.service_badge.toolTip()
    assert window.sign_in_button.isVisible() and window.sign_in_button.isEnabled()
    assert window.windowTitle() == "Demo — Kokoon Desktop"

    session = window.session
    window.settings_action.trigger()
    dialog = window.findChild(SettingsDialog, "settings_dialog")
    assert dialog is not None and dialog.isVisible()
    click(qtbot, dialog.cancel_button)
    assert not dialog.isVisible()

    click(qtbot, window.sign_in_button)  # the one-click way to enter a real token
    dialogs = [d for d in window.findChildren(SettingsDialog) if d.isVisible()]
    assert len(dialogs) == 1
    dialogs[0].reject()
    await background_done(window)  # a reconnection either dialog had started has run
    assert window.session is session  # cancelled: still the same connection


@closes_windows
async def test_category_rule_disables_ignored_options_and_masks_them(
    qtbot: QtBot, harness: WindowHarness
) -> None:
    window = await open_ready(qtbot, harness)
    form = window.form
    fill_source(qtbot, window, harness)
    for name in (*DETAIL_BOXES, "deinterlace"):
        click(qtbot, form.options[name])
    choose(qtbot, form.category, "Animation")
    for name in DETAIL_BOXES:
        box = form.options[name]
        assert not box.isEnabled() and not box.isChecked()
        assert "ignores" in box.toolTip() and "Animation" in box.toolTip()
    assert form.options["deinterlace"].isEnabled() and form.options["deinterlace"].isChecked()

    choose(qtbot, form.category, "Person")  # the previous choices come back
    assert all(
        form.options[name].isEnabled() and form.options[name].isChecked() for name in DETAIL_BOXES
    )

    choose(qtbot, form.category, "CG")
    entry = await submit_and_wait(qtbot, window)
    assert entry.state is SubmissionState.SUBMITTED
    assert entry.request_body["category"] == "cg"
    assert entry.request_body["option"] == {
        "face_enhance": False, "denoise": False, "deinterlace": True, "add_noise": False
    }  # fmt: skip
    assert cells(window, entry.id)["Category"] == "CG"


@closes_windows
async def test_trim_rule_needs_a_range(qtbot: QtBot, harness: WindowHarness) -> None:
    window = await open_ready(qtbot, harness)
    form, panel = window.form, window.form.range_panel
    fill_source(qtbot, window, harness)
    assert not form.use_trim_orig.isEnabled()
    assert "Choose a range first" in form.use_trim_orig.toolTip()
    enter_into(qtbot, panel.in_point, "00:00:01.000")
    assert form.use_trim_orig.isEnabled()
    click(qtbot, form.use_trim_orig)
    assert form.use_trim_orig.isChecked()

    click(qtbot, panel.whole_file)
    assert not form.use_trim_orig.isEnabled() and not form.use_trim_orig.isChecked()
    assert form.spec is not None and not form.spec.use_trim_orig

    enter_into(qtbot, panel.in_point, "1000")
    enter_into(qtbot, panel.duration, "1500")
    click(qtbot, form.use_trim_orig)
    entry = await submit_and_wait(qtbot, window)
    assert entry.state is SubmissionState.SUBMITTED
    body = entry.request_body
    assert (body["start_pos"], body["duration"], body["use_trim_orig"]) == (1000, 1500, True)
    assert cells(window, entry.id)["Range"] == "00:00:01.000 – 00:00:02.500"


@closes_windows
async def test_invalid_video_id_is_marked_and_nothing_can_be_sent(
    qtbot: QtBot, harness: WindowHarness
) -> None:
    window = await open_ready(qtbot, harness)
    form = window.form
    assert not form.submit.isEnabled()  # nothing chosen yet, nothing shouted
    assert form.vid_message.isHidden()
    qtbot.keyClicks(form.vid, "not-a-video")
    assert not form.vid_message.isHidden() and "not a video ID" in form.vid_message.text()
    assert not form.submit.isEnabled() and form.spec is None
    press_ctrl_enter(qtbot, window)
    click(qtbot, form.submit)
    await background_done(window)
    assert rows(window) == [] and posts(harness.sandbox) == 0

    type_into(qtbot, form.vid, harness.vids[HARBOUR])
    assert form.vid_message.isHidden() and form.submit.isEnabled()


# --- submitting -----------------------------------------------------------------------------


@pytest.fixture
async def clocked(seed_cache: Path, tmp_path: Path) -> AsyncIterator[WindowHarness]:
    """A simulator whose clock only moves when the test says: task steps come on cue."""
    start = time.time()
    sandbox = make_sandbox(seed_cache, tmp_path / "sandbox", time_scale=1.0, clock=lambda: start)
    desk = WindowHarness(sandbox, tmp_path / "profile")
    await desk.load_videos()
    yield desk
    await desk.aclose()


@closes_windows
async def test_submit_shows_the_row_at_once_then_tracks_it_to_done(
    qtbot: QtBot, clocked: WindowHarness
) -> None:
    harness, sandbox = clocked, clocked.sandbox
    window = await open_ready(qtbot, harness)
    fill_source(qtbot, window, harness)
    cost = await cost_of(harness, window.form.spec)
    await until(lambda: window.form.cost.text().startswith("Cost: "))
    assert window.form.cost.text() == f"Cost: {human.credit(cost)} credits · 5,000 left"

    sandbox.faults.add(match="POST /task", slow_s=0.6)  # the answer takes a while
    click(qtbot, window.form.submit)
    await until(lambda: rows(window))
    (entry,) = rows(window)
    # Written before the answer came: the row is there, saying so, and Submit waits.
    assert state_text(window, entry.id) == "Submitting…"
    assert cells(window, entry.id)["Source"] == harness.vids[HARBOUR]
    assert not window.form.submit.isEnabled() and window.form.submit.text() == "Submitting…"
    await until(lambda: window.activity_label.text() == "1 sending")  # the status bar says so
    assert entry_of(window, entry.id).state is SubmissionState.SUBMITTING

    await until(lambda: entry_of(window, entry.id).tid is not None)
    entry = entry_of(window, entry.id)
    assert entry.in_vid == harness.vids[HARBOUR] and entry.out_vid is not None
    assert window.form.submit.isEnabled() and window.form.submit.text() == "Submit"
    said = (Level.INFO, f"Task submitted: {entry.tid}")
    await until(lambda: notification(window) == said)
    assert window.history_pane.selected_entry() == entry_of(window, entry.id)
    await until(
        lambda: window.credit_label.text() == f"Credit: {human.credit(Decimal(5000) - cost)}"
    )
    await until(lambda: state_text(window, entry.id) == "Queued")
    await until(lambda: window.activity_label.text() == "1 task in progress")

    sandbox.advance_clock(2.0 + 1.0 + 0.5 + 1.5)  # queued, preparing, prepared, half the run
    await until(lambda: state_text(window, entry.id) == "Running")
    assert cells(window, entry.id)["Progress"] == "50%"
    sandbox.advance_clock(60)
    await until(lambda: state_text(window, entry.id) == "Done")
    shown = cells(window, entry.id)
    assert (shown["Progress"], shown["Task ID"], shown["Output video"]) == (
        "100%",
        entry.tid,
        entry.out_vid,
    )
    await until(lambda: window.activity_label.text() == "")
    assert posts(sandbox) == 1


@closes_windows
async def test_ctrl_enter_submits(qtbot: QtBot, harness: WindowHarness) -> None:
    window = await open_ready(qtbot, harness)
    fill_source(qtbot, window, harness)
    window.form.range_panel.in_point.setFocus()  # anywhere in the window
    entry = await submit_and_wait(qtbot, window, by_keyboard=True)
    assert entry.state is SubmissionState.SUBMITTED and posts(harness.sandbox) == 1


@closes_windows
async def test_a_second_click_while_sending_sends_nothing(
    qtbot: QtBot, harness: WindowHarness
) -> None:
    window = await open_ready(qtbot, harness)
    sandbox = harness.sandbox
    fill_source(qtbot, window, harness)
    sandbox.faults.add(match="POST /task", slow_s=0.3, times=2)
    click(qtbot, window.form.submit)
    click(qtbot, window.form.submit)  # a double click, before anything ran
    await until(lambda: posts(sandbox) == 1)
    press_ctrl_enter(qtbot, window)  # and the shortcut while the first is on its way
    click(qtbot, window.form.submit)
    await until(lambda: rows(window) and rows(window)[0].state is SubmissionState.SUBMITTED)
    await background_done(window)  # every submission the clicks and keys started has ended
    assert posts(sandbox) == 1 and len(rows(window)) == 1

    # Only the same settings are held back: another task can go while one is being sent.
    click(qtbot, window.form.submit)
    await until(lambda: len(rows(window)) == 2)
    assert not window.form.submit.isEnabled()
    choose(qtbot, window.form.category, "Retro")
    assert window.form.submit.isEnabled()
    click(qtbot, window.form.submit)
    await until(
        lambda: (
            all(e.state is SubmissionState.SUBMITTED for e in rows(window))
            and len(rows(window)) == 3
        )
    )
    assert posts(sandbox) == 3


@closes_windows
async def test_unaffordable_task_asks_first_and_no_sends_nothing(
    qtbot: QtBot, harness: WindowHarness
) -> None:
    window = await open_ready(qtbot, harness)
    sandbox = harness.sandbox
    sandbox.set_credit(1)
    fill_source(qtbot, window, harness)
    await until(lambda: "Not enough credit" in window.form.cost.text())

    def open_box() -> QMessageBox | None:
        shown = [
            box for box in window.findChildren(QMessageBox, "confirm_credit") if box.isVisible()
        ]
        return shown[0] if shown else None

    click(qtbot, window.form.submit)
    await until(open_box)
    box = open_box()
    assert box is not None and "1 are left" in box.text()
    click(qtbot, box.button(QMessageBox.StandardButton.No))
    await background_done(window)
    assert open_box() is None and rows(window) == [] and posts(sandbox) == 0

    click(qtbot, window.form.submit)  # asked again; this time the user insists
    await until(open_box)
    box = open_box()
    assert box is not None
    click(qtbot, box.button(QMessageBox.StandardButton.Yes))
    await until(lambda: rows(window) and rows(window)[0].state is SubmissionState.FAILED)
    assert posts(sandbox) == 1
    assert "Not enough credit: this task needs" in (rows(window)[0].message or "")


# --- failures -------------------------------------------------------------------------------


@closes_windows
async def test_refused_token_fails_the_row_and_signing_in_again_works(
    qtbot: QtBot, harness: WindowHarness
) -> None:
    harness.token = "not-the-simulators-token"
    window = harness.open_window(qtbot)
    await until(lambda: notification(window) is not None)  # the credit could not be fetched
    assert "refused the API token (401)" in shown_message(window)[1]
    fill_source(qtbot, window, harness)
    entry = await submit_and_wait(qtbot, window)
    assert entry.state is SubmissionState.FAILED and state_text(window, entry.id) == "Failed"
    assert "refused the API token (401)" in (entry.message or "")
    level, text = shown_message(window)
    assert level is Level.ERROR
    assert text.startswith("Submission failed: The service refused the API token")
    assert posts(harness.sandbox) == 1

    harness.token = DEMO_TOKEN  # the user signs in with the right token
    await window.replace_session()
    await until(lambda: window.credit_label.text() == "Credit: 5,000")
    await recovers(qtbot, window)
    assert cells(window, entry.id)["State"] == "Failed"  # the failed row stays as it was


@closes_windows
async def test_insufficient_credit_says_needed_and_left(
    qtbot: QtBot, harness: WindowHarness
) -> None:
    window = await open_ready(qtbot, harness)
    fill_source(qtbot, window, harness)
    await until(lambda: window.form.cost.text().startswith("Cost: "))  # affordable when quoted
    cost = await cost_of(harness, window.form.spec)
    harness.sandbox.set_credit(0)
    entry = await submit_and_wait(qtbot, window)
    expected = f"Not enough credit: this task needs {human.credit(cost)}, 0 left."
    assert entry.state is SubmissionState.FAILED and entry.message == expected
    assert notification(window) == (Level.ERROR, f"Submission failed: {expected}")
    model, row = window.history_model, window.history_model.row_of(entry.id)
    assert row is not None
    assert model.index(row, STATE).data(Qt.ItemDataRole.ToolTipRole) == expected  # the reason

    harness.sandbox.set_credit(5000)
    await recovers(qtbot, window)


@dataclass(frozen=True)
class FaultCase:
    """A way ``POST /task`` goes wrong, and what the user must be shown."""

    fault: dict[str, Any]
    state: SubmissionState
    says: str  # in the row's message and the notification
    client_timeout_s: float | None = None
    created: bool = False  # whether the task exists on the server after all


FAULTS = {
    "validation": FaultCase(
        {"status": 400, "message": "start_pos is beyond the end of the video"},
        SubmissionState.FAILED,
        "start_pos is beyond the end of the video",
    ),
    "server error": FaultCase(
        {"status": 503, "message": "down for maintenance"},
        SubmissionState.FAILED,
        "The service failed (503): down for maintenance",
    ),
    "timeout": FaultCase(
        {"slow_s": 1.0}, SubmissionState.UNKNOWN, "may or may not have been created", 0.3, True
    ),
    "garbage body": FaultCase(
        {"garbage": "text"}, SubmissionState.UNKNOWN, "answer could not be read"
    ),
    "dropped after sending": FaultCase(
        {"drop_after": True},
        SubmissionState.UNKNOWN,
        "broke off after the task was sent",
        created=True,
    ),
}


@pytest.mark.parametrize("case", FAULTS.values(), ids=FAULTS.keys())
@closes_windows
async def test_each_failure_is_explained_and_the_window_keeps_working(
    qtbot: QtBot, harness: WindowHarness, case: FaultCase
) -> None:
    if case.client_timeout_s is not None:
        harness.client_timeout = httpx.Timeout(case.client_timeout_s)
    window = await open_ready(qtbot, harness)
    sandbox = harness.sandbox
    fill_source(qtbot, window, harness)
    sandbox.faults.add(match="POST /task", **case.fault)
    entry = await submit_and_wait(qtbot, window)

    assert entry.state is case.state and case.says in (entry.message or "")
    level, text = shown_message(window)
    if case.state is SubmissionState.FAILED:
        assert state_text(window, entry.id) == "Failed"
        assert (level, text) == (Level.ERROR, f"Submission failed: {entry.message}")
    else:
        assert state_text(window, entry.id) == UNKNOWN_TEXT
        assert level is Level.WARNING and case.says in text and "Check on server" in text
    assert posts(sandbox) == 1  # never resent on its own

    if case.state is SubmissionState.UNKNOWN:
        select_row(qtbot, window, entry.id)
        action(window, "history_check").trigger()
        await until(lambda: state_text(window, entry.id) != UNKNOWN_TEXT)
        found = entry_of(window, entry.id)
        if case.created:
            (task,) = (await window.live.connection.client.list_tasks()).tasks
            assert found.state is SubmissionState.SUBMITTED and found.tid == task.tid
            await until(lambda: state_text(window, entry.id) == "Done")
            assert cells(window, entry.id)["Task ID"] == task.tid
        else:
            assert found.state is SubmissionState.FAILED and found.message == NOT_FOUND_MESSAGE
        assert posts(sandbox) == 1  # looked up, not resubmitted

    await recovers(qtbot, window)
    assert posts(sandbox) == 2


@closes_windows
async def test_closing_right_after_a_submission_starts_no_more_work(
    qtbot: QtBot, harness: WindowHarness
) -> None:
    window = await open_ready(qtbot, harness)
    fill_source(qtbot, window, harness)
    await submit_and_wait(qtbot, window)
    await harness.close_window(window)  # before the credit refresh that follows a submission
    asked = len(harness.sandbox.requests)
    await asyncio.sleep(CREDIT_REFRESH_DELAY_MS / 1000 + 0.2)  # no crash report, no request
    assert window.session is None and len(harness.sandbox.requests) == asked


# --- the history ----------------------------------------------------------------------------


async def two_tasks(
    qtbot: QtBot, window: MainWindow, harness: WindowHarness
) -> tuple[HistoryEntry, HistoryEntry]:
    """A person task on the harbour clip and an animation task on the street clip, both done."""
    fill_source(qtbot, window, harness)
    choose(qtbot, window.form.category, "Person")
    first = await submit_and_wait(qtbot, window)
    type_into(qtbot, window.form.vid, harness.vids[STREET])
    choose(qtbot, window.form.category, "Animation")
    second = await submit_and_wait(qtbot, window)
    await until(lambda: {state_text(window, e.id) for e in (first, second)} == {"Done"})
    return entry_of(window, first.id), entry_of(window, second.id)


@closes_windows
async def test_search_filters_the_history(qtbot: QtBot, harness: WindowHarness) -> None:
    window = await open_ready(qtbot, harness)
    person, animation = await two_tasks(qtbot, window, harness)
    search = window.history_pane.search
    qtbot.keyClicks(search, "anim")
    assert [e.id for e in rows(window)] == [animation.id]
    assert window.history_pane.count_label.text() == "1 of 2"
    type_into(qtbot, search, (person.tid or "")[:13])
    assert [e.id for e in rows(window)] == [person.id]
    type_into(qtbot, search, "no such thing")
    assert rows(window) == []
    search.clear()
    assert [e.id for e in rows(window)] == [animation.id, person.id]  # newest first


@closes_windows
async def test_copy_actions_put_the_row_on_the_clipboard(
    qtbot: QtBot, harness: WindowHarness
) -> None:
    window = await open_ready(qtbot, harness)
    _, entry = await two_tasks(qtbot, window, harness)
    clipboard = QApplication.clipboard()
    clipboard.clear()
    select_row(qtbot, window, entry.id)
    action(window, "history_copy_tid").trigger()
    assert clipboard.text() == entry.tid
    action(window, "history_copy_in_vid").trigger()
    assert clipboard.text() == harness.vids[STREET]
    action(window, "history_copy_out_vid").trigger()
    assert clipboard.text() == entry.out_vid
    action(window, "history_copy_json").trigger()
    assert json.loads(clipboard.text()) == dict(entry.request_body)


@closes_windows
async def test_copy_as_curl_has_the_request_and_no_token(
    qtbot: QtBot, harness: WindowHarness
) -> None:
    window = await open_ready(qtbot, harness)
    fill_source(qtbot, window, harness)
    entry = await submit_and_wait(qtbot, window)
    select_row(qtbot, window, entry.id)
    QApplication.clipboard().clear()
    action(window, "history_copy_curl").trigger()
    command = QApplication.clipboard().text()
    assert command.startswith(f"curl -X POST {harness.sandbox.base_url}/task")
    assert TOKEN_PLACEHOLDER in command and DEMO_TOKEN not in command
    payload = command.split(" -d ", 1)[1].strip().strip("'")
    assert json.loads(payload) == dict(entry.request_body)


@closes_windows
async def test_edit_and_resubmit_loads_the_form(qtbot: QtBot, harness: WindowHarness) -> None:
    window = await open_ready(qtbot, harness)
    form = window.form
    fill_source(qtbot, window, harness)
    choose(qtbot, form.category, "Retro")
    choose(qtbot, form.size_preset, "720p")
    choose(qtbot, form.codec, "H.265 (HEVC)")
    choose(qtbot, form.container, "MKV")
    click(qtbot, form.options["denoise"])
    enter_into(qtbot, form.range_panel.in_point, "500")
    enter_into(qtbot, form.range_panel.duration, "2000")
    original = await submit_and_wait(qtbot, window)
    sent = dict(original.request_body)

    # The user moves on to something else...
    choose(qtbot, form.category, "General")
    choose(qtbot, form.size_preset, "1080p (Full HD)")
    click(qtbot, form.range_panel.whole_file)
    assert form.spec is not None and form.spec.to_request_body() != sent
    # ...then picks the old task again.
    select_row(qtbot, window, original.id)
    action(window, "history_resubmit").trigger()
    assert form.category.currentText() == "Retro" and form.codec.currentText() == "H.265 (HEVC)"
    assert form.range_panel.in_point.text() == "00:00:00.500"
    assert form.range_panel.duration.text() == "00:00:02.000"
    assert form.spec is not None and form.spec.to_request_body() == sent
    assert "holds that task's settings" in shown_message(window)[1]

    choose(qtbot, form.input_quality, "High")  # adjusted, then sent
    again = await submit_and_wait(qtbot, window)
    assert dict(again.request_body) == sent | {"input_quality": "high"}
    assert posts(harness.sandbox) == 2


@closes_windows
async def test_remove_from_history(qtbot: QtBot, harness: WindowHarness) -> None:
    window = await open_ready(qtbot, harness)
    fill_source(qtbot, window, harness)
    kept = await submit_and_wait(qtbot, window)
    choose(qtbot, window.form.category, "Animation")
    removed = await submit_and_wait(qtbot, window)
    select_row(qtbot, window, removed.id)
    action(window, "history_remove").trigger()
    assert [e.id for e in rows(window)] == [kept.id]
    assert window.history_pane.count_label.text() == "1"
    await harness.close_window(window)  # gone from the file too, not only from the view
    with HistoryStore(history_file(harness)) as store:
        assert [e.id for e in store.entries()] == [kept.id]


@closes_windows
async def test_a_row_still_being_sent_cannot_be_removed(
    qtbot: QtBot, harness: WindowHarness
) -> None:
    window = await open_ready(qtbot, harness)
    fill_source(qtbot, window, harness)
    harness.sandbox.faults.add(match="POST /task", slow_s=0.4)
    click(qtbot, window.form.submit)
    await until(lambda: rows(window))
    (entry,) = rows(window)
    select_row(qtbot, window, entry.id)
    action(window, "history_remove").trigger()
    assert [e.id for e in rows(window)] == [entry.id]
    level, text = shown_message(window)
    assert level is Level.WARNING and "still being sent" in text
    await until(lambda: rows(window)[0].state is SubmissionState.SUBMITTED)


@closes_windows
async def test_history_survives_a_restart(qtbot: QtBot, harness: WindowHarness) -> None:
    first = await open_ready(qtbot, harness)
    done, _ = await two_tasks(qtbot, first, harness)
    harness.sandbox.faults.add(match="POST /task", status=400, message="no")
    choose(qtbot, first.form.category, "CG")
    failed = await submit_and_wait(qtbot, first)
    await until(lambda: first.live.downloads.in_flight == 0)  # the done task's result is home
    before = [cells(first, entry.id) for entry in rows(first)]
    entries_before = rows(first)
    first.main_splitter.setSizes([500, 300])  # the user gives the history more room
    top, bottom = first.main_splitter.sizes()
    await harness.close_window(first)

    second = await open_ready(qtbot, harness)
    assert [cells(second, entry.id) for entry in rows(second)] == before
    assert [(e.id, e.state, e.tid, e.out_vid, e.step) for e in rows(second)] == [
        (e.id, e.state, e.tid, e.out_vid, e.step) for e in entries_before
    ]
    assert state_text(second, done.id) == "Done" and state_text(second, failed.id) == "Failed"
    # The pane's share of the window is remembered (the default gives it 28 %).
    new_top, new_bottom = second.main_splitter.sizes()
    assert new_bottom / (new_top + new_bottom) == pytest.approx(bottom / (top + bottom), abs=0.02)
    assert posts(harness.sandbox) == 3  # nothing was sent again


@closes_windows
async def test_a_demo_task_of_an_earlier_session_is_said_gone_and_not_counted(
    qtbot: QtBot, harness: WindowHarness
) -> None:
    # The built-in simulator starts afresh each time: a task made before quitting is unknown.
    spec = TaskSpec(vid=harness.vids[HARBOUR], category=Category.PERSON, width=1280, height=720)
    with HistoryStore(history_file(harness)) as store:
        earlier = store.add_submission(
            spec.to_request_body(), source_name=HARBOUR, source_duration_ms=None
        )
        store.mark_submitted(
            earlier.id, tid="00000000-0000-0000-0000-00000000dead", in_vid=None, out_vid=None
        )
    window = await open_ready(qtbot, harness)
    await until(lambda: entry_of(window, earlier.id).step == "unknown")
    assert (entry_of(window, earlier.id).message or "").startswith(
        "The demo service starts afresh each time the app starts"
    )
    await until(lambda: window.activity_label.text() == "")  # not "1 task in progress"


@closes_windows
async def test_start_up_resumes_tracking_and_flags_interrupted_rows(
    qtbot: QtBot, harness: WindowHarness
) -> None:
    sandbox = harness.sandbox
    spec = TaskSpec(vid=harness.vids[HARBOUR], category=Category.PERSON, width=1280, height=720)
    async with KokoonClient(
        token=DEMO_TOKEN, base_url=sandbox.base_url, transport=sandbox.transport()
    ) as api:
        created = await api.create_task(spec)
    # What a previous run left: one task seen running, one request whose answer never came.
    with HistoryStore(history_file(harness)) as store:
        running = store.add_submission(
            spec.to_request_body(), source_name=HARBOUR, source_duration_ms=None
        )
        store.mark_submitted(
            running.id, tid=created.tid, in_vid=created.in_vid, out_vid=created.out_vid
        )
        store.update_task(running.id, step="running", progress=0.25, message=None)
        other = TaskSpec(vid=harness.vids[STREET], category=Category.CG, width=1280, height=720)
        interrupted = store.add_submission(
            other.to_request_body(), source_name=None, source_duration_ms=None
        )
    sandbox.clear_requests()

    window = harness.open_window(qtbot)
    assert (
        state_text(window, running.id) == "Running"
        and cells(window, running.id)["Progress"] == "25%"
    )
    assert state_text(window, interrupted.id) == UNKNOWN_TEXT
    assert entry_of(window, interrupted.id).message == INTERRUPTED_MESSAGE
    await until(lambda: state_text(window, running.id) == "Done")
    assert cells(window, running.id)["Progress"] == "100%"
    assert posts(sandbox) == 0  # the interrupted one waits for "check on server"
