"""Media the simulator makes itself: short synthetic clips (demo seeds, tests) and thumbnails."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import av
import av.video.frame
import av.video.stream

THUMBNAIL_WIDTH = 320


def write_clip(
    path: Path,
    *,
    width: int = 320,
    height: int = 180,
    fps: Fraction | int = 30,
    seconds: float = 1.0,
    codec: str = "libx264",
    rotation: int = 0,
) -> Path:
    """Encode a moving test pattern to ``path`` (the container follows its suffix).

    Frames are built from bytes, so this needs no numpy. ``rotation`` stores a display matrix,
    which makes players (and the probe) treat the clip as rotated.
    """
    rate = Fraction(fps)
    frame_count = max(1, round(seconds * rate))
    with av.open(str(path), "w") as container:
        options = {"preset": "ultrafast"} if codec == "libx264" else {}
        stream = container.add_stream(codec, rate=rate, options=options)
        assert isinstance(stream, av.video.stream.VideoStream)
        stream.width = width
        stream.height = height
        stream.pix_fmt = "yuv420p"
        if rotation:
            stream.set_display_rotation(rotation)
        chroma_size = (width // 2) * (height // 2)
        ramp = bytes(x * 255 // max(1, width - 1) for x in range(width)) * 2
        for index in range(frame_count):
            frame = av.video.frame.VideoFrame(width, height, "yuv420p")
            shift = (index * 4) % width
            frame.planes[0].update(ramp[shift : shift + width] * height)
            frame.planes[1].update(bytes([(96 + index * 5) % 256]) * chroma_size)
            frame.planes[2].update(bytes([(160 + index * 3) % 256]) * chroma_size)
            frame.pts = index
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    return path


def write_thumbnail(source: Path, target: Path) -> Path:
    """Save the first frame of ``source`` as a small JPEG (what ``thumb_url`` points at)."""
    with av.open(str(source)) as container:
        stream = container.streams.video[0]
        frame = next(container.decode(stream))
        width = min(THUMBNAIL_WIDTH, frame.width) // 2 * 2 or 2
        height = max(2, round(frame.height * width / frame.width / 2) * 2)
        small = frame.reformat(width=width, height=height, format="yuvj420p")
    encoder = av.CodecContext.create("mjpeg", "w")
    encoder.width = width
    encoder.height = height
    encoder.pix_fmt = "yuvj420p"
    encoder.time_base = Fraction(1, 25)
    packets = [*encoder.encode(small), *encoder.encode(None)]
    target.write_bytes(b"".join(bytes(packet) for packet in packets))
    return target
