"""Uploading a local video from the window: it becomes the form's source."""

from __future__ import annotations

import asyncio
from pathlib import Path

from PySide6.QtCore import QMimeData, Qt, QUrl
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from kokoon_desktop.sandbox.media import write_clip
from kokoon_desktop.ui.flows.upload import dropped_file
from kokoon_desktop.ui.messages import Level
from tests.media.counter_video import make_counter_video, read_counter
from tests.ui.window_fixtures import WindowHarness, closes_windows, notification, until, upload


@closes_windows
async def test_an_uploaded_file_becomes_the_source(
    qtbot: QtBot, harness: WindowHarness, tmp_path: Path
) -> None:
    clip = write_clip(tmp_path / "my interview.mp4", width=320, height=180, seconds=1.0)
    window = harness.open_window(qtbot)
    await until(lambda: window.session is not None)
    video = await upload(window, clip)
    assert video is not None and video.filename == "my interview.mp4"
    source = window.form.source
    assert source is not None and source.vid == video.vid
    assert source.size == (320, 180) and source.duration_ms == 1000
    assert window.form.vid.text() == video.vid
    assert "my interview.mp4" in window.form.source_label.text()
    assert not window.upload_progress.isVisible()
    assert notification(window) == (
        Level.INFO,
        "Uploaded my interview.mp4: it is the source now.",
    )


@closes_windows
async def test_the_upload_dialog_opens_beside_the_clip_being_worked_on(
    qtbot: QtBot, harness: WindowHarness, tmp_path: Path
) -> None:
    rushes = tmp_path / "day 2 rushes"
    rushes.mkdir()
    clip = write_clip(rushes / "take 1.mp4", width=64, height=64, seconds=0.5)
    window = harness.open_window(qtbot)
    await until(lambda: window.session is not None)
    assert await upload(window, clip) is not None
    window.upload_action.trigger()
    dialog = window.findChild(QFileDialog, "upload_dialog")
    assert dialog is not None and dialog.isVisible()
    assert Path(dialog.directory().absolutePath()) == rushes
    dialog.reject()


@closes_windows
async def test_a_failed_upload_says_why_and_keeps_the_form(
    qtbot: QtBot, harness: WindowHarness, tmp_path: Path
) -> None:
    clip = write_clip(tmp_path / "clip.mp4", width=64, height=64, seconds=0.5)
    window = harness.open_window(qtbot)
    await until(lambda: window.session is not None)
    harness.sandbox.faults.add(match="POST /video", status=500, message="disk full", times=1)
    assert await window.upload.upload_file(clip) is None
    assert window.form.source is None
    level, text = notification(window) or (None, "")
    assert level is Level.ERROR and "clip.mp4" in text and "disk full" in text
    assert await upload(window, clip) is not None  # the window keeps working


@closes_windows
async def test_an_upload_can_be_cancelled(
    qtbot: QtBot, harness: WindowHarness, tmp_path: Path
) -> None:
    clip = write_clip(tmp_path / "clip.mp4", width=64, height=64, seconds=0.5)
    window = harness.open_window(qtbot)
    await until(lambda: window.session is not None)
    harness.sandbox.faults.add(match="POST /video", slow_s=5.0, times=1)
    window.upload.start(str(clip))
    await until(lambda: window.cancel_upload_button.isVisible())
    window.upload.start(str(clip))  # a second one while the first runs is refused
    assert notification(window) == (
        Level.WARNING,
        "An upload is already running: wait for it or cancel it.",
    )
    qtbot.mouseClick(window.cancel_upload_button, Qt.MouseButton.LeftButton)
    await until(lambda: not window.cancel_upload_button.isVisible())
    await asyncio.sleep(0)
    assert window.form.source is None


def test_only_one_local_file_is_taken_from_a_drop(tmp_path: Path, qapp: object) -> None:
    clip = tmp_path / "a.mp4"
    clip.write_bytes(b"x")
    one = QMimeData()
    one.setUrls([QUrl.fromLocalFile(str(clip))])
    assert dropped_file(one) == clip
    two = QMimeData()
    two.setUrls([QUrl.fromLocalFile(str(clip)), QUrl.fromLocalFile(str(clip))])
    assert dropped_file(two) is None
    remote = QMimeData()
    remote.setUrls([QUrl("https://example.com/a.mp4")])
    assert dropped_file(remote) is None
    folder = QMimeData()
    folder.setUrls([QUrl.fromLocalFile(str(tmp_path))])
    assert dropped_file(folder) is None


@closes_windows
async def test_an_uploaded_clip_gets_an_exact_preview_and_a_filmstrip(
    qtbot: QtBot, harness: WindowHarness, tmp_path: Path
) -> None:
    clip = make_counter_video(tmp_path / "counter.mp4", frames=75)
    window = harness.open_window(qtbot)
    await until(lambda: window.session is not None)
    assert await upload(window, clip) is not None
    timeline = window.timeline
    assert timeline.isEnabled() and timeline.total_frames == 75
    assert window.preview.isVisible()
    local = window.clip_preview.local_clip
    assert local is not None
    await until(lambda: local.last_frame is not None and window.preview.image is not None)
    timeline.setFocus()
    for _ in range(13):  # past the first keyframe interval
        qtbot.keyClick(timeline, Qt.Key.Key_Right)
    await until(lambda: local.last_frame is not None and local.last_frame[0] == 13)
    _index, image = local.last_frame
    assert read_counter(image) == 13  # the exact frame, not a nearby keyframe
    await until(
        lambda: all(timeline.has_thumbnail(n) for n in range(timeline.thumbnail_count))
    )  # every filmstrip slot arrived
    window.form.set_source(None)  # another source: the local clip is let go
    assert window.clip_preview.local_clip is None and not window.preview.isVisible()
