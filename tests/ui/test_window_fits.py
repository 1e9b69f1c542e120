"""The window on the screens people have: a 1366×768 laptop and 1920×1080 at 150% (1280×720 of
room) show the whole form and Submit without scrolling; a layout saved on a bigger screen is
not forced onto a smaller one; before there is a source the preview area says how to get one
and lights up while a video is dragged over the window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QRect, QSize, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent
from pytestqt.qtbot import QtBot

from kokoon_desktop.sandbox.media import write_clip
from kokoon_desktop.ui.main_window import DEFAULT_SIZE, MainWindow, _default_size
from tests.ui.window_fixtures import WindowHarness, closes_windows, until, upload


def fully_inside(window: MainWindow, widget: object) -> bool:
    from PySide6.QtWidgets import QWidget

    assert isinstance(widget, QWidget)
    top_left = widget.mapTo(window, QPoint(0, 0))
    return window.rect().contains(QRect(top_left, widget.size())) and widget.isVisibleTo(window)


def whole_form_shown(window: MainWindow) -> bool:
    viewport = window.form_scroll.viewport()
    right = window.form.browse.mapTo(viewport, QPoint(window.form.browse.width(), 0)).x()
    return viewport.width() >= window.form.minimumSizeHint().width() and right <= viewport.width()


@pytest.mark.parametrize(
    ("width", "height"),
    [(1366, 768 - 40 - 30), (1280, 720 - 40 - 30)],  # less a taskbar and a title bar
    ids=["1366x768", "1920x1080-at-150%"],
)
@closes_windows
async def test_the_whole_form_and_submit_fit_without_scrolling(
    qtbot: QtBot, harness: WindowHarness, width: int, height: int
) -> None:
    window = harness.open_window(qtbot)
    window.resize(width, height)
    await until(lambda: window.session is not None)
    await until(lambda: window.form_scroll.height() >= window.form.height_in(window.form.columns))
    await until(lambda: not window.form_scroll.verticalScrollBar().isVisible())
    assert fully_inside(window, window.form.submit)
    assert fully_inside(window, window.form.options["add_noise"])
    assert fully_inside(window, window.form.use_trim_orig)
    assert fully_inside(window, window.timeline)
    assert fully_inside(window, window.history_pane)


@closes_windows
async def test_a_tall_window_keeps_the_form_in_one_column(
    qtbot: QtBot, harness: WindowHarness
) -> None:
    window = harness.open_window(qtbot)
    window.resize(1280, 1100)
    await until(lambda: window.form_scroll.height() >= window.form.height_in(1) + 48)
    await until(lambda: window.form.columns == 1)
    # Nothing of the one column is cut off at the right, not even after a drag of the
    # splitter towards the form (its pane does not scroll sideways).
    window.top_splitter.setSizes([200, 1080])
    await until(lambda: whole_form_shown(window))
    window.resize(1280, 600)
    await until(lambda: window.form.columns == 2)
    window.resize(1280, 1100)
    await until(lambda: window.form.columns == 1)


def test_the_default_size_stays_within_the_screen() -> None:
    assert _default_size(QSize(2560, 1400)) == DEFAULT_SIZE
    assert _default_size(QSize(1366, 728)) == QSize(1280, 688)
    assert _default_size(QSize(1280, 672)) == QSize(1264, 632)


@closes_windows
async def test_a_layout_saved_on_a_bigger_screen_is_not_forced_on_this_one(
    qtbot: QtBot, harness: WindowHarness
) -> None:
    window = harness.open_window(qtbot)
    available = window.screen().availableGeometry()
    window.resize(available.width() + 600, available.height() + 400)  # a big monitor's
    window.save_layout()
    window.close()
    again = harness.open_window(qtbot)
    assert available.contains(again.frameGeometry())
    assert again.size().width() <= DEFAULT_SIZE.width()


@closes_windows
async def test_a_layout_that_fits_is_restored(qtbot: QtBot, harness: WindowHarness) -> None:
    window = harness.open_window(qtbot)
    window.resize(700, 600)  # the test screen is 800×800
    window.main_splitter.setSizes([440, 140])
    window.top_splitter.setSizes([420, 264])
    header = window.history_pane.table.horizontalHeader()
    header.resizeSection(1, 333)
    sizes = window.main_splitter.sizes(), window.top_splitter.sizes()
    window.save_layout()
    window.close()
    again = harness.open_window(qtbot)
    assert again.size() == QSize(700, 600)
    restored = again.main_splitter.sizes(), again.top_splitter.sizes()
    for was, now in zip(sizes, restored, strict=True):  # to a few pixels: the bars settle
        assert all(abs(a - b) <= 4 for a, b in zip(was, now, strict=True)), (was, now)
    assert again.history_pane.table.horizontalHeader().sectionSize(1) == 333


@closes_windows
async def test_the_form_starts_from_the_category_and_size_chosen_last_time(
    qtbot: QtBot, harness: WindowHarness
) -> None:
    from tests.ui.window_fixtures import choose

    window = harness.open_window(qtbot)
    choose(qtbot, window.form.category, "Animation")
    choose(qtbot, window.form.size_preset, "2160p (4K UHD)")
    window.close()
    again = harness.open_window(qtbot)
    assert again.form.category.currentText() == "Animation"
    assert again.form.size_preset.currentText() == "2160p (4K UHD)"
    assert not again.form.options["face_enhance"].isEnabled()  # the category's rule applied


@closes_windows
async def test_settings_that_could_not_be_used_are_said(
    qtbot: QtBot, harness: WindowHarness
) -> None:
    import json

    from kokoon_desktop.paths import profile_paths
    from kokoon_desktop.ui.messages import Level

    settings_file = profile_paths(harness.profile_dir).settings_file
    settings_file.parent.mkdir(parents=True, exist_ok=True)
    settings_file.write_text(json.dumps({"time_unit": "fortnights", "auto_download": "maybe"}))
    window = harness.open_window(qtbot)
    said = [m for m in window.messages.history() if m.level is Level.WARNING]
    assert [m.text for m in said] == [
        "Some settings could not be used and are back to their defaults."
    ]
    assert said[0].details is not None
    assert "time_unit" in said[0].details and "auto_download" in said[0].details


def drag_enter(window: MainWindow, path: Path) -> QDragEnterEvent:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDragEnterEvent(
        QPoint(50, 50), Qt.DropAction.CopyAction, data, Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    event.setAccepted(False)
    window.dragEnterEvent(event)
    return event


@closes_windows
async def test_the_preview_area_says_how_to_get_a_source_and_lights_up_on_a_drag(
    qtbot: QtBot, harness: WindowHarness, tmp_path: Path
) -> None:
    clip = write_clip(tmp_path / "take 1.mp4", width=64, height=64, seconds=0.5)
    window = harness.open_window(qtbot)
    target = window.drop_target
    assert target.isVisibleTo(window)
    assert "Drop a video here" in target.text and "Upload video…" in target.text
    await until(lambda: window.session is not None)
    event = drag_enter(window, clip)
    assert event.isAccepted() and target.highlighted
    window.dragLeaveEvent(QDragLeaveEvent())
    assert not target.highlighted
    assert await upload(window, clip) is not None
    assert not target.isVisibleTo(window)
    window.form.set_source(None)
    assert target.isVisibleTo(window)
