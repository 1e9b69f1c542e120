"""The preview's decoder as the window drives it: frames arrive on the UI thread, the newest
request wins, idle time fills the neighbourhood, and a failure leaves it working."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from kokoon_desktop.media.filmstrip import Filmstrip
from kokoon_desktop.media.frames import RgbImage
from kokoon_desktop.media.preview_frames import PreviewFrames
from kokoon_desktop.media.probe import probe
from kokoon_desktop.ui.preview.local_clip import LocalClip
from tests.media.counter_video import make_counter_video, read_counter
from tests.ui.test_window_timeline import rgb_of

FRAMES = 75


@pytest.fixture(scope="module")
def counter(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_counter_video(tmp_path_factory.mktemp("clip") / "counter.mp4", frames=FRAMES)


@pytest.fixture
def clip(counter: Path) -> Iterator[LocalClip]:
    local = LocalClip(counter, probe(counter))
    yield local
    local.close()


def shown(clip: LocalClip, qtbot: QtBot, index: int) -> int:
    """Ask for a frame; the number burned into the picture that arrives for it."""
    got: list[QImage] = []

    def check(frame: int, image: QImage) -> bool:
        if frame == index:
            got.append(image)
        return frame == index

    with qtbot.waitSignal(clip.frame_ready, check_params_cb=check, timeout=5000):
        clip.request_frame(index)
    return read_counter(rgb_of(got[0]))


def test_frames_arrive_exact_and_idle_time_fills_around_them(clip: LocalClip, qtbot: QtBot) -> None:
    assert shown(clip, qtbot, 40) == 40
    qtbot.waitUntil(lambda: not clip.busy, timeout=5000)
    frames = clip.preview_frames
    assert frames is not None
    assert all(frames.cached(index) for index in range(10, 71))
    assert [shown(clip, qtbot, index) for index in (41, 39, 70, 10)] == [41, 39, 70, 10]
    assert frames.hits == 4


def test_the_newest_request_wins(
    clip: LocalClip, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The first decode is held until every other request is in: those in between are
    # replaced by the newest, which is decoded next.
    started, release = threading.Event(), threading.Event()
    decode = PreviewFrames.frame

    def held(self: PreviewFrames, index: int) -> RgbImage:
        if index == 5:
            started.set()
            release.wait(5)
        return decode(self, index)

    monkeypatch.setattr(PreviewFrames, "frame", held)
    arrived: list[int] = []
    clip.frame_ready.connect(lambda frame, _image: arrived.append(frame))
    clip.request_frame(5)
    assert started.wait(5)
    for index in (60, 18, 33):
        clip.request_frame(index)
    release.set()
    qtbot.waitUntil(lambda: arrived == [5, 33], timeout=5000)


def test_an_unexpected_failure_is_logged_and_the_clip_keeps_working(
    clip: LocalClip, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(self: PreviewFrames) -> bool:
        monkeypatch.undo()  # fail once
        raise RuntimeError("decoder in a bad state")

    monkeypatch.setattr(PreviewFrames, "fill_once", broken)
    with caplog.at_level(logging.ERROR, "kokoon_desktop.ui.preview.local_clip"):
        assert shown(clip, qtbot, 12) == 12
        qtbot.waitUntil(lambda: not clip.busy, timeout=5000)
    assert "the preview's decoder failed" in caplog.text
    assert shown(clip, qtbot, 50) == 50


def test_the_idle_work_waits_for_the_filmstrip(
    clip: LocalClip, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Thumbnails on screen come first: while the filmstrip works, the preview's worker only
    # decodes the frames asked for.
    filmstrip_busy = threading.Event()
    filmstrip_busy.set()
    monkeypatch.setattr(Filmstrip, "busy", property(lambda _self: filmstrip_busy.is_set()))
    assert shown(clip, qtbot, 40) == 40
    assert shown(clip, qtbot, 44) == 44  # asked for: decoded at once all the same
    qtbot.wait(100)
    frames = clip.preview_frames
    assert frames is not None
    assert clip.busy and not frames.cached(45)
    filmstrip_busy.clear()
    qtbot.waitUntil(lambda: not clip.busy, timeout=5000)
    assert frames.cached(45) and frames.cached(14)
