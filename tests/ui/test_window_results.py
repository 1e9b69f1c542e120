"""Results coming home in the window, driven as a user does, against the simulator.

The task is submitted with the form; the result lands in ``--output-dir`` by itself (or with
Ctrl+D when automatic download is off), the Result column says where it stands, Open and Reveal
ask the platform through a seam, a downloaded row dragged out is its file, rows about to expire
are highlighted and said at start-up, and the account's tasks join the history on Refresh.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from kokoon_desktop.api.client import KokoonClient
from kokoon_desktop.core.enums import Category
from kokoon_desktop.core.task_spec import TaskSpec
from kokoon_desktop.paths import profile_paths
from kokoon_desktop.sandbox import DEMO_TOKEN
from kokoon_desktop.sandbox.faults import FaultRule
from kokoon_desktop.services.sidecar import sidecar_path
from kokoon_desktop.storage.history import HistoryEntry, ResultState, SubmissionState
from kokoon_desktop.storage.settings import SettingsStore
from kokoon_desktop.ui.desktop_integration import FileLauncher
from kokoon_desktop.ui.history_model import RESULT
from kokoon_desktop.ui.main_window import MainWindow
from tests.ui.window_fixtures import (
    HARBOUR,
    WindowHarness,
    cells,
    click,
    closes_windows,
    entry_of,
    notification,
    rows,
    select_row,
    shown_message,
    type_into,
    until,
)


async def open_ready(qtbot: QtBot, harness: WindowHarness, out: Path | None) -> MainWindow:
    window = harness.open_window(qtbot, output_dir=out)
    await until(lambda: window.credit_label.text() not in ("Credit: …", ""))
    return window


async def submit_from_form(qtbot: QtBot, window: MainWindow, harness: WindowHarness) -> int:
    """Type the demo clip's ID, submit with the mouse; the new row's id once it is sent."""
    type_into(qtbot, window.form.vid, harness.vids[HARBOUR])
    await until(lambda: window.form.submit.isEnabled())
    before = {entry.id for entry in rows(window)}
    click(qtbot, window.form.submit)
    await until(lambda: any(entry.id not in before for entry in rows(window)))
    (fresh,) = [entry for entry in rows(window) if entry.id not in before]
    await until(lambda: entry_of(window, fresh.id).state is SubmissionState.SUBMITTED)
    return fresh.id


def downloaded(window: MainWindow, entry_id: int) -> bool:
    return entry_of(window, entry_id).result_state is ResultState.DOWNLOADED


def action(window: MainWindow, name: str) -> QAction:
    found = window.history_pane.table.findChild(QAction, f"history_{name}")
    assert found is not None, name
    return found


async def downloaded_result(
    qtbot: QtBot, harness: WindowHarness, out: Path
) -> tuple[MainWindow, int, Path]:
    """A window whose task was submitted from the form and whose result is now in ``out``."""
    out.mkdir()
    window = await open_ready(qtbot, harness, out)
    entry_id = await submit_from_form(qtbot, window, harness)
    await until(lambda: downloaded(window, entry_id), within_s=15)
    return window, entry_id, Path(entry_of(window, entry_id).result_path or "")


def no_auto_download(harness: WindowHarness) -> None:
    paths = profile_paths(harness.profile_dir)
    paths.ensure()
    SettingsStore(paths.settings_file).update(auto_download=False)


@closes_windows
async def test_a_done_task_downloads_by_itself_to_the_output_dir(
    qtbot: QtBot, harness: WindowHarness, tmp_path: Path
) -> None:
    out = tmp_path / "results"
    window, entry_id, path = await downloaded_result(qtbot, harness, out)
    entry = entry_of(window, entry_id)
    assert path.parent == out and path.is_file()
    assert cells(window, entry_id)["Result"] == "Downloaded"
    sidecar = json.loads(sidecar_path(path).read_text())
    assert sidecar["request_body"] == dict(entry.request_body)
    assert sidecar["task"]["tid"] == entry.tid
    # One notification for the batch, in the message bar where there is no tray.
    await until(lambda: "1 result downloaded" in str(notification(window)))
    # The row dragged out of the history is the file, as a URL a file manager takes.
    row = window.history_model.row_of(entry_id)
    assert row is not None
    data = window.history_model.mimeData([window.history_model.index(row, 0)])
    assert data.urls() == [QUrl.fromLocalFile(str(path))]


@closes_windows
async def test_ctrl_d_downloads_when_automatic_download_is_off(
    qtbot: QtBot, harness: WindowHarness, tmp_path: Path
) -> None:
    no_auto_download(harness)
    out = tmp_path / "results"
    out.mkdir()
    window = await open_ready(qtbot, harness, out)
    entry_id = await submit_from_form(qtbot, window, harness)
    await until(lambda: entry_of(window, entry_id).is_done, within_s=15)
    await until(lambda: entry_of(window, entry_id).expires_at is not None)
    assert cells(window, entry_id)["Result"] == "Not downloaded"
    assert list(out.iterdir()) == []
    select_row(qtbot, window, entry_id)
    QTest.keyClick(window.history_pane.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    await until(lambda: downloaded(window, entry_id), within_s=10)
    assert Path(entry_of(window, entry_id).result_path or "").parent == out


@closes_windows
async def test_open_and_reveal_ask_the_platform(
    qtbot: QtBot, harness: WindowHarness, tmp_path: Path
) -> None:
    window, entry_id, path = await downloaded_result(qtbot, harness, tmp_path / "results")
    asked: list[object] = []
    for platform, expected in (
        ("darwin", ["open", "-R", str(path)]),
        ("win32", ["explorer", f"/select,{path}"]),
    ):
        asked.clear()
        window.results.launcher = FileLauncher(
            platform=platform, open_url=lambda url: asked.append(url) or True,
            run=lambda command: asked.append(command) or True,
            show_items=lambda item: asked.append(item) or True,
        )  # fmt: skip
        select_row(qtbot, window, entry_id)
        action(window, "reveal").trigger()
        assert asked == [expected]
    asked.clear()
    window.results.launcher = FileLauncher(
        platform="linux", open_url=lambda url: asked.append(url) or True,
        run=lambda command: asked.append(command) or True,
        show_items=lambda item: False,  # no FileManager1 on this desktop: the folder opens
    )  # fmt: skip
    action(window, "reveal").trigger()
    assert asked == [QUrl.fromLocalFile(str(path.parent))]
    asked.clear()
    action(window, "open").trigger()
    assert asked == [QUrl.fromLocalFile(str(path))]


@closes_windows
async def test_a_moved_result_is_missing_and_cannot_be_opened(
    qtbot: QtBot, harness: WindowHarness, tmp_path: Path
) -> None:
    window, entry_id, path = await downloaded_result(qtbot, harness, tmp_path / "results")
    path.rename(tmp_path / "elsewhere.mp4")
    window.refresh_action.trigger()  # Refresh looks at the files again
    await until(lambda: cells(window, entry_id)["Result"] == "Missing (moved or deleted)")
    select_row(qtbot, window, entry_id)
    assert not action(window, "open").isEnabled()
    assert not action(window, "reveal").isEnabled()


@closes_windows
async def test_storage_failing_leaves_a_retry_that_works(
    qtbot: QtBot, harness: WindowHarness, tmp_path: Path
) -> None:
    out = tmp_path / "results"
    out.mkdir()
    harness.sandbox.faults.add(FaultRule(match="GET /storage/*", status=500, times=None))
    window = await open_ready(qtbot, harness, out)
    entry_id = await submit_from_form(qtbot, window, harness)
    await until(lambda: entry_of(window, entry_id).result_state is ResultState.FAILED, within_s=30)
    assert cells(window, entry_id)["Result"] == "Download failed — Retry"
    row = window.history_model.row_of(entry_id)
    assert row is not None
    tip = window.history_model.index(row, RESULT).data(Qt.ItemDataRole.ToolTipRole)
    assert "storage failed" in tip.lower()
    assert [p for p in out.iterdir() if p.suffix == ".mp4"] == []
    harness.sandbox.faults.clear()
    select_row(qtbot, window, entry_id)
    assert action(window, "download").text() == "Retry download"
    action(window, "download").trigger()
    await until(lambda: downloaded(window, entry_id), within_s=10)


@closes_windows
async def test_results_about_to_expire_are_highlighted_and_said_at_start(
    qtbot: QtBot, harness: WindowHarness, tmp_path: Path
) -> None:
    no_auto_download(harness)
    window = await open_ready(qtbot, harness, tmp_path)
    entry_id = await submit_from_form(qtbot, window, harness)
    await until(lambda: entry_of(window, entry_id).expires_at is not None, within_s=15)
    soon = (datetime.now(UTC) + timedelta(hours=20)).isoformat().replace("+00:00", "Z")
    window.history_store.set_expiry(entry_id, soon)
    await harness.close_windows()

    again = await open_ready(qtbot, harness, tmp_path)
    row = again.history_model.row_of(entry_id)
    assert row is not None
    assert again.history_model.index(row, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert cells(again, entry_id)["Result"].startswith("Not downloaded · expires in")
    _level, text = shown_message(again)
    assert "1 result expires within two days" in text and harness.vids[HARBOUR] in text


@closes_windows
async def test_tasks_made_elsewhere_join_the_history_on_refresh(
    qtbot: QtBot, harness: WindowHarness, tmp_path: Path
) -> None:
    window = await open_ready(qtbot, harness, tmp_path)
    async with KokoonClient(
        token=DEMO_TOKEN, base_url=harness.sandbox.base_url, transport=harness.sandbox.transport()
    ) as cli:  # what the command line on another machine does
        created = await cli.create_task(
            TaskSpec(vid=harness.vids[HARBOUR], category=Category.CG, width=1280, height=720)
        )
    window.refresh_action.trigger()

    def merged() -> HistoryEntry | None:
        return next((e for e in rows(window) if e.tid == created.tid), None)

    await until(merged)
    found = merged()
    assert found is not None and found.from_account
    assert cells(window, found.id)["Source"].endswith("· from the account")
    window.refresh_action.trigger()  # again: never a second row
    await until(lambda: window.session is not None)
    assert sum(1 for e in rows(window) if e.tid == created.tid) == 1


@closes_windows
async def test_submit_waits_for_the_session_instead_of_dropping_a_click(
    qtbot: QtBot, harness: WindowHarness
) -> None:
    window = harness.open_window(qtbot)  # opens its session at once, as the app does
    session, window.host.session = window.host.session, None  # the moment before it opens
    window._set_connected(False)
    type_into(qtbot, window.form.vid, harness.vids[HARBOUR])
    assert window.form.spec is not None
    assert not window.form.submit.isEnabled()
    assert window.form.submit.toolTip() == "Connecting to the service…"
    window.host.session = session
    window.host.opened.emit()  # the session is open: Submit can act
    await until(lambda: window.form.submit.isEnabled())
