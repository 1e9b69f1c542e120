"""The range panel on its own: what it sends, what it remembers, how it can be found."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from kokoon_desktop.core.time_entry import TimeUnit
from kokoon_desktop.core.timecode import FrameRate
from kokoon_desktop.core.timeline import Marks
from kokoon_desktop.storage.settings import SettingsStore
from kokoon_desktop.ui.range_panel import RangePanel
from tests.ui.window_fixtures import enter_into

RATES = ["24000/1001", "24/1", "25/1", "30000/1001", "30/1", "50/1", "60000/1001", "60/1"]


def make_panel(qtbot: QtBot) -> RangePanel:
    panel = RangePanel()
    qtbot.addWidget(panel)
    panel.show()
    return panel


@pytest.mark.parametrize("rate_text", RATES)
def test_values_are_exactly_the_request_of_the_marks(qtbot: QtBot, rate_text: str) -> None:
    rate = FrameRate.parse(rate_text)
    panel = make_panel(qtbot)
    total = 54_001  # half an hour and more at 29.97: many drop-frame minutes
    panel.set_clip(total, rate)
    assert panel.values() == (0, 0, None, None)  # the whole file
    for first, last in ((0, 0), (1, 1), (17, 1799), (1800, 17_982), (9_999, total - 1)):
        marks = Marks(total).set_out(last).set_in(first)
        panel.set_marks(marks)
        assert panel.values() == (*marks.to_request(rate), None, None)
        for unit in TimeUnit:  # every unit reads back the marks it shows
            panel.set_unit(unit)
            for field in (panel.in_point, panel.out_point, panel.duration):
                enter_into(qtbot, field, field.text())
                assert panel.marks == marks, (unit, field.objectName(), field.text())


def test_typed_marks_are_announced_and_set_marks_are_not(qtbot: QtBot) -> None:
    panel = make_panel(qtbot)
    panel.set_clip(100, FrameRate.parse("25"))
    announced: list[Marks] = []
    panel.marks_changed.connect(announced.append)
    panel.set_marks(Marks(100, in_frame=5))
    assert announced == []
    enter_into(qtbot, panel.out_point, "10")
    assert announced == [Marks(100, in_frame=5, out_frame=10)]
    with pytest.raises(ValueError, match="Marks for 50 frames on a clip of 100"):
        panel.set_marks(Marks(50))


def test_a_stored_range_past_the_clip_is_refused_under_in(qtbot: QtBot) -> None:
    panel = make_panel(qtbot)
    panel.set_clip(100, FrameRate.parse("25"))
    panel.set_range(5000, 1000)
    start, duration, problem, _ = panel.values()
    assert (start, duration) == (0, 0) and problem and "after the end of the clip" in problem
    assert panel.in_message.isVisibleTo(panel)
    qtbot.mouseClick(panel.whole_file, Qt.MouseButton.LeftButton)
    assert panel.values() == (0, 0, None, None) and not panel.in_message.isVisibleTo(panel)


def test_the_form_problems_show_under_their_fields_after_the_entries(qtbot: QtBot) -> None:
    panel = make_panel(qtbot)
    panel.show_problems("start rule", "duration rule")
    assert panel.in_message.text() == "start rule"
    assert panel.duration_message.text() == "duration rule"
    enter_into(qtbot, panel.in_point, "soon")
    assert "'soon' is not a time" in panel.in_message.text()
    panel.show_problems(None, None)
    assert not panel.duration_message.isVisibleTo(panel)
    assert panel.in_message.isVisibleTo(panel)  # the unreadable entry is still there


def test_the_unit_is_remembered(qtbot: QtBot, tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "settings.json")
    panel = make_panel(qtbot)
    panel.remember_unit_in(store)
    assert panel.unit is TimeUnit.TIMECODE
    panel.set_clip(100, FrameRate.parse("25"))
    panel.time_unit.setCurrentIndex(panel.time_unit.findData("frames"))
    assert store.load().time_unit == "frames"
    again = make_panel(qtbot)
    again.remember_unit_in(store)
    assert again.unit is TimeUnit.FRAMES
    again.set_clip(100, FrameRate.parse("25"))
    assert again.out_point.text() == "99" and again.time_unit.currentText() == "Frames"


def test_fields_can_be_found_by_name(qtbot: QtBot) -> None:
    panel = make_panel(qtbot)
    for name, kind, accessible in (
        ("in_point", QLineEdit, "In"),
        ("out_point", QLineEdit, "Out"),
        ("duration", QLineEdit, "Duration"),
        ("time_unit", QComboBox, "Time unit"),
        ("whole_file", QPushButton, "Select the whole file"),
    ):
        widget = panel.findChild(kind, name)
        assert widget is not None and widget.accessibleName() == accessible


def test_the_fields_stack_when_the_panel_is_narrow(qtbot: QtBot) -> None:
    panel = make_panel(qtbot)
    panel.set_clip(100, FrameRate.parse("25"))

    def middle(widget: QWidget) -> int:
        """The widget's vertical centre in the panel, once the layout has followed a resize."""
        QApplication.sendPostedEvents()
        return widget.mapTo(panel, widget.rect().center()).y()

    panel.resize(1000, 120)
    assert middle(panel.in_point) == middle(panel.out_point) == middle(panel.duration)
    assert abs(middle(panel.whole_file) - middle(panel.in_point)) < panel.in_point.height() / 2
    assert panel.minimumSizeHint().width() < 300  # the window is never held wide by it
    panel.resize(panel.minimumSizeHint().width(), 400)
    assert middle(panel.in_point) < middle(panel.out_point) < middle(panel.duration)
    assert middle(panel.whole_file) > middle(panel.duration)
    corner = panel.whole_file.mapTo(panel, panel.whole_file.rect().bottomRight())
    assert panel.rect().contains(corner)
