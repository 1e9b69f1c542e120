"""A file's frame index: when each frame a plain decode presents is shown, and where its
keyframes are, read by demuxing packets (no decoding) and checked at both ends by decoding.

Packets alone nearly say it: one picture per packet, in presentation order once sorted by
timestamp, less those an edit list marks as discarded (a file trimmed by stream copy keeps the
pictures before its start, flagged; the decoder drops them). What packets cannot say is decided
by a decoder at the edges: pictures before the first keyframe of a stream cut mid-GOP (a
transport stream recorded from the middle of a broadcast) are not presented, and a truncated
file's last pictures may not decode. So the first and the last GOP are decoded and their
frames replace what the packets said there. A packet without a timestamp makes the whole
index come from a decode instead (slower, never wrong).

Indexes are cached per file (path, size, modification time and a fingerprint of its first
and last bytes), so the preview, the filmstrip and the request share one; in memory, and on
disk between runs when a folder is named (see ``index_store``).
"""

from __future__ import annotations

import bisect
import hashlib
import threading
from collections import OrderedDict
from dataclasses import dataclass, replace
from fractions import Fraction
from pathlib import Path

import av
import av.error

from kokoon_desktop.core.frame_times import FrameTimes
from kokoon_desktop.core.orientation import upright_turn
from kokoon_desktop.core.timecode import FrameRate
from kokoon_desktop.media import index_store
from kokoon_desktop.media.probe import MediaError, MediaInfo

__all__ = ["FrameIndex", "clear_cache", "frame_index", "indexed"]

_CACHE_SIZE = 16
_FINGERPRINT_BYTES = 64 * 1024


@dataclass(frozen=True)
class FrameIndex:
    """Frame times and keyframe positions of one file."""

    times: FrameTimes
    #: Indexes of the frames that are keyframes (a seek lands on one), ascending.
    keyframes: tuple[int, ...]
    #: Where to seek for each keyframe: its decode timestamp, which is what demuxers seek by
    #: (a transport stream seeking to a keyframe's presentation time lands a GOP late).
    seek_points: tuple[int, ...]
    #: The clockwise turn that shows the pictures upright (a phone's portrait clip: 90).
    turn: int = 0
    #: Whether the pictures are interlaced (two fields each: camcorders, broadcast).
    interlaced: bool = False
    #: Whether the file is damaged at its end (truncated): the index stops where its pictures
    #: stop decoding.
    damaged: bool = False

    def seek_point(self, keyframe: int) -> int:
        """The timestamp to seek to for keyframe ``keyframe`` (a frame index)."""
        return self.seek_points[bisect.bisect_left(self.keyframes, keyframe)]

    @property
    def total_frames(self) -> int:
        return self.times.total_frames

    def keyframe_at_or_before(self, index: int) -> int:
        """The keyframe a decode toward frame ``index`` starts from."""
        at = bisect.bisect_right(self.keyframes, index) - 1
        return self.keyframes[max(at, 0)]


@dataclass(frozen=True)
class _FileKey:
    path: str
    size: int
    mtime_ns: int
    fingerprint: bytes

    @property
    def name(self) -> str:
        """The key as a text, for the store on disk."""
        return f"{self.path}\n{self.size}\n{self.mtime_ns}\n{self.fingerprint.hex()}"


_cache: OrderedDict[_FileKey, FrameIndex] = OrderedDict()
_cache_lock = threading.Lock()


def clear_cache() -> None:
    with _cache_lock:
        _cache.clear()


def frame_index(path: Path | str, nominal: FrameRate) -> FrameIndex:
    """The frame index of ``path`` (cached); MediaError when it has no frame to show."""
    path = Path(path)
    key = _key(path)
    with _cache_lock:
        found = _cache.get(key)
        if found is not None:
            _cache.move_to_end(key)
            return found
    store = index_store.current()
    stored = store.load(key.name) if store is not None else None
    if stored is not None and stored.times.nominal == nominal:
        index = stored
    else:
        index = _build(path, nominal)
        if store is not None:
            store.save(key.name, index)
    with _cache_lock:
        _cache[key] = index
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return index


def indexed(info: MediaInfo) -> MediaInfo:
    """``info`` with the file's frame index, and the count and length it gives."""
    index = frame_index(info.path, info.rate)
    return replace(
        info,
        index=index,
        total_frames=index.total_frames,
        duration_ms=index.times.ms_of(index.total_frames),
    )


def _key(path: Path) -> _FileKey:
    try:
        stat = path.stat()
        with path.open("rb") as file:
            head = file.read(_FINGERPRINT_BYTES)
            file.seek(max(0, stat.st_size - _FINGERPRINT_BYTES))
            tail = file.read(_FINGERPRINT_BYTES)
    except OSError as error:
        raise MediaError(f"“{path.name}” cannot be read: {error.strerror or error}.") from error
    digest = hashlib.blake2b(head + tail, digest_size=16).digest()
    return _FileKey(str(path.resolve()), stat.st_size, stat.st_mtime_ns, digest)


def _build(path: Path, nominal: FrameRate) -> FrameIndex:
    container = _open(path)
    with container:
        stream = container.streams.video[0]
        assert stream.time_base is not None  # checked by _open
        time_base = Fraction(stream.time_base)
        scan = _scan(container, stream)
    if scan is None:  # a packet without a timestamp: only a decode can tell
        with _open(path) as container:
            scan = _decode_all(container, container.streams.video[0])
    pts, keyframes, durations, first = scan
    if not pts:
        raise MediaError(f"“{path.name}” has no frame that can be shown.")
    times = FrameTimes.of(pts, time_base, nominal, durations.get(pts[-1]))
    position = {value: index for index, value in enumerate(times.pts)}
    shown = sorted((position[k], dts) for k, dts in keyframes.items() if k in position)
    return FrameIndex(
        times,
        tuple(k for k, _ in shown),
        tuple(dts for _, dts in shown),
        upright_turn(first.rotation),
        first.interlaced,
        first.damaged,
    )


def _open(path: Path) -> av.container.InputContainer:
    try:
        container = av.open(str(path))
    except (av.error.FFmpegError, OSError) as error:
        raise MediaError(f"“{path.name}” cannot be read.") from error
    stream = container.streams.video[0] if container.streams.video else None
    if stream is None or stream.time_base is None:
        container.close()
        what = "no video in it" if stream is None else "no time base for its video"
        raise MediaError(f"“{path.name}” has {what}.")
    return container


#: (shown pts; keyframes' pts → their decode timestamps; durations by pts; the first picture)
_Scan = tuple[list[int], dict[int, int], dict[int, int], "_FirstPicture"]


@dataclass(frozen=True)
class _FirstPicture:
    """What the first decoded picture says of them all."""

    rotation: float = 0.0
    interlaced: bool = False
    #: Set when reading or decoding stopped on an error (a truncated file).
    damaged: bool = False

    @classmethod
    def of(cls, frame: av.VideoFrame) -> _FirstPicture:
        return cls(frame.rotation or 0.0, bool(frame.interlaced_frame))


def _scan(
    container: av.container.InputContainer, stream: av.video.stream.VideoStream
) -> _Scan | None:
    """One pass over the packets, without seeking (a transport stream's seeks are estimates):
    every shown packet's timestamp, the first GOP decoded as it goes by, the last GOP kept and
    decoded at the end. None when a packet has no timestamp."""
    codec = stream.codec_context
    packets: list[int] = []  # shown packets' pts, decode order
    keyframes: dict[int, int] = {}
    durations: dict[int, int] = {}
    head: list[int] = []
    first: list[_FirstPicture] = []  # what the first decoded picture says
    head_end: int | None = None  # the second keyframe's pts: the head ends before it
    head_open = True
    last_gop: list[av.Packet] = []  # type: ignore[type-arg]  # every packet from the last keyframe on, for the decoder
    last_key: int | None = None
    damaged = False
    read = 0  # packets read, shown or not
    try:
        for packet in container.demux(stream):
            if packet.size == 0:
                continue  # the demuxer's flush packet
            read += 1
            if packet.is_keyframe:
                if last_key is not None and head_end is None and packet.pts is not None:
                    head_end = packet.pts
                last_gop = []
                if not packet.is_discard and packet.pts is not None:
                    last_key = packet.pts
            last_gop.append(packet)
            if not packet.is_discard:  # pictures an edit list cuts are decoded, not shown
                if packet.pts is None:
                    return None
                packets.append(packet.pts)
                if packet.is_keyframe:
                    keyframes[packet.pts] = packet.dts if packet.dts is not None else packet.pts
                if packet.duration:
                    durations[packet.pts] = packet.duration
            if head_open:
                head_open = _decode_into(head, codec.decode(packet), head_end, first)
    except av.error.FFmpegError:
        damaged = True  # a damaged tail: what came before stands, the last GOP's decode decides
    if head_open:
        _decode_into(head, _drain(codec), None, first)
    if stream.frames and read < stream.frames:
        damaged = True  # the headers list pictures the file no longer holds (cut short)
    picture = replace(first[0] if first else _FirstPicture(), damaged=damaged)
    if last_key is None or head_end is None or last_key < head_end:
        return _keep_only(sorted(set(head)), keyframes, durations, picture)  # one GOP: decoded
    codec.flush_buffers()
    tail: list[int] = []
    try:
        for packet in last_gop:
            _decode_into(tail, codec.decode(packet), None)
    except av.error.FFmpegError:
        damaged = True  # a truncated end: what decoded is what shows
    else:
        _decode_into(tail, _drain(codec), None)
    tail = [p for p in tail if p >= last_key]
    middle = [p for p in packets if head_end <= p < last_key]
    pts = sorted({*head, *middle, *tail})
    # Nothing shows before the decoder's first picture (a stream cut mid-GOP), nor after its
    # last (a truncated file).
    low = min(head) if head else pts[0] if pts else 0
    high = max(tail) if tail else last_key - 1
    if damaged or high < max(packets):  # pictures were there that did not decode
        picture = replace(picture, damaged=True)
    return _keep_only([p for p in pts if low <= p <= high], keyframes, durations, picture)


def _keep_only(
    pts: list[int], keyframes: dict[int, int], durations: dict[int, int], first: _FirstPicture
) -> _Scan:
    shown = set(pts)
    return pts, {k: dts for k, dts in keyframes.items() if k in shown}, durations, first


def _decode_into(
    found: list[int],
    frames: list[av.VideoFrame],
    stop: int | None,
    first: list[_FirstPicture] | None = None,
) -> bool:
    """Add the frames' timestamps below ``stop``; False once a frame reaches it. What the
    first frame says goes into ``first`` when it is empty."""
    for frame in frames:
        if first is not None and not first:
            first.append(_FirstPicture.of(frame))
        if frame.pts is None:
            continue
        if stop is not None and frame.pts >= stop:
            return False
        found.append(frame.pts)
    return True


def _drain(codec: av.video.codeccontext.VideoCodecContext) -> list[av.VideoFrame]:
    try:
        return list(codec.decode(None))
    except av.error.FFmpegError:
        return []


def _decode_all(
    container: av.container.InputContainer, stream: av.video.stream.VideoStream
) -> _Scan:
    """Every presented frame's timestamp, by decoding the whole file (the slow, sure way)."""
    pts: list[int] = []
    keyframes: dict[int, int] = {}
    first: list[_FirstPicture] = []
    try:
        for frame in container.decode(stream):
            if not first:
                first.append(_FirstPicture.of(frame))
            if frame.pts is not None:
                pts.append(frame.pts)
                if frame.key_frame:
                    keyframes[frame.pts] = frame.dts if frame.dts is not None else frame.pts
    except av.error.FFmpegError:
        pass
    return sorted(set(pts)), keyframes, {}, first[0] if first else _FirstPicture()
