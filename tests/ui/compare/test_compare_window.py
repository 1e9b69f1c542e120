"""The compare view as a user drives it: modes, zoom and pan in step on both sides, the wipe's
divider, toggling, frame stepping, the snapshot file, and faults in the files.

The pictures here are made so a grab of the window tells what is drawn where: a pixel's red and
green say its picture coordinates, blue says the side (0 before, 255 after) and the pixel at
(0, 0) holds the frame number in its blue-free channels of a corner block.
"""

from __future__ import annotations

import itertools
from fractions import Fraction
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kokoon_desktop.core.timecode import FrameRate
from kokoon_desktop.media.frames import RgbImage
from kokoon_desktop.ui.compare.canvas import GAP, CompareMode
from kokoon_desktop.ui.compare.window import CompareSource, CompareWindow

WIDTH, HEIGHT = 640, 360


def picture(side: int, frame: int) -> RgbImage:
    row = bytearray()
    for x in range(WIDTH):
        row += bytes((x % 256, frame * 10 % 256, side))
    rows = bytearray()
    for y in range(HEIGHT):
        line = bytearray(row)
        for x in range(WIDTH):  # green: y, except the frame mark in the first row
            line[x * 3 + 1] = y % 256 if y else frame * 10 % 256
        rows += line
    return RgbImage(WIDTH, HEIGHT, bytes(rows))


class Pairs:
    def __init__(self, count: int = 5, broken_at: int | None = None) -> None:
        self.count = count
        self.broken_at = broken_at
        self.closed = False
        self.asked: list[int] = []
        self.before_turn = self.after_turn = 0
        self.size = (WIDTH, HEIGHT)
        self.before_size = (WIDTH // 2, HEIGHT // 2)

    def pair(self, index: int) -> tuple[RgbImage, RgbImage]:
        self.asked.append(index)
        if index == self.broken_at:
            raise ValueError(f"frame {index} of the preview does not decode")
        return picture(0, index), picture(255, index)

    def close(self) -> None:
        self.closed = True


def open_window(qtbot: QtBot, pairs: Pairs, *, preview: bool = True) -> CompareWindow:
    source = CompareSource(
        title="harbour dusk.mp4",
        open_pairs=lambda: pairs,
        first_source_frame=48,
        rate=FrameRate(Fraction(25)),
        is_preview=preview,
        name="harbour dusk",
    )
    window = CompareWindow(source)
    qtbot.addWidget(window)
    window.resize(1000, 600)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.shown_index == 0)
    return window


def grab(window: CompareWindow) -> QImage:
    return window.canvas.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def at(image: QImage, x: float, y: float) -> QColor:
    return image.pixelColor(round(x), round(y))


def drag(widget: object, start: QPointF, end: QPointF, steps: int = 5) -> None:
    send = QApplication.sendEvent
    left = Qt.MouseButton.LeftButton
    none = Qt.KeyboardModifier.NoModifier
    send(widget, QMouseEvent(QEvent.Type.MouseButtonPress, start, start, left, left, none))
    for i in range(1, steps + 1):
        p = start + (end - start) * (i / steps)
        send(widget, QMouseEvent(QEvent.Type.MouseMove, p, p, Qt.MouseButton.NoButton, left, none))
    send(
        widget,
        QMouseEvent(QEvent.Type.MouseButtonRelease, end, end, left, Qt.MouseButton.NoButton, none),
    )


def test_opens_on_the_first_frame_with_both_labels(qtbot: QtBot) -> None:
    window = open_window(qtbot, Pairs())
    assert window.frame_count == 5
    assert window.frame_label.text() == "Frame 1 of 5 · source 00:00:01:23"
    assert window.canvas.labels == (
        "Before · source 320×180, Lanczos to 640×360",
        "After · Kokoon SR 640×360",
    )
    assert window.windowTitle() == "Compare — harbour dusk.mp4"


def test_the_split_shows_before_left_of_the_divider_and_after_right(qtbot: QtBot) -> None:
    window = open_window(qtbot, Pairs())
    canvas = window.canvas
    x = canvas.divider_x()
    middle = canvas.height() / 2 + 40  # below the divider's handle
    image = grab(window)
    assert at(image, x - 30, middle).blue() < 40
    assert at(image, x + 30, middle).blue() > 215
    drag(canvas, QPointF(x, middle), QPointF(x + 200, middle))
    assert canvas.state is not None
    assert canvas.state.divider == pytest.approx((x + 200) / canvas.width(), abs=0.01)
    assert at(grab(window), x + 150, middle).blue() < 40  # the wipe moved right


def test_side_by_side_keeps_zoom_and_pan_in_step(qtbot: QtBot) -> None:
    window = open_window(qtbot, Pairs())
    canvas = window.canvas
    window.mode_buttons[CompareMode.SIDE_BY_SIDE].click()
    assert canvas.mode is CompareMode.SIDE_BY_SIDE
    window.zoom_box.setCurrentIndex(window.zoom_box.findText("200%"))
    window.zoom_box.activated.emit(window.zoom_box.currentIndex())
    drag(canvas, QPointF(200, 200), QPointF(120, 150))  # pan from the left half
    port = canvas.viewport()
    image = grab(window)
    for vx, vy in ((40, 60), (port.width / 2, port.height / 2), (port.width - 30, 200)):
        left = at(image, vx, vy)
        right = at(image, vx + port.width + GAP, vy)
        assert (left.red(), left.green()) == (right.red(), right.green())
        assert left.blue() < 40 and right.blue() > 215
    assert window.zoom_box.currentText() == "200%"


def test_at_100_percent_and_closer_pixels_are_squares(qtbot: QtBot) -> None:
    window = open_window(qtbot, Pairs())
    window.set_mode(CompareMode.TOGGLE)
    window.set_zoom(4.0)
    image = grab(window)
    dpr = window.canvas.devicePixelRatioF()
    # at 400% a picture pixel is 4 device pixels wide: a run of equal colours, then a step of 1
    y = image.height() // 2 + 7
    reds = [image.pixelColor(x, y).red() for x in range(100, 140)]
    runs: list[int] = []
    for red in reds:
        if runs and runs[-1] == red:
            continue
        runs.append(red)
    assert len(runs) in (10, 11) and all(b - a == 1 for a, b in itertools.pairwise(runs))
    assert dpr == 1.0


def test_ctrl_wheel_zooms_around_the_pointer(qtbot: QtBot) -> None:
    window = open_window(qtbot, Pairs())
    canvas = window.canvas
    window.set_zoom(1.0)
    assert canvas.state is not None
    point = QPointF(300, 200)
    under = canvas.state.to_picture(canvas.viewport(), point.x(), point.y())
    wheel = QWheelEvent(
        point,
        canvas.mapToGlobal(point),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(canvas, wheel)
    state = canvas.state
    assert state.device_zoom(canvas.viewport()) == pytest.approx(1.25)
    assert state.to_picture(canvas.viewport(), point.x(), point.y()) == pytest.approx(under)
    assert window.zoom_box.currentText() == "125%"
    qtbot.keyClick(canvas, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert canvas.state.zoom is None and window.zoom_box.currentText() == "Fit"


def test_toggle_flips_on_click_and_while_space_is_held(qtbot: QtBot) -> None:
    window = open_window(qtbot, Pairs())
    canvas = window.canvas
    qtbot.keyClick(canvas, Qt.Key.Key_3)
    assert canvas.mode is CompareMode.TOGGLE and window.mode_buttons[CompareMode.TOGGLE].isChecked()
    middle = QPointF(canvas.width() / 2, canvas.height() / 2)
    assert at(grab(window), middle.x(), middle.y()).blue() > 215  # after
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=middle.toPoint())
    assert canvas.showing_before and at(grab(window), middle.x(), middle.y()).blue() < 40
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=middle.toPoint())
    assert not canvas.showing_before
    qtbot.keyPress(canvas, Qt.Key.Key_Space)
    assert canvas.showing_before
    qtbot.keyRelease(canvas, Qt.Key.Key_Space)
    assert not canvas.showing_before


def test_frames_step_with_both_sides_on_the_same_frame(qtbot: QtBot) -> None:
    pairs = Pairs()
    window = open_window(qtbot, pairs)
    canvas = window.canvas
    qtbot.keyClick(canvas, Qt.Key.Key_Right)
    qtbot.keyClick(canvas, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: window.shown_index == 2)
    before, after = canvas.current_images()
    assert before is not None and after is not None
    assert before.pixelColor(5, 0).green() == after.pixelColor(5, 0).green() == 20
    assert window.strip.value() == 2
    assert window.frame_label.text() == "Frame 3 of 5 · source 00:00:02:00"
    qtbot.keyClick(canvas, Qt.Key.Key_Left)
    qtbot.waitUntil(lambda: window.shown_index == 1)
    window.strip.setValue(4)
    qtbot.waitUntil(lambda: window.shown_index == 4)
    qtbot.keyClick(canvas, Qt.Key.Key_Right)  # the last frame: nowhere further
    assert window.index == 4


def test_the_snapshot_holds_both_sides_labelled(qtbot: QtBot, tmp_path: Path) -> None:
    window = open_window(qtbot, Pairs())
    chosen: list[Path] = []

    def choose(suggested: Path) -> Path:
        chosen.append(suggested)
        return tmp_path / "shot.png"

    window._choose_snapshot = choose
    window.snapshot_button.click()
    assert chosen[0].name == "harbour dusk_compare_f0001.png"
    shot = QImage(str(tmp_path / "shot.png"))
    assert (shot.width(), shot.height()) == (WIDTH * 2 + 8, HEIGHT + 36)
    assert shot.pixelColor(100, 36 + 100).blue() < 40
    assert shot.pixelColor(WIDTH + 8 + 100, 36 + 100).blue() > 215
    assert shot.pixelColor(WIDTH + 8 + 100, 36 + 100).red() == 100  # native pixels, not scaled
    assert "Snapshot saved" in window.message.text()
    window.set_zoom(2.0)  # zoomed in: what is shown, at the pictures' own pixels
    smaller = window.snapshot()
    assert smaller.width() < WIDTH * 2 and smaller.height() < HEIGHT + 36


def test_a_snapshot_that_cannot_be_written_says_so(qtbot: QtBot, tmp_path: Path) -> None:
    window = open_window(qtbot, Pairs())
    window._choose_snapshot = lambda _: tmp_path / "missing" / "shot.png"
    window.snapshot_button.click()
    assert window.message.isVisible()
    assert window.message.text().startswith("The snapshot was not saved")


def test_submit_full_task_is_offered_for_a_preview_only(qtbot: QtBot) -> None:
    window = open_window(qtbot, Pairs())
    with qtbot.waitSignal(window.submit_full_requested):
        window.submit_full_button.click()
    result = open_window(qtbot, Pairs(), preview=False)
    assert not result.submit_full_button.isVisibleTo(result)


def test_files_that_do_not_open_or_decode_get_a_message(qtbot: QtBot) -> None:
    def refuse() -> Pairs:
        raise ValueError("sr.mp4 is not a video file")

    window = CompareWindow(CompareSource("x", refuse))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(window.message.isVisible)
    assert window.message.text() == "These frames cannot be shown: sr.mp4 is not a video file"
    pairs = Pairs(broken_at=1)
    window = open_window(qtbot, pairs)
    qtbot.keyClick(window.canvas, Qt.Key.Key_Right)
    qtbot.waitUntil(window.message.isVisible)
    assert "frame 1 of the preview does not decode" in window.message.text()
    qtbot.keyClick(window.canvas, Qt.Key.Key_Right)  # the next frame still shows
    qtbot.waitUntil(lambda: window.shown_index == 2)


def test_closing_closes_the_files(qtbot: QtBot) -> None:
    pairs = Pairs()
    window = open_window(qtbot, pairs)
    window.close()
    qtbot.waitUntil(lambda: pairs.closed)
