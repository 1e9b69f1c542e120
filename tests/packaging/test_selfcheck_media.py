"""The tiny video and picture the frozen app's --smoke-test decodes: small, decodable with PyAV
and with Qt's JPEG plugin, and remade the same way by tools/make_selfcheck_media.py."""

from __future__ import annotations

from pathlib import Path

import av
from PySide6.QtGui import QImageReader

from kokoon_desktop.resources import resource
from kokoon_desktop.self_checks import SELFCHECK_JPEG, SELFCHECK_VIDEO
from tools import make_selfcheck_media

VIDEO_BUDGET, JPEG_BUDGET = 10 * 1024, 2 * 1024


def _video_facts(path: Path) -> tuple[str, int, int, int]:
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        frames = list(container.decode(stream))
        return stream.codec_context.name, frames[0].width, frames[0].height, len(frames)


def _jpeg_size(path: Path) -> tuple[int, int]:
    reader = QImageReader(str(path), b"jpeg")
    image = reader.read()
    assert not image.isNull(), reader.errorString()
    return image.width(), image.height()


def test_the_shipped_video_is_tiny_h264_that_pyav_decodes() -> None:
    path = resource(*SELFCHECK_VIDEO)
    assert path.stat().st_size < VIDEO_BUDGET
    assert _video_facts(path) == ("h264", 64, 48, 4)


def test_the_shipped_jpeg_is_tiny_and_qt_reads_it(qapp: object) -> None:
    path = resource(*SELFCHECK_JPEG)
    assert path.stat().st_size < JPEG_BUDGET
    assert path.read_bytes()[:3] == b"\xff\xd8\xff"  # a JPEG, not another format named .jpg
    assert _jpeg_size(path) == (64, 48)


def test_the_script_remakes_the_video(tmp_path: Path) -> None:
    made = tmp_path / "selfcheck.mp4"
    make_selfcheck_media.make_video(made)
    assert made.stat().st_size < VIDEO_BUDGET
    assert _video_facts(made) == ("h264", 64, 48, 4)


def test_the_script_remakes_the_jpeg(qapp: object, tmp_path: Path) -> None:
    made = tmp_path / "selfcheck.jpg"
    make_selfcheck_media.make_jpeg(made)
    assert made.stat().st_size < JPEG_BUDGET
    assert _jpeg_size(made) == (64, 48)
