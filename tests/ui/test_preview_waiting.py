"""While the frame asked for is still decoding (a far seek), the preview dims the last picture
and turns a small spinner, so a still picture is never taken for the new frame; a frame shown
at once never flickers it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from kokoon_desktop.ui.preview import clip_preview
from kokoon_desktop.ui.preview.view import PreviewView
from tests.media.counter_video import make_counter_video
from tests.ui.test_window_timeline import shown_frame
from tests.ui.window_fixtures import WindowHarness, closes_windows, until, upload


def test_waiting_dims_the_picture_and_turns_a_spinner(qtbot: QtBot) -> None:
    view = PreviewView()
    qtbot.addWidget(view)
    view.resize(320, 180)
    picture = QImage(160, 90, QImage.Format.Format_RGB888)
    picture.fill(QColor("#c8c8c8"))
    view.show_image(picture, "00:00:01:00  ·  frame 30")
    plain = view.grab().toImage()
    view.set_waiting(True)
    dimmed = view.grab().toImage()
    corner = (40, 30)  # inside the picture, away from the spinner and the caption
    assert dimmed.pixelColor(*corner).lightness() < plain.pixelColor(*corner).lightness()
    assert dimmed != plain
    view.set_waiting(False)
    assert view.grab().toImage() == plain
    view.set_waiting(True)
    view.show_image(picture)  # the frame arrives: no more waiting
    assert not view.waiting


@closes_windows
async def test_a_far_seek_shows_the_waiting_look_until_its_frame_is_there(
    qtbot: QtBot, harness: WindowHarness, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(clip_preview, "WAITING_AFTER_MS", 0)  # say it at once, to see it
    clip = make_counter_video(tmp_path / "long gop.mp4", frames=240, keyframe_interval=120)
    window = harness.open_window(qtbot)
    await until(lambda: window.session is not None)
    assert await upload(window, clip) is not None
    await until(lambda: shown_frame(window) == 0)
    view = window.preview
    seen_waiting: list[bool] = []
    original = view.set_waiting

    def spy(waiting: bool) -> None:
        seen_waiting.append(waiting)
        original(waiting)

    view.set_waiting = spy  # type: ignore[method-assign]
    window.timeline.set_playhead(230)  # far, and far from its keyframe
    await until(lambda: shown_frame(window) == 230, within_s=10)
    assert True in seen_waiting  # said while decoding...
    assert not view.waiting  # ...and no more once the frame is there
