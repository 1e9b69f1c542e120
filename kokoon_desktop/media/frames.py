"""Exact frames of a local video, decoded with PyAV as plain RGB bytes (no Qt here).

A frame is found by its index at the stream's exact rate: seek to the keyframe at or before
it, then decode forward to the frame whose timestamp maps to that index. Reading the next
frame continues decoding instead of seeking again, so scrubbing forward and playback are cheap.

On the way to the frame, H.264 pictures that no other picture refers to (most B-frames) and
that show before the wanted one are not decoded at all: nothing can depend on them, so the
wanted frame comes out the same from about half as many decoded pictures.

A caller that does not expect to read on (a seek while scrubbing) can have the frame as soon as
its own picture is decoded: the decoder is drained there instead of decoding the two or three
pictures after it that B-frame reordering would otherwise hold it behind.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import av
import av.error
import av.video.plane
from av.video.reformatter import Interpolation

from kokoon_desktop.core.timecode import FrameRate
from kokoon_desktop.media.h264_nal import avcc_length_size, is_nonreference_picture
from kokoon_desktop.media.probe import MediaError, MediaInfo, probe

if TYPE_CHECKING:
    from kokoon_desktop.media.frame_index import FrameIndex

__all__ = ["FrameReader", "RgbImage", "fit_size", "to_rgb"]

SkipFrame = Literal["DEFAULT", "NONREF", "NONKEY"]
"""The decoder's discard levels used here (FFmpeg's AVDiscard)."""

_SKIPS_NONREF = frozenset({"h264"})
"""Codecs whose non-reference pictures nothing else decodes from. H.264 marks every picture
(nal_ref_idc); HEVC's "sub-layer non-reference" pictures can still be references for higher
temporal layers, which phones use, so HEVC is not listed."""

_SEEK_RETRIES = 3
"""Seeks to an earlier keyframe when a seek lands after the target (a demuxer seeking by
decode time can pick the keyframe just after a frame that B-frames reorder)."""


@dataclass(frozen=True, slots=True)
class RgbImage:
    """A picture as rgb24: `height` rows of `width` × 3 bytes, top row first, no padding."""

    width: int
    height: int
    data: bytes

    def __post_init__(self) -> None:
        if self.width < 1 or self.height < 1 or len(self.data) != self.width * self.height * 3:
            raise ValueError(
                f"An rgb24 image of {self.width}×{self.height} holds "
                f"{self.width * self.height * 3} bytes, got {len(self.data)}."
            )


@dataclass(frozen=True, slots=True)
class BgraImage:
    """A picture as 32-bit B, G, R, A bytes (alpha 255): what Qt paints without a conversion
    (``QImage.Format_RGB32`` on little-endian machines). ``height`` rows of ``width`` × 4
    bytes, top row first, no padding."""

    width: int
    height: int
    data: bytes

    def __post_init__(self) -> None:
        if self.width < 1 or self.height < 1 or len(self.data) != self.width * self.height * 4:
            raise ValueError(
                f"A 32-bit image of {self.width}×{self.height} holds "
                f"{self.width * self.height * 4} bytes, got {len(self.data)}."
            )


def to_bgra(
    frame: av.VideoFrame,
    width: int | None = None,
    height: int | None = None,
    *,
    interpolation: Interpolation | None = None,
) -> BgraImage:
    """A decoded frame as 32-bit BGRA at ``width``×``height`` (its own size by default),
    scaled and converted in one pass of FFmpeg's swscale (``interpolation``: its default,
    bicubic, unless given)."""
    width = width or frame.width
    height = height or frame.height
    bgra = frame.reformat(width=width, height=height, format="bgra", interpolation=interpolation)
    return BgraImage(width, height, _packed(bgra.planes[0], width * 4, height))


def _packed(plane: av.video.plane.VideoPlane, row: int, height: int) -> bytes:
    """A plane's rows without the padding FFmpeg may leave at their ends."""
    buffer = memoryview(plane)
    if plane.line_size == row:
        return bytes(buffer[: row * height])
    stride = plane.line_size
    return b"".join(buffer[y * stride : y * stride + row] for y in range(height))


def fit_size(
    width: int, height: int, max_width: int | None, max_height: int | None
) -> tuple[int, int]:
    """`width`×`height` scaled down (never up) to fit both limits, keeping the aspect ratio."""
    scale = Fraction(1)
    if max_width is not None:
        scale = min(scale, Fraction(max(1, max_width), width))
    if max_height is not None:
        scale = min(scale, Fraction(max(1, max_height), height))
    if scale == 1:
        return width, height
    return max(1, round(width * scale)), max(1, round(height * scale))


def to_rgb(
    frame: av.VideoFrame, max_width: int | None = None, max_height: int | None = None
) -> RgbImage:
    """A decoded frame as rgb24, scaled by FFmpeg's swscale to fit the limits."""
    width, height = fit_size(frame.width, frame.height, max_width, max_height)
    rgb = frame.reformat(width=width, height=height, format="rgb24")
    return RgbImage(width, height, _packed(rgb.planes[0], width * 3, height))


class FrameReader:
    """Decodes frames of one file by index; keeps the file open between calls.

    Not thread-safe: use one reader per thread (a filmstrip worker, the preview's decoder).
    """

    def __init__(
        self,
        path: Path | str,
        info: MediaInfo | None = None,
        *,
        threads: int = 0,
        index: FrameIndex | None = None,
    ) -> None:
        """Open `path` (probed first unless `info` is given). `threads` is how many threads
        the decoder may use, 0 for FFmpeg's choice (about one per core). With the file's
        `index`, frames are counted as a plain decode presents them (start offsets, edit
        lists, variable rates); without it, on the nominal rate's grid from the stream's
        start."""
        self.info = info if info is not None else probe(path)
        self.index = index if index is not None else self.info.index
        self._path = Path(path)
        try:
            self._container = av.open(str(self._path))
        except (av.error.FFmpegError, OSError) as error:
            raise MediaError(f"“{self._path.name}” cannot be read.") from error
        self._stream = self._container.streams.video[0]
        self._stream.thread_type = "AUTO"
        self._stream.codec_context.thread_count = threads
        time_base = self._stream.time_base
        if time_base is None:
            self._container.close()
            raise MediaError(f"“{self._path.name}” has no time base for its video.")
        self._time_base = Fraction(time_base)
        start = self._stream.start_time
        self._start_pts = start if start is not None else 0
        self._decoder: Iterator[av.VideoFrame] | None = None  # the running decode
        self._last: tuple[int, av.VideoFrame] | None = None
        self._can_skip_nonref = self._stream.codec_context.name in _SKIPS_NONREF
        self._nal_length_size = avcc_length_size(self._stream.codec_context.extradata)
        # Pictures showing before this index are not wanted by the decode under way.
        self._wanted_from = 0
        self._drain_at: int | None = None  # the decode under way ends after this frame
        self._draining = False  # ... and has got there: it gives what it holds, then ends
        self._closed = False
        #: Whether this file's seeks land right by decode time (a transport stream) rather
        #: than by presentation time (MP4, MOV): learnt on the first seek by the index.
        self._seeks_by_dts = False
        self.seeks = 0
        """Seeks made so far: for tests and benchmarks (reading on must not seek)."""
        self.decoded = 0
        """Pictures the decoder has given so far: for tests and benchmarks (the ones left out
        on the way to a frame are not counted)."""
        self.packets = 0
        """Compressed pictures handed to the decoder so far: for tests and benchmarks."""

    @property
    def rate(self) -> FrameRate:
        """The exact rate frame indexes are counted at."""
        return self.info.rate

    def index_of_pts(self, pts: int) -> int:
        """The frame index a presentation timestamp (in stream time base) falls on."""
        if self.index is not None:
            return self.index.times.index_at(pts)
        seconds = (pts - self._start_pts) * self._time_base
        return math.floor(seconds * self.rate.value + Fraction(1, 2))

    def pts_of_index(self, index: int) -> int:
        """The presentation timestamp where frame `index` starts, in stream time base."""
        if self.index is not None:
            return self.index.times.pts_of(index)
        return self._start_pts + math.floor(Fraction(index) / self.rate.value / self._time_base)

    @property
    def total_frames(self) -> int:
        """Frames a plain decode presents (the index's count), else the headers' count."""
        return self.index.total_frames if self.index is not None else self.info.total_frames

    @property
    def position(self) -> int | None:
        """The index of the frame the running decode gave last, None when no decode runs on
        from it: frames a little after it are then cheap (no seek), see `read_toward`."""
        if self._decoder is None or self._draining or self._last is None:
            return None
        return self._last[0]

    def frame_at(
        self,
        index: int,
        max_width: int | None = None,
        max_height: int | None = None,
        *,
        reading_on: bool = True,
    ) -> RgbImage:
        """Exactly frame `index` (0-based), scaled down to fit the limits if given.

        With `reading_on` False, a frame that needs a seek is given out as soon as it is
        decoded, and the decode ends there: the next frame then needs a seek of its own.

        Raises ValueError for a negative index and MediaError when the file ends before the
        frame (or cannot be decoded).
        """
        return to_rgb(self._exact(index, drain=not reading_on), max_width, max_height)

    def exact_frame(self, index: int) -> av.VideoFrame:
        """Exactly frame ``index`` as the decoder gave it (for a scale of the caller's own,
        such as the compare view's Lanczos upscale). Raises as :meth:`frame_at` does."""
        return self._exact(index)

    def read_toward(self, index: int) -> tuple[int, av.VideoFrame] | None:
        """(its index, the frame) of the next frame a decode toward frame `index` gives.

        The running decode goes on when it is before the index and close to it; otherwise
        it starts again from the keyframe at or before the index, so the first frames given
        may come before it (pictures nothing refers to are left out there, as in `frame_at`).
        From the index on, every frame is given in order, which is what filling a cache around
        a place needs. None when the file ends.
        """
        self._check_index(index)
        if self._reads_on_to(index):
            self._wanted_from = index
            return self._next_frame()
        return self._seek_at_or_before(index, drain=False)

    def keyframe_near(
        self, index: int, max_width: int | None = None, max_height: int | None = None
    ) -> tuple[int, RgbImage]:
        """(its index, the picture) of the keyframe at or just before frame `index`.

        Much cheaper than `frame_at` on long keyframe intervals, since only that one frame is
        decoded: thumbnails use it, where a frame near the target is as good as the target.
        """
        self._check_index(index)
        try:
            self._seek(self.pts_of_index(index), keyframes_only=True)
            found = self._next_frame()
        finally:
            self._reset()
        if found is None:
            raise self._past_end(index)
        return found[0], to_rgb(found[1], max_width, max_height)

    def close(self) -> None:
        """Close the file; the reader cannot be used afterwards."""
        if not self._closed:
            self._closed = True
            self._reset()
            self._container.close()

    def __enter__(self) -> FrameReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- decoding --------------------------------------------------------------------------

    def _check_index(self, index: int) -> None:
        if self._closed:
            raise MediaError("This video has been closed.")
        if isinstance(index, bool) or not isinstance(index, int) or index < 0:
            raise ValueError(f"A frame index is a whole number from 0, got {index!r}.")

    def _exact(self, index: int, *, drain: bool = False) -> av.VideoFrame:
        self._check_index(index)
        last = self._last
        if last is not None:
            if last[0] == index:
                return last[1]
            if self._reads_on_to(index):
                # Close ahead: decoding on is cheaper than seeking back to a keyframe.
                found = self._decode_to(index)
                if found is not None:
                    return found
                raise self._past_end(index)
        first = self._seek_at_or_before(index, drain=drain)
        if first is None:
            raise self._past_end(index)
        found = first[1] if first[0] == index else self._decode_to(index)
        if found is None:
            raise self._past_end(index)
        return found

    def _reads_on_to(self, index: int) -> bool:
        """Whether the running decode can go on to frame `index`: it is a little ahead, and
        not among the pictures left out on the way to a later frame (those before
        `_wanted_from`, which only grows while a decode runs)."""
        position = self.position
        return (
            position is not None
            and position < index <= position + self.rate.nominal
            and index >= self._wanted_from
        )

    def _seek_at_or_before(self, index: int, *, drain: bool) -> tuple[int, av.VideoFrame] | None:
        """Seek to the keyframe before frame `index`; the first frame decoded from there
        (at or before the index), or None when the file ends first."""
        if self.index is not None:
            return self._seek_by_index(index, drain=drain)
        seek_pts = self.pts_of_index(index)
        for _ in range(_SEEK_RETRIES):
            self._seek(seek_pts, wanted_from=index, drain_at=index if drain else None)
            first = self._next_frame()
            if first is None or first[0] <= index:
                return first
            # Landed after the target: seek again from before the keyframe we hit.
            seek_pts = min(seek_pts, self.pts_of_index(first[0])) - 1
        self._seek(self._start_pts, wanted_from=index, drain_at=index if drain else None)
        return self._next_frame()

    def _seek_by_index(self, index: int, *, drain: bool) -> tuple[int, av.VideoFrame] | None:
        """Seek to the index's keyframe before frame `index`, and accept the landing only on a
        keyframe at or before it: a decode that starts anywhere else would show pictures built
        on missing references, or decode far more than needed.

        Each keyframe is sought by its presentation time (where MP4 and MOV land exactly),
        then by its decode time (what a transport stream's seek goes by: by presentation
        time it lands a GOP late). Earlier keyframes are tried in turn, then the file's start.
        """
        assert self.index is not None
        keyframes = self.index.keyframes
        drain_at = index if drain else None
        candidates = [k for k in reversed(keyframes) if k <= index][:_SEEK_RETRIES]
        for keyframe in candidates:
            by_pts, by_dts = self.pts_of_index(keyframe), self.index.seek_point(keyframe)
            # The kind that landed last time goes first: one seek per frame on either kind.
            order = (by_dts, by_pts) if self._seeks_by_dts else (by_pts, by_dts)
            for target in dict.fromkeys(order):
                self._seek(target, wanted_from=index, drain_at=drain_at)
                first = self._next_frame()
                if first is not None and first[0] <= index and first[0] in keyframes:
                    if by_dts != by_pts:  # a keyframe without reordering tells nothing
                        self._seeks_by_dts = target == by_dts
                    return first
        self._seek(min(self.index.seek_points[0], self._start_pts), wanted_from=index,
                   drain_at=drain_at)  # fmt: skip
        return self._next_frame()

    def _seek(
        self,
        pts: int,
        *,
        wanted_from: int = 0,
        keyframes_only: bool = False,
        drain_at: int | None = None,
    ) -> None:
        """Go to the keyframe at or before `pts`; the decode from there leaves out what
        `_frames` may leave out before frame `wanted_from`, or all but keyframes, and ends
        once frame `drain_at` is decoded, if given."""
        self._reset()
        self.seeks += 1
        try:
            # A keyframe's decode timestamp (the index's seek points) may lie before the
            # stream's start time; other targets are kept within the stream.
            target = pts if self.index is not None else max(pts, self._start_pts)
            self._container.seek(target, backward=True, any_frame=False, stream=self._stream)
        except av.error.FFmpegError as error:
            raise MediaError(f"Cannot seek in “{self._path.name}”: {error}") from error
        self._wanted_from = wanted_from
        self._drain_at = drain_at
        self._decoder = self._frames("NONKEY" if keyframes_only else None)

    def _frames(self, skip: SkipFrame | None) -> Iterator[av.VideoFrame]:
        """Decoded frames in order from the current position.

        With `skip` "NONKEY", only keyframes: each is drained from the decoder as soon as it
        is in (the decoder would otherwise hold it back for B-frame reordering until two more
        keyframes had been read and decoded). Otherwise every frame, less the non-reference
        pictures showing before `_wanted_from`, decided packet by packet since that index
        moves as frames are asked for.
        """
        codec = self._stream.codec_context
        current: SkipFrame = "DEFAULT" if skip is None else skip
        codec.skip_frame = current
        for packet in self._container.demux(self._stream):
            if skip == "NONKEY":
                if packet.is_keyframe:
                    frames = [*codec.decode(packet), *codec.decode(None)]
                    codec.flush_buffers()  # ready for the next packet after the drain
                    yield from frames
                continue
            shows_at = None if packet.pts is None else self.index_of_pts(packet.pts)
            if self._can_skip_nonref:
                early = shows_at is not None and shows_at < self._wanted_from
                if early and is_nonreference_picture(memoryview(packet), self._nal_length_size):
                    continue  # not even handed over: it would still take a decoder thread's turn
                # What the packet test cannot tell (a slice past its scan), FFmpeg still leaves out.
                wanted: SkipFrame = "NONREF" if early else "DEFAULT"
                if wanted != current:
                    codec.skip_frame = current = wanted
            self.packets += 1
            yield from codec.decode(packet)
            if shows_at is not None and shows_at == self._drain_at:
                # Every picture this one refers to came before it in the file, so it is whole
                # now: drain it out rather than decode what reordering holds it behind.
                self._draining = True
                frames = list(codec.decode(None))
                codec.flush_buffers()
                yield from frames
                return

    def _reset(self) -> None:
        decoder = self._decoder
        self._decoder = None
        self._last = None
        self._draining = False
        close = getattr(decoder, "close", None)  # a generator: end it now, not at collection
        if close is not None:
            close()

    def _next_frame(self) -> tuple[int, av.VideoFrame] | None:
        """The next decoded frame and its index, or None at the end of the file."""
        decoder = self._decoder
        if decoder is None:
            return None
        while True:
            try:
                frame = next(decoder)
            except StopIteration:
                self._decoder = None
                return None
            except av.error.FFmpegError as error:
                self._reset()
                raise MediaError(f"“{self._path.name}” cannot be decoded: {error}") from error
            self.decoded += 1
            if frame.pts is None:
                continue  # no timestamp, no place on the timeline
            found = (self.index_of_pts(frame.pts), frame)
            self._last = found
            return found

    def _decode_to(self, index: int) -> av.VideoFrame | None:
        """Decode on to frame `index`; None if the file ends first.

        A frame that skips past the index (a file with a gap) stands in for it: that is the
        picture on screen at that time.
        """
        self._wanted_from = index
        while (found := self._next_frame()) is not None:
            if found[0] >= index:
                return found[1]
        return None

    def _past_end(self, index: int) -> MediaError:
        return MediaError(
            f"“{self._path.name}” has no frame {index}: it ends before it "
            f"(it should have {self.total_frames} frames)."
        )
