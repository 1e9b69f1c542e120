"""The frame index against a plain decode, on the files editors bring: the same count, the same
timestamps, and the reader shows exactly the plain decode's frame i for every sampled i."""

from __future__ import annotations

import random
from fractions import Fraction
from pathlib import Path

import av
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kokoon_desktop.core.timecode import FrameRate
from kokoon_desktop.media.frame_index import clear_cache, frame_index
from kokoon_desktop.media.frames import FrameReader, to_rgb
from kokoon_desktop.media.probe import MediaError, probe
from tests.media.counter_video import read_counter
from tests.media.editor_media import (
    make_counter_video,
    make_mpeg2_transport_stream,
    make_trimmed_by_stream_copy,
    make_variable_rate,
    plain_decode,
    remux_to_transport_stream,
)


@pytest.fixture(scope="module")
def media(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("editor-media")
    clean = make_counter_video(folder / "clean.mp4", frames=60)
    rng = random.Random(7)
    times = [0]
    for _ in range(59):
        times.append(times[-1] + rng.choice([16, 33, 33, 34, 50, 67]))
    return {
        "mp4": clean,
        "ts": remux_to_transport_stream(clean, folder / "camcorder.m2ts"),
        "mpeg2-ts": make_mpeg2_transport_stream(folder / "broadcast.ts"),
        "vfr": make_variable_rate(folder / "phone.mp4", times),
        "edit-list": make_trimmed_by_stream_copy(clean, folder / "trimmed.mp4", first_frame=15),
    }


KINDS = ["mp4", "ts", "mpeg2-ts", "vfr", "edit-list"]


def index_of(path: Path) -> object:
    return frame_index(path, probe(path).rate)


@pytest.mark.parametrize("kind", KINDS)
def test_the_index_counts_and_times_frames_as_a_plain_decode_presents_them(
    media: dict[str, Path], kind: str
) -> None:
    path = media[kind]
    frames = plain_decode(path)
    index = frame_index(path, probe(path).rate)
    assert index.total_frames == len(frames)
    assert list(index.times.pts) == [f.pts for f in frames]
    assert list(index.keyframes) == sorted(set(index.keyframes))
    assert len(index.seek_points) == len(index.keyframes)


@pytest.mark.parametrize("kind", KINDS)
def test_the_reader_shows_the_plain_decodes_frame_at_every_sampled_index(
    media: dict[str, Path], kind: str
) -> None:
    path = media[kind]
    expected = [to_rgb(f) for f in plain_decode(path)]
    info = probe(path)
    index = frame_index(path, info.rate)
    order = list(range(len(expected)))
    random.Random(kind).shuffle(order)  # far seeks, near steps, backwards
    with FrameReader(path, info, index=index) as reader:
        assert reader.total_frames == len(expected)
        for i in [*order[:20], len(expected) - 1, 0, len(expected) - 1]:
            assert reader.frame_at(i) == expected[i], f"{kind}: frame {i}"
        with pytest.raises(MediaError):
            reader.frame_at(len(expected))


def test_the_trimmed_file_starts_at_its_cut_and_is_not_longer_than_its_pictures(
    media: dict[str, Path],
) -> None:
    path = media["edit-list"]
    info = probe(path)
    index = frame_index(path, info.rate)
    assert info.total_frames == 48  # what the headers claim: the hidden pictures counted
    assert index.total_frames == 45
    with FrameReader(path, info, index=index) as reader:
        assert read_counter(reader.frame_at(0)) == 15
        assert read_counter(reader.frame_at(44)) == 59


def test_a_transport_stream_counts_from_its_first_frame_not_from_zero(
    media: dict[str, Path],
) -> None:
    index = frame_index(media["ts"], probe(media["ts"]).rate)
    assert index.times.pts[0] > 0  # the stream's clock starts well above zero
    assert index.times.ms_of(0) == 0 and index.times.range_ms(0, 60) == (0, 0)
    assert not index.times.is_variable


def test_variable_rate_milliseconds_are_the_frames_own_times(media: dict[str, Path]) -> None:
    path = media["vfr"]
    index = frame_index(path, probe(path).rate)
    assert index.times.is_variable
    frames = plain_decode(path)
    for i in (1, 7, 30, 59):
        own_ms = round(frames[i].pts * frames[i].time_base * 1000)
        assert index.times.ms_of(i) == own_ms
    start, duration = index.times.range_ms(10, 20)
    assert start == index.times.ms_of(10)
    assert start + duration == index.times.ms_of(30)


def test_constant_rate_milliseconds_are_unchanged(media: dict[str, Path]) -> None:
    from kokoon_desktop.core.timeline import Marks

    path = media["mp4"]
    info = probe(path)
    index = frame_index(path, info.rate)
    assert not index.times.is_variable
    for start, count in [(0, 1), (3, 10), (17, 43), (59, 1), (0, 59)]:
        marks = Marks(info.total_frames, start, start + count - 1)
        assert index.times.range_ms(start, count) == marks.to_request(info.rate)


def test_the_index_is_built_once_per_file_and_again_when_it_changes(
    tmp_path: Path,
) -> None:
    clear_cache()
    path = make_counter_video(tmp_path / "c.mp4", frames=24)
    rate = probe(path).rate
    first = frame_index(path, rate)
    assert frame_index(path, rate) is first
    make_counter_video(path, frames=30)
    assert frame_index(path, rate).total_frames == 30


def test_a_truncated_file_is_indexed_to_where_it_decodes(tmp_path: Path) -> None:
    whole = remux_to_transport_stream(
        make_counter_video(tmp_path / "w.mp4", frames=60), tmp_path / "w.ts"
    )
    cut = tmp_path / "cut.ts"
    data = whole.read_bytes()
    cut.write_bytes(data[: len(data) * 2 // 3])
    frames = plain_decode(cut)
    index = frame_index(cut, probe(cut).rate)
    assert 0 < index.total_frames == len(frames) < 60
    with FrameReader(cut, probe(cut), index=index) as reader:
        last = index.total_frames - 1
        assert reader.frame_at(last) == to_rgb(frames[last])


def test_no_video_and_unreadable_files_say_so(tmp_path: Path) -> None:
    from tests.media.counter_video import write_audio_only

    audio = write_audio_only(tmp_path / "voice.m4a")
    with pytest.raises(MediaError, match="no video"):
        frame_index(audio, FrameRate(Fraction(25)))
    junk = tmp_path / "junk.mp4"
    junk.write_bytes(b"\x00" * 4096)
    with pytest.raises(MediaError):
        frame_index(junk, FrameRate(Fraction(25)))


@settings(max_examples=12, deadline=None)
@given(
    gaps=st.lists(st.integers(min_value=5, max_value=120), min_size=1, max_size=40),
    keyint=st.integers(min_value=1, max_value=15),
)
def test_random_variable_rates_are_indexed_exactly(
    tmp_path_factory: pytest.TempPathFactory, gaps: list[int], keyint: int
) -> None:
    times = [0]
    for gap in gaps:
        times.append(times[-1] + gap)
    path = make_variable_rate(tmp_path_factory.mktemp("vfr") / "v.mp4", times, keyint=keyint)
    index = frame_index(path, probe(path).rate)
    frames = plain_decode(path)
    assert [f.pts for f in frames] == list(index.times.pts)
    tb = index.times.time_base
    assert [round((p - index.times.pts[0]) * tb * 1000) for p in index.times.pts] == times
    with av.open(str(path)) as container:
        assert container.streams.video[0].frames == len(times)


@pytest.mark.parametrize(("rotation", "turn"), [(-90, 90), (90, 270), (180, 180), (0, 0)])
def test_the_index_knows_which_way_up_a_clip_is_shown(
    tmp_path: Path, rotation: int, turn: int
) -> None:
    from tests.media.editor_media import make_portrait_phone_clip

    path = make_portrait_phone_clip(tmp_path / "phone.mov", rotation=rotation)
    info = probe(path)
    index = frame_index(path, info.rate)
    assert index.turn == turn
    from dataclasses import replace

    shown = replace(info, index=index).display_size
    assert shown == ((90, 160) if turn in (90, 270) else (160, 90))


def test_the_index_knows_an_interlaced_source(tmp_path: Path, media: dict[str, Path]) -> None:
    from tests.media.editor_media import make_interlaced_transport_stream

    path = make_interlaced_transport_stream(tmp_path / "broadcast.ts")
    assert frame_index(path, probe(path).rate).interlaced
    assert not frame_index(media["mp4"], probe(media["mp4"]).rate).interlaced


def test_a_file_cut_short_is_marked_damaged_and_whole_ones_are_not(
    tmp_path: Path, media: dict[str, Path]
) -> None:
    from tests.media.editor_media import make_cut_short

    cut = make_cut_short(media["mp4"], tmp_path / "cut.mp4")
    index = frame_index(cut, probe(cut).rate)
    assert index.damaged and 0 < index.total_frames < 60
    assert index.total_frames == len(plain_decode(cut))
    for kind in KINDS:
        assert not frame_index(media[kind], probe(media[kind]).rate).damaged, kind
