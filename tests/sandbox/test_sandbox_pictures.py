"""The pictures the simulator makes for tasks: the frame a request's ``start_pos`` names is the
one the app means (the app's own frame index says which), from files as editors bring them and
far into a file (reached by a seek); one decode makes both of a preview's pictures."""

from __future__ import annotations

import math
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path

import av
import pytest

from kokoon_desktop.media.frame_index import indexed
from kokoon_desktop.media.frames import to_rgb
from kokoon_desktop.media.probe import probe
from kokoon_desktop.sandbox.media import SEEK_MARGIN_MS, RenderOutput, render_outputs
from tests.media.counter_video import make_counter_video, read_counter
from tests.media.editor_media import (
    make_mpeg2_transport_stream,
    make_trimmed_by_stream_copy,
    make_variable_rate,
    plain_decode,
    remux_to_transport_stream,
)

FRAMES = 130  # 4.3 s at 29.97 fps: starts past 2 s are reached by a seek


def _remux_to_truncated_ms(source: Path, target: Path) -> Path:
    """``source`` in Matroska with every timestamp cut down to the millisecond (not rounded):
    frame 15 at 29.97 fps (500.5 ms) is stored at 500 ms, yet a client names it 501."""
    with av.open(str(source)) as reader, av.open(str(target), "w") as writer:
        video = reader.streams.video[0]
        assert video.time_base is not None
        scale = video.time_base * 1000
        out = writer.add_stream_from_template(video)
        for packet in reader.demux(video):
            if packet.dts is None or packet.pts is None:
                continue
            packet.pts, packet.dts = math.floor(packet.pts * scale), math.floor(packet.dts * scale)
            packet.time_base = Fraction(1, 1000)
            packet.stream = out
            writer.mux(packet)
    return target


def _counter(folder: Path) -> Path:
    return make_counter_video(folder / "counter.mp4", frames=FRAMES, keyframe_interval=24)


EDITOR_FILES: dict[str, Callable[[Path], Path]] = {
    "mp4": _counter,
    "transport stream": lambda d: remux_to_transport_stream(_counter(d), d / "camcorder.ts"),
    "mpeg-2": lambda d: make_mpeg2_transport_stream(d / "broadcast.ts", frames=110),
    "variable rate": lambda d: make_variable_rate(
        d / "phone.mp4", [i * 33 + (i % 3) * 7 for i in range(FRAMES)]
    ),
    "edit list": lambda d: make_trimmed_by_stream_copy(_counter(d), d / "cut.mp4", first_frame=7),
    "truncated ms": lambda d: _remux_to_truncated_ms(_counter(d), d / "truncated.mkv"),
}


def _numbers(path: Path) -> list[int]:
    return [read_counter(to_rgb(frame)) for frame in plain_decode(path)]


@pytest.mark.parametrize("kind", list(EDITOR_FILES))
def test_the_first_frame_is_the_one_the_app_names_by_start_pos(kind: str, tmp_path: Path) -> None:
    source = EDITOR_FILES[kind](tmp_path)
    info = indexed(probe(source))
    assert info.index is not None
    expected = _numbers(source)
    out = tmp_path / "orig.mp4"
    for first in (0, 1, 15, 45, 70, 100, info.total_frames - 2):
        start_ms = info.index.times.ms_of(first)
        assert (start_ms > 2 * SEEK_MARGIN_MS) == (first >= 70)
        count = render_outputs(source, [RenderOutput(out)], start_ms=start_ms, frames=3)
        wanted = expected[first : first + 3]
        assert count == len(wanted)  # the last range runs out of source
        assert _numbers(out) == wanted, (kind, first, start_ms)


def test_one_decode_makes_both_pictures_at_their_sizes(tmp_path: Path) -> None:
    source = _counter(tmp_path)
    orig, sr = tmp_path / "orig.mp4", tmp_path / "sr.mp4"
    outputs = [RenderOutput(orig), RenderOutput(sr, (640, 360))]
    assert render_outputs(source, outputs, start_ms=3337, frames=5) == 5  # frame 100
    for path, size in ((orig, (160, 90)), (sr, (640, 360))):
        frames = plain_decode(path)
        assert {(f.width, f.height) for f in frames} == {size}
        assert [read_counter(to_rgb(f)) for f in frames] == [100, 101, 102, 103, 104]
    with pytest.raises(ValueError, match="no frame from"):
        render_outputs(source, outputs, start_ms=60_000, frames=5)
