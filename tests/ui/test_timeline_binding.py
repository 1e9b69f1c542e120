"""The timeline and the In/Out/Duration fields stay in step, and the request follows them."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kokoon_desktop.core.enums import Category
from kokoon_desktop.core.task_spec import TaskSpec
from kokoon_desktop.core.time_entry import TimeUnit
from kokoon_desktop.core.timecode import FrameRate
from kokoon_desktop.core.timeline import Marks
from kokoon_desktop.ui.task_form import SourceInfo, TaskForm
from kokoon_desktop.ui.timeline.binding import TimelineBinding, clip_of
from kokoon_desktop.ui.timeline.widget import TimelineWidget
from tests.ui.window_fixtures import enter_into

VID = "75530d14-e830-11f1-97d1-02fc00000001"
PAL_CLIP = SourceInfo(vid=VID, fps="25/1", total_frames=100, duration_ms=4000, size=(640, 360))


def _bound(qtbot: QtBot, source: SourceInfo | None) -> tuple[TaskForm, TimelineWidget]:
    form = TaskForm()
    timeline = TimelineWidget()
    qtbot.addWidget(form)
    qtbot.addWidget(timeline)
    qtbot.addWidget(form.range_panel)
    TimelineBinding(form, timeline)
    timeline.resize(800, 100)
    timeline.show()
    form.range_panel.show()
    form.set_source(source)
    return form, timeline


def _fields(form: TaskForm) -> tuple[str, str, str]:
    panel = form.range_panel
    return panel.in_point.text(), panel.out_point.text(), panel.duration.text()


def _sent(form: TaskForm) -> tuple[int, int] | None:
    return (form.spec.start_pos, form.spec.duration) if form.spec is not None else None


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
    form, timeline = _bound(qtbot, PAL_CLIP)
    assert timeline.isEnabled() and timeline.total_frames == 100
    assert _fields(form) == ("00:00:00:00", "00:00:03:24", "00:00:04:00")  # the whole clip
    timeline.setFocus()
    for _ in range(10):
        qtbot.keyClick(timeline, Qt.Key.Key_Right)
    qtbot.keyClick(timeline, Qt.Key.Key_I)
    qtbot.keyClick(timeline, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)  # 1 s on
    qtbot.keyClick(timeline, Qt.Key.Key_O)
    assert timeline.marks == Marks(100, in_frame=10, out_frame=35)
    # Out is inclusive: frames 10..35 are 26 frames, 1040 ms at 25 fps.
    assert _fields(form) == ("00:00:00:10", "00:00:01:10", "00:00:01:01")
    assert _sent(form) == (400, 1040)
    assert form.range_panel.values()[:2] == timeline.marks.to_request(FrameRate.parse("25"))
    qtbot.keyClick(timeline, Qt.Key.Key_X, Qt.KeyboardModifier.AltModifier)
    assert _sent(form) == (0, 0)
    assert _fields(form) == ("00:00:00:00", "00:00:03:24", "00:00:04:00")


def test_a_typed_range_moves_the_marks(qtbot: QtBot) -> None:
    form, timeline = _bound(qtbot, PAL_CLIP)
    panel = form.range_panel
    enter_into(qtbot, panel.in_point, "1.")  # 00:00:01:00, frame 25
    assert timeline.marks == Marks(100, in_frame=25)
    enter_into(qtbot, panel.duration, "2.")  # two seconds: Out moves to frame 74
    assert timeline.marks == Marks(100, in_frame=25, out_frame=74)
    assert _fields(form) == ("00:00:01:00", "00:00:02:24", "00:00:02:00")
    assert _sent(form) == (1000, 2000)
    enter_into(qtbot, panel.out_point, "00:00:03:09")
    assert timeline.marks == Marks(100, in_frame=25, out_frame=84)
    assert panel.duration.text() == "00:00:02:10"
    qtbot.mouseClick(panel.whole_file, Qt.MouseButton.LeftButton)
    assert timeline.marks.is_whole_clip and _sent(form) == (0, 0)


def test_a_half_typed_time_does_not_move_the_timeline(qtbot: QtBot) -> None:
    form, timeline = _bound(qtbot, PAL_CLIP)
    panel = form.range_panel
    panel.in_point.setFocus()
    panel.in_point.selectAll()
    qtbot.keyClicks(panel.in_point, "00:00:0")
    assert timeline.marks.is_whole_clip and _sent(form) == (0, 0)
    qtbot.keyClicks(panel.in_point, "2:05")
    assert timeline.marks.is_whole_clip
    qtbot.keyClick(panel.in_point, Qt.Key.Key_Enter)
    assert timeline.marks == Marks(100, in_frame=55)
    assert _sent(form) == (2200, 1800)


def test_leaving_a_field_applies_it(qtbot: QtBot) -> None:
    form, timeline = _bound(qtbot, PAL_CLIP)
    panel = form.range_panel
    panel.out_point.selectAll()
    qtbot.keyClicks(panel.out_point, "3.")
    assert timeline.marks.is_whole_clip
    leave = QFocusEvent(QEvent.Type.FocusOut, Qt.FocusReason.TabFocusReason)
    QApplication.sendEvent(panel.out_point, leave)
    assert timeline.marks == Marks(100, out_frame=75) and _sent(form) == (0, 3040)


def test_relative_entries_move_from_what_the_field_held(qtbot: QtBot) -> None:
    form, timeline = _bound(qtbot, PAL_CLIP)
    panel = form.range_panel
    enter_into(qtbot, panel.in_point, "+1.")  # one second on from 00:00:00:00
    enter_into(qtbot, panel.out_point, "-1.")  # one second back from the last frame
    assert timeline.marks == Marks(100, in_frame=25, out_frame=74)
    enter_into(qtbot, panel.duration, "+10")  # ten frames longer: Out moves
    assert timeline.marks == Marks(100, in_frame=25, out_frame=84)
    panel.set_unit(TimeUnit.FRAMES)
    enter_into(qtbot, panel.in_point, "-5")
    assert timeline.marks == Marks(100, in_frame=20, out_frame=84)
    panel.set_unit(TimeUnit.MILLISECONDS)
    enter_into(qtbot, panel.duration, "-00:00:01.000")
    assert timeline.marks == Marks(100, in_frame=20, out_frame=59)
    enter_into(qtbot, panel.in_point, "-2000")
    assert panel.in_message.isVisibleTo(panel) and "below zero" in panel.in_message.text()
    assert timeline.marks == Marks(100, in_frame=20, out_frame=59)


def test_the_unit_chooser_changes_what_the_fields_show(qtbot: QtBot) -> None:
    form, timeline = _bound(qtbot, PAL_CLIP)
    panel = form.range_panel
    timeline.set_marks(Marks(100, in_frame=25, out_frame=74))
    assert _fields(form) == ("00:00:01:00", "00:00:02:24", "00:00:02:00")
    chosen: list[TimeUnit] = []
    panel.unit_changed.connect(chosen.append)
    panel.time_unit.setFocus()
    qtbot.keyClick(panel.time_unit, Qt.Key.Key_Down)
    assert panel.unit is TimeUnit.FRAMES and chosen == [TimeUnit.FRAMES]
    assert _fields(form) == ("25", "74", "50")
    qtbot.keyClick(panel.time_unit, Qt.Key.Key_Down)
    assert panel.unit is TimeUnit.MILLISECONDS
    # In and Out name frames (Out is where the last frame starts); Duration is what is sent.
    assert _fields(form) == ("00:00:01.000", "00:00:02.960", "00:00:02.000")
    assert _sent(form) == (1000, 2000) and timeline.marks == Marks(100, 25, 74)


def test_a_bad_entry_is_explained_and_keeps_the_last_good_range(qtbot: QtBot) -> None:
    form, timeline = _bound(qtbot, PAL_CLIP)
    panel = form.range_panel
    enter_into(qtbot, panel.in_point, "1.")
    good = timeline.marks
    for field, typed, reason in (
        (panel.in_point, "00:00:00:25", "no frame 25 at 25 fps"),
        (panel.in_point, "9.", "past the end of the clip: its last frame is 00:00:03:24"),
        (panel.out_point, "hello", "'hello' is not a timecode"),
        (panel.duration, "4.", "longer than the clip after In: at most 00:00:03:00"),
        (panel.duration, "0", "at least one frame"),
    ):
        enter_into(qtbot, field, typed)
        message = {
            panel.in_point: panel.in_message,
            panel.out_point: panel.out_message,
            panel.duration: panel.duration_message,
        }[field]
        assert message.isVisibleTo(panel) and reason in message.text(), message.text()
        assert field.text() == typed  # kept, to be corrected
        assert timeline.marks == good and form.spec is None and not form.submit.isEnabled()
        qtbot.keyClick(field, Qt.Key.Key_Escape)  # back to what it showed
        assert not message.isVisibleTo(panel) and form.spec is not None
        assert _fields(form) == ("00:00:01:00", "00:00:03:24", "00:00:03:00")


def test_an_out_before_the_in_lets_go_of_the_in(qtbot: QtBot) -> None:
    form, timeline = _bound(qtbot, PAL_CLIP)
    panel = form.range_panel
    enter_into(qtbot, panel.in_point, "2.")
    enter_into(qtbot, panel.out_point, "1.")  # as the O key would: the new mark wins
    assert timeline.marks == Marks(100, out_frame=25)
    enter_into(qtbot, panel.out_point, "")  # emptied: no Out, to the end
    assert timeline.marks.is_whole_clip


def test_whole_file_turns_the_trim_option_off(qtbot: QtBot) -> None:
    form, timeline = _bound(qtbot, PAL_CLIP)
    assert not form.use_trim_orig.isEnabled()
    enter_into(qtbot, form.range_panel.in_point, "1.")
    assert form.use_trim_orig.isEnabled()
    form.use_trim_orig.setChecked(True)
    assert form.spec is not None and form.spec.use_trim_orig
    qtbot.mouseClick(form.range_panel.whole_file, Qt.MouseButton.LeftButton)
    assert not form.use_trim_orig.isEnabled() and not form.use_trim_orig.isChecked()
    assert form.spec is not None and not form.spec.use_trim_orig and _sent(form) == (0, 0)
    assert timeline.marks.is_whole_clip


def test_submitting_applies_a_time_typed_without_enter(qtbot: QtBot) -> None:
    form, _timeline = _bound(qtbot, PAL_CLIP)
    sent: list[TaskSpec] = []
    form.submit_requested.connect(sent.append)
    panel = form.range_panel
    panel.in_point.setFocus()
    panel.in_point.selectAll()
    qtbot.keyClicks(panel.in_point, "1.")
    form.request_submit()  # Ctrl+Enter, with the cursor still in the field
    assert [(spec.start_pos, spec.duration) for spec in sent] == [(1000, 3000)]


def test_drop_frame_timecode(qtbot: QtBot) -> None:
    source = SourceInfo(vid=VID, fps="30000/1001", total_frames=18_000, size=(640, 360))
    form, timeline = _bound(qtbot, source)
    panel = form.range_panel
    assert panel.out_point.text() == "00:10:00;17"  # frame 17 999
    enter_into(qtbot, panel.in_point, "1..")
    assert "does not exist in drop-frame timecode" in panel.in_message.text()
    enter_into(qtbot, panel.in_point, "1.02")  # 00:01:00;02, the first frame of minute one
    enter_into(qtbot, panel.duration, "1..")  # a length: one timecode minute, 1 800 frames
    assert timeline.marks == Marks(18_000, in_frame=1800, out_frame=3599)
    assert panel.duration.text() == "00:01:00;02"
    assert form.range_panel.values()[:2] == timeline.marks.to_request(FrameRate.parse("29.97"))


def test_without_a_rate_the_fields_work_in_milliseconds(qtbot: QtBot) -> None:
    form, timeline = _bound(qtbot, SourceInfo(vid=VID, duration_ms=4000))
    panel = form.range_panel
    assert not timeline.isEnabled() and panel.marks is None
    assert not panel.time_unit.isEnabled() and panel.time_unit.currentText() == "Milliseconds"
    assert not panel.out_point.isEnabled()
    enter_into(qtbot, panel.in_point, "1000")
    enter_into(qtbot, panel.duration, "500")
    assert _sent(form) == (1000, 500)
    assert _fields(form) == ("00:00:01.000", "", "00:00:00.500")
    enter_into(qtbot, panel.duration, "+1.5")  # relative works here too
    assert _sent(form) == (1000, 2000)


def test_a_range_typed_before_the_rate_is_known_lands_on_the_clip(qtbot: QtBot) -> None:
    form, timeline = _bound(qtbot, None)
    form.range_panel.set_unit(TimeUnit.FRAMES)
    enter_into(qtbot, form.vid, VID)
    enter_into(qtbot, form.range_panel.in_point, "1000")
    enter_into(qtbot, form.range_panel.duration, "2000")
    form.set_source(PAL_CLIP)  # its rate becomes known
    assert timeline.marks == Marks(100, in_frame=25, out_frame=74)
    assert _fields(form) == ("25", "74", "50") and _sent(form) == (1000, 2000)
    form.set_source(None)  # and back to milliseconds, the range kept
    enter_into(qtbot, form.vid, VID)
    assert _fields(form) == ("00:00:01.000", "", "00:00:02.000") and _sent(form) == (1000, 2000)


def test_a_stored_task_lands_on_its_own_clip(qtbot: QtBot) -> None:
    short = SourceInfo(vid=VID, fps="25/1", total_frames=25, duration_ms=1000, size=(640, 360))
    form, timeline = _bound(qtbot, short)
    spec = TaskSpec(
        vid=VID, category=Category.GENERAL, width=1280, height=720, start_pos=2000, duration=1000
    )
    form.load_request_body(spec.to_request_body(), PAL_CLIP)  # longer than the clip shown
    assert timeline.total_frames == 100
    assert timeline.marks == Marks(100, in_frame=50, out_frame=74)
    assert form.spec is not None and form.spec.to_request_body() == spec.to_request_body()
