"""A filmstrip of a long-GOP clip at a zoom where slots span seconds: keyframes first, then each
visible slot's exact frame, cheapest first, replacing them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from kokoon_desktop.core.filmstrip_slots import slot_frame, visible_slots
from tests.media.counter_video import NTSC, make_counter_video, read_counter
from tests.ui.test_window_timeline import rgb_of
from tests.ui.window_fixtures import WindowHarness, closes_windows, until, upload


@closes_windows
async def test_a_coarse_strip_is_refined_to_each_slots_exact_frame(
    qtbot: QtBot, harness: WindowHarness, tmp_path: Path
) -> None:
    # Twenty seconds with a keyframe every 100 frames (over 3 s): at the fit zoom, slots span
    # more than two seconds, so the strip starts with keyframes.
    clip = make_counter_video(tmp_path / "long gop.mp4", frames=600, keyframe_interval=100)
    window = harness.open_window(qtbot)
    window.resize(700, 1000)
    await until(lambda: window.session is not None)
    assert await upload(window, clip) is not None
    local = window.clip_preview.local_clip
    assert local is not None
    refined_by_count: list[tuple[int, int, QImage]] = []
    local.refined_ready.connect(lambda c, slot, image: refined_by_count.append((c, slot, image)))
    asked: list[list[int]] = []  # the slots of each refinement request, in the order asked
    request = local.request_thumbnails

    def spy(count: int, slots: dict[int, int], height: int, **kind: bool) -> None:
        if kind.get("refining"):
            asked.append(list(slots))
        request(count, slots, height, **kind)

    local.request_thumbnails = spy  # type: ignore[method-assign]
    timeline = window.timeline
    # The strip of the first size may be refined already: a wider window makes a new one,
    # watched from its start.
    first_count = timeline.thumbnail_count
    window.resize(1200, 1000)
    await until(lambda: timeline.thumbnail_count != first_count)
    window.clip_preview.feed_filmstrip()
    count = timeline.thumbnail_count
    assert 600 / count >= 2 * NTSC  # a coarse strip: slots of two seconds or more
    on_screen = list(visible_slots(timeline.view, count))
    await until(lambda: all(timeline.has_thumbnail(s) for s in on_screen), within_s=20)

    def refined_now() -> list[tuple[int, QImage]]:  # this strip's, not the first size's
        return [(slot, image) for c, slot, image in refined_by_count if c == count]

    await until(lambda: {s for s, _ in refined_now()} >= set(on_screen), within_s=20)
    refined = refined_now()
    index = local.info.index
    assert index is not None
    frames = {s: slot_frame(s, count, 600) for s in on_screen}
    distance = {s: f - index.keyframe_at_or_before(f) for s, f in frames.items()}
    assert any(d > 0 for d in distance.values())  # some slots are not keyframes
    # Asked for cheapest first (the workers may deliver them in another order).
    assert asked and set(asked[0]) == set(on_screen)
    assert [distance[s] for s in asked[0]] == sorted(distance.values())
    for slot, image in refined:
        assert timeline.thumbnail(slot) == image  # shown in place
        assert read_counter(rgb_of(image)) == frames[slot]  # the slot's own frame
