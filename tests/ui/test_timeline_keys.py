"""The timeline's one key map: every key in it is handled, listed in the help and the tooltip,
and described to screen readers; no key means two things."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kokoon_desktop.core.timecode import FrameRate
from kokoon_desktop.ui.timeline import keys
from kokoon_desktop.ui.timeline.input import TimelineInput
from kokoon_desktop.ui.timeline.shortcuts_overlay import ShortcutsOverlay
from kokoon_desktop.ui.timeline.widget import TimelineWidget


def test_every_key_in_the_map_has_a_handler() -> None:
    for shortcut in keys.SHORTCUTS:
        for press in shortcut.presses:
            assert callable(getattr(TimelineInput, press.action, None)), press


def test_no_key_means_two_things() -> None:
    presses = Counter(
        (press.key, press.modifiers) for shortcut in keys.SHORTCUTS for press in shortcut.presses
    )
    assert [combination for combination, times in presses.items() if times > 1] == []


def test_the_help_and_the_tooltip_come_from_the_map(qtbot: QtBot) -> None:
    widget = TimelineWidget()
    qtbot.addWidget(widget)
    overlay = ShortcutsOverlay(widget)
    for shortcut in keys.SHORTCUTS:
        line = f"{shortcut.label}: {shortcut.what}"
        assert line in widget.accessibleDescription()
        assert line in overlay.accessibleDescription()
    assert "I / O set In and Out" in keys.tooltip()
    assert "F1 or ? lists all keys" in keys.tooltip()


def test_labels_are_the_platforms_names_of_the_keys() -> None:
    labels = {shortcut.what: shortcut.label for shortcut in keys.SHORTCUTS}
    assert labels["Set In / Out at the playhead"] == "I  /  O"
    assert labels["One second back / forward"] == "Shift+Left  /  Shift+Right"
    assert labels["Show or hide this list"] == "F1  or  ?"  # Shift+? is the same key typed
    assert labels["Move the In or Out mark"] == "Drag [ or ]"


def test_a_key_added_to_the_map_is_handled_by_the_widget(qtbot: QtBot) -> None:
    widget = TimelineWidget()
    qtbot.addWidget(widget)
    widget.set_clip(100, FrameRate(25))
    widget.set_playhead(50)
    for shortcut in keys.SHORTCUTS:
        for press in shortcut.presses:
            if press.action == "_key_set_out":
                qtbot.keyClick(widget, press.key, press.modifiers)
    assert widget.marks.out_frame == 50
    # The keypad's arrows are arrows.
    qtbot.keyClick(widget, Qt.Key.Key_Right, Qt.KeyboardModifier.KeypadModifier)
    assert widget.playhead == 51
