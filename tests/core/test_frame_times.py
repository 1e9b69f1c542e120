"""Frame times: the one definition of when frame i is shown, and its milliseconds."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from kokoon_desktop.core.frame_times import FrameTimes
from kokoon_desktop.core.timecode import FrameRate, frames_to_ms
from kokoon_desktop.core.timeline import Marks

RATES = [Fraction(24000, 1001), Fraction(24), Fraction(25), Fraction(30000, 1001), Fraction(30),
         Fraction(50), Fraction(60000, 1001), Fraction(60)]  # fmt: skip
TIME_BASES = [Fraction(1, 90000), Fraction(1, 16000), Fraction(1, 15360), Fraction(1, 1000),
              Fraction(1001, 30000), Fraction(1, 12800)]  # fmt: skip


def grid(rate: Fraction, time_base: Fraction, count: int, start: int) -> list[int]:
    """Where a muxer puts constant-rate frames: each on the nearest tick of its time base."""
    return [start + round(Fraction(i) / rate / time_base) for i in range(count)]


@given(
    rate=st.sampled_from(RATES),
    time_base=st.sampled_from(TIME_BASES),
    count=st.integers(min_value=2, max_value=400),
    start=st.integers(min_value=-5000, max_value=10**7),
    data=st.data(),
)
def test_constant_rate_files_give_exactly_what_the_nominal_clock_gives(
    rate: Fraction, time_base: Fraction, count: int, start: int, data: st.DataObject
) -> None:
    pts = grid(rate, time_base, count, start)
    assume(len(set(pts)) == count)  # a time base too coarse for the rate cannot hold it
    times = FrameTimes.of(pts, time_base, FrameRate(rate))
    assert not times.is_variable
    first = data.draw(st.integers(min_value=0, max_value=count - 1))
    frames = data.draw(st.integers(min_value=1, max_value=count - first))
    marks = Marks(count, first, first + frames - 1)
    assert times.range_ms(first, frames) == marks.to_request(FrameRate(rate))
    assert times.ms_of(first) == frames_to_ms(first, FrameRate(rate))


@given(
    gaps=st.lists(st.integers(min_value=1, max_value=5000), min_size=1, max_size=200),
    start=st.integers(min_value=-(10**6), max_value=10**9),
    time_base=st.sampled_from(TIME_BASES),
)
def test_any_increasing_timestamps_map_to_frames_and_back(
    gaps: list[int], start: int, time_base: Fraction
) -> None:
    pts = [start]
    for gap in gaps:
        pts.append(pts[-1] + gap)
    times = FrameTimes.of(list(reversed(pts)), time_base, FrameRate(Fraction(30)))
    assert times.pts == tuple(pts)  # decode order in, presentation order out
    for index, value in enumerate(pts):
        assert times.index_at(value) == index
        assert times.pts_of(index) == value
        if index + 1 < len(pts) and pts[index + 1] - value > 1:
            assert times.index_at(value + 1) == index  # between two frames: the earlier one
    assert times.index_at(start - 1) == -1
    ms = [times.ms_of(i) for i in range(times.total_frames + 1)]
    assert ms[0] == 0 and ms == sorted(ms)


@given(
    gaps=st.lists(st.integers(min_value=1, max_value=200), min_size=2, max_size=120),
    data=st.data(),
)
def test_a_partial_range_is_never_the_whole_file(gaps: list[int], data: st.DataObject) -> None:
    pts = [0]
    for gap in gaps:
        pts.append(pts[-1] + gap)
    times = FrameTimes.of(pts, Fraction(1, 1000), FrameRate(Fraction(30)))
    count = times.total_frames
    first = data.draw(st.integers(min_value=0, max_value=count - 1))
    frames = data.draw(st.integers(min_value=1, max_value=count - first))
    start, duration = times.range_ms(first, frames)
    if (first, frames) == (0, count):
        assert (start, duration) == (0, 0)
    else:
        assert duration >= 1
        if times.is_variable:
            # The request's ends are the frames' own times, in whole milliseconds.
            assert start == round(Fraction(pts[first]))
            end_pts = pts[first + frames] if first + frames < count else pts[-1] + gaps[-1]
            assert start + duration == max(start + 1, end_pts)


def test_variable_rate_is_noticed_and_averaged() -> None:
    times = FrameTimes.of([0, 33, 67, 100, 200, 233], Fraction(1, 1000), FrameRate(Fraction(30)))
    assert times.is_variable
    assert times.average_rate == Fraction(6, Fraction(266, 1000))


def test_bad_timestamps_are_refused() -> None:
    with pytest.raises(ValueError, match="at least one frame"):
        FrameTimes.of([], Fraction(1, 1000), FrameRate(Fraction(30)))
    with pytest.raises(ValueError, match="increase"):
        FrameTimes.of([0, 33, 33], Fraction(1, 1000), FrameRate(Fraction(30)))
    times = FrameTimes.of([0, 33], Fraction(1, 1000), FrameRate(Fraction(30)))
    with pytest.raises(ValueError):
        times.range_ms(1, 2)
    with pytest.raises(ValueError):
        times.ms_of(3)


@given(
    rate=st.sampled_from(RATES),
    time_base=st.sampled_from(TIME_BASES),
    steps=st.lists(st.integers(min_value=1, max_value=4000), min_size=1, max_size=60),
    start=st.integers(min_value=-5000, max_value=10**7),
)
def test_variable_means_a_frame_more_than_a_tick_and_a_half_off_the_nominal_grid(
    rate: Fraction, time_base: Fraction, steps: list[int], start: int
) -> None:
    pts = [start]
    for step in steps:
        pts.append(pts[-1] + step)
    times = FrameTimes.of(pts, time_base, FrameRate(rate))
    # The definition in seconds, exactly.
    off_grid = any(
        abs((p - start) * time_base - i / rate) > time_base * Fraction(3, 2)
        for i, p in enumerate(pts)
    )
    assert times.is_variable == off_grid


@given(
    gaps=st.lists(st.integers(min_value=1, max_value=9000), min_size=1, max_size=150),
    time_base=st.sampled_from(TIME_BASES),
    rate=st.sampled_from(RATES),
)
def test_a_start_pos_names_the_frame_it_was_made_from(
    gaps: list[int], time_base: Fraction, rate: Fraction
) -> None:
    """``index_of_ms`` undoes ``ms_of``: the first frame starting at that millisecond (two frames
    closer than a millisecond share one), for variable and constant rates alike."""
    pts = [0]
    for gap in gaps:
        pts.append(pts[-1] + gap)
    times = FrameTimes.of(pts, time_base, FrameRate(rate))
    ms = [times.ms_of(i) for i in range(times.total_frames)]
    for value in ms:
        assert times.index_of_ms(value) == ms.index(value)
    assert times.index_of_ms(ms[-1] + 1) == times.total_frames  # past the last start
