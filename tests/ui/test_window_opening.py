"""Files asked to be opened from outside (command line, another start, "Open with", macOS open
events) become the window's source, as a dropped file does."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kokoon_desktop.sandbox.media import write_clip
from kokoon_desktop.ui.messages import Level
from kokoon_desktop.ui.open_requests import FileOpenEvents
from tests.ui.window_fixtures import WindowHarness, closes_windows, notification, until


def source_path(window: object) -> str | None:
    source = window.form.source  # type: ignore[attr-defined]
    return None if source is None else source.local_path


@closes_windows
async def test_a_file_asked_for_before_the_window_connects_opens_once_it_does(
    qtbot: QtBot, harness: WindowHarness, tmp_path: Path
) -> None:
    clip = write_clip(tmp_path / "interview.mp4", width=160, height=90, seconds=0.5)
    window = harness.open_window(qtbot)
    window.opening.open([str(clip)])  # as main() does with a file argument, right away
    await until(lambda: source_path(window) == str(clip))
    assert window.form.source is not None and window.form.source.size == (160, 90)


@closes_windows
async def test_a_file_asked_for_later_becomes_the_new_source(
    qtbot: QtBot, harness: WindowHarness, tmp_path: Path
) -> None:
    first = write_clip(tmp_path / "a.mp4", width=64, height=64, seconds=0.5)
    second = write_clip(tmp_path / "b.mov", width=96, height=64, seconds=0.5)
    window = harness.open_window(qtbot)
    await until(lambda: window.session is not None)
    window.opening.open([str(first)])
    await until(lambda: source_path(window) == str(first))
    window.showMinimized()
    window.opening.open([str(second)])
    await until(lambda: source_path(window) == str(second))
    assert not window.isMinimized()  # brought forward


@closes_windows
async def test_several_files_open_the_first_and_say_which_were_not(
    qtbot: QtBot, harness: WindowHarness, tmp_path: Path
) -> None:
    clips = [
        write_clip(tmp_path / f"take{i}.mp4", width=64, height=64, seconds=0.5) for i in (1, 2, 3)
    ]
    window = harness.open_window(qtbot)
    await until(lambda: window.session is not None)
    window.opening.open([str(c) for c in clips])
    assert notification(window) == (
        Level.INFO,
        "Opened “take1.mp4”. The window works on one source at a time: "
        "2 other files were not opened (take2.mp4, take3.mp4).",
    )
    await until(lambda: source_path(window) == str(clips[0]))


@closes_windows
async def test_a_missing_file_is_said_and_nothing_is_uploaded(
    qtbot: QtBot, harness: WindowHarness, tmp_path: Path
) -> None:
    window = harness.open_window(qtbot)
    await until(lambda: window.session is not None)
    harness.sandbox.clear_requests()
    window.opening.open([str(tmp_path / "gone.mp4")])
    assert notification(window) == (
        Level.ERROR,
        "“gone.mp4” cannot be opened: there is no such file.",
    )
    window.opening.open([str(tmp_path)])
    level, text = notification(window) or (None, "")
    assert level is Level.ERROR and "it is a folder" in text
    assert not [r for r in harness.sandbox.requests if r.method == "POST"]
    assert window.form.source is None


@closes_windows
async def test_an_empty_request_only_brings_the_window_forward(
    qtbot: QtBot, harness: WindowHarness
) -> None:
    window = harness.open_window(qtbot)
    await until(lambda: window.session is not None)
    window.showMinimized()
    window.opening.open([])
    assert not window.isMinimized()
    assert window.form.source is None


@closes_windows
async def test_a_file_open_event_opens_the_file(
    qtbot: QtBot, harness: WindowHarness, tmp_path: Path
) -> None:
    # What macOS sends for "Open with" and for a file dropped on the Dock icon.
    clip = write_clip(tmp_path / "from finder.mov", width=64, height=64, seconds=0.5)
    window = harness.open_window(qtbot)
    await until(lambda: window.session is not None)
    events = FileOpenEvents(window)
    events.requested.connect(window.opening.open)
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(events)
    try:
        QApplication.sendEvent(app, QFileOpenEvent(str(clip)))
        await until(lambda: source_path(window) == str(clip))
    finally:
        app.removeEventFilter(events)
