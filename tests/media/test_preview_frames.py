from __future__ import annotations

import dataclasses
import random
from collections.abc import Iterator
from pathlib import Path

import av
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kokoon_desktop.media.frames import to_rgb
from kokoon_desktop.media.preview_frames import PreviewFrames
from kokoon_desktop.media.probe import probe
from tests.media.conftest import FRAMES, GOP
from tests.media.counter_video import read_counter

FRAME_BYTES = 160 * 90 * 3


def _plain(path: Path) -> list[bytes]:
    with av.open(str(path)) as container:
        return [to_rgb(frame).data for frame in container.decode(video=0)]


def _fill(frames: PreviewFrames) -> int:
    """Run the idle work to its end; how many steps it took."""
    steps = 0
    while frames.fill_once():
        steps += 1
        assert steps < 10 * FRAMES, "the idle work never ends"
    return steps


@pytest.fixture
def preview(counter_video: Path) -> Iterator[PreviewFrames]:
    frames = PreviewFrames(counter_video, probe(counter_video))
    yield frames
    frames.close()


def test_a_frame_is_exact_before_any_idle_work(preview: PreviewFrames) -> None:
    for index in (40, 3, 74, 0):
        assert read_counter(preview.frame(index)) == index
    assert preview.hits == 0


def test_the_idle_work_fills_a_second_either_side_of_the_frame_shown(
    counter_video: Path, preview: PreviewFrames
) -> None:
    plain = _plain(counter_video)
    preview.frame(37)
    assert _fill(preview) > 0
    reach = preview.info.rate.nominal  # 30 frames at 29.97 fps
    for index in range(37 - reach, min(FRAMES, 37 + reach + 1)):
        assert preview.cached(index), index
    # Each of them is the exact frame, pixel for pixel, and comes from memory.
    order = list(range(37 - reach, min(FRAMES, 37 + reach + 1)))
    random.Random(3).shuffle(order)
    for index in order:
        assert preview.frame(index).data == plain[index], index
    assert preview.hits == len(order)


def test_moving_on_moves_the_idle_work_with_the_frame(preview: PreviewFrames) -> None:
    preview.frame(5)
    _fill(preview)
    assert not preview.cached(60)
    assert read_counter(preview.frame(40)) == 40  # from memory: within a second of 5
    _fill(preview)
    assert preview.cached(60) and preview.cached(70)


def test_the_idle_work_at_the_end_of_the_file_ends(counter_video_25: Path) -> None:
    # Matroska records no frame count: the count is reckoned from the duration, and the
    # idle work must stop where the frames really end.
    frames = PreviewFrames(counter_video_25, probe(counter_video_25))
    try:
        frames.frame(48)
        _fill(frames)
        assert frames.cached(49) and frames.cached(48 - 25)  # a second either side at 25 fps
        assert [read_counter(frames.frame(i)) for i in range(23, 50)] == list(range(23, 50))
    finally:
        frames.close()


def test_the_budget_bounds_the_frames_kept_and_keeps_the_nearest(counter_video: Path) -> None:
    frames = PreviewFrames(counter_video, probe(counter_video), budget=16 * FRAME_BYTES)
    try:
        assert frames.capacity == 16
        frames.frame(30)
        _fill(frames)
        kept = [index for index in range(FRAMES) if frames.cached(index)]
        assert 30 in kept and len(kept) <= 16
        assert max(abs(index - 30) for index in kept) <= 8
        frames.frame(60)
        _fill(frames)
        kept = [index for index in range(FRAMES) if frames.cached(index)]
        assert 60 in kept and 30 not in kept and len(kept) <= 16
    finally:
        frames.close()


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(st.tuples(st.integers(0, FRAMES - 1), st.integers(0, 2 * GOP)), min_size=1, max_size=5)
)
def test_any_mix_of_frames_and_idle_work_gives_the_asked_frames(
    counter_video: Path, moves: list[tuple[int, int]]
) -> None:
    frames = PreviewFrames(counter_video, probe(counter_video), budget=20 * FRAME_BYTES)
    try:
        for index, idle_steps in moves:
            assert read_counter(frames.frame(index)) == index
            for _ in range(idle_steps):
                frames.fill_once()
    finally:
        frames.close()


def test_a_file_shorter_than_its_header_says_stops_the_idle_work(counter_video: Path) -> None:
    info = dataclasses.replace(probe(counter_video), total_frames=FRAMES + 60)
    frames = PreviewFrames(counter_video, info)
    try:
        assert read_counter(frames.frame(FRAMES - 1)) == FRAMES - 1
        _fill(frames)  # ends, although the frames after the last one never come
        assert frames.cached(FRAMES - 31) and not frames.cached(FRAMES)
    finally:
        frames.close()


def test_pinned_frames_are_decoded_after_the_neighbourhood_and_kept(
    counter_video: Path,
) -> None:
    frames = PreviewFrames(counter_video, probe(counter_video), budget=16 * FRAME_BYTES)
    try:
        frames.pin([0, FRAMES - 1, 999])  # a frame past the end is left out
        frames.frame(35)
        _fill(frames)
        assert frames.cached(0) and frames.cached(FRAMES - 1)
        # Moving about elsewhere drops the old neighbourhood, never the pinned frames.
        for index in (20, 50, 10):
            frames.frame(index)
            _fill(frames)
        assert frames.cached(0) and frames.cached(FRAMES - 1) and not frames.cached(35)
        hits = frames.hits
        assert read_counter(frames.frame(FRAMES - 1)) == FRAMES - 1
        assert frames.hits == hits + 1
        frames.pin([30])  # replaces the pins
        frames.frame(0)
        _fill(frames)
        assert frames.cached(30) and not frames.cached(FRAMES - 1)
    finally:
        frames.close()


def test_a_pinned_frame_the_file_does_not_reach_stops_being_looked_for(
    counter_video: Path,
) -> None:
    info = dataclasses.replace(probe(counter_video), total_frames=FRAMES + 60)
    frames = PreviewFrames(counter_video, info)
    try:
        frames.pin([FRAMES + 50, 3])
        frames.frame(FRAMES - 1)
        _fill(frames)  # ends
        assert frames.cached(3)
    finally:
        frames.close()
