"""The files editors bring, made with PyAV, each frame with its index burned in (see
``counter_video``): a transport stream starting well above zero, MPEG-2 in a transport stream,
a variable-rate phone clip, an MP4 trimmed by stream copy (an edit list), and the broken ones:
cut short, in an unknown format, pictures that do not decode."""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from fractions import Fraction
from pathlib import Path

import av
import av.error

from tests.media.counter_video import _pattern, _rgb_frame, make_counter_video

WIDTH, HEIGHT = 160, 90


def plain_decode(path: Path) -> list[av.VideoFrame]:
    """Every frame a plain decode presents, in order: the definition of frame i (a damaged
    file's, up to where its decoding stops)."""
    frames: list[av.VideoFrame] = []
    with av.open(str(path)) as container, contextlib.suppress(av.error.FFmpegError):
        frames.extend(container.decode(container.streams.video[0]))
    return frames


def remux_to_transport_stream(source: Path, target: Path) -> Path:
    """The same pictures in MPEG-TS, as a camcorder or a broadcast recorder writes them."""
    with av.open(str(source)) as reader, av.open(str(target), "w", format="mpegts") as writer:
        video = reader.streams.video[0]
        out = writer.add_stream_from_template(video)
        for packet in reader.demux(video):
            if packet.dts is None:
                continue
            packet.stream = out
            writer.mux(packet)
    return target


def make_mpeg2_transport_stream(target: Path, *, frames: int = 50) -> Path:
    """MPEG-2 video with B-frames in a transport stream (broadcast, older camcorders)."""
    with av.open(str(target), "w", format="mpegts") as container:
        stream = container.add_stream("mpeg2video", rate=25)
        stream.width, stream.height, stream.pix_fmt = WIDTH, HEIGHT, "yuv420p"
        stream.codec_context.gop_size = 12
        stream.codec_context.max_b_frames = 2
        stream.codec_context.bit_rate = 2_000_000
        for index in range(frames):
            frame = _rgb_frame(_pattern(index, WIDTH, HEIGHT), WIDTH, HEIGHT)
            frame.pts = index
            container.mux(stream.encode(frame.reformat(format="yuv420p")))
        container.mux(stream.encode(None))
    return target


def make_variable_rate(target: Path, times_ms: Sequence[int], *, keyint: int = 12) -> Path:
    """H.264 in MP4 with each frame at its own millisecond (a phone's variable frame rate)."""
    with av.open(str(target), "w") as container:
        stream = container.add_stream(
            "libx264",
            rate=30,
            options={"x264-params": f"keyint={keyint}:min-keyint={keyint}:scenecut=0"},
        )
        stream.width, stream.height, stream.pix_fmt = WIDTH, HEIGHT, "yuv420p"
        stream.codec_context.time_base = Fraction(1, 1000)
        stream.time_base = Fraction(1, 1000)
        for index, ms in enumerate(times_ms):
            frame = _rgb_frame(_pattern(index, WIDTH, HEIGHT), WIDTH, HEIGHT)
            frame.pts = ms
            frame.time_base = Fraction(1, 1000)
            container.mux(stream.encode(frame))
        container.mux(stream.encode(None))
    return target


def make_trimmed_by_stream_copy(source: Path, target: Path, *, first_frame: int) -> Path:
    """``source`` cut to start at ``first_frame`` without re-encoding: the packets from the
    keyframe before it are kept, and an edit list hides the pictures before the cut."""
    with av.open(str(source)) as reader, av.open(str(target), "w") as writer:
        video = reader.streams.video[0]
        out = writer.add_stream_from_template(video)
        assert video.average_rate is not None and video.time_base is not None
        step = round(1 / (video.average_rate * video.time_base))
        packets = [p for p in reader.demux(video) if p.dts is not None and p.pts is not None]
        cut = first_frame * step
        start = max(
            i for i, p in enumerate(packets) if p.is_keyframe and p.pts is not None and p.pts <= cut
        )
        for packet in packets[start:]:
            assert packet.pts is not None and packet.dts is not None
            packet.pts -= cut
            packet.dts -= cut
            packet.stream = out
            writer.mux(packet)
    return target


__all__ = [
    "make_counter_video",
    "make_cut_short",
    "make_interlaced_transport_stream",
    "make_mpeg2_transport_stream",
    "make_portrait_phone_clip",
    "make_trimmed_by_stream_copy",
    "make_variable_rate",
    "plain_decode",
    "remux_to_transport_stream",
]


def make_portrait_phone_clip(target: Path, *, rotation: int = -90, frames: int = 6) -> Path:
    """A 160×90 stored picture whose top-left quarter is white, with a display matrix that
    turns it (FFmpeg's counterclockwise ``rotation``; a phone held upright records -90)."""
    white, black = b"\xff\xff\xff", b"\x00\x00\x00"
    rows = [
        (white * (WIDTH // 2) + black * (WIDTH - WIDTH // 2)) if y < HEIGHT // 2 else black * WIDTH
        for y in range(HEIGHT)
    ]
    picture = b"".join(rows)
    with av.open(str(target), "w") as container:
        stream = container.add_stream("libx264", rate=30, options={"crf": "0"})
        stream.width, stream.height, stream.pix_fmt = WIDTH, HEIGHT, "yuv420p"
        stream.set_display_rotation(rotation)
        for index in range(frames):
            frame = _rgb_frame(picture, WIDTH, HEIGHT)
            frame.pts = index
            container.mux(stream.encode(frame.reformat(format="yuv420p")))
        container.mux(stream.encode(None))
    return target


def make_interlaced_transport_stream(target: Path, *, frames: int = 10) -> Path:
    """Interlaced MPEG-2 (top field first) in a transport stream, as broadcast and older
    camcorders record."""
    with av.open(str(target), "w", format="mpegts") as container:
        stream = container.add_stream(
            "mpeg2video", rate=25, options={"flags": "+ildct+ilme", "top": "1"}
        )
        stream.width, stream.height, stream.pix_fmt = WIDTH, 96, "yuv420p"
        for index in range(frames):
            frame = _rgb_frame(_pattern(index, WIDTH, 96), WIDTH, 96)
            frame.pts = index
            container.mux(stream.encode(frame.reformat(format="yuv420p")))
        container.mux(stream.encode(None))
    return target


def make_cut_short(source: Path, target: Path) -> Path:
    """``source`` as a camera writes it (its sample table first), then cut at two thirds, as a
    card pulled out mid-copy leaves it: the table lists pictures the file no longer holds."""
    whole = target.with_name(target.stem + ".whole.mp4")
    with (
        av.open(str(source)) as reader,
        av.open(str(whole), "w", options={"movflags": "faststart"}) as writer,
    ):
        video = reader.streams.video[0]
        out = writer.add_stream_from_template(video)
        for packet in reader.demux(video):
            if packet.dts is not None:
                packet.stream = out
                writer.mux(packet)
    data = whole.read_bytes()
    target.write_bytes(data[: len(data) * 2 // 3])
    whole.unlink()
    return target


def make_unknown_format(source: Path, target: Path) -> Path:
    """``source`` (an H.264 MP4) with its sample entry renamed to a format no decoder knows,
    as a file from an exotic camera or a codec pack looks to FFmpeg."""
    data = source.read_bytes()
    entry = data.rfind(b"avc1")  # the sample description's format (the brand comes first)
    target.write_bytes(data[:entry] + b"zzz1" + data[entry + 4 :])
    return target


def make_undecodable(source: Path, target: Path, *, seed: int = 1) -> Path:
    """``source`` with its headers intact and every picture's bytes replaced by noise: it
    probes as the video it was and not one picture decodes."""
    import random

    data = bytearray(source.read_bytes())
    start, end = data.find(b"mdat") + 4 + 16, data.find(b"moov")
    if end < start:  # the sample table may come after the pictures or before them
        end = len(data)
    noise = random.Random(seed)
    data[start:end] = bytes(noise.randrange(256) for _ in range(end - start))
    target.write_bytes(bytes(data))
    return target
