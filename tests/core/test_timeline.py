"""The timeline model: marks and the request's ms, frame <-> pixel mapping, snapping, ticks,
and the J/K/L shuttle."""

from __future__ import annotations

import dataclasses
import itertools
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kokoon_desktop.core.timecode import FrameRate, frames_to_ms, parse_timecode
from kokoon_desktop.core.timeline import MAX_ZOOM, Marks, Shuttle, TimelineView, snap
from kokoon_desktop.core.timeline_ticks import Tick, tick_interval, ticks

COMMON = [
    "24000/1001",
    "24/1",
    "25/1",
    "30000/1001",
    "30/1",
    "50/1",
    "60000/1001",
    "60/1",
]
RATES = [FrameRate.parse(text) for text in COMMON]
NTSC = FrameRate(Fraction(30000, 1001))
NTSC_60 = FrameRate(Fraction(60000, 1001))
PAL = FrameRate(Fraction(25))

rates = st.sampled_from(RATES)
# Up to 3 hours at 60 fps.
totals = st.integers(1, 60 * 3600 * 3)


@st.composite
def marks(draw: st.DrawFn) -> Marks:
    total = draw(totals)
    a = draw(st.none() | st.integers(0, total - 1))
    b = draw(st.none() | st.integers(0, total - 1))
    if a is not None and b is not None and a > b:
        a, b = b, a
    return Marks(total, a, b)


@st.composite
def views(draw: st.DrawFn, min_zoom: float = 0.0) -> TimelineView:
    total = draw(st.integers(1, 200_000))
    width = draw(st.integers(40, 4000))
    zoom = draw(st.floats(min_zoom, MAX_ZOOM * 2))
    scroll = draw(st.floats(-1e7, 1e7))
    return TimelineView(width, total, zoom, scroll)


# --- Marks ---------------------------------------------------------------------------------------


def test_no_marks_is_the_whole_clip() -> None:
    m = Marks(100)
    assert m.range_frames() == (0, 100)
    assert m.is_whole_clip
    assert m.to_request(PAL) == (0, 0)


def test_out_is_inclusive() -> None:
    m = Marks(100).set_in(10).set_out(19)
    assert m.range_frames() == (10, 10)
    one_frame = Marks(100).set_in(5).set_out(5)
    assert one_frame.range_frames() == (5, 1)


def test_only_in_runs_to_the_end_and_only_out_starts_at_zero() -> None:
    assert Marks(100).set_in(30).range_frames() == (30, 70)
    assert Marks(100).set_out(30).range_frames() == (0, 31)


def test_in_after_out_clears_out_and_out_before_in_clears_in() -> None:
    m = Marks(100).set_in(20).set_out(40)
    assert m.set_in(50) == Marks(100, 50, None)
    assert m.set_in(40) == Marks(100, 40, 40)
    assert m.set_out(10) == Marks(100, None, 10)
    assert m.set_out(20) == Marks(100, 20, 20)


def test_marks_are_clamped_into_the_clip() -> None:
    assert Marks(100).set_in(-5).in_frame == 0
    assert Marks(100).set_out(500).out_frame == 99


def test_clearing() -> None:
    m = Marks(100, 10, 20)
    assert m.clear_in() == Marks(100, None, 20)
    assert m.clear_out() == Marks(100, 10, None)
    assert m.clear() == Marks(100)


@pytest.mark.parametrize(
    ("total", "in_frame", "out_frame"),
    [(0, None, None), (10, 10, None), (10, None, -1), (10, 6, 5)],
)
def test_invalid_marks_are_refused(total: int, in_frame: int | None, out_frame: int | None) -> None:
    with pytest.raises(ValueError):
        Marks(total, in_frame, out_frame)


def test_marks_at_both_ends_are_the_whole_clip() -> None:
    m = Marks(100, 0, 99)
    assert m.is_whole_clip
    assert m.to_request(PAL) == (0, 0)
    assert m.normalized() == Marks(100)


def test_request_at_29_97() -> None:
    # Frame 1800 is 00:01:00;02 in drop-frame, at 1800 * 1001 / 30 ms = 60060 ms exactly.
    m = Marks(30_000).set_in(parse_timecode("00:01:00;02", NTSC)).set_out(1829)
    assert m.range_frames() == (1800, 30)
    assert m.to_request(NTSC) == (60060, 1001)
    # Frame 1 starts at 33.3667 ms: 33; frame 2 at 66.733: 67.
    assert Marks(30_000, 1, 1).to_request(NTSC) == (33, 67 - 33)
    assert Marks.from_request(33, 34, NTSC, 30_000) == Marks(30_000, 1, 1)


def test_request_from_start_is_not_the_whole_file() -> None:
    start_ms, duration_ms = Marks(100).set_out(0).to_request(PAL)
    assert (start_ms, duration_ms) == (0, 40)


def test_from_request_whole_file_and_lenient_ends() -> None:
    assert Marks.from_request(0, 0, PAL, 100) == Marks(100)
    # A start with no duration runs to the end.
    assert Marks.from_request(400, 0, PAL, 100) == Marks(100, 10, None)
    # An end past the clip is cut to it; an end inside a frame includes that frame.
    assert Marks.from_request(400, 99_999, PAL, 100) == Marks(100, 10, None)
    assert Marks.from_request(400, 41, PAL, 100) == Marks(100, 10, 11)


@pytest.mark.parametrize(("start", "duration"), [(-1, 10), (0, -1), (4000, 10)])
def test_from_request_refuses_impossible_ranges(start: int, duration: int) -> None:
    with pytest.raises(ValueError):
        Marks.from_request(start, duration, PAL, 100)


@settings(max_examples=400)
@given(rates, marks())
def test_request_round_trip_is_exact(rate: FrameRate, m: Marks) -> None:
    start_ms, duration_ms = m.to_request(rate)
    assert start_ms >= 0
    assert duration_ms >= 0
    assert start_ms + duration_ms <= frames_to_ms(m.total_frames, rate)
    assert (duration_ms == 0) == m.is_whole_clip
    back = Marks.from_request(start_ms, duration_ms, rate, m.total_frames)
    assert back == m.normalized()
    assert back.range_frames() == m.range_frames()


# --- View ----------------------------------------------------------------------------------------


def test_fit_shows_the_whole_clip() -> None:
    view = TimelineView(1000, 250).zoomed(8, 300).fit()
    assert view.x_of(0) == 0
    assert view.x_of(250) == pytest.approx(1000)
    assert view.visible_frames() == (0, 250)
    assert view.is_fit


def test_zoom_is_clamped() -> None:
    assert TimelineView(1000, 250, zoom=1000).zoom == MAX_ZOOM
    assert TimelineView(1000, 250, zoom=0.001).zoom == 4.0
    # A clip shorter than the width at MAX_ZOOM fits wider than MAX_ZOOM.
    short = TimelineView(1000, 10, zoom=1)
    assert short.zoom == 100 == short.max_zoom


def test_frame_at_rounds_to_the_nearest_boundary() -> None:
    view = TimelineView(1000, 100, zoom=10)
    assert view.frame_at(14.9) == 1
    assert view.frame_at(15.1) == 2
    assert view.frame_at(-50) == 0
    assert view.frame_at(995) == 99
    assert view.boundary_at(998) == 100


def test_resize_by_replace_keeps_values_valid() -> None:
    view = TimelineView(1000, 100, zoom=10, scroll_px=1e9)
    assert view.scroll_px == 0  # 100 frames * 10 px fit exactly
    wider = dataclasses.replace(view, width_px=2000)
    assert wider.zoom == 20 and wider.scroll_px == 0
    assert TimelineView(0, 10).width_px == 1


@settings(max_examples=300)
@given(views(min_zoom=1.0), st.data())
def test_frame_at_inverts_x_of(view: TimelineView, data: st.DataObject) -> None:
    frame = data.draw(st.integers(0, view.total_frames - 1))
    assert view.frame_at(view.x_of(frame)) == frame
    assert view.boundary_at(view.x_of(frame + 1)) == frame + 1


@settings(max_examples=300)
@given(views(), st.floats(0.01, 100), st.data())
def test_zoom_keeps_the_anchor(view: TimelineView, factor: float, data: st.DataObject) -> None:
    anchor = data.draw(st.floats(0, view.width_px))
    before = (anchor + view.scroll_px) / view.zoom
    after_view = view.zoomed(factor, anchor)
    after = (anchor + after_view.scroll_px) / after_view.zoom
    at_limit = after_view.scroll_px in (0.0, after_view.max_scroll)
    # Zooming in never reaches a scroll limit; zooming out may, and then the clip's end wins.
    assert abs(after - before) <= 1 or (factor < 1 and at_limit)
    if factor >= 1:
        assert abs(after - before) < 1e-6 * max(1.0, before)


@settings(max_examples=300)
@given(views(), st.floats(-1e6, 1e6), st.floats(0.01, 100), st.floats(-100, 5000))
def test_scroll_stays_within_the_clip(
    view: TimelineView, dx: float, factor: float, anchor: float
) -> None:
    for moved in (view, view.scrolled(dx), view.zoomed(factor, anchor), view.fit()):
        assert 0 <= moved.scroll_px <= moved.max_scroll
        assert moved.x_of(0) <= 0
        assert moved.x_of(moved.total_frames) >= moved.width_px - 1e-6
        first, end = moved.visible_frames()
        assert 0 <= first < end <= moved.total_frames


@settings(max_examples=200)
@given(views(), st.floats(0, 200), st.data())
def test_ensure_visible_shows_the_frame(
    view: TimelineView, margin: float, data: st.DataObject
) -> None:
    frame = data.draw(st.integers(0, view.total_frames - 1))
    shown = view.ensure_visible(frame, margin)
    assert shown.x_of(frame) >= -1e-6
    assert shown.x_of(frame + 1) <= shown.width_px + 1e-6
    first, end = shown.visible_frames()
    assert first <= frame < end


def test_ensure_visible_scrolls_only_when_needed() -> None:
    view = TimelineView(1000, 1000, zoom=10, scroll_px=500)
    assert view.ensure_visible(100, 20) == view
    assert view.ensure_visible(200, 20).x_of(201) == pytest.approx(980)
    assert view.ensure_visible(40, 20).x_of(40) == pytest.approx(20)


# --- Snapping ------------------------------------------------------------------------------------


def test_snap_within_threshold_on_screen() -> None:
    view = TimelineView(1000, 1000, zoom=2)
    assert snap(104, [0, 100, 1000], view, threshold_px=8) == 100
    assert snap(105, [0, 100, 1000], view, threshold_px=8) == 105
    # The same distance in frames snaps at a wider zoom threshold only if pixels allow.
    assert snap(104, [100], dataclasses.replace(view, zoom=10), threshold_px=8) == 104
    # The nearest target wins; on a tie the earlier frame.
    assert snap(50, [47, 52], view, threshold_px=8) == 52
    assert snap(50, [52, 48], view, threshold_px=8) == 48
    assert snap(50, [], view, threshold_px=8) == 50


# --- Ticks ---------------------------------------------------------------------------------------


def test_tick_intervals_adapt_to_zoom() -> None:
    assert tick_interval(40, PAL, 8) == 1
    assert tick_interval(1, PAL, 8) == 25  # 5 frames would be 5 px; one second is 25
    assert tick_interval(0.1, PAL, 8) == 25 * 5
    assert tick_interval(0.001, PAL, 8) == 25 * 60 * 10  # 5 min would be 7.5 px
    assert tick_interval(3, FrameRate(Fraction(24)), 8) == 6


def test_drop_frame_minute_ticks_have_real_labels() -> None:
    total = parse_timecode("00:12:00;02", NTSC)
    view = TimelineView(1200, total)
    result = ticks(view, NTSC, 50, label_spacing_px=50)
    labels = [tick.label for tick in result]
    assert labels[:3] == ["00:00:00;00", "00:01:00;02", "00:02:00;02"]
    assert "00:10:00;00" in labels


def test_drop_frame_ticks_across_a_minute_boundary() -> None:
    # Around 00:01:00;02 at 59.94 (4 numbers skipped), 5-frame ticks would come 1 frame apart.
    start = parse_timecode("00:00:59;40", NTSC_60)
    view = TimelineView(800, 10_000, zoom=2, scroll_px=start * 2)
    assert tick_interval(2, NTSC_60, 8) == 10  # 5 (10 px) would leave a 1-frame gap
    result = ticks(view, NTSC_60, 8)
    frames = [tick.frame for tick in result]
    gaps = [b - a for a, b in itertools.pairwise(frames)]
    assert min(gaps) * view.zoom >= 8
    assert parse_timecode("00:01:00;04", NTSC_60) in frames


@settings(max_examples=300, deadline=None)
@given(views(), rates, st.floats(4, 200), st.floats(0, 300))
def test_ticks_are_spaced_visible_and_labelled(
    view: TimelineView, rate: FrameRate, spacing: float, label_spacing: float
) -> None:
    result = ticks(view, rate, spacing, label_spacing_px=label_spacing)
    first, end = view.visible_frames()
    assert all(first <= tick.frame < end for tick in result)
    for a, b in itertools.pairwise(result):
        assert view.x_of(b.frame) - view.x_of(a.frame) >= spacing - 1e-6
    for tick in result:
        assert (tick.label is not None) == tick.major
        if tick.label is not None:
            assert parse_timecode(tick.label, rate) == tick.frame
    majors = [tick for tick in result if tick.major]
    for a, b in itertools.pairwise(majors):
        assert view.x_of(b.frame) - view.x_of(a.frame) >= label_spacing - 1e-6


def test_ticks_cover_the_view_when_zoomed_in() -> None:
    view = TimelineView(400, 1000, zoom=MAX_ZOOM, scroll_px=400)
    result = ticks(view, PAL, 8, label_spacing_px=100)
    assert [t.frame for t in result] == list(range(10, 20))
    # 5 frames are 200 px, the first multiple of the minor tick that leaves room for a label.
    assert [t for t in result if t.major] == [
        Tick(10, True, "00:00:00:10"),
        Tick(15, True, "00:00:00:15"),
    ]


# --- Shuttle -------------------------------------------------------------------------------------


def test_shuttle_speeds_up_and_stops() -> None:
    shuttle = Shuttle()
    assert [shuttle.press_l() for _ in range(5)] == [1, 2, 4, 8, 8]
    assert shuttle.press_k() == 0
    assert [shuttle.press_j() for _ in range(5)] == [-1, -2, -4, -8, -8]


def test_shuttle_opposite_direction_starts_at_one() -> None:
    shuttle = Shuttle()
    shuttle.press_l()
    shuttle.press_l()
    assert shuttle.press_j() == -1
    assert shuttle.press_l() == 1
    assert shuttle.speed == 1


@settings(max_examples=100)
@given(st.sampled_from([NTSC, NTSC_60]), st.integers(0, 2_000_000))
def test_drop_frame_ticks_miss_no_frame(rate: FrameRate, first: int) -> None:
    view = TimelineView(400, 2_000_100, zoom=MAX_ZOOM, scroll_px=first * MAX_ZOOM)
    result = ticks(view, rate, 1, label_spacing_px=1)
    start, end = view.visible_frames()
    assert [tick.frame for tick in result] == list(range(start, end))
    assert all(parse_timecode(tick.label or "", rate) == tick.frame for tick in result)
