"""The crash hook: a failure is logged and shown in a dialog, redacted, and the app goes on."""

from __future__ import annotations

import asyncio
import logging
import sys
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from kokoon_desktop import __version__
from kokoon_desktop.ui.crash_dialog import REASSURANCE, CrashDialog
from kokoon_desktop.ui.crash_reporter import (
    CrashReporter,
    ExceptHook,
    install_excepthook,
    uninstall_excepthook,
    watch_task,
)

TOKEN = "sk-live-4f9a7c2e11d04b6b9e5a"


def redact(text: str) -> str:
    return text.replace(TOKEN, "[token]")


class RecordingHook:
    """Stands in for the hook that was there before (pytest-qt's, Python's)."""

    def __init__(self) -> None:
        self.calls: list[type[BaseException]] = []

    def __call__(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        self.calls.append(exc_type)


@pytest.fixture
def previous_hook() -> Iterator[RecordingHook]:
    saved = sys.excepthook
    hook = RecordingHook()
    sys.excepthook = hook
    yield hook
    sys.excepthook = saved


@pytest.fixture
def window(qtbot: QtBot) -> QMainWindow:
    main = QMainWindow()
    qtbot.addWidget(main)
    main.show()
    return main


@pytest.fixture
def installed(
    previous_hook: RecordingHook, window: QMainWindow, tmp_path: Path
) -> Iterator[ExceptHook]:
    previous = install_excepthook(lambda: window, tmp_path / "kokoon-desktop.log", redact)
    assert previous is previous_hook
    yield previous
    uninstall_excepthook(previous)
    assert sys.excepthook is previous_hook


def _fail_with_token() -> None:
    raise RuntimeError(f"upload failed for Authorization: {TOKEN}")


def _raise_and_hook() -> None:
    try:
        _fail_with_token()
    except RuntimeError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)


def _reporter() -> CrashReporter:
    assert isinstance(sys.excepthook, CrashReporter)
    return sys.excepthook


def test_unhandled_exception_opens_a_redacted_non_modal_report(
    qtbot: QtBot, installed: ExceptHook, window: QMainWindow, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.CRITICAL, logger="kokoon_desktop.ui.crash_reporter"):
        _raise_and_hook()
    dialog = _reporter().dialog
    assert isinstance(dialog, CrashDialog)
    assert dialog.isVisible() and not dialog.isModal()
    assert dialog.parent() is window
    assert REASSURANCE in dialog.explanation.text()
    assert "Something went wrong in Kokoon Desktop." in dialog.headline.text()

    report = dialog.report()
    assert "RuntimeError: upload failed for Authorization: [token]" in report
    assert "_fail_with_token" in report and "Traceback (most recent call last)" in report
    assert f"Kokoon Desktop {__version__}" in report
    assert "Platform: " in report and "Python " in report
    assert TOKEN not in report
    assert TOKEN not in dialog.summary.text() and "RuntimeError" in dialog.summary.text()
    assert dialog.report_view.toPlainText() == report
    assert "kokoon-desktop.log" in dialog.log_note.text()

    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "RuntimeError" in logged and TOKEN not in logged


def test_report_expands_copies_to_clipboard_and_closes(
    qtbot: QtBot, installed: ExceptHook, window: QMainWindow
) -> None:
    _raise_and_hook()
    dialog = _reporter().dialog
    assert dialog is not None
    assert dialog.report_view.isHidden()
    qtbot.mouseClick(dialog.toggle_report, Qt.MouseButton.LeftButton)
    assert dialog.report_view.isVisible()
    assert dialog.toggle_report.accessibleName() == "Hide report"

    QGuiApplication.clipboard().clear()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert copied == dialog.report() and "RuntimeError" in copied
    assert TOKEN not in copied
    assert dialog.copied_note.text() == "Copied to the clipboard."

    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert _reporter().dialog is None
    assert window.isVisible(), "the app keeps running"


def test_a_burst_of_failures_shares_one_dialog(qtbot: QtBot, installed: ExceptHook) -> None:
    _raise_and_hook()
    first = _reporter().dialog
    try:
        {}["missing"]  # a second, different failure
    except KeyError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    assert _reporter().dialog is first and first is not None
    assert first.headline.text() == "2 errors occurred in Kokoon Desktop."
    assert "KeyError" in first.summary.text()
    assert first.report().count("Traceback (most recent call last)") == 2


def test_keyboard_interrupt_and_hook_failures_go_to_the_previous_hook(
    qtbot: QtBot, previous_hook: RecordingHook, window: QMainWindow
) -> None:
    def broken_redact(text: str) -> str:
        raise ValueError("redaction failed")

    previous = install_excepthook(lambda: window, None, redact)
    try:
        sys.excepthook(KeyboardInterrupt, KeyboardInterrupt(), None)
        assert previous_hook.calls == [KeyboardInterrupt]
        assert _reporter().dialog is None
    finally:
        uninstall_excepthook(previous)

    previous = install_excepthook(lambda: window, None, broken_redact)
    try:
        _raise_and_hook()
        assert previous_hook.calls == [KeyboardInterrupt, RuntimeError]
        assert _reporter().dialog is None  # nothing unredacted is ever shown
    finally:
        uninstall_excepthook(previous)


async def test_failed_background_task_reaches_the_hook(
    qtbot: QtBot, previous_hook: RecordingHook
) -> None:
    async def buggy() -> None:
        raise ZeroDivisionError("oops")

    async def cancelled() -> None:
        await asyncio.sleep(10)

    task = watch_task(asyncio.ensure_future(buggy()))
    other = watch_task(asyncio.ensure_future(cancelled()))
    await asyncio.sleep(0)
    other.cancel()
    with pytest.raises(ZeroDivisionError):
        await task
    with pytest.raises(asyncio.CancelledError):
        await other
    await asyncio.sleep(0)  # done callbacks run on the next turn of the loop
    assert previous_hook.calls == [ZeroDivisionError]
