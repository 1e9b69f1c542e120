"""The filmstrip's slots: how many at a zoom, their frames, and which are on screen."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kokoon_desktop.core.filmstrip_slots import slot_count, slot_frame, visible_slots
from kokoon_desktop.core.timeline import TimelineView

totals = st.integers(1, 60 * 60 * 60 * 3)
widths = st.floats(50, 8000, allow_nan=False)
thumbs = st.floats(16, 400, allow_nan=False)


def test_a_fitted_ten_minute_clip_gets_a_thumbnail_every_slot_width() -> None:
    assert slot_count(1280, 160, 18_000) == 8
    assert slot_count(1300, 160, 18_000) == 16  # 8.1 thumbnails wide: 16 narrower slots
    assert slot_count(100, 160, 18_000) == 1
    assert slot_count(40 * 10, 160, 10) == 4  # never more slots than frames: 10 -> 4 (power)
    assert slot_count(40 * 10, 16, 10) == 10


@given(widths, thumbs, totals)
def test_slots_are_never_wider_than_a_thumbnail_unless_frames_run_out(
    content: float, thumb: float, total: int
) -> None:
    count = slot_count(content, thumb, total)
    assert 1 <= count <= total
    assert count == total or count & (count - 1) == 0
    if count < total:
        assert content / count <= thumb + 1e-6
        # and no finer than needed: half as many would be too wide
        if count > 1:
            assert content / (count // 2) > thumb - 1e-6


@given(totals, st.integers(0, 20), st.data())
def test_each_level_keeps_the_frames_of_the_level_before(
    total: int, level: int, data: st.DataObject
) -> None:
    count = 1 << level
    if count * 2 <= total:
        slot = data.draw(st.integers(0, count - 1))
        assert slot_frame(slot, count, total) == slot_frame(2 * slot, 2 * count, total)


def test_slot_frames_start_at_zero_and_stay_in_the_clip() -> None:
    assert [slot_frame(slot, 4, 10) for slot in range(4)] == [0, 2, 5, 7]
    with pytest.raises(IndexError):
        slot_frame(4, 4, 10)


@given(widths, totals, st.floats(1, 1000), st.floats(0, 1), st.integers(1, 4096))
def test_visible_slots_cover_the_screen_and_nothing_far_off(
    width: float, total: int, zoom_factor: float, scroll_share: float, count: int
) -> None:
    view = TimelineView(width, total)
    view = view.zoomed(zoom_factor, 0).scrolled(view.content_width * scroll_share)
    count = min(count, total)
    shown = visible_slots(view, count)
    slot_width = view.content_width / count
    assert len(shown) >= 1
    for slot in shown:  # every slot listed touches the screen
        assert slot * slot_width < view.scroll_px + view.width_px + 1e-6
        assert (slot + 1) * slot_width > view.scroll_px - 1e-6
    # the screen is covered from its left edge to its right edge (or the clip's end)
    assert shown.start * slot_width <= view.scroll_px + 1e-6
    right = min(view.content_width, view.scroll_px + view.width_px)
    assert shown.stop * slot_width >= right - 1e-6
    wider = visible_slots(view, count, margin_slots=2)
    assert wider.start == max(0, shown.start - 2) and wider.stop == min(count, shown.stop + 2)


def test_no_slots_no_visible_slots() -> None:
    assert visible_slots(TimelineView(100, 10), 0) == range(0)
