"""Remake ``resources/selfcheck/``: the tiny video and picture the smoke test decodes.

    python -m tools.make_selfcheck_media

A 64x48 H.264 clip of four frames in MP4 (decoded with PyAV by ``self_checks.check_decode``)
and a 64x48 JPEG (decoded through Qt's image plugins by ``image_plugins.check_jpeg``). Both are
committed; this script only says how they were made.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import av

from kokoon_desktop.resources import resource
from kokoon_desktop.self_checks import SELFCHECK_JPEG, SELFCHECK_VIDEO

WIDTH, HEIGHT, FRAMES = 64, 48, 4


def _gradient(shift: int) -> bytes:
    """RGB rows: a diagonal gradient that moves a little with each frame."""
    return bytes(
        value
        for y in range(HEIGHT)
        for x in range(WIDTH)
        for value in ((x * 4 + shift) % 256, (y * 5) % 256, (x + y + shift) % 256)
    )


def make_video(path: Path) -> None:
    with av.open(str(path), "w", format="mp4") as container:
        stream = container.add_stream("libx264", rate=Fraction(25))
        stream.width, stream.height, stream.pix_fmt = WIDTH, HEIGHT, "yuv420p"
        stream.options = {"crf": "35", "preset": "veryslow", "tune": "stillimage"}
        for index in range(FRAMES):
            frame = av.VideoFrame(WIDTH, HEIGHT, "rgb24")
            frame.planes[0].update(_gradient(index * 16))
            for packet in stream.encode(frame.reformat(format="yuv420p")):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)


def make_jpeg(path: Path) -> None:
    frame = av.VideoFrame(WIDTH, HEIGHT, "rgb24")
    frame.planes[0].update(_gradient(0))
    with av.open(str(path), "w", format="image2") as container:
        stream = container.add_stream("mjpeg", rate=Fraction(1))
        stream.width, stream.height, stream.pix_fmt = WIDTH, HEIGHT, "yuvj420p"
        for packet in stream.encode(frame.reformat(format="yuvj420p")):
            container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)


def main() -> None:
    video, jpeg = resource(*SELFCHECK_VIDEO), resource(*SELFCHECK_JPEG)
    video.parent.mkdir(parents=True, exist_ok=True)
    make_video(video)
    make_jpeg(jpeg)
    for made in (video, jpeg):
        print(f"{made}: {made.stat().st_size} bytes")


if __name__ == "__main__":
    main()
