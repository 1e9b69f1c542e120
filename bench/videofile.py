"""Large valid video files for transfer benchmarks, made in seconds.

A short clip is encoded with PyAV, then a top-level MP4 ``free`` box of the wanted size is
appended: demuxers skip ``free`` boxes, so the file still probes as the clip while weighing
what the benchmark needs.
"""

from __future__ import annotations

import os
import struct
from fractions import Fraction
from pathlib import Path

import av

_BLOCK = 1024 * 1024


def make_small_clip(path: Path, *, seconds: int = 1, size: tuple[int, int] = (320, 180)) -> Path:
    with av.open(str(path), "w") as container:
        stream = container.add_stream("libx264", rate=Fraction(30, 1))
        stream.width, stream.height = size
        stream.pix_fmt = "yuv420p"
        for index in range(30 * seconds):
            frame = av.VideoFrame(size[0], size[1], "yuv420p")
            for plane in frame.planes:
                plane.update(bytes([(index * 7) % 256]) * plane.buffer_size)
            frame.pts = index
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    return path


def make_large_video(path: Path, total_bytes: int) -> Path:
    """A valid MP4 of exactly ``total_bytes`` (at least the clip's own size)."""
    clip = make_small_clip(path.with_suffix(".clip.mp4"))
    head = clip.read_bytes()
    clip.unlink()
    padding = max(0, total_bytes - len(head) - 16)
    block = os.urandom(_BLOCK)  # incompressible, like real video
    with path.open("wb") as out:
        out.write(head)
        # A 64-bit "largesize" box header: size field 1, type, then the real size.
        out.write(struct.pack(">I4sQ", 1, b"free", padding + 16))
        remaining = padding
        while remaining > 0:
            chunk = block[: min(_BLOCK, remaining)]
            out.write(chunk)
            remaining -= len(chunk)
    return path
