"""The timeline widget driven like an editor's: keys, handle drags, wheel zoom, ruler clicks.

The widget is 1000 px wide over 250 frames, so the fitted zoom is 4 px per frame and frame f
starts at x = 4 f: every expected frame below follows from that.
"""

from __future__ import annotations

from fractions import Fraction

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPalette, QWheelEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kokoon_desktop.core.timecode import FrameRate
from kokoon_desktop.core.timeline import MAX_ZOOM, Marks
from kokoon_desktop.ui.style import dark_palette
from kokoon_desktop.ui.timeline.widget import SNAP_PX, ZOOM_STEP, TimelineWidget

FPS25 = FrameRate(Fraction(25))
NTSC = FrameRate(Fraction(30000, 1001))
WIDTH = 1000
TOTAL = 250
ZOOM = WIDTH / TOTAL

K = Qt.Key
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
NONE = Qt.KeyboardModifier.NoModifier
LEFT = Qt.MouseButton.LeftButton


def make_timeline(qtbot: QtBot, total: int = TOTAL, rate: FrameRate = FPS25) -> TimelineWidget:
    widget = TimelineWidget()
    qtbot.addWidget(widget)
    widget.resize(WIDTH, 100)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_clip(total, rate)
    return widget


@pytest.fixture
def timeline(qtbot: QtBot) -> TimelineWidget:
    return make_timeline(qtbot)


def track_y(widget: TimelineWidget) -> int:
    return round((widget.ruler_height() + widget.height()) / 2)


def ruler_y(widget: TimelineWidget) -> int:
    return round(widget.ruler_height() / 2)


def press(qtbot: QtBot, widget: TimelineWidget, key: Qt.Key, modifiers: object = None) -> None:
    if modifiers is None:
        qtbot.keyClick(widget, key)
    else:
        qtbot.keyClick(widget, key, modifiers)  # type: ignore[arg-type]


def drag(qtbot: QtBot, widget: TimelineWidget, start: QPoint, end: QPoint) -> None:
    qtbot.mousePress(widget, LEFT, pos=start)
    middle = QPoint((start.x() + end.x()) // 2, start.y())
    qtbot.mouseMove(widget, middle)
    qtbot.mouseMove(widget, end)
    qtbot.mouseRelease(widget, LEFT, pos=end)


def test_identity_and_initial_state(timeline: TimelineWidget) -> None:
    assert timeline.objectName() == "timeline"
    assert timeline.accessibleName() == "timeline"
    assert timeline.focusPolicy() == Qt.FocusPolicy.StrongFocus
    assert timeline.marks == Marks(TOTAL)
    assert timeline.playhead == 0
    assert timeline.view.zoom == pytest.approx(ZOOM)
    assert timeline.view.is_fit


def test_i_and_o_set_marks_at_the_playhead(qtbot: QtBot, timeline: TimelineWidget) -> None:
    seen: list[Marks] = []
    timeline.marks_changed.connect(seen.append)
    timeline.set_playhead(50)
    press(qtbot, timeline, K.Key_I)
    timeline.set_playhead(99)
    press(qtbot, timeline, K.Key_O)
    assert seen == [Marks(TOTAL, 50, None), Marks(TOTAL, 50, 99)]
    # Frames 50..99 inclusive at 25 fps: 2000 ms to 4000 ms.
    assert seen[-1].to_request(FPS25) == (2000, 2000)
    press(qtbot, timeline, K.Key_O)  # the same mark again: no signal
    assert len(seen) == 2


def test_shift_i_and_shift_o_go_to_the_marks(qtbot: QtBot, timeline: TimelineWidget) -> None:
    timeline.set_marks(Marks(TOTAL, 40, 120))
    moves: list[int] = []
    timeline.playhead_moved.connect(moves.append)
    press(qtbot, timeline, K.Key_O, SHIFT)
    assert timeline.playhead == 120  # the Out frame itself, the last one of the range
    press(qtbot, timeline, K.Key_I, SHIFT)
    assert timeline.playhead == 40
    assert moves == [120, 40]


def test_go_to_unset_marks_goes_to_the_clip_ends(qtbot: QtBot, timeline: TimelineWidget) -> None:
    timeline.set_playhead(100)
    press(qtbot, timeline, K.Key_O, SHIFT)
    assert timeline.playhead == TOTAL - 1
    press(qtbot, timeline, K.Key_I, SHIFT)
    assert timeline.playhead == 0


def test_alt_keys_clear_the_marks(qtbot: QtBot, timeline: TimelineWidget) -> None:
    timeline.set_marks(Marks(TOTAL, 40, 120))
    seen: list[Marks] = []
    timeline.marks_changed.connect(seen.append)
    press(qtbot, timeline, K.Key_I, ALT)
    assert timeline.marks == Marks(TOTAL, None, 120)
    press(qtbot, timeline, K.Key_O, ALT)
    assert timeline.marks == Marks(TOTAL)
    timeline.set_marks(Marks(TOTAL, 10, 20))
    press(qtbot, timeline, K.Key_X, ALT)
    assert timeline.marks == Marks(TOTAL)
    assert seen[-1].to_request(FPS25) == (0, 0)
    assert seen == [
        Marks(TOTAL, None, 120),
        Marks(TOTAL),
        Marks(TOTAL, 10, 20),
        Marks(TOTAL),
    ]


def test_arrows_move_one_frame_and_stop_at_the_ends(qtbot: QtBot, timeline: TimelineWidget) -> None:
    press(qtbot, timeline, K.Key_Left)
    assert timeline.playhead == 0
    for _ in range(3):
        press(qtbot, timeline, K.Key_Right)
    press(qtbot, timeline, K.Key_Left)
    assert timeline.playhead == 2
    press(qtbot, timeline, K.Key_End)
    assert timeline.playhead == TOTAL - 1
    press(qtbot, timeline, K.Key_Right)
    assert timeline.playhead == TOTAL - 1
    press(qtbot, timeline, K.Key_Home)
    assert timeline.playhead == 0


@pytest.mark.parametrize(("rate", "second"), [(FPS25, 25), (NTSC, 30)])
def test_shift_arrows_move_one_timecode_second(qtbot: QtBot, rate: FrameRate, second: int) -> None:
    widget = make_timeline(qtbot, total=1000, rate=rate)
    widget.set_playhead(100)
    press(qtbot, widget, K.Key_Right, SHIFT)
    assert widget.playhead == 100 + second
    press(qtbot, widget, K.Key_Right, SHIFT)
    press(qtbot, widget, K.Key_Left, SHIFT)
    press(qtbot, widget, K.Key_Left, SHIFT)
    press(qtbot, widget, K.Key_Left, SHIFT)
    assert widget.playhead == 100 - second
    press(qtbot, widget, K.Key_End)
    press(qtbot, widget, K.Key_Right, SHIFT)
    assert widget.playhead == 999


def test_keys_keep_the_playhead_on_screen(qtbot: QtBot, timeline: TimelineWidget) -> None:
    timeline.set_playhead(0)
    while timeline.view.zoom < MAX_ZOOM:  # 40 px per frame: 25 frames on screen
        timeline.zoom_in()
    assert timeline.view.scroll_px == 0
    press(qtbot, timeline, K.Key_End)
    view = timeline.view
    assert view.scroll_px == view.max_scroll > 0
    assert view.x_of(TOTAL - 1) >= 0 and view.x_of(TOTAL) <= WIDTH
    press(qtbot, timeline, K.Key_Home)
    assert timeline.view.scroll_px == 0
    for _ in range(40):
        press(qtbot, timeline, K.Key_Right)
    view = timeline.view
    assert view.x_of(40) >= 0 and view.x_of(41) <= WIDTH


def test_keys_without_a_clip_do_nothing(qtbot: QtBot) -> None:
    widget = TimelineWidget()
    qtbot.addWidget(widget)
    with (
        qtbot.assertNotEmitted(widget.marks_changed),
        qtbot.assertNotEmitted(widget.playhead_moved),
    ):
        press(qtbot, widget, K.Key_I)
        press(qtbot, widget, K.Key_Right)
    assert widget.rate is None


def test_jkl_and_space_drive_the_shuttle(qtbot: QtBot, timeline: TimelineWidget) -> None:
    speeds: list[int] = []
    playing: list[bool] = []
    timeline.shuttle_changed.connect(speeds.append)
    timeline.play_toggled.connect(playing.append)
    for key in (K.Key_L, K.Key_L, K.Key_L, K.Key_J, K.Key_J, K.Key_K):
        press(qtbot, timeline, key)
    assert speeds == [1, 2, 4, -1, -2, 0]
    assert playing == [True, False]
    press(qtbot, timeline, K.Key_Space)
    assert timeline.is_playing and timeline.shuttle_speed == 1
    press(qtbot, timeline, K.Key_L)
    press(qtbot, timeline, K.Key_Space)
    assert not timeline.is_playing
    assert speeds[-3:] == [1, 2, 0]
    assert playing == [True, False, True, False]


def test_dragging_the_in_handle_lands_on_the_frame(qtbot: QtBot, timeline: TimelineWidget) -> None:
    seen: list[Marks] = []
    timeline.marks_changed.connect(seen.append)
    timeline.set_playhead(200)
    y = track_y(timeline)
    # The In handle sits at x 0 with no marks; grab it one pixel inside.
    drag(qtbot, timeline, QPoint(1, y), QPoint(1 + 60 * 4, y))
    assert timeline.marks == Marks(TOTAL, 60, None)
    assert seen[-1] == Marks(TOTAL, 60, None)
    assert seen[-1].to_request(FPS25) == (2400, 7600)
    assert timeline.playhead == 200  # a handle drag leaves the playhead alone


def test_dragging_the_in_handle_snaps_to_the_playhead(
    qtbot: QtBot, timeline: TimelineWidget
) -> None:
    timeline.set_marks(Marks(TOTAL, 20, 180))
    timeline.set_playhead(100)
    y = track_y(timeline)
    near = 100 * ZOOM - (SNAP_PX - 2)  # within the snap distance, short of frame 100
    drag(qtbot, timeline, QPoint(20 * 4 + 1, y), QPoint(round(near) + 1, y))
    assert timeline.marks == Marks(TOTAL, 100, 180)
    assert timeline.marks.to_request(FPS25) == (4000, 3240)


def move_with(widget: TimelineWidget, x: int, y: int, modifiers: Qt.KeyboardModifier) -> None:
    """A drag move with keyboard modifiers held (qtbot.mouseMove cannot send them)."""
    pos = QPointF(x, y)
    event = QMouseEvent(
        QEvent.Type.MouseMove,
        pos,
        widget.mapToGlobal(pos),
        Qt.MouseButton.NoButton,
        LEFT,
        modifiers,
    )
    QApplication.sendEvent(widget, event)


@pytest.mark.parametrize(("modifiers", "expected"), [(NONE, 100), (SHIFT, 98)])
def test_shift_inverts_snapping(
    qtbot: QtBot, timeline: TimelineWidget, modifiers: Qt.KeyboardModifier, expected: int
) -> None:
    timeline.set_marks(Marks(TOTAL, 20, 180))
    timeline.set_playhead(100)
    y = track_y(timeline)
    qtbot.mousePress(timeline, LEFT, pos=QPoint(20 * 4 + 1, y))
    move_with(timeline, 98 * 4 + 1, y, modifiers)  # 8 px from the playhead: in snap reach
    qtbot.mouseRelease(timeline, LEFT, pos=QPoint(98 * 4 + 1, y))
    assert timeline.marks.in_frame == expected
    timeline.set_snapping(False)
    qtbot.mousePress(timeline, LEFT, pos=QPoint(expected * 4 + 1, y))
    move_with(timeline, 98 * 4 + 1, y, NONE)
    qtbot.mouseRelease(timeline, LEFT, pos=QPoint(98 * 4 + 1, y))
    assert timeline.marks.in_frame == 98


def test_dragging_the_out_handle_is_inclusive_and_never_crosses_the_in(
    qtbot: QtBot, timeline: TimelineWidget
) -> None:
    timeline.set_marks(Marks(TOTAL, 50, None))
    y = track_y(timeline)
    # The Out handle is at the clip's right edge (x 1000); grab it just inside.
    drag(qtbot, timeline, QPoint(WIDTH - 2, y), QPoint(150 * 4 - 2, y))
    assert timeline.marks == Marks(TOTAL, 50, 149)  # handle at boundary 150: Out frame 149
    drag(qtbot, timeline, QPoint(150 * 4 - 2, y), QPoint(10, y))
    assert timeline.marks == Marks(TOTAL, 50, 50)  # stopped at a one-frame range


def test_dragging_the_out_handle_snaps_to_the_playhead_frame(
    qtbot: QtBot, timeline: TimelineWidget
) -> None:
    timeline.set_playhead(120)
    y = track_y(timeline)
    drag(qtbot, timeline, QPoint(WIDTH - 2, y), QPoint(121 * 4 + 5, y))
    # As O would: the playhead's frame is the last one of the range.
    assert timeline.marks == Marks(TOTAL, None, 120)
    assert timeline.marks.to_request(FPS25) == (0, 4840)


def test_clicking_the_ruler_moves_the_playhead(qtbot: QtBot, timeline: TimelineWidget) -> None:
    moves: list[int] = []
    timeline.playhead_moved.connect(moves.append)
    qtbot.mouseClick(timeline, LEFT, pos=QPoint(137 * 4 + 1, ruler_y(timeline)))
    assert timeline.playhead == 137
    assert moves == [137]
    # Dragging on the track scrubs it.
    drag(qtbot, timeline, QPoint(60 * 4, track_y(timeline)), QPoint(90 * 4 + 1, track_y(timeline)))
    assert timeline.playhead == 90
    assert timeline.marks == Marks(TOTAL)


def test_scrubbing_snaps_to_the_marks(qtbot: QtBot, timeline: TimelineWidget) -> None:
    timeline.set_marks(Marks(TOTAL, 100, 150))
    qtbot.mouseClick(timeline, LEFT, pos=QPoint(102 * 4, ruler_y(timeline)))
    assert timeline.playhead == 100
    qtbot.mouseClick(timeline, LEFT, pos=QPoint(151 * 4 + 2, ruler_y(timeline)))
    assert timeline.playhead == 150
    qtbot.mouseClick(timeline, LEFT, pos=QPoint(125 * 4, ruler_y(timeline)))
    assert timeline.playhead == 125


def wheel(widget: TimelineWidget, x: float, notches: float, modifiers: Qt.KeyboardModifier) -> None:
    QApplication.sendEvent(widget, wheel_event(widget, x, notches, modifiers))


def _plain_wheel(widget: TimelineWidget, notches: float) -> QWheelEvent:
    return wheel_event(widget, 100, notches, NONE)


def wheel_event(
    widget: TimelineWidget, x: float, notches: float, modifiers: Qt.KeyboardModifier
) -> QWheelEvent:
    pos = QPointF(x, track_y(widget))
    return QWheelEvent(
        pos,
        widget.mapToGlobal(pos),
        QPoint(0, 0),
        QPoint(0, round(notches * 120)),
        Qt.MouseButton.NoButton,
        modifiers,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )


def test_ctrl_wheel_zooms_around_the_cursor(timeline: TimelineWidget) -> None:
    x = 333.0
    frame = timeline.view.frame_at(x)
    changes: list[object] = []
    timeline.view_changed.connect(changes.append)
    wheel(timeline, x, 3, Qt.KeyboardModifier.ControlModifier)
    view = timeline.view
    assert view.zoom == pytest.approx(ZOOM * ZOOM_STEP**3)
    assert view.frame_at(x) == frame
    assert (x + view.scroll_px) / view.zoom == pytest.approx(x / ZOOM)
    assert changes == [view]
    wheel(timeline, x, -1, Qt.KeyboardModifier.ControlModifier)
    assert timeline.view.zoom == pytest.approx(ZOOM * ZOOM_STEP**2)
    assert timeline.view.frame_at(x) == frame
    timeline.zoom_to_fit()
    assert timeline.view.is_fit and timeline.view.scroll_px == 0


def test_plain_wheel_scrolls_horizontally(timeline: TimelineWidget) -> None:
    wheel(timeline, 500, -1, Qt.KeyboardModifier.NoModifier)
    assert timeline.view.scroll_px == 0  # fitted: nothing to scroll
    wheel(timeline, 500, 4, Qt.KeyboardModifier.ControlModifier)
    before = timeline.view.scroll_px
    wheel(timeline, 500, -1, Qt.KeyboardModifier.NoModifier)  # wheel down: later frames
    assert timeline.view.scroll_px == pytest.approx(before + WIDTH * 0.1)
    assert timeline.view.zoom == pytest.approx(ZOOM * ZOOM_STEP**4)


def test_set_clip_resets_everything(qtbot: QtBot, timeline: TimelineWidget) -> None:
    timeline.set_marks(Marks(TOTAL, 3, 9))
    timeline.set_playhead(7)
    timeline.set_thumbnail_count(4)
    press(qtbot, timeline, K.Key_L)
    with qtbot.waitSignals([timeline.marks_changed, timeline.playhead_moved]):
        timeline.set_clip(500, NTSC)
    assert timeline.marks == Marks(500)
    assert timeline.playhead == 0
    assert timeline.shuttle_speed == 0
    assert timeline.thumbnail_count == 0
    assert timeline.view.is_fit and timeline.view.total_frames == 500
    with pytest.raises(ValueError, match="Marks for 250 frames"):
        timeline.set_marks(Marks(TOTAL))


def test_thumbnails_fill_their_slots(timeline: TimelineWidget) -> None:
    timeline.set_thumbnail_count(5)
    assert [timeline.thumbnail_frame(slot) for slot in range(5)] == [0, 50, 100, 150, 200]
    colour = QColor("#00c000")
    image = QImage(64, 36, QImage.Format.Format_RGB32)
    image.fill(colour)
    timeline.set_thumbnail(2, image)
    with pytest.raises(IndexError):
        timeline.set_thumbnail(5, image)
    grabbed = timeline.grab().toImage()
    y = track_y(timeline)
    assert grabbed.pixelColor(100 * 4 + 10, y) == colour  # inside slot 2
    assert grabbed.pixelColor(50 * 4 + 10, y) != colour  # slot 1 has no image yet


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_paints_at_4k_width(qtbot: QtBot, dark: bool) -> None:
    widget = TimelineWidget()
    qtbot.addWidget(widget)
    if dark:
        widget.setPalette(dark_palette())
    widget.resize(3840, 120)
    widget.set_clip(15_000, NTSC)  # 8:20 at 29.97, drop-frame labels
    widget.set_marks(Marks(15_000, 3000, 9000))
    widget.set_playhead(5000)
    grabbed = widget.grab().toImage()
    assert grabbed.width() == 3840
    background = widget.palette().color(QPalette.ColorRole.Window)
    playhead_x = round(widget.view.x_of(5000))
    assert grabbed.pixelColor(playhead_x, 110) != background

    widget.zoom_in()  # a repaint in a new view recomputes the ruler
    widget.wheelEvent(_plain_wheel(widget, -1))
    scrolled = widget.grab().toImage()
    playhead_x = round(widget.view.x_of(5000))
    assert 0 <= playhead_x < 3840
    assert scrolled.pixelColor(playhead_x, 110) != background


def test_a_view_from_elsewhere_is_fitted_to_the_width(timeline: TimelineWidget) -> None:
    views: list[object] = []
    timeline.view_changed.connect(views.append)
    closer = timeline.view.zoomed(8, 0).scrolled(500)
    timeline.set_view(closer)
    assert timeline.view == closer and views == [closer]
    with pytest.raises(ValueError, match="clip of 250"):
        timeline.set_view(closer.__class__(1000, 10))


def test_f1_and_question_mark_ask_for_the_keys_even_without_a_clip(qtbot: QtBot) -> None:
    widget = TimelineWidget()
    qtbot.addWidget(widget)
    asked: list[bool] = []
    widget.help_requested.connect(lambda: asked.append(True))
    qtbot.keyClick(widget, K.Key_F1)
    qtbot.keyClick(widget, K.Key_Question, SHIFT)
    assert asked == [True, True]


def test_a_new_layout_keeps_the_pictures_of_slots_on_the_same_frames(
    timeline: TimelineWidget,
) -> None:
    timeline.set_thumbnail_count(4)  # frames 0, 62, 125, 187 of 250
    pictures = [QImage(8, 8, QImage.Format.Format_RGB32) for _ in range(4)]
    for slot, picture in enumerate(pictures):
        timeline.set_thumbnail(slot, picture)
    timeline.set_thumbnail_count(8, keep_matching=True)  # frames 0, 31, 62, 93, 125, ...
    assert [timeline.has_thumbnail(slot) for slot in range(8)] == [True, False] * 4
    assert all(timeline.thumbnail(2 * n) is pictures[n] for n in range(4))
    timeline.set_thumbnail_count(2, keep_matching=True)  # frames 0 and 125
    assert [timeline.thumbnail(s) for s in range(timeline.thumbnail_count)] == [
        pictures[0],
        pictures[2],
    ]
    timeline.set_thumbnail_count(4)  # without keep_matching: all gone
    assert not any(timeline.has_thumbnail(slot) for slot in range(4))
