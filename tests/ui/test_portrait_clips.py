"""A portrait phone clip comes out portrait: the form's size, the preview's picture (turned the
way ffmpeg turns it) and the filmstrip's thumbnails."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from kokoon_desktop.media.frames import RgbImage
from kokoon_desktop.ui.preview.local_clip import to_qimage
from tests.media.editor_media import make_portrait_phone_clip
from tests.ui.window_fixtures import WindowHarness, closes_windows, until, upload


def bright(image: QImage, x: float, y: float) -> bool:
    return (
        image.pixelColor(int(x * (image.width() - 1)), int(y * (image.height() - 1))).value() > 200
    )


def test_a_quarter_turn_is_clockwise() -> None:
    # Stored 2×1: white on the left. Turned clockwise a quarter: 1×2, white on top.
    stored = RgbImage(2, 1, b"\xff\xff\xff\x00\x00\x00")
    turned = to_qimage(stored, 90)
    assert (turned.width(), turned.height()) == (1, 2)
    assert turned.pixelColor(0, 0).value() == 255 and turned.pixelColor(0, 1).value() == 0


@closes_windows
async def test_a_portrait_phone_clip_is_shown_and_sized_upright(
    qtbot: QtBot, harness: WindowHarness, tmp_path: Path
) -> None:
    clip = make_portrait_phone_clip(tmp_path / "phone portrait.mov", rotation=-90)
    window = harness.open_window(qtbot)
    await until(lambda: window.session is not None)
    assert await upload(window, clip) is not None
    source = window.form.source
    assert source is not None and source.size == (90, 160)
    # "2x of the source" is twice the size as shown.
    shown: list[QImage] = []
    local = window.clip_preview.local_clip
    assert local is not None
    local.frame_ready.connect(lambda _i, image: shown.append(image))
    local.request_frame(1)
    await until(lambda: bool(shown))
    image = shown[-1]
    assert image.height() > image.width()
    # The stored picture's white top-left quarter, turned clockwise: the top-right quarter.
    assert bright(image, 0.75, 0.25)
    assert not bright(image, 0.25, 0.25) and not bright(image, 0.25, 0.75)
    thumbs: list[QImage] = []
    local.thumbnail_ready.connect(lambda _c, _s, image: thumbs.append(image))
    local.request_thumbnails(1, {0: 0}, 40, exact=True)
    await until(lambda: bool(thumbs))
    assert thumbs[-1].height() == 40 > thumbs[-1].width()  # as tall as the strip
