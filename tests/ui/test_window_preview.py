"""Preview before paying, compare after, in the window against the simulator, as a user does it.

Preview sends the form's task as an SR_PREVIEW for the marked range; when it is done its two
pictures come into the cache and the compare view opens by itself; "Submit full task with these
settings" sends the very request that was previewed, as a full task. From the history, Compare
opens a done preview again, and a downloaded result against its local source, frame-aligned
(read back from burned-in frame numbers).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QImage
from pytestqt.qtbot import QtBot

from kokoon_desktop.core.timeline import Marks
from kokoon_desktop.media.frames import RgbImage
from kokoon_desktop.sandbox.faults import FaultRule
from kokoon_desktop.storage.history import ResultState, SubmissionState
from kokoon_desktop.ui.compare.canvas import CompareMode
from kokoon_desktop.ui.compare.window import CompareWindow
from kokoon_desktop.ui.main_window import MainWindow
from kokoon_desktop.ui.messages import Level
from kokoon_desktop.ui.task_form import SourceInfo
from tests.media.counter_video import make_counter_video
from tests.ui.window_fixtures import (
    HARBOUR,
    WindowHarness,
    cells,
    click,
    closes_windows,
    entry_of,
    notification,
    posts,
    rows,
    select_row,
    shown_message,
    until,
    upload,
)


async def ready_with_source(qtbot: QtBot, harness: WindowHarness) -> MainWindow:
    """The demo clip chosen from the account (as the video browser does), ready to preview."""
    window = harness.open_window(qtbot)
    await until(lambda: window.credit_label.text() not in ("Credit: …", ""))
    session = window.session
    assert session is not None
    video = await session.connection.client.get_video(harness.vids[HARBOUR])
    window.form.set_source(SourceInfo.from_video(video))
    await until(lambda: window.form.preview.isEnabled() and window.timeline.isEnabled())
    return window


def as_rgb(image: QImage) -> RgbImage:
    """A picture the compare view holds, as rgb24 (to read its burned-in frame number)."""
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    row = rgb.width() * 3
    bits = bytes(rgb.constBits())
    data = b"".join(
        bits[y * rgb.bytesPerLine() : y * rgb.bytesPerLine() + row] for y in range(rgb.height())
    )
    return RgbImage(rgb.width(), rgb.height(), data)


def compare_view(window: MainWindow, entry_id: int) -> CompareWindow | None:
    return window.previews.views.get(entry_id)


def newest(window: MainWindow) -> int:
    return max(entry.id for entry in rows(window))


async def previewed(qtbot: QtBot, window: MainWindow) -> tuple[int, CompareWindow]:
    """Mark frames 30-59 of the clip, press Preview; the row and its compare view once open."""
    total = window.timeline.total_frames
    window.timeline.set_marks(Marks(total).set_in(30).set_out(59))
    before = {entry.id for entry in rows(window)}
    click(qtbot, window.form.preview)
    await until(lambda: any(entry.id not in before for entry in rows(window)))
    entry_id = newest(window)
    await until(lambda: compare_view(window, entry_id) is not None, within_s=15)
    view = compare_view(window, entry_id)
    assert view is not None
    await until(lambda: view.shown_index == 0, within_s=10)
    return entry_id, view


@closes_windows
async def test_preview_of_the_marked_range_opens_the_comparison_when_done(
    qtbot: QtBot, harness: WindowHarness
) -> None:
    window = await ready_with_source(qtbot, harness)
    entry_id, view = await previewed(qtbot, window)
    entry = entry_of(window, entry_id)
    assert entry.request_body["task_type"] == "SR_PREVIEW"
    assert entry.request_body["start_pos"] == 1000  # frame 30 at 30 fps
    assert cells(window, entry_id)["Type"] == "Preview"
    assert entry.result_state is None  # a preview is looked at, not put beside the footage
    assert view.frame_count == 5
    assert view.canvas.labels == (
        "Before · source 640×360, Lanczos to 1920×1080",
        "After · Kokoon SR 1920×1080",
    )
    assert view.frame_label.text().startswith("Frame 1 of 5 · source 00:00:01:00")
    # Modes, zoom and stepping, as the user drives them.
    qtbot.keyClick(view.canvas, Qt.Key.Key_2)
    assert view.canvas.mode is CompareMode.SIDE_BY_SIDE
    qtbot.keyClick(view.canvas, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert view.canvas.state is not None and view.canvas.state.zoom == 1.0
    qtbot.keyClick(view.canvas, Qt.Key.Key_Right)
    await until(lambda: view.shown_index == 1)
    # The pictures are in the profile's cache.
    cached = harness.profile_dir / "cache" / "previews" / (entry.tid or "")
    assert sorted(p.name for p in cached.iterdir()) == ["orig.mp4", "sr.mp4"]


@closes_windows
async def test_submit_full_task_sends_exactly_the_previewed_settings(
    qtbot: QtBot, harness: WindowHarness
) -> None:
    window = await ready_with_source(qtbot, harness)
    preview_id, view = await previewed(qtbot, window)
    window.form.category.setCurrentIndex(3)  # the form moved on meanwhile: it must not matter
    sent = posts(harness.sandbox)
    click(qtbot, view.submit_full_button)
    await until(lambda: newest(window) != preview_id)
    full = entry_of(window, newest(window))
    await until(lambda: entry_of(window, full.id).state is SubmissionState.SUBMITTED)
    assert posts(harness.sandbox) == sent + 1
    preview = entry_of(window, preview_id)
    assert full.request_body["task_type"] == "SR"
    assert {k: v for k, v in full.request_body.items() if k != "task_type"} == {
        k: v for k, v in preview.request_body.items() if k != "task_type"
    }


@closes_windows
async def test_with_no_range_marked_a_second_from_the_playhead_is_previewed(
    qtbot: QtBot, harness: WindowHarness
) -> None:
    window = await ready_with_source(qtbot, harness)
    window.timeline.set_playhead(15)
    click(qtbot, window.form.preview)
    assert window.timeline.marks == Marks(window.timeline.total_frames, 15, 44)
    assert shown_message(window) == (
        Level.INFO,
        "No range was marked: previewing one second from the playhead.",
    )
    await until(lambda: len(rows(window)) == 1)
    body = rows(window)[0].request_body
    assert (body["task_type"], body["start_pos"], body["duration"]) == ("SR_PREVIEW", 500, 1000)
    # The full task of that second, 1080p: one credit, said in the singular.
    await until(lambda: window.form.cost.text().startswith("Cost: 1 credit · "))


@closes_windows
async def test_ctrl_shift_enter_previews_and_the_history_opens_it_again(
    qtbot: QtBot, harness: WindowHarness
) -> None:
    window = await ready_with_source(qtbot, harness)
    window.timeline.set_marks(Marks(window.timeline.total_frames).set_in(0).set_out(29))
    qtbot.keyClick(
        window,
        Qt.Key.Key_Return,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    await until(lambda: len(rows(window)) == 1)
    entry_id = rows(window)[0].id
    await until(lambda: compare_view(window, entry_id) is not None, within_s=15)
    view = compare_view(window, entry_id)
    assert view is not None
    view.close()
    await until(lambda: compare_view(window, entry_id) is None)
    select_row(qtbot, window, entry_id)
    compare = window.history_pane.table.findChild(QAction, "history_compare")
    assert compare is not None and compare.isEnabled()
    assert compare.text() == "Compare preview with source"
    harness.sandbox.clear_requests()
    compare.trigger()
    await until(lambda: compare_view(window, entry_id) is not None)
    assert not [r for r in harness.sandbox.requests if r.origin == "storage"]  # from the cache


@closes_windows
async def test_pictures_that_cannot_be_fetched_are_said_and_the_window_goes_on(
    qtbot: QtBot, harness: WindowHarness
) -> None:
    window = await ready_with_source(qtbot, harness)
    harness.sandbox.faults.add(FaultRule(match="GET /storage/*", status=404, times=None))
    window.timeline.set_marks(Marks(window.timeline.total_frames).set_in(0).set_out(29))
    click(qtbot, window.form.preview)
    await until(lambda: "cannot be shown" in str(notification(window)), within_s=15)
    assert shown_message(window) == (
        Level.ERROR,
        "The preview cannot be shown: The preview's pictures are no longer on the service.",
    )
    assert window.previews.views == {}
    assert window.form.submit.isEnabled()


@closes_windows
async def test_a_downloaded_result_compares_frame_by_frame_with_its_source(
    qtbot: QtBot, harness: WindowHarness, tmp_path: Path
) -> None:
    """The result's frame i against the source's In + i, read back from burned-in numbers."""
    from tests.media.counter_video import read_counter

    harness.sandbox.config.render_results = True  # the result really is the range, upscaled
    source = make_counter_video(tmp_path / "numbered take.mp4", frames=75, width=160, height=90)
    out = tmp_path / "out"
    window = harness.open_window(qtbot, output_dir=out)
    await until(lambda: window.upload_action.isEnabled())
    await upload(window, source)
    await until(lambda: window.timeline.isEnabled() and window.form.submit.isEnabled())
    window.form.size_preset.setCurrentIndex(window.form.size_preset.findData("2x"))
    window.timeline.set_marks(Marks(window.timeline.total_frames).set_in(40).set_out(49))
    before = {entry.id for entry in rows(window)}
    click(qtbot, window.form.submit)
    await until(lambda: any(entry.id not in before for entry in rows(window)))
    entry_id = newest(window)
    await until(
        lambda: entry_of(window, entry_id).result_state is ResultState.DOWNLOADED, within_s=20
    )
    select_row(qtbot, window, entry_id)
    compare = window.history_pane.table.findChild(QAction, "history_compare")
    assert compare is not None and compare.isEnabled()
    compare.trigger()
    await until(lambda: compare_view(window, entry_id) is not None)
    view = compare_view(window, entry_id)
    assert view is not None
    await until(lambda: view.shown_index == 0)
    assert view.frame_count == 10
    assert view.canvas.labels[0] == "Before · source 160×90, Lanczos to 320×180"
    # What the view shows, frame by frame: both sides carry the same burned-in number.
    for index in range(view.frame_count):
        if index:
            qtbot.keyClick(view.canvas, Qt.Key.Key_Right)
            await until(lambda i=index: view.shown_index == i)
        before_image, after_image = view.canvas.current_images()
        assert before_image is not None and after_image is not None
        assert read_counter(as_rgb(before_image)) == read_counter(as_rgb(after_image)) == 40 + index
    assert view.submit_full_button.isHidden()


@closes_windows
async def test_compare_without_the_source_file_says_why(
    qtbot: QtBot, harness: WindowHarness, tmp_path: Path
) -> None:
    harness.sandbox.config.render_results = True
    source = make_counter_video(tmp_path / "moved.mp4", frames=30, width=160, height=90)
    window = harness.open_window(qtbot, output_dir=tmp_path / "out")
    await until(lambda: window.upload_action.isEnabled())
    await upload(window, source)
    await until(lambda: window.form.submit.isEnabled())
    click(qtbot, window.form.submit)
    await until(lambda: len(rows(window)) == 1)
    entry_id = rows(window)[0].id
    await until(
        lambda: entry_of(window, entry_id).result_state is ResultState.DOWNLOADED, within_s=20
    )
    source.unlink()  # the editor moved the clip
    window.previews.compare_entry(entry_of(window, entry_id))
    assert shown_message(window)[1].startswith("The source file is not on this computer")
    assert window.previews.views == {}
