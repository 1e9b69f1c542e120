"""The timeline and the Start/Duration fields stay in step, and the request follows them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kokoon_desktop.core.timecode import FrameRate
from kokoon_desktop.core.timeline import Marks
from kokoon_desktop.ui.task_form import SourceInfo, TaskForm
from kokoon_desktop.ui.timeline_binding import TimelineBinding, clip_of
from kokoon_desktop.ui.timeline_widget import TimelineWidget

VID = "75530d14-e830-11f1-97d1-02fc00000001"


def _bound(qtbot: QtBot, source: SourceInfo | None) -> tuple[TaskForm, TimelineWidget]:
    form = TaskForm()
    timeline = TimelineWidget()
    qtbot.addWidget(form)
    qtbot.addWidget(timeline)
    TimelineBinding(form, timeline)
    timeline.resize(800, 100)
    timeline.show()
    form.set_source(source)
    return form, timeline


def test_clip_needs_a_rate_and_a_length() -> None:
    assert clip_of(None) is None
    assert clip_of(SourceInfo(vid=VID, duration_ms=1000)) is None
    assert clip_of(SourceInfo(vid=VID, fps="nonsense", total_frames=10)) is None
    frames, rate = clip_of(SourceInfo(vid=VID, fps="30000/1001", duration_ms=2002)) or (0, None)
    assert frames == 60 and rate == FrameRate.parse("30000/1001")
    assert clip_of(SourceInfo(vid=VID, fps="25/1", total_frames=100)) == (
        100,
        FrameRate.parse("25/1"),
    )


def test_marks_set_with_keys_fill_the_fields_and_the_request(qtbot: QtBot) -> None:
    source = SourceInfo(vid=VID, fps="25/1", total_frames=100, duration_ms=4000, size=(640, 360))
    form, timeline = _bound(qtbot, source)
    assert timeline.isEnabled() and timeline.total_frames == 100
    timeline.setFocus()
    for _ in range(10):
        qtbot.keyClick(timeline, Qt.Key.Key_Right)
    qtbot.keyClick(timeline, Qt.Key.Key_I)
    qtbot.keyClick(timeline, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)  # 1 s on
    qtbot.keyClick(timeline, Qt.Key.Key_O)
    assert timeline.marks == Marks(100, in_frame=10, out_frame=35)
    assert form.spec is not None
    # Out is inclusive: frames 10..35 are 26 frames, 1040 ms at 25 fps.
    assert (form.spec.start_pos, form.spec.duration) == (400, 1040)
    assert form.range_panel.start_pos.text() == "00:00:00.400"
    qtbot.keyClick(timeline, Qt.Key.Key_X, Qt.KeyboardModifier.AltModifier)
    assert form.spec is not None and (form.spec.start_pos, form.spec.duration) == (0, 0)


def test_a_typed_range_moves_the_marks(qtbot: QtBot) -> None:
    source = SourceInfo(vid=VID, fps="25/1", total_frames=100, duration_ms=4000, size=(640, 360))
    form, timeline = _bound(qtbot, source)
    qtbot.keyClicks(form.range_panel.start_pos, "1000")
    qtbot.keyClicks(form.range_panel.duration, "2000")
    assert timeline.marks == Marks(100, in_frame=25, out_frame=74)
    form.range_panel.select_whole_file()
    assert timeline.marks.is_whole_clip


def test_without_a_rate_the_timeline_stands_aside(qtbot: QtBot) -> None:
    form, timeline = _bound(qtbot, SourceInfo(vid=VID, duration_ms=4000))
    assert not timeline.isEnabled()
    qtbot.keyClicks(form.range_panel.start_pos, "1000")
    qtbot.keyClicks(form.range_panel.duration, "500")
    assert form.spec is not None and (form.spec.start_pos, form.spec.duration) == (1000, 500)
