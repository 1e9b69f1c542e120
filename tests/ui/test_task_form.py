"""The form enforces the service's rules as a user types and clicks."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QWidget
from pytestqt.qtbot import QtBot

from kokoon_desktop.core.enums import Category, TaskType
from kokoon_desktop.core.task_spec import TaskSpec
from kokoon_desktop.ui.task_form import SourceInfo, TaskForm
from tests.ui.window_fixtures import enter_into

VID = "75530d14-e830-11f1-97d1-02fc00000001"
SOURCE = SourceInfo(vid=VID, name="harbour.mp4", size=(640, 360), duration_ms=3000)


def make_form(qtbot: QtBot, source: SourceInfo | None = SOURCE) -> TaskForm:
    form = TaskForm()
    qtbot.addWidget(form)
    form.show()
    if source is not None:
        form.set_source(source)
    return form


def click_box(qtbot: QtBot, box: QCheckBox) -> None:
    """Click on the box itself (the widget's centre may be empty space right of a short label)."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def shown(widget: QWidget) -> bool:
    """Shown by its own state (the range panel lives outside the form in the window)."""
    return not widget.isHidden()


def choose(form: TaskForm, combo_name: str, value: str) -> None:
    combo = getattr(form, combo_name)
    combo.setCurrentIndex(combo.findData(value))


def test_valid_defaults_give_a_spec_and_an_enabled_submit(qtbot: QtBot) -> None:
    form = make_form(qtbot)
    assert form.spec is not None
    assert form.spec.vid == VID and (form.spec.width, form.spec.height) == (1920, 1080)
    assert form.submit.isEnabled()


def test_animation_disables_and_restores_the_ignored_options(qtbot: QtBot) -> None:
    form = make_form(qtbot)
    for name in ("face_enhance", "denoise", "deinterlace", "add_noise"):
        click_box(qtbot, form.options[name])
    choose(form, "category", Category.ANIMATION)
    for name in ("face_enhance", "denoise", "add_noise"):
        box = form.options[name]
        assert not box.isEnabled() and not box.isChecked()
        assert "ignores" in box.toolTip() and "Animation" in box.toolTip()
    assert form.options["deinterlace"].isEnabled() and form.options["deinterlace"].isChecked()
    assert form.spec is not None
    body = form.spec.to_request_body()
    assert body["option"] == {
        "face_enhance": False, "denoise": False, "deinterlace": True, "add_noise": False
    }  # fmt: skip
    choose(form, "category", Category.CG)  # still ignoring: nothing changes
    choose(form, "category", Category.PERSON)
    for name in ("face_enhance", "denoise", "add_noise"):
        assert form.options[name].isEnabled() and form.options[name].isChecked()


def test_trim_original_needs_a_range(qtbot: QtBot) -> None:
    form = make_form(qtbot)
    assert not form.use_trim_orig.isEnabled()
    enter_into(qtbot, form.range_panel.in_point, "1000")
    assert form.use_trim_orig.isEnabled()
    click_box(qtbot, form.use_trim_orig)
    assert form.spec is not None and form.spec.use_trim_orig and form.spec.start_pos == 1000
    qtbot.mouseClick(form.range_panel.whole_file, Qt.MouseButton.LeftButton)
    assert not form.use_trim_orig.isEnabled() and not form.use_trim_orig.isChecked()
    assert form.spec is not None and not form.spec.use_trim_orig


def test_invalid_fields_are_marked_and_block_submit(qtbot: QtBot) -> None:
    form = make_form(qtbot, source=None)
    assert not form.submit.isEnabled()  # no source yet, nothing shouted
    assert not form.vid_message.isVisible()
    qtbot.keyClicks(form.vid, "not-a-video")
    assert form.vid_message.isVisible() and "not a video ID" in form.vid_message.text()
    assert not form.submit.isEnabled() and form.spec is None
    form.vid.clear()
    qtbot.keyClicks(form.vid, VID)
    assert form.spec is not None and form.submit.isEnabled()
    choose(form, "size_preset", "custom")
    form.width_spin.setValue(1921)
    assert form.size_message.isVisible() and "even" in form.size_message.text()
    assert not form.submit.isEnabled()


def test_range_outside_the_source_is_refused(qtbot: QtBot) -> None:
    form = make_form(qtbot)
    enter_into(qtbot, form.range_panel.in_point, "00:00:02.500")
    enter_into(qtbot, form.range_panel.duration, "1000")
    assert form.spec is None and shown(form.range_panel.duration_message)
    enter_into(qtbot, form.range_panel.duration, "500")
    assert form.spec is not None and (form.spec.start_pos, form.spec.duration) == (2500, 500)
    enter_into(qtbot, form.range_panel.in_point, "x")
    assert form.spec is None and shown(form.range_panel.in_message)


def test_size_presets_keep_the_source_aspect(qtbot: QtBot) -> None:
    form = make_form(qtbot, SourceInfo(vid=VID, size=(1080, 1920), duration_ms=1000))
    choose(form, "size_preset", "2x")
    assert (form.width_spin.value(), form.height_spin.value()) == (2160, 3840)
    choose(form, "size_preset", "720p")
    assert (form.width_spin.value(), form.height_spin.value()) == (720, 1280)
    form.width_spin.setValue(1000)  # aspect locked: height follows, preset becomes custom
    assert form.height_spin.value() in (1776, 1778)
    assert form.size_preset.currentData() == "custom"


def test_submit_emits_once_and_not_while_busy(qtbot: QtBot) -> None:
    form = make_form(qtbot)
    sent: list[TaskSpec] = []
    form.submit_requested.connect(sent.append)
    qtbot.mouseClick(form.submit, Qt.MouseButton.LeftButton)
    form.set_busy(True)
    assert not form.submit.isEnabled() and form.submit.text() == "Submitting…"
    qtbot.mouseClick(form.submit, Qt.MouseButton.LeftButton)
    form.request_submit()
    assert len(sent) == 1


def test_load_request_body_for_resubmission(qtbot: QtBot) -> None:
    form = make_form(qtbot, source=None)
    spec = TaskSpec(
        vid=VID, category=Category.ANIMATION, width=1280, height=720,
        task_type=TaskType.SR_PREVIEW, start_pos=1000, duration=1500, use_trim_orig=True,
    )  # fmt: skip
    form.load_request_body(spec.to_request_body(), SOURCE)
    assert form.spec is not None
    assert form.spec.to_request_body() == spec.to_request_body()
    assert not form.options["face_enhance"].isEnabled()


def test_a_start_without_duration_runs_to_the_end_explicitly(qtbot: QtBot) -> None:
    form = make_form(qtbot)
    enter_into(qtbot, form.range_panel.in_point, "1200")
    assert form.spec is not None
    assert (form.spec.start_pos, form.spec.duration) == (1200, 1800)  # 3000 ms source
    assert "to 00:00:03.000" in form.range_panel.summary.text()
    form.set_source(None)  # a typed ID: the length is unknown, so a duration is needed
    form.vid.setText(VID)
    assert form.spec is None and shown(form.range_panel.duration_message)
    assert "Give a duration" in form.range_panel.duration_message.text()
