"""Accessibility of the main window: every control reachable by keyboard in reading order,
named for screen readers (checked through Qt's accessibility tree), and text colours that pass
WCAG AA contrast (4.5:1) in the light and the dark palette."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QPalette
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QWidget
from pytestqt.qtbot import QtBot

from kokoon_desktop.sandbox.media import write_clip
from kokoon_desktop.ui.main_window import MainWindow
from kokoon_desktop.ui.style import (
    AA_CONTRAST,
    contrast_ratio,
    dark_palette,
    muted_text_colour,
    readable_palette,
    surface_colour,
    tone_text_colour,
)
from tests.ui.window_fixtures import WindowHarness, closes_windows, until, upload


def light_palette() -> QPalette:
    """A light platform palette, as the app adjusts it at start."""
    return readable_palette(QApplication.style().standardPalette())


PALETTES = {"light": light_palette, "dark": dark_palette}


@pytest.mark.parametrize("name", list(PALETTES))
def test_text_colours_pass_wcag_aa(name: str, qapp: object) -> None:
    palette = PALETTES[name]()
    role = QPalette.ColorRole
    pairs = {
        "window text": (palette.color(role.WindowText), palette.color(role.Window)),
        "field text": (palette.color(role.Text), palette.color(role.Base)),
        "button text": (palette.color(role.ButtonText), palette.color(role.Button)),
        "selection": (palette.color(role.HighlightedText), palette.color(role.Highlight)),
        "muted text": (muted_text_colour(palette), palette.color(role.Window)),
    }
    for tone in ("info", "warning", "error"):
        text = tone_text_colour(palette, tone)  # type: ignore[arg-type]
        pairs[f"{tone} text"] = (text, palette.color(role.Window))
        pairs[f"{tone} text on its box"] = (text, surface_colour(palette, tone))  # type: ignore[arg-type]
    failing = {
        what: round(contrast_ratio(text, ground), 2)
        for what, (text, ground) in pairs.items()
        if contrast_ratio(text, ground) < AA_CONTRAST
    }
    assert failing == {}


async def window_with_a_source(qtbot: QtBot, harness: WindowHarness, tmp_path: Path) -> MainWindow:
    window = harness.open_window(qtbot)
    await until(lambda: window.session is not None)
    clip = write_clip(tmp_path / "take.mp4", width=64, height=64, seconds=0.5)
    assert await upload(window, clip) is not None
    await until(lambda: window.form.submit.isEnabled())
    return window


def focus_chain(window: MainWindow, limit: int = 80) -> list[QWidget]:
    """The widgets Tab visits, from the first, as a keyboard user meets them."""
    first = window.form.vid
    first.setFocus(Qt.FocusReason.TabFocusReason)
    chain = [first]
    widget = first
    for _ in range(limit):
        widget = widget.nextInFocusChain()
        while widget is not None and not (
            widget.isVisibleTo(window)
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        ):
            widget = widget.nextInFocusChain()
        if widget is None or widget is first:
            break
        chain.append(widget)
    return chain


def accessible_name(widget: QWidget) -> str:
    parent = widget.parentWidget()
    if isinstance(parent, QAbstractSpinBox):  # its text field is the focus; it is the control
        widget = parent
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None
    return interface.text(QAccessible.Text.Name)


@closes_windows
async def test_every_control_is_named_and_reachable_in_reading_order(
    qtbot: QtBot, harness: WindowHarness, tmp_path: Path
) -> None:
    window = await window_with_a_source(qtbot, harness, tmp_path)
    chain = focus_chain(window)
    unnamed = [w.objectName() or type(w).__name__ for w in chain if not accessible_name(w)]
    assert unnamed == []
    order = [w.objectName() for w in chain]
    # Reading order: the form, top to bottom, then Submit, the timeline and its range, then
    # the history.
    expected = ["vid", "browse_videos", "task_type", "category", "input_quality", "use_sr",
                "face_enhance", "size_preset", "codec", "submit", "timeline",
                "history"]  # fmt: skip
    positions = [order.index(name) for name in expected]
    assert positions == sorted(positions), order


@closes_windows
async def test_the_timeline_shows_where_the_focus_is(
    qtbot: QtBot, harness: WindowHarness, tmp_path: Path
) -> None:
    window = await window_with_a_source(qtbot, harness, tmp_path)
    timeline = window.timeline
    timeline.setFocus(Qt.FocusReason.TabFocusReason)
    await until(timeline.hasFocus)
    focused = timeline.grab().toImage()
    window.form.vid.setFocus(Qt.FocusReason.TabFocusReason)
    await until(lambda: not timeline.hasFocus())
    unfocused = timeline.grab().toImage()
    assert focused.pixelColor(0, timeline.height() // 2) != unfocused.pixelColor(
        0, timeline.height() // 2
    )
