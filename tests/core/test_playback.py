"""Playback of the range: where it starts, which frame is on screen when, and where it ends."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kokoon_desktop.core.playback import PlaybackRun, start_frame
from kokoon_desktop.core.timecode import FrameRate

NTSC = FrameRate(Fraction(30000, 1001))
PAL = FrameRate(Fraction(25))
speeds = st.sampled_from([-8, -4, -2, -1, 1, 2, 4, 8])


@st.composite
def ranges(draw: st.DrawFn) -> tuple[int, int, int]:
    first = draw(st.integers(0, 10_000))
    last = draw(st.integers(first, first + 10_000))
    playhead = draw(st.integers(0, last + 100))
    return first, last, playhead


def test_forward_playback_starts_at_the_playhead_inside_the_range() -> None:
    assert start_frame(50, 10, 100, 1) == 50
    assert start_frame(10, 10, 100, 2) == 10


def test_playback_from_the_end_or_outside_starts_the_range_again() -> None:
    assert start_frame(100, 10, 100, 1) == 10  # at the Out: play the range again
    assert start_frame(5, 10, 100, 1) == 10
    assert start_frame(500, 10, 100, 1) == 10
    assert start_frame(10, 10, 100, -1) == 100  # backwards from the In: from the Out
    assert start_frame(50, 10, 100, -4) == 50


@given(ranges(), speeds)
def test_the_start_is_always_inside_the_range(values: tuple[int, int, int], speed: int) -> None:
    first, last, playhead = values
    start = start_frame(playhead, first, last, speed)
    assert first <= start <= last
    if first <= playhead <= last and playhead != (last if speed > 0 else first):
        assert start == playhead


def test_frames_follow_the_clock_at_the_source_rate() -> None:
    run = PlaybackRun(PAL, 1, start=0, first=0, last=1000)
    assert run.frame_at(0) == (0, False)
    assert run.frame_at(39_000_000) == (0, False)
    assert run.frame_at(40_000_000) == (1, False)
    assert run.frame_at(1_000_000_000) == (25, False)
    assert PlaybackRun(PAL, 4, start=0, first=0, last=1000).frame_at(1_000_000_000) == (100, False)


def test_ntsc_plays_30000_frames_in_1001_seconds() -> None:
    run = PlaybackRun(NTSC, 1, start=0, first=0, last=100_000)
    assert run.frame_at(1_001_000_000_000) == (30_000, False)
    assert run.frame_at(1_000_999_000_000)[0] == 29_999


def test_a_run_ends_on_the_last_frame_of_the_range_and_shows_it() -> None:
    run = PlaybackRun(PAL, 1, start=90, first=10, last=100)
    assert run.frame_at(360_000_000) == (99, False)
    assert run.frame_at(400_000_000) == (100, True)
    assert run.frame_at(60_000_000_000) == (100, True)
    back = PlaybackRun(PAL, -2, start=20, first=10, last=100)
    assert back.frame_at(100_000_000) == (15, False)
    assert back.frame_at(200_000_000) == (10, True)


@given(ranges(), speeds, st.integers(0, 10_000 * 10**9))
def test_a_run_never_leaves_its_range_and_moves_one_way(
    values: tuple[int, int, int], speed: int, elapsed: int
) -> None:
    first, last, playhead = values
    start = start_frame(playhead, first, last, speed)
    run = PlaybackRun(NTSC, speed, start, first, last)
    frame, done = run.frame_at(elapsed)
    later, later_done = run.frame_at(elapsed + 500_000_000)
    assert first <= frame <= last
    assert (later - frame) * speed >= 0
    assert done <= later_done  # once ended, it stays ended
    end = last if speed > 0 else first
    assert done == (frame == end)


def test_ticks_follow_the_frame_rate_but_not_faster_than_120_a_second() -> None:
    assert PlaybackRun(PAL, 1, 0, 0, 10).tick_interval_ms() == 40
    assert PlaybackRun(NTSC, 1, 0, 0, 10).tick_interval_ms() == 33
    assert PlaybackRun(NTSC, 8, 0, 0, 10).tick_interval_ms() == 8


def test_a_run_refuses_nonsense() -> None:
    with pytest.raises(ValueError, match="speed"):
        PlaybackRun(PAL, 0, 0, 0, 10)
    with pytest.raises(ValueError, match="outside"):
        PlaybackRun(PAL, 1, 11, 0, 10)
    with pytest.raises(ValueError, match="negative"):
        PlaybackRun(PAL, 1, 0, 0, 10).frame_at(-1)
    with pytest.raises(ValueError, match="empty"):
        start_frame(0, 5, 4, 1)
