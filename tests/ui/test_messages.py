"""The window's message channel and the notification bar that shows it."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QMainWindow, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from kokoon_desktop.ui.messages import Level, Message, MessageCenter, Notice, NotificationBar
from kokoon_desktop.ui.style import ToneLabel


def _window(
    qtbot: QtBot, center: MessageCenter, **bar_options: int
) -> tuple[QMainWindow, NotificationBar]:
    window = QMainWindow()
    qtbot.addWidget(window)
    bar = NotificationBar(center, status_bar=window.statusBar(), **bar_options)
    central = QWidget()
    layout = QVBoxLayout(central)
    layout.addWidget(bar)
    layout.addStretch(1)
    window.setCentralWidget(central)
    window.resize(640, 240)
    window.show()
    return window, bar


def test_center_posts_typed_messages_in_order(qtbot: QtBot) -> None:
    center = MessageCenter()
    seen: list[Message] = []
    center.posted.connect(seen.append)
    before = datetime.now(UTC)
    center.info("Refreshed")
    center.warning("Slow answer")
    center.error("Submission failed", details="500: boom")
    assert [(m.level, m.text, m.details) for m in seen] == [
        (Level.INFO, "Refreshed", None),
        (Level.WARNING, "Slow answer", None),
        (Level.ERROR, "Submission failed", "500: boom"),
    ]
    assert all(isinstance(m, Message) and m.time >= before and m.time.tzinfo for m in seen)
    assert center.history() == seen


def test_error_stays_until_dismissed_and_info_does_not_cover_it(qtbot: QtBot) -> None:
    center = MessageCenter()
    window, bar = _window(qtbot, center, info_timeout_ms=30)
    assert bar.isHidden()

    center.error("The service failed (500): boom", details="request id 42")
    assert bar.isVisible() and bar.text_label.text() == "The service failed (500): boom"
    assert bar.details_button.isVisible()
    assert window.statusBar().currentMessage() == "The service failed (500): boom"

    center.info("Task submitted")  # less important: status bar only
    assert bar.current() is not None and bar.current().level is Level.ERROR  # type: ignore[union-attr]
    assert window.statusBar().currentMessage() == "Task submitted"
    qtbot.wait(100)  # longer than the info timeout: the error is still there
    assert bar.isVisible()

    qtbot.mouseClick(bar.close_button, Qt.MouseButton.LeftButton)
    assert bar.isHidden() and bar.current() is None


def test_icons_come_with_the_first_message(qtbot: QtBot) -> None:
    # The bar is built hidden at start-up; the style's icons are looked up when it is shown.
    center = MessageCenter()
    _, bar = _window(qtbot, center)
    assert bar.close_button.icon().isNull()
    center.warning("Slow answer")
    assert not bar.close_button.icon().isNull()
    pixmap = bar._icon.pixmap()
    assert pixmap is not None and not pixmap.isNull()


def test_info_hides_itself_and_a_newer_warning_replaces_it(qtbot: QtBot) -> None:
    center = MessageCenter()
    _, bar = _window(qtbot, center, info_timeout_ms=50)
    center.info("Loaded 2 videos")
    assert bar.isVisible() and not bar.details_button.isVisible()
    qtbot.waitUntil(bar.isHidden, timeout=2000)

    center.info("Checking…")
    center.warning("The token is kept for this session only.")
    assert bar.text_label.text() == "The token is kept for this session only."
    qtbot.wait(120)
    assert bar.isVisible(), "warnings wait for the user"


def test_details_open_on_demand(qtbot: QtBot) -> None:
    center = MessageCenter()
    _, bar = _window(qtbot, center)
    center.error("Could not check the task", details="Traceback: ...\nline 2")
    assert bar.details_view.isHidden()
    qtbot.mouseClick(bar.details_button, Qt.MouseButton.LeftButton)
    assert bar.details_view.isVisible()
    assert bar.details_view.toPlainText() == "Traceback: ...\nline 2"
    assert bar.details_button.accessibleName() == "Hide details"


def test_controls_have_names_for_automation(qtbot: QtBot) -> None:
    center = MessageCenter()
    _, bar = _window(qtbot, center)
    for widget in (bar, bar.close_button, bar.details_button, bar.text_label):
        assert widget.objectName() and widget.accessibleName()


def _centre_colour(widget: QWidget) -> QColor:
    image = widget.grab().toImage()
    return image.pixelColor(4, image.height() // 2)


def _dark() -> QPalette:
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#202124"),
        (QPalette.ColorRole.WindowText, "#e8eaed"),
        (QPalette.ColorRole.Base, "#17181a"),
        (QPalette.ColorRole.Text, "#e8eaed"),
    ):
        palette.setColor(role, QColor(colour))
    return palette


def test_bar_colours_follow_the_palette_and_the_level(qtbot: QtBot) -> None:
    center = MessageCenter()
    window, bar = _window(qtbot, center)
    light = QPalette()
    light.setColor(QPalette.ColorRole.Window, QColor("#efefef"))
    light.setColor(QPalette.ColorRole.WindowText, QColor("#000000"))
    window.setPalette(light)

    center.error("boom")
    error_light = _centre_colour(bar)
    assert error_light.lightness() > 180 and error_light.red() > error_light.blue()

    window.setPalette(_dark())
    error_dark = _centre_colour(bar)
    assert error_dark.lightness() < 90 and error_dark.red() > error_dark.blue()

    bar.dismiss()
    center.info("fine")
    info_dark = _centre_colour(bar)
    assert info_dark.lightness() < 90 and info_dark.blue() > info_dark.red()


def test_notice_shows_and_clears(qtbot: QtBot) -> None:
    notice = Notice()
    qtbot.addWidget(notice)
    assert notice.isHidden() and notice.text() == ""
    notice.show_notice(Level.WARNING, "No working system keychain")
    assert notice.level is Level.WARNING and notice.text() == "No working system keychain"
    assert "warning" in notice.accessibleDescription()
    notice.clear()
    assert notice.isHidden() and notice.text() == ""


def test_tone_label_text_stays_readable_when_the_palette_turns_dark(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    light = QPalette()
    light.setColor(QPalette.ColorRole.Window, QColor("#efefef"))
    parent.setPalette(light)
    label = ToneLabel("Refusing plain http://", "error", parent)
    on_light = label.palette().color(QPalette.ColorRole.WindowText)
    assert on_light.red() > on_light.green() and on_light.lightness() < 128

    parent.setPalette(_dark())
    on_dark = label.palette().color(QPalette.ColorRole.WindowText)
    assert on_dark.red() > on_dark.green() and on_dark.lightness() > on_light.lightness()
    assert label.palette().color(QPalette.ColorRole.Window) == QColor("#202124"), "inherited"

    label.set_tone("muted")
    muted = label.palette().color(QPalette.ColorRole.WindowText)
    window = label.palette().color(QPalette.ColorRole.Window)
    text = QColor("#e8eaed")
    assert window.lightness() < muted.lightness() < text.lightness(), "between text and background"
