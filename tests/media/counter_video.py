"""Small H.264 test videos whose frames carry their own index, so "exact frame" is checkable.

Each frame shows its index as 16 bits in two bands across the top: band one holds bits 0-7,
band two bits 8-15, eight blocks per band, a block white for 1 and black for 0. The blocks are
wide, pure and high-contrast, so H.264 at a high quality keeps them readable, also in a
thumbnail a quarter of the size. The rest of the picture is a grey level that moves with the
index, so the encoder has real motion to code between keyframes.
"""

from __future__ import annotations

import wave
from fractions import Fraction
from pathlib import Path

import av

from kokoon_desktop.media.frames import BgraImage, RgbImage

__all__ = ["BITS", "NTSC", "make_counter_video", "read_counter", "write_audio_only"]

NTSC = Fraction(30000, 1001)
BITS = 16
_PER_BAND = 8
_BANDS = BITS // _PER_BAND
_BAND_SHARE = 4  # each band is a quarter of the height


def _pattern(index: int, width: int, height: int) -> bytes:
    band_height = height // _BAND_SHARE
    rows: list[bytes] = []
    for band in range(_BANDS):
        row = bytearray()
        for x in range(width):
            bit = band * _PER_BAND + min(x * _PER_BAND // width, _PER_BAND - 1)
            row += b"\xff\xff\xff" if index >> bit & 1 else b"\x00\x00\x00"
        rows.extend([bytes(row)] * band_height)
    grey = bytes([64 + index % 128] * 3)
    rows.extend([grey * width] * (height - _BANDS * band_height))
    return b"".join(rows)


def _rgb_frame(data: bytes, width: int, height: int) -> av.VideoFrame:
    frame = av.VideoFrame(width, height, "rgb24")
    plane = frame.planes[0]
    row, stride = width * 3, plane.line_size
    padding = bytes(stride - row)
    plane.update(b"".join(data[y * row : (y + 1) * row] + padding for y in range(height)))
    return frame


def make_counter_video(
    path: Path,
    *,
    frames: int = 75,
    rate: Fraction = NTSC,
    width: int = 160,
    height: int = 90,
    keyframe_interval: int = 12,
) -> Path:
    """Write an H.264 MP4 of `frames` frames with the index of each burned in; return `path`.

    A keyframe every `keyframe_interval` frames (no scene-cut keyframes) and x264's default
    B-frames, so a seek really lands on a keyframe before the target and decodes forward.
    """
    with av.open(str(path), "w") as container:
        stream = container.add_stream(
            "libx264",
            rate=rate,
            options={
                "crf": "8",
                "x264-params": f"keyint={keyframe_interval}:min-keyint={keyframe_interval}"
                ":scenecut=0",
            },
        )
        stream.width = width
        stream.height = height
        stream.pix_fmt = "yuv420p"
        for index in range(frames):
            frame = _rgb_frame(_pattern(index, width, height), width, height)
            frame.pts = index
            container.mux(stream.encode(frame))
        container.mux(stream.encode(None))
    return path


def read_counter(image: RgbImage | BgraImage) -> int:
    """The index burned into a frame (full size or scaled), read at the middle of each block."""
    size = 4 if isinstance(image, BgraImage) else 3
    band_height = image.height / _BAND_SHARE
    value = 0
    for bit in range(BITS):
        band, block = divmod(bit, _PER_BAND)
        x = int((block + 0.5) * image.width / _PER_BAND)
        y = int((band + 0.5) * band_height)
        offset = (y * image.width + x) * size
        luma = sum(image.data[offset : offset + 3]) / 3  # R, G, B in either order
        if luma > 128:
            value |= 1 << bit
    return value


def write_audio_only(path: Path, seconds: float = 0.5) -> Path:
    """Write a short silent WAV file: a media file with no video stream."""
    with wave.open(str(path), "wb") as sound:
        sound.setnchannels(1)
        sound.setsampwidth(2)
        sound.setframerate(8000)
        sound.writeframes(bytes(2 * int(8000 * seconds)))
    return path
