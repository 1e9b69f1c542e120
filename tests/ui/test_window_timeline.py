"""The timeline in the real window, over a video whose frames carry their own number.

A user's keys and drags on the timeline must land in the task's ``start_pos`` and ``duration``
exactly, the preview must show the very frame under the playhead (the counter says which),
playback must run through the range and stop at its end, the filmstrip must follow the zoom,
and an account video without a local copy must still get a working timeline.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from kokoon_desktop.core.filmstrip_slots import slot_frame
from kokoon_desktop.core.timeline import Marks
from kokoon_desktop.media.frames import RgbImage
from kokoon_desktop.storage.history import SubmissionState
from kokoon_desktop.ui.main_window import MainWindow
from kokoon_desktop.ui.preview.clip_preview import NO_LOCAL_COPY, REMOTE_CAPTION
from kokoon_desktop.ui.task_form import SourceInfo
from kokoon_desktop.ui.timeline.widget import TimelineWidget
from tests.media.counter_video import make_counter_video, read_counter
from tests.ui.test_main_window import submit_and_wait
from tests.ui.window_fixtures import HARBOUR, WindowHarness, closes_windows, until, upload

FRAMES = 75  # at 30000/1001 fps, 160x90, a keyframe every 12 frames


def rgb_of(image: QImage) -> RgbImage:
    """A QImage's pixels as the counter reader takes them."""
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    width, height, stride = image.width(), image.height(), image.bytesPerLine()
    raw = bytes(image.constBits())
    return RgbImage(
        width, height, b"".join(raw[y * stride : y * stride + width * 3] for y in range(height))
    )


def shown_frame(window: MainWindow) -> int | None:
    """The number burned into the picture the preview shows."""
    image = window.preview.image
    return None if image is None else read_counter(rgb_of(image))


async def window_with_counter(qtbot: QtBot, harness: WindowHarness, tmp_path: Path) -> MainWindow:
    clip = make_counter_video(tmp_path / "counter.mp4", frames=FRAMES)
    window = harness.open_window(qtbot)
    await until(lambda: window.session is not None)
    assert await upload(window, clip) is not None
    assert window.timeline.total_frames == FRAMES
    await until(lambda: shown_frame(window) == 0)
    return window


def press(
    qtbot: QtBot, timeline: TimelineWidget, key: Qt.Key, times: int = 1, **kw: object
) -> None:
    modifier = kw.get("modifier", Qt.KeyboardModifier.NoModifier)
    assert isinstance(modifier, Qt.KeyboardModifier)
    for _ in range(times):
        qtbot.keyClick(timeline, key, modifier)


def track_point(timeline: TimelineWidget, x: float) -> QPoint:
    """A point on the track (below the ruler) at `x`."""
    y = timeline.ruler_height() + (timeline.height() - timeline.ruler_height()) / 2
    return QPoint(round(x), round(y))


@closes_windows
async def test_keys_set_the_task_range_and_the_preview_shows_the_exact_frame(
    qtbot: QtBot, harness: WindowHarness, tmp_path: Path
) -> None:
    window = await window_with_counter(qtbot, harness, tmp_path)
    timeline = window.timeline
    timeline.setFocus()
    press(qtbot, timeline, Qt.Key.Key_Right, 10)
    await until(lambda: shown_frame(window) == 10)
    assert "frame 10" in window.preview.caption
    press(qtbot, timeline, Qt.Key.Key_I)
    press(qtbot, timeline, Qt.Key.Key_Right, modifier=Qt.KeyboardModifier.ShiftModifier)
    await until(lambda: shown_frame(window) == 40)  # one second is 30 frames at 29.97
    press(qtbot, timeline, Qt.Key.Key_O)
    assert timeline.marks == Marks(FRAMES, 10, 40)

    press(qtbot, timeline, Qt.Key.Key_Home)
    press(qtbot, timeline, Qt.Key.Key_I, modifier=Qt.KeyboardModifier.ShiftModifier)
    await until(lambda: shown_frame(window) == 10)
    press(qtbot, timeline, Qt.Key.Key_End)
    await until(lambda: shown_frame(window) == FRAMES - 1)

    entry = await submit_and_wait(qtbot, window)
    assert entry.state is SubmissionState.SUBMITTED
    # Frame 10 starts at 333.67 ms and frame 41 (after the Out) at 1367.97 ms: rounded,
    # 334 and 1368, so the service trims exactly frames 10 to 40.
    body = entry.request_body
    assert (body["start_pos"], body["duration"]) == (334, 1034)

    press(qtbot, timeline, Qt.Key.Key_X, modifier=Qt.KeyboardModifier.AltModifier)
    assert timeline.marks.is_whole_clip
    spec = window.form.spec
    assert spec is not None and (spec.start_pos, spec.duration) == (0, 0)


@closes_windows
async def test_dragging_the_handles_sets_the_task_range(
    qtbot: QtBot, harness: WindowHarness, tmp_path: Path
) -> None:
    window = await window_with_counter(qtbot, harness, tmp_path)
    timeline = window.timeline
    view = timeline.view
    left = Qt.MouseButton.LeftButton
    # The In handle sits on the clip's left edge; grab it just inside and drag to frame 20.
    qtbot.mousePress(timeline, left, pos=track_point(timeline, view.x_of(0) + 2))
    qtbot.mouseMove(timeline, track_point(timeline, view.x_of(20) + 2))
    qtbot.mouseRelease(timeline, left, pos=track_point(timeline, view.x_of(20) + 2))
    assert timeline.marks.in_frame == 20
    # The Out handle sits on the right edge of the last frame: drag it to the end of frame 49.
    end_x = view.x_of(FRAMES)
    qtbot.mousePress(timeline, left, pos=track_point(timeline, end_x - 2))
    qtbot.mouseMove(timeline, track_point(timeline, view.x_of(50) - 2))
    qtbot.mouseRelease(timeline, left, pos=track_point(timeline, view.x_of(50) - 2))
    assert timeline.marks == Marks(FRAMES, 20, 49)

    # Clicking on the track moves the playhead there, and the preview follows.
    qtbot.mouseClick(timeline, left, pos=track_point(timeline, view.x_of(33) + 1))
    assert timeline.playhead == 33
    await until(lambda: shown_frame(window) == 33)

    spec = window.form.spec
    assert spec is not None
    # Frames 20..49: from 667.33 ms (667) to the start of frame 50, 1668.33 ms (1668).
    assert (spec.start_pos, spec.duration) == (667, 1001)
    entry = await submit_and_wait(qtbot, window)
    assert (entry.request_body["start_pos"], entry.request_body["duration"]) == (667, 1001)


@closes_windows
async def test_space_plays_the_range_through_to_its_end(
    qtbot: QtBot, harness: WindowHarness, tmp_path: Path
) -> None:
    window = await window_with_counter(qtbot, harness, tmp_path)
    timeline = window.timeline
    timeline.set_marks(Marks(FRAMES, 30, 45))
    seen: list[int] = []
    timeline.playhead_moved.connect(seen.append)
    timeline.setFocus()
    press(qtbot, timeline, Qt.Key.Key_Space)  # the playhead is before the range: from the In
    assert timeline.is_playing and window.player.is_running
    await until(lambda: not timeline.is_playing, within_s=10)
    assert not window.player.is_running
    assert seen[0] == 30 and seen[-1] == 45
    assert seen == sorted(seen) and all(30 <= frame <= 45 for frame in seen)
    await until(lambda: shown_frame(window) == 45)  # the last frame shown is the Out

    press(qtbot, timeline, Qt.Key.Key_L)
    press(qtbot, timeline, Qt.Key.Key_L)
    assert timeline.shuttle_speed == 2  # from the Out: the range again, twice as fast
    press(qtbot, timeline, Qt.Key.Key_K)
    assert not timeline.is_playing and not window.player.is_running
    stopped_at = timeline.playhead
    assert 30 <= stopped_at <= 45

    press(qtbot, timeline, Qt.Key.Key_J)
    assert timeline.shuttle_speed == -1
    await until(lambda: not timeline.is_playing, within_s=10)
    assert timeline.playhead == 30  # backwards, it ends on the In


@closes_windows
async def test_the_filmstrip_follows_the_zoom_with_exact_frames_on_screen(
    qtbot: QtBot, harness: WindowHarness, tmp_path: Path
) -> None:
    window = await window_with_counter(qtbot, harness, tmp_path)
    timeline = window.timeline

    def filled_on_screen() -> list[int]:
        first, end = timeline.view.visible_frames()
        count = timeline.thumbnail_count
        slots = [s for s in range(count) if first <= slot_frame(s, count, FRAMES) < end]
        return slots if all(timeline.has_thumbnail(s) for s in slots) else []

    await until(filled_on_screen)
    fitted = timeline.thumbnail_count
    assert fitted >= 4

    for _ in range(6):
        timeline.zoom_in()
    await until(lambda: timeline.thumbnail_count > fitted and filled_on_screen())
    count = timeline.thumbnail_count
    on_screen = filled_on_screen()
    # Only what is on screen (and a little around it) was decoded, not the whole clip.
    assert not all(timeline.has_thumbnail(slot) for slot in range(count))
    for slot in on_screen:
        image = timeline.thumbnail(slot)
        assert image is not None
        assert read_counter(rgb_of(image)) == slot_frame(slot, count, FRAMES)

    timeline.zoom_to_fit()
    await until(lambda: timeline.thumbnail_count == fitted and filled_on_screen())


@closes_windows
async def test_an_account_video_without_a_local_copy_shows_the_services_thumbnail(
    qtbot: QtBot, harness: WindowHarness
) -> None:
    await harness.load_videos()
    window = harness.open_window(qtbot)
    await until(lambda: window.session is not None)
    session = window.session
    assert session is not None
    video = await session.connection.client.get_video(harness.vids[HARBOUR])
    assert video.thumb_url
    harness.sandbox.clear_requests()

    window.form.set_source(SourceInfo.from_video(video))
    timeline = window.timeline
    assert timeline.isEnabled() and timeline.total_frames == 90  # 3 s at 30 fps
    assert timeline.thumbnail_count == 0  # no filmstrip without the file
    assert window.preview.isVisible()
    await until(lambda: window.preview.image is not None)
    assert window.preview.caption == REMOTE_CAPTION
    storage = [r for r in harness.sandbox.requests if r.origin == "storage"]
    assert storage and not any(r.has_authorization for r in storage)

    # The timeline works from the service's numbers: keys set the task's range.
    timeline.setFocus()
    qtbot.keyClick(timeline, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(timeline, Qt.Key.Key_I)
    spec = window.form.spec
    assert spec is not None and (spec.start_pos, spec.duration) == (1000, 2000)

    # No thumbnail link: the preview says why there are no frames.
    window.form.set_source(None)
    assert not window.preview.isVisible()
    bare = SourceInfo(vid=video.vid, fps=video.fps, total_frames=video.nb_frames)
    window.form.set_source(bare)
    assert window.preview.isVisible() and window.preview.message == NO_LOCAL_COPY


@closes_windows
async def test_f1_lists_the_timeline_keys_and_esc_returns_to_the_timeline(
    qtbot: QtBot, harness: WindowHarness
) -> None:
    window = harness.open_window(qtbot)
    window.form.set_source(SourceInfo(vid=harness.vids[HARBOUR], fps="30/1", total_frames=90))
    overlay = window.shortcuts_overlay
    window.timeline.setFocus()
    qtbot.keyClick(window.timeline, Qt.Key.Key_F1)
    assert overlay.isVisible() and overlay.geometry() == overlay.parentWidget().rect()
    qtbot.keyClick(overlay, Qt.Key.Key_Escape)
    assert not overlay.isVisible()
    await until(lambda: window.timeline.hasFocus())
    qtbot.keyClick(window.timeline, Qt.Key.Key_Question, Qt.KeyboardModifier.ShiftModifier)
    assert overlay.isVisible()
    qtbot.mouseClick(overlay, Qt.MouseButton.LeftButton)
    assert not overlay.isVisible()
    window.shortcuts_action.trigger()  # the toolbar's button, from anywhere
    assert overlay.isVisible()


@closes_windows
async def test_moves_near_the_playhead_are_shown_from_frames_decoded_while_idle(
    qtbot: QtBot, harness: WindowHarness, tmp_path: Path
) -> None:
    window = await window_with_counter(qtbot, harness, tmp_path)
    timeline = window.timeline
    timeline.setFocus()
    press(qtbot, timeline, Qt.Key.Key_End)
    await until(lambda: shown_frame(window) == FRAMES - 1)
    clip = window.clip_preview.local_clip
    assert clip is not None
    await until(lambda: not clip.busy)  # the second before the playhead is decoded now
    frames = clip.preview_frames
    assert frames is not None
    hits = frames.hits
    press(qtbot, timeline, Qt.Key.Key_Left, 3)
    await until(lambda: shown_frame(window) == FRAMES - 4)
    press(qtbot, timeline, Qt.Key.Key_Left, modifier=Qt.KeyboardModifier.ShiftModifier)
    await until(lambda: shown_frame(window) == FRAMES - 34)
    # Every one of those came from memory; the newest request wins, so some key presses may
    # have been passed over while an earlier frame was being handed on.
    assert frames.hits > hits
    assert all(frames.cached(index) for index in range(FRAMES - 31, FRAMES))


@closes_windows
async def test_the_ends_and_the_marks_are_kept_decoded_for_the_jumps_to_them(
    qtbot: QtBot, harness: WindowHarness, tmp_path: Path
) -> None:
    window = await window_with_counter(qtbot, harness, tmp_path)
    timeline = window.timeline
    timeline.setFocus()
    clip = window.clip_preview.local_clip
    assert clip is not None
    press(qtbot, timeline, Qt.Key.Key_Right, 5)
    press(qtbot, timeline, Qt.Key.Key_I)  # In at frame 5
    await until(lambda: shown_frame(window) == 5)
    await until(lambda: not clip.busy)
    frames = clip.preview_frames
    assert frames is not None
    assert frames.cached(FRAMES - 1)  # End, more than a second away: pinned
    hits = frames.hits
    press(qtbot, timeline, Qt.Key.Key_End)
    await until(lambda: shown_frame(window) == FRAMES - 1)
    assert frames.hits == hits + 1
    await until(lambda: not clip.busy)
    press(qtbot, timeline, Qt.Key.Key_I, modifier=Qt.KeyboardModifier.ShiftModifier)
    await until(lambda: shown_frame(window) == 5)
    assert frames.hits == hits + 2  # the In mark: from memory as well
