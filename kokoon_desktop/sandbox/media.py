"""Media the simulator makes itself: short synthetic clips (demo seeds, tests), thumbnails,
and the pictures of tasks (a preview's two files, a full task's result when it is rendered):
the range's frames as they are, or scaled with Lanczos and sharpened, where the real service
would run SR."""

from __future__ import annotations

import contextlib
import itertools
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
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


@dataclass(frozen=True)
class RenderOutput:
    """One file :func:`render_outputs` writes: the range's frames as they are (``size`` None:
    a preview's "original"), or scaled to ``size`` with Lanczos and sharpened (the "SR")."""

    target: Path
    size: tuple[int, int] | None = None


def render_range(
    source: Path,
    target: Path,
    *,
    start_ms: int,
    frames: int,
    width: int,
    height: int,
    upscale: bool,
) -> Path:
    """One picture of :func:`render_outputs`: upscaled to ``width``×``height`` or not."""
    output = RenderOutput(target, (width, height) if upscale else None)
    render_outputs(source, [output], start_ms=start_ms, frames=frames)
    return target


def render_outputs(
    source: Path, outputs: Sequence[RenderOutput], *, start_ms: int, frames: int
) -> int:
    """Write up to ``frames`` frames of ``source`` from ``start_ms`` on to each output (H.264
    MP4; a target may be a ``.part`` file); return how many (fewer when the source ends).

    The first frame is the one a client means by ``start_ms``: the first whose millisecond,
    counted from the first presented frame as :mod:`kokoon_desktop.core.frame_times` counts
    (see :class:`_Clock`), is at or after it; so frame *i* of every output is the source's frame
    at the request's start + *i*. The source is decoded once for all outputs, frame by frame
    (nothing is held), from a keyframe shortly before the start rather than from the top.
    Encoded at a high quality (x264 CRF 14) with every frame a picture of its own order (no
    B-frames), so each output frame is the source frame it came from.
    """
    written = 0
    with _range_frames(source, start_ms) as (rate, picked), contextlib.ExitStack() as stack:
        writers: list[_Writer] = []
        for frame in itertools.islice(picked, frames):
            if not writers:  # sizes follow the first frame
                writers = [stack.enter_context(_Writer(out, frame, rate)) for out in outputs]
            for writer in writers:
                writer.write(frame, written)
            written += 1
        if not writers:
            raise ValueError(f"{source.name} has no frame from {start_ms} ms on")
        for writer in writers:
            writer.finish()
    return written


#: A start further than twice this into the source is reached by a seek to this long before it.
SEEK_MARGIN_MS = 1000
_HALF = Fraction(1, 2)


@dataclass(frozen=True)
class _Clock:
    """The millisecond a client gives each frame (the simulator imports nothing of the app, so
    this restates :class:`kokoon_desktop.core.frame_times.FrameTimes`): relative to the first
    presented frame; a frame within a tick and a half of the nominal rate's grid is at its
    place on the grid (frame *k* at *k* / rate s), any other at its own time, rounded to the
    millisecond, halves up. (The client decides on-grid for the whole file, this for each frame:
    the same for every constant-rate file.)"""

    rate: Fraction
    time_base: Fraction
    first: int

    def ms_of(self, frame: av.video.frame.VideoFrame) -> int:
        offset = (self.first if frame.pts is None else frame.pts) - self.first
        step = 1 / (self.rate * self.time_base)  # ticks per frame, n/d
        n, d = step.numerator, step.denominator
        k = round(offset / step)
        if abs(2 * d * offset - 2 * k * n) <= 3 * d:
            return math.floor(Fraction(k * 1000) / self.rate + _HALF)
        return math.floor(offset * self.time_base * 1000 + _HALF)


def _video_stream(container: av.container.InputContainer) -> av.video.stream.VideoStream:
    stream = container.streams.video[0]
    stream.thread_type = "AUTO"
    return stream


@contextlib.contextmanager
def _range_frames(
    source: Path, start_ms: int
) -> Iterator[tuple[Fraction, Iterator[av.video.frame.VideoFrame]]]:
    """(the source's rate, its frames from the one ``start_ms`` names on)."""
    with av.open(str(source)) as container:
        stream = _video_stream(container)
        decoded = container.decode(stream)
        first = next(decoded, None)
        if first is None:
            raise ValueError(f"{source.name} has no frame")
        clock = _Clock(
            rate=Fraction(stream.average_rate or stream.guessed_rate or 25),
            time_base=Fraction(stream.time_base or Fraction(1, 90000)),
            first=first.pts or 0,
        )
        frames: Iterator[av.video.frame.VideoFrame] | None = itertools.chain([first], decoded)
        if start_ms > 2 * SEEK_MARGIN_MS:
            frames = _seek_before(container, stream, clock, start_ms)
        if frames is not None:
            yield clock.rate, itertools.dropwhile(lambda f: clock.ms_of(f) < start_ms, frames)
            return
    with av.open(str(source)) as container:  # the seek went past the start: from the top
        frames = container.decode(_video_stream(container))
        yield clock.rate, itertools.dropwhile(lambda f: clock.ms_of(f) < start_ms, frames)


def _seek_before(
    container: av.container.InputContainer,
    stream: av.video.stream.VideoStream,
    clock: _Clock,
    start_ms: int,
) -> Iterator[av.video.frame.VideoFrame] | None:
    """The frames from a keyframe before ``start_ms`` on; None when the seek failed or landed
    on the start or past it (frames might be missing)."""
    target = clock.first + math.floor((start_ms - SEEK_MARGIN_MS) / (1000 * clock.time_base))
    try:
        container.seek(target, stream=stream, backward=True)
        landed = container.decode(stream)
        peek = next(landed, None)
    except av.FFmpegError:
        return None
    if peek is None or peek.pts is None or clock.ms_of(peek) >= start_ms:
        return None
    return itertools.chain([peek], landed)


class _Writer:
    """One output being encoded."""

    def __init__(
        self, output: RenderOutput, template: av.video.frame.VideoFrame, rate: Fraction
    ) -> None:
        width, height = output.size or (template.width, template.height)
        self._width, self._height = width // 2 * 2 or 2, height // 2 * 2 or 2
        self._graph = _upscale_graph(template, self._width, self._height) if output.size else None
        self._time_base = 1 / rate
        self._container = av.open(str(output.target), "w", format="mp4")
        try:
            stream = self._container.add_stream(
                "libx264", rate=rate, options={"crf": "14", "preset": "veryfast", "bf": "0"}
            )
            assert isinstance(stream, av.video.stream.VideoStream)
            stream.width, stream.height, stream.pix_fmt = self._width, self._height, "yuv420p"
        except BaseException:
            self._container.close()
            raise
        self._stream = stream

    def write(self, frame: av.video.frame.VideoFrame, index: int) -> None:
        if self._graph is not None:
            self._graph.push(frame)
            made = self._graph.pull()
            assert isinstance(made, av.video.frame.VideoFrame)
        else:
            made = frame.reformat(width=self._width, height=self._height, format="yuv420p")
        made.pts = index
        made.time_base = self._time_base
        for packet in self._stream.encode(made):
            self._container.mux(packet)

    def finish(self) -> None:
        for packet in self._stream.encode(None):
            self._container.mux(packet)

    def __enter__(self) -> _Writer:
        return self

    def __exit__(self, *exc: object) -> None:
        self._container.close()


def _upscale_graph(template: av.video.frame.VideoFrame, width: int, height: int) -> av.filter.Graph:
    graph = av.filter.Graph()
    source = graph.add_buffer(
        width=template.width, height=template.height, format=template.format,
        time_base=Fraction(1, 1000),
    )  # fmt: skip
    scale = graph.add("scale", f"{width}:{height}:flags=lanczos")
    sharpen = graph.add("unsharp", "5:5:1.2:5:5:0.0")
    pixels = graph.add("format", "yuv420p")
    sink = graph.add("buffersink")
    source.link_to(scale)
    scale.link_to(sharpen)
    sharpen.link_to(pixels)
    pixels.link_to(sink)
    graph.configure()
    return graph
