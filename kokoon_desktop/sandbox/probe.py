"""Read an uploaded file's media facts the way the service reports them (strings included).

Only the container header/index and the first frame are read, so a 1 GiB upload probes in
milliseconds.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import av
import av.error

#: The message the simulator answers with when an upload is not a video it can read.
NOT_A_VIDEO = "the uploaded file is not a supported video"


class ProbeError(Exception):
    """The file is not a readable video."""


@dataclass(frozen=True)
class MediaInfo:
    """Facts about one video file, already in the API's wire formats."""

    codec_name: str
    fps: str  # rational string, "30/1" or "30000/1001"
    duration: str  # seconds, 6 decimals, "10.000000"
    nb_frames: str
    bitrate: str  # bits per second
    width: int
    height: int
    is_interlaced: bool
    is_rotated: bool

    @property
    def duration_s(self) -> float:
        """The duration as a number, for range checks and costs."""
        return float(self.duration)

    @property
    def frame_rate(self) -> Fraction:
        """The rate as an exact fraction."""
        return Fraction(self.fps)


def fps_text(rate: Fraction) -> str:
    """Always ``num/den``, even for whole rates (``Fraction(30)`` prints as ``30``)."""
    return f"{rate.numerator}/{rate.denominator}"


def probe_video(path: Path) -> MediaInfo:
    """Probe ``path``; raise :class:`ProbeError` when it holds no decodable video stream."""
    try:
        with av.open(str(path)) as container:
            if not container.streams.video:
                raise ProbeError(NOT_A_VIDEO)
            stream = container.streams.video[0]
            rate = stream.average_rate or stream.guessed_rate or stream.base_rate
            if not rate or rate <= 0:
                raise ProbeError(NOT_A_VIDEO)
            rate = Fraction(rate)
            if stream.duration is not None and stream.time_base is not None:
                seconds = float(stream.duration * stream.time_base)
            elif container.duration is not None:
                seconds = container.duration / av.time_base
            else:
                seconds = 0.0
            frames = stream.frames or math.floor(seconds * rate + Fraction(1, 2))
            if seconds <= 0 and frames > 0:
                seconds = float(frames / rate)
            bitrate = stream.bit_rate or container.bit_rate or 0
            first = next(container.decode(stream), None)
            if first is None:
                raise ProbeError(NOT_A_VIDEO)
            return MediaInfo(
                codec_name=stream.codec_context.name,
                fps=fps_text(rate),
                duration=f"{seconds:.6f}",
                nb_frames=str(frames),
                bitrate=str(bitrate),
                width=stream.width,
                height=stream.height,
                is_interlaced=bool(first.interlaced_frame),
                is_rotated=bool(first.rotation),
            )
    except (av.error.FFmpegError, UnicodeDecodeError, ValueError, StopIteration) as exc:
        raise ProbeError(NOT_A_VIDEO) from exc
