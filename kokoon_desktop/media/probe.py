"""What a local video is, from its headers: size, exact frame rate, frame count, duration.

Only the container and stream headers are read (a few milliseconds, whatever the file's
length), so probing can run when a file is chosen, before any decoding.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING

import av
import av.error

from kokoon_desktop.core.orientation import displayed_size
from kokoon_desktop.core.timecode import FrameRate, frames_to_ms
from kokoon_desktop.i18n import translate

if TYPE_CHECKING:
    from kokoon_desktop.media.frame_index import FrameIndex

__all__ = ["MediaError", "MediaInfo", "probe"]


class MediaError(ValueError):
    """A file cannot be used as a video; the message is meant for people."""


@dataclass(frozen=True)
class MediaInfo:
    """The facts the timeline needs about a local video file."""

    path: Path
    width: int
    height: int
    rate: FrameRate
    total_frames: int
    duration_ms: int
    codec: str
    #: The frame index, once built (``media.frame_index``): the true count and each frame's
    #: time. The headers' facts above stand until then.
    index: FrameIndex | None = None

    @property
    def turn(self) -> int:
        """The clockwise turn that shows the pictures upright (known from the index)."""
        return self.index.turn if self.index is not None else 0

    @property
    def display_size(self) -> tuple[int, int]:
        """(width, height) as the pictures are shown: a portrait phone clip is taller."""
        return displayed_size(self.width, self.height, self.turn)


def probe(path: Path | str) -> MediaInfo:
    """Read `path`'s headers; raise MediaError when it is missing, unreadable or has no video.

    The rate is the stream's average rate (the guessed rate when the file gives none) as an
    exact fraction. The frame count is the stream's own count when the file records one, else
    duration × rate rounded; the duration is then that many frames at the rate, in ms.
    """
    path = Path(path)
    name = path.name or str(path)
    if not path.exists():
        raise MediaError(translate("Probe", "“{name}” was not found.").format(name=name))
    if not path.is_file():
        raise MediaError(translate("Probe", "“{name}” is not a file.").format(name=name))
    try:
        container = av.open(str(path))
    except av.error.FFmpegError as error:
        raise MediaError(
            translate("Probe", "“{name}” is not a video this application can read.").format(
                name=name
            )
        ) from error
    except OSError as error:
        raise MediaError(
            translate("Probe", "“{name}” cannot be read: {reason}.").format(
                name=name, reason=error.strerror or error
            )
        ) from error
    with container:
        if not container.streams.video:
            raise MediaError(translate("Probe", "“{name}” has no video in it.").format(name=name))
        stream = container.streams.video[0]
        codec = stream.codec_context
        if codec is None:  # FFmpeg knows no decoder for the stream's format
            raise MediaError(
                translate(
                    "Probe",
                    "“{name}” is in a video format this application cannot decode, so it cannot "
                    "be shown or trimmed here. Convert it (to H.264 or ProRes, say) and try again.",
                ).format(name=name)
            )
        raw_rate = stream.average_rate or stream.guessed_rate
        if not raw_rate or codec.width <= 0 or codec.height <= 0:
            raise MediaError(
                translate("Probe", "“{name}” does not say its picture size or frame rate.").format(
                    name=name
                )
            )
        try:
            rate = FrameRate(Fraction(raw_rate))
        except ValueError as error:
            raise MediaError(f"“{name}”: {error}") from error
        total = stream.frames
        if total <= 0:
            total = _frames_from_duration(container, stream, rate)
        if total <= 0:
            raise MediaError(
                translate("Probe", "“{name}” does not say how long it is.").format(name=name)
            )
        return MediaInfo(
            path=path,
            width=codec.width,
            height=codec.height,
            rate=rate,
            total_frames=total,
            duration_ms=frames_to_ms(total, rate),
            codec=codec.name,
        )


def _frames_from_duration(
    container: av.container.InputContainer, stream: av.video.stream.VideoStream, rate: FrameRate
) -> int:
    """Frames in duration × rate, from the stream's duration or else the container's."""
    if stream.duration is not None and stream.time_base is not None:
        seconds = stream.duration * Fraction(stream.time_base)
    elif container.duration is not None:
        seconds = Fraction(container.duration, av.time_base)
    else:
        return 0
    return math.floor(seconds * rate.value + Fraction(1, 2))
